/* portal: the customers' public site. Pick the kind of problem, fill its
 * form, get a ticket number and a private link to follow it.
 *
 *   GET  /               kinds of problem, service hours and promises
 *   GET  /new/KIND       the form of that kind
 *   POST /new/KIND       validate, create, 303 to the private link
 *   GET  /t/TOKEN        the ticket as its customer sees it
 *   GET  /lang/CODE      switch language (cookie), back to ?back=
 *   GET  /health         liveness and database ping, for load balancers
 *   GET  /brand/theme.css, /brand/logo   the look admins set (lib/desk/brand.h),
 *   GET  /brand/preview.css              the same for the admin page's preview */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "desk/attachment.h"
#include "desk/catalog/commonfield.h"
#include "desk/desk.h"
#include "web/http.h"
#include "core/log.h"
#include "web/files.h"
#include "web/program.h"
#include "web/ratelimit.h"
#include "web/status.h"
#include "desk/sla/sla.h"
#include "desk/notify/notify.h"
#include "desk/survey.h"
#include "desk/ticket/escalation.h"
#include "desk/ticket/evaluation.h"
#include "desk/ticket/evaluation_gate.h"
#include "desk/ticket/ticket.h"
#include "desk/ticket/ticket_acceptance.h"
#include "desk/ticket/ticket_fields.h"
#include "desk/ticket/ticket_merge.h"
#include "desk/ticket/ticket_work.h"
#include "desk/ticket/workaround.h"
#include "web/evaluation_view.h"
#include "web/ticket_view.h"
#include "web/web.h"

#define MAX_FORM_FIELDS 64

typedef web_t page_t;

static const char *const pages[] = {"portal/home.cs",   "portal/form.cs",   "portal/ticket.cs",
                                    "portal/error.cs",  "portal/survey.cs", "portal/lost.cs",
                                    "portal/acceptance.cs", NULL};

static void error_page(page_t *p, int status, const char *key)
{
    p->r->status = status;
    if (!p->r->hdf) { /* the request could not even be parsed */
        p->r->content_type = "text/plain; charset=utf-8";
        char path[64];
        snprintf(path, sizeof path, "Error.%s", key);
        string_append(&p->r->body, texts_get(&p->d->texts, p->lang, path));
        return;
    }
    hdf_set_value(p->r->hdf, "Error.Key", key);
    web_render(p, "portal/error.cs");
}

/* The error page of a failed outcome: its status and key (web/status.h). */
static void fail_page(page_t *p, int rc) { error_page(p, status_of(rc), status_key(rc)); }

/* key = the target's amount, key.unit = its unit (the "target" macro). */
static void set_target(HDF *h, const char *key, sla_target_t t)
{
    hdf_set_valuef(h, "%s=%lld", key, t.amount);
    hdf_set_valuef(h, "%s.unit=%s", key, sla_unit_code(t.unit));
}

/* The classification promise: the longest of the active levels'. */
static void set_classify_promise(page_t *p)
{
    const catalog_t *cat = &p->d->catalog;
    sla_target_t best = {0, SLA_MINUTE};
    long long most = -1, lo, hi;
    for (int i = 0; i < cat->nprios; i++) {
        sla_target_t t = sla_classify_target(p->d, &cat->prios[i]);
        const bizcal_t *c = catalog_calendar(cat, cat->prios[i].calendar_id);
        if (sla_target_range(c, t, &lo, &hi) && hi > most)
            most = hi, best = t;
    }
    set_target(p->r->hdf, "Promise.classify", best);
}

static void page_home(page_t *p, const char *arg)
{
    (void)arg;
    set_classify_promise(p);
    web_render(p, "portal/home.cs");
}

static const category_t *public_category(page_t *p, const char *code)
{
    const category_t *k = catalog_category(&p->d->catalog, code);
    return k && k->is_public ? k : NULL;
}

static void show_form(page_t *p, const category_t *k, int status)
{
    char submit_key[TOKEN_TEXT_LEN + 1];
    const char *given = req_query(p->r, "submit_key");
    if (!given || strlen(given) != TOKEN_TEXT_LEN || !hdf_get_value(p->r->hdf, "Form.HasErrors", NULL))
        token_new(submit_key), given = submit_key;
    hdf_set_value(p->r->hdf, "SubmitKey", given);
    hdf_set_value(p->r->hdf, "Category.code", k->code);
    hdf_set_value(p->r->hdf, "Category.name", k->name[p->lang]);
    hdf_set_value(p->r->hdf, "Category.summary", k->summary[p->lang]);
    for (int i = 0; i < p->d->catalog.ncats; i++)
        if (&p->d->catalog.cats[i] == k)
            hdf_set_int_value(p->r->hdf, "Category.index", i);
    csrf_issue(p->r, "csrf");
    web_attach_limits(p);
    p->r->status = status;
    web_render(p, "portal/form.cs");
}

static void page_form(page_t *p, const char *code)
{
    const category_t *k = public_category(p, code);
    if (!k)
        return error_page(p, 404, "not_found");
    show_form(p, k, 200);
}

/* The category's own fields, named cf_<name> in the form. */
static int category_form(const category_t *k, form_field_t *out, char names[][48])
{
    int n = 0;
    for (int i = 0; i < k->nfields && n < MAX_FORM_FIELDS; i++, n++) {
        out[n] = k->fields[i].form;
        snprintf(names[n], 48, "cf_%s", k->fields[i].name);
        out[n].name = names[n];
    }
    return n;
}

static void fill_ticket(page_t *p, const category_t *k, ticket_new_t *t, field_value_t *values,
                        char names[][48], char *submit_key)
{
    HDF *h = p->r->hdf;
    memset(t, 0, sizeof *t);
    t->channel = catalog_channel(&p->d->catalog, "web");
    t->category = k;
    ticket_view_take(h, TF_PORTAL, t);
    t->language = lang_code(p->lang);
    snprintf(submit_key, 64, "web:%s", req_query(p->r, "submit_key"));
    t->submit_key = submit_key;
    t->actor = (actor_t){.type = "customer", .name = t->contact_name};
    for (int i = 0; i < k->nfields; i++)
        values[i] = (field_value_t){k->fields[i].id, form_value(h, names[i])};
    t->values = values;
    t->nvalues = k->nfields;
}

/* The files that came with the form, checked and stored; on refusal the
 * message goes next to the attachments control. */
static int take_files(page_t *p, uploads_t *files)
{
    if (files_take_uploads(p->d, p->r, files) == 0)
        return 0;
    char key[32];
    snprintf(key, sizeof key, "file_%s", files->error);
    form_set_error(p->r->hdf, "files", key);
    hdf_set_value(p->r->hdf, "Form.files.file", files->error_file);
    return -1;
}

/* The temporary workaround the customer was promised (when it is due,
 * while the clock runs) and the latest one sent: measures, compensation,
 * when the final fix is expected. */
static void set_workaround(page_t *p, long long ticket_id, bool open)
{
    HDF *h = p->r->hdf;
    time_t due = 0, sent = 0;
    workaround_t w;
    if (workaround_clock(p->d, ticket_id, &due, &sent))
        return;
    if (open && due && !sent) {
        tpl_set_time(h, "WorkaroundDue", due);
        hdf_set_int_value(h, "WorkaroundDue.late", due < desk_now(p->d));
    }
    if (workaround_latest(p->d, ticket_id, &w) != 1)
        return;
    hdf_set_value(h, "Workaround.measures", w.measures ? w.measures : "");
    hdf_set_value(h, "Workaround.compensation", w.compensation ? w.compensation : "");
    tpl_set_time(h, "Workaround.fix", w.fix_expected_at);
    tpl_set_time(h, "Workaround.at", w.created_at);
    workaround_free(&w);
}

/* Files were chosen but the form went back: the browser dropped them. */
static void files_reselect(page_t *p)
{
    if (p->r->cgi && p->r->cgi->files && uListLength(p->r->cgi->files) > 0 &&
        hdf_get_value(p->r->hdf, "Query.files", NULL) &&
        *hdf_get_value(p->r->hdf, "Query.files", ""))
        hdf_set_value(p->r->hdf, "Form.files.reselect", "1");
}

static void submit_form(page_t *p, const char *code)
{
    const category_t *k = public_category(p, code);
    if (!k)
        return error_page(p, 404, "not_found");
    form_field_t fields[MAX_FORM_FIELDS];
    char names[MAX_FORM_FIELDS][48];
    int n = category_form(k, fields, names);
    form_field_t rules[COMMON_REQUEST_MAX];
    int nr = common_request_rules(k->common, rules);
    int errors = form_validate(p->r->hdf, p->r->hdf, rules, nr);
    errors += form_validate(p->r->hdf, p->r->hdf, fields, n);
    const char *sk = req_query(p->r, "submit_key");
    if (!csrf_cookie_ok(p->r, "csrf") || !sk || strlen(sk) != TOKEN_TEXT_LEN) {
        form_set_error(p->r->hdf, "_form", "expired");
        errors++;
    }
    if (errors) {
        files_reselect(p);
        return show_form(p, k, 422);
    }
    if (!ratelimit_portal_submit(p->d, req_env(p->r, "REMOTE_ADDR"), /* lib/web/ratelimit.h */
                                 req_cookie(p->r, "csrf"))) {
        form_set_error(p->r->hdf, "_form", "rate_limited");
        files_reselect(p);
        return show_form(p, k, 429);
    }
    uploads_t files;
    if (take_files(p, &files))
        return show_form(p, k, files.error[0] == 's' ? 503 : 422);
    ticket_new_t t;
    field_value_t values[MAX_FORM_FIELDS];
    char submit_key[64];
    ticket_receipt_t rec;
    fill_ticket(p, k, &t, values, names, submit_key);
    t.files = &files;
    int rc = ticket_create(p->d, &t, &rec);
    /* files stay when the ticket may have been stored with them */
    if ((rc != OUTCOME_OK && rc != OUTCOME_UNKNOWN) || rec.duplicate)
        attachment_discard(p->d, &files);
    if (rc != OUTCOME_OK) {
        /* the same form (same submit key) sent again finds or makes the ticket */
        form_set_error(p->r->hdf, "_form", rc == OUTCOME_UNKNOWN ? "save_unknown" : "save_failed");
        files_reselect(p);
        return show_form(p, k, 503);
    }
    char where[128];
    snprintf(where, sizeof where, "/t/%s?new=1", rec.follow_token);
    req_redirect(p->r, where);
}

static void set_ticket(page_t *p, const ticket_t *t)
{
    HDF *h = p->r->hdf;
    const category_t *k = catalog_category_by_id(&p->d->catalog, t->category_id);
    const priority_t *pr = catalog_priority_by_id(&p->d->catalog, t->priority_id);
    hdf_set_value(h, "Ticket.number", t->number);
    hdf_set_value(h, "Ticket.status", t->status);
    ticket_view_values(h, t, TF_SEE_CUSTOMER);
    hdf_set_value(h, "Ticket.category", k ? k->name[p->lang] : "");
    priority_t eff;
    if (pr)
        hdf_set_value(h, "Ticket.priority", pr->code);
    if (pr && sla_ticket_targets(p->d, t->id, pr, &eff) == 0) { /* its SLA policy's */
        set_target(h, "Ticket.first_response", eff.first_response);
        set_target(h, "Ticket.classify", sla_classify_target(p->d, &eff));
    }
    tpl_set_time(h, "Ticket.created_at", t->created_at);
    tpl_set_time(h, "Ticket.classify_due_at", t->classify_due_at);
    tpl_set_time(h, "Ticket.first_response_due_at", t->first_response_due_at);
    tpl_set_time(h, "Ticket.resolution_due_at", t->resolution_due_at);
    int step = ticket_status_parse(t->status);
    hdf_set_int_value(h, "Ticket.step", step < 0 ? 0 : step);
}

static void page_ticket(page_t *p, const char *token)
{
    ticket_t t;
    char from[TN_MAX];
    int rc = ticket_by_follow_token_merged(p->d, token, &t, from);
    if (rc != OUTCOME_OK)
        return fail_page(p, rc);
    set_ticket(p, &t);
    if (*from) /* the link of a ticket merged into this one */
        hdf_set_value(p->r->hdf, "Merged.from", from);
    hdf_set_valuef(p->r->hdf, "Ticket.link=%s/t/%s", p->d->base_url, token);
    csrf_issue(p->r, "csrf");
    hdf_set_value(p->r->hdf, "Ticket.token", token);
    char *proposal = NULL;
    if (!strcmp(t.status, "solution_proposed") &&
        ticket_pending_solution(p->d, t.id, &proposal) == OUTCOME_OK && proposal)
        hdf_set_value(p->r->hdf, "Solution.text", proposal);
    free(proposal);
    if (!strcmp(t.status, "resolved") && web_acceptance(p, t.id, false) == OUTCOME_OK)
        hdf_set_value(p->r->hdf, "Acceptance.form", "1");
    if (!strcmp(t.status, "closed")) { /* the signed form, for printing; the survey, open */
        hdf_set_int_value(p->r->hdf, "Acceptance.archived", ticket_has_acceptance(p->d, t.id) == 1);
        hdf_set_int_value(p->r->hdf, "Survey.answered", survey_answered(p->d, t.id) == 1);
    }
    const char *signed_ = req_query(p->r, "signed");
    hdf_set_value(p->r->hdf, "Acceptance.signed",
                  signed_ && (!strcmp(signed_, "1") || !strcmp(signed_, "reopened")) ? signed_ : "");
    /* a refused form comes back on this page: its errors go to that form only */
    const char *slash = strrchr(p->r->path, '/');
    if (p->r->status >= 400 && slash)
        hdf_set_value(p->r->hdf, "Failed", slash + 1);
    if (evaluation_needed(p->d, &t)) { /* the requirement evaluation, every revision */
        hdf_set_value(p->r->hdf, "Evaluation.needed", "1");
        web_evaluations(p->d, p->r->hdf, t.id);
    }
    const char *decided = req_query(p->r, "evaluation");
    hdf_set_value(p->r->hdf, "Evaluation.decided",
                  decided && (!strcmp(decided, "approved") || !strcmp(decided, "declined"))
                      ? decided : "");
    const char *confirmed = req_query(p->r, "confirmed");
    hdf_set_value(p->r->hdf, "Solution.confirmed", confirmed && !strcmp(confirmed, "1") ? "1" : "");
    const char *closing = req_query(p->r, "close");
    hdf_set_value(p->r->hdf, "Close.asked", closing && !strcmp(closing, "1") ? "1" : "");
    const char *sent = req_query(p->r, "sent");
    hdf_set_value(p->r->hdf, "Reply.sent", sent && !strcmp(sent, "1") ? "1" : "");
    const char *fresh = req_query(p->r, "new");
    hdf_set_value(p->r->hdf, "Ticket.just_created", fresh && strcmp(fresh, "1") == 0 ? "1" : "");
    web_attach_limits(p);
    escalation_public_t esc;
    int st = ticket_status_parse(t.status);
    if (st >= 0 && !ticket_status_done((ticket_status_t)st) &&
        escalation_for_customer(p->d, t.id, &esc) == 1) { /* that it went to R&D, no reasons */
        hdf_set_value(p->r->hdf, "Rnd.state", esc.answered ? "answered" : "waiting");
        hdf_set_value(p->r->hdf, "Rnd.contact", esc.contact);
        tpl_set_time(p->r->hdf, "Rnd.asked", esc.asked_at);
    }
    set_workaround(p, t.id, st >= 0 && !ticket_status_done((ticket_status_t)st));
    if (ticket_each_value(p->d, &t, p->lang, web_add_value, p->r->hdf) ||
        ticket_each_event(p->d, t.id, true, web_add_event, p->r->hdf) ||
        attachment_each(p->d, t.id, false, attachment_to_hdf, p->r->hdf)) {
        ticket_free(&t);
        return error_page(p, 503, "unavailable");
    }
    ticket_free(&t);
    /* the private link is a bearer secret: keep it out of Referer headers */
    req_header(p->r, "X-Robots-Tag", "noindex");
    web_render(p, "portal/ticket.cs");
}

/* The ticket behind the private link in the path; answers the request
 * itself (404/503) when there is none. */
static bool token_ticket(page_t *p, const char *arg, char *token, ticket_t *t)
{
    if (!web_segment(arg, token, TOKEN_TEXT_LEN + 1)) {
        error_page(p, 404, "not_found");
        return false;
    }
    char from[TN_MAX];
    int rc = ticket_by_follow_token_merged(p->d, token, t, from);
    if (rc != OUTCOME_OK) {
        fail_page(p, rc);
        return false;
    }
    return true;
}


/* The customer's answer found the ticket elsewhere (answered in another tab,
 * signed already, an old page): the follow page says that nothing was
 * recorded and why, and keeps what they typed in the reply box. */
static void not_recorded(page_t *p, const char *token, const char *action, const char *kept)
{
    hdf_set_value(p->r->hdf, "NotRecorded", action);
    if (kept)
        hdf_set_value(p->r->hdf, "Form.body.value", kept);
    p->r->status = 409;
    page_ticket(p, token);
}

/* ---- attachments ----------------------------------------------------------- */

/* GET /t/TOKEN/file?id=N: a public attachment of this ticket only. */
static void page_file(page_t *p, const char *arg)
{
    char token[TOKEN_TEXT_LEN + 1];
    ticket_t t;
    if (!token_ticket(p, arg, token, &t))
        return;
    attachment_t a;
    const char *id = req_query(p->r, "id");
    int rc = web_id(id) ? attachment_get(p->d, web_id(id), &a) : OUTCOME_NOT_FOUND;
    /* its own files and those of the tickets merged into it */
    bool mine = rc == OUTCOME_OK && !a.internal &&
                (a.ticket_id == t.id || ticket_holds(p->d, t.id, a.ticket_id) == 1);
    ticket_free(&t);
    if (rc != OUTCOME_OK && rc != OUTCOME_NOT_FOUND)
        return error_page(p, 503, "unavailable");
    if (!mine)
        return error_page(p, 404, "not_found");
    files_serve_attachment(p->d, p->r, &a);
}

/* ---- the customer's reply on the follow page ---------------------------- */

static const form_field_t reply_fields[] = {{.name = "body", .type = FT_LONGTEXT, .required = true,
                                             .max_chars = 10000}};

static void submit_reply(page_t *p, const char *arg)
{
    char token[TOKEN_TEXT_LEN + 1], where[128];
    ticket_t t;
    int rc;
    if (!token_ticket(p, arg, token, &t))
        return;
    long long id = t.id;
    char name[401];
    snprintf(name, sizeof name, "%s", t.contact_name);
    ticket_free(&t);
    int errors = form_validate(p->r->hdf, p->r->hdf, reply_fields, 1);
    if (!csrf_cookie_ok(p->r, "csrf"))
        form_set_error(p->r->hdf, "_form", "expired"), errors++;
    uploads_t files;
    if (errors)
        files_reselect(p);
    else if (take_files(p, &files))
        errors++;
    if (!errors) {
        actor_t who = {.type = "customer", .name = name};
        rc = ticket_add_comment(p->d, id, &who, form_value(p->r->hdf, "body"), false, &files);
        if (rc == OUTCOME_OK) {
            snprintf(where, sizeof where, "/t/%s?sent=1", token);
            return req_redirect(p->r, where);
        }
        attachment_discard(p->d, &files);
        form_set_error(p->r->hdf, "_form", "save_failed");
        files_reselect(p);
    }
    /* show the ticket again with the text kept and the message */
    p->r->status = errors ? 422 : 503;
    page_ticket(p, token);
}

/* ---- solution confirmation ------------------------------------------------ */

static void solution_answer(page_t *p, const char *arg, bool confirm)
{
    char token[TOKEN_TEXT_LEN + 1], where[128];
    ticket_t t;
    int rc;
    if (!token_ticket(p, arg, token, &t))
        return;
    long long id = t.id;
    char contact[401];
    snprintf(contact, sizeof contact, "%s", t.contact_name);
    ticket_free(&t);
    form_field_t f = {.name = confirm ? "confirm_name" : "question",
                      .type = confirm ? FT_TEXT : FT_LONGTEXT, .required = true,
                      .max_chars = confirm ? 50 : 5000};
    int errors = form_validate(p->r->hdf, p->r->hdf, &f, 1);
    if (!csrf_cookie_ok(p->r, "csrf"))
        form_set_error(p->r->hdf, "_form", "expired"), errors++;
    if (!errors) {
        const char *v = form_value(p->r->hdf, f.name);
        rc = confirm ? ticket_confirm_solution(p->d, id, v, req_env(p->r, "REMOTE_ADDR"))
                     : ticket_question_solution(p->d, id, contact, v);
        if (rc == OUTCOME_BAD_TRANSITION)
            return not_recorded(p, token, confirm ? "confirm" : "question", confirm ? NULL : v);
        if (rc == OUTCOME_OK) {
            snprintf(where, sizeof where, "/t/%s%s", token, confirm ? "?confirmed=1" : "?sent=1");
            return req_redirect(p->r, where);
        }
        form_set_error(p->r->hdf, "_form", "save_failed");
    }
    p->r->status = errors ? 422 : 503;
    page_ticket(p, token);
}

static void confirm_solution(page_t *p, const char *arg) { solution_answer(p, arg, true); }

/* ---- the requirement evaluation: approved or declined -------------------- */

static const char *const eval_decisions[] = {"approve", "decline", NULL};

/* POST /t/TOKEN/evaluation: the customer approves the pending evaluation or
 * declines it (a reason optional), their name and the time kept. */
static void decide_evaluation(page_t *p, const char *arg)
{
    char token[TOKEN_TEXT_LEN + 1], where[128];
    ticket_t t;
    if (!token_ticket(p, arg, token, &t))
        return;
    long long id = t.id;
    ticket_free(&t);
    const form_field_t f[] = {
        {.name = "decision", .type = FT_CHOICE, .required = true, .choices = eval_decisions},
        {.name = "eval_name", .type = FT_TEXT, .required = true, .max_chars = 50},
        {.name = "eval_reason", .type = FT_LONGTEXT, .max_chars = 2000},
    };
    int errors = form_validate(p->r->hdf, p->r->hdf, f, 3);
    if (!csrf_cookie_ok(p->r, "csrf"))
        form_set_error(p->r->hdf, "_form", "expired"), errors++;
    if (!errors) {
        bool approve = !strcmp(form_value(p->r->hdf, "decision"), "approve");
        int rc = evaluation_decide(p->d, id, approve, form_value(p->r->hdf, "eval_name"),
                                   req_env(p->r, "REMOTE_ADDR"),
                                   form_value(p->r->hdf, "eval_reason"));
        if (rc == OUTCOME_BAD_TRANSITION)
            return not_recorded(p, token, "evaluation", NULL);
        if (rc == OUTCOME_OK) {
            snprintf(where, sizeof where, "/t/%s?evaluation=%s", token,
                     approve ? "approved" : "declined");
            return req_redirect(p->r, where);
        }
        form_set_error(p->r->hdf, "_form", "save_failed");
    }
    p->r->status = errors ? 422 : 503;
    page_ticket(p, token);
}

/* POST /t/TOKEN/close: the customer asks to close the ticket. */
static void request_close(page_t *p, const char *arg)
{
    char token[TOKEN_TEXT_LEN + 1], where[128];
    ticket_t t;
    if (!token_ticket(p, arg, token, &t))
        return;
    long long id = t.id;
    char contact[401];
    snprintf(contact, sizeof contact, "%s", t.contact_name);
    ticket_free(&t);
    form_field_t f = {.name = "close_reason", .type = FT_LONGTEXT, .max_chars = 2000};
    int errors = form_validate(p->r->hdf, p->r->hdf, &f, 1);
    if (!csrf_cookie_ok(p->r, "csrf"))
        form_set_error(p->r->hdf, "_form", "expired"), errors++;
    if (!errors) {
        int rc = ticket_request_close(p->d, id, contact, form_value(p->r->hdf, f.name));
        if (rc == OUTCOME_BAD_TRANSITION)
            return not_recorded(p, token, "close", form_value(p->r->hdf, f.name));
        if (rc == OUTCOME_OK) {
            snprintf(where, sizeof where, "/t/%s?close=1", token);
            return req_redirect(p->r, where);
        }
        form_set_error(p->r->hdf, "_form", "save_failed");
    }
    p->r->status = errors ? 422 : 503;
    page_ticket(p, token);
}
static void question_solution(page_t *p, const char *arg) { solution_answer(p, arg, false); }

/* ---- a lost private link, mailed again. The answer is the same whether or
 * not the number and address match, so the form tells nobody whether a
 * ticket exists; nginx limits how often one client may post it. --------- */

static const form_field_t lost_fields[] = {
    {.name = "number", .type = FT_TEXT, .required = true, .max_chars = 32},
    {.name = "email", .type = FT_EMAIL, .required = true, .max_chars = 254},
};

static void page_lost(page_t *p, const char *arg)
{
    (void)arg;
    csrf_issue(p->r, "csrf");
    web_render(p, "portal/lost.cs");
}

static void send_lost(page_t *p, const char *arg)
{
    (void)arg;
    HDF *h = p->r->hdf;
    int errors = form_validate(h, h, lost_fields, 2);
    if (!csrf_cookie_ok(p->r, "csrf"))
        form_set_error(h, "_form", "expired"), errors++;
    if (errors) {
        p->r->status = 422;
        return page_lost(p, NULL);
    }
    ticket_t t;
    char email[256], phone[64];
    if (ticket_by_number(p->d, form_value(h, "number"), &t) == OUTCOME_OK) {
        if (ticket_contacts(p->d, t.id, email, sizeof email, phone, sizeof phone) == OUTCOME_OK &&
            *email && !strcasecmp(email, form_value(h, "email")) &&
            db_begin(&p->d->db) == OUTCOME_OK) {
            if (notify_follow_link(p->d, t.id, desk_now(p->d)) == 0)
                db_commit(&p->d->db);
            else
                db_rollback(&p->d->db);
        }
        ticket_free(&t);
    }
    req_redirect(p->r, "/lost?sent=1");
}

/* The signed acceptance form, archived, for printing. */
static void page_signed_form(page_t *p, const char *arg)
{
    char token[TOKEN_TEXT_LEN + 1];
    ticket_t t;
    if (!token_ticket(p, arg, token, &t))
        return;
    int rc = web_acceptance(p, t.id, true);
    hdf_set_value(p->r->hdf, "Ticket.number", t.number);
    hdf_set_value(p->r->hdf, "Ticket.token", token);
    ticket_free(&t);
    if (rc != OUTCOME_OK)
        return fail_page(p, rc);
    web_render(p, "portal/acceptance.cs");
}

/* ---- the service acceptance form --------------------------------------- */

static const char *const results[] = {"accepted", "rejected", NULL};
static const form_field_t acceptance_fields[] = {
    {.name = "result", .type = FT_CHOICE, .required = true, .max_chars = 10, .choices = results},
    {.name = "remarks", .type = FT_LONGTEXT, .max_chars = 5000},
    {.name = "signed_name", .type = FT_TEXT, .required = true, .max_chars = 50},
};

static void sign_acceptance(page_t *p, const char *arg)
{
    char token[TOKEN_TEXT_LEN + 1], where[128];
    ticket_t t;
    int rc;
    if (!token_ticket(p, arg, token, &t))
        return;
    long long id = t.id;
    ticket_free(&t);
    HDF *h = p->r->hdf;
    int errors = form_validate(h, h, acceptance_fields, 3);
    const char *result = form_value(h, "result");
    bool accepted = result && !strcmp(result, "accepted");
    if (!errors && !accepted && !form_value(h, "remarks"))
        form_set_error(h, "remarks", "required"), errors++; /* say what is wrong */
    if (!csrf_cookie_ok(p->r, "csrf"))
        form_set_error(h, "_form", "expired"), errors++;
    if (!errors) {
        rc = ticket_sign_acceptance(p->d, id, accepted, form_value(h, "remarks"),
                                    form_value(h, "signed_name"), req_env(p->r, "REMOTE_ADDR"));
        if (rc == OUTCOME_BAD_TRANSITION)
            return not_recorded(p, token, "accept", form_value(h, "remarks"));
        if (rc == OUTCOME_OK) {
            snprintf(where, sizeof where, "/t/%s?signed=%s", token, accepted ? "1" : "reopened");
            return req_redirect(p->r, where);
        }
        form_set_error(h, "_form", "save_failed");
    }
    p->r->status = errors ? 422 : 503;
    page_ticket(p, token);
}

/* ---- the satisfaction survey: a GET shows it, only a POST answers it (mail
 * scanners that open links must not answer for the customer) ---------- */

static const char *const scores[] = {"1", "2", "3", "4", "5", NULL};
static const form_field_t survey_fields[] = {
    {.name = "resolution", .type = FT_CHOICE, .required = true, .max_chars = 1, .choices = scores},
    {.name = "speed", .type = FT_CHOICE, .required = true, .max_chars = 1, .choices = scores},
    {.name = "attitude", .type = FT_CHOICE, .required = true, .max_chars = 1, .choices = scores},
    {.name = "suggestions", .type = FT_LONGTEXT, .max_chars = 2000},
    {.name = "unmet_needs", .type = FT_LONGTEXT, .max_chars = 2000},
};

static void show_survey(page_t *p, const char *token, ticket_t *t, int status)
{
    int answered = survey_answered(p->d, t->id);
    hdf_set_value(p->r->hdf, "Ticket.number", t->number);
    hdf_set_value(p->r->hdf, "Ticket.subject", t->subject);
    hdf_set_value(p->r->hdf, "Ticket.token", token);
    hdf_set_int_value(p->r->hdf, "Survey.closed", strcmp(t->status, "closed") == 0);
    hdf_set_int_value(p->r->hdf, "Survey.answered", answered == 1);
    const char *done = req_query(p->r, "done");
    hdf_set_int_value(p->r->hdf, "Survey.thanks", done && !strcmp(done, "1") && answered == 1);
    csrf_issue(p->r, "csrf");
    p->r->status = status;
    web_render(p, "portal/survey.cs");
}

static void page_survey(page_t *p, const char *arg)
{
    char token[TOKEN_TEXT_LEN + 1];
    ticket_t t;
    if (!token_ticket(p, arg, token, &t))
        return;
    show_survey(p, token, &t, 200);
    ticket_free(&t);
}

static void submit_survey(page_t *p, const char *arg)
{
    char token[TOKEN_TEXT_LEN + 1], where[128];
    ticket_t t;
    if (!token_ticket(p, arg, token, &t))
        return;
    HDF *h = p->r->hdf;
    int errors = form_validate(h, h, survey_fields, 5);
    if (!csrf_cookie_ok(p->r, "csrf"))
        form_set_error(h, "_form", "expired"), errors++;
    survey_t s = {.suggestions = form_value(h, "suggestions"),
                  .unmet_needs = form_value(h, "unmet_needs")};
    int rc = OUTCOME_INVALID;
    if (!errors) {
        s.resolution = (int)form_int(h, "resolution");
        s.speed = (int)form_int(h, "speed");
        s.attitude = (int)form_int(h, "attitude");
        rc = survey_record(p->d, t.id, &s, NULL);
    }
    if (rc == OUTCOME_OK || rc == OUTCOME_ANSWERED) {
        snprintf(where, sizeof where, "/t/%s/survey?done=1", token);
        req_redirect(p->r, where);
    } else {
        if (outcome_kind(rc) == OUTCOME_UNAVAILABLE)
            form_set_error(h, "_form", "save_failed");
        show_survey(p, token, &t, status_of(rc));
    }
    ticket_free(&t);
}

static void set_lang(page_t *p, const char *code)
{
    lang_t l = lang_parse(code);
    const char *back = req_query(p->r, "back");
    req_set_cookie(p->r, "lang", lang_code(l), 365L * 24 * 3600, "Lax");
    req_redirect(p->r, http_local_path(back) ? back : "/");
}

/* The look admins chose (lib/desk/brand.h): colours as a stylesheet, the logo. */
static void page_theme(page_t *p, const char *arg)
{
    (void)arg;
    files_serve_theme(p->d, p->r, NULL);
}

static void page_preview(page_t *p, const char *arg) /* for /admin/portal */
{
    (void)arg;
    files_serve_theme(p->d, p->r, ".portal-preview");
}

static void page_logo(page_t *p, const char *arg)
{
    (void)arg;
    files_serve_logo(p->d, p->r);
}

static const web_route_t routes[] = {
    {"GET", "/", page_home},         {"GET", "/new/*", page_form},
    {"POST", "/new/*", submit_form}, {"GET", "/t/*", page_ticket},
    {"GET", "/lang/*", set_lang},    {"GET", "/health", web_health},
    {"GET", "/t/*/survey", page_survey}, {"POST", "/t/*/survey", submit_survey},
    {"GET", "/t/*/acceptance", page_signed_form},
    {"GET", "/lost", page_lost},          {"POST", "/lost", send_lost},
    {"POST", "/t/*/close", request_close},
    {"POST", "/t/*/reply", submit_reply},   {"GET", "/t/*/file", page_file},   {"POST", "/t/*/accept", sign_acceptance},
    {"POST", "/t/*/confirm", confirm_solution}, {"POST", "/t/*/question", question_solution},
    {"POST", "/t/*/evaluation", decide_evaluation},
    {"GET", "/brand/theme.css", page_theme}, {"GET", "/brand/logo", page_logo},
    {"GET", "/brand/preview.css", page_preview},
};

static void route_error(page_t *p, int status)
{
    error_page(p, status, status == 405 ? "method" : "not_found");
}

static void handle(FCGX_Request *fx, void *ctx)
{
    site_t *s = ctx;
    desk_t *d = &s->desk;
    req_t r;
    int status = req_start(&r, fx, &s->limits, true);
    page_t p = {.r = &r, .site = s, .d = d, .lang = d->default_lang};
    const char *lc = req_cookie(&r, "lang");
    if (lc)
        p.lang = lang_parse(lc);
    if (status)
        error_page(&p, status, status == 413 ? "too_large" : "bad_request");
    else
        web_dispatch(&p, routes, sizeof routes / sizeof *routes, route_error);
    req_finish(&r);
}

int main(int argc, char **argv)
{
    static const program_t p = {"portal", "Portal", pages, handle, false};
    return program_main(argc, argv, &p);
}
