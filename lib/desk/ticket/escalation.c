/* escalation: see escalation.h. */
#include "desk/ticket/escalation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/keyset.h"
#include "desk/catalog/catalog.h"

#define FAR_PAST ((time_t)1)
#define FAR_FUTURE ((time_t)253402300799) /* 9999-12-31 23:59:59 UTC */

long long escalation_default_team(desk_t *d)
{
    for (int i = 0; i < d->catalog.nteams; i++)
        if (d->catalog.teams[i].answers_escalations)
            return d->catalog.teams[i].id;
    return 0;
}

bool escalation_team_ok(desk_t *d, long long team_id)
{
    const team_t *t = catalog_team_by_id(&d->catalog, team_id);
    return t && t->answers_escalations;
}

bool escalation_in_rnd(desk_t *d, const agent_t *a)
{
    for (int i = 0; i < a->nteams; i++)
        if (escalation_team_ok(d, a->teams[i]))
            return true;
    return false;
}

static const char sql_add[] =
    "INSERT INTO ticket_escalations (ticket_id, requested_by, team_id, reason, impact,"
    " expected_at, answer_due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

long long escalation_add(desk_t *d, long long ticket_id, long long requested_by,
                         long long team_id, const char *reason, const char *impact,
                         time_t expected, time_t due, time_t now)
{
    if (db_exec(&d->db, sql_add, "iijsstt" "t", ticket_id, requested_by, team_id, reason, impact,
                expected, due, now) < 0)
        return -1;
    return (long long)d->db.last_id;
}

static const char sql_answer[] =
    "UPDATE ticket_escalations SET answered_at = ?, answered_by = ?, answer = ?"
    " WHERE ticket_id = ? AND answered_at IS NULL";

int escalation_answer_open(desk_t *d, long long ticket_id, long long by, const char *plan,
                           time_t now)
{
    int rc = db_exec(&d->db, sql_answer, "tisi", now, by, plan, ticket_id);
    return rc < 0 ? -1 : rc > 0;
}

static const char sql_latest[] =
    "SELECT e.id, COALESCE(e.team_id, 0), COALESCE(r.name, ''), COALESCE(b.name, ''), e.reason,"
    " e.impact, e.answer, e.expected_at, e.answer_due_at, e.answered_at, e.created_at"
    " FROM ticket_escalations e LEFT JOIN agents r ON r.id = e.requested_by"
    " LEFT JOIN agents b ON b.id = e.answered_by WHERE e.ticket_id = ? ORDER BY e.id DESC LIMIT 1";

int escalation_latest(desk_t *d, long long ticket_id, escalation_t *e)
{
    memset(e, 0, sizeof *e);
    int rc = db_row(&d->db, sql_latest, "i", "iissSSStttt", ticket_id, &e->id, &e->team_id,
                    e->requested_by, sizeof e->requested_by, e->answered_by,
                    sizeof e->answered_by, &e->reason, &e->impact, &e->answer, &e->expected_at,
                    &e->answer_due_at, &e->answered_at, &e->created_at);
    if (rc != 1)
        escalation_free(e);
    return rc;
}

void escalation_free(escalation_t *e)
{
    free(e->reason);
    free(e->impact);
    free(e->answer);
    e->reason = e->impact = e->answer = NULL;
}

static const char sql_public[] =
    "SELECT e.created_at, e.answered_at IS NOT NULL, COALESCE(a.name, '')"
    " FROM ticket_escalations e JOIN tickets t ON t.id = e.ticket_id"
    " LEFT JOIN agents a ON a.id = t.owner_id WHERE e.ticket_id = ? ORDER BY e.id DESC LIMIT 1";

int escalation_for_customer(desk_t *d, long long ticket_id, escalation_public_t *out)
{
    long long answered = 0;
    memset(out, 0, sizeof *out);
    int rc = db_row(&d->db, sql_public, "i", "tis", ticket_id, &out->asked_at, &answered,
                    out->contact, sizeof out->contact);
    out->answered = answered != 0;
    return rc;
}

static const char sql_teams_asked[] =
    "SELECT DISTINCT team_id FROM ticket_escalations FORCE INDEX (ix_escalations_ticket_team)"
    " WHERE ticket_id = ? AND team_id IS NOT NULL";

bool escalation_asked_of(desk_t *d, const agent_t *a, long long ticket_id)
{
    if (a->nteams == 0)
        return false;
    MYSQL_STMT *st = db_query(&d->db, sql_teams_asked, "i", ticket_id);
    long long team;
    bool asked = false;
    while (st && !asked && db_fetch(st, "i", &team) == 1)
        asked = agent_in_team(a, team);
    db_done(st);
    return asked;
}

/* ---- the queue ------------------------------------------------------------ */

#define ROW_SELECT                                                                            \
    "SELECT e.id, t.id, t.priority_id, t.number, t.subject, t.status, COALESCE(o.name, ''),"   \
    " COALESCE(r.name, ''), LEFT(e.reason, 200), LEFT(e.impact, 200), e.expected_at,"          \
    " e.answer_due_at, e.answered_at, e.created_at FROM ticket_escalations e FORCE INDEX ("
#define ROW_JOINS                                                                             \
    ") JOIN tickets t ON t.id = e.ticket_id LEFT JOIN agents o ON o.id = t.owner_id"           \
    " LEFT JOIN agents r ON r.id = e.requested_by WHERE e.team_id = ?"

_Static_assert(ESCALATION_EXCERPT == 200, "LEFT(..., 200) above");

static const char sql_waiting[] =
    ROW_SELECT "ix_escalations_team_queue" ROW_JOINS " AND e.answered_at IS NULL"
    " AND (e.answer_due_at > ? OR (e.answer_due_at = ? AND e.id > ?))"
    " ORDER BY e.answer_due_at, e.id LIMIT ?";
static const char sql_answered[] =
    ROW_SELECT "ix_escalations_team_answered" ROW_JOINS " AND e.answered_at IS NOT NULL"
    " AND (e.answered_at < ? OR (e.answered_at = ? AND e.id < ?))"
    " ORDER BY e.answered_at DESC, e.id DESC LIMIT ?";

/* Reads up to want rows of one part into page; the number read, or -1. */
static int read_part(desk_t *d, const char *sql, long long team, time_t at, long long id,
                     int want, escalation_page_t *page)
{
    MYSQL_STMT *st = db_query(&d->db, sql, "ittii", team, at, at, id, (long long)want);
    if (!st)
        return -1;
    int got = 0, rc;
    escalation_row_t r;
    while (memset(&r, 0, sizeof r),
           (rc = db_fetch(st, "iii" "sssssss" "tttt", &r.id, &r.ticket_id, &r.priority_id,
                          r.number, sizeof r.number, r.subject, sizeof r.subject, r.status,
                          sizeof r.status, r.owner, sizeof r.owner, r.requested_by,
                          sizeof r.requested_by, r.reason, sizeof r.reason, r.impact,
                          sizeof r.impact, &r.expected_at, &r.answer_due_at, &r.answered_at,
                          &r.created_at)) == 1) {
        if (page->n < ESCALATION_PAGE)
            page->rows[page->n++] = r;
        else
            page->more = true;
        got++;
    }
    db_done(st);
    return rc < 0 ? -1 : got;
}

/* Cursor: "w:DUE.ID" inside the unanswered part, "a:ANSWERED.ID" inside the
 * answered part (times as epoch seconds). */
static bool parse_cursor(const char *c, char *part, time_t *at, long long *id)
{
    keyset_t k;
    if (!keyset_parse(c, &k) || (k.part != 'w' && k.part != 'a') || k.key < 1 || k.id < 1)
        return false;
    *part = k.part;
    *at = (time_t)k.key;
    *id = k.id;
    return true;
}

static void set_cursor(escalation_page_t *page)
{
    const escalation_row_t *last = &page->rows[page->n - 1];
    keyset_t k = {.part = last->answered_at ? 'a' : 'w',
                  .key = last->answered_at ? last->answered_at : last->answer_due_at,
                  .id = last->id};
    keyset_format(&k, page->next_cursor, sizeof page->next_cursor);
}

int escalation_queue(desk_t *d, long long team_id, const char *cursor, escalation_page_t *page)
{
    char part = 'w';
    time_t at = FAR_PAST;
    long long id = 0;
    memset(page, 0, sizeof *page);
    if (cursor && *cursor && !parse_cursor(cursor, &part, &at, &id))
        return -1;
    if (part == 'w') {
        if (read_part(d, sql_waiting, team_id, at, id, ESCALATION_PAGE + 1, page) < 0)
            return -1;
        at = FAR_FUTURE;
        id = 0x7fffffffffffffffLL;
    }
    if (!page->more &&
        read_part(d, sql_answered, team_id, at, id, ESCALATION_PAGE + 1 - page->n, page) < 0)
        return -1;
    if (page->more)
        set_cursor(page);
    return 0;
}
