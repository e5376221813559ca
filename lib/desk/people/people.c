/* people: see people.h. */
#include "desk/people/people.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "desk/people/auth.h"

#define PERSON_COLUMNS                                                                        \
    "a.id, a.login, a.name, COALESCE(a.email, ''), a.role, a.language, a.can_see_contacts,"   \
    " a.is_product_manager, a.active, a.created_at,"                                                                  \
    " COALESCE((SELECT GROUP_CONCAT(m.team_id ORDER BY m.team_id) FROM team_members m"        \
    " WHERE m.agent_id = a.id), ''),"                                                          \
    " COALESCE((SELECT GROUP_CONCAT(s.skill_id ORDER BY s.skill_id) FROM agent_skills s"      \
    " WHERE s.agent_id = a.id), '')"

static const char sql_each[] =
    "SELECT " PERSON_COLUMNS " FROM agents a WHERE a.id > ? ORDER BY a.id LIMIT ?";
static const char sql_get[] = "SELECT " PERSON_COLUMNS " FROM agents a WHERE a.id = ?";
static const char sql_get_lock[] =
    "SELECT " PERSON_COLUMNS " FROM agents a WHERE a.id = ? FOR UPDATE";
static const char sql_calendar[] = "SELECT COALESCE(calendar_id, 0) FROM agents WHERE id = ?";
static const char sql_by_login[] = "SELECT id FROM agents WHERE login = ?";
static const char sql_by_login_active[] = "SELECT id FROM agents WHERE login = ? AND active = 1";
static const char sql_active_by_name[] =
    "SELECT id, name, role FROM agents WHERE active = 1 ORDER BY name LIMIT 500";
static const char sql_admins[] =
    "SELECT id, name FROM agents WHERE role = 'admin' ORDER BY name";
static const char sql_open_tickets[] =
    "SELECT COUNT(*) FROM tickets WHERE owner_id = ? AND is_open = 1";
static const char sql_insert[] =
    "INSERT INTO agents (login, name, email, role, password_hash, language, can_see_contacts,"
    " is_product_manager, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)";
static const char sql_ensure[] =
    "INSERT INTO agents (login, name, email, role, password_hash, can_see_contacts,"
    " is_product_manager, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())"
    " ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), active = 1";
static const char sql_update[] =
    "UPDATE agents SET name = ?, email = ?, role = ?, language = ?, can_see_contacts = ?,"
    " is_product_manager = ? WHERE id = ?";
static const char sql_join_team[] =
    "INSERT IGNORE INTO team_members (team_id, agent_id, is_lead) VALUES (?, ?, 0)";
static const char sql_leave_team[] = "DELETE FROM team_members WHERE team_id = ? AND agent_id = ?";
static const char sql_add_skill[] =
    "INSERT IGNORE INTO agent_skills (agent_id, skill_id) VALUES (?, ?)";
static const char sql_drop_skill[] = "DELETE FROM agent_skills WHERE agent_id = ? AND skill_id = ?";
static const char sql_set_active[] = "UPDATE agents SET active = ? WHERE id = ?";
static const char sql_set_password[] =
    "UPDATE agents SET password_hash = ? WHERE id = ?";
static const char sql_end_sessions[] =
    "UPDATE sessions SET ended_at = ? WHERE agent_id = ? AND ended_at IS NULL";

/* ---- rules ------------------------------------------------------------------ */

const char *const people_roles[] = {"agent", "supervisor", "director", "admin", NULL};

const char *people_login_problem(char *login)
{
    text_trim(login);
    size_t n = strlen(login);
    if (!n)
        return "required";
    if (n > 64)
        return "too_long";
    for (char *p = login; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    if (n < 2 || strspn(login, "abcdefghijklmnopqrstuvwxyz0123456789._-@") != n ||
        !strchr("abcdefghijklmnopqrstuvwxyz0123456789", login[0]))
        return "login_chars";
    return NULL;
}

const char *people_password_problem(const char *password, const char *login)
{
    size_t bytes = strlen(password);
    if (!text_is_clean_utf8(password, bytes))
        return "encoding";
    size_t chars = text_chars(password);
    if (chars < PEOPLE_PASSWORD_MIN)
        return "password_short";
    if (chars > PEOPLE_PASSWORD_MAX)
        return "password_long";
    if (login && strcasecmp(password, login) == 0)
        return "password_login";
    return NULL;
}

void people_password_generate(char out[PEOPLE_GENERATED_LEN + 1])
{
    static const char symbols[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    int o = 0;
    for (int i = 0; i < 16; i++) {
        if (i && i % 4 == 0)
            out[o++] = '-';
        out[o++] = symbols[randombytes_uniform(sizeof symbols - 1)];
    }
    out[o] = '\0';
}

const char *people_code_problem(const char *code)
{
    size_t n = strlen(code);
    if (!n)
        return "required";
    if (n > 40)
        return "too_long";
    if (n < 2 || strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789_-") != n ||
        !strchr("abcdefghijklmnopqrstuvwxyz", code[0]))
        return "code_chars";
    return NULL;
}

/* How many ids a comma-separated list holds. */
static int count_ids(const char *ids)
{
    if (!*ids)
        return 0;
    int n = 1;
    for (const char *p = ids; *p; p++)
        n += *p == ',';
    return n;
}

const char *people_teams_problem(const char *role, const char *teams)
{
    if (strcmp(role, "agent") == 0 && !teams[0])
        return "team_needed";
    return count_ids(teams) > AUTH_MAX_TEAMS ? "too_many" : NULL;
}

const char *people_skills_problem(const char *skills)
{
    return count_ids(skills) > PEOPLE_MAX_SKILLS ? "too_many" : NULL;
}

bool people_ids_have(const char *ids, long long id)
{
    for (const char *p = ids; p && *p;) {
        char *end;
        long long v = strtoll(p, &end, 10);
        if (end == p)
            return false;
        if (v == id)
            return true;
        p = *end == ',' ? end + 1 : end;
    }
    return false;
}

/* ---- reading ------------------------------------------------------------------ */

static int fetch_person(MYSQL_STMT *st, person_t *p)
{
    long long contacts = 0, pm = 0, active = 0;
    memset(p, 0, sizeof *p);
    int rc = db_fetch(st, "isssssiiitss", &p->id, p->login, sizeof p->login, p->name,
                      sizeof p->name, p->email, sizeof p->email, p->role, sizeof p->role,
                      p->language, sizeof p->language, &contacts, &pm, &active, &p->created_at,
                      p->teams, sizeof p->teams, p->skills, sizeof p->skills);
    p->can_see_contacts = contacts != 0;
    p->is_product_manager = pm != 0;
    p->active = active != 0;
    return rc;
}

int people_each(desk_t *d, long long after, int limit, void (*fn)(const person_t *p, void *ctx),
                void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_each, "ii", after, (long long)limit);
    if (!st)
        return -1;
    person_t p;
    int n = 0, rc;
    while ((rc = fetch_person(st, &p)) == 1) {
        fn(&p, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int people_calendar(desk_t *d, long long id, long long *calendar_id)
{
    *calendar_id = 0;
    return db_row(&d->db, sql_calendar, "i", "i", id, calendar_id);
}

int people_get(desk_t *d, long long id, bool lock, person_t *p)
{
    MYSQL_STMT *st = db_query(&d->db, lock ? sql_get_lock : sql_get, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    int rc = fetch_person(st, p);
    db_done(st);
    return db_found(rc);
}

int people_by_login(desk_t *d, const char *login, bool active_only, long long *id)
{
    *id = 0;
    return db_row(&d->db, active_only ? sql_by_login_active : sql_by_login, "s", "i", login, id);
}

int people_each_active(desk_t *d,
                       void (*fn)(long long id, const char *name, const char *role, void *ctx),
                       void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_active_by_name, "");
    if (!st)
        return -1;
    long long id;
    char name[401], role[12]; /* VARCHAR(100) in utf8mb4 */
    int n = 0, rc;
    while ((rc = db_fetch(st, "iss", &id, name, sizeof name, role, sizeof role)) == 1) {
        fn(id, name, role, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int people_each_admin(desk_t *d, void (*fn)(long long id, const char *name, void *ctx),
                      void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_admins, "");
    if (!st)
        return -1;
    long long id;
    char name[401];
    int n = 0, rc;
    while ((rc = db_fetch(st, "is", &id, name, sizeof name)) == 1) {
        fn(id, name, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

long long people_open_tickets(desk_t *d, long long id)
{
    long long n = 0;
    return db_row(&d->db, sql_open_tickets, "i", "i", id, &n) == 1 ? n : -1;
}

/* ---- changes ------------------------------------------------------------------ */

static int affected(int rc) { return rc < 0 ? rc : OUTCOME_OK; }

int people_create(desk_t *d, const person_t *p, const char *password_hash, long long *id)
{
    int rc = db_exec(&d->db, sql_insert, "ssssssiit", p->login, p->name,
                     p->email[0] ? p->email : NULL, p->role, password_hash, p->language,
                     (long long)p->can_see_contacts, (long long)p->is_product_manager,
                     desk_now(d));
    *id = rc == 1 ? (long long)d->db.last_id : 0;
    return rc == 1 ? OUTCOME_OK : rc < 0 ? rc : OUTCOME_UNAVAILABLE;
}

int people_ensure(desk_t *d, const person_t *p, const char *password_hash)
{
    int rc = db_exec(&d->db, sql_ensure, "sssssii", p->login, p->name, p->email, p->role,
                     password_hash, (long long)p->can_see_contacts,
                     (long long)p->is_product_manager);
    return rc < 0 ? rc : OUTCOME_OK;
}

int people_update(desk_t *d, const person_t *p)
{
    return affected(db_exec(&d->db, sql_update, "ssssiii", p->name,
                            p->email[0] ? p->email : NULL, p->role, p->language,
                            (long long)p->can_see_contacts, (long long)p->is_product_manager,
                            p->id));
}

/* For each id of among: joins when in want, leaves when not. */
static int sync_ids(desk_t *d, long long id, const char *want, const char *among, bool teams)
{
    for (const char *p = among; p && *p;) {
        char *end;
        long long v = strtoll(p, &end, 10);
        if (end == p)
            break;
        bool in = people_ids_have(want, v);
        int rc = teams ? db_exec(&d->db, in ? sql_join_team : sql_leave_team, "ii", v, id)
                       : db_exec(&d->db, in ? sql_add_skill : sql_drop_skill, "ii", id, v);
        if (rc < 0)
            return rc;
        p = *end == ',' ? end + 1 : end;
    }
    return OUTCOME_OK;
}

int people_set_teams(desk_t *d, long long id, const char *want, const char *among)
{
    return sync_ids(d, id, want, among, true);
}

int people_set_skills(desk_t *d, long long id, const char *want, const char *among)
{
    return sync_ids(d, id, want, among, false);
}

int people_end_sessions(desk_t *d, long long id)
{
    return affected(db_exec(&d->db, sql_end_sessions, "ti", desk_now(d), id));
}

int people_set_active(desk_t *d, long long id, bool active)
{
    int rc = affected(db_exec(&d->db, sql_set_active, "ii", (long long)active, id));
    return rc == OUTCOME_OK && !active ? people_end_sessions(d, id) : rc;
}

int people_set_password(desk_t *d, long long id, const char *password_hash)
{
    int rc = affected(db_exec(&d->db, sql_set_password, "si", password_hash, id));
    return rc == OUTCOME_OK ? people_end_sessions(d, id) : rc;
}
