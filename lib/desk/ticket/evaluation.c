/* evaluation: see evaluation.h. */
#include "desk/ticket/evaluation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/ticket/evaluation_gate.h"
#include "desk/notify/notify.h"
#include "desk/ticket/ticket_work.h"

const char *const evaluation_feasibilities[] = {"feasible", "partly", "not", NULL};

#define EVAL_COLUMNS                                                                          \
    "e.id, e.ticket_id, e.revision, e.feasibility, e.reasons, e.effort_tenths, e.cycle_days," \
    " e.resources, e.risks, e.schedule, e.state, COALESCE(e.decided_name, ''),"              \
    " COALESCE(e.decided_via, ''), e.decided_at, e.decline_reason, e.created_at, a.name,"    \
    " COALESCE(r.name, '')"                                                                   \
    " FROM ticket_evaluations e JOIN agents a ON a.id = e.author_id"                          \
    " LEFT JOIN agents r ON r.id = e.recorded_by"

static const char sql_each[] =
    "SELECT " EVAL_COLUMNS " WHERE e.ticket_id = ? ORDER BY e.revision DESC LIMIT 100";
static const char sql_get[] =
    "SELECT " EVAL_COLUMNS " WHERE e.ticket_id = ? AND (? = 0 OR e.revision = ?)"
    " ORDER BY e.revision DESC LIMIT 1";
static const char sql_last[] =
    "SELECT COALESCE(MAX(revision), 0) FROM ticket_evaluations WHERE ticket_id = ?";
static const char sql_supersede[] =
    "UPDATE ticket_evaluations SET state = 'superseded' WHERE ticket_id = ? AND state = 'pending'";
static const char sql_insert[] =
    "INSERT INTO ticket_evaluations (ticket_id, revision, author_id, feasibility, reasons,"
    " effort_tenths, cycle_days, resources, risks, schedule, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_pending[] =
    "SELECT id, revision FROM ticket_evaluations WHERE ticket_id = ? AND state = 'pending'"
    " ORDER BY revision DESC LIMIT 1";
static const char sql_decide[] =
    "UPDATE ticket_evaluations SET state = ?, decided_name = ?, decided_ip = ?, decided_at = ?,"
    " decided_via = ?, recorded_by = ?, decline_reason = ? WHERE id = ? AND state = 'pending'";
static const char sql_touch[] =
    "UPDATE tickets SET version = version + 1, updated_at = ? WHERE id = ?";

static bool blank(const char *s) { return !s || !*s; }

bool evaluation_effort_parse(const char *s, int *tenths)
{
    long whole = 0;
    int digits = 0, frac = 0;
    const char *p = s;
    if (!s)
        return false;
    for (; *p >= '0' && *p <= '9'; p++, digits++)
        if (digits >= 4 || (whole = whole * 10 + (*p - '0')) > 9999)
            return false;
    if (*p == '.' || *p == ',') {
        p++;
        if (*p < '0' || *p > '9')
            return false;
        frac = *p++ - '0';
    }
    if (*p || (!digits && p == s))
        return false;
    long v = whole * 10 + frac;
    if (v < 1 || v > EVALUATION_EFFORT_MAX)
        return false;
    *tenths = (int)v;
    return true;
}

static bool known(const char *v, const char *const *list)
{
    for (int i = 0; v && list[i]; i++)
        if (!strcmp(v, list[i]))
            return true;
    return false;
}

static int ok(int rc) { return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK; }

typedef struct submit {
    const agent_t *a;
    const evaluation_in_t *in;
} submit_t;

/* The report as the customer reads it in the thread and the mail. */
static char *report_text(desk_t *d, const ticket_t *t, int revision, const evaluation_in_t *in)
{
    lang_t l = lang_parse(t->language);
    char key[64], *out = NULL;
    snprintf(key, sizeof key, "Evaluation.Feasibility.%s", in->feasibility);
    if (asprintf(&out, "%s (%s %d)\n%s: %s\n%s\n%s: %d.%d\n%s: %d\n%s:\n%s\n%s:\n%s\n%s:\n%s",
                 texts_get(&d->texts, l, "Evaluation.Title"),
                 texts_get(&d->texts, l, "Evaluation.Revision"), revision,
                 texts_get(&d->texts, l, "Evaluation.FeasibilityLabel"),
                 texts_get(&d->texts, l, key), in->reasons,
                 texts_get(&d->texts, l, "Evaluation.Effort"), in->effort_tenths / 10,
                 in->effort_tenths % 10, texts_get(&d->texts, l, "Evaluation.Cycle"),
                 in->cycle_days, texts_get(&d->texts, l, "Evaluation.Resources"), in->resources,
                 texts_get(&d->texts, l, "Evaluation.Risks"), in->risks,
                 texts_get(&d->texts, l, "Evaluation.Schedule"), in->schedule) < 0)
        return NULL;
    return out;
}

static int apply_submit(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    submit_t *x = arg;
    actor_t who = {.type = "agent", .agent_id = x->a->id, .name = x->a->name};
    if (!x->a->is_product_manager || !ticket_visible_to(d, x->a, t))
        return OUTCOME_FORBIDDEN;
    int st = ticket_status_parse(t->status);
    if (!evaluation_needed(d, t) || st < 0 || ticket_status_done((ticket_status_t)st))
        return OUTCOME_BAD_TRANSITION;
    int approved = evaluation_approved(d, t->id);
    long long last = 0;
    if (approved < 0 || db_row(&d->db, sql_last, "i", "i", t->id, &last) != 1)
        return OUTCOME_UNAVAILABLE;
    if (approved)
        return OUTCOME_BAD_TRANSITION;
    char *text = report_text(d, t, (int)last + 1, x->in);
    int rc = text ? OUTCOME_OK : OUTCOME_UNAVAILABLE;
    if (rc == OUTCOME_OK &&
        (db_exec(&d->db, sql_supersede, "i", t->id) < 0 ||
         db_exec(&d->db, sql_insert, "iiissiisss" "t", t->id, last + 1, x->a->id,
                 x->in->feasibility, x->in->reasons, (long long)x->in->effort_tenths,
                 (long long)x->in->cycle_days, x->in->resources, x->in->risks, x->in->schedule,
                 now) != 1 ||
         ok(ticket_event(d, t->id, "evaluation", false, &who, "revision", NULL,
                         last + 1 > 1 ? "revised" : "new", text, now)) ||
         notify_customer_reply(d, t->id, (long long)d->db.last_id, text) ||
         db_exec(&d->db, sql_touch, "ti", now, t->id) < 0))
        rc = OUTCOME_UNAVAILABLE;
    free(text);
    return rc;
}

int evaluation_submit(desk_t *d, const agent_t *a, long long id, long long version,
                      const evaluation_in_t *in)
{
    if (!known(in->feasibility, evaluation_feasibilities) || blank(in->reasons) ||
        blank(in->resources) || blank(in->risks) || blank(in->schedule) ||
        in->effort_tenths < 1 || in->effort_tenths > EVALUATION_EFFORT_MAX ||
        in->cycle_days < 1 || in->cycle_days > EVALUATION_CYCLE_MAX)
        return OUTCOME_INVALID;
    submit_t x = {.a = a, .in = in};
    return ticket_with_locked(d, id, version, apply_submit, &x);
}

typedef struct decision {
    const agent_t *a; /* NULL: the customer on the portal */
    bool approve;
    const char *name, *ip, *reason;
    const uploads_t *files;
} decision_t;

static int apply_decide(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    decision_t *x = arg;
    actor_t who = x->a ? (actor_t){.type = "agent", .agent_id = x->a->id, .name = x->a->name}
                       : (actor_t){.type = "customer", .name = x->name};
    if (x->a && !ticket_workable_by(d, x->a, t))
        return OUTCOME_FORBIDDEN;
    long long eid = 0, revision = 0;
    int rc = db_row(&d->db, sql_pending, "i", "ii", t->id, &eid, &revision);
    if (rc != 1)
        return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_BAD_TRANSITION;
    const char *state = x->approve ? "approved" : "declined";
    char rev[24];
    snprintf(rev, sizeof rev, "%lld", revision);
    if (db_exec(&d->db, sql_decide, "ssstsjsi", state, x->name, x->a ? "" : x->ip, now,
                x->a ? "email" : "portal", x->a ? x->a->id : 0,
                x->approve || blank(x->reason) ? NULL : x->reason, eid) != 1 ||
        ok(ticket_event(d, t->id, x->approve ? "evaluation_approved" : "evaluation_declined",
                        false, &who, x->a ? "decided_by_mail" : "decided_by", rev, x->name,
                        x->reason, now)) ||
        attachment_link(d, t->id, (long long)d->db.last_id, x->a ? "agent" : "customer",
                        x->files))
        return OUTCOME_UNAVAILABLE;
    return ok(db_exec(&d->db, sql_touch, "ti", now, t->id));
}

int evaluation_decide(desk_t *d, long long id, bool approve, const char *name, const char *ip,
                      const char *reason)
{
    if (blank(name))
        return OUTCOME_INVALID;
    decision_t x = {.approve = approve, .name = name, .ip = ip ? ip : "", .reason = reason};
    return ticket_with_locked(d, id, 0, apply_decide, &x);
}

int evaluation_record_mail(desk_t *d, const agent_t *a, long long id, long long version,
                           bool approve, const char *name, const char *note,
                           const uploads_t *files)
{
    if (blank(name))
        return OUTCOME_INVALID;
    if (!files || files->n == 0)
        return OUTCOME_EVIDENCE_REQUIRED;
    decision_t x = {.a = a, .approve = approve, .name = name, .reason = note, .files = files};
    return ticket_with_locked(d, id, version, apply_decide, &x);
}

static int fetch(MYSQL_STMT *st, evaluation_t *e)
{
    long long rev = 0, effort = 0, cycle = 0;
    memset(e, 0, sizeof *e);
    int rc = db_fetch(st, "iiisSiiSSSssstStss", &e->id, &e->ticket_id, &rev, e->feasibility,
                      sizeof e->feasibility, &e->reasons, &effort, &cycle, &e->resources,
                      &e->risks, &e->schedule, e->state, sizeof e->state, e->decided_name,
                      sizeof e->decided_name, e->via, sizeof e->via, &e->decided_at,
                      &e->decline_reason, &e->created_at, e->author, sizeof e->author,
                      e->recorded_by, sizeof e->recorded_by);
    e->revision = (int)rev;
    e->effort_tenths = (int)effort;
    e->cycle_days = (int)cycle;
    return rc;
}

void evaluation_free(evaluation_t *e)
{
    free(e->reasons);
    free(e->resources);
    free(e->risks);
    free(e->schedule);
    free(e->decline_reason);
    e->reasons = e->resources = e->risks = e->schedule = e->decline_reason = NULL;
}

int evaluation_each(desk_t *d, long long ticket_id, void (*fn)(const evaluation_t *e, void *ctx),
                    void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_each, "i", ticket_id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    evaluation_t e;
    int n = 0, rc;
    while ((rc = fetch(st, &e)) == 1) {
        fn(&e, ctx);
        evaluation_free(&e);
        n++;
    }
    evaluation_free(&e);
    db_done(st);
    return rc < 0 ? OUTCOME_UNAVAILABLE : n;
}

int evaluation_get(desk_t *d, long long ticket_id, int revision, evaluation_t *e)
{
    MYSQL_STMT *st = db_query(&d->db, sql_get, "iii", ticket_id, (long long)revision,
                              (long long)revision);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    int rc = fetch(st, e);
    db_done(st);
    if (rc != 1)
        evaluation_free(e);
    return rc == 1 ? OUTCOME_OK : rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_NOT_FOUND;
}
