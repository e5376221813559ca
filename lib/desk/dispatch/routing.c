/* routing: see routing.h. */
#include "desk/dispatch/routing.h"

#include <stdlib.h>
#include <string.h>

#define RULE_COLUMNS                                                                          \
    "SELECT r.id, r.category_id, r.team_id, c.code, c.name_zh, c.name_en, t.name_zh,"        \
    " t.name_en, r.active, c.active, t.active, r.updated_at"                                 \
    " FROM routing_rules r JOIN categories c ON c.id = r.category_id"                        \
    " JOIN teams t ON t.id = r.team_id "
static const char sql_rules[] =
    RULE_COLUMNS "ORDER BY r.active DESC, c.active DESC, c.sort_order, c.id";
static const char sql_rule[] = RULE_COLUMNS "WHERE r.id = ?";
static const char sql_rule_lock[] = RULE_COLUMNS "WHERE r.id = ? FOR UPDATE";
static const char sql_skills_of[] =
    "SELECT s.id, s.name_zh, s.name_en FROM routing_rule_skills r JOIN skills s"
    " ON s.id = r.skill_id WHERE r.rule_id = ? ORDER BY s.id";
static const char sql_insert_rule[] =
    "INSERT INTO routing_rules (category_id, team_id, active, created_at, updated_at)"
    " VALUES (?, ?, 1, ?, ?)";
static const char sql_update_rule[] =
    "UPDATE routing_rules SET team_id = ?, updated_at = ? WHERE id = ?";
static const char sql_rule_active[] =
    "UPDATE routing_rules SET active = ?, updated_at = ? WHERE id = ?";
static const char sql_clear_skills[] = "DELETE FROM routing_rule_skills WHERE rule_id = ?";
static const char sql_add_skill[] =
    "INSERT INTO routing_rule_skills (rule_id, skill_id) VALUES (?, ?)";

/* members and load per team: team_members (team_id, agent_id) then one
 * owner index range per member */
#define TEAM_COLUMNS                                                                          \
    "SELECT t.id, t.code, t.name_zh, t.name_en, t.dispatch_mode,"                            \
    " COALESCE(t.accept_minutes, 0), COALESCE(t.max_open_per_agent, 0), t.active,"          \
    " (SELECT COUNT(*) FROM team_members m JOIN agents a ON a.id = m.agent_id"               \
    "   WHERE m.team_id = t.id AND a.active = 1),"                                           \
    " (SELECT COUNT(*) FROM team_members m JOIN agents a ON a.id = m.agent_id"               \
    "   WHERE m.team_id = t.id AND a.active = 1 AND a.available = 1),"                       \
    " (SELECT COUNT(*) FROM tickets k WHERE k.team_id = t.id AND k.is_open = 1)"             \
    " FROM teams t "
static const char sql_teams[] = TEAM_COLUMNS "ORDER BY t.active DESC, t.id";
static const char sql_team[] = TEAM_COLUMNS "WHERE t.id = ?";
static const char sql_team_lock[] = TEAM_COLUMNS "WHERE t.id = ? FOR UPDATE";
static const char sql_update_team[] =
    "UPDATE teams SET dispatch_mode = ?, accept_minutes = NULLIF(?, 0),"
    " max_open_per_agent = NULLIF(?, 0) WHERE id = ?";
static const char sql_members[] =
    "SELECT a.id, a.name, a.login, a.available,"
    " (SELECT COUNT(*) FROM tickets k WHERE k.owner_id = a.id AND k.is_open = 1)"
    " FROM team_members m JOIN agents a ON a.id = m.agent_id"
    " WHERE m.team_id = ? AND a.active = 1 ORDER BY a.name, a.id";
static const char sql_member_skills[] =
    "SELECT k.skill_id FROM agent_skills k JOIN skills s ON s.id = k.skill_id"
    " WHERE k.agent_id = ? AND s.active = 1 ORDER BY k.skill_id";
static const char sql_agent_lock[] =
    "SELECT name, available FROM agents WHERE id = ? AND active = 1 FOR UPDATE";

/* ---- rules ----------------------------------------------------------------- */

static int fetch_rule(MYSQL_STMT *st, routing_rule_t *r)
{
    long long active = 0, cat_active = 0, team_active = 0;
    memset(r, 0, sizeof *r);
    int rc = db_fetch(st, "iiisssssiiit", &r->id, &r->category_id, &r->team_id,
                      r->category_code, sizeof r->category_code, r->category_name[LANG_ZH],
                      sizeof r->category_name[0], r->category_name[LANG_EN],
                      sizeof r->category_name[0], r->team_name[LANG_ZH], sizeof r->team_name[0],
                      r->team_name[LANG_EN], sizeof r->team_name[0], &active, &cat_active,
                      &team_active, &r->updated_at);
    r->active = active != 0;
    r->category_active = cat_active != 0;
    r->team_active = team_active != 0;
    return rc;
}

static int load_skills(desk_t *d, routing_rule_t *r)
{
    MYSQL_STMT *st = db_query(&d->db, sql_skills_of, "i", r->id);
    if (!st)
        return -1;
    long long id;
    char zh[241], en[241];
    int rc;
    while ((rc = db_fetch(st, "iss", &id, zh, sizeof zh, en, sizeof en)) == 1)
        if (r->nskills < DISPATCH_MAX_SKILLS) {
            r->skills[r->nskills] = id;
            memcpy(r->skill_name[r->nskills][LANG_ZH], zh, sizeof zh);
            memcpy(r->skill_name[r->nskills][LANG_EN], en, sizeof en);
            r->nskills++;
        }
    db_done(st);
    return rc < 0 ? -1 : 0;
}

int routing_each_rule(desk_t *d, void (*fn)(const routing_rule_t *r, void *ctx), void *ctx)
{
    /* a handful of rules (one per category): read them all, then their skills */
    MYSQL_STMT *st = db_query(&d->db, sql_rules, "");
    if (!st)
        return -1;
    routing_rule_t *all = NULL;
    int n = 0, rc;
    routing_rule_t r;
    while ((rc = fetch_rule(st, &r)) == 1) {
        routing_rule_t *more = realloc(all, (size_t)(n + 1) * sizeof *all);
        if (!more) {
            rc = -1;
            break;
        }
        all = more;
        all[n++] = r;
    }
    db_done(st);
    for (int i = 0; rc == 0 && i < n; i++)
        rc = load_skills(d, &all[i]);
    for (int i = 0; rc == 0 && i < n; i++)
        fn(&all[i], ctx);
    free(all);
    return rc < 0 ? -1 : n;
}

int routing_get_rule(desk_t *d, long long id, bool lock, routing_rule_t *r)
{
    MYSQL_STMT *st = db_query(&d->db, lock ? sql_rule_lock : sql_rule, "i", id);
    if (!st)
        return -1;
    int rc = fetch_rule(st, r);
    db_done(st);
    if (rc == 1 && load_skills(d, r))
        return -1;
    return db_found(rc);
}

static int set_skills(desk_t *d, long long rule, const long long *skills, int n)
{
    if (db_exec(&d->db, sql_clear_skills, "i", rule) < 0)
        return OUTCOME_UNAVAILABLE;
    for (int i = 0; i < n; i++) {
        int rc = db_exec(&d->db, sql_add_skill, "ii", rule, skills[i]);
        if (rc < 0)
            return rc;
    }
    return OUTCOME_OK;
}

int routing_create_rule(desk_t *d, long long category_id, long long team_id,
                        const long long *skills, int nskills, time_t now, long long *id)
{
    int rc = db_exec(&d->db, sql_insert_rule, "iitt", category_id, team_id, now, now);
    if (rc < 0)
        return rc;
    *id = (long long)d->db.last_id;
    return set_skills(d, *id, skills, nskills);
}

int routing_update_rule(desk_t *d, long long id, long long team_id, const long long *skills,
                        int nskills, time_t now)
{
    int rc = db_exec(&d->db, sql_update_rule, "iti", team_id, now, id);
    return rc < 0 ? rc : set_skills(d, id, skills, nskills);
}

int routing_set_rule_active(desk_t *d, long long id, bool active, time_t now)
{
    int rc = db_exec(&d->db, sql_rule_active, "iti", (long long)active, now, id);
    return rc < 0 ? rc : OUTCOME_OK;
}

/* ---- teams ------------------------------------------------------------------ */

static int fetch_team(MYSQL_STMT *st, routing_team_t *t)
{
    char mode[16] = "";
    long long active = 0;
    memset(t, 0, sizeof *t);
    int rc = db_fetch(st, "issssiiiiii", &t->id, t->code, sizeof t->code, t->name[LANG_ZH],
                      sizeof t->name[0], t->name[LANG_EN], sizeof t->name[0], mode, sizeof mode,
                      &t->accept_minutes, &t->max_open, &active, &t->members, &t->available,
                      &t->open);
    int m = dispatch_mode_parse(mode);
    t->mode = m < 0 ? DISPATCH_CLAIM : (dispatch_mode_t)m;
    t->active = active != 0;
    return rc;
}

int routing_each_team(desk_t *d, void (*fn)(const routing_team_t *t, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_teams, "");
    if (!st)
        return -1;
    routing_team_t t;
    int n = 0, rc;
    while ((rc = fetch_team(st, &t)) == 1) {
        fn(&t, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int routing_get_team(desk_t *d, long long id, bool lock, routing_team_t *t)
{
    MYSQL_STMT *st = db_query(&d->db, lock ? sql_team_lock : sql_team, "i", id);
    if (!st)
        return -1;
    int rc = fetch_team(st, t);
    db_done(st);
    return db_found(rc);
}

int routing_update_team(desk_t *d, long long id, dispatch_mode_t mode, long long accept_minutes,
                        long long max_open)
{
    int rc = db_exec(&d->db, sql_update_team, "siii", dispatch_mode_code(mode), accept_minutes,
                     max_open, id);
    return rc < 0 ? rc : OUTCOME_OK;
}

int routing_each_member(desk_t *d, long long team_id,
                        void (*fn)(const routing_member_t *m, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_members, "i", team_id);
    if (!st)
        return -1;
    routing_member_t *all = NULL;
    routing_member_t m;
    long long available;
    int n = 0, rc;
    memset(&m, 0, sizeof m);
    while ((rc = db_fetch(st, "issii", &m.agent_id, m.name, sizeof m.name, m.login,
                          sizeof m.login, &available, &m.open)) == 1) {
        routing_member_t *more = realloc(all, (size_t)(n + 1) * sizeof *all);
        if (!more) {
            rc = -1;
            break;
        }
        all = more;
        m.available = available != 0;
        all[n++] = m;
    }
    db_done(st);
    for (int i = 0; rc == 0 && i < n; i++) {
        MYSQL_STMT *s = db_query(&d->db, sql_member_skills, "i", all[i].agent_id);
        long long skill;
        if (!s) {
            rc = -1;
            break;
        }
        while ((rc = db_fetch(s, "i", &skill)) == 1)
            if (all[i].nskills < DISPATCH_MAX_SKILLS)
                all[i].skills[all[i].nskills++] = skill;
        db_done(s);
    }
    for (int i = 0; rc == 0 && i < n; i++)
        fn(&all[i], ctx);
    free(all);
    return rc < 0 ? -1 : n;
}

int routing_lock_agent(desk_t *d, long long agent_id, char *name, size_t cap, bool *available)
{
    long long a = 0;
    int rc = db_row(&d->db, sql_agent_lock, "i", "si", agent_id, name, cap, &a);
    *available = a != 0;
    return db_found(rc);
}
