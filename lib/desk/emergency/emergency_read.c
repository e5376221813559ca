/* emergency_read: see emergency_read.h. */
#include "desk/emergency/emergency_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/keyset.h"

#define FAR_FUTURE ((time_t)253402300799) /* 9999-12-31 23:59:59 UTC */

static const char sql_members[] =
    "SELECT m.agent_id, a.name, m.is_lead FROM emergency_members m JOIN agents a"
    " ON a.id = m.agent_id WHERE m.emergency_id = ? ORDER BY m.is_lead DESC, a.name, a.id";
static const char sql_tickets[] =
    "SELECT t.number, t.subject, t.status FROM emergency_tickets x JOIN tickets t"
    " ON t.id = x.ticket_id WHERE x.emergency_id = ? ORDER BY t.id";
static const char sql_plans[] =
    "SELECT p.version, p.body, a.name, p.written_at FROM emergency_plans p JOIN agents a"
    " ON a.id = p.written_by WHERE p.emergency_id = ? ORDER BY p.version DESC";
static const char sql_events[] =
    "SELECT v.at, COALESCE(a.name, ''), v.kind, v.note FROM emergency_events v"
    " LEFT JOIN agents a ON a.id = v.agent_id WHERE v.emergency_id = ? ORDER BY v.id";
static const char sql_tasks[] =
    "SELECT k.id, k.title, a.name, k.done_at FROM emergency_tasks k JOIN agents a"
    " ON a.id = k.owner_id WHERE k.emergency_id = ? ORDER BY k.done_at IS NOT NULL, k.id";
static const char sql_of_ticket[] =
    "SELECT e.id, e.title, e.is_open FROM emergency_tickets x FORCE INDEX"
    " (ix_emergency_tickets_ticket) JOIN emergencies e ON e.id = x.emergency_id"
    " WHERE x.ticket_id = ? ORDER BY e.id DESC";

int emergency_each_member(desk_t *d, long long id,
                          void (*fn)(long long agent_id, const char *name, bool lead, void *ctx),
                          void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_members, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long who, lead;
    char name[401];
    int n = 0, rc;
    while ((rc = db_fetch(st, "isi", &who, name, sizeof name, &lead)) == 1)
        fn(who, name, lead != 0, ctx), n++;
    db_done(st);
    return rc < 0 ? OUTCOME_UNAVAILABLE : n;
}

int emergency_each_ticket(desk_t *d, long long id,
                          void (*fn)(const char *number, const char *subject, const char *status,
                                     void *ctx),
                          void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_tickets, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    char number[32], subject[801], status[24];
    int n = 0, rc;
    while ((rc = db_fetch(st, "sss", number, sizeof number, subject, sizeof subject, status,
                          sizeof status)) == 1)
        fn(number, subject, status, ctx), n++;
    db_done(st);
    return rc < 0 ? OUTCOME_UNAVAILABLE : n;
}

int emergency_each_plan(desk_t *d, long long id,
                        void (*fn)(long long version, const char *body, const char *by,
                                   time_t at, void *ctx),
                        void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_plans, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long version;
    char *body = NULL, by[401];
    time_t at;
    int n = 0, rc;
    while ((rc = db_fetch(st, "iSst", &version, &body, by, sizeof by, &at)) == 1) {
        fn(version, body ? body : "", by, at, ctx), n++;
        free(body);
        body = NULL;
    }
    db_done(st);
    return rc < 0 ? OUTCOME_UNAVAILABLE : n;
}

int emergency_each_event(desk_t *d, long long id,
                         void (*fn)(time_t at, const char *who, const char *kind,
                                    const char *note, void *ctx),
                         void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_events, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    time_t at;
    char who[401], kind[33], *note = NULL;
    int n = 0, rc;
    while ((rc = db_fetch(st, "tssS", &at, who, sizeof who, kind, sizeof kind, &note)) == 1) {
        fn(at, who, kind, note ? note : "", ctx), n++;
        free(note);
        note = NULL;
    }
    db_done(st);
    return rc < 0 ? OUTCOME_UNAVAILABLE : n;
}

int emergency_each_task(desk_t *d, long long id,
                        void (*fn)(long long task_id, const char *title, const char *owner,
                                   time_t done_at, void *ctx),
                        void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_tasks, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long task;
    char title[1201], owner[401];
    time_t done;
    int n = 0, rc;
    while ((rc = db_fetch(st, "isst", &task, title, sizeof title, owner, sizeof owner, &done)) ==
           1)
        fn(task, title, owner, done, ctx), n++;
    db_done(st);
    return rc < 0 ? OUTCOME_UNAVAILABLE : n;
}

int emergency_each_of_ticket(desk_t *d, const agent_t *a, long long ticket_id,
                             void (*fn)(long long id, const char *title, bool open, void *ctx),
                             void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_of_ticket, "i", ticket_id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long ids[16], open[16];
    char titles[16][801];
    int n = 0, rc;
    while (n < 16 && (rc = db_fetch(st, "isi", &ids[n], titles[n], sizeof titles[n], &open[n])) == 1)
        n++;
    db_done(st);
    if (rc < 0)
        return OUTCOME_UNAVAILABLE;
    int shown = 0;
    for (int i = 0; i < n; i++) /* the membership test runs its own statement */
        if (emergency_may_see(d, a, ids[i]))
            fn(ids[i], titles[i], open[i] != 0, ctx), shown++;
    return shown;
}

/* ---- the list --------------------------------------------------------------------- */

#define LIST_SELECT                                                                            \
    "SELECT e.id, e.is_open, e.title, l.name, e.declared_at, e.plan_due_at, e.plan_done_at,"   \
    " e.feedback_due_at, e.feedback_done_at,"                                                  \
    " (SELECT COUNT(*) FROM emergency_tickets x WHERE x.emergency_id = e.id)"
#define LIST_KEY                                                                               \
    " AND (e.declared_at < ? OR (e.declared_at = ? AND e.id < ?))"                           \
    " ORDER BY e.declared_at DESC, e.id DESC LIMIT ?"

/* managers: every emergency, by the list's index */
static const char sql_all[] =
    LIST_SELECT " FROM emergencies e FORCE INDEX (ix_emergencies_list)"
    " JOIN agents l ON l.id = e.lead_id WHERE e.is_open = ?" LIST_KEY;
/* team members: their own, by the members' index */
static const char sql_mine[] =
    LIST_SELECT " FROM emergency_members m FORCE INDEX (ix_emergency_members_agent)"
    " JOIN emergencies e ON e.id = m.emergency_id JOIN agents l ON l.id = e.lead_id"
    " WHERE m.agent_id = ? AND e.is_open = ?" LIST_KEY;

static int read_part(desk_t *d, const agent_t *a, long long open, time_t at, long long id,
                     int want, emergency_page_t *page)
{
    MYSQL_STMT *st = emergency_manager(a)
                         ? db_query(&d->db, sql_all, "ittii", open, at, at, id, (long long)want)
                         : db_query(&d->db, sql_mine, "iittii", a->id, open, at, at, id,
                                    (long long)want);
    if (!st)
        return -1;
    int got = 0, rc;
    emergency_row_t r;
    long long is_open;
    while (memset(&r, 0, sizeof r),
           (rc = db_fetch(st, "iiss" "ttttt" "i", &r.id, &is_open, r.title, sizeof r.title,
                          r.lead, sizeof r.lead, &r.declared_at, &r.plan_due_at,
                          &r.plan_done_at, &r.feedback_due_at, &r.feedback_done_at,
                          &r.tickets)) == 1) {
        r.open = is_open != 0;
        if (page->n < EMERGENCY_PAGE)
            page->rows[page->n++] = r;
        else
            page->more = true;
        got++;
    }
    db_done(st);
    return rc < 0 ? -1 : got;
}

/* Cursor (core/keyset.h): "o:DECLARED.ID" inside the open part,
 * "c:DECLARED.ID" inside the closed part (epoch seconds). */
static bool parse_cursor(const char *c, char *part, time_t *at, long long *id)
{
    keyset_t k;
    if (!keyset_parse(c, &k) || (k.part != 'o' && k.part != 'c') || k.key < 1 || k.id < 1)
        return false;
    *part = k.part;
    *at = (time_t)k.key;
    *id = k.id;
    return true;
}

int emergency_list(desk_t *d, const agent_t *a, const char *cursor, emergency_page_t *page)
{
    char part = 'o';
    time_t at = FAR_FUTURE;
    long long id = 0x7fffffffffffffffLL;
    memset(page, 0, sizeof *page);
    if (cursor && *cursor && !parse_cursor(cursor, &part, &at, &id))
        return -1;
    if (part == 'o') {
        if (read_part(d, a, 1, at, id, EMERGENCY_PAGE + 1, page) < 0)
            return -1;
        at = FAR_FUTURE;
        id = 0x7fffffffffffffffLL;
    }
    if (!page->more && read_part(d, a, 0, at, id, EMERGENCY_PAGE + 1 - page->n, page) < 0)
        return -1;
    if (page->more) {
        const emergency_row_t *last = &page->rows[page->n - 1];
        keyset_t k = {.part = last->open ? 'o' : 'c', .key = (long long)last->declared_at,
                      .id = last->id};
        keyset_format(&k, page->next_cursor, sizeof page->next_cursor);
    }
    return 0;
}
