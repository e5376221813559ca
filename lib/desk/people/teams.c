/* teams: see teams.h. */
#include "desk/people/teams.h"

#include <string.h>

#include "desk/people/people.h"

#define TEAM_COLUMNS                                                                          \
    "t.id, t.code, t.name_zh, t.name_en, t.dispatch_mode, t.active,"                          \
    " (SELECT COUNT(*) FROM team_members m JOIN agents a ON a.id = m.agent_id"                \
    " WHERE m.team_id = t.id AND a.active = 1), t.answers_escalations"

static const char sql_each[] =
    "SELECT " TEAM_COLUMNS " FROM teams t ORDER BY t.active DESC, t.id";
static const char sql_get[] = "SELECT " TEAM_COLUMNS " FROM teams t WHERE t.id = ?";
static const char sql_get_lock[] =
    "SELECT " TEAM_COLUMNS " FROM teams t WHERE t.id = ? FOR UPDATE";
static const char sql_members[] =
    "SELECT a.id, a.login, a.name, a.role, a.active, m.is_lead FROM team_members m"
    " JOIN agents a ON a.id = m.agent_id WHERE m.team_id = ? ORDER BY a.active DESC, a.name";
static const char sql_open_tickets[] =
    "SELECT COUNT(*) FROM tickets WHERE team_id = ? AND is_open = 1";
/* where each active category's tickets go: its active routing rule, else
 * the category's own team (lib/desk/dispatch/routing.h) */
static const char sql_categories[] =
    "SELECT COUNT(*) FROM categories c LEFT JOIN routing_rules r ON r.category_id = c.id"
    " AND r.active = 1 WHERE c.active = 1 AND COALESCE(r.team_id, c.team_id) = ?";
static const char sql_other_teams[] =
    "SELECT COUNT(*) FROM team_members m JOIN teams t ON t.id = m.team_id"
    " WHERE m.agent_id = ? AND m.team_id <> ? AND t.active = 1";
static const char sql_is_member[] =
    "SELECT is_lead FROM team_members WHERE team_id = ? AND agent_id = ?";
static const char sql_insert[] =
    "INSERT INTO teams (code, name_zh, name_en, dispatch_mode, active) VALUES (?, ?, ?, 'claim', 1)";
static const char sql_join_by_code[] =
    "INSERT IGNORE INTO team_members (team_id, agent_id, is_lead)"
    " SELECT t.id, a.id, ? FROM teams t, agents a WHERE t.code = ? AND a.login = ?";
static const char sql_rename[] =
    "UPDATE teams SET name_zh = ?, name_en = ?, answers_escalations = ? WHERE id = ?";
static const char sql_set_active[] = "UPDATE teams SET active = ? WHERE id = ?";
static const char sql_add_member[] =
    "INSERT INTO team_members (team_id, agent_id, is_lead) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE is_lead = VALUES(is_lead)";
static const char sql_remove_member[] =
    "DELETE FROM team_members WHERE team_id = ? AND agent_id = ?";

static int fetch_team(MYSQL_STMT *st, team_info_t *t)
{
    long long active = 0, rnd = 0;
    memset(t, 0, sizeof *t);
    int rc = db_fetch(st, "issssiii", &t->id, t->code, sizeof t->code, t->name_zh,
                      sizeof t->name_zh, t->name_en, sizeof t->name_en, t->dispatch_mode,
                      sizeof t->dispatch_mode, &active, &t->members, &rnd);
    t->active = active != 0;
    t->answers_escalations = rnd != 0;
    return rc;
}

int teams_each(desk_t *d, void (*fn)(const team_info_t *t, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_each, "");
    if (!st)
        return -1;
    team_info_t t;
    int n = 0, rc;
    while ((rc = fetch_team(st, &t)) == 1) {
        fn(&t, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int teams_get(desk_t *d, long long id, bool lock, team_info_t *t)
{
    MYSQL_STMT *st = db_query(&d->db, lock ? sql_get_lock : sql_get, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    int rc = fetch_team(st, t);
    db_done(st);
    return db_found(rc);
}

int teams_each_member(desk_t *d, long long id, void (*fn)(const team_member_t *m, void *ctx),
                      void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_members, "i", id);
    if (!st)
        return -1;
    team_member_t m;
    long long active, lead;
    int n = 0, rc;
    while (memset(&m, 0, sizeof m),
           (rc = db_fetch(st, "isssii", &m.agent_id, m.login, sizeof m.login, m.name,
                          sizeof m.name, m.role, sizeof m.role, &active, &lead)) == 1) {
        m.active = active != 0;
        m.lead = lead != 0;
        fn(&m, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int teams_in_use(desk_t *d, long long id, long long *open_tickets, long long *categories)
{
    *open_tickets = *categories = 0;
    if (db_row(&d->db, sql_open_tickets, "i", "i", id, open_tickets) != 1 ||
        db_row(&d->db, sql_categories, "i", "i", id, categories) != 1)
        return -1;
    return 0;
}

long long teams_other_active_of(desk_t *d, long long agent_id, long long except)
{
    long long n = 0;
    return db_row(&d->db, sql_other_teams, "ii", "i", agent_id, except, &n) == 1 ? n : -1;
}

int teams_is_member(desk_t *d, long long id, long long agent_id, bool *lead)
{
    long long l = 0;
    int rc = db_row(&d->db, sql_is_member, "ii", "i", id, agent_id, &l);
    *lead = l != 0;
    return rc;
}

static int done(int rc) { return rc < 0 ? rc : OUTCOME_OK; }

int teams_create(desk_t *d, const char *code, const char *name_zh, const char *name_en,
                 long long *id)
{
    int rc = db_exec(&d->db, sql_insert, "sss", code, name_zh, name_en);
    *id = rc == 1 ? (long long)d->db.last_id : 0;
    return rc == 1 ? OUTCOME_OK : rc < 0 ? rc : OUTCOME_UNAVAILABLE;
}

int teams_rename(desk_t *d, long long id, const char *name_zh, const char *name_en,
                 bool answers_escalations)
{
    return done(db_exec(&d->db, sql_rename, "ssii", name_zh, name_en,
                        (long long)answers_escalations, id));
}

bool teams_may_deactivate(long long open_tickets, long long categories)
{
    return open_tickets == 0 && categories == 0;
}

bool teams_may_leave(const char *role, bool active, long long other_active_teams)
{
    return !active || strcmp(role, "agent") != 0 || other_active_teams > 0;
}

int teams_set_active(desk_t *d, long long id, bool active)
{
    long long open = 0, cats = 0;
    if (!active && teams_in_use(d, id, &open, &cats))
        return OUTCOME_UNAVAILABLE;
    if (!teams_may_deactivate(open, cats))
        return CHANGE_REFUSED;
    return done(db_exec(&d->db, sql_set_active, "ii", (long long)active, id));
}

int teams_add_member(desk_t *d, long long id, long long agent_id, bool lead)
{
    return done(db_exec(&d->db, sql_add_member, "iii", id, agent_id, (long long)lead));
}

int teams_remove_member(desk_t *d, long long id, long long agent_id)
{
    person_t p;
    int rc = people_get(d, agent_id, false, &p);
    if (rc != OUTCOME_OK && rc != OUTCOME_NOT_FOUND)
        return rc;
    long long others = teams_other_active_of(d, agent_id, id);
    if (others < 0)
        return OUTCOME_UNAVAILABLE;
    if (rc == OUTCOME_OK && !teams_may_leave(p.role, p.active, others))
        return CHANGE_REFUSED;
    return done(db_exec(&d->db, sql_remove_member, "ii", id, agent_id));
}

int teams_join_by_code(desk_t *d, const char *code, const char *login, bool lead)
{
    int rc = db_exec(&d->db, sql_join_by_code, "iss", (long long)lead, code, login);
    return rc < 0 ? rc : OUTCOME_OK;
}
