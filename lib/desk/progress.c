/* progress: see progress.h. */
#include "desk/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/keyset.h"

#define P_SELECT                                                                              \
    "SELECT t.id, t.category_id, t.priority_id, t.channel_id, t.number, c.name, t.status,"   \
    " COALESCE(a.name, ''), t.subject, t.created_at, t.classify_due_at,"                      \
    " t.first_response_due_at, t.first_responded_at, t.resolution_due_at, t.resolved_at,"    \
    " t.accept_due_at, t.accepted_at, t.updated_at,"                                          \
    " COALESCE((SELECT SUM(s.minutes) FROM ticket_time_spent s WHERE s.ticket_id = t.id), 0)" \
    " FROM tickets t"                                                                         \
    " JOIN customers c ON c.id = t.customer_id LEFT JOIN agents a ON a.id = t.owner_id WHERE "
#define P_FILTER                                                                              \
    " AND (? = 0 OR t.category_id = ?) AND (? = 0 OR t.priority_id = ?)"                      \
    " AND (? = 0 OR t.owner_id = ?) AND (? = '' OR t.status = ?)"                             \
    " AND t.created_at >= ? AND t.created_at < ?"                                             \
    " AND (t.created_at < ? OR (t.created_at = ? AND t.id < ?))"                              \
    " ORDER BY t.created_at DESC, t.id DESC LIMIT ?"

static const char sql_team[] = P_SELECT "t.team_id = ?" P_FILTER;
static const char sql_all[] = P_SELECT "? = 0" P_FILTER;

#define FAR_FUTURE ((time_t)253402300799)

int progress_met(time_t due, time_t done, time_t now)
{
    if (!due)
        return -2;
    if (done)
        return done <= due ? 1 : 0;
    return now > due ? 0 : -1;
}

static int fetch(MYSQL_STMT *st, progress_row_t *rows, int max)
{
    progress_row_t r;
    int n = 0, rc;
    while (memset(&r, 0, sizeof r),
           (rc = db_fetch(st, "iiiissssstttttttt" "ti", &r.id, &r.category_id, &r.priority_id,
                          &r.channel_id, r.number, sizeof r.number, r.customer,
                          sizeof r.customer, r.status, sizeof r.status, r.owner, sizeof r.owner,
                          r.subject, sizeof r.subject, &r.created_at, &r.classify_due_at,
                          &r.first_response_due_at, &r.first_responded_at,
                          &r.resolution_due_at, &r.resolved_at, &r.accept_due_at,
                          &r.accepted_at, &r.updated_at, &r.minutes_spent)) == 1)
        if (n < max)
            rows[n++] = r;
    db_done(st);
    return rc < 0 ? -1 : n;
}

static int run(desk_t *d, const char *sql, long long scope, const progress_filter_t *f,
               time_t ct, long long cid, progress_row_t *rows, int max)
{
    MYSQL_STMT *st = db_query(&d->db, sql, "iiiiiiissttttii", scope, f->category_id,
                              f->category_id, f->priority_id, f->priority_id, f->owner_id,
                              f->owner_id, f->status, f->status, f->from ? f->from : (time_t)1,
                              f->to ? f->to : FAR_FUTURE, ct, ct, cid, (long long)max);
    return st ? fetch(st, rows, max) : -1;
}

static int newest_first(const void *x, const void *y)
{
    const progress_row_t *a = x, *b = y;
    if (a->created_at != b->created_at)
        return a->created_at > b->created_at ? -1 : 1;
    return a->id > b->id ? -1 : a->id < b->id ? 1 : 0;
}

int progress_list(desk_t *d, const agent_t *a, const progress_filter_t *f, const char *cursor,
                  progress_page_t *page)
{
    long long ct = FAR_FUTURE, cid = 1LL << 62;
    keyset_t k;
    if (keyset_parse(cursor, &k) && !k.part)
        ct = k.key, cid = k.id;
    long long teams[AUTH_MAX_TEAMS];
    int nscope = 0;
    bool all = agent_is_supervisor(a) && !f->team_id;
    if (!all && f->team_id && (agent_is_supervisor(a) || agent_in_team(a, f->team_id)))
        teams[nscope++] = f->team_id;
    else if (!all && !f->team_id)
        for (int i = 0; i < a->nteams; i++)
            teams[nscope++] = a->teams[i];
    int cap = (PROGRESS_PAGE + 1) * (all ? 1 : (nscope ? nscope : 1));
    progress_row_t *buf = malloc(sizeof *buf * (size_t)cap);
    int n = 0;
    if (!buf)
        return -1;
    for (int i = 0; i < (all ? 1 : nscope); i++) {
        int got = run(d, all ? sql_all : sql_team, all ? 0 : teams[i], f, (time_t)ct, cid,
                      buf + n, PROGRESS_PAGE + 1);
        if (got < 0) {
            free(buf);
            return -1;
        }
        n += got;
    }
    qsort(buf, (size_t)n, sizeof *buf, newest_first);
    page->n = n > PROGRESS_PAGE ? PROGRESS_PAGE : n;
    page->more = n > PROGRESS_PAGE;
    memcpy(page->rows, buf, sizeof *buf * (size_t)page->n);
    free(buf);
    page->next_cursor[0] = '\0';
    if (page->more) {
        keyset_t next = {.key = page->rows[page->n - 1].created_at, .id = page->rows[page->n - 1].id};
        keyset_format(&next, page->next_cursor, sizeof page->next_cursor);
    }
    return 0;
}
