/* api: the JSON API for other systems (monitoring, e-commerce, CRM).
 *
 *   POST  /api/v1/tickets                   create   -> 201 {number, link, ...}
 *   GET   /api/v1/tickets/NUMBER            read: status, category, priority,
 *                                           channel, times, SLA dues, events
 *   POST  /api/v1/tickets/NUMBER/comments   add a comment
 *   PATCH /api/v1/tickets/NUMBER            change status and/or priority (a priority
 *                                           change is a request a supervisor approves
 *                                           unless the key has "priority:set")
 *   POST  /api/v1/tickets/NUMBER/merge      merge it into {"into": NUMBER, "reason"} -> 200 the
 *                                           surviving ticket with "merged_from"
 *   POST  /api/v1/tickets/NUMBER/links      link {"kind", "ticket": NUMBER} -> 201
 *   POST  /api/v1/tickets/NUMBER/links/remove  remove that link -> 200
 *   GET   /api/v1/reports/summary           the statistics' whole report (every table
 *   GET   /api/v1/reports/TABLE             of lib/desk/stats/tables.h), or one table,
 *                                           for the period and filters of the query
 *   GET   /api/v1/review/problems[/ID]      the review loop (keys with the "review"
 *   GET   /api/v1/review/meetings[/ID]      grant): problem records, meetings,
 *   GET   /api/v1/review/actions[/ID]       improvement actions; lists newest
 *                                           first, ?before=ID for the next page
 *   GET   /api/v1/health                    liveness and database ping
 *
 * Authorization: Bearer KEY (lib/desk/people/apikey.h). A key sees the tickets it
 * created unless its scope is "all"; a key of scope "reports" reads the
 * reports (every team's figures) and nothing else, and only it does. A
 * merged ticket's number reads as the surviving ticket (its JSON with
 * "merged_from": the number asked), or, when the key may not see that one,
 * as itself with "merged_into"; writes to it are refused (409 merged). Errors are
 * {"error": {"code", "message", "field"}} with the matching HTTP status. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "desk/people/apikey.h"
#include "desk/attachment.h"
#include "desk/stats/export.h"
#include "desk/stats/tables.h"
#include "desk/desk.h"
#include "web/http.h"
#include "core/log.h"
#include "desk/ticket/priority_request.h"
#include "web/files.h"
#include "web/program.h"
#include "web/review_json.h"
#include "core/text.h"
#include "desk/ticket/ticket.h"
#include "desk/ticket/ticket_fields.h"
#include "desk/ticket/ticket_link.h"
#include "desk/ticket/ticket_merge.h"
#include "web/apibody.h"
#include "web/web.h"

typedef struct call {
    req_t *r;
    desk_t *d;
    size_t max_body; /* Api.MaxBody */
    apikey_t key;
    apibody_t in;                             /* the JSON body (lib/web/apibody.h) */
    unsigned char body_hash[SUBMIT_HASH_LEN]; /* of the body with its keys sorted */
} call_t;

static void respond(call_t *c, int status, json_t *doc)
{
    char *text = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(15));
    c->r->status = status;
    c->r->content_type = "application/json; charset=utf-8";
    if (text) {
        string_append(&c->r->body, text);
        string_append_char(&c->r->body, '\n');
    }
    free(text);
    json_decref(doc);
}

static void fail(call_t *c, int status, const char *code, const char *message, const char *field)
{
    json_t *err = json_pack("{s:s, s:s}", "code", code, "message", message);
    json_object_set_new(err, "field", field ? json_string(field) : json_null());
    respond(c, status, json_pack("{s:o}", "error", err));
}

static json_t *time_json(time_t t)
{
    char buf[32];
    struct tm tm;
    if (!t)
        return json_null();
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
    return json_string(buf);
}

/* Answers 422 for the first refused member of the body, if any. */
static bool refused(call_t *c)
{
    if (!*c->in.bad)
        return false;
    fail(c, 422, "invalid_value", c->in.why, c->in.bad);
    return true;
}

static bool missing(call_t *c, const char *name, const char *value)
{
    if (value)
        return false;
    char msg[96];
    snprintf(msg, sizeof msg, "%s is required", name);
    fail(c, 400, "missing_field", msg, name);
    return true;
}

/* The Idempotency-Key header: true when absent or usable (submit key
 * written), false after refusing it. */
static bool idempotency_key(call_t *c, char *submit_key, size_t cap)
{
    const char *idem = req_env(c->r, "HTTP_IDEMPOTENCY_KEY");
    if (!idem || !*idem) {
        char random[TOKEN_TEXT_LEN + 1];
        token_new(random);
        snprintf(submit_key, cap, "gen:%s", random);
        return true;
    }
    if (!apibody_idempotency_key_ok(idem)) {
        fail(c, 400, "bad_idempotency_key",
             "Idempotency-Key must be 1 to 128 bytes of UTF-8 without control characters",
             "Idempotency-Key");
        return false;
    }
    snprintf(submit_key, cap, "api:%lld:%s", c->key.id, idem);
    return true;
}

static void create_ticket(call_t *c, const char *arg)
{
    (void)arg;
    ticket_new_t t = {0};
    field_value_t values[APIBODY_MAX_VALUES];
    apibody_error_t e;
    if (apibody_ticket(&c->in, &c->d->catalog, &t, values, &e))
        return fail(c, e.status, e.code, e.message, e.field);
    t.channel = catalog_channel(&c->d->catalog, "api");
    t.language = "zh";
    t.actor = (actor_t){.type = "api", .api_key_id = c->key.id, .name = c->key.label};
    char submit_key[256];
    if (!idempotency_key(c, submit_key, sizeof submit_key))
        return;
    t.submit_key = submit_key;
    t.request_hash = c->body_hash;
    ticket_receipt_t rec;
    int rc = ticket_create(c->d, &t, &rec);
    if (rc == OUTCOME_KEY_REUSED)
        return fail(c, 422, "idempotency_key_reused",
                    "this Idempotency-Key was used with another request; use a new key for a "
                    "different ticket",
                    "Idempotency-Key");
    if (rc == OUTCOME_UNKNOWN)
        return fail(c, 503, "outcome_unknown",
                    strncmp(submit_key, "gen:", 4) != 0
                        ? "the database went away while the ticket was being saved: it may have "
                          "been stored. Send the same request with the same Idempotency-Key "
                          "again: it answers with the ticket if it was stored, and creates it if "
                          "not"
                        : "the database went away while the ticket was being saved: it may have "
                          "been stored. This request had no Idempotency-Key, so sending it again "
                          "may create a second ticket: look for the first one before you do",
                    NULL);
    if (rc != OUTCOME_OK)
        return fail(c, 503, "unavailable", "the ticket could not be saved; nothing was stored, try again", NULL);
    char link[512];
    snprintf(link, sizeof link, "%s/t/%s", c->d->base_url, rec.follow_token);
    json_t *out = json_pack("{s:s, s:s, s:b}", "number", rec.number, "link", link, "duplicate",
                            rec.duplicate);
    char where[96];
    snprintf(where, sizeof where, "/api/v1/tickets/%s", rec.number);
    req_header(c->r, "Location", where);
    respond(c, rec.duplicate ? 200 : 201, out);
}

static bool key_sees(const call_t *c, const ticket_t *t)
{
    return c->key.may.all_tickets || t->api_key_id == c->key.id;
}

/* Loads the ticket named in the path, if this key may see it. */
static bool visible_ticket(call_t *c, const char *number, ticket_t *t)
{
    int rc = ticket_by_number(c->d, number, t);
    if (rc == OUTCOME_OK && key_sees(c, t))
        return true;
    if (rc == OUTCOME_OK)
        ticket_free(t);
    if (rc == OUTCOME_UNAVAILABLE)
        fail(c, 503, "unavailable", "database unavailable, try again", NULL);
    else
        fail(c, 404, "not_found", "no such ticket", NULL);
    return false;
}

static void add_event_json(const ticket_event_t *e, void *ctx)
{
    json_t *ev = json_pack("{s:I, s:s, s:s, s:s, s:o}", "id", (json_int_t)e->id, "kind", e->kind,
                           "actor_type", e->actor_type, "actor", e->actor_name, "at",
                           time_json(e->created_at));
    if (*e->field)
        json_object_set_new(ev, "field", json_string(e->field));
    if (*e->old_value)
        json_object_set_new(ev, "old", json_string(e->old_value));
    if (*e->new_value)
        json_object_set_new(ev, "new", json_string(e->new_value));
    if (e->body)
        json_object_set_new(ev, "body", json_string(e->body));
    if (*e->merged_from) /* an event of a ticket merged into this one */
        json_object_set_new(ev, "merged_from", json_string(e->merged_from));
    json_array_append_new(ctx, ev);
}

/* The last priority request this key filed on the ticket, or null. */
static json_t *priority_request_json(call_t *c, long long ticket_id, int *rc)
{
    priority_request_t r;
    int found = priority_request_of_key(c->d, ticket_id, c->key.id, &r);
    const priority_t *to = catalog_priority_by_id(&c->d->catalog, r.to_priority_id);
    if (found < 0)
        *rc = OUTCOME_UNAVAILABLE;
    if (found != 1)
        return json_null();
    return json_pack("{s:I, s:s, s:s, s:o, s:o}", "id", (json_int_t)r.id, "priority",
                     to ? to->code : "", "state", r.state, "requested_at",
                     time_json(r.created_at), "decided_at", time_json(r.decided_at));
}

/* The core fields the API reads back (ticket_fields.h) into out by their API
 * names: text as a string ("" when none), a moment as time_json writes it. */
static void core_json(const ticket_t *t, json_t *out)
{
    for (int i = 0; i < ticket_ncore; i++) {
        const ticket_field_t *f = &ticket_core[i];
        if (!f->api || !f->api_out || !ticket_field_read_back(f))
            continue;
        const char *member;
        json_t *obj = apibody_holder(f, out, json_object_get(out, "customer"), &member);
        if (obj == out && member != f->api) { /* the first customer member */
            obj = json_object();
            json_object_set_new(out, "customer", obj);
        }
        json_object_set_new(obj, member,
                            f->kind == TFK_TIME ? time_json(ticket_back_time(&t->core, f))
                                                : json_string(ticket_back_text(&t->core, f)));
    }
}

static void add_link_json(const ticket_link_t *l, void *ctx)
{
    void **x = ctx; /* the call, the array */
    call_t *c = x[0];
    ticket_t o;
    if (ticket_by_id(c->d, l->other_id, &o) != OUTCOME_OK)
        return;
    bool sees = key_sees(c, &o); /* never a ticket this key may not see */
    ticket_free(&o);
    if (sees)
        json_array_append_new(x[1], json_pack("{s:s, s:s, s:s, s:s}", "kind", l->kind, "number",
                                              l->number, "subject", l->subject, "status",
                                              l->status));
}

/* A loaded ticket as the API shows it, or NULL when the database failed. */
static json_t *ticket_json(call_t *c, const ticket_t *t)
{
    const catalog_t *cat = &c->d->catalog;
    const category_t *k = catalog_category_by_id(cat, t->category_id);
    const priority_t *p = catalog_priority_by_id(cat, t->priority_id);
    const channel_t *ch = catalog_channel_by_id(cat, t->channel_id);
    json_t *events = json_array(), *links = json_array();
    json_t *out = json_pack("{s:s, s:s}", "number", t->number, "status", t->status);
    core_json(t, out);
    json_object_update_new(
        out, json_pack("{s:s, s:s, s:s, s:o, s:o, s:{s:o, s:o, s:o}, s:o, s:o}", "category",
                       k ? k->code : "", "priority", p ? p->code : "", "channel",
                       ch ? ch->code : "", "created_at", time_json(t->created_at), "updated_at",
                       time_json(t->updated_at), "sla", "classify_due_at",
                       time_json(t->classify_due_at), "first_response_due_at",
                       time_json(t->first_response_due_at), "resolution_due_at",
                       time_json(t->resolution_due_at), "events", events, "links", links));
    int rc = ticket_each_event(c->d, t->id, true, add_event_json, events);
    void *x[] = {c, links};
    if (rc == OUTCOME_OK && ticket_links_each(c->d, t->id, add_link_json, x) < 0)
        rc = OUTCOME_UNAVAILABLE;
    json_object_set_new(out, "priority_request", priority_request_json(c, t->id, &rc));
    if (rc != OUTCOME_OK) {
        json_decref(out);
        return NULL;
    }
    return out;
}

/* The ticket of a number, answered: a merged one as its survivor when this
 * key may see it ("merged_from"), else as itself ("merged_into"). */
static void show_ticket(call_t *c, const char *number, int status)
{
    ticket_t t, s;
    if (!visible_ticket(c, number, &t))
        return;
    json_t *out;
    int rc = t.merged_into ? ticket_survivor(c->d, &t, &s) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK && key_sees(c, &s)) {
        out = ticket_json(c, &s);
        if (out)
            json_object_set_new(out, "merged_from", json_string(t.number));
    } else {
        out = rc == OUTCOME_OK || rc == OUTCOME_NOT_FOUND ? ticket_json(c, &t) : NULL;
        if (out && rc == OUTCOME_OK)
            json_object_set_new(out, "merged_into", json_string(s.number));
    }
    if (rc == OUTCOME_OK)
        ticket_free(&s);
    ticket_free(&t);
    if (!out)
        return fail(c, 503, "unavailable", "database unavailable, try again", NULL);
    respond(c, status, out);
}

/* A write to a merged ticket: refused with the number to send it to. */
static bool merged(call_t *c, const ticket_t *t)
{
    ticket_t s;
    if (!t->merged_into)
        return false;
    char msg[160];
    bool found = ticket_survivor(c->d, t, &s) == OUTCOME_OK;
    snprintf(msg, sizeof msg, "ticket %s was merged into %s: send this to that ticket", t->number,
             found ? s.number : "another");
    if (found)
        ticket_free(&s);
    fail(c, 409, "merged", msg, NULL);
    return true;
}

static void read_ticket(call_t *c, const char *number) { show_ticket(c, number, 200); }

static const char *path_number(const char *arg, char *buf, size_t cap)
{
    size_t n = strcspn(arg, "/");
    if (n == 0 || n >= cap)
        return NULL;
    memcpy(buf, arg, n);
    buf[n] = '\0';
    return buf;
}

static void add_comment(call_t *c, const char *arg)
{
    char number[TN_MAX];
    ticket_t t;
    if (!path_number(arg, number, sizeof number))
        return fail(c, 404, "not_found", "no such ticket", NULL);
    if (!visible_ticket(c, number, &t))
        return;
    if (merged(c, &t))
        return ticket_free(&t);
    static const form_field_t rule = {.name = "body", .type = FT_LONGTEXT, .required = true,
                                      .max_chars = 20000};
    const char *body = apibody_value(&c->in, c->in.doc, "body", "body", &rule, false);
    long long id = t.id;
    ticket_free(&t);
    if (refused(c) || missing(c, "body", body))
        return;
    actor_t who = {.type = "api", .api_key_id = c->key.id, .name = c->key.label};
    if (ticket_add_comment(c->d, id, &who, body, false, NULL) != OUTCOME_OK)
        return fail(c, 503, "unavailable", "the comment could not be saved; try again", NULL);
    respond(c, 201, json_pack("{s:s, s:b}", "number", number, "added", 1));
}

/* ---- attachments: one file per request, the body is the file ---------- */

static const char *const file_errors[][2] = {
    {"too_large", "the file is larger than the limit (Attachments.MaxBytes)"},
    {"empty", "the file is empty"},
    {"type", "this type of file is not accepted (detected from its content)"},
    {"too_many", "too many files"},
    {"name", "the file name holds a control, text-direction or invisible character, or is not UTF-8"},
    {"name_long", "the file name is longer than 200 characters"},
    {"store", "the file could not be stored; try again"},
};

static void file_refused(call_t *c, const char *error)
{
    for (size_t i = 0; i < sizeof file_errors / sizeof *file_errors; i++)
        if (!strcmp(error, file_errors[i][0])) {
            bool server = !strcmp(error, "store");
            bool named = !strncmp(error, "name", 4);
            return fail(c, server ? 503 : !strcmp(error, "too_large") ? 413 : 422,
                        server ? "unavailable" : "invalid_file", file_errors[i][1],
                        named ? "filename" : "file");
        }
    fail(c, 422, "invalid_file", "the file was refused", "file");
}

/* POST /api/v1/tickets/N/attachments?filename=NAME with the file as body */
static void upload_attachment(call_t *c, const char *arg)
{
    char number[TN_MAX];
    ticket_t t;
    if (!path_number(arg, number, sizeof number))
        return fail(c, 404, "not_found", "no such ticket", NULL);
    const char *name = req_query(c->r, "filename");
    if (!name || !*name)
        return fail(c, 400, "missing_field", "the filename query parameter is required",
                    "filename");
    if (!visible_ticket(c, number, &t))
        return;
    if (merged(c, &t))
        return ticket_free(&t);
    long long id = t.id;
    ticket_free(&t);
    char *raw;
    size_t len;
    int st = req_read_body(c->r, (size_t)attachment_max_bytes(c->d), &raw, &len);
    if (st)
        return file_refused(c, st == 413 ? "too_large" : "store");
    uploads_t u;
    st = attachment_take_bytes(c->d, name, raw, len, &u);
    free(raw);
    if (st)
        return file_refused(c, u.error);
    actor_t who = {.type = "api", .api_key_id = c->key.id, .name = c->key.label};
    if (ticket_add_comment(c->d, id, &who, NULL, false, &u) != OUTCOME_OK) {
        attachment_discard(c->d, &u);
        return fail(c, 503, "unavailable", "the file could not be saved; try again", NULL);
    }
    char sha[65];
    sodium_bin2hex(sha, sizeof sha, u.items[0].sha256, sizeof u.items[0].sha256);
    respond(c, 201, json_pack("{s:s, s:s, s:s, s:I, s:s}", "number", number, "filename",
                              u.items[0].filename, "content_type", u.items[0].content_type,
                              "size", (json_int_t)u.items[0].size, "sha256", sha));
}

static void add_attachment_json(const attachment_t *a, void *ctx)
{
    char url[64];
    snprintf(url, sizeof url, "/api/v1/attachments/%lld", a->id);
    json_array_append_new(ctx, json_pack("{s:I, s:s, s:s, s:I, s:s, s:s}", "id",
                                         (json_int_t)a->id, "filename", a->filename,
                                         "content_type", a->content_type, "size",
                                         (json_int_t)a->size, "uploaded_by", a->uploaded_by,
                                         "url", url));
}

static void list_attachments(call_t *c, const char *arg)
{
    char number[TN_MAX];
    ticket_t t;
    if (!path_number(arg, number, sizeof number))
        return fail(c, 404, "not_found", "no such ticket", NULL);
    if (!visible_ticket(c, number, &t))
        return;
    json_t *list = json_array();
    int rc = attachment_each(c->d, t.id, false, add_attachment_json, list);
    ticket_free(&t);
    if (rc) {
        json_decref(list);
        return fail(c, 503, "unavailable", "database unavailable, try again", NULL);
    }
    respond(c, 200, json_pack("{s:s, s:o}", "number", number, "attachments", list));
}

/* GET /api/v1/attachments/ID: the file, when its ticket is the key's. */
static void download_attachment(call_t *c, const char *arg)
{
    attachment_t a;
    ticket_t t;
    int rc = attachment_get(c->d, web_id(arg), &a);
    if (rc != OUTCOME_OK && rc != OUTCOME_NOT_FOUND)
        return fail(c, 503, "unavailable", "database unavailable, try again", NULL);
    if (rc == OUTCOME_NOT_FOUND || a.internal || ticket_by_id(c->d, a.ticket_id, &t) != OUTCOME_OK)
        return fail(c, 404, "not_found", "no such attachment", NULL);
    bool mine = c->key.may.all_tickets || t.api_key_id == c->key.id;
    ticket_free(&t);
    if (!mine)
        return fail(c, 404, "not_found", "no such attachment", NULL);
    files_serve_attachment(c->d, c->r, &a);
}

static void update_ticket(call_t *c, const char *number)
{
    ticket_t t;
    static const form_field_t r_reason = {.name = "reason", .type = FT_LONGTEXT, .max_chars = 2000};
    const char *status = apibody_code(&c->in, c->in.doc, "status");
    const char *priority = apibody_code(&c->in, c->in.doc, "priority");
    const char *reason = apibody_value(&c->in, c->in.doc, "reason", "reason", &r_reason, false);
    if (refused(c))
        return;
    if (!status && !priority)
        return fail(c, 400, "missing_field", "status or priority is required", "status");
    int to = status ? ticket_status_parse(status) : 0;
    if (to < 0)
        return fail(c, 422, "invalid_value", "unknown status", "status");
    const priority_t *p = priority ? catalog_priority(&c->d->catalog, priority) : NULL;
    if (priority && !p)
        return fail(c, 422, "invalid_value", "unknown priority", "priority");
    if (!visible_ticket(c, number, &t))
        return;
    if (merged(c, &t))
        return ticket_free(&t);
    long long id = t.id, request = 0;
    ticket_free(&t);
    actor_t who = {.type = "api", .api_key_id = c->key.id, .name = c->key.label};
    /* without "priority:set" a priority change waits for a supervisor, as
       an agent's does */
    int rc = ticket_update(c->d, id, p, status ? to : -1, &who, reason, !c->key.may.set_priority,
                           &request);
    if (rc == OUTCOME_BAD_TRANSITION)
        return fail(c, 422, "invalid_transition", "the ticket cannot move to that status from where it is", "status");
    if (rc == OUTCOME_APPROVAL_REQUIRED)
        return fail(c, 422, "approval_required",
                    "work on a customisation request starts once the customer approved its"
                    " requirement evaluation", "status");
    if (rc == OUTCOME_REASON_REQUIRED)
        return fail(c, 400, "missing_field",
                    "reason is required: a priority change waits for a supervisor's approval",
                    "reason");
    if (rc != OUTCOME_OK)
        return fail(c, 503, "unavailable", "the change could not be saved; try again", NULL);
    show_ticket(c, number, request ? 202 : 200);
}

/* ---- the statistics, for BI tools ------------------------------------ */

static const char *const report_langs[] = {"zh", "en", NULL};
static const form_field_t report_fields[] = {
    {.name = "kind", .type = FT_CHOICE, .max_chars = 10, .choices = stats_kind_codes},
    {.name = "at", .type = FT_DATE, .max_chars = 10},
    {.name = "until", .type = FT_DATE, .max_chars = 10},
    {.name = "team", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "category", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "priority", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "channel", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "product", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "organisation", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "tag", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "agent", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "lang", .type = FT_CHOICE, .max_chars = 2, .choices = report_langs},
};
#define NREPORT ((int)(sizeof report_fields / sizeof *report_fields))

/* 400 bad_parameter naming the parameter; false. */
static bool bad_parameter(call_t *c, const char *name, const char *why)
{
    char msg[400];
    snprintf(msg, sizeof msg, "%s %s", name, why);
    fail(c, 400, "bad_parameter", msg, name);
    return false;
}

/* The query's parameters, each known and valid; false after answering. */
static bool report_query(call_t *c)
{
    HDF *h = c->r->hdf;
    for (HDF *q = hdf_get_child(h, "Query"); q; q = hdf_obj_next(q)) {
        const char *name = hdf_obj_name(q);
        int i = 0;
        while (i < NREPORT && strcmp(name, report_fields[i].name))
            i++;
        if (i == NREPORT)
            return bad_parameter(c, name, "is not a parameter of the reports (kind, at, until, "
                                          "team, category, priority, channel, product, "
                                          "organisation, tag, agent, lang)");
    }
    if (!form_validate(h, h, report_fields, NREPORT))
        return true;
    const char *name = form_first_error(h);
    const char *err = hdf_get_valuef(h, "Form.%s.error", name);
    if (err && !strcmp(err, "invalid_number")) /* the filters' ids */
        return bad_parameter(c, name, "is not a whole number from 0 (0: all)");
    const form_field_t *rule = NULL;
    for (int i = 0; i < NREPORT; i++)
        if (!strcmp(name, report_fields[i].name))
            rule = &report_fields[i];
    char why[200];
    apibody_refusal(name, err ? err : "", rule, why, sizeof why);
    return bad_parameter(c, name, why + strlen(name) + 1);
}

/* GET /api/v1/reports/summary (every table) or /api/v1/reports/TABLE. The
 * period: kind (week, month, quarter, year, range; month by default), at (a
 * day of it; today by default), until (a range's last day); the filters:
 * team, category, priority, channel, product, organisation, tag (a customer
 * tag), agent (the owner) ids (0 or none: all). A reports key sees every
 * team, but not the tables per agent (agent, agents: 403), which are for
 * supervisors only. */
static void read_report(call_t *c, const char *arg)
{
    bool all = !strcmp(arg, "summary");
    int table = -1;
    for (int i = 0; !all && stats_table_codes[i]; i++)
        if (!strcmp(arg, stats_table_codes[i]))
            table = i;
    if (!all && table < 0)
        return fail(c, 404, "not_found", "no such report: summary (all tables), volume, times, "
                                         "sla, daily, category, priority, channel, team, "
                                         "status, repeat, combos, terms, cross, pairs, "
                                         "satisfaction, scores or lowest", NULL);
    if (!all && stats_table_per_agent(arg))
        return fail(c, 403, "insufficient_scope", "the figures per agent are for supervisors "
                                                  "on the statistics page, not the reports API",
                    NULL);
    if (!report_query(c))
        return;
    HDF *h = c->r->hdf;
    int kind = stats_kind_parse(form_value(h, "kind"));
    const char *lang = form_value(h, "lang");
    stats_filter_t f = {.team_id = form_int(h, "team"), .category_id = form_int(h, "category"),
                        .priority_id = form_int(h, "priority"),
                        .channel_id = form_int(h, "channel"),
                        .product_id = form_int(h, "product"),
                        .organisation_id = form_int(h, "organisation"),
                        .tag_id = form_int(h, "tag"), .agent_id = form_int(h, "agent")};
    stats_period_t p;
    time_t now = desk_now(c->d);
    if (stats_period_make(kind < 0 ? SK_MONTH : (stats_kind_t)kind, form_value(h, "at"),
                          form_value(h, "until"), now, &p))
        return (void)bad_parameter(c, form_value(h, "until") ? "until" : "kind",
                                   "does not make a period: a range needs at and until, "
                                   "until not before at, at most 366 days");
    stats_figures_t *fig = malloc(sizeof *fig);
    stats_report_t rep;
    if (!fig || stats_figures_load(c->d, &f, &p, now, false, fig) ||
        stats_report_build(c->d, fig, lang ? lang_parse(lang) : c->d->default_lang, &rep)) {
        free(fig);
        return fail(c, 503, "unavailable", "database unavailable, try again", NULL);
    }
    json_t *doc = stats_report_json(&rep, all ? NULL : stats_report_table(&rep, arg));
    stats_report_free(&rep);
    free(fig);
    if (!doc)
        return fail(c, 503, "unavailable", "out of memory, try again", NULL);
    respond(c, 200, doc);
}

static void health(call_t *c, const char *arg)
{
    (void)arg;
    bool up = db_ping(&c->d->db) == OUTCOME_OK;
    respond(c, up ? 200 : 503, json_pack("{s:s}", "status", up ? "ok" : "database unavailable"));
}

/* ---- the review loop ------------------------------------------------------ */

static bool may_review(call_t *c)
{
    if (c->key.may.review)
        return true;
    fail(c, 403, "forbidden", "this key may not read the review loop (grant: review)", NULL);
    return false;
}

/* ?lang=zh|en for the names of departments (the desk's language when
 * absent): false (answered) when it is neither. */
static bool review_lang(call_t *c, lang_t *lang)
{
    const char *l = req_query(c->r, "lang");
    *lang = c->d->default_lang;
    if (!l)
        return true;
    if (strcmp(l, "zh") && strcmp(l, "en")) {
        fail(c, 400, "invalid", "lang is zh or en", "lang");
        return false;
    }
    *lang = lang_parse(l);
    return true;
}

static void review_list(call_t *c, const char *what)
{
    const char *before = req_query(c->r, "before");
    long long b = before ? web_id(before) : 0;
    json_t *doc = NULL;
    lang_t lang;
    if (!may_review(c))
        return;
    if (before && !b)
        return fail(c, 400, "invalid", "before is a record id", "before");
    if (!review_lang(c, &lang))
        return;
    int rc = review_json_list(c->d, what, b, lang, &doc);
    if (rc != OUTCOME_OK)
        return fail(c, 503, "unavailable", "database unavailable, try again", NULL);
    respond(c, 200, doc);
}

static void review_one(call_t *c, const char *what, const char *arg)
{
    long long id = web_id(arg);
    json_t *doc = NULL;
    lang_t lang;
    if (!may_review(c) || !review_lang(c, &lang))
        return;
    int rc = id ? review_json_one(c->d, what, id, lang, &doc) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_NOT_FOUND)
        return fail(c, 404, "not_found", "no such record", NULL);
    if (rc != OUTCOME_OK)
        return fail(c, 503, "unavailable", "database unavailable, try again", NULL);
    respond(c, 200, doc);
}

static void list_problems(call_t *c, const char *arg) { (void)arg, review_list(c, "problems"); }
static void list_meetings(call_t *c, const char *arg) { (void)arg, review_list(c, "meetings"); }
static void list_actions(call_t *c, const char *arg) { (void)arg, review_list(c, "actions"); }
static void read_problem(call_t *c, const char *arg) { review_one(c, "problems", arg); }
static void read_meeting(call_t *c, const char *arg) { review_one(c, "meetings", arg); }
static void read_action(call_t *c, const char *arg) { review_one(c, "actions", arg); }

typedef struct route {
    const char *method, *pattern; /* patterns as in lib/web/web.h */
    bool auth;
    void (*fn)(call_t *c, const char *arg);
    bool raw_body; /* the handler reads the body itself (not JSON) */
    bool reports;  /* a reports key's route, the only ones it may call */
} route_t;

/* ---- merging and linking ------------------------------------------------ */

static const char *const merge_refusals[][2] = {
    {"self", "a ticket cannot be merged into itself"},
    {"merged", "this ticket was merged already"},
    {"into_merged", "that ticket was itself merged into another: merge into the one it leads to"},
    {"into_closed", "that ticket is closed: reopen it first, or merge into an open one"},
    {"customers", "that ticket belongs to another customer: merging would show one customer "
                  "the other's ticket; link the tickets instead"},
};

/* The two tickets of a merge or link, both visible to this key. */
static bool both_tickets(call_t *c, const char *arg, const char *other, ticket_t *t, ticket_t *o)
{
    char number[TN_MAX];
    if (!path_number(arg, number, sizeof number)) {
        fail(c, 404, "not_found", "no such ticket", NULL);
        return false;
    }
    if (!visible_ticket(c, number, t))
        return false;
    int rc = ticket_by_number(c->d, other, o);
    if (rc == OUTCOME_OK && key_sees(c, o))
        return true;
    if (rc == OUTCOME_OK)
        ticket_free(o);
    ticket_free(t);
    if (rc == OUTCOME_UNAVAILABLE)
        fail(c, 503, "unavailable", "database unavailable, try again", NULL);
    else
        fail(c, 422, "invalid_value", "no such ticket", "ticket");
    return false;
}

/* POST /api/v1/tickets/N/merge {"into": NUMBER, "reason": TEXT} */
static void merge_ticket(call_t *c, const char *arg)
{
    apibody_relation_t r;
    apibody_error_t e;
    ticket_t t, o;
    if (apibody_merge(&c->in, &r, &e))
        return fail(c, e.status, e.code, e.message, e.field);
    if (!both_tickets(c, arg, r.ticket, &t, &o))
        return;
    char survivor[TN_MAX];
    snprintf(survivor, sizeof survivor, "%s", o.number);
    ticket_by_t by = {.api_key_id = c->key.id, .api_label = c->key.label,
                      .ip = req_env(c->r, "REMOTE_ADDR")};
    const char *why = NULL;
    int rc = ticket_merge(c->d, &by, t.id, o.id, r.reason, &why);
    ticket_free(&t);
    ticket_free(&o);
    for (size_t i = 0; why && i < sizeof merge_refusals / sizeof *merge_refusals; i++)
        if (!strcmp(why, merge_refusals[i][0]))
            return fail(c, 409, "merge_refused", merge_refusals[i][1], "into");
    if (rc != OUTCOME_OK)
        return fail(c, 503, "unavailable", "the merge could not be saved; nothing changed, try again", NULL);
    char number[TN_MAX];
    path_number(arg, number, sizeof number);
    show_ticket(c, number, 200); /* the survivor, "merged_from" the number merged */
}

static void change_link(call_t *c, const char *arg, bool add)
{
    apibody_relation_t r;
    apibody_error_t e;
    ticket_t t, o;
    if (apibody_link(&c->in, &r, &e))
        return fail(c, e.status, e.code, e.message, e.field);
    if (!both_tickets(c, arg, r.ticket, &t, &o))
        return;
    ticket_by_t by = {.api_key_id = c->key.id, .api_label = c->key.label,
                      .ip = req_env(c->r, "REMOTE_ADDR")};
    bool self = t.id == o.id;
    int rc = add ? ticket_link_add(c->d, &by, t.id, o.id, r.kind)
                 : ticket_link_remove(c->d, &by, t.id, o.id, r.kind);
    char number[TN_MAX];
    snprintf(number, sizeof number, "%s", t.number);
    ticket_free(&t);
    ticket_free(&o);
    if (rc == OUTCOME_DUPLICATE)
        return fail(c, 409, "exists", "these tickets are linked this way already", "ticket");
    if (rc == OUTCOME_INVALID)
        return fail(c, 422, "invalid_value",
                    self ? "a ticket cannot be linked to itself" : "unknown kind", self ? "ticket" : "kind");
    if (rc == OUTCOME_NOT_FOUND)
        return fail(c, 404, "not_found", "these tickets are not linked this way", NULL);
    if (rc != OUTCOME_OK)
        return fail(c, 503, "unavailable", "the link could not be saved; try again", NULL);
    show_ticket(c, number, add ? 201 : 200);
}

static void add_link(call_t *c, const char *arg) { change_link(c, arg, true); }
static void remove_link(call_t *c, const char *arg) { change_link(c, arg, false); }

static const route_t routes[] = {
    {"GET", "/api/v1/health", false, health, false, false},
    {"GET", "/api/v1/reports/*", true, read_report, false, true},
    {"POST", "/api/v1/tickets", true, create_ticket, false, false},
    {"POST", "/api/v1/tickets/*/comments", true, add_comment, false, false},
    {"POST", "/api/v1/tickets/*/merge", true, merge_ticket, false, false},
    {"POST", "/api/v1/tickets/*/links", true, add_link, false, false},
    {"POST", "/api/v1/tickets/*/links/remove", true, remove_link, false, false},
    {"POST", "/api/v1/tickets/*/attachments", true, upload_attachment, true, false},
    {"GET", "/api/v1/tickets/*/attachments", true, list_attachments, false, false},
    {"GET", "/api/v1/attachments/*", true, download_attachment, false, false},
    {"GET", "/api/v1/tickets/*", true, read_ticket, false, false},
    {"PATCH", "/api/v1/tickets/*", true, update_ticket, false, false},
    {"GET", "/api/v1/review/problems", true, list_problems, false, false},
    {"GET", "/api/v1/review/problems/*", true, read_problem, false, false},
    {"GET", "/api/v1/review/meetings", true, list_meetings, false, false},
    {"GET", "/api/v1/review/meetings/*", true, read_meeting, false, false},
    {"GET", "/api/v1/review/actions", true, list_actions, false, false},
    {"GET", "/api/v1/review/actions/*", true, read_action, false, false},
};

static bool authenticate(call_t *c)
{
    const char *key = apibody_bearer(req_env(c->r, "HTTP_AUTHORIZATION"));
    int rc = key ? apikey_check(c->d, key, &c->key) : 0;
    if (rc == 1)
        return true;
    if (rc < 0)
        fail(c, 503, "unavailable", "database unavailable, try again", NULL);
    else {
        req_header(c->r, "WWW-Authenticate", "Bearer");
        fail(c, 401, "unauthorized", "a valid API key is required: Authorization: Bearer KEY", NULL);
    }
    return false;
}

static bool parse_body(call_t *c, const char *method)
{
    if (strcmp(method, "POST") != 0 && strcmp(method, "PATCH") != 0)
        return true;
    if (!apibody_json_type(req_env(c->r, "CONTENT_TYPE"))) {
        fail(c, 415, "unsupported_media_type",
             "send the body as JSON with Content-Type: application/json", NULL);
        return false;
    }
    char *raw;
    size_t len;
    int st = req_read_body(c->r, c->max_body, &raw, &len);
    if (st == 413) {
        fail(c, 413, "too_large", "request body too large", NULL);
        return false;
    }
    if (st) /* a body shorter than its Content-Length */
        snprintf(c->in.why, sizeof c->in.why, "%s", "the body could not be read");
    if (st || apibody_parse(&c->in, raw, len)) {
        char msg[240];
        snprintf(msg, sizeof msg, "body must be a JSON object: %s", c->in.why);
        free(raw);
        fail(c, 400, "bad_json", msg, NULL);
        return false;
    }
    free(raw);
    apibody_hash(&c->in, c->body_hash);
    return true;
}

static void dispatch(call_t *c)
{
    bool known = false;
    for (size_t i = 0; i < sizeof routes / sizeof *routes; i++) {
        const char *arg = web_match(routes[i].pattern, c->r->path);
        if (!arg)
            continue;
        known = true;
        if (strcmp(routes[i].method, c->r->method) != 0)
            continue;
        if (routes[i].auth && !authenticate(c))
            return;
        if (routes[i].auth && routes[i].reports != c->key.may.reports)
            return fail(c, 403, "insufficient_scope",
                        c->key.may.reports ? "this key reads the reports only (scope reports)"
                                           : "the reports need a key of scope reports",
                        NULL);
        if (!routes[i].raw_body && !parse_body(c, c->r->method))
            return;
        return routes[i].fn(c, arg);
    }
    if (known)
        fail(c, 405, "method_not_allowed", "method not allowed here", NULL);
    else
        fail(c, 404, "not_found", "no such endpoint", NULL);
}

static void handle(FCGX_Request *fx, void *ctx)
{
    site_t *s = ctx;
    desk_t *d = &s->desk;
    req_t r;
    call_t c = {.r = &r, .d = d, .max_body = s->max_body};
    /* JSON bodies are held to Api.MaxBody when read; an attachment is one file */
    req_limits_t lim = s->limits;
    if ((size_t)attachment_max_bytes(d) > lim.form)
        lim.form = (size_t)attachment_max_bytes(d);
    int st = req_start(&r, fx, &lim, false);
    if (st == 413)
        fail(&c, 413, "too_large", "request body too large", NULL);
    else if (st)
        fail(&c, 400, "bad_request", "the request could not be read", NULL);
    else
        dispatch(&c);
    apibody_free(&c.in);
    req_finish(&r);
}

int main(int argc, char **argv)
{
    static const program_t p = {"api", "Api", NULL, handle, false};
    return program_main(argc, argv, &p);
}
