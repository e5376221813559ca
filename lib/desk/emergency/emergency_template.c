/* emergency_template: see emergency_template.h. */
#include "desk/emergency/emergency_template.h"

#include <string.h>

static const char sql_lead[] =
    "SELECT COALESCE(lead_id, 0) FROM emergency_templates WHERE category_id = ?";
static const char sql_members[] =
    "SELECT m.agent_id FROM emergency_template_members m JOIN agents a ON a.id = m.agent_id"
    " WHERE m.category_id = ? AND a.active = 1 ORDER BY a.name, a.id";
static const char sql_person_ok[] = "SELECT COUNT(*) FROM agents WHERE id = ? AND active = 1";
static const char sql_upsert[] =
    "INSERT INTO emergency_templates (category_id, lead_id, updated_at) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE lead_id = VALUES(lead_id), updated_at = VALUES(updated_at)";
static const char sql_clear[] = "DELETE FROM emergency_template_members WHERE category_id = ?";
static const char sql_add[] =
    "INSERT IGNORE INTO emergency_template_members (category_id, agent_id) VALUES (?, ?)";

int emergency_template_get(desk_t *d, long long category_id, emergency_template_t *t)
{
    memset(t, 0, sizeof *t);
    t->category_id = category_id;
    if (db_row(&d->db, sql_lead, "i", "i", category_id, &t->lead_id) < 0)
        return OUTCOME_UNAVAILABLE;
    MYSQL_STMT *st = db_query(&d->db, sql_members, "i", category_id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long who;
    int rc;
    while ((rc = db_fetch(st, "i", &who)) == 1)
        if (who != t->lead_id && t->nmembers < EMERGENCY_MEMBERS_MAX)
            t->members[t->nmembers++] = who;
    db_done(st);
    return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
}

static int person_ok(desk_t *d, long long id, bool *ok)
{
    long long n = 0;
    int rc = db_row(&d->db, sql_person_ok, "i", "i", id, &n);
    *ok = n > 0;
    return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
}

int emergency_template_set(desk_t *d, const emergency_template_t *t, refusal_t *r)
{
    bool ok = true;
    if (t->lead_id && (person_ok(d, t->lead_id, &ok) != OUTCOME_OK))
        return OUTCOME_UNAVAILABLE;
    if (!ok)
        refusal_add(r, "lead", "unknown_person");
    for (int i = 0; i < t->nmembers; i++) {
        if (person_ok(d, t->members[i], &ok) != OUTCOME_OK)
            return OUTCOME_UNAVAILABLE;
        if (!ok) {
            refusal_add(r, "members", "unknown_person");
            break;
        }
    }
    if (r->n)
        return CHANGE_REFUSED;
    if (db_exec(&d->db, sql_upsert, "ijt", t->category_id, t->lead_id, desk_now(d)) < 0 ||
        db_exec(&d->db, sql_clear, "i", t->category_id) < 0)
        return OUTCOME_UNAVAILABLE;
    for (int i = 0; i < t->nmembers; i++)
        if (t->members[i] != t->lead_id &&
            db_exec(&d->db, sql_add, "ii", t->category_id, t->members[i]) < 0)
            return OUTCOME_UNAVAILABLE;
    return OUTCOME_OK;
}
