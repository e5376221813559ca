/* agent_problems: problem records (根因分析报告, lib/desk/review/problem.h).
 *
 *   GET  /agent/problems              the records one may see, newest first,
 *                                     by status, keyset pages (?before=ID)
 *   GET  /agent/problems/new          a new record (?tickets=NUMBER ...)
 *   POST /agent/problems/new          creates it (a draft)
 *   GET  /agent/problems/ID           the record as the paper form, with
 *                                     its tickets, people and history
 *   GET  /agent/problems/ID/edit      the whole analysis, to edit
 *   POST /agent/problems/ID/edit      saves it (version-checked)
 *   POST /agent/problems/ID/act       action=submit|return|confirm|reopen|close
 * Every POST is CSRF-checked and runs in one transaction; refusals come back
 * on the same page next to their fields, with what was typed kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/emergencies.h"
#include "agent/problem_origin.h"
#include "agent/web.h"
#include "core/log.h"
#include "core/text.h"
#include "desk/people/people.h"
#include "desk/review/problem.h"
#include "web/status.h"

#define NFIELDS (13 + 2 * PROBLEM_WHYS_MAX + PROBLEM_FACTOR_KINDS)

static const char *const why_names[PROBLEM_WHYS_MAX] = {"why_1", "why_2", "why_3", "why_4",
                                                        "why_5", "why_6", "why_7"};
static const char *const because_names[PROBLEM_WHYS_MAX] = {
    "because_1", "because_2", "because_3", "because_4", "because_5", "because_6", "because_7"};
static const char *const factor_names[PROBLEM_FACTOR_KINDS] = {
    "f_people", "f_machine", "f_material", "f_method", "f_environment", "f_measurement"};

/* The fields of the edit form (the new form has the same); participants'
 * choices are the active people, set by validate(). */
static int form_fields(form_field_t *f)
{
    int n = 0;
    f[n++] = (form_field_t){.name = "title", .type = FT_TEXT, .required = true,
                            .max_chars = PROBLEM_TITLE_MAX};
    f[n++] = (form_field_t){.name = "tickets", .type = FT_LONGTEXT, .required = true,
                            .max_chars = 800};
    f[n++] = (form_field_t){.name = "symptoms", .type = FT_LONGTEXT, .max_chars = PROBLEM_TEXT_MAX};
    f[n++] = (form_field_t){.name = "impact", .type = FT_LONGTEXT, .max_chars = PROBLEM_TEXT_MAX};
    f[n++] = (form_field_t){.name = "timeline", .type = FT_LONGTEXT, .max_chars = PROBLEM_TEXT_MAX};
    for (int i = 0; i < PROBLEM_WHYS_MAX; i++) {
        f[n++] = (form_field_t){.name = why_names[i], .type = FT_TEXT,
                                .max_chars = PROBLEM_STEP_MAX};
        f[n++] = (form_field_t){.name = because_names[i], .type = FT_TEXT,
                                .max_chars = PROBLEM_STEP_MAX};
    }
    for (int k = 0; k < PROBLEM_FACTOR_KINDS; k++)
        f[n++] = (form_field_t){.name = factor_names[k], .type = FT_LONGTEXT,
                                .max_chars = PROBLEM_ITEMS_MAX * (PROBLEM_ITEM_MAX + 1)};
    f[n++] = (form_field_t){.name = "responsibility", .type = FT_MULTICHOICE,
                            .choices = problem_responsibilities};
    f[n++] = (form_field_t){.name = "party", .type = FT_CHOICE, .choices = problem_parties};
    f[n++] = (form_field_t){.name = "conclusion", .type = FT_LONGTEXT,
                            .max_chars = PROBLEM_TEXT_MAX};
    f[n++] = (form_field_t){.name = "workaround", .type = FT_LONGTEXT,
                            .max_chars = PROBLEM_TEXT_MAX};
    f[n++] = (form_field_t){.name = "permanent_fix", .type = FT_LONGTEXT,
                            .max_chars = PROBLEM_TEXT_MAX};
    f[n++] = (form_field_t){.name = "owner", .type = FT_ID, .invalid = "unknown_person"};
    f[n++] = (form_field_t){.name = "version", .type = FT_ID};
    f[n++] = (form_field_t){.name = "participants", .type = FT_MULTICHOICE,
                            .invalid = "unknown_person"};
    return n;
}

static long long record_id(const char *arg)
{
    char seg[24];
    return web_segment(arg, seg, sizeof seg) ? problem_number_parse(seg) : 0;
}

static audit_who_t who_of(web_t *w)
{
    return (audit_who_t){ME(w)->id, req_env(w->r, "REMOTE_ADDR")};
}

/* The participants chosen, "3,5" ("" none). */
static void participants_of(web_t *w, char *out, size_t cap)
{
    long long ids[PROBLEM_PARTICIPANTS_MAX + 1];
    int n = form_ids(w->r->hdf, "participants", ids, PROBLEM_PARTICIPANTS_MAX + 1);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t len = strlen(out);
        snprintf(out + len, cap - len, "%s%lld", len ? "," : "", ids[i]);
    }
}

/* The content of a validated submission. */
static void read_content(web_t *w, problem_content_t *c, const char *participants)
{
    HDF *h = w->r->hdf;
    memset(c, 0, sizeof *c);
    c->title = form_value(h, "title");
    c->tickets = form_value(h, "tickets");
    c->symptoms = form_value(h, "symptoms");
    c->impact = form_value(h, "impact");
    c->timeline = form_value(h, "timeline");
    for (int i = 0; i < PROBLEM_WHYS_MAX; i++) {
        c->why[i] = form_value(h, why_names[i]);
        c->because[i] = form_value(h, because_names[i]);
    }
    for (int k = 0; k < PROBLEM_FACTOR_KINDS; k++)
        c->factors[k] = form_value(h, factor_names[k]);
    c->responsibility = form_value(h, "responsibility");
    c->party = form_value(h, "party");
    c->conclusion = form_value(h, "conclusion");
    c->workaround = form_value(h, "workaround");
    c->permanent_fix = form_value(h, "permanent_fix");
    c->owner_id = form_int(h, "owner");
    c->participants = participants;
}

static void show_refusal(web_t *w, const refusal_t *r)
{
    for (int i = 0; i < r->n && i < REFUSAL_MAX; i++)
        form_set_error(w->r->hdf, r->why[i].field, r->why[i].key);
}

static bool forbidden(const refusal_t *r)
{
    return r->n > 0 && strcmp(r->why[0].key, "forbidden") == 0;
}

/* ---- the edit form ----------------------------------------------------- */

static void add_person(long long id, const char *name, const char *role, void *ctx)
{
    web_t *w = ctx;
    int i = hdf_get_int_value(w->r->hdf, "PeopleCount", 0);
    hdf_set_valuef(w->r->hdf, "People.%d.id=%lld", i, id);
    hdf_set_valuef(w->r->hdf, "People.%d.name=%s", i, name);
    hdf_set_valuef(w->r->hdf, "People.%d.role=%s", i, role);
    hdf_set_int_value(w->r->hdf, "PeopleCount", i + 1);
}

static void show_form(web_t *w, int status, long long id)
{
    HDF *h = w->r->hdf;
    for (int i = 0; i < PROBLEM_WHYS_MAX; i++)
        hdf_set_valuef(h, "Levels.%d=%d", i, i + 1);
    for (int k = 0; k < PROBLEM_FACTOR_KINDS; k++)
        hdf_set_valuef(h, "Kinds.%d=%s", k, problem_factor_kinds[k]);
    char key[64];
    for (int i = 0; problem_responsibilities[i]; i++) {
        snprintf(key, sizeof key, "Review.Resp.%s", problem_responsibilities[i]);
        hdf_set_valuef(h, "RespOpts.%d.code=%s", i, problem_responsibilities[i]);
        hdf_set_valuef(h, "RespOpts.%d.label=%s", i, texts_get(&w->d->texts, w->lang, key));
    }
    for (int i = 0; problem_parties[i]; i++) {
        snprintf(key, sizeof key, "Review.Party.%s", problem_parties[i]);
        hdf_set_valuef(h, "PartyOpts.%d.code=%s", i, problem_parties[i]);
        hdf_set_valuef(h, "PartyOpts.%d.label=%s", i, texts_get(&w->d->texts, w->lang, key));
    }
    if (people_each_active(w->d, add_person, w) < 0)
        return agent_error_page(w, 503, "unavailable");
    if (id) {
        char number[16];
        problem_number(id, number);
        hdf_set_valuef(h, "Problem.id=%lld", id);
        hdf_set_value(h, "Problem.number", number);
    }
    if (!hdf_get_value(h, "Form.owner.value", NULL) || !*hdf_get_value(h, "Form.owner.value", ""))
        hdf_set_valuef(h, "Form.owner.value=%lld", ME(w)->id);
    agent_set_nav(w);
    w->r->status = status;
    web_render(w, "agent/problem_edit.cs");
}

/* Form.* from a stored record, for the edit form. */
static void set_form(HDF *h, const problem_t *p)
{
    hdf_set_value(h, "Form.title.value", p->title);
    hdf_set_value(h, "Form.symptoms.value", p->symptoms ? p->symptoms : "");
    hdf_set_value(h, "Form.impact.value", p->impact ? p->impact : "");
    hdf_set_value(h, "Form.timeline.value", p->timeline ? p->timeline : "");
    for (int i = 0; i < p->nwhys; i++) {
        hdf_set_valuef(h, "Form.%s.value=%s", why_names[i], p->whys[i].why);
        hdf_set_valuef(h, "Form.%s.value=%s", because_names[i], p->whys[i].because);
    }
    for (int k = 0; k < PROBLEM_FACTOR_KINDS; k++)
        hdf_set_valuef(h, "Form.%s.value=%s", factor_names[k], p->factors[k] ? p->factors[k] : "");
    char copy[64], *save;
    snprintf(copy, sizeof copy, "%s", p->responsibility);
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
        hdf_set_valuef(h, "Form.responsibility.sel.%s=1", t);
    hdf_set_value(h, "Form.party.value", p->party);
    hdf_set_value(h, "Form.conclusion.value", p->conclusion ? p->conclusion : "");
    hdf_set_value(h, "Form.workaround.value", p->workaround ? p->workaround : "");
    hdf_set_value(h, "Form.permanent_fix.value", p->permanent_fix ? p->permanent_fix : "");
    hdf_set_valuef(h, "Form.owner.value=%lld", p->owner_id);
    hdf_set_valuef(h, "Form.version.value=%lld", p->version);
}

static void add_number(const char *number, const char *subject, const char *status, void *ctx)
{
    (void)subject, (void)status;
    HDF *h = ctx;
    const char *was = hdf_get_value(h, "Form.tickets.value", "");
    hdf_set_valuef(h, "Form.tickets.value=%s%s%s", was, *was ? " " : "", number);
}

static void add_participant(long long person, const char *name, const char *role,
                            const char *teams, bool owner, void *ctx)
{
    (void)name, (void)role, (void)teams;
    if (!owner)
        hdf_set_valuef(ctx, "Form.participants.sel.%lld=1", person);
}

/* Opens the new form from a high-frequency row of the statistics. */
static void new_from_stats(web_t *w)
{
    problem_origin_t o;
    char numbers[PROBLEM_TICKETS_MAX * 34];
    int linked = 0;
    int rc = agent_problem_origin(w, &o, numbers, sizeof numbers, &linked);
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    hdf_remove_tree(w->r->hdf, "Form");
    agent_problem_origin_prefill(w, &o, numbers, linked);
    agent_problem_origin_show(w, &o, linked);
    agent_problem_origin_carry(w);
    show_form(w, 200, 0);
}

void agent_page_problem_new(web_t *w, const char *arg)
{
    (void)arg;
    if (agent_problem_from_stats(w))
        return new_from_stats(w);
    long long emergency = agent_problem_from_emergency(w);
    if (emergency) { /* a closed emergency's tickets, timeline and summary */
        int rc = agent_problem_emergency_prefill(w, emergency);
        return rc == OUTCOME_OK ? show_form(w, 200, 0) : agent_fail(w, rc);
    }
    const char *tickets = req_query(w->r, "tickets");
    form_field_t f = {.name = "tickets", .type = FT_TEXT, .max_chars = 800};
    if (tickets && !form_validate(w->r->hdf, w->r->hdf, &f, 1))
        hdf_set_value(w->r->hdf, "Form.tickets.value", form_value(w->r->hdf, "tickets"));
    else
        hdf_set_value(w->r->hdf, "Form.tickets.value", "");
    hdf_remove_tree(w->r->hdf, "Form.tickets.error");
    show_form(w, 200, 0);
}

/* Validates the submission: the number of fields in error; the
 * participants chosen to participants. */
static int validate(web_t *w, char *participants, size_t cap)
{
    HDF *h = w->r->hdf;
    form_field_t fields[NFIELDS];
    int n = form_fields(fields), errors = 0;
    people_choices_t *people = malloc(sizeof *people);
    if (!people || agent_people_choices(w, people) < 0)
        form_set_error(h, "_form", "save_failed"), errors++;
    else
        fields[n - 1].choices = people->codes;
    errors += form_validate(h, h, fields, n);
    free(people);
    participants_of(w, participants, cap);
    if (!agent_csrf_ok(w))
        form_set_error(h, "_form", "expired"), errors++;
    return errors;
}

/* Commits rc's change or rolls it back: the outcome. */
static int finish(web_t *w, int rc)
{
    if (rc == OUTCOME_OK && (rc = db_commit(&w->d->db)) == OUTCOME_OK)
        return OUTCOME_OK;
    db_rollback(&w->d->db);
    return rc;
}

void agent_do_problem_new(web_t *w, const char *arg)
{
    (void)arg;
    char participants[PEOPLE_IDS_LEN];
    problem_origin_t o;
    bool from_stats = agent_problem_from_stats(w);
    long long emergency = from_stats ? 0 : agent_problem_from_emergency(w);
    if (emergency)
        agent_problem_emergency_carry(w, emergency);
    if (from_stats) { /* the row read again: what the record says it came from */
        char numbers[PROBLEM_TICKETS_MAX * 34];
        int linked = 0, orc = agent_problem_origin(w, &o, numbers, sizeof numbers, &linked);
        if (orc == OUTCOME_FORBIDDEN || orc == OUTCOME_INVALID)
            return agent_fail(w, orc);
        if (orc != OUTCOME_OK)
            form_set_error(w->r->hdf, "_form", "save_failed");
        agent_problem_origin_show(w, &o, linked);
        agent_problem_origin_carry(w);
    }
    if (validate(w, participants, sizeof participants) ||
        hdf_get_value(w->r->hdf, "Form._form.error", NULL))
        return show_form(w, 422, 0);
    problem_content_t c;
    read_content(w, &c, participants);
    refusal_t r = {0};
    long long id = 0;
    audit_who_t who = who_of(w);
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = problem_create(w->d, ME(w), &who, &c, &id, &r);
    if (rc == OUTCOME_OK && from_stats)
        rc = problem_set_origin(w->d, id, &o);
    if (rc == OUTCOME_OK && emergency)
        rc = agent_problem_emergency_link(w, emergency, id);
    rc = finish(w, rc);
    if (rc != OUTCOME_OK) {
        show_refusal(w, &r);
        if (rc != CHANGE_REFUSED) {
            log_error("problem record not created: %d", rc);
            form_set_error(w->r->hdf, "_form", "save_failed");
        }
        return show_form(w, rc == CHANGE_REFUSED ? 422 : status_of(rc), 0);
    }
    char where[80];
    agent_mark_acted(w);
    snprintf(where, sizeof where, "/agent/problems/%lld?done=problem_created", id);
    req_redirect(w->r, where);
}

/* Loads record id for someone who may see it, or answers the request. */
static bool load_visible(web_t *w, long long id, problem_t *p, problem_role_t *role)
{
    int rc = id ? problem_get(w->d, id, false, p) : OUTCOME_NOT_FOUND;
    bool loaded = rc == OUTCOME_OK;
    if (loaded && (rc = problem_role(w->d, ME(w), p, role)) == OUTCOME_OK &&
        !problem_may_see(*role))
        rc = OUTCOME_FORBIDDEN;
    if (rc != OUTCOME_OK) {
        if (loaded)
            problem_free(p);
        agent_fail(w, rc);
    }
    return rc == OUTCOME_OK;
}

void agent_page_problem_edit(web_t *w, const char *arg)
{
    long long id = record_id(arg);
    problem_t p;
    problem_role_t role;
    if (!load_visible(w, id, &p, &role))
        return;
    if (!problem_may_edit(role, p.status)) {
        problem_free(&p);
        agent_set_nav(w);
        return agent_error_page(w, 403, "forbidden");
    }
    set_form(w->r->hdf, &p);
    problem_free(&p);
    hdf_set_value(w->r->hdf, "Form.tickets.value", "");
    if (problem_each_ticket(w->d, id, add_number, w->r->hdf) < 0 ||
        problem_each_person(w->d, id, w->lang, add_participant, w->r->hdf) < 0)
        return agent_error_page(w, 503, "unavailable");
    show_form(w, 200, id);
}

void agent_do_problem_edit(web_t *w, const char *arg)
{
    long long id = record_id(arg);
    if (!id)
        return agent_error_page(w, 404, "not_found");
    char participants[PEOPLE_IDS_LEN];
    if (validate(w, participants, sizeof participants))
        return show_form(w, 422, id);
    long long version = form_int(w->r->hdf, "version");
    problem_content_t c;
    read_content(w, &c, participants);
    refusal_t r = {0};
    audit_who_t who = who_of(w);
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = problem_update(w->d, ME(w), &who, id, version, &c, &r);
    bool unchanged = rc == CHANGE_UNCHANGED;
    rc = finish(w, unchanged ? OUTCOME_UNAVAILABLE : rc);
    if (!unchanged && rc != OUTCOME_OK) {
        if (forbidden(&r)) {
            agent_set_nav(w);
            return agent_error_page(w, 403, "forbidden");
        }
        show_refusal(w, &r);
        if (rc != CHANGE_REFUSED) {
            log_error("problem record %lld not saved: %d", id, rc);
            form_set_error(w->r->hdf, "_form", "save_failed");
        }
        return show_form(w, rc == CHANGE_REFUSED ? 422 : status_of(rc), id);
    }
    char where[80];
    snprintf(where, sizeof where, "/agent/problems/%lld?done=%s", id,
             unchanged ? "problem_unchanged" : "problem_saved");
    req_redirect(w->r, where);
}

/* ---- the record ---------------------------------------------------------- */

static void add_ticket(const char *number, const char *subject, const char *status, void *ctx)
{
    HDF *h = ctx;
    int i = hdf_get_int_value(h, "TicketCount", 0);
    hdf_set_valuef(h, "Tickets.%d.number=%s", i, number);
    hdf_set_valuef(h, "Tickets.%d.subject=%s", i, subject);
    hdf_set_valuef(h, "Tickets.%d.status=%s", i, status);
    hdf_set_int_value(h, "TicketCount", i + 1);
}

static void add_member(long long person, const char *name, const char *role, const char *teams,
                       bool owner, void *ctx)
{
    HDF *h = ctx;
    int i = hdf_get_int_value(h, "MemberCount", 0);
    hdf_set_valuef(h, "Members.%d.id=%lld", i, person);
    hdf_set_valuef(h, "Members.%d.name=%s", i, name);
    hdf_set_valuef(h, "Members.%d.role=%s", i, role);
    hdf_set_valuef(h, "Members.%d.teams=%s", i, teams);
    hdf_set_valuef(h, "Members.%d.owner=%d", i, owner);
    hdf_set_int_value(h, "MemberCount", i + 1);
}

static void add_event(time_t at, const char *who, const char *kind, const char *changes,
                      void *ctx)
{
    HDF *h = ctx;
    int i = hdf_get_int_value(h, "HistoryCount", 0);
    char key[48];
    snprintf(key, sizeof key, "History.%d.at", i);
    tpl_set_time(h, key, at);
    hdf_set_valuef(h, "History.%d.who=%s", i, who);
    hdf_set_valuef(h, "History.%d.kind=%s", i, kind);
    json_t *c = json_loads(changes, 0, NULL);
    const char *field;
    json_t *pair;
    int n = 0;
    json_object_foreach(c, field, pair)
    {
        hdf_set_valuef(h, "History.%d.fields.%d=%s", i, n++, field);
        if (!strcmp(field, "status") && json_is_array(pair))
            hdf_set_valuef(h, "History.%d.to=%s", i, json_string_value(json_array_get(pair, 1)));
    }
    json_decref(c);
    hdf_set_int_value(h, "HistoryCount", i + 1);
}

static void set_record(web_t *w, const problem_t *p, problem_role_t role)
{
    HDF *h = w->r->hdf;
    char number[16];
    problem_number(p->id, number);
    hdf_set_valuef(h, "Problem.id=%lld", p->id);
    hdf_set_value(h, "Problem.number", number);
    hdf_set_value(h, "Problem.title", p->title);
    hdf_set_value(h, "Problem.status", problem_status_code(p->status));
    hdf_set_value(h, "Problem.symptoms", p->symptoms ? p->symptoms : "");
    hdf_set_value(h, "Problem.impact", p->impact ? p->impact : "");
    hdf_set_value(h, "Problem.timeline", p->timeline ? p->timeline : "");
    hdf_set_value(h, "Problem.conclusion", p->conclusion ? p->conclusion : "");
    hdf_set_value(h, "Problem.workaround", p->workaround ? p->workaround : "");
    hdf_set_value(h, "Problem.permanent_fix", p->permanent_fix ? p->permanent_fix : "");
    hdf_set_value(h, "Problem.party", p->party);
    hdf_set_valuef(h, "Problem.version=%lld", p->version);
    tpl_set_time(h, "Problem.created", p->created_at);
    tpl_set_time(h, "Problem.updated", p->updated_at);
    for (int i = 0; problem_responsibilities[i]; i++) {
        hdf_set_valuef(h, "Resp.%d.code=%s", i, problem_responsibilities[i]);
        hdf_set_valuef(h, "Resp.%d.on=%d", i,
                       text_list_has(p->responsibility, problem_responsibilities[i]));
    }
    for (int i = 0; problem_parties[i]; i++)
        hdf_set_valuef(h, "Parties.%d=%s", i, problem_parties[i]);
    for (int i = 0; i < p->nwhys; i++) {
        hdf_set_valuef(h, "Whys.%d.level=%d", i, i + 1);
        hdf_set_valuef(h, "Whys.%d.why=%s", i, p->whys[i].why);
        hdf_set_valuef(h, "Whys.%d.because=%s", i, p->whys[i].because);
        hdf_set_valuef(h, "Whys.%d.root=%d", i, i == p->nwhys - 1);
    }
    for (int k = 0; k < PROBLEM_FACTOR_KINDS; k++) {
        hdf_set_valuef(h, "Factors.%d.kind=%s", k, problem_factor_kinds[k]);
        char copy[PROBLEM_ITEMS_MAX * (PROBLEM_ITEM_MAX * 4 + 1)], *save;
        snprintf(copy, sizeof copy, "%s", p->factors[k] ? p->factors[k] : "");
        int n = 0;
        for (char *t = strtok_r(copy, "\n", &save); t; t = strtok_r(NULL, "\n", &save))
            hdf_set_valuef(h, "Factors.%d.items.%d=%s", k, n++, t);
    }
    hdf_set_int_value(h, "Can.edit", problem_may_edit(role, p->status));
    for (int a = 0; a < PA_COUNT; a++)
        if (problem_action_target((problem_action_t)a, p->status) >= 0 &&
            problem_action_allowed((problem_action_t)a, role))
            hdf_set_valuef(h, "Can.act.%s=1", problem_action_code((problem_action_t)a));
}

static void show_record(web_t *w, long long id, int status)
{
    problem_t p;
    problem_role_t role;
    if (!load_visible(w, id, &p, &role))
        return;
    set_record(w, &p, role);
    problem_free(&p);
    HDF *h = w->r->hdf;
    if (problem_each_ticket(w->d, id, add_ticket, h) < 0 ||
        problem_each_person(w->d, id, w->lang, add_member, h) < 0 ||
        problem_each_event(w->d, id, add_event, h) < 0)
        return agent_error_page(w, 503, "unavailable");
    problem_origin_t o;
    if (problem_origin_get(w->d, id, &o) == OUTCOME_OK && strcmp(o.kind, "tickets"))
        agent_problem_origin_show(w, &o, hdf_get_int_value(h, "TicketCount", 0));
    hdf_set_int_value(h, "Page.Doc", 1);
    agent_set_nav(w);
    w->r->status = status;
    web_render(w, "agent/problem.cs");
}

void agent_page_problem(web_t *w, const char *arg)
{
    show_record(w, record_id(arg), 200);
}

void agent_do_problem_act(web_t *w, const char *arg)
{
    long long id = record_id(arg);
    int act = problem_action_parse(req_query(w->r, "action"));
    if (!id)
        return agent_error_page(w, 404, "not_found");
    if (!agent_csrf_ok(w) || act < 0) {
        hdf_set_value(w->r->hdf, "ActionErrors.0.field", "_form");
        hdf_set_value(w->r->hdf, "ActionErrors.0.key", act < 0 ? "bad_request" : "expired");
        return show_record(w, id, 422);
    }
    refusal_t r = {0};
    audit_who_t who = who_of(w);
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = problem_act(w->d, ME(w), &who, id, (problem_action_t)act, &r);
    rc = finish(w, rc);
    if (rc != OUTCOME_OK) {
        if (forbidden(&r)) {
            agent_set_nav(w);
            return agent_error_page(w, 403, "forbidden");
        }
        for (int i = 0; i < r.n && i < REFUSAL_MAX; i++) {
            hdf_set_valuef(w->r->hdf, "ActionErrors.%d.field=%s", i, r.why[i].field);
            hdf_set_valuef(w->r->hdf, "ActionErrors.%d.key=%s", i, r.why[i].key);
        }
        if (rc != CHANGE_REFUSED) {
            log_error("problem record %lld: %s not saved: %d", id,
                      problem_action_code((problem_action_t)act), rc);
            hdf_set_value(w->r->hdf, "ActionErrors.0.field", "_form");
            hdf_set_value(w->r->hdf, "ActionErrors.0.key", "save_failed");
        }
        return show_record(w, id, rc == CHANGE_REFUSED ? 422 : status_of(rc));
    }
    char where[80];
    snprintf(where, sizeof where, "/agent/problems/%lld?done=problem_%s", id,
             problem_action_code((problem_action_t)act));
    req_redirect(w->r, where);
}

/* ---- the list -------------------------------------------------------------- */

typedef struct list_ctx {
    web_t *w;
    int n;
    long long last;
} list_ctx_t;

static void add_row(const problem_row_t *row, void *ctx)
{
    list_ctx_t *l = ctx;
    HDF *h = l->w->r->hdf;
    if (l->n == PROBLEM_PAGE) { /* the one more that says a next page exists */
        hdf_set_valuef(h, "Next=%lld", l->last);
        return;
    }
    char number[16], key[48];
    problem_number(row->id, number);
    hdf_set_valuef(h, "Rows.%d.id=%lld", l->n, row->id);
    hdf_set_valuef(h, "Rows.%d.number=%s", l->n, number);
    hdf_set_valuef(h, "Rows.%d.title=%s", l->n, row->title);
    hdf_set_valuef(h, "Rows.%d.owner=%s", l->n, row->owner);
    hdf_set_valuef(h, "Rows.%d.status=%s", l->n, row->status);
    hdf_set_valuef(h, "Rows.%d.tickets=%lld", l->n, row->tickets);
    char copy[64], *save;
    snprintf(copy, sizeof copy, "%s", row->responsibility);
    int i = 0;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
        hdf_set_valuef(h, "Rows.%d.resp.%d=%s", l->n, i++, t);
    snprintf(key, sizeof key, "Rows.%d.updated", l->n);
    tpl_set_time(h, key, row->updated_at);
    l->last = row->id;
    l->n++;
}

void agent_page_problems(web_t *w, const char *arg)
{
    (void)arg;
    const char *s = req_query(w->r, "status");
    int status = s && *s ? problem_status_parse(s) : -1;
    long long before = web_id(req_query(w->r, "before"));
    list_ctx_t l = {w, 0, 0};
    if (problem_list(w->d, ME(w), status, before, PROBLEM_PAGE + 1, add_row, &l) < 0)
        return agent_error_page(w, 503, "unavailable");
    HDF *h = w->r->hdf;
    hdf_set_value(h, "Filter.status", status >= 0 ? s : "");
    for (int i = 0; i < PS_COUNT; i++)
        hdf_set_valuef(h, "Statuses.%d=%s", i, problem_status_code((problem_status_t)i));
    hdf_set_int_value(h, "RowCount", l.n);
    agent_set_nav(w);
    web_render(w, "agent/problems.cs");
}

/* ---- on a ticket page ---------------------------------------------------- */

/* One row of a list of problem records (Problems.N, ProblemCount): the
 * ticket page's and the meeting page's. */
void agent_problem_row(long long id, const char *title, const char *status, void *ctx)
{
    HDF *h = ctx;
    int i = hdf_get_int_value(h, "ProblemCount", 0);
    char number[16];
    problem_number(id, number);
    hdf_set_valuef(h, "Problems.%d.id=%lld", i, id);
    hdf_set_valuef(h, "Problems.%d.number=%s", i, number);
    hdf_set_valuef(h, "Problems.%d.title=%s", i, title);
    hdf_set_valuef(h, "Problems.%d.status=%s", i, status);
    hdf_set_int_value(h, "ProblemCount", i + 1);
}

void agent_ticket_problems(web_t *w, long long ticket_id)
{
    if (problem_each_for_ticket(w->d, ticket_id, agent_problem_row, w->r->hdf) < 0)
        log_error("problems of ticket %lld not read", ticket_id);
}
