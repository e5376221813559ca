/* skills: see skills.h. */
#include "desk/people/skills.h"

#include <string.h>

#define SKILL_COLUMNS                                                                         \
    "s.id, s.code, s.name_zh, s.name_en, s.active,"                                           \
    " (SELECT COUNT(*) FROM agent_skills k JOIN agents a ON a.id = k.agent_id"                \
    " WHERE k.skill_id = s.id AND a.active = 1)"

static const char sql_each[] =
    "SELECT " SKILL_COLUMNS " FROM skills s ORDER BY s.active DESC, s.id";
static const char sql_get[] = "SELECT " SKILL_COLUMNS " FROM skills s WHERE s.id = ?";
static const char sql_get_lock[] =
    "SELECT " SKILL_COLUMNS " FROM skills s WHERE s.id = ? FOR UPDATE";
static const char sql_insert[] =
    "INSERT INTO skills (code, name_zh, name_en, active) VALUES (?, ?, ?, 1)";
static const char sql_rename[] = "UPDATE skills SET name_zh = ?, name_en = ? WHERE id = ?";
static const char sql_set_active[] = "UPDATE skills SET active = ? WHERE id = ?";

static int fetch_skill(MYSQL_STMT *st, skill_info_t *s)
{
    long long active = 0;
    memset(s, 0, sizeof *s);
    int rc = db_fetch(st, "isssii", &s->id, s->code, sizeof s->code, s->name_zh,
                      sizeof s->name_zh, s->name_en, sizeof s->name_en, &active, &s->agents);
    s->active = active != 0;
    return rc;
}

int skills_each(desk_t *d, void (*fn)(const skill_info_t *s, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_each, "");
    if (!st)
        return -1;
    skill_info_t s;
    int n = 0, rc;
    while ((rc = fetch_skill(st, &s)) == 1) {
        fn(&s, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int skills_get(desk_t *d, long long id, bool lock, skill_info_t *s)
{
    MYSQL_STMT *st = db_query(&d->db, lock ? sql_get_lock : sql_get, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    int rc = fetch_skill(st, s);
    db_done(st);
    return db_found(rc);
}

static int done(int rc) { return rc < 0 ? rc : OUTCOME_OK; }

int skills_create(desk_t *d, const char *code, const char *name_zh, const char *name_en,
                  long long *id)
{
    int rc = db_exec(&d->db, sql_insert, "sss", code, name_zh, name_en);
    *id = rc == 1 ? (long long)d->db.last_id : 0;
    return rc == 1 ? OUTCOME_OK : rc < 0 ? rc : OUTCOME_UNAVAILABLE;
}

int skills_rename(desk_t *d, long long id, const char *name_zh, const char *name_en)
{
    return done(db_exec(&d->db, sql_rename, "ssi", name_zh, name_en, id));
}

int skills_set_active(desk_t *d, long long id, bool active)
{
    return done(db_exec(&d->db, sql_set_active, "ii", (long long)active, id));
}
