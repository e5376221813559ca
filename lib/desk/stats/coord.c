/* coord: the weekly coordination view's figures (coord.h). */
#include "desk/stats/coord.h"

#include <string.h>

#include "store/db.h"

const char *const coord_fig_codes[CF_COUNT + 1] = {"open", "overdue", "escalations",
                                                   "handed_over", "received", NULL};

int coord_fig_parse(const char *s)
{
    for (int i = 0; s && coord_fig_codes[i]; i++)
        if (!strcmp(s, coord_fig_codes[i]))
            return i;
    return -1;
}

/* Each figure's tickets as a WHERE over its table x with three parameters:
 * the end twice, then the end again or, for the moves, the week's start. */
#define W_OPEN                                                                                 \
    "ticket_spans x FORCE INDEX (ix_spans_open_at) WHERE (x.closed_at IS NULL OR x.closed_at >= ?) AND x.opened_at < ?"      \
    " AND ? IS NOT NULL"
#define W_OVERDUE                                                                              \
    "ticket_facts x FORCE INDEX (ix_facts_unresolved_due) WHERE (x.resolution_stopped_at IS NULL OR x.resolution_stopped_at >= ?)"  \
    " AND x.has_resolution_sla = 1 AND x.resolution_due_at < ? AND x.created_at < ?"
#define W_ESCALATIONS                                                                          \
    "ticket_escalations x FORCE INDEX (ix_escalations_waiting) JOIN tickets t ON t.id = x.ticket_id"                                \
    " WHERE (x.answered_at IS NULL OR x.answered_at >= ?) AND x.created_at < ?"               \
    " AND ? IS NOT NULL"
#define W_MOVES                                                                                \
    "ticket_team_moves x FORCE INDEX (ix_team_moves_at) WHERE x.moved_at < ? AND ? IS NOT NULL AND x.moved_at >= ?"          \
    " AND x.from_team_id IS NOT NULL AND x.to_team_id IS NOT NULL"                             \
    " AND x.from_team_id <> x.to_team_id"

#define GROUPED(w, team)                                                                      \
    "SELECT " team ", COUNT(DISTINCT x.ticket_id) FROM " w " GROUP BY " team

static const char *const sql_count[CF_COUNT] = {
    GROUPED(W_OPEN, "x.team_id"),
    GROUPED(W_OVERDUE, "x.team_id"),
    GROUPED(W_ESCALATIONS, "COALESCE(t.team_id, 0)"),
    GROUPED(W_MOVES, "x.from_team_id"),
    GROUPED(W_MOVES, "x.to_team_id"),
};

#define LIST(w, team)                                                                         \
    "SELECT t.id, t.category_id, t.priority_id, t.channel_id, COALESCE(t.team_id, 0),"       \
    " t.number, t.status, t.subject, t.created_at FROM tickets t"                             \
    " WHERE t.id IN (SELECT x.ticket_id FROM " w " AND " team " = ?)"                         \
    " AND t.id > ? ORDER BY t.id LIMIT ?"

/* The escalations' list joins tickets itself: its own alias. */
#define W_ESCALATIONS_LIST                                                                     \
    "ticket_escalations x FORCE INDEX (ix_escalations_waiting) JOIN tickets u ON u.id = x.ticket_id"                                \
    " WHERE (x.answered_at IS NULL OR x.answered_at >= ?) AND x.created_at < ?"               \
    " AND ? IS NOT NULL"

static const char *const sql_list[CF_COUNT] = {
    LIST(W_OPEN, "x.team_id"),
    LIST(W_OVERDUE, "x.team_id"),
    LIST(W_ESCALATIONS_LIST, "COALESCE(u.team_id, 0)"),
    LIST(W_MOVES, "x.from_team_id"),
    LIST(W_MOVES, "x.to_team_id"),
};

time_t coord_end(const stats_period_t *p, time_t now)
{
    return p->to < now ? p->to : now;
}

static time_t third(coord_fig_t f, const stats_period_t *p, time_t end)
{
    return f == CF_HANDED_OVER || f == CF_RECEIVED ? p->from : end;
}

static coord_row_t *row_of(coord_row_t *rows, int *nrows, int max, long long team)
{
    for (int i = 0; i < *nrows; i++)
        if (rows[i].team_id == team)
            return &rows[i];
    if (*nrows >= max)
        return NULL;
    memset(&rows[*nrows], 0, sizeof rows[*nrows]);
    rows[*nrows].team_id = team;
    return &rows[(*nrows)++];
}

int coord_figures(desk_t *d, const stats_period_t *p, time_t now, coord_row_t *rows, int *nrows,
                  int max)
{
    time_t end = coord_end(p, now);
    for (coord_fig_t f = 0; f < CF_COUNT; f++) {
        MYSQL_STMT *st = db_query(&d->db, sql_count[f], "ttt", end, end, third(f, p, end));
        if (!st)
            return -1;
        long long team = 0, n = 0;
        int rc;
        while ((rc = db_fetch(st, "ii", &team, &n)) == 1) {
            coord_row_t *r = row_of(rows, nrows, max, team);
            if (r)
                r->n[f] = n;
        }
        db_done(st);
        if (rc < 0)
            return -1;
    }
    return 0;
}

int coord_tickets(desk_t *d, coord_fig_t fig, long long team_id, const stats_period_t *p,
                  time_t now, long long after, stats_tickets_t *out)
{
    memset(out, 0, sizeof *out);
    if ((unsigned)fig >= CF_COUNT)
        return -1;
    time_t end = coord_end(p, now);
    MYSQL_STMT *st = db_query(&d->db, sql_list[fig], "tttiii", end, end, third(fig, p, end), team_id,
                              after, (long long)STATS_PAGE + 1);
    if (!st)
        return -1;
    return stats_tickets_read(st, out);
}
