/* policies: see policies.h. */
#include "desk/sla/policies.h"

#include <stdio.h>
#include <string.h>

#include "desk/audit.h"
#include "desk/customer/tags.h"
#include "desk/sla/calendars.h"
#include "desk/sla/slapolicy.h"
#include "desk/sla/targets.h"

#define POLICY_COLS                                                                            \
    "SELECT p.id, p.priority_id, COALESCE(p.category_id, 0), COALESCE(p.tag_id, 0), p.active," \
    " COALESCE(c.name_zh, ''), COALESCE(c.name_en, ''), COALESCE(g.name_zh, ''),"              \
    " COALESCE(g.name_en, ''), COALESCE(c.code, ''), COALESCE(g.code, ''),"                    \
    " COALESCE(p.calendar_id, 0), COALESCE(p.classify, 0), p.classify_unit,"                  \
    " COALESCE(p.first_response, 0), p.first_response_unit, COALESCE(p.resolution, 0),"        \
    " p.resolution_unit, COALESCE(p.update_interval, 0), p.update_interval_unit,"              \
    " COALESCE(p.warning_percent, 0)"                                                          \
    " FROM sla_policies p LEFT JOIN categories c ON c.id = p.category_id"                      \
    " LEFT JOIN tags g ON g.id = p.tag_id"
static const char sql_policies_of[] =
    POLICY_COLS " WHERE p.priority_id = ? ORDER BY p.active DESC, p.id LIMIT 500";
static const char sql_get[] = POLICY_COLS " WHERE p.id = ?";
static const char sql_lock[] = "SELECT id FROM sla_policies WHERE id = ? FOR UPDATE";
static const char sql_counts[] =
    "SELECT priority_id, COUNT(*) FROM sla_policies WHERE active = 1 GROUP BY priority_id";
static const char sql_dup[] =
    "SELECT active FROM sla_policies WHERE priority_id = ? AND category_key = ? AND tag_key = ?"
    " AND id <> ?";
static const char sql_insert[] =
    "INSERT INTO sla_policies (priority_id, category_id, tag_id, calendar_id, classify,"
    " classify_unit, first_response, first_response_unit, resolution, resolution_unit,"
    " update_interval, update_interval_unit, warning_percent)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_update[] =
    "UPDATE sla_policies SET category_id = ?, tag_id = ?, calendar_id = ?, classify = ?,"
    " classify_unit = ?, first_response = ?, first_response_unit = ?, resolution = ?,"
    " resolution_unit = ?, update_interval = ?, update_interval_unit = ?, warning_percent = ?"
    " WHERE id = ?";
static const char sql_active[] = "UPDATE sla_policies SET active = ? WHERE id = ?";

/* One row: p, with its active flag in *active and its units in *u. */
#define POLICY_FMT "iiiiissssssi" SLA_TARGETS_FMT "i"
#define POLICY_FETCH(p, active, u)                                                             \
    &(p)->id, &(p)->priority_id, &(p)->scope.category, &(p)->scope.tag, (active), (p)->cat_zh, \
        sizeof (p)->cat_zh, (p)->cat_en, sizeof (p)->cat_en, (p)->tag_zh, sizeof (p)->tag_zh,  \
        (p)->tag_en, sizeof (p)->tag_en, (p)->scope.cat_code, sizeof (p)->scope.cat_code,      \
        (p)->scope.tag_code, sizeof (p)->scope.tag_code, &(p)->t.calendar,                     \
        SLA_TARGETS_FETCH((p)->t, u), &(p)->t.warning

/* ---- reading ---------------------------------------------------------------------- */

int sla_policies_of(desk_t *d, long long priority_id,
                    void (*fn)(const sla_policy_def_t *p, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_policies_of, "i", priority_id);
    if (!st)
        return -1;
    sla_policy_def_t p;
    sla_units_t u;
    long long active;
    int n = 0, rc;
    while (memset(&p, 0, sizeof p),
           (rc = db_fetch(st, POLICY_FMT, POLICY_FETCH(&p, &active, u))) == 1) {
        p.active = active != 0;
        sla_targets_units(&p.t, &u);
        fn(&p, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int sla_policy_get(desk_t *d, long long id, bool lock, sla_policy_def_t *p)
{
    sla_units_t u = {0};
    long long active = 0;
    memset(p, 0, sizeof *p);
    int rc = lock ? db_row(&d->db, sql_lock, "i", "i", id, &active) : 1;
    if (rc != 1)
        return db_found(rc);
    rc = db_row(&d->db, sql_get, "i", POLICY_FMT, id, POLICY_FETCH(p, &active, u));
    p->active = active != 0;
    sla_targets_units(&p->t, &u);
    return db_found(rc);
}

int sla_policies_active_counts(desk_t *d, void (*fn)(long long priority_id, long long n, void *ctx),
                               void *ctx)
{
    long long id, n;
    MYSQL_STMT *st = db_query(&d->db, sql_counts, "");
    if (!st)
        return -1;
    while (db_fetch(st, "ii", &id, &n) == 1)
        fn(id, n, ctx);
    db_done(st);
    return 0;
}

typedef struct order_check {
    const catalog_t *catalog;
    const sla_targets_t *level;
    bool bad;
} order_check_t;

static void check_order(const sla_policy_def_t *p, void *ctx)
{
    order_check_t *o = ctx;
    sla_targets_t eff;
    if (o->bad || !p->active)
        return;
    slapolicy_lay_targets(o->level, &p->t, &eff);
    o->bad = !slapolicy_targets_ordered(o->catalog, &eff);
}

int sla_policies_out_of_order(desk_t *d, long long priority_id, const sla_targets_t *level)
{
    order_check_t o = {&d->catalog, level, false};
    if (sla_policies_of(d, priority_id, check_order, &o) < 0 && !o.bad)
        return -1;
    return o.bad;
}

/* ---- changes ---------------------------------------------------------------------- */

int sla_policy_scope(desk_t *d, long long category, long long tag, sla_scope_t *s,
                     refusal_t *why)
{
    int n = why->n;
    memset(s, 0, sizeof *s);
    s->category = category;
    s->tag = tag;
    const category_t *k = category > 0 ? catalog_category_by_id(&d->catalog, category) : NULL;
    if (category < 0 || (category > 0 && !k))
        refusal_add(why, "category", "invalid_choice");
    else if (k)
        snprintf(s->cat_code, sizeof s->cat_code, "%s", k->code);
    tag_t g = {0};
    if (tag < 0 || (tag > 0 && tags_get(d, tag, false, &g) != OUTCOME_OK))
        refusal_add(why, "tag", "invalid_choice");
    else if (tag > 0)
        snprintf(s->tag_code, sizeof s->tag_code, "%s", g.code);
    if (why->n == n && !category && !tag)
        refusal_add(why, "category", "policy_scope");
    return why->n - n;
}

/* The override's own checks: CHANGE_REFUSED, OUTCOME_OK or an outcome. */
static int check(desk_t *d, long long priority_id, const sla_targets_t *level, long long policy_id,
                 const sla_scope_t *s, const sla_targets_t *t, refusal_t *why)
{
    long long active = 0;
    int rc = db_row(&d->db, sql_dup, "iiii", "i", priority_id, s->category, s->tag, policy_id,
                    &active);
    if (rc < 0)
        return rc;
    if (rc == 1)
        refusal_add(why, "category", active ? "policy_exists" : "policy_exists_off");
    else if (!sla_targets_any(t))
        refusal_add(why, "_form", "policy_empty");
    else if (t->calendar && !calendar_usable(d, t->calendar))
        refusal_add(why, "calendar", "calendar_inactive");
    else {
        sla_targets_t eff;
        slapolicy_lay_targets(level, t, &eff);
        if (!slapolicy_targets_ordered(&d->catalog, &eff))
            refusal_add(why, t->resolution.amount ? "resolution" : "first_response",
                        "resolution_before_first");
    }
    return why->n ? CHANGE_REFUSED : OUTCOME_OK;
}

static void audit_scope(json_t *c, const sla_scope_t *o, const sla_scope_t *n)
{
    audit_str(c, "category", o->cat_code[0] ? o->cat_code : NULL,
              n->cat_code[0] ? n->cat_code : NULL);
    audit_str(c, "tag", o->tag_code[0] ? o->tag_code : NULL, n->tag_code[0] ? n->tag_code : NULL);
}

int sla_policy_save(desk_t *d, long long priority_id, const sla_targets_t *level,
                    const sla_policy_def_t *old, const sla_scope_t *s, const sla_targets_t *t,
                    long long *id, json_t *changes, refusal_t *why)
{
    static const sla_scope_t no_scope;
    static const sla_targets_t no_targets;
    int rc = check(d, priority_id, level, old ? old->id : 0, s, t, why);
    if (rc != OUTCOME_OK)
        return rc;
    audit_scope(changes, old ? &old->scope : &no_scope, s);
    sla_targets_audit(changes, old ? &old->t : &no_targets, t);
    if (old && !audit_any(changes)) {
        *id = old->id;
        return CHANGE_UNCHANGED;
    }
    rc = old ? db_exec(&d->db, sql_update, "jjj" SLA_TARGETS_BIND "ji", s->category, s->tag,
                       t->calendar, SLA_TARGETS_ARGS(*t), t->warning, old->id)
             : db_exec(&d->db, sql_insert, "ijjj" SLA_TARGETS_BIND "j", priority_id, s->category,
                       s->tag, t->calendar, SLA_TARGETS_ARGS(*t), t->warning);
    *id = old ? old->id : (long long)d->db.last_id;
    if (rc == OUTCOME_DUPLICATE) { /* created at the same moment by someone else */
        refusal_add(why, "category", "policy_exists");
        return CHANGE_REFUSED;
    }
    return rc < 0 ? rc : OUTCOME_OK;
}

int sla_policy_set_active(desk_t *d, const sla_policy_def_t *p, bool active, json_t *changes,
                          refusal_t *why)
{
    if (p->active == active)
        return CHANGE_UNCHANGED;
    if (active && p->t.calendar && !calendar_usable(d, p->t.calendar)) {
        refusal_add(why, "_form", "calendar_inactive");
        return CHANGE_REFUSED;
    }
    audit_bool(changes, "active", p->active, active);
    int rc = db_exec(&d->db, sql_active, "ii", (long long)active, p->id);
    return rc < 0 ? rc : OUTCOME_OK;
}
