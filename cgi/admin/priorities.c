/* admin_priorities: the priority levels, their SLA targets (time to
 * classify, first response, resolution, warning threshold, progress-update
 * cadence, each in working minutes, hours or days of the level's calendar:
 * lib/desk/sla/priorities.h) and the
 * overrides of those targets per category and per customer tag
 * (lib/desk/sla/policies.h; lib/desk/sla/slapolicy.h chooses the one a ticket gets).
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

/* ---- reading -------------------------------------------------------------- */

static void set_prio(HDF *h, const char *key, const priority_def_t *r, long long npolicies)
{
    hdf_set_valuef(h, "%s.id=%lld", key, r->id);
    hdf_set_valuef(h, "%s.code=%s", key, r->code);
    hdf_set_valuef(h, "%s.name_zh=%s", key, r->name_zh);
    hdf_set_valuef(h, "%s.name_en=%s", key, r->name_en);
    hdf_set_valuef(h, "%s.color=%s", key, r->color);
    hdf_set_valuef(h, "%s.rank=%lld", key, r->rank);
    hdf_set_valuef(h, "%s.default=%d", key, r->is_default);
    hdf_set_valuef(h, "%s.state=%s", key, r->active ? "active" : "inactive");
    hdf_set_valuef(h, "%s.policies=%lld", key, npolicies);
    admin_sla_set_targets(h, key, &r->t);
}

/* The list: the levels with how many active overrides each has. */
typedef struct prio_list {
    HDF *h;
    long long pid[200], cnt[200];
    int np, n;
} prio_list_t;

static void add_count(long long priority_id, long long n, void *ctx)
{
    prio_list_t *l = ctx;
    if (l->np < 200) {
        l->pid[l->np] = priority_id;
        l->cnt[l->np++] = n;
    }
}

static void add_prio(const priority_def_t *p, void *ctx)
{
    prio_list_t *l = ctx;
    char key[32];
    long long n = 0;
    for (int k = 0; k < l->np; k++)
        if (l->pid[k] == p->id)
            n = l->cnt[k];
    snprintf(key, sizeof key, "Prios.%d", l->n++);
    set_prio(l->h, key, p, n);
}

static int list_priorities(web_t *w)
{
    prio_list_t l = {.h = w->r->hdf};
    if (sla_policies_active_counts(w->d, add_count, &l))
        return -1;
    return priorities_each(w->d, add_prio, &l) < 0 ? -1 : 0;
}

/* ---- the level form ------------------------------------------------------- */

static const form_field_t prio_fields[] = {
    {.name = "name_zh", .type = FT_TEXT, .required = true, .max_chars = 60},
    {.name = "name_en", .type = FT_TEXT, .required = true, .max_chars = 60},
    {.name = "rank", .type = FT_INTEGER, .required = true, .max_chars = 6, .min = 1, .max = 999,
     .invalid = "rank_range"},
    {.name = "color", .type = FT_CHOICE, .required = true, .choices = priority_colors},
};
#define NPRIO ((int)(sizeof prio_fields / sizeof *prio_fields))
static const form_field_t code_field[] = {{.name = "code", .type = FT_TEXT, .required = true,
                                           .max_chars = 40}};

static void copy(char *to, size_t cap, const char *v)
{
    snprintf(to, cap, "%s", v ? v : "");
}

/* Validates the submitted level into in; the errors are on the form. */
static bool read_prio(web_t *w, bool create, priority_def_t *in)
{
    HDF *h = w->r->hdf;
    int errors = form_validate(h, h, prio_fields, NPRIO);
    if (create)
        errors += form_validate(h, h, code_field, 1);
    memset(in, 0, sizeof *in);
    const char *code = form_value(h, "code");
    copy(in->code, sizeof in->code, code);
    copy(in->name_zh, sizeof in->name_zh, form_value(h, "name_zh"));
    copy(in->name_en, sizeof in->name_en, form_value(h, "name_en"));
    copy(in->color, sizeof in->color, form_value(h, "color"));
    if (create && code && !sla_code_ok(code))
        errors += (form_set_error(h, "code", "code_format"), 1);
    in->rank = form_int(h, "rank");
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

static void to_level(web_t *w, long long id, const char *done)
{
    char where[64];
    snprintf(where, sizeof where, "/admin/priorities/%lld", id);
    admin_redirect_done(w, where, done);
}

static void do_create(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    priority_def_t in;
    refusal_t why = {0};
    long long id = 0;
    if (!read_prio(w, true, &in)) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_list(w, 422);
    }
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    json_t *c = audit_changes();
    int rc = priority_create(w->d, &in, &id, c, &why);
    if (rc == CHANGE_REFUSED) {
        json_decref(c);
        db_rollback(&w->d->db);
        admin_refused(w, &why, "");
        return show_list(w, 422);
    }
    rc = rc < 0 ? rc : admin_audit_id(w, "priority", id, in.name_zh, "create", c);
    json_decref(c);
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    to_level(w, id, "priority_created");
}

/* The id of /admin/priorities/ID/..., or 0 after answering 404. */
static long long id_of(web_t *w, const char *arg)
{
    long long id = web_id(arg);
    if (!id)
        admin_error(w, 404, "not_found");
    return id;
}

/* ---- the edit page: the level and its overrides ---------------------------- */

static void show_edit(web_t *w, const priority_def_t *r, int status)
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
    priority_def_t r;
    long long id = id_of(w, arg);
    if (!id)
        return;
    int rc = priority_get(w->d, id, false, &r);
    if (rc != OUTCOME_OK)
        return admin_fail(w, rc);
    show_edit(w, &r, 200);
}

/* Locks the level of the URL inside a new transaction; 1, or 0 after
 * answering (404 / 503) with the transaction rolled back. */
static int lock_prio(web_t *w, const char *arg, priority_def_t *r)
{
    long long id = id_of(w, arg);
    if (!id)
        return 0;
    int rc = db_begin(&w->d->db);
    rc = rc == OUTCOME_OK ? priority_get(w->d, id, true, r) : OUTCOME_UNAVAILABLE;
    if (rc == OUTCOME_OK)
        return 1;
    db_rollback(&w->d->db);
    admin_fail(w, rc);
    return 0;
}

static void do_update(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    priority_def_t old, in;
    refusal_t why = {0};
    if (!lock_prio(w, arg, &old))
        return;
    json_t *c = audit_changes();
    int rc = read_prio(w, false, &in) ? priority_update(w->d, &old, &in, c, &why)
                                      : CHANGE_REFUSED;
    if (rc == CHANGE_REFUSED || rc == CHANGE_UNCHANGED) {
        json_decref(c);
        db_rollback(&w->d->db);
        if (rc == CHANGE_UNCHANGED)
            return to_level(w, old.id, "unchanged");
        admin_refused(w, &why, "");
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_edit(w, &old, 422);
    }
    rc = rc < 0 ? rc : admin_audit_id(w, "priority", old.id, in.name_zh, "update", c);
    json_decref(c);
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    to_level(w, old.id, "priority_saved");
}

static void set_active(web_t *w, const char *arg, bool active)
{
    ADMIN_ONLY(w);
    priority_def_t r;
    refusal_t why = {0};
    if (!lock_prio(w, arg, &r))
        return;
    json_t *c = audit_changes();
    int rc = priority_set_active(w->d, &r, active, c, &why);
    if (rc == CHANGE_REFUSED || rc == CHANGE_UNCHANGED) {
        json_decref(c);
        db_rollback(&w->d->db);
        if (rc == CHANGE_UNCHANGED)
            return to_level(w, r.id, "unchanged");
        admin_refused(w, &why, "");
        return show_edit(w, &r, 409);
    }
    const char *action = active ? "activate" : "deactivate";
    rc = rc < 0 ? rc : admin_audit_id(w, "priority", r.id, r.name_zh, action, c);
    json_decref(c);
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    to_level(w, r.id, active ? "priority_activated" : "priority_deactivated");
}

static void do_deactivate(web_t *w, const char *arg) { set_active(w, arg, false); }
static void do_activate(web_t *w, const char *arg) { set_active(w, arg, true); }

/* ---- overrides ---------------------------------------------------------------- */

static void do_add_policy(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    priority_def_t r;
    if (!lock_prio(w, arg, &r))
        return;
    long long id = 0;
    const char *err = admin_sla_policy_write(w, &r, NULL, &id);
    if (err && !strcmp(err, "form")) {
        db_rollback(&w->d->db);
        hdf_set_int_value(w->r->hdf, "Form.HasErrors", 1);
        hdf_set_int_value(w->r->hdf, "PolicyForm", 1);
        return show_edit(w, &r, 422);
    }
    if (admin_finish(w, err ? OUTCOME_UNAVAILABLE : OUTCOME_OK) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    to_level(w, r.id, "policy_created");
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
