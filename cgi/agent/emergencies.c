/* agent_emergencies: emergencies and their teams (lib/desk/emergency/emergency.h).
 *
 *   GET  /agent/emergencies          open ones first, then closed, newest first
 *                                    (keyset pages: ?after=CURSOR)
 *   GET  /agent/emergencies/new      the declaration form (managers): ?tickets=
 *                                    and ?category= prefill; the lead and members
 *                                    come from the category's template
 *   POST /agent/emergencies/new      forms the team; its members are mailed
 *   GET  /agent/emergencies/ID       the emergency: clocks, team, tickets, plan
 *                                    and its versions, tasks, timeline
 *   POST /agent/emergencies/ID/act   one change (do=plan, feedback, note, task,
 *                                    task_done, ticket, member, close)
 * Only the team and managers see an emergency: anyone else is answered as
 * if it did not exist. Every POST is CSRF-checked and one transaction; a
 * refusal comes back on the page with what was typed kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/emergencies.h"
#include "core/log.h"
#include "desk/catalog/catalog.h"
#include "desk/emergency/emergency.h"
#include "desk/emergency/emergency_read.h"
#include "desk/emergency/emergency_template.h"
#include "desk/people/people.h"
#include "desk/ticket/ticket_record.h"
#include "desk/ticket/ticket_work.h"
#include "web/form.h"

static const char *text(web_t *w, const char *key) { return texts_get(&w->d->texts, w->lang, key); }

static void add_person(long long id, const char *name, const char *role, void *ctx)
{
    web_t *w = ctx;
    int i = hdf_get_int_value(w->r->hdf, "PeopleCount", 0);
    hdf_set_valuef(w->r->hdf, "People.%d.id=%lld", i, id);
    hdf_set_valuef(w->r->hdf, "People.%d.name=%s", i, name);
    hdf_set_valuef(w->r->hdf, "People.%d.role=%s", i, role);
    hdf_set_int_value(w->r->hdf, "PeopleCount", i + 1);
}

static void set_categories(web_t *w)
{
    const catalog_t *c = &w->d->catalog;
    for (int i = 0; i < c->ncats; i++) {
        hdf_set_valuef(w->r->hdf, "Categories.%d.id=%lld", i, c->cats[i].id);
        hdf_set_valuef(w->r->hdf, "Categories.%d.name=%s", i, c->cats[i].name[w->lang]);
    }
}

/* Commits rc's change or rolls it back: the outcome. */
static int finish(web_t *w, int rc)
{
    if (rc == OUTCOME_OK && (rc = db_commit(&w->d->db)) == OUTCOME_OK)
        return OUTCOME_OK;
    db_rollback(&w->d->db);
    return rc;
}

static void show_refusal(web_t *w, const refusal_t *r)
{
    for (int i = 0; i < r->n; i++)
        form_set_error(w->r->hdf, r->why[i].field, r->why[i].key);
    if (r->n)
        hdf_set_int_value(w->r->hdf, "Form.HasErrors", 1);
}

/* ---- declaring ------------------------------------------------------------- */

static void show_new(web_t *w, int status)
{
    if (people_each_active(w->d, add_person, w) < 0)
        return agent_error_page(w, 503, "unavailable");
    set_categories(w);
    agent_set_nav(w);
    w->r->status = status;
    web_render(w, "agent/emergency_new.cs");
}

/* The category of the first ticket named, for the form's default. */
static long long category_of_tickets(web_t *w, const char *numbers)
{
    char copy[256], *save;
    snprintf(copy, sizeof copy, "%s", numbers ? numbers : "");
    char *first = strtok_r(copy, " ,;\r\n\t", &save);
    ticket_t t;
    if (!first || ticket_by_number(w->d, first, &t) != OUTCOME_OK)
        return 0;
    long long c = ticket_visible_to(w->d, ME(w), &t) ? t.category_id : 0;
    ticket_free(&t);
    return c;
}

static const form_field_t new_query[] = {
    {.name = "tickets", .type = FT_TEXT, .max_chars = 800},
    {.name = "category", .type = FT_INTEGER, .min = 0, .max = WEB_ID_MAX},
    {.name = "title", .type = FT_TEXT, .max_chars = 200},
};

void agent_page_emergency_new(web_t *w, const char *arg)
{
    (void)arg;
    HDF *h = w->r->hdf;
    if (!emergency_manager(ME(w)))
        return agent_error_page(w, 403, "forbidden");
    form_validate(h, h, new_query, 3);
    hdf_remove_tree(h, "Form.tickets.error");
    hdf_remove_tree(h, "Form.category.error");
    hdf_remove_tree(h, "Form.title.error");
    long long category = form_int(h, "category");
    if (!category && !hdf_get_value(h, "Query.category", NULL))
        category = category_of_tickets(w, form_value(h, "tickets"));
    hdf_set_valuef(h, "Form.category.value=%lld", category);
    emergency_template_t t;
    if (category && emergency_template_get(w->d, category, &t) != OUTCOME_OK)
        return agent_error_page(w, 503, "unavailable");
    if (category) {
        hdf_set_valuef(h, "Form.lead.value=%lld", t.lead_id);
        for (int i = 0; i < t.nmembers; i++)
            hdf_set_valuef(h, "Form.members.sel.%lld=1", t.members[i]);
        hdf_set_int_value(h, "Template.loaded", 1);
    }
    show_new(w, 200);
}

void agent_do_emergency_new(web_t *w, const char *arg)
{
    (void)arg;
    HDF *h = w->r->hdf;
    if (!emergency_manager(ME(w)))
        return agent_error_page(w, 403, "forbidden");
    people_choices_t *people = malloc(sizeof *people);
    int errors = 0;
    if (!people || agent_people_choices(w, people) < 0) {
        free(people);
        return agent_error_page(w, 503, "unavailable");
    }
    form_field_t f[] = {
        {.name = "title", .type = FT_TEXT, .required = true, .max_chars = 200},
        {.name = "category", .type = FT_INTEGER, .min = 0, .max = WEB_ID_MAX},
        {.name = "tickets", .type = FT_TEXT, .required = true, .max_chars = 800},
        {.name = "lead", .type = FT_CHOICE, .required = true, .max_chars = 24,
         .choices = people->codes},
        {.name = "members", .type = FT_MULTICHOICE, .max_chars = 24, .choices = people->codes},
    };
    errors += form_validate(h, h, f, 5);
    free(people);
    if (!agent_csrf_ok(w))
        form_set_error(h, "_form", "expired"), errors++;
    long long members[EMERGENCY_MEMBERS_MAX + 1];
    int nmembers = form_ids(h, "members", members, EMERGENCY_MEMBERS_MAX + 1);
    if (nmembers < 0 || nmembers > EMERGENCY_MEMBERS_MAX)
        form_set_error(h, "members", "too_many"), errors++, nmembers = 0;
    if (errors) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_new(w, 422);
    }
    emergency_decl_t c = {.title = form_value(h, "title"),
                          .category_id = form_int(h, "category"),
                          .lead_id = form_int(h, "lead"),
                          .members = members,
                          .nmembers = nmembers,
                          .tickets = form_value(h, "tickets")};
    if (c.category_id && !catalog_category_by_id(&w->d->catalog, c.category_id))
        c.category_id = 0;
    refusal_t r = {0};
    long long id = 0;
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = emergency_declare(w->d, ME(w), &c, &id, &r);
    rc = finish(w, rc);
    if (rc != OUTCOME_OK) {
        show_refusal(w, &r);
        if (rc != CHANGE_REFUSED) {
            log_error("emergency not declared: %d", rc);
            form_set_error(h, "_form", "save_failed");
            hdf_set_int_value(h, "Form.HasErrors", 1);
        }
        return show_new(w, rc == CHANGE_REFUSED ? 422 : status_of(rc));
    }
    char where[80];
    snprintf(where, sizeof where, "/agent/emergencies/%lld?done=emergency_declared", id);
    req_redirect(w->r, where);
}

/* ---- one emergency ---------------------------------------------------------- */

static void add_member(long long id, const char *name, bool lead, void *ctx)
{
    web_t *w = ctx;
    int i = hdf_get_int_value(w->r->hdf, "MemberCount", 0);
    hdf_set_valuef(w->r->hdf, "Members.%d.id=%lld", i, id);
    hdf_set_valuef(w->r->hdf, "Members.%d.name=%s", i, name);
    hdf_set_int_value(w->r->hdf, "MemberCount", i + 1);
    if (lead) {
        char key[48];
        snprintf(key, sizeof key, "Members.%d.lead", i);
        hdf_set_int_value(w->r->hdf, key, 1);
    }
}

static void add_ticket(const char *number, const char *subject, const char *status, void *ctx)
{
    web_t *w = ctx;
    int i = hdf_get_int_value(w->r->hdf, "TicketCount", 0);
    hdf_set_valuef(w->r->hdf, "Tickets.%d.number=%s", i, number);
    hdf_set_valuef(w->r->hdf, "Tickets.%d.subject=%s", i, subject);
    hdf_set_valuef(w->r->hdf, "Tickets.%d.status=%s", i, status);
    hdf_set_int_value(w->r->hdf, "TicketCount", i + 1);
}

static void add_plan(long long version, const char *body, const char *by, time_t at, void *ctx)
{
    web_t *w = ctx;
    int i = hdf_get_int_value(w->r->hdf, "PlanCount", 0);
    char key[48];
    hdf_set_valuef(w->r->hdf, "Plans.%d.version=%lld", i, version);
    hdf_set_valuef(w->r->hdf, "Plans.%d.body=%s", i, body);
    hdf_set_valuef(w->r->hdf, "Plans.%d.by=%s", i, by);
    snprintf(key, sizeof key, "Plans.%d.at", i);
    tpl_set_time(w->r->hdf, key, at);
    hdf_set_int_value(w->r->hdf, "PlanCount", i + 1);
}

static void add_event(time_t at, const char *who, const char *kind, const char *note, void *ctx)
{
    web_t *w = ctx;
    int i = hdf_get_int_value(w->r->hdf, "EventCount", 0);
    char key[48];
    snprintf(key, sizeof key, "Events.%d.at", i);
    tpl_set_time(w->r->hdf, key, at);
    hdf_set_valuef(w->r->hdf, "Events.%d.who=%s", i, who);
    hdf_set_valuef(w->r->hdf, "Events.%d.kind=%s", i, kind);
    hdf_set_valuef(w->r->hdf, "Events.%d.note=%s", i, note);
    hdf_set_int_value(w->r->hdf, "EventCount", i + 1);
}

static void add_task(long long id, const char *title, const char *owner, time_t done, void *ctx)
{
    web_t *w = ctx;
    int i = hdf_get_int_value(w->r->hdf, "TaskCount", 0);
    char key[48];
    hdf_set_valuef(w->r->hdf, "Tasks.%d.id=%lld", i, id);
    hdf_set_valuef(w->r->hdf, "Tasks.%d.title=%s", i, title);
    hdf_set_valuef(w->r->hdf, "Tasks.%d.owner=%s", i, owner);
    if (done) {
        snprintf(key, sizeof key, "Tasks.%d.done", i);
        tpl_set_time(w->r->hdf, key, done);
    }
    hdf_set_int_value(w->r->hdf, "TaskCount", i + 1);
}

/* A clock of the page: its deadline chip while it runs, else when it was
 * met and whether in time. */
static void set_clock(web_t *w, const char *key, const emergency_t *e, time_t due, time_t done,
                      int met)
{
    char k[48];
    if (done) {
        snprintf(k, sizeof k, "%s.done", key);
        tpl_set_time(w->r->hdf, k, done);
        snprintf(k, sizeof k, "%s.due", key);
        tpl_set_time(w->r->hdf, k, due);
        hdf_set_valuef(w->r->hdf, "%s.met=%s", key, met == 1 ? "met" : "breached");
    } else if (e->open) {
        snprintf(k, sizeof k, "%s.due", key);
        agent_set_due(w, k, due);
        hdf_set_valuef(w->r->hdf, "%s.met=pending", key);
    } else {
        snprintf(k, sizeof k, "%s.due", key);
        tpl_set_time(w->r->hdf, k, due);
        hdf_set_valuef(w->r->hdf, "%s.met=%s", key, desk_now(w->d) > due ? "breached" : "pending");
    }
}

/* The emergency of /agent/emergencies/ID[/...] for someone who may see it;
 * 0 after answering (404 for one not theirs, as for a missing one). */
static long long visible_id(web_t *w, const char *arg)
{
    char seg[24];
    long long id = web_segment(arg, seg, sizeof seg) ? web_id(seg) : 0;
    if (!id || !emergency_may_see(w->d, ME(w), id)) {
        agent_error_page(w, 404, "not_found");
        return 0;
    }
    return id;
}

static void show_emergency(web_t *w, long long id, int status)
{
    HDF *h = w->r->hdf;
    emergency_t e;
    int rc = emergency_get(w->d, id, &e);
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    hdf_set_valuef(h, "Emergency.id=%lld", e.id);
    hdf_set_value(h, "Emergency.title", e.title);
    hdf_set_int_value(h, "Emergency.open", e.open);
    hdf_set_value(h, "Emergency.lead", e.lead);
    hdf_set_value(h, "Emergency.declarer", e.declarer);
    hdf_set_valuef(h, "Emergency.category=%lld", e.category_id);
    hdf_set_valuef(h, "Emergency.problem=%lld", e.problem_id);
    hdf_set_valuef(h, "Emergency.plan_version=%lld", e.plan_version);
    tpl_set_time(h, "Emergency.declared_at", e.declared_at);
    if (e.closed_at)
        tpl_set_time(h, "Emergency.closed_at", e.closed_at);
    hdf_set_value(h, "Emergency.summary", e.summary ? e.summary : "");
    set_clock(w, "Clock.plan", &e, e.plan_due_at, e.plan_done_at, e.plan_met);
    set_clock(w, "Clock.feedback", &e, e.feedback_due_at, e.feedback_done_at, e.feedback_met);
    emergency_free(&e);
    if (emergency_each_member(w->d, id, add_member, w) < 0 ||
        emergency_each_ticket(w->d, id, add_ticket, w) < 0 ||
        emergency_each_plan(w->d, id, add_plan, w) < 0 ||
        emergency_each_event(w->d, id, add_event, w) < 0 ||
        emergency_each_task(w->d, id, add_task, w) < 0 ||
        people_each_active(w->d, add_person, w) < 0)
        return agent_error_page(w, 503, "unavailable");
    /* the plan as typed when saving it failed, else the latest version */
    if (strcmp(hdf_get_value(h, "ActionFailed", ""), "plan"))
        hdf_set_value(h, "Form.plan.value", hdf_get_value(h, "Plans.0.body", ""));
    hdf_set_int_value(h, "Me.manager", emergency_manager(ME(w)));
    agent_set_nav(w);
    w->r->status = status;
    web_render(w, "agent/emergency.cs");
}

void agent_page_emergency(web_t *w, const char *arg)
{
    long long id = visible_id(w, arg);
    if (id)
        show_emergency(w, id, 200);
}

static const char *const acts[] = {"plan", "feedback", "note", "task", "task_done",
                                   "ticket", "member", "close", NULL};

/* Runs the change the form names, in the open transaction. */
static int run_act(web_t *w, long long id, const char *act, refusal_t *r)
{
    HDF *h = w->r->hdf;
    const agent_t *me = ME(w);
    if (!strcmp(act, "plan"))
        return emergency_save_plan(w->d, me, id, form_value(h, "plan"), r);
    if (!strcmp(act, "feedback"))
        return emergency_record_feedback(w->d, me, id, form_value(h, "feedback"), r);
    if (!strcmp(act, "note"))
        return emergency_add_note(w->d, me, id, form_value(h, "note"), r);
    if (!strcmp(act, "task"))
        return emergency_add_task(w->d, me, id, form_value(h, "task"), form_int(h, "owner"), r);
    if (!strcmp(act, "task_done"))
        return emergency_task_done(w->d, me, id, form_int(h, "task_id"), r);
    if (!strcmp(act, "ticket"))
        return emergency_add_ticket(w->d, me, id, form_value(h, "ticket"), r);
    if (!strcmp(act, "member"))
        return emergency_add_member(w->d, me, id, form_int(h, "member"), r);
    return emergency_close(w->d, me, id, form_value(h, "summary"), r);
}

void agent_do_emergency_act(web_t *w, const char *arg)
{
    HDF *h = w->r->hdf;
    long long id = visible_id(w, arg);
    if (!id)
        return;
    const form_field_t f[] = {
        {.name = "do", .type = FT_CHOICE, .required = true, .max_chars = 12, .choices = acts},
        {.name = "plan", .type = FT_LONGTEXT, .max_chars = 8000},
        {.name = "feedback", .type = FT_LONGTEXT, .max_chars = 4000},
        {.name = "note", .type = FT_LONGTEXT, .max_chars = 4000},
        {.name = "task", .type = FT_TEXT, .max_chars = 300},
        {.name = "owner", .type = FT_ID},
        {.name = "task_id", .type = FT_ID},
        {.name = "ticket", .type = FT_TEXT, .max_chars = 40},
        {.name = "member", .type = FT_ID},
        {.name = "summary", .type = FT_LONGTEXT, .max_chars = 8000},
    };
    int errors = form_validate(h, h, f, sizeof f / sizeof *f);
    if (!agent_csrf_ok(w))
        form_set_error(h, "_form", "expired"), errors++;
    const char *act = form_value(h, "do");
    if (!act)
        return agent_error_page(w, 400, "bad_request");
    hdf_set_value(h, "ActionFailed", act);
    if (errors) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_emergency(w, id, 422);
    }
    refusal_t r = {0};
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = run_act(w, id, act, &r);
    rc = finish(w, rc);
    if (rc == OUTCOME_NOT_FOUND)
        return agent_error_page(w, 404, "not_found");
    if (rc != OUTCOME_OK) {
        show_refusal(w, &r);
        if (rc != CHANGE_REFUSED) {
            log_error("emergency %lld: %s not saved: %d", id, act, rc);
            form_set_error(h, "_form", "save_failed");
            hdf_set_int_value(h, "Form.HasErrors", 1);
        }
        return show_emergency(w, id, rc == CHANGE_REFUSED ? 422 : status_of(rc));
    }
    char where[96];
    snprintf(where, sizeof where, "/agent/emergencies/%lld?done=%s", id,
             !strcmp(act, "close") ? "emergency_closed" : "emergency_saved");
    req_redirect(w->r, where);
}

/* ---- the list ------------------------------------------------------------------ */

void agent_page_emergencies(web_t *w, const char *arg)
{
    (void)arg;
    HDF *h = w->r->hdf;
    emergency_page_t *p = malloc(sizeof *p);
    const char *after = req_query(w->r, "after");
    if (!p)
        return agent_error_page(w, 503, "unavailable");
    if (emergency_list(w->d, ME(w), after, p) < 0) {
        free(p);
        return agent_error_page(w, after && *after ? 400 : 503,
                                after && *after ? "bad_request" : "unavailable");
    }
    char key[48];
    for (int i = 0; i < p->n; i++) {
        const emergency_row_t *r = &p->rows[i];
        hdf_set_valuef(h, "Rows.%d.id=%lld", i, r->id);
        hdf_set_valuef(h, "Rows.%d.title=%s", i, r->title);
        hdf_set_valuef(h, "Rows.%d.lead=%s", i, r->lead);
        hdf_set_valuef(h, "Rows.%d.tickets=%lld", i, r->tickets);
        hdf_set_int_value(h, (snprintf(key, sizeof key, "Rows.%d.open", i), key), r->open);
        snprintf(key, sizeof key, "Rows.%d.declared_at", i);
        tpl_set_time(h, key, r->declared_at);
        snprintf(key, sizeof key, "Rows.%d.plan", i);
        if (r->open && !r->plan_done_at)
            agent_set_due(w, key, r->plan_due_at);
        snprintf(key, sizeof key, "Rows.%d.feedback", i);
        if (r->open && !r->feedback_done_at)
            agent_set_due(w, key, r->feedback_due_at);
    }
    hdf_set_int_value(h, "RowCount", p->n);
    if (p->more)
        hdf_set_value(h, "Next", p->next_cursor);
    free(p);
    hdf_set_int_value(h, "Me.manager", emergency_manager(ME(w)));
    agent_set_nav(w);
    web_render(w, "agent/emergencies.cs");
}

/* ---- elsewhere ------------------------------------------------------------------ */

static void add_of_ticket(long long id, const char *title, bool open, void *ctx)
{
    web_t *w = ctx;
    int i = hdf_get_int_value(w->r->hdf, "EmergencyCount", 0);
    hdf_set_valuef(w->r->hdf, "Emergencies.%d.id=%lld", i, id);
    hdf_set_valuef(w->r->hdf, "Emergencies.%d.title=%s", i, title);
    hdf_set_valuef(w->r->hdf, "Emergencies.%d.open=%d", i, open ? 1 : 0);
    hdf_set_int_value(w->r->hdf, "EmergencyCount", i + 1);
}

void agent_ticket_emergencies(web_t *w, long long ticket_id)
{
    emergency_each_of_ticket(w->d, ME(w), ticket_id, add_of_ticket, w);
    hdf_set_int_value(w->r->hdf, "Perm.emergency", emergency_manager(ME(w)));
}

long long agent_problem_from_emergency(web_t *w)
{
    const char *src = req_query(w->r, "src");
    form_field_t f = {.name = "emergency", .type = FT_ID};
    if (!src || strcmp(src, "emergency") || form_validate(w->r->hdf, w->r->hdf, &f, 1))
        return 0;
    long long id = form_int(w->r->hdf, "emergency");
    emergency_t e;
    if (!id || !emergency_may_see(w->d, ME(w), id) || emergency_get(w->d, id, &e) != OUTCOME_OK)
        return 0;
    bool closed = !e.open; /* a problem record starts from a closed emergency only */
    emergency_free(&e);
    return closed ? id : 0;
}

static void join_number(const char *number, const char *subject, const char *status, void *ctx)
{
    (void)subject, (void)status;
    HDF *h = ctx;
    const char *was = hdf_get_value(h, "Form.tickets.value", "");
    hdf_set_valuef(h, "Form.tickets.value=%s%s%s", was, *was ? " " : "", number);
}

typedef struct timeline {
    web_t *w;
    char *text;
    size_t len, cap;
} timeline_t;

static void add_line(time_t at, const char *who, const char *kind, const char *note, void *ctx)
{
    timeline_t *t = ctx;
    char when[32], key[64];
    struct tm tm;
    localtime_r(&at, &tm);
    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    snprintf(key, sizeof key, "Emergency.Kind.%s", kind);
    int n = snprintf(t->text + t->len, t->cap - t->len, "%s %s%s%s%s%s\n", when, text(t->w, key),
                     *who ? " · " : "", who, *note ? " · " : "", note);
    if (n > 0 && t->len + (size_t)n < t->cap)
        t->len += (size_t)n;
    else
        t->text[t->len] = '\0';
}

int agent_problem_emergency_prefill(web_t *w, long long id)
{
    HDF *h = w->r->hdf;
    emergency_t e;
    int rc = emergency_get(w->d, id, &e);
    if (rc != OUTCOME_OK)
        return rc;
    const char *prefix = text(w, "Emergency.ProblemTitlePrefix");
    size_t plen = strlen(prefix);
    bool spaced = plen && (unsigned char)prefix[plen - 1] < 0x80;
    hdf_set_valuef(h, "Form.title.value=%s%s%s", prefix, spaced ? " " : "", e.title);
    hdf_set_value(h, "Form.tickets.value", "");
    timeline_t t = {w, malloc(16000), 0, 16000};
    if (!t.text) {
        emergency_free(&e);
        return OUTCOME_UNAVAILABLE;
    }
    t.text[0] = '\0';
    if (emergency_each_ticket(w->d, id, join_number, h) < 0 ||
        emergency_each_event(w->d, id, add_line, &t) < 0)
        rc = OUTCOME_UNAVAILABLE;
    if (e.summary && *e.summary) {
        size_t n = strlen(t.text);
        snprintf(t.text + n, t.cap - n, "\n%s\n%s", text(w, "Emergency.Summary"), e.summary);
    }
    hdf_set_value(h, "Form.timeline.value", t.text);
    hdf_set_valuef(h, "FromEmergency.id=%lld", id);
    hdf_set_value(h, "FromEmergency.title", e.title);
    hdf_set_valuef(h, "Carry.0.name=src");
    hdf_set_valuef(h, "Carry.0.value=emergency");
    hdf_set_valuef(h, "Carry.1.name=emergency");
    hdf_set_valuef(h, "Carry.1.value=%lld", id);
    free(t.text);
    emergency_free(&e);
    return rc;
}

void agent_problem_emergency_carry(web_t *w, long long id)
{
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Carry.0.name=src");
    hdf_set_valuef(h, "Carry.0.value=emergency");
    hdf_set_valuef(h, "Carry.1.name=emergency");
    hdf_set_valuef(h, "Carry.1.value=%lld", id);
}

int agent_problem_emergency_link(web_t *w, long long emergency_id, long long problem_id)
{
    return emergency_set_problem(w->d, emergency_id, problem_id);
}
