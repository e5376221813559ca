/* admin_sla: see cgi/admin/sla.h. The overrides of a level's SLA targets per
 * category and/or customer tag (table sla_policies; lib/desk/sla/slapolicy.h says
 * which one a ticket gets). */
#include "admin/sla.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/sla/calendars.h"
#include "desk/sla/slapolicy.h"

/* ---- targets ------------------------------------------------------------------ */

static sla_unit_t unit_of(const char *code)
{
    int u = sla_unit_parse(code);
    return u < 0 ? SLA_MINUTE : (sla_unit_t)u;
}

void admin_sla_units(sla_targets_t *t, const sla_units_t *x)
{
    t->classify.unit = unit_of(x->u[0]);
    t->first.unit = unit_of(x->u[1]);
    t->resolution.unit = unit_of(x->u[2]);
    t->update.unit = unit_of(x->u[3]);
}

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

long long admin_sla_number(HDF *h, const char *name, long long lo, long long hi, const char *err)
{
    const char *v = form_value(h, name);
    if (!v)
        return 0;
    size_t n = strlen(v);
    long long x = n <= 9 && strspn(v, "0123456789") == n ? atoll(v) : -1;
    if (x < lo || x > hi) {
        form_set_error(h, name, err);
        return -1;
    }
    return x;
}

bool admin_sla_code_ok(const char *code)
{
    return code[0] >= 'a' && code[0] <= 'z' &&
           strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(code);
}

long long admin_sla_id(const char *arg)
{
    char buf[24];
    const char *s = web_segment(arg, buf, sizeof buf);
    return s && strspn(s, "0123456789") == strlen(s) && strlen(s) < 19 ? atoll(s) : 0;
}

/* One number field: validated as text (kept on the form), then as a number. */
static int number(web_t *w, const char *prefix, const char *name, bool required, long long lo,
                  long long hi, const char *err, long long *out)
{
    HDF *h = w->r->hdf;
    char full[48];
    snprintf(full, sizeof full, "%s%s", prefix, name);
    form_field_t f = {full, FT_TEXT, required, 9, NULL};
    if (form_validate(h, h, &f, 1))
        return 1;
    *out = admin_sla_number(h, full, lo, hi, err);
    return *out < 0;
}

static const char *const unit_codes[] = {"minute", "hour", "workday", NULL};

/* One target: its amount and its unit (<name>_unit, minutes when absent). */
static int target(web_t *w, const char *prefix, const char *name, sla_target_t *out)
{
    HDF *h = w->r->hdf;
    char unit[48];
    snprintf(unit, sizeof unit, "%s%s_unit", prefix, name);
    form_field_t f = {unit, FT_CHOICE, false, 0, unit_codes};
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

void admin_sla_as_priority(const sla_targets_t *t, priority_t *p)
{
    memset(p, 0, sizeof *p);
    p->calendar_id = t->calendar;
    p->classify = t->classify;
    p->first_response = t->first;
    p->resolution = t->resolution;
    p->update = t->update;
    p->warning_percent = t->warning;
}

bool admin_sla_out_of_order(web_t *w, const sla_targets_t *t, const char *err_field)
{
    priority_t p;
    admin_sla_as_priority(t, &p);
    if (slapolicy_ordered(catalog_calendar(&w->d->catalog, t->calendar), &p))
        return false;
    form_set_error(w->r->hdf, err_field, "resolution_before_first");
    return true;
}

static void audit_target(json_t *c, const char *key, sla_target_t o, sla_target_t n)
{
    char a[48], b[48];
    sla_target_text(o, a, sizeof a);
    sla_target_text(n, b, sizeof b);
    audit_str(c, key, *a ? a : NULL, *b ? b : NULL);
}

void admin_sla_audit_targets(json_t *c, const sla_targets_t *o, const sla_targets_t *n)
{
    audit_int(c, "calendar_id", o->calendar, n->calendar);
    audit_target(c, "classify", o->classify, n->classify);
    audit_target(c, "first_response", o->first, n->first);
    audit_target(c, "resolution", o->resolution, n->resolution);
    audit_target(c, "update_interval", o->update, n->update);
    audit_int(c, "warning_percent", o->warning, n->warning);
}

/* ---- choices ------------------------------------------------------------------ */

static const char sql_tags[] = "SELECT id, name_zh, name_en FROM tags ORDER BY id LIMIT 500";
static const char sql_tag_exists[] = "SELECT COUNT(*) FROM tags WHERE id = ?";

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

bool admin_sla_calendar_usable(web_t *w, long long id)
{
    return calendar_usable(w->d, id);
}

int admin_sla_scope_choices(web_t *w)
{
    HDF *h = w->r->hdf;
    const catalog_t *cat = &w->d->catalog;
    for (int i = 0; i < cat->ncats; i++) {
        hdf_set_valuef(h, "Categories.%d.id=%lld", i, cat->cats[i].id);
        hdf_set_valuef(h, "Categories.%d.name=%s", i, cat->cats[i].name[w->lang]);
    }
    MYSQL_STMT *st = db_query(&w->d->db, sql_tags, "");
    if (!st)
        return -1;
    long long id;
    char zh[241], en[241]; /* VARCHAR(60) in utf8mb4 */
    int i = 0, rc;
    while ((rc = db_fetch(st, "iss", &id, zh, sizeof zh, en, sizeof en)) == 1) {
        hdf_set_valuef(h, "Tags.%d.id=%lld", i, id);
        hdf_set_valuef(h, "Tags.%d.name=%s", i++, w->lang == LANG_EN ? en : zh);
    }
    db_done(st);
    return rc < 0 ? -1 : 0;
}

/* ---- the overrides -------------------------------------------------------------- */

typedef struct policy_row {
    long long id, priority_id, category_id, tag_id, active;
    char cat_zh[241], cat_en[241], tag_zh[241], tag_en[241], cat_code[41], tag_code[41];
    sla_targets_t t;
    sla_units_t units;
} policy_row_t;

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
static const char sql_policy_get[] = POLICY_COLS " WHERE p.id = ?";
static const char sql_policy_lock[] = "SELECT id FROM sla_policies WHERE id = ? FOR UPDATE";
static const char sql_policy_dup[] =
    "SELECT active FROM sla_policies WHERE priority_id = ? AND category_key = ? AND tag_key = ?"
    " AND id <> ?";
static const char sql_policy_insert[] =
    "INSERT INTO sla_policies (priority_id, category_id, tag_id, calendar_id, classify,"
    " classify_unit, first_response, first_response_unit, resolution, resolution_unit,"
    " update_interval, update_interval_unit, warning_percent)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_policy_update[] =
    "UPDATE sla_policies SET category_id = ?, tag_id = ?, calendar_id = ?, classify = ?,"
    " classify_unit = ?, first_response = ?, first_response_unit = ?, resolution = ?,"
    " resolution_unit = ?, update_interval = ?, update_interval_unit = ?, warning_percent = ?"
    " WHERE id = ?";
static const char sql_policy_active[] = "UPDATE sla_policies SET active = ? WHERE id = ?";
static const char sql_prio_code[] = "SELECT code FROM priorities WHERE id = ?";

#define POLICY_FETCH(r)                                                                        \
    &(r)->id, &(r)->priority_id, &(r)->category_id, &(r)->tag_id, &(r)->active, (r)->cat_zh,   \
        sizeof (r)->cat_zh, (r)->cat_en, sizeof (r)->cat_en, (r)->tag_zh, sizeof (r)->tag_zh,  \
        (r)->tag_en, sizeof (r)->tag_en, (r)->cat_code, sizeof (r)->cat_code, (r)->tag_code,   \
        sizeof (r)->tag_code, &(r)->t.calendar, SLA_TARGETS_FETCH((r)->t, (r)->units),         \
        &(r)->t.warning
#define POLICY_FMT "iiiiissssssi" SLA_TARGETS_FMT "i"

static void set_policy(web_t *w, const char *key, const policy_row_t *r)
{
    HDF *h = w->r->hdf;
    bool en = w->lang == LANG_EN;
    hdf_set_valuef(h, "%s.id=%lld", key, r->id);
    hdf_set_valuef(h, "%s.priority_id=%lld", key, r->priority_id);
    hdf_set_valuef(h, "%s.category_id=%lld", key, r->category_id);
    hdf_set_valuef(h, "%s.tag_id=%lld", key, r->tag_id);
    hdf_set_valuef(h, "%s.category=%s", key, en ? r->cat_en : r->cat_zh);
    hdf_set_valuef(h, "%s.tag=%s", key, en ? r->tag_en : r->tag_zh);
    hdf_set_valuef(h, "%s.tag_code=%s", key, r->tag_code);
    hdf_set_valuef(h, "%s.state=%s", key, r->active ? "active" : "inactive");
    admin_sla_set_targets(h, key, &r->t);
}

int admin_sla_list_policies(web_t *w, long long priority_id, const char *key)
{
    MYSQL_STMT *st = db_query(&w->d->db, sql_policies_of, "i", priority_id);
    if (!st)
        return -1;
    policy_row_t r;
    int i = 0, rc;
    while (memset(&r, 0, sizeof r), (rc = db_fetch(st, POLICY_FMT, POLICY_FETCH(&r))) == 1) {
        admin_sla_units(&r.t, &r.units);
        char k[64];
        snprintf(k, sizeof k, "%s.%d", key, i++);
        set_policy(w, k, &r);
    }
    db_done(st);
    return rc < 0 ? -1 : 0;
}

static int policy_get(web_t *w, long long id, policy_row_t *r)
{
    memset(r, 0, sizeof *r);
    int rc = db_row(&w->d->db, sql_policy_get, "i", POLICY_FMT, id, POLICY_FETCH(r));
    admin_sla_units(&r->t, &r->units);
    return rc;
}

/* "general / 产品故障 / VIP": the override in words, for the audit log. */
static void policy_title(const char *prio, const char *cat, const char *tag, char *out,
                         size_t cap)
{
    snprintf(out, cap, "%s / %s / %s", prio, *cat ? cat : "*", *tag ? tag : "*");
}

typedef struct scope {
    long long category, tag;
    char cat_code[41], tag_code[41];
} scope_t;

static const char sql_tag_code[] = "SELECT code FROM tags WHERE id = ?";

/* The category and tag of the override form; errors on the fields. */
static int read_scope(web_t *w, scope_t *s)
{
    HDF *h = w->r->hdf;
    static const form_field_t f[] = {{"p_category", FT_TEXT, false, 20, NULL},
                                     {"p_tag", FT_TEXT, false, 20, NULL}};
    memset(s, 0, sizeof *s);
    if (form_validate(h, h, f, 2))
        return 1;
    int errors = 0;
    s->category = admin_sla_number(h, "p_category", 1, 999999999, "invalid_choice");
    s->tag = admin_sla_number(h, "p_tag", 1, 999999999, "invalid_choice");
    const category_t *k = s->category > 0 ? catalog_category_by_id(&w->d->catalog, s->category)
                                          : NULL;
    if (s->category < 0 || (s->category > 0 && !k))
        errors += (form_set_error(h, "p_category", "invalid_choice"), 1);
    else if (k)
        snprintf(s->cat_code, sizeof s->cat_code, "%s", k->code);
    long long n = 0;
    if (s->tag < 0 || (s->tag > 0 && (db_row(&w->d->db, sql_tag_exists, "i", "i", s->tag, &n) !=
                                          1 || !n)))
        errors += (form_set_error(h, "p_tag", "invalid_choice"), 1);
    else if (s->tag > 0)
        db_row(&w->d->db, sql_tag_code, "i", "s", s->tag, s->tag_code, sizeof s->tag_code);
    if (!errors && !s->category && !s->tag)
        errors += (form_set_error(h, "p_category", "policy_scope"), 1);
    return errors;
}

static bool any_target(const sla_targets_t *t)
{
    return t->calendar || t->classify.amount || t->first.amount || t->resolution.amount ||
           t->update.amount || t->warning;
}

static void lay(sla_target_t *to, sla_target_t v)
{
    if (v.amount > 0)
        *to = v;
}

/* The targets a ticket gets from the override pol of level. */
static void laid(const sla_targets_t *level, const sla_targets_t *pol, sla_targets_t *out)
{
    *out = *level;
    if (pol->calendar)
        out->calendar = pol->calendar;
    if (pol->warning)
        out->warning = pol->warning;
    lay(&out->classify, pol->classify);
    lay(&out->first, pol->first);
    lay(&out->resolution, pol->resolution);
    lay(&out->update, pol->update);
}

static const char sql_level_targets[] =
    "SELECT calendar_id, COALESCE(classify, 0), classify_unit, COALESCE(first_response, 0),"
    " first_response_unit, COALESCE(resolution, 0), resolution_unit,"
    " COALESCE(update_interval, 0), update_interval_unit, warning_percent"
    " FROM priorities WHERE id = ?";

/* Whether the override pol, laid over its level, could let the resolution
 * fall due before the first response (the error is then on the form).
 * -1 on a database error. */
static int policy_out_of_order(web_t *w, long long priority_id, const sla_targets_t *pol)
{
    sla_targets_t level = {0}, eff;
    sla_units_t u;
    if (db_row(&w->d->db, sql_level_targets, "i", "i" SLA_TARGETS_FMT "i", priority_id,
               &level.calendar, SLA_TARGETS_FETCH(level, u), &level.warning) != 1)
        return -1;
    admin_sla_units(&level, &u);
    laid(&level, pol, &eff);
    return admin_sla_out_of_order(w, &eff, pol->resolution.amount ? "p_resolution"
                                                                 : "p_first_response");
}

bool admin_sla_policies_out_of_order(web_t *w, long long priority_id, const sla_targets_t *level)
{
    MYSQL_STMT *st = db_query(&w->d->db, sql_policies_of, "i", priority_id);
    if (!st)
        return false;
    policy_row_t r;
    bool bad = false;
    while (!bad && (memset(&r, 0, sizeof r), db_fetch(st, POLICY_FMT, POLICY_FETCH(&r))) == 1) {
        sla_targets_t eff;
        admin_sla_units(&r.t, &r.units);
        laid(level, &r.t, &eff);
        priority_t p;
        admin_sla_as_priority(&eff, &p);
        bad = r.active &&
              !slapolicy_ordered(catalog_calendar(&w->d->catalog, eff.calendar), &p);
    }
    db_done(st);
    if (bad)
        form_set_error(w->r->hdf, "resolution", "policy_order");
    return bad;
}

/* The override's own checks once its fields are valid; 0 or the errors. */
static int check_policy(web_t *w, long long priority_id, long long policy_id, const scope_t *s,
                        const sla_targets_t *t)
{
    HDF *h = w->r->hdf;
    long long active = 0;
    int rc = db_row(&w->d->db, sql_policy_dup, "iiii", "i", priority_id, s->category, s->tag,
                    policy_id, &active);
    if (rc < 0)
        return -1;
    if (rc == 1)
        return form_set_error(h, "p_category", active ? "policy_exists" : "policy_exists_off"), 1;
    if (!any_target(t))
        return form_set_error(h, "_form", "policy_empty"), 1;
    if (t->calendar && !admin_sla_calendar_usable(w, t->calendar))
        return form_set_error(h, "p_calendar", "calendar_inactive"), 1;
    return policy_out_of_order(w, priority_id, t);
}

static void audit_policy(json_t *c, const scope_t *o, const sla_targets_t *ot, const scope_t *n,
                         const sla_targets_t *nt)
{
    audit_str(c, "category", o->cat_code[0] ? o->cat_code : NULL,
              n->cat_code[0] ? n->cat_code : NULL);
    audit_str(c, "tag", o->tag_code[0] ? o->tag_code : NULL, n->tag_code[0] ? n->tag_code : NULL);
    admin_sla_audit_targets(c, ot, nt);
}

static void scope_of(const policy_row_t *r, scope_t *s)
{
    memset(s, 0, sizeof *s);
    s->category = r->category_id;
    s->tag = r->tag_id;
    snprintf(s->cat_code, sizeof s->cat_code, "%s", r->cat_code);
    snprintf(s->tag_code, sizeof s->tag_code, "%s", r->tag_code);
}

const char *admin_sla_policy_write(web_t *w, long long priority_id, const char *prio_code,
                                   long long policy_id, long long *id)
{
    scope_t s, os = {0};
    sla_targets_t t, ot = {0};
    policy_row_t old;
    int errors = read_scope(w, &s) + admin_sla_read_targets(w, "p_", &t, true);
    if (!errors) {
        int c = check_policy(w, priority_id, policy_id, &s, &t);
        if (c < 0)
            return "db";
        errors += c;
    }
    if (errors)
        return "form";
    if (policy_id) {
        if (policy_get(w, policy_id, &old) != 1)
            return "db";
        scope_of(&old, &os);
        ot = old.t;
    }
    json_t *c = audit_changes();
    audit_policy(c, &os, &ot, &s, &t);
    int rc = DB_OK;
    if (policy_id && !audit_any(c)) {
        json_decref(c);
        *id = policy_id;
        return "unchanged";
    }
    rc = policy_id ? db_exec(&w->d->db, sql_policy_update, "jjj" TARGETS_BIND "ji", s.category,
                             s.tag, t.calendar, TARGETS_ARGS(t), t.warning, policy_id)
                   : db_exec(&w->d->db, sql_policy_insert, "ijjj" TARGETS_BIND "j", priority_id,
                             s.category, s.tag, t.calendar, TARGETS_ARGS(t), t.warning);
    *id = policy_id ? policy_id : (long long)w->d->db.last_id;
    char title[160];
    policy_title(prio_code, s.cat_code, s.tag_code, title, sizeof title);
    if (rc == DB_DUP) { /* created at the same moment by someone else */
        json_decref(c);
        form_set_error(w->r->hdf, "p_category", "policy_exists");
        return "form";
    }
    rc = rc < 0 ? rc : admin_audit_id(w, "sla_policy", *id, title, policy_id ? "update" : "create", c);
    json_decref(c);
    return rc < 0 ? "db" : NULL;
}

/* ---- the page of one override ------------------------------------------------------ */

static void show_policy(web_t *w, const policy_row_t *r, int status)
{
    HDF *h = w->r->hdf;
    char code[41] = "";
    set_policy(w, "Policy", r);
    db_row(&w->d->db, sql_prio_code, "i", "s", r->priority_id, code, sizeof code);
    const priority_t *p = catalog_priority_by_id(&w->d->catalog, r->priority_id);
    hdf_set_value(h, "Policy.priority", p ? p->name[w->lang] : code);
    hdf_set_value(h, "Policy.priority_code", code);
    if (!hdf_get_value(h, "Form.p_warning.value", NULL)) {
        if (r->category_id)
            hdf_set_valuef(h, "Form.p_category.value=%lld", r->category_id);
        if (r->tag_id)
            hdf_set_valuef(h, "Form.p_tag.value=%lld", r->tag_id);
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
static int policy_of(web_t *w, const char *arg, bool lock, policy_row_t *r)
{
    long long id = admin_sla_id(arg), x;
    int rc = id ? 1 : 0;
    if (rc && lock)
        rc = db_begin(&w->d->db) == DB_OK ? db_row(&w->d->db, sql_policy_lock, "i", "i", id, &x)
                                          : -1;
    if (rc == 1)
        rc = policy_get(w, id, r);
    if (rc == 1)
        return 1;
    if (lock)
        db_rollback(&w->d->db);
    admin_error(w, rc < 0 ? 503 : 404, rc < 0 ? "unavailable" : "not_found");
    return 0;
}

void admin_sla_page_policy(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    policy_row_t r;
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
    policy_row_t r;
    char code[41] = "";
    long long id = 0;
    if (!policy_of(w, arg, true, &r))
        return;
    db_row(&w->d->db, sql_prio_code, "i", "s", r.priority_id, code, sizeof code);
    const char *err = admin_sla_policy_write(w, r.priority_id, code, r.id, &id);
    if (err && !strcmp(err, "form")) {
        db_rollback(&w->d->db);
        hdf_set_int_value(w->r->hdf, "Form.HasErrors", 1);
        return show_policy(w, &r, 422);
    }
    if (err && !strcmp(err, "unchanged")) {
        db_rollback(&w->d->db);
        return back_to_level(w, r.priority_id, "unchanged");
    }
    int rc = err ? DB_ERR : admin_commit(w);
    if (err)
        db_rollback(&w->d->db);
    if (rc != DB_OK)
        return admin_error(w, 503, "unavailable");
    back_to_level(w, r.priority_id, "policy_saved");
}

static void policy_active(web_t *w, const char *arg, bool active)
{
    ADMIN_ONLY(w);
    policy_row_t r;
    char code[41] = "", title[160];
    if (!policy_of(w, arg, true, &r))
        return;
    if (r.active == active) {
        db_rollback(&w->d->db);
        return back_to_level(w, r.priority_id, "unchanged");
    }
    if (active && r.t.calendar && !admin_sla_calendar_usable(w, r.t.calendar)) {
        db_rollback(&w->d->db);
        form_set_error(w->r->hdf, "_form", "calendar_inactive");
        return show_policy(w, &r, 409);
    }
    db_row(&w->d->db, sql_prio_code, "i", "s", r.priority_id, code, sizeof code);
    policy_title(code, r.cat_code, r.tag_code, title, sizeof title);
    json_t *c = audit_changes();
    audit_bool(c, "active", r.active, active);
    int rc = db_exec(&w->d->db, sql_policy_active, "ii", (long long)active, r.id);
    rc = rc < 0 ? rc
                : admin_audit_id(w, "sla_policy", r.id, title, active ? "activate" : "deactivate",
                                 c);
    json_decref(c);
    rc = rc == DB_OK ? admin_commit(w) : (db_rollback(&w->d->db), rc);
    if (rc != DB_OK)
        return admin_error(w, 503, "unavailable");
    back_to_level(w, r.priority_id, active ? "policy_activated" : "policy_deactivated");
}

void admin_sla_do_policy_off(web_t *w, const char *arg) { policy_active(w, arg, false); }
void admin_sla_do_policy_on(web_t *w, const char *arg) { policy_active(w, arg, true); }
