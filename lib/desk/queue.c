/* queue: see queue.h. */
#include "desk/queue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/customer/tags.h"
#include "core/keyset.h"
#include "core/text.h"

#define FAR_PAST ((time_t)1)
#define NO_DEADLINE ((time_t)253402214400) /* 9999-12-31 00:00:00 UTC */
#define FAR_FUTURE ((time_t)253402300799)  /* 9999-12-31 23:59:59 UTC */

static const char *const codes[Q_COUNT] = {"unassigned", "mine",    "to_accept",
                                           "team",       "collab",  "waiting",
                                           "at_risk",    "overdue", "closed"};

const char *queue_code(queue_kind_t k) { return (unsigned)k < Q_COUNT ? codes[k] : ""; }

int queue_parse(const char *code)
{
    for (int i = 0; code && i < Q_COUNT; i++)
        if (strcmp(code, codes[i]) == 0)
            return i;
    return -1;
}

bool queue_no_deadline(time_t t) { return t >= NO_DEADLINE; }

#define Q_SELECT                                                                              \
    "SELECT t.id, t.number, t.subject, c.name, "                                               \
    TAGS_EFFECTIVE_SQL("t.customer_id", "t.organisation_id")                                  \
    ", t.category_id, t.priority_id, t.channel_id, t.customer_id,"                            \
    " t.status, COALESCE(a.name, ''), t.next_due_at, t.created_at, t.resolved_at,"              \
    " IF(t.is_open = 1 AND t.workaround_sent_at IS NULL, t.workaround_due_at, NULL)"          \
    " FROM tickets t FORCE INDEX ("
/* Each queue names the index whose order is its order: the optimiser would
 * otherwise sometimes pick a shorter index and sort. */
#define Q_JOINS                                                                               \
    ") JOIN customers c ON c.id = t.customer_id LEFT JOIN agents a ON a.id = t.owner_id WHERE "
#define Q_FILTER                                                                              \
    " AND (? = 0 OR t.category_id = ?) AND (? = 0 OR t.priority_id = ?)"                      \
    " AND (? = 0 OR t.owner_id = ?) AND (? = 0 OR t.channel_id = ?)"                          \
    " AND (? = '' OR t.status = ?) AND (? = '' OR t.subject LIKE ? OR t.number = ?)"
#define Q_DUE_PAGE                                                                            \
    " AND t.next_due_at >= ? AND t.next_due_at < ?"                                           \
    " AND (t.next_due_at > ? OR (t.next_due_at = ? AND t.id > ?))"                            \
    " ORDER BY t.next_due_at, t.id LIMIT ?"
#define Q_CLOSED_PAGE                                                                         \
    " AND t.next_due_at >= ? AND t.next_due_at < ?"                                           \
    " AND (t.resolved_at < ? OR (t.resolved_at = ? AND t.id < ?))"                            \
    " ORDER BY t.resolved_at DESC, t.id DESC LIMIT ?"

#define C_UNASSIGNED "t.team_id = ? AND t.is_open = 1 AND t.owner_id IS NULL"
#define C_MINE "t.owner_id = ? AND t.is_open = 1"
#define C_TO_ACCEPT "t.owner_id = ? AND t.status = 'assigned'"
#define C_TEAM "t.team_id = ? AND t.is_open = 1"
#define C_COLLAB                                                                              \
    "t.id IN (SELECT ticket_id FROM ticket_collaborators WHERE agent_id = ?) AND t.is_open = 1"
#define C_WAITING "t.team_id = ? AND t.status = 'waiting_customer'"
#define C_CLOSED "t.team_id = ? AND t.is_open = 0"

typedef struct queue_def {
    const char *list_sql;
    bool per_team; /* the scope parameter is a team id (else the reader's id) */
    bool by_closed;
} queue_def_t;

static const char l_unassigned[] =
    Q_SELECT "ix_tickets_team_queue" Q_JOINS C_UNASSIGNED Q_FILTER Q_DUE_PAGE;
static const char l_mine[] = Q_SELECT "ix_tickets_owner_queue" Q_JOINS C_MINE Q_FILTER Q_DUE_PAGE;
static const char l_to_accept[] =
    Q_SELECT "ix_tickets_owner_status" Q_JOINS C_TO_ACCEPT Q_FILTER Q_DUE_PAGE;
static const char l_team[] = Q_SELECT "ix_tickets_team_due" Q_JOINS C_TEAM Q_FILTER Q_DUE_PAGE;
static const char l_collab[] = Q_SELECT "PRIMARY" Q_JOINS C_COLLAB Q_FILTER Q_DUE_PAGE;
static const char l_waiting[] =
    Q_SELECT "ix_tickets_team_status" Q_JOINS C_WAITING Q_FILTER Q_DUE_PAGE;
static const char l_closed[] =
    Q_SELECT "ix_tickets_team_closed" Q_JOINS C_CLOSED Q_FILTER Q_CLOSED_PAGE;

static const queue_def_t defs[Q_COUNT] = {
    [Q_UNASSIGNED] = {l_unassigned, true, false},
    [Q_MINE] = {l_mine, false, false},
    [Q_TO_ACCEPT] = {l_to_accept, false, false},
    [Q_TEAM] = {l_team, true, false},
    [Q_COLLAB] = {l_collab, false, false},
    [Q_WAITING] = {l_waiting, true, false},
    [Q_AT_RISK] = {l_team, true, false},
    [Q_OVERDUE] = {l_team, true, false},
    [Q_CLOSED] = {l_closed, true, true},
};

/* The due-time window of a queue: [lo, hi). */
static void window(desk_t *d, queue_kind_t k, time_t *lo, time_t *hi)
{
    time_t now = desk_now(d);
    *lo = FAR_PAST;
    *hi = FAR_FUTURE;
    if (k == Q_AT_RISK) {
        *lo = now;
        *hi = now + d->at_risk_seconds;
    } else if (k == Q_OVERDUE)
        *hi = now;
}

/* The teams a team-scoped queue reads: the filter's team if the reader may
 * see it, else the reader's teams (every team for supervisors). */
static int scope_teams(desk_t *d, const agent_t *a, const queue_filter_t *f, long long *out)
{
    int n = 0;
    bool all = agent_is_supervisor(a);
    if (f && f->team_id)
        return (all || agent_in_team(a, f->team_id)) ? (out[0] = f->team_id, 1) : 0;
    if (!all) {
        memcpy(out, a->teams, sizeof(long long) * (size_t)a->nteams);
        return a->nteams;
    }
    for (int i = 0; i < d->catalog.nteams && n < AUTH_MAX_TEAMS * 4; i++)
        out[n++] = d->catalog.teams[i].id;
    return n;
}

static int fetch_rows(MYSQL_STMT *st, queue_row_t *rows, int max)
{
    int n = 0, rc;
    queue_row_t r;
    while (memset(&r, 0, sizeof r),
           (rc = db_fetch(st, "issssiiiisstt" "tt", &r.id, r.number, sizeof r.number, r.subject,
                          sizeof r.subject, r.customer, sizeof r.customer, r.tags, sizeof r.tags,
                          &r.category_id, &r.priority_id, &r.channel_id, &r.customer_id, r.status,
                          sizeof r.status, r.owner, sizeof r.owner, &r.next_due_at,
                          &r.created_at, &r.closed_at, &r.workaround_due_at)) == 1)
        if (n < max)
            rows[n++] = r;
    db_done(st);
    return rc < 0 ? -1 : n;
}

typedef struct cursor {
    time_t t;
    long long id;
} cursor_t;

static void parse_cursor(const char *s, bool by_closed, cursor_t *c)
{
    c->t = by_closed ? FAR_FUTURE : 0;
    c->id = by_closed ? (1LL << 62) : 0;
    keyset_t k;
    if (keyset_parse(s, &k) && !k.part) {
        c->t = (time_t)k.key;
        c->id = k.id;
    }
}

static int run_one(desk_t *d, const queue_def_t *def, long long scope, const queue_filter_t *f,
                   time_t lo, time_t hi, const cursor_t *c, queue_row_t *rows, int max)
{
    static const queue_filter_t none;
    char like[2 * sizeof f->keyword + 3];
    if (!f)
        f = &none;
    text_like_pattern(f->keyword, true, like, sizeof like);
    MYSQL_STMT *st = db_query(&d->db, def->list_sql, "iiiiiiiiisssssttttii", scope,
                              f->category_id, f->category_id, f->priority_id, f->priority_id,
                              f->owner_id, f->owner_id, f->channel_id, f->channel_id, f->status,
                              f->status, f->keyword, like, f->keyword, lo, hi, c->t ? c->t : lo,
                              c->t ? c->t : lo, c->id, (long long)max);
    return st ? fetch_rows(st, rows, max) : -1;
}

static int row_order(const void *x, const void *y, void *by_closed)
{
    const queue_row_t *a = x, *b = y;
    int sign = *(bool *)by_closed ? -1 : 1;
    time_t ta = *(bool *)by_closed ? a->closed_at : a->next_due_at;
    time_t tb = *(bool *)by_closed ? b->closed_at : b->next_due_at;
    if (ta != tb)
        return ta < tb ? -sign : sign;
    return a->id < b->id ? -sign : a->id > b->id ? sign : 0;
}

int queue_list(desk_t *d, const agent_t *a, queue_kind_t k, const queue_filter_t *f,
               const char *cursor, queue_page_t *page)
{
    const queue_def_t *def = &defs[k];
    long long teams[AUTH_MAX_TEAMS * 4];
    int nscope = def->per_team ? scope_teams(d, a, f, teams) : (teams[0] = a->id, 1);
    time_t lo, hi;
    cursor_t c;
    window(d, k, &lo, &hi);
    parse_cursor(cursor, def->by_closed, &c);
    if (def->by_closed && c.t == FAR_FUTURE)
        c.t = FAR_FUTURE, c.id = 1LL << 62;
    queue_row_t *all = malloc(sizeof *all * (size_t)(QUEUE_PAGE + 1) * (size_t)(nscope ? nscope : 1));
    int n = 0;
    if (!all)
        return -1;
    for (int i = 0; i < nscope; i++) {
        int got = run_one(d, def, teams[i], f, lo, hi, &c, all + n, QUEUE_PAGE + 1);
        if (got < 0) {
            free(all);
            return -1;
        }
        n += got;
    }
    bool by_closed = def->by_closed;
    qsort_r(all, (size_t)n, sizeof *all, row_order, &by_closed);
    page->n = n > QUEUE_PAGE ? QUEUE_PAGE : n;
    page->more = n > QUEUE_PAGE;
    memcpy(page->rows, all, sizeof *all * (size_t)page->n);
    free(all);
    page->next_cursor[0] = '\0';
    if (page->more) {
        const queue_row_t *last = &page->rows[page->n - 1];
        keyset_t next = {.key = by_closed ? last->closed_at : last->next_due_at, .id = last->id};
        keyset_format(&next, page->next_cursor, sizeof page->next_cursor);
    }
    return 0;
}

/* The teams a reader's counts cover: all for supervisors and admins. */
#define SCOPE                                                                                 \
    "t.team_id IN (SELECT id FROM teams WHERE ? = 1 OR id IN"                                 \
    " (SELECT team_id FROM team_members WHERE agent_id = ?))"
#define CAPPED(cond) "(SELECT COUNT(*) FROM (SELECT 1 FROM tickets t WHERE " cond " LIMIT 100) x)"

/* Every count of the dashboard in one round trip, each an index range read
 * up to the cap. */
static const char sql_counts[] =
    "SELECT " CAPPED(SCOPE " AND t.is_open = 1 AND t.owner_id IS NULL") ", "
    CAPPED("t.owner_id = ? AND t.is_open = 1") ", "
    CAPPED("t.owner_id = ? AND t.status = 'assigned'") ", "
    CAPPED(SCOPE " AND t.is_open = 1") ", "
    CAPPED("t.id IN (SELECT ticket_id FROM ticket_collaborators WHERE agent_id = ?)"
           " AND t.is_open = 1") ", "
    CAPPED(SCOPE " AND t.status = 'waiting_customer'") ", "
    CAPPED(SCOPE " AND t.is_open = 1 AND t.next_due_at >= ? AND t.next_due_at < ?") ", "
    CAPPED(SCOPE " AND t.is_open = 1 AND t.next_due_at < ?") ", "
    CAPPED(SCOPE " AND t.is_open = 0");

int queue_counts(desk_t *d, const agent_t *a, long counts[Q_COUNT])
{
    long long all = agent_is_supervisor(a), id = a->id;
    long long n[Q_COUNT];
    time_t lo, hi, now;
    window(d, Q_AT_RISK, &lo, &hi);
    now = lo;
    int rc = db_row(&d->db, sql_counts, "iiiiiiiiiiittiitii", "iiiiiiiii", all, id, id, id, all,
                    id, id, all, id, all, id, lo, hi, all, id, now, all, id, &n[Q_UNASSIGNED],
                    &n[Q_MINE], &n[Q_TO_ACCEPT], &n[Q_TEAM], &n[Q_COLLAB], &n[Q_WAITING],
                    &n[Q_AT_RISK], &n[Q_OVERDUE], &n[Q_CLOSED]);
    for (int k = 0; k < Q_COUNT; k++)
        counts[k] = rc == 1 ? (long)n[k] : -1;
    return rc == 1 ? 0 : -1;
}
