/* time_spent: see time_spent.h. */
#include "desk/ticket/time_spent.h"

static const char sql_insert[] =
    "INSERT INTO ticket_time_spent (event_id, ticket_id, agent_id, minutes, spent_at)"
    " VALUES (?, ?, ?, ?, ?)";
static const char sql_per_person[] =
    "SELECT a.name, SUM(s.minutes) AS total FROM ticket_time_spent s"
    " JOIN agents a ON a.id = s.agent_id WHERE s.ticket_id = ?"
    " GROUP BY s.agent_id, a.name ORDER BY total DESC, a.name LIMIT 200";

int time_spent_record(desk_t *d, long long ticket_id, long long event_id, long long agent_id,
                      int minutes, time_t now)
{
    if (minutes < 0 || minutes > TIME_SPENT_MAX)
        return OUTCOME_INVALID;
    if (minutes == 0)
        return OUTCOME_OK;
    return db_exec(&d->db, sql_insert, "iiiit", event_id, ticket_id, agent_id,
                   (long long)minutes, now) == 1
               ? OUTCOME_OK
               : OUTCOME_UNAVAILABLE;
}

int time_spent_each_person(desk_t *d, long long ticket_id,
                           void (*fn)(const char *name, long long minutes, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_per_person, "i", ticket_id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    char name[401];
    long long minutes;
    int n = 0, rc;
    while ((rc = db_fetch(st, "si", name, sizeof name, &minutes)) == 1) {
        fn(name, minutes, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? OUTCOME_UNAVAILABLE : n;
}
