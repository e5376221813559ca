/* priorities: see priorities.h. */
#include "desk/sla/priorities.h"

#include <string.h>

#include "desk/audit.h"
#include "desk/sla/calendars.h"
#include "desk/sla/policies.h"
#include "desk/sla/slapolicy.h"
#include "desk/sla/targets.h"

const char *const priority_colors[] = {"red", "orange", "blue", "grey", NULL};

#define PRIO_COLS                                                                             \
    "SELECT id, code, name_zh, name_en, color, rank_order, is_default, active, calendar_id,"  \
    " COALESCE(classify, 0), classify_unit, COALESCE(first_response, 0), first_response_unit," \
    " COALESCE(resolution, 0), resolution_unit, COALESCE(update_interval, 0),"                \
    " update_interval_unit, warning_percent FROM priorities"
static const char sql_list[] = PRIO_COLS " ORDER BY active DESC, rank_order, id LIMIT 200";
static const char sql_get[] = PRIO_COLS " WHERE id = ?";
static const char sql_lock[] = PRIO_COLS " WHERE id = ? FOR UPDATE";
static const char sql_rank_taken[] =
    "SELECT COUNT(*) FROM priorities WHERE rank_order = ? AND active = 1 AND id <> ?";
static const char sql_code_taken[] = "SELECT COUNT(*) FROM priorities WHERE code = ?";
static const char sql_insert[] =
    "INSERT INTO priorities (code, name_zh, name_en, rank_order, color, calendar_id, classify,"
    " classify_unit, first_response, first_response_unit, resolution, resolution_unit,"
    " update_interval, update_interval_unit, warning_percent)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_update[] =
    "UPDATE priorities SET name_zh = ?, name_en = ?, rank_order = ?, color = ?, calendar_id = ?,"
    " classify = ?, classify_unit = ?, first_response = ?, first_response_unit = ?,"
    " resolution = ?, resolution_unit = ?, update_interval = ?, update_interval_unit = ?,"
    " warning_percent = ? WHERE id = ?";
static const char sql_active[] = "UPDATE priorities SET active = ? WHERE id = ?";
static const char sql_default_of[] =
    "SELECT COUNT(*) FROM categories WHERE default_priority_id = ? AND active = 1";
static const char sql_open[] = "SELECT COUNT(*) FROM tickets WHERE priority_id = ? AND is_open = 1";

/* One row: p, with its flags in f[2] (is_default, active) and its units in u. */
#define PRIO_FMT "issssiiii" SLA_TARGETS_FMT "i"
#define PRIO_FETCH(p, f, u)                                                                   \
    &(p)->id, (p)->code, sizeof (p)->code, (p)->name_zh, sizeof (p)->name_zh, (p)->name_en,   \
        sizeof (p)->name_en, (p)->color, sizeof (p)->color, &(p)->rank, &(f)[0], &(f)[1],     \
        &(p)->t.calendar, SLA_TARGETS_FETCH((p)->t, u), &(p)->t.warning

static void finish_row(priority_def_t *p, const long long f[2], const sla_units_t *u)
{
    p->is_default = f[0] != 0;
    p->active = f[1] != 0;
    sla_targets_units(&p->t, u);
}

/* ---- reading ---------------------------------------------------------------------- */

int priorities_each(desk_t *d, void (*fn)(const priority_def_t *p, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_list, "");
    if (!st)
        return -1;
    priority_def_t p;
    sla_units_t u;
    long long f[2];
    int n = 0, rc;
    while (memset(&p, 0, sizeof p), (rc = db_fetch(st, PRIO_FMT, PRIO_FETCH(&p, f, u))) == 1) {
        finish_row(&p, f, &u);
        fn(&p, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int priority_get(desk_t *d, long long id, bool lock, priority_def_t *p)
{
    sla_units_t u = {0};
    long long f[2] = {0, 0};
    memset(p, 0, sizeof *p);
    int rc = db_row(&d->db, lock ? sql_lock : sql_get, "i", PRIO_FMT, id, PRIO_FETCH(p, f, u));
    finish_row(p, f, &u);
    return db_found(rc);
}

bool priority_targets_ordered(const desk_t *d, const sla_targets_t *t)
{
    return slapolicy_targets_ordered(&d->catalog, t);
}

/* ---- changes ---------------------------------------------------------------------- */

/* Whether another active level than except has the rank. */
static bool rank_taken(desk_t *d, long long rank, long long except)
{
    long long n = 0;
    return db_row(&d->db, sql_rank_taken, "ii", "i", rank, except, &n) == 1 && n;
}

static void audit_level(json_t *c, const priority_def_t *o, const priority_def_t *n)
{
    audit_str(c, "name_zh", o->name_zh, n->name_zh);
    audit_str(c, "name_en", o->name_en, n->name_en);
    audit_int(c, "rank", o->rank, n->rank);
    audit_str(c, "color", o->color, n->color);
    sla_targets_audit(c, &o->t, &n->t);
}

int priority_create(desk_t *d, const priority_def_t *in, long long *id, json_t *changes,
                    refusal_t *why)
{
    long long n = 0;
    if (!priority_targets_ordered(d, &in->t))
        refusal_add(why, "resolution", "resolution_before_first");
    if (db_row(&d->db, sql_code_taken, "s", "i", in->code, &n) == 1 && n)
        refusal_add(why, "code", "taken");
    if (rank_taken(d, in->rank, 0))
        refusal_add(why, "rank", "rank_taken");
    if (!calendar_usable(d, in->t.calendar))
        refusal_add(why, "calendar", "calendar_inactive");
    if (why->n)
        return CHANGE_REFUSED;
    int rc = db_exec(&d->db, sql_insert, "sssisi" SLA_TARGETS_BIND "i", in->code, in->name_zh,
                     in->name_en, in->rank, in->color, in->t.calendar, SLA_TARGETS_ARGS(in->t),
                     in->t.warning);
    if (rc == OUTCOME_DUPLICATE) { /* the code was taken just now */
        refusal_add(why, "code", "taken");
        return CHANGE_REFUSED;
    }
    if (rc < 0)
        return rc;
    *id = (long long)d->db.last_id;
    audit_str(changes, "code", NULL, in->code);
    audit_str(changes, "name_zh", NULL, in->name_zh);
    audit_str(changes, "name_en", NULL, in->name_en);
    audit_int(changes, "rank", 0, in->rank);
    audit_str(changes, "color", NULL, in->color);
    sla_targets_audit(changes, &(sla_targets_t){0}, &in->t);
    return OUTCOME_OK;
}

int priority_update(desk_t *d, const priority_def_t *old, const priority_def_t *in,
                    json_t *changes, refusal_t *why)
{
    if (!priority_targets_ordered(d, &in->t))
        refusal_add(why, "resolution", "resolution_before_first");
    else if (old->active && rank_taken(d, in->rank, old->id))
        refusal_add(why, "rank", "rank_taken");
    else if (in->t.calendar != old->t.calendar && !calendar_usable(d, in->t.calendar))
        refusal_add(why, "calendar", "calendar_inactive");
    else if (sla_policies_out_of_order(d, old->id, &in->t) == 1)
        refusal_add(why, "resolution", "policy_order");
    if (why->n)
        return CHANGE_REFUSED;
    audit_level(changes, old, in);
    if (!audit_any(changes)) /* nothing to write or record */
        return CHANGE_UNCHANGED;
    int rc = db_exec(&d->db, sql_update, "ssisi" SLA_TARGETS_BIND "ii", in->name_zh, in->name_en,
                     in->rank, in->color, in->t.calendar, SLA_TARGETS_ARGS(in->t), in->t.warning,
                     old->id);
    return rc < 0 ? rc : OUTCOME_OK;
}

/* Why a level cannot be deactivated now (an error key), or NULL. */
static const char *in_use(desk_t *d, const priority_def_t *p)
{
    long long cats = 0, open = 0;
    if (p->is_default)
        return "priority_is_default";
    if (db_row(&d->db, sql_default_of, "i", "i", p->id, &cats) != 1 ||
        db_row(&d->db, sql_open, "i", "i", p->id, &open) != 1)
        return "unavailable";
    if (cats)
        return "priority_category_default";
    return open ? "priority_open_tickets" : NULL;
}

int priority_set_active(desk_t *d, const priority_def_t *p, bool active, json_t *changes,
                        refusal_t *why)
{
    const char *no = NULL;
    if (p->active == active)
        return CHANGE_UNCHANGED;
    if (!active)
        no = in_use(d, p);
    else if (rank_taken(d, p->rank, p->id))
        no = "rank_taken";
    else if (!calendar_usable(d, p->t.calendar))
        no = "calendar_inactive";
    if (no) {
        refusal_add(why, "_form", no);
        return CHANGE_REFUSED;
    }
    audit_bool(changes, "active", p->active, active);
    int rc = db_exec(&d->db, sql_active, "ii", (long long)active, p->id);
    return rc < 0 ? rc : OUTCOME_OK;
}
