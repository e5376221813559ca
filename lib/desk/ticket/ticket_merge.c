/* ticket_merge: see ticket_merge.h. */
#include "desk/ticket/ticket_merge.h"

#include <stdio.h>
#include <string.h>

#include "desk/audit.h"
#include "desk/notify/notify.h"
#include "desk/ticket/ticket_work.h"

static const char sql_lock[] = "SELECT id FROM tickets WHERE id = ? FOR UPDATE";
/* closed_at stays as it was: merging is not a closure by solving (no survey,
 * no closure counted); merged_at says when */
static const char sql_close_merged[] =
    "UPDATE tickets SET status = 'closed', is_open = 0, merged_into_id = ?, merged_at = ?,"
    " version = version + 1, updated_at = ? WHERE id = ?";
/* tickets merged into the duplicate before now lead to the survivor */
static const char sql_follow_on[] =
    "UPDATE tickets SET merged_into_id = ? WHERE merged_into_id = ?";
static const char sql_touch[] =
    "UPDATE tickets SET version = version + 1, updated_at = ? WHERE id = ?";
static const char sql_holds[] =
    "SELECT COUNT(*) FROM tickets WHERE id = ? AND (id = ? OR merged_into_id = ?)";

typedef struct merge {
    const ticket_by_t *by;
    long long into;
    const char *reason;
    const char **why;
} merge_t;

static int ok(int rc) { return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK; }

static actor_t actor_of(const ticket_by_t *by)
{
    if (by->agent)
        return (actor_t){.type = "agent", .agent_id = by->agent->id, .name = by->agent->name};
    return (actor_t){.type = "api", .api_key_id = by->api_key_id, .name = by->api_label};
}

/* What refuses merging dup into s: a reason code, or NULL. */
static const char *refusal(const ticket_t *dup, const ticket_t *s)
{
    int from = ticket_status_parse(dup->status), to = ticket_status_parse(s->status);
    if (s->id == dup->id)
        return "self";
    if (dup->merged_into)
        return "merged";
    if (s->merged_into)
        return "into_merged";
    if (from < 0 || to < 0 || !ticket_merge_allowed((ticket_status_t)from, (ticket_status_t)to))
        return "into_closed";
    /* the duplicate's private link will show the survivor */
    if (s->customer_id != dup->customer_id)
        return "customers";
    return NULL;
}

static int record(desk_t *d, const merge_t *x, const ticket_t *dup, const ticket_t *s,
                  time_t now)
{
    actor_t who = actor_of(x->by);
    if (ok(ticket_event(d, dup->id, "merged_into", false, &who, "merged_into", "", s->number, NULL,
                        now)) ||
        ok(ticket_event(d, s->id, "merged_from", false, &who, "merged_from", "", dup->number, NULL,
                        now)))
        return OUTCOME_UNAVAILABLE;
    json_t *ch = audit_changes();
    audit_str(ch, "merged_into", NULL, s->number);
    audit_str(ch, "status", dup->status, "closed");
    audit_str(ch, "reason", NULL, x->reason);
    audit_who_t aw = {.agent_id = x->by->agent ? x->by->agent->id : 0, .ip = x->by->ip};
    int rc = audit_record(d, &aw, "ticket", dup->number, dup->subject, "merge", ch);
    json_decref(ch);
    if (rc)
        return OUTCOME_UNAVAILABLE;
    char body[TN_MAX + sizeof s->subject + 2];
    snprintf(body, sizeof body, "%s  %s", s->number, s->subject);
    return ok(notify_merged(d, dup->id, body));
}

static int apply_merge(desk_t *d, ticket_t *dup, void *arg, time_t now)
{
    merge_t *x = arg;
    ticket_t s;
    if (x->into == dup->id) {
        *x->why = "self";
        return OUTCOME_INVALID;
    }
    long long locked;
    int rc = db_row(&d->db, sql_lock, "i", "i", x->into, &locked);
    if (rc != 1)
        return rc == 0 ? OUTCOME_NOT_FOUND : OUTCOME_UNAVAILABLE;
    if ((rc = ticket_by_id(d, x->into, &s)) != OUTCOME_OK)
        return rc;
    if (x->by->agent && (!ticket_workable_by(d, x->by->agent, dup) ||
                         !ticket_workable_by(d, x->by->agent, &s)))
        rc = OUTCOME_FORBIDDEN;
    else if ((*x->why = refusal(dup, &s)))
        rc = OUTCOME_INVALID;
    else if (ok(db_exec(&d->db, sql_close_merged, "itti", s.id, now, now, dup->id)) ||
             ok(db_exec(&d->db, sql_follow_on, "ii", s.id, dup->id)) ||
             ok(db_exec(&d->db, sql_touch, "ti", now, s.id)))
        rc = OUTCOME_UNAVAILABLE;
    else
        rc = record(d, x, dup, &s, now);
    ticket_free(&s);
    return rc;
}

int ticket_merge(desk_t *d, const ticket_by_t *by, long long dup, long long into,
                 const char *reason, const char **why)
{
    static const char *none;
    merge_t x = {.by = by, .into = into, .reason = reason, .why = why ? why : &none};
    *x.why = NULL;
    ticket_t t;
    int rc = ticket_by_id(d, dup, &t);
    if (rc != OUTCOME_OK)
        return rc;
    bool merged = t.merged_into != 0;
    ticket_free(&t);
    if (dup == into || merged) { /* said plainly, not as a conflict */
        *x.why = dup == into ? "self" : "merged";
        return OUTCOME_INVALID;
    }
    return ticket_with_locked(d, dup, 0, apply_merge, &x);
}

int ticket_survivor(desk_t *d, const ticket_t *t, ticket_t *out)
{
    memset(out, 0, sizeof *out);
    return t->merged_into ? ticket_by_id(d, t->merged_into, out) : OUTCOME_NOT_FOUND;
}

int ticket_by_follow_token_merged(desk_t *d, const char *token, ticket_t *t, char from[TN_MAX])
{
    ticket_t s;
    *from = '\0';
    int rc = ticket_by_follow_token(d, token, t);
    if (rc != OUTCOME_OK || !t->merged_into)
        return rc;
    rc = ticket_survivor(d, t, &s);
    if (rc == OUTCOME_NOT_FOUND || (rc == OUTCOME_OK && s.customer_id != t->customer_id)) {
        if (rc == OUTCOME_OK) /* never another customer's ticket: the old one stays */
            ticket_free(&s);
        return OUTCOME_OK;
    }
    if (rc != OUTCOME_OK) {
        ticket_free(t);
        return rc;
    }
    snprintf(from, TN_MAX, "%s", t->number);
    ticket_free(t);
    *t = s;
    return OUTCOME_OK;
}

int ticket_holds(desk_t *d, long long holder, long long ticket_id)
{
    long long n = 0;
    int rc = db_row(&d->db, sql_holds, "iii", "i", ticket_id, holder, holder, &n);
    return rc < 0 ? OUTCOME_UNAVAILABLE : n > 0;
}
