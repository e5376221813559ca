/* emergency: see emergency.h. */
#include "desk/emergency/emergency.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/tpl.h"
#include "desk/notify/outbox.h"
#include "desk/ticket/ticket_record.h"
#include "desk/ticket/ticket_work.h"

static const char *nz(const char *s) { return s ? s : ""; }

bool emergency_manager(const agent_t *a) { return agent_is_supervisor(a); }

/* ---- statements ------------------------------------------------------------ */

static const char sql_insert[] =
    "INSERT INTO emergencies (title, category_id, lead_id, declared_by, declared_at,"
    " plan_warn_at, plan_due_at, feedback_warn_at, feedback_due_at, next_alert_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_person_ok[] = "SELECT COUNT(*) FROM agents WHERE id = ? AND active = 1";
static const char sql_add_member[] =
    "INSERT IGNORE INTO emergency_members (emergency_id, agent_id, is_lead, added_at)"
    " VALUES (?, ?, ?, ?)";
static const char sql_member_count[] =
    "SELECT COUNT(*) FROM emergency_members WHERE emergency_id = ?";
static const char sql_is_member[] =
    "SELECT COUNT(*) FROM emergency_members WHERE emergency_id = ? AND agent_id = ?";
static const char sql_add_ticket[] =
    "INSERT IGNORE INTO emergency_tickets (emergency_id, ticket_id, added_at, added_by)"
    " VALUES (?, ?, ?, ?)";
static const char sql_ticket_count[] =
    "SELECT COUNT(*) FROM emergency_tickets WHERE emergency_id = ?";
static const char sql_event[] =
    "INSERT INTO emergency_events (emergency_id, at, agent_id, kind, note) VALUES (?, ?, ?, ?, ?)";
static const char sql_get[] =
    "SELECT e.id, COALESCE(e.category_id, 0), e.lead_id, e.declared_by,"
    " COALESCE(e.problem_id, 0), e.plan_version, e.is_open, e.title, l.name, b.name,"
    " e.declared_at, e.plan_warn_at, e.plan_due_at, e.plan_done_at, e.feedback_warn_at,"
    " e.feedback_due_at, e.feedback_done_at, e.closed_at, COALESCE(e.plan_met, -1),"
    " COALESCE(e.feedback_met, -1), e.summary FROM emergencies e"
    " JOIN agents l ON l.id = e.lead_id JOIN agents b ON b.id = e.declared_by WHERE e.id = ?";
static const char sql_lock[] = "SELECT is_open FROM emergencies WHERE id = ? FOR UPDATE";
static const char sql_plan_insert[] =
    "INSERT INTO emergency_plans (emergency_id, version, body, written_by, written_at)"
    " VALUES (?, ?, ?, ?, ?)";
static const char sql_plan_bump[] =
    "UPDATE emergencies SET plan_version = plan_version + 1,"
    " plan_met = IF(plan_done_at IS NULL, ? <= plan_due_at, plan_met),"
    " plan_done_at = COALESCE(plan_done_at, ?) WHERE id = ?";
static const char sql_plan_version[] = "SELECT plan_version FROM emergencies WHERE id = ?";
static const char sql_feedback[] =
    "UPDATE emergencies SET feedback_met = IF(feedback_done_at IS NULL, ? <= feedback_due_at,"
    " feedback_met), feedback_done_at = COALESCE(feedback_done_at, ?) WHERE id = ?";
static const char sql_task_insert[] =
    "INSERT INTO emergency_tasks (emergency_id, title, owner_id, created_at) VALUES (?, ?, ?, ?)";
static const char sql_task_get[] =
    "SELECT title, done_at IS NOT NULL FROM emergency_tasks WHERE id = ? AND emergency_id = ?";
static const char sql_task_done[] =
    "UPDATE emergency_tasks SET done_at = ?, done_by = ? WHERE id = ? AND done_at IS NULL";
static const char sql_close[] =
    "UPDATE emergencies SET is_open = 0, summary = ?, closed_at = ?, closed_by = ?,"
    " next_alert_at = NULL WHERE id = ? AND is_open = 1";
static const char sql_set_problem[] =
    "UPDATE emergencies SET problem_id = ? WHERE id = ? AND is_open = 0";
static const char sql_recipient[] =
    "SELECT a.email, a.language, a.name FROM agents a WHERE a.id = ? AND a.active = 1"
    " AND a.email IS NOT NULL";

/* ---- helpers ---------------------------------------------------------------- */

static int event(desk_t *d, long long id, long long by, const char *kind, const char *note)
{
    return db_exec(&d->db, sql_event, "itjss", id, desk_now(d), by, kind, note) < 0
               ? OUTCOME_UNAVAILABLE
               : OUTCOME_OK;
}

static int count(desk_t *d, const char *sql, const char *fmt, long long a, long long b,
                 long long *n)
{
    *n = 0;
    int rc = fmt[1] ? db_row(&d->db, sql, fmt, "i", a, b, n) : db_row(&d->db, sql, fmt, "i", a, n);
    return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
}

static bool person_ok(desk_t *d, long long id, int *rc)
{
    long long n = 0;
    *rc = id > 0 ? count(d, sql_person_ok, "i", id, 0, &n) : OUTCOME_OK;
    return n > 0;
}

bool emergency_member(desk_t *d, const agent_t *a, long long id)
{
    long long n = 0;
    return count(d, sql_is_member, "ii", id, a->id, &n) == OUTCOME_OK && n > 0;
}

bool emergency_may_see(desk_t *d, const agent_t *a, long long id)
{
    return emergency_manager(a) || emergency_member(d, a, id);
}

/* Queues the "you are on the team" mail to one member. */
static int mail_member(desk_t *d, long long id, long long agent_id)
{
    emergency_t e;
    char email[255], lang[3], name[401], key[96];
    int rc = db_row(&d->db, sql_recipient, "i", "sss", agent_id, email, sizeof email, lang,
                    sizeof lang, name, sizeof name);
    if (rc <= 0)
        return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
    if ((rc = emergency_get(d, id, &e)) != OUTCOME_OK)
        return rc;
    HDF *h;
    if (hdf_init(&h) != STATUS_OK) {
        emergency_free(&e);
        return OUTCOME_UNAVAILABLE;
    }
    hdf_set_value(h, "Recipient.name", name);
    hdf_set_valuef(h, "Emergency.id=%lld", id);
    hdf_set_value(h, "Emergency.title", e.title);
    hdf_set_value(h, "Emergency.lead", e.lead);
    hdf_set_int_value(h, "Emergency.is_lead", e.lead_id == agent_id);
    hdf_set_valuef(h, "Emergency.link=%s/agent/emergencies/%lld", d->base_url, id);
    tpl_set_time(h, "Due.plan", e.plan_due_at);
    tpl_set_time(h, "Due.feedback", e.feedback_due_at);
    emergency_free(&e);
    snprintf(key, sizeof key, "emergency_team:emergency=%lld:agent=%lld", id, agent_id);
    outbox_msg_t m = {.channel = OUTBOX_EMAIL, .recipient = email, .lang = lang_parse(lang),
                      .kind = "emergency_team", .data = h, .dedupe_key = key};
    int q = outbox_add(d, &m);
    hdf_destroy(&h);
    return q == OUTCOME_OK || q == OUTCOME_DUPLICATE || q == OUTCOME_UNAVAILABLE ? OUTCOME_OK : q;
}

/* Links the ticket named number when a may see it: 1 linked, 0 refused
 * (reason in r), or an outcome < 0. */
static int link_ticket(desk_t *d, const agent_t *a, long long id, const char *number,
                       const char *field, refusal_t *r)
{
    ticket_t t;
    int rc = ticket_by_number(d, number, &t);
    if (rc == OUTCOME_NOT_FOUND) {
        refusal_add(r, field, "unknown_ticket");
        return 0;
    }
    if (rc != OUTCOME_OK)
        return OUTCOME_UNAVAILABLE;
    bool ok = ticket_visible_to(d, a, &t);
    long long tid = t.id;
    ticket_free(&t);
    if (!ok) {
        refusal_add(r, field, "unknown_ticket");
        return 0;
    }
    rc = db_exec(&d->db, sql_add_ticket, "iiti", id, tid, desk_now(d), a->id);
    if (rc < 0)
        return OUTCOME_UNAVAILABLE;
    return rc; /* 0: linked before */
}

/* ---- declaring -------------------------------------------------------------- */

static int check_decl(desk_t *d, const emergency_decl_t *c, refusal_t *r)
{
    int rc = OUTCOME_OK;
    if (!*nz(c->title))
        refusal_add(r, "title", "required");
    if (!c->lead_id)
        refusal_add(r, "lead", "required");
    else if (!person_ok(d, c->lead_id, &rc) && rc == OUTCOME_OK)
        refusal_add(r, "lead", "unknown_person");
    if (c->nmembers + 1 > EMERGENCY_MEMBERS_MAX)
        refusal_add(r, "members", "too_many");
    for (int i = 0; i < c->nmembers && rc == OUTCOME_OK; i++)
        if (!person_ok(d, c->members[i], &rc) && rc == OUTCOME_OK) {
            refusal_add(r, "members", "unknown_person");
            break;
        }
    if (!*nz(c->tickets))
        refusal_add(r, "tickets", "ticket_needed");
    return rc;
}

int emergency_declare(desk_t *d, const agent_t *a, const emergency_decl_t *c, long long *id,
                      refusal_t *r)
{
    if (!emergency_manager(a)) {
        refusal_add(r, "_form", "forbidden");
        return CHANGE_REFUSED;
    }
    int rc = check_decl(d, c, r);
    if (rc != OUTCOME_OK)
        return rc;
    if (r->n)
        return CHANGE_REFUSED;
    time_t now = desk_now(d);
    time_t plan = now + EMERGENCY_PLAN_SECONDS, feedback = now + EMERGENCY_FEEDBACK_SECONDS;
    time_t plan_warn = now + EMERGENCY_PLAN_SECONDS * 3 / 4;
    time_t feedback_warn = now + EMERGENCY_FEEDBACK_SECONDS * 3 / 4;
    if (db_exec(&d->db, sql_insert, "sjiittttt" "t", c->title, c->category_id, c->lead_id, a->id,
                now, plan_warn, plan, feedback_warn, feedback, plan_warn) < 0)
        return OUTCOME_UNAVAILABLE;
    *id = (long long)d->db.last_id;
    char copy[1024], *save;
    int linked = 0;
    snprintf(copy, sizeof copy, "%s", c->tickets);
    for (char *t = strtok_r(copy, " ,;\r\n\t", &save); t; t = strtok_r(NULL, " ,;\r\n\t", &save)) {
        if ((rc = link_ticket(d, a, *id, t, "tickets", r)) < 0)
            return rc;
        if (r->n)
            return CHANGE_REFUSED;
        if (++linked > EMERGENCY_TICKETS_MAX) {
            refusal_add(r, "tickets", "too_many");
            return CHANGE_REFUSED;
        }
    }
    if (!linked) {
        refusal_add(r, "tickets", "ticket_needed");
        return CHANGE_REFUSED;
    }
    if (db_exec(&d->db, sql_add_member, "iiit", *id, c->lead_id, 1LL, now) < 0)
        return OUTCOME_UNAVAILABLE;
    for (int i = 0; i < c->nmembers; i++)
        if (db_exec(&d->db, sql_add_member, "iiit", *id, c->members[i], 0LL, now) < 0)
            return OUTCOME_UNAVAILABLE;
    if ((rc = event(d, *id, a->id, "declared", c->title)) != OUTCOME_OK ||
        (rc = mail_member(d, *id, c->lead_id)) != OUTCOME_OK)
        return rc;
    for (int i = 0; i < c->nmembers; i++)
        if (c->members[i] != c->lead_id && (rc = mail_member(d, *id, c->members[i])) != OUTCOME_OK)
            return rc;
    return OUTCOME_OK;
}

/* ---- reading one ------------------------------------------------------------- */

int emergency_get(desk_t *d, long long id, emergency_t *e)
{
    memset(e, 0, sizeof *e);
    long long open = 0, plan_met = -1, feedback_met = -1;
    int rc = db_row(&d->db, sql_get, "i", "iiiiiiisss" "tttttttt" "iiS", id, &e->id,
                    &e->category_id, &e->lead_id, &e->declared_by, &e->problem_id,
                    &e->plan_version, &open, e->title, sizeof e->title, e->lead, sizeof e->lead,
                    e->declarer, sizeof e->declarer, &e->declared_at, &e->plan_warn_at,
                    &e->plan_due_at, &e->plan_done_at, &e->feedback_warn_at,
                    &e->feedback_due_at, &e->feedback_done_at, &e->closed_at, &plan_met,
                    &feedback_met, &e->summary);
    e->open = open != 0;
    e->plan_met = (int)plan_met;
    e->feedback_met = (int)feedback_met;
    if (rc != 1)
        emergency_free(e);
    return db_found(rc);
}

void emergency_free(emergency_t *e)
{
    free(e->summary);
    e->summary = NULL;
}

/* ---- changing an open one ---------------------------------------------------- */

/* Locks emergency id for a change by a: OUTCOME_OK, CHANGE_REFUSED with the
 * reason, or an outcome. */
static int open_for(desk_t *d, const agent_t *a, long long id, refusal_t *r)
{
    long long open = 0;
    int rc = db_row(&d->db, sql_lock, "i", "i", id, &open);
    if (rc < 0)
        return OUTCOME_UNAVAILABLE;
    if (rc == 0 || !emergency_may_see(d, a, id))
        return OUTCOME_NOT_FOUND;
    if (!open) {
        refusal_add(r, "_form", "closed");
        return CHANGE_REFUSED;
    }
    return OUTCOME_OK;
}

int emergency_add_ticket(desk_t *d, const agent_t *a, long long id, const char *number,
                         refusal_t *r)
{
    int rc = open_for(d, a, id, r);
    if (rc != OUTCOME_OK)
        return rc;
    long long n = 0;
    if ((rc = count(d, sql_ticket_count, "i", id, 0, &n)) != OUTCOME_OK)
        return rc;
    if (n >= EMERGENCY_TICKETS_MAX) {
        refusal_add(r, "ticket", "too_many");
        return CHANGE_REFUSED;
    }
    if (!*nz(number)) {
        refusal_add(r, "ticket", "required");
        return CHANGE_REFUSED;
    }
    rc = link_ticket(d, a, id, number, "ticket", r);
    if (rc < 0)
        return rc;
    if (r->n)
        return CHANGE_REFUSED;
    if (rc == 0) {
        refusal_add(r, "ticket", "already");
        return CHANGE_REFUSED;
    }
    return event(d, id, a->id, "ticket_added", number);
}

int emergency_add_member(desk_t *d, const agent_t *a, long long id, long long agent_id,
                         refusal_t *r)
{
    int rc = open_for(d, a, id, r);
    if (rc != OUTCOME_OK)
        return rc;
    long long n = 0;
    if (!person_ok(d, agent_id, &rc)) {
        if (rc != OUTCOME_OK)
            return rc;
        refusal_add(r, "member", "unknown_person");
        return CHANGE_REFUSED;
    }
    if ((rc = count(d, sql_member_count, "i", id, 0, &n)) != OUTCOME_OK)
        return rc;
    if (n >= EMERGENCY_MEMBERS_MAX) {
        refusal_add(r, "member", "too_many");
        return CHANGE_REFUSED;
    }
    int added = db_exec(&d->db, sql_add_member, "iiit", id, agent_id, 0LL, desk_now(d));
    if (added < 0)
        return OUTCOME_UNAVAILABLE;
    if (added == 0) {
        refusal_add(r, "member", "already");
        return CHANGE_REFUSED;
    }
    char who[401] = "", email[255], lang[3];
    db_row(&d->db, sql_recipient, "i", "sss", agent_id, email, sizeof email, lang, sizeof lang,
           who, sizeof who);
    if ((rc = event(d, id, a->id, "member_added", who)) != OUTCOME_OK)
        return rc;
    return mail_member(d, id, agent_id);
}

int emergency_save_plan(desk_t *d, const agent_t *a, long long id, const char *body,
                        refusal_t *r)
{
    int rc = open_for(d, a, id, r);
    if (rc != OUTCOME_OK)
        return rc;
    if (!*nz(body)) {
        refusal_add(r, "plan", "required");
        return CHANGE_REFUSED;
    }
    time_t now = desk_now(d);
    long long version = 0;
    if (db_exec(&d->db, sql_plan_bump, "tti", now, now, id) < 0 ||
        db_row(&d->db, sql_plan_version, "i", "i", id, &version) != 1 ||
        db_exec(&d->db, sql_plan_insert, "iisit", id, version, body, a->id, now) < 0)
        return OUTCOME_UNAVAILABLE;
    char note[32];
    snprintf(note, sizeof note, "%lld", version);
    return event(d, id, a->id, "plan_saved", note);
}

int emergency_record_feedback(desk_t *d, const agent_t *a, long long id, const char *note,
                              refusal_t *r)
{
    int rc = open_for(d, a, id, r);
    if (rc != OUTCOME_OK)
        return rc;
    if (!*nz(note)) {
        refusal_add(r, "feedback", "required");
        return CHANGE_REFUSED;
    }
    time_t now = desk_now(d);
    if (db_exec(&d->db, sql_feedback, "tti", now, now, id) < 0)
        return OUTCOME_UNAVAILABLE;
    return event(d, id, a->id, "feedback", note);
}

int emergency_add_note(desk_t *d, const agent_t *a, long long id, const char *note,
                       refusal_t *r)
{
    int rc = open_for(d, a, id, r);
    if (rc != OUTCOME_OK)
        return rc;
    if (!*nz(note)) {
        refusal_add(r, "note", "required");
        return CHANGE_REFUSED;
    }
    return event(d, id, a->id, "note", note);
}

int emergency_add_task(desk_t *d, const agent_t *a, long long id, const char *title,
                       long long owner_id, refusal_t *r)
{
    int rc = open_for(d, a, id, r);
    if (rc != OUTCOME_OK)
        return rc;
    long long n = 0;
    if (!*nz(title))
        refusal_add(r, "task", "required");
    if ((rc = count(d, sql_is_member, "ii", id, owner_id, &n)) != OUTCOME_OK)
        return rc;
    if (!n)
        refusal_add(r, "owner", "unknown_person");
    if (r->n)
        return CHANGE_REFUSED;
    if (db_exec(&d->db, sql_task_insert, "isit", id, title, owner_id, desk_now(d)) < 0)
        return OUTCOME_UNAVAILABLE;
    return event(d, id, a->id, "task_added", title);
}

int emergency_task_done(desk_t *d, const agent_t *a, long long id, long long task_id,
                        refusal_t *r)
{
    int rc = open_for(d, a, id, r);
    if (rc != OUTCOME_OK)
        return rc;
    char title[1201] = "";
    long long done = 0;
    rc = db_row(&d->db, sql_task_get, "ii", "si", task_id, id, title, sizeof title, &done);
    if (rc < 0)
        return OUTCOME_UNAVAILABLE;
    if (rc == 0 || done) {
        refusal_add(r, "task", rc == 0 ? "unknown_task" : "already");
        return CHANGE_REFUSED;
    }
    if (db_exec(&d->db, sql_task_done, "tii", desk_now(d), a->id, task_id) < 0)
        return OUTCOME_UNAVAILABLE;
    return event(d, id, a->id, "task_done", title);
}

int emergency_close(desk_t *d, const agent_t *a, long long id, const char *summary,
                    refusal_t *r)
{
    int rc = open_for(d, a, id, r);
    if (rc != OUTCOME_OK)
        return rc;
    if (!*nz(summary)) {
        refusal_add(r, "summary", "required");
        return CHANGE_REFUSED;
    }
    if (db_exec(&d->db, sql_close, "stii", summary, desk_now(d), a->id, id) < 0)
        return OUTCOME_UNAVAILABLE;
    return event(d, id, a->id, "closed", NULL);
}

int emergency_set_problem(desk_t *d, long long id, long long problem_id)
{
    int rc = db_exec(&d->db, sql_set_problem, "ii", problem_id, id);
    return rc < 0 ? OUTCOME_UNAVAILABLE : rc == 0 ? OUTCOME_NOT_FOUND : OUTCOME_OK;
}
