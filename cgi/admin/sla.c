/* admin_sla: see cgi/admin/sla.h. The overrides of a level's SLA targets per
 * category and/or customer tag (lib/desk/sla/policies.h; lib/desk/sla/slapolicy.h says
 * which one a ticket gets). */
#include "admin/sla.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/customer/tags.h"
#include "desk/sla/calendars.h"

/* ---- targets ------------------------------------------------------------------ */

static void set_target(HDF *h, const char *key, const char *name, sla_target_t t)
{
    hdf_set_valuef(h, "%s.%s=%lld", key, name, t.amount);
    hdf_set_valuef(h, "%s.%s.unit=%s", key, name, sla_unit_code(t.unit));
}

void admin_sla_set_targets(HDF *h, const char *key, const sla_targets_t *t)
{
    hdf_set_valuef(h, "%s.calendar=%lld", key, t->calendar);
    set_target(h, key, "classify", t->classify);
    set_target(h, key, "first", t->first);
    set_target(h, key, "resolution", t->resolution);
    set_target(h, key, "update", t->update);
    hdf_set_valuef(h, "%s.warning=%lld", key, t->warning);
}

static void fill(HDF *h, const char *prefix, const char *name, long long v)
{
    if (v > 0)
        hdf_set_valuef(h, "Form.%s%s.value=%lld", prefix, name, v);
    else
        hdf_set_valuef(h, "Form.%s%s.value=", prefix, name);
}

static void fill_target(HDF *h, const char *prefix, const char *name, sla_target_t t)
{
    fill(h, prefix, name, t.amount);
    hdf_set_valuef(h, "Form.%s%s_unit.value=%s", prefix, name, sla_unit_code(t.unit));
}

void admin_sla_fill_targets(HDF *h, const char *prefix, const sla_targets_t *t)
{
    fill(h, prefix, "calendar", t->calendar);
    fill_target(h, prefix, "classify", t->classify);
    fill_target(h, prefix, "first_response", t->first);
    fill_target(h, prefix, "resolution", t->resolution);
    fill_target(h, prefix, "update", t->update);
    fill(h, prefix, "warning", t->warning);
}

/* One whole number field in [lo, hi], err when it is not; kept on the form. */
static int number(web_t *w, const char *prefix, const char *name, bool required, long long lo,
                  long long hi, const char *err, long long *out)
{
    HDF *h = w->r->hdf;
    char full[48];
    snprintf(full, sizeof full, "%s%s", prefix, name);
    form_field_t f = {.name = full, .type = FT_INTEGER, .required = required, .max_chars = 9,
                      .min = lo, .max = hi, .invalid = err};
    int bad = form_validate(h, h, &f, 1);
    *out = form_int(h, full);
    return bad;
}

static const char *const unit_codes[] = {"minute", "hour", "workday", NULL};

/* One target: its amount and its unit (<name>_unit, minutes when absent). */
static int target(web_t *w, const char *prefix, const char *name, sla_target_t *out)
{
    HDF *h = w->r->hdf;
    char unit[48];
    snprintf(unit, sizeof unit, "%s%s_unit", prefix, name);
    form_field_t f = {.name = unit, .type = FT_CHOICE, .choices = unit_codes};
    if (form_validate(h, h, &f, 1))
        return 1;
    int u = sla_unit_parse(form_value(h, unit));
    out->unit = u < 0 ? SLA_MINUTE : (sla_unit_t)u;
    return number(w, prefix, name, false, 1, sla_unit_max(out->unit), "target_positive",
                  &out->amount);
}

int admin_sla_read_targets(web_t *w, const char *prefix, sla_targets_t *t, bool policy)
{
    memset(t, 0, sizeof *t);
    int errors = number(w, prefix, "calendar", !policy, 1, 999999999, "invalid_choice",
                        &t->calendar);
    errors += target(w, prefix, "classify", &t->classify);
    errors += target(w, prefix, "first_response", &t->first);
    errors += target(w, prefix, "resolution", &t->resolution);
    errors += target(w, prefix, "update", &t->update);
    errors += number(w, prefix, "warning", !policy, 1, 99, "percent_range", &t->warning);
    return errors;
}

bool admin_sla_out_of_order(web_t *w, const sla_targets_t *t, const char *err_field)
{
    if (priority_targets_ordered(w->d, t))
        return false;
    form_set_error(w->r->hdf, err_field, "resolution_before_first");
    return true;
}

/* ---- choices ------------------------------------------------------------------ */

/* The rows of a list: where they go and how many so far. */
typedef struct rows {
    web_t *w;
    int n;
} rows_t;

static void add_calendar(const calendar_def_t *c, void *ctx)
{
    rows_t *r = ctx;
    HDF *h = r->w->r->hdf;
    int i = r->n++;
    const char *name = r->w->lang == LANG_EN ? c->name_en : c->name_zh;
    hdf_set_valuef(h, "Calendars.%d.id=%lld", i, c->id);
    hdf_set_valuef(h, "Calendars.%d.name=%s", i, name);
    hdf_set_valuef(h, "Calendars.%d.active=%d", i, c->active);
    long shortest, longest;
    const bizcal_t *cal = catalog_calendar(&r->w->d->catalog, c->id);
    if (cal && bizcal_workday_minutes(cal, &shortest, &longest) > 0) {
        hdf_set_valuef(h, "Calendars.%d.day=%ld", i, longest);
        if (shortest != longest)
            hdf_set_valuef(h, "Calendars.%d.day_min=%ld", i, shortest);
    }
    hdf_set_valuef(h, "CalendarName.%lld=%s", c->id, name);
}

int admin_sla_calendar_choices(web_t *w)
{
    rows_t rows = {w, 0};
    return calendars_each(w->d, 500, add_calendar, &rows) < 0 ? -1 : 0;
}

static void add_tag(const tag_t *t, void *ctx)
{
    rows_t *r = ctx;
    int i = r->n++;
    hdf_set_valuef(r->w->r->hdf, "Tags.%d.id=%lld", i, t->id);
    lang_t lang = r->w->lang == LANG_EN ? LANG_EN : LANG_ZH;
    hdf_set_valuef(r->w->r->hdf, "Tags.%d.name=%s", i, t->name[lang]);
}

int admin_sla_scope_choices(web_t *w)
{
    HDF *h = w->r->hdf;
    const catalog_t *cat = &w->d->catalog;
    for (int i = 0; i < cat->ncats; i++) {
        hdf_set_valuef(h, "Categories.%d.id=%lld", i, cat->cats[i].id);
        hdf_set_valuef(h, "Categories.%d.name=%s", i, cat->cats[i].name[w->lang]);
    }
    rows_t rows = {w, 0};
    return tags_each_by_id(w->d, 500, add_tag, &rows) < 0 ? -1 : 0;
}

/* ---- the overrides -------------------------------------------------------------- */

static void set_policy(web_t *w, const char *key, const sla_policy_def_t *r)
{
    HDF *h = w->r->hdf;
    bool en = w->lang == LANG_EN;
    hdf_set_valuef(h, "%s.id=%lld", key, r->id);
    hdf_set_valuef(h, "%s.priority_id=%lld", key, r->priority_id);
    hdf_set_valuef(h, "%s.category_id=%lld", key, r->scope.category);
    hdf_set_valuef(h, "%s.tag_id=%lld", key, r->scope.tag);
    hdf_set_valuef(h, "%s.category=%s", key, en ? r->cat_en : r->cat_zh);
    hdf_set_valuef(h, "%s.tag=%s", key, en ? r->tag_en : r->tag_zh);
    hdf_set_valuef(h, "%s.tag_code=%s", key, r->scope.tag_code);
    hdf_set_valuef(h, "%s.state=%s", key, r->active ? "active" : "inactive");
    admin_sla_set_targets(h, key, &r->t);
}

typedef struct policy_rows {
    web_t *w;
    const char *key;
    int n;
} policy_rows_t;

static void add_policy(const sla_policy_def_t *p, void *ctx)
{
    policy_rows_t *r = ctx;
    char k[64];
    snprintf(k, sizeof k, "%s.%d", r->key, r->n++);
    set_policy(r->w, k, p);
}

int admin_sla_list_policies(web_t *w, long long priority_id, const char *key)
{
    policy_rows_t rows = {w, key, 0};
    return sla_policies_of(w->d, priority_id, add_policy, &rows) < 0 ? -1 : 0;
}

/* "general / 产品故障 / VIP": the override in words, for the audit log. */
static void policy_title(const char *prio, const sla_scope_t *s, char *out, size_t cap)
{
    snprintf(out, cap, "%s / %s / %s", prio, *s->cat_code ? s->cat_code : "*",
             *s->tag_code ? s->tag_code : "*");
}

/* Whether the field is refused, and for something else than being no id. */
static bool refused_as_text(HDF *h, const char *name)
{
    const char *e = hdf_get_valuef(h, "Form.%s.error", name);
    return e && strcmp(e, "invalid_choice") != 0;
}

/* The category and tag of the override form; errors on the fields. */
static int read_scope(web_t *w, sla_scope_t *s)
{
    HDF *h = w->r->hdf;
    static const form_field_t f[] = {
        {.name = "p_category", .type = FT_INTEGER, .max_chars = 20, .min = 1, .max = 999999999,
         .invalid = "invalid_choice"},
        {.name = "p_tag", .type = FT_INTEGER, .max_chars = 20, .min = 1, .max = 999999999,
         .invalid = "invalid_choice"}};
    memset(s, 0, sizeof *s);
    /* a field refused as text is all that is said; no id is said on both */
    form_validate(h, h, f, 2);
    if (refused_as_text(h, "p_category") || refused_as_text(h, "p_tag"))
        return 1;
    /* a field that is no id goes to the domain as -1, which refuses it */
    long long category = hdf_get_value(h, "Form.p_category.error", NULL) ? -1
                                                                          : form_int(h, "p_category");
    long long tag = hdf_get_value(h, "Form.p_tag.error", NULL) ? -1 : form_int(h, "p_tag");
    refusal_t why = {0};
    int errors = sla_policy_scope(w->d, category, tag, s, &why);
    admin_refused(w, &why, "p_");
    return errors;
}

const char *admin_sla_policy_write(web_t *w, const priority_def_t *level,
                                   const sla_policy_def_t *old, long long *id)
{
    sla_scope_t s;
    sla_targets_t t;
    refusal_t why = {0};
    if (read_scope(w, &s) + admin_sla_read_targets(w, "p_", &t, true))
        return "form";
    json_t *c = audit_changes();
    int rc = sla_policy_save(w->d, level->id, &level->t, old, &s, &t, id, c, &why);
    if (rc == CHANGE_REFUSED || rc == CHANGE_UNCHANGED) {
        json_decref(c);
        admin_refused(w, &why, "p_");
        return rc == CHANGE_REFUSED ? "form" : "unchanged";
    }
    char title[160];
    policy_title(level->code, &s, title, sizeof title);
    rc = rc < 0 ? rc : admin_audit_id(w, "sla_policy", *id, title, old ? "update" : "create", c);
    json_decref(c);
    return rc < 0 ? "db" : NULL;
}

/* ---- the page of one override ------------------------------------------------------ */

static void show_policy(web_t *w, const sla_policy_def_t *r, int status)
{
    HDF *h = w->r->hdf;
    priority_def_t level;
    set_policy(w, "Policy", r);
    priority_get(w->d, r->priority_id, false, &level);
    const priority_t *p = catalog_priority_by_id(&w->d->catalog, r->priority_id);
    hdf_set_value(h, "Policy.priority", p ? p->name[w->lang] : level.code);
    hdf_set_value(h, "Policy.priority_code", level.code);
    if (!hdf_get_value(h, "Form.p_warning.value", NULL)) {
        if (r->scope.category)
            hdf_set_valuef(h, "Form.p_category.value=%lld", r->scope.category);
        if (r->scope.tag)
            hdf_set_valuef(h, "Form.p_tag.value=%lld", r->scope.tag);
        admin_sla_fill_targets(h, "p_", &r->t);
    }
    if (admin_sla_calendar_choices(w) || admin_sla_scope_choices(w))
        return admin_error(w, 503, "unavailable");
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/priorities.cs", "priorities");
}

/* The override of the URL (locked when lock, inside a new transaction);
 * 1, or 0 after answering. */
static int policy_of(web_t *w, const char *arg, bool lock, sla_policy_def_t *r)
{
    long long id = web_id(arg);
    int rc = id ? OUTCOME_OK : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK && lock && db_begin(&w->d->db) != OUTCOME_OK)
        rc = OUTCOME_UNAVAILABLE;
    if (rc == OUTCOME_OK)
        rc = sla_policy_get(w->d, id, lock, r);
    if (rc == OUTCOME_OK)
        return 1;
    if (lock)
        db_rollback(&w->d->db);
    admin_fail(w, rc);
    return 0;
}

void admin_sla_page_policy(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    sla_policy_def_t r;
    if (policy_of(w, arg, false, &r))
        show_policy(w, &r, 200);
}

static void back_to_level(web_t *w, long long priority_id, const char *done)
{
    char where[64];
    snprintf(where, sizeof where, "/admin/priorities/%lld", priority_id);
    admin_redirect_done(w, where, done);
}

void admin_sla_do_policy(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    sla_policy_def_t r;
    priority_def_t level;
    long long id = 0;
    if (!policy_of(w, arg, true, &r))
        return;
    const char *err = priority_get(w->d, r.priority_id, false, &level) == OUTCOME_OK
                          ? admin_sla_policy_write(w, &level, &r, &id)
                          : "db";
    if (err && !strcmp(err, "form")) {
        db_rollback(&w->d->db);
        hdf_set_int_value(w->r->hdf, "Form.HasErrors", 1);
        return show_policy(w, &r, 422);
    }
    if (err && !strcmp(err, "unchanged")) {
        db_rollback(&w->d->db);
        return back_to_level(w, r.priority_id, "unchanged");
    }
    if (admin_finish(w, err ? OUTCOME_UNAVAILABLE : OUTCOME_OK) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    back_to_level(w, r.priority_id, "policy_saved");
}

static void policy_active(web_t *w, const char *arg, bool active)
{
    ADMIN_ONLY(w);
    sla_policy_def_t r;
    priority_def_t level;
    refusal_t why = {0};
    char title[160];
    if (!policy_of(w, arg, true, &r))
        return;
    json_t *c = audit_changes();
    int rc = sla_policy_set_active(w->d, &r, active, c, &why);
    if (rc == CHANGE_UNCHANGED || rc == CHANGE_REFUSED) {
        json_decref(c);
        db_rollback(&w->d->db);
        if (rc == CHANGE_UNCHANGED)
            return back_to_level(w, r.priority_id, "unchanged");
        admin_refused(w, &why, "");
        return show_policy(w, &r, 409);
    }
    priority_get(w->d, r.priority_id, false, &level);
    policy_title(level.code, &r.scope, title, sizeof title);
    rc = rc < 0 ? rc
                : admin_audit_id(w, "sla_policy", r.id, title, active ? "activate" : "deactivate",
                                 c);
    json_decref(c);
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    back_to_level(w, r.priority_id, active ? "policy_activated" : "policy_deactivated");
}

void admin_sla_do_policy_off(web_t *w, const char *arg) { policy_active(w, arg, false); }
void admin_sla_do_policy_on(web_t *w, const char *arg) { policy_active(w, arg, true); }
