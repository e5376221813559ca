/* priority_request: see priority_request.h. */
#include "desk/ticket/priority_request.h"

#include <stdio.h>
#include <string.h>

#include "desk/ticket/ticket_record.h"

static const char sql_pending_same[] =
    "SELECT id FROM priority_requests WHERE ticket_id = ? AND state = 'pending'"
    " AND to_priority_id = ? AND requested_by <=> ? AND requested_by_api_key_id <=> ?"
    " ORDER BY id LIMIT 1";
static const char sql_new_request[] =
    "INSERT INTO priority_requests (ticket_id, requested_by, requested_by_api_key_id,"
    " from_priority_id, to_priority_id, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char sql_touch[] =
    "UPDATE tickets SET version = version + 1, updated_at = ? WHERE id = ?";
static const char sql_request[] =
    "SELECT ticket_id, to_priority_id FROM priority_requests WHERE id = ? AND state = 'pending'";
static const char sql_decide[] =
    "UPDATE priority_requests SET state = ?, decided_by = ?, decision_note = ?, decided_at = ?"
    " WHERE id = ? AND state = 'pending'";

#define REQUEST_COLUMNS                                                                       \
    "SELECT r.id, r.ticket_id, t.number, t.subject, r.from_priority_id, r.to_priority_id,"   \
    " r.reason, COALESCE(a.name, k.label, ''), r.requested_by_api_key_id IS NOT NULL,"       \
    " r.state, r.created_at, r.decided_at FROM priority_requests r"                          \
    " JOIN tickets t ON t.id = r.ticket_id LEFT JOIN agents a ON a.id = r.requested_by"     \
    " LEFT JOIN api_keys k ON k.id = r.requested_by_api_key_id "
static const char sql_all_pending[] =
    REQUEST_COLUMNS "WHERE r.state = 'pending' ORDER BY r.id LIMIT ?";
static const char sql_ticket_pending[] =
    REQUEST_COLUMNS "WHERE r.ticket_id = ? AND r.state = 'pending' ORDER BY r.id LIMIT ?";
static const char sql_of_key[] =
    REQUEST_COLUMNS "WHERE r.requested_by_api_key_id = ? AND r.ticket_id = ?"
                    " ORDER BY r.id DESC LIMIT 1";

static int ok(int rc) { return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK; }

int ticket_request_priority_locked(desk_t *d, ticket_t *t, const actor_t *who,
                                   const priority_t *p, const char *reason, time_t now,
                                   long long *id)
{
    *id = 0;
    if (t->priority_id == p->id)
        return OUTCOME_OK;
    if (!reason || !*reason)
        return OUTCOME_REASON_REQUIRED;
    /* asked again (a retried call, a second click) while still pending */
    int rc = db_row(&d->db, sql_pending_same, "iijj", "i", t->id, p->id, who->agent_id,
                    who->api_key_id, id);
    if (rc != 0)
        return rc == 1 ? OUTCOME_OK : OUTCOME_UNAVAILABLE;
    if (db_exec(&d->db, sql_new_request, "ijjiist", t->id, who->agent_id, who->api_key_id,
                t->priority_id, p->id, reason, now) < 0)
        return OUTCOME_UNAVAILABLE;
    *id = (long long)d->db.last_id;
    if (ok(ticket_event(d, t->id, "priority_request", true, who, "priority", "", p->code, reason,
                        now)))
        return OUTCOME_UNAVAILABLE;
    return ok(db_exec(&d->db, sql_touch, "ti", now, t->id));
}

typedef struct ask {
    const agent_t *a;
    const priority_t *to;
    const char *reason;
} ask_t;

static int apply_ask(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    ask_t *x = arg;
    actor_t who = {.type = "agent", .agent_id = x->a->id, .name = x->a->name};
    long long id;
    if (!ticket_workable_by(d, x->a, t))
        return OUTCOME_FORBIDDEN;
    if (t->priority_id == x->to->id)
        return OUTCOME_OK;
    if (agent_is_supervisor(x->a))
        return ticket_set_priority_locked(d, t, x->to, &who, x->reason, now);
    return ticket_request_priority_locked(d, t, &who, x->to, x->reason, now, &id);
}

int ticket_request_priority(desk_t *d, const agent_t *a, long long id, long long version,
                            const priority_t *to, const char *reason)
{
    if (!reason || !*reason)
        return OUTCOME_REASON_REQUIRED;
    if (!to)
        return OUTCOME_INVALID;
    ask_t x = {.a = a, .to = to, .reason = reason};
    return ticket_with_locked(d, id, version, apply_ask, &x);
}

typedef struct decision {
    const agent_t *a;
    long long request_id;
    const priority_t *to;
    bool approve;
    const char *note;
} decision_t;

static int apply_decision(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    decision_t *x = arg;
    actor_t who = {.type = "agent", .agent_id = x->a->id, .name = x->a->name};
    if (db_exec(&d->db, sql_decide, "sisti", x->approve ? "approved" : "rejected", x->a->id,
                x->note, now, x->request_id) != 1)
        return OUTCOME_CONFLICT;
    if (x->approve)
        return ticket_set_priority_locked(d, t, x->to, &who, x->note, now);
    if (ok(ticket_event(d, t->id, "priority_rejected", true, &who, "priority", "", x->to->code,
                        x->note, now)))
        return OUTCOME_UNAVAILABLE;
    return ok(db_exec(&d->db, sql_touch, "ti", now, t->id));
}

int ticket_decide_priority(desk_t *d, const agent_t *a, long long request_id, bool approve,
                           const char *note)
{
    long long ticket = 0, to = 0;
    if (!agent_is_supervisor(a))
        return OUTCOME_FORBIDDEN;
    int rc = db_row(&d->db, sql_request, "i", "ii", request_id, &ticket, &to);
    if (rc != 1)
        return rc == 0 ? OUTCOME_NOT_FOUND : OUTCOME_UNAVAILABLE;
    decision_t x = {.a = a, .request_id = request_id, .approve = approve, .note = note,
                    .to = catalog_priority_by_id(&d->catalog, to)};
    if (!x.to)
        return OUTCOME_INVALID;
    return ticket_with_locked(d, ticket, 0, apply_decision, &x);
}

static int fetch(MYSQL_STMT *st, priority_request_t *r)
{
    long long api = 0;
    memset(r, 0, sizeof *r);
    int rc = db_fetch(st, "iissiissistt", &r->id, &r->ticket_id, r->number, sizeof r->number,
                      r->subject, sizeof r->subject, &r->from_priority_id, &r->to_priority_id,
                      r->reason, sizeof r->reason, r->by, sizeof r->by, &api, r->state,
                      sizeof r->state, &r->created_at, &r->decided_at);
    r->by_api = api != 0;
    return rc;
}

int priority_requests_pending(desk_t *d, long long ticket_id, int limit,
                              void (*fn)(const priority_request_t *r, void *ctx), void *ctx)
{
    MYSQL_STMT *st = ticket_id ? db_query(&d->db, sql_ticket_pending, "ii", ticket_id,
                                          (long long)limit)
                               : db_query(&d->db, sql_all_pending, "i", (long long)limit);
    if (!st)
        return -1;
    priority_request_t r;
    int rc, n = 0;
    while ((rc = fetch(st, &r)) == 1) {
        fn(&r, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int priority_request_of_key(desk_t *d, long long ticket_id, long long api_key_id,
                            priority_request_t *r)
{
    MYSQL_STMT *st = db_query(&d->db, sql_of_key, "ii", api_key_id, ticket_id);
    if (!st)
        return -1;
    int rc = fetch(st, r);
    db_done(st);
    return rc < 0 ? -1 : rc;
}
