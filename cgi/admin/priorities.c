/* admin_priorities: the priority levels, their SLA targets (time to
 * classify, first response, resolution, warning threshold, progress-update
 * cadence, each in working minutes, hours or days of the level's calendar:
 * lib/desk/sla/slatarget.h) and the
 * overrides of those targets per category and per customer tag
 * (sla_policies; lib/desk/sla/slapolicy.h chooses the one a ticket gets).
 *
 *   GET  /admin/priorities                  the levels, and the new-level form
 *   POST /admin/priorities                  create a level
 *   GET  /admin/priorities/ID               edit a level; its overrides
 *   POST /admin/priorities/ID               save a level
 *   POST /admin/priorities/ID/deactivate    refused while a category starts
 *                                           tickets at it or open tickets have it
 *   POST /admin/priorities/ID/activate
 *   POST /admin/priorities/ID/policies      add an override
 *   GET  /admin/sla-policies/ID             edit an override
 *   POST /admin/sla-policies/ID             save an override
 *   POST /admin/sla-policies/ID/deactivate
 *   POST /admin/sla-policies/ID/activate
 *
 * New targets apply to tickets created from then on and to a ticket whose
 * priority changes; the dues of other tickets stay as they were. */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/sla.h"

static const char *const colors[] = {"red", "orange", "blue", "grey", NULL};

/* ---- reading -------------------------------------------------------------- */

typedef struct prio_row {
    long long id, rank, is_default, active;
    char code[41], name_zh[241], name_en[241], color[8]; /* VARCHAR(60) in utf8mb4 */
    sla_targets_t t;
    sla_units_t units;
} prio_row_t;

#define PRIO_COLS                                                                             \
    "SELECT id, code, name_zh, name_en, color, rank_order, is_default, active, calendar_id,"  \
    " COALESCE(classify, 0), classify_unit, COALESCE(first_response, 0), first_response_unit," \
    " COALESCE(resolution, 0), resolution_unit, COALESCE(update_interval, 0),"                \
    " update_interval_unit, warning_percent FROM priorities"
static const char sql_prio_list[] = PRIO_COLS " ORDER BY active DESC, rank_order, id LIMIT 200";
static const char sql_prio_get[] = PRIO_COLS " WHERE id = ?";
static const char sql_prio_lock[] = PRIO_COLS " WHERE id = ? FOR UPDATE";
static const char sql_policy_counts[] =
    "SELECT priority_id, COUNT(*) FROM sla_policies WHERE active = 1 GROUP BY priority_id";
static const char sql_rank_taken[] =
    "SELECT COUNT(*) FROM priorities WHERE rank_order = ? AND active = 1 AND id <> ?";
static const char sql_code_taken[] = "SELECT COUNT(*) FROM priorities WHERE code = ?";
static const char sql_insert_prio[] =
    "INSERT INTO priorities (code, name_zh, name_en, rank_order, color, calendar_id, classify,"
    " classify_unit, first_response, first_response_unit, resolution, resolution_unit,"
    " update_interval, update_interval_unit, warning_percent)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_update_prio[] =
    "UPDATE priorities SET name_zh = ?, name_en = ?, rank_order = ?, color = ?, calendar_id = ?,"
    " classify = ?, classify_unit = ?, first_response = ?, first_response_unit = ?,"
    " resolution = ?, resolution_unit = ?, update_interval = ?, update_interval_unit = ?,"
    " warning_percent = ? WHERE id = ?";
static const char sql_prio_active[] = "UPDATE priorities SET active = ? WHERE id = ?";
static const char sql_prio_default_of[] =
    "SELECT COUNT(*) FROM categories WHERE default_priority_id = ? AND active = 1";
static const char sql_prio_open[] =
    "SELECT COUNT(*) FROM tickets WHERE priority_id = ? AND is_open = 1";

#define PRIO_FETCH(r)                                                                         \
    &(r)->id, (r)->code, sizeof (r)->code, (r)->name_zh, sizeof (r)->name_zh, (r)->name_en,   \
        sizeof (r)->name_en, (r)->color, sizeof (r)->color, &(r)->rank, &(r)->is_default,     \
        &(r)->active, &(r)->t.calendar, SLA_TARGETS_FETCH((r)->t, (r)->units), &(r)->t.warning
#define PRIO_FMT "issssiiii" SLA_TARGETS_FMT "i"

static int prio_get(web_t *w, long long id, bool lock, prio_row_t *r)
{
    memset(r, 0, sizeof *r);
    int rc = db_row(&w->d->db, lock ? sql_prio_lock : sql_prio_get, "i", PRIO_FMT, id,
                    PRIO_FETCH(r));
    admin_sla_units(&r->t, &r->units);
    return rc;
}

static void set_prio(HDF *h, const char *key, const prio_row_t *r, long long npolicies)
{
    hdf_set_valuef(h, "%s.id=%lld", key, r->id);
    hdf_set_valuef(h, "%s.code=%s", key, r->code);
    hdf_set_valuef(h, "%s.name_zh=%s", key, r->name_zh);
    hdf_set_valuef(h, "%s.name_en=%s", key, r->name_en);
    hdf_set_valuef(h, "%s.color=%s", key, r->color);
    hdf_set_valuef(h, "%s.rank=%lld", key, r->rank);
    hdf_set_valuef(h, "%s.default=%lld", key, r->is_default);
    hdf_set_valuef(h, "%s.state=%s", key, r->active ? "active" : "inactive");
    hdf_set_valuef(h, "%s.policies=%lld", key, npolicies);
    admin_sla_set_targets(h, key, &r->t);
}

static int list_priorities(web_t *w)
{
    HDF *h = w->r->hdf;
    long long pid[200], cnt[200];
    int np = 0, i = 0, rc;
    MYSQL_STMT *st = db_query(&w->d->db, sql_policy_counts, "");
    if (!st)
        return -1;
    while (np < 200 && db_fetch(st, "ii", &pid[np], &cnt[np]) == 1)
        np++;
    db_done(st);
    if (!(st = db_query(&w->d->db, sql_prio_list, "")))
        return -1;
    prio_row_t r;
    while (memset(&r, 0, sizeof r), (rc = db_fetch(st, PRIO_FMT, PRIO_FETCH(&r))) == 1) {
        admin_sla_units(&r.t, &r.units);
        char key[32];
        long long n = 0;
        for (int k = 0; k < np; k++)
            if (pid[k] == r.id)
                n = cnt[k];
        snprintf(key, sizeof key, "Prios.%d", i++);
        set_prio(h, key, &r, n);
    }
    db_done(st);
    return rc < 0 ? -1 : 0;
}

/* ---- the level form ------------------------------------------------------- */

static const form_field_t prio_fields[] = {
    {"name_zh", FT_TEXT, true, 60, NULL},
    {"name_en", FT_TEXT, true, 60, NULL},
    {"rank", FT_TEXT, true, 6, NULL},
    {"color", FT_CHOICE, true, 0, colors},
};
#define NPRIO ((int)(sizeof prio_fields / sizeof *prio_fields))
static const form_field_t code_field[] = {{"code", FT_TEXT, true, 40, NULL}};

typedef struct prio_in {
    const char *code, *name_zh, *name_en, *color;
    long long rank;
    sla_targets_t t;
} prio_in_t;

/* Validates the submitted level; the errors are on the form. */
static bool read_prio(web_t *w, bool create, prio_in_t *in)
{
    HDF *h = w->r->hdf;
    int errors = form_validate(h, h, prio_fields, NPRIO);
    if (create)
        errors += form_validate(h, h, code_field, 1);
    memset(in, 0, sizeof *in);
    in->code = form_value(h, "code");
    in->name_zh = form_value(h, "name_zh");
    in->name_en = form_value(h, "name_en");
    in->color = form_value(h, "color");
    if (create && in->code && !admin_sla_code_ok(in->code))
        errors += (form_set_error(h, "code", "code_format"), 1);
    if (!hdf_get_valuef(h, "Form.rank.error") &&
        (in->rank = admin_sla_number(h, "rank", 1, 999, "rank_range")) < 0)
        errors++;
    errors += admin_sla_read_targets(w, "", &in->t, false);
    if (!errors && admin_sla_out_of_order(w, &in->t, "resolution"))
        errors++;
    return errors == 0;
}

static int load_choices(web_t *w)
{
    return admin_sla_calendar_choices(w);
}

static void show_list(web_t *w, int status)
{
    HDF *h = w->r->hdf;
    if (list_priorities(w) || load_choices(w))
        return admin_error(w, 503, "unavailable");
    if (!hdf_get_value(h, "Form.color.value", NULL))
        hdf_set_value(h, "Form.color.value", "blue");
    if (!hdf_get_value(h, "Form.warning.value", NULL))
        hdf_set_value(h, "Form.warning.value", "75");
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/priorities.cs", "priorities");
}

static void page_list(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    show_list(w, 200);
}

static void do_create(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    prio_in_t in;
    long long n = 0;
    if (!read_prio(w, true, &in)) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_list(w, 422);
    }
    if (db_begin(&w->d->db) != DB_OK)
        return admin_error(w, 503, "unavailable");
    if (db_row(&w->d->db, sql_code_taken, "s", "i", in.code, &n) == 1 && n)
        form_set_error(h, "code", "taken");
    if (db_row(&w->d->db, sql_rank_taken, "ii", "i", in.rank, 0LL, &n) == 1 && n)
        form_set_error(h, "rank", "rank_taken");
    if (!admin_sla_calendar_usable(w, in.t.calendar))
        form_set_error(h, "calendar", "calendar_inactive");
    int rc = hdf_get_int_value(h, "Form.HasErrors", 0)
                 ? DB_DUP
                 : db_exec(&w->d->db, sql_insert_prio, "sssisi" TARGETS_BIND "i", in.code,
                           in.name_zh, in.name_en, in.rank, in.color, in.t.calendar,
                           TARGETS_ARGS(in.t), in.t.warning);
    if (rc == DB_DUP) { /* a check above failed, or the code was taken just now */
        db_rollback(&w->d->db);
        if (!hdf_get_int_value(h, "Form.HasErrors", 0))
            form_set_error(h, "code", "taken");
        return show_list(w, 422);
    }
    long long id = (long long)w->d->db.last_id;
    json_t *c = audit_changes();
    audit_str(c, "code", NULL, in.code);
    audit_str(c, "name_zh", NULL, in.name_zh);
    audit_str(c, "name_en", NULL, in.name_en);
    audit_int(c, "rank", 0, in.rank);
    audit_str(c, "color", NULL, in.color);
    admin_sla_audit_targets(c, &(sla_targets_t){0}, &in.t);
    rc = rc < 0 ? rc : admin_audit_id(w, "priority", id, in.name_zh, "create", c);
    json_decref(c);
    if (admin_finish(w, rc) != DB_OK)
        return admin_error(w, 503, "unavailable");
    char where[64];
    snprintf(where, sizeof where, "/admin/priorities/%lld", id);
    admin_redirect_done(w, where, "priority_created");
}

/* The id of /admin/priorities/ID/..., or 0 after answering 404. */
static long long id_of(web_t *w, const char *arg)
{
    long long id = admin_sla_id(arg);
    if (!id)
        admin_error(w, 404, "not_found");
    return id;
}

/* ---- the edit page: the level and its overrides ---------------------------- */

static void show_edit(web_t *w, const prio_row_t *r, int status)
{
    HDF *h = w->r->hdf;
    set_prio(h, "Prio", r, 0);
    if (!hdf_get_value(h, "Form.name_zh.value", NULL)) { /* first view: the stored values */
        hdf_set_value(h, "Form.name_zh.value", r->name_zh);
        hdf_set_value(h, "Form.name_en.value", r->name_en);
        hdf_set_valuef(h, "Form.rank.value=%lld", r->rank);
        hdf_set_value(h, "Form.color.value", r->color);
        admin_sla_fill_targets(h, "", &r->t);
    }
    if (load_choices(w) || admin_sla_scope_choices(w) ||
        admin_sla_list_policies(w, r->id, "Policies"))
        return admin_error(w, 503, "unavailable");
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/priorities.cs", "priorities");
}

static void page_edit(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    prio_row_t r;
    long long id = id_of(w, arg);
    if (!id)
        return;
    int rc = prio_get(w, id, false, &r);
    if (rc != 1)
        return admin_error(w, rc < 0 ? 503 : 404, rc < 0 ? "unavailable" : "not_found");
    show_edit(w, &r, 200);
}

/* Locks the level of the URL inside a new transaction; 1, or 0 after
 * answering (404 / 503) with the transaction rolled back. */
static int lock_prio(web_t *w, const char *arg, prio_row_t *r)
{
    long long id = id_of(w, arg);
    if (!id)
        return 0;
    int rc = db_begin(&w->d->db);
    rc = rc == DB_OK ? prio_get(w, id, true, r) : -1;
    if (rc == 1)
        return 1;
    db_rollback(&w->d->db);
    admin_error(w, rc < 0 ? 503 : 404, rc < 0 ? "unavailable" : "not_found");
    return 0;
}

static void do_update(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    prio_row_t old;
    prio_in_t in;
    long long n = 0;
    if (!lock_prio(w, arg, &old))
        return;
    bool ok = read_prio(w, false, &in);
    if (ok && db_row(&w->d->db, sql_rank_taken, "ii", "i", in.rank, old.id, &n) == 1 && n && old.active)
        ok = (form_set_error(h, "rank", "rank_taken"), false);
    if (ok && in.t.calendar != old.t.calendar && !admin_sla_calendar_usable(w, in.t.calendar))
        ok = (form_set_error(h, "calendar", "calendar_inactive"), false);
    if (ok && admin_sla_policies_out_of_order(w, old.id, &in.t))
        ok = false;
    if (!ok) {
        db_rollback(&w->d->db);
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_edit(w, &old, 422);
    }
    json_t *c = audit_changes();
    audit_str(c, "name_zh", old.name_zh, in.name_zh);
    audit_str(c, "name_en", old.name_en, in.name_en);
    audit_int(c, "rank", old.rank, in.rank);
    audit_str(c, "color", old.color, in.color);
    admin_sla_audit_targets(c, &old.t, &in.t);
    int rc = DB_OK;
    if (!audit_any(c)) { /* nothing changed: nothing to write or record */
        json_decref(c);
        db_rollback(&w->d->db);
        char where[64];
        snprintf(where, sizeof where, "/admin/priorities/%lld", old.id);
        return admin_redirect_done(w, where, "unchanged");
    }
    rc = db_exec(&w->d->db, sql_update_prio, "ssisi" TARGETS_BIND "ii", in.name_zh, in.name_en,
                 in.rank, in.color, in.t.calendar, TARGETS_ARGS(in.t), in.t.warning, old.id);
    rc = rc < 0 ? rc : admin_audit_id(w, "priority", old.id, in.name_zh, "update", c);
    json_decref(c);
    if (admin_finish(w, rc) != DB_OK)
        return admin_error(w, 503, "unavailable");
    char where[64];
    snprintf(where, sizeof where, "/admin/priorities/%lld", old.id);
    admin_redirect_done(w, where, "priority_saved");
}

/* Why a level cannot be deactivated now (an error key), or NULL. */
static const char *in_use(web_t *w, const prio_row_t *r)
{
    long long cats = 0, open = 0;
    if (r->is_default)
        return "priority_is_default";
    if (db_row(&w->d->db, sql_prio_default_of, "i", "i", r->id, &cats) != 1 ||
        db_row(&w->d->db, sql_prio_open, "i", "i", r->id, &open) != 1)
        return "unavailable";
    if (cats)
        return "priority_category_default";
    return open ? "priority_open_tickets" : NULL;
}

static void set_active(web_t *w, const char *arg, bool active)
{
    ADMIN_ONLY(w);
    prio_row_t r;
    long long n = 0;
    if (!lock_prio(w, arg, &r))
        return;
    const char *why = NULL;
    if (r.active == active)
        why = "";
    else if (!active)
        why = in_use(w, &r);
    else if (db_row(&w->d->db, sql_rank_taken, "ii", "i", r.rank, r.id, &n) == 1 && n)
        why = "rank_taken";
    else if (!admin_sla_calendar_usable(w, r.t.calendar))
        why = "calendar_inactive";
    char where[64];
    snprintf(where, sizeof where, "/admin/priorities/%lld", r.id);
    if (why) {
        db_rollback(&w->d->db);
        if (!*why)
            return admin_redirect_done(w, where, "unchanged");
        form_set_error(w->r->hdf, "_form", why);
        return show_edit(w, &r, 409);
    }
    json_t *c = audit_changes();
    audit_bool(c, "active", r.active, active);
    int rc = db_exec(&w->d->db, sql_prio_active, "ii", (long long)active, r.id);
    rc = rc < 0 ? rc
                : admin_audit_id(w, "priority", r.id, r.name_zh, active ? "activate" : "deactivate", c);
    json_decref(c);
    if (admin_finish(w, rc) != DB_OK)
        return admin_error(w, 503, "unavailable");
    admin_redirect_done(w, where, active ? "priority_activated" : "priority_deactivated");
}

static void do_deactivate(web_t *w, const char *arg) { set_active(w, arg, false); }
static void do_activate(web_t *w, const char *arg) { set_active(w, arg, true); }

/* ---- overrides ---------------------------------------------------------------- */

static void do_add_policy(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    prio_row_t r;
    if (!lock_prio(w, arg, &r))
        return;
    long long id = 0;
    const char *err = admin_sla_policy_write(w, r.id, r.code, 0, &id);
    if (err && !strcmp(err, "form")) {
        db_rollback(&w->d->db);
        hdf_set_int_value(w->r->hdf, "Form.HasErrors", 1);
        hdf_set_int_value(w->r->hdf, "PolicyForm", 1);
        return show_edit(w, &r, 422);
    }
    if (admin_finish(w, err ? DB_ERR : DB_OK) != DB_OK)
        return admin_error(w, 503, "unavailable");
    char where[64];
    snprintf(where, sizeof where, "/admin/priorities/%lld", r.id);
    admin_redirect_done(w, where, "policy_created");
}

static const web_route_t routes[] = {
    {"GET", "/admin/priorities", page_list},
    {"POST", "/admin/priorities", do_create},
    {"GET", "/admin/priorities/*", page_edit},
    {"POST", "/admin/priorities/*", do_update},
    {"POST", "/admin/priorities/*/deactivate", do_deactivate},
    {"POST", "/admin/priorities/*/activate", do_activate},
    {"POST", "/admin/priorities/*/policies", do_add_policy},
    {"GET", "/admin/sla-policies/*", admin_sla_page_policy},
    {"POST", "/admin/sla-policies/*", admin_sla_do_policy},
    {"POST", "/admin/sla-policies/*/deactivate", admin_sla_do_policy_off},
    {"POST", "/admin/sla-policies/*/activate", admin_sla_do_policy_on},
};

const admin_module_t admin_mod_priorities = {"priorities", "/admin/priorities", routes,
                                             sizeof routes / sizeof *routes};
