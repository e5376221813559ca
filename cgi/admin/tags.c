/* admin_tags: customer tags and the rules that set them (lib/desk/customer/tags.h).
 *
 *   GET  /admin/tags                       tags, new tag, the rules, and a
 *                                          customer search (?q= exact email or
 *                                          phone, or the start of a name)
 *   POST /admin/tags                       create a free tag
 *   POST /admin/tags/rules                 save the automatic rules (settings)
 *   GET  /admin/tags/ID                    edit: names and colour
 *   POST /admin/tags/ID                    save them
 *   POST /admin/tags/ID/deactivate|activate   (free tags only)
 *   GET  /admin/tags/customers/ID          a customer's tags
 *   POST /admin/tags/customers/ID/add      tag=TAG_ID
 *   POST /admin/tags/customers/ID/remove   tag=TAG_ID
 * Organisations' tags: orgtags.c (found here with ?org=). */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/customer/customer.h"
#include "desk/customer/orgtags.h"
#include "desk/customer/tags.h"
#include "desk/stats/quality.h"

#define MAX_CATS 64

static const form_field_t create_fields[] = {
    {.name = "code", .type = FT_TEXT, .required = true, .max_chars = TAG_CODE_MAX},
    {.name = "name_zh", .type = FT_TEXT, .required = true, .max_chars = TAG_NAME_MAX},
    {.name = "name_en", .type = FT_TEXT, .required = true, .max_chars = TAG_NAME_MAX},
    {.name = "color", .type = FT_CHOICE, .required = true, .max_chars = 10, .choices = tag_colors},
};
/* editing: the same without the code, which never changes */
static const form_field_t *const edit_fields = create_fields + 1;
#define NCREATE 4
#define NEDIT 3

/* ---- shared bits -------------------------------------------------------------- */

static void set_colors(web_t *w)
{
    for (int i = 0; tag_colors[i]; i++) {
        char key[64];
        snprintf(key, sizeof key, "Admin.Tags.Color.%s", tag_colors[i]);
        hdf_set_valuef(w->r->hdf, "Colors.%d.code=%s", i, tag_colors[i]);
        hdf_set_valuef(w->r->hdf, "Colors.%d.label=%s", i, texts_get(&w->d->texts, w->lang, key));
    }
}

static void set_tag(HDF *h, const char *key, const tag_t *t, lang_t lang)
{
    hdf_set_valuef(h, "%s.id=%lld", key, t->id);
    hdf_set_valuef(h, "%s.code=%s", key, t->code);
    hdf_set_valuef(h, "%s.name=%s", key, t->name[lang]);
    hdf_set_valuef(h, "%s.name_zh=%s", key, t->name[LANG_ZH]);
    hdf_set_valuef(h, "%s.name_en=%s", key, t->name[LANG_EN]);
    hdf_set_valuef(h, "%s.color=%s", key, t->color);
    hdf_set_valuef(h, "%s.system=%d", key, t->system);
    hdf_set_valuef(h, "%s.state=%s", key, t->active ? "active" : "inactive");
    hdf_set_valuef(h, "%s.customers=%lld", key, t->customers);
}

/* A tag by the id in the path, or 0 after answering 404/503. */
static long long tag_of(web_t *w, const char *arg, tag_t *t, bool lock)
{
    long long id = web_id(arg);
    int rc = id > 0 ? tags_get(w->d, id, lock, t) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK)
        return id;
    admin_fail(w, rc);
    return 0;
}

/* ---- the list page ----------------------------------------------------------- */

static void add_tag(const tag_t *t, void *ctx)
{
    web_t *w = ctx;
    int i = hdf_get_int_value(w->r->hdf, "TagCount", 0);
    char key[32];
    snprintf(key, sizeof key, "Tags.%d", i);
    set_tag(w->r->hdf, key, t, w->lang);
    if (t->active)
        hdf_set_valuef(w->r->hdf, "Active.%d.code=%s", i, t->code);
    hdf_set_int_value(w->r->hdf, "TagCount", i + 1);
}

static bool text_ok(const char *s) { return text_is_clean_utf8(s, strlen(s)) && strlen(s) <= 200; }

static void set_search(web_t *w)
{
    HDF *h = w->r->hdf;
    const char *q = req_query(w->r, "q");
    if (!q || !*q || !text_ok(q))
        return;
    customer_hit_t hits[CUSTOMER_SEARCH_MAX];
    int n = customer_search(w->d, q, hits, CUSTOMER_SEARCH_MAX);
    hdf_set_value(h, "Search.q", q);
    hdf_set_int_value(h, "Search.done", 1);
    hdf_set_int_value(h, "Search.failed", n < 0);
    for (int i = 0; i < n; i++) {
        hdf_set_valuef(h, "Hits.%d.id=%lld", i, hits[i].id);
        hdf_set_valuef(h, "Hits.%d.name=%s", i, hits[i].name);
        hdf_set_valuef(h, "Hits.%d.organisation=%s", i, hits[i].organisation);
        char copy[256], *save;
        snprintf(copy, sizeof copy, "%s", hits[i].tags);
        int j = 0;
        for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
            hdf_set_valuef(h, "Hits.%d.tags.%d=%s", i, j++, t);
    }
}

/* The rules form's choices: every active category. */
static void rule_choices(web_t *w, const char **codes)
{
    int n = 0;
    for (int i = 0; i < w->d->catalog.ncats && n < MAX_CATS; i++) {
        const category_t *k = &w->d->catalog.cats[i];
        codes[n++] = k->code;
        hdf_set_valuef(w->r->hdf, "Cats.%d.code=%s", i, k->code);
        hdf_set_valuef(w->r->hdf, "Cats.%d.label=%s", i, k->name[w->lang]);
    }
    codes[n] = NULL;
}

/* The rules in force into Rules form values (unless a posted form is shown). */
static void rule_values(web_t *w)
{
    HDF *h = w->r->hdf;
    tag_rules_t r;
    tags_rules(w->d, &r);
    hdf_set_valuef(h, "Form.complaint_count.value=%ld", r.complaint_count);
    hdf_set_valuef(h, "Form.complaint_days.value=%ld", r.complaint_days);
    hdf_set_value(h, "Form.vip_raises.value", r.vip_raises_priority ? "1" : "");
    hdf_set_valuef(h, "Form.repeat_days.value=%ld", stats_repeat_days(w->d));
    char copy[sizeof r.complaint_categories], *save;
    snprintf(copy, sizeof copy, "%s", r.complaint_categories);
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
        hdf_set_valuef(h, "Form.complaint_categories.sel.%s=1", t);
}

/* The list page; form says which form's input is shown back (NULL: none). */
static void show(web_t *w, int status, const char *form)
{
    HDF *h = w->r->hdf;
    const char *codes[MAX_CATS + 1];
    if (tags_each(w->d, true, add_tag, w) < 0)
        return admin_error(w, 503, "unavailable");
    rule_choices(w, codes);
    if (!form || strcmp(form, "rules") != 0)
        rule_values(w);
    if (!hdf_get_value(h, "Form.color.value", NULL))
        hdf_set_value(h, "Form.color.value", "neutral");
    hdf_set_value(h, "Posted", form ? form : "");
    set_colors(w);
    set_search(w);
    admin_orgtags_search(w);
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/tags.cs", "tags");
}

static void page_list(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    show(w, 200, NULL);
}

/* ---- tags -------------------------------------------------------------------------- */

static void do_create(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    int errors = form_validate(h, h, create_fields, NCREATE);
    const char *code = form_value(h, "code");
    if (code && !hdf_get_value(h, "Form.code.error", NULL) && !tag_code_valid(code))
        form_set_error(h, "code", "tag_code"), errors++;
    if (errors) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show(w, 422, "create");
    }
    tag_t t = {0};
    snprintf(t.code, sizeof t.code, "%s", code);
    snprintf(t.name[LANG_ZH], sizeof t.name[LANG_ZH], "%s", form_value(h, "name_zh"));
    snprintf(t.name[LANG_EN], sizeof t.name[LANG_EN], "%s", form_value(h, "name_en"));
    snprintf(t.color, sizeof t.color, "%s", form_value(h, "color"));
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = tags_create(w->d, &t);
    if (rc == OUTCOME_OK) {
        json_t *c = audit_changes();
        audit_str(c, "code", NULL, t.code);
        audit_str(c, "name_zh", NULL, t.name[LANG_ZH]);
        audit_str(c, "name_en", NULL, t.name[LANG_EN]);
        audit_str(c, "color", NULL, t.color);
        rc = admin_audit_id(w, "tag", t.id, t.name[LANG_ZH], "create", c);
        json_decref(c);
    }
    rc = admin_finish(w, rc);
    if (rc == OUTCOME_DUPLICATE) {
        form_set_error(h, "code", "tag_taken");
        return show(w, 422, "create");
    }
    if (rc != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    admin_redirect_done(w, "/admin/tags", "tag_created");
}

static void show_edit(web_t *w, const tag_t *t, int status)
{
    HDF *h = w->r->hdf;
    set_tag(h, "Tag", t, w->lang);
    if (status == 200) {
        hdf_set_value(h, "Form.name_zh.value", t->name[LANG_ZH]);
        hdf_set_value(h, "Form.name_en.value", t->name[LANG_EN]);
        hdf_set_value(h, "Form.color.value", t->color);
    }
    set_colors(w);
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/tag.cs", "tags");
}

static void page_edit(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    tag_t t;
    if (tag_of(w, arg, &t, false))
        show_edit(w, &t, 200);
}

static void do_update(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    tag_t old, t;
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!tag_of(w, arg, &old, true))
        return db_rollback(&w->d->db);
    if (form_validate(h, h, edit_fields, NEDIT)) {
        db_rollback(&w->d->db);
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_edit(w, &old, 422);
    }
    t = old;
    snprintf(t.name[LANG_ZH], sizeof t.name[LANG_ZH], "%s", form_value(h, "name_zh"));
    snprintf(t.name[LANG_EN], sizeof t.name[LANG_EN], "%s", form_value(h, "name_en"));
    snprintf(t.color, sizeof t.color, "%s", form_value(h, "color"));
    json_t *c = audit_changes();
    audit_str(c, "name_zh", old.name[LANG_ZH], t.name[LANG_ZH]);
    audit_str(c, "name_en", old.name[LANG_EN], t.name[LANG_EN]);
    audit_str(c, "color", old.color, t.color);
    bool any = audit_any(c);
    int rc = any ? tags_update(w->d, &t) : OUTCOME_OK;
    if (rc == OUTCOME_OK && any)
        rc = admin_audit_id(w, "tag", t.id, t.name[LANG_ZH], "update", c);
    json_decref(c);
    if (!any) {
        db_rollback(&w->d->db);
        return admin_redirect_done(w, "/admin/tags", "tag_unchanged");
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    admin_redirect_done(w, "/admin/tags", "tag_saved");
}

static void set_active(web_t *w, const char *arg, bool active)
{
    ADMIN_ONLY(w);
    tag_t t;
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!tag_of(w, arg, &t, true))
        return db_rollback(&w->d->db);
    int rc = tags_set_active(w->d, &t, active);
    if (rc == CHANGE_REFUSED || rc == CHANGE_UNCHANGED) {
        db_rollback(&w->d->db);
        if (rc == CHANGE_REFUSED) /* a system tag */
            return admin_error(w, 409, "tag_system");
        return admin_redirect_done(w, "/admin/tags", "tag_unchanged");
    }
    json_t *c = audit_changes();
    audit_bool(c, "active", t.active, active);
    if (rc == OUTCOME_OK)
        rc = admin_audit_id(w, "tag", t.id, t.name[LANG_ZH], active ? "activate" : "deactivate", c);
    json_decref(c);
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    admin_redirect_done(w, "/admin/tags", active ? "tag_activated" : "tag_deactivated");
}

static void do_deactivate(web_t *w, const char *arg) { set_active(w, arg, false); }
static void do_activate(web_t *w, const char *arg) { set_active(w, arg, true); }

/* ---- the rules ------------------------------------------------------------------------ */

static void do_rules(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    const char *codes[MAX_CATS + 1];
    rule_choices(w, codes);
    const form_field_t fields[] = {
        {.name = "complaint_count", .type = FT_INTEGER, .required = true, .max_chars = 4, .min = 1,
         .max = 1000, .invalid = "count_range"},
        {.name = "complaint_days", .type = FT_INTEGER, .required = true, .max_chars = 4, .min = 1,
         .max = 3650, .invalid = "days_range"},
        {.name = "complaint_categories", .type = FT_MULTICHOICE, .required = true,
         .choices = codes},
        {.name = "vip_raises", .type = FT_BOOL},
        {.name = "repeat_days", .type = FT_INTEGER, .max_chars = 3, .min = 1, .max = 365,
         .invalid = "repeat_range"}, /* absent: kept */
    };
    int errors = form_validate(h, h, fields, 5);
    long count = (long)form_int(h, "complaint_count"), days = (long)form_int(h, "complaint_days");
    if (errors) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show(w, 422, "rules");
    }
    tag_rules_t now;
    tags_rules(w->d, &now);
    char cnt[24], d[24], was_cnt[24], was_d[24];
    snprintf(cnt, sizeof cnt, "%ld", count);
    snprintf(d, sizeof d, "%ld", days);
    snprintf(was_cnt, sizeof was_cnt, "%ld", now.complaint_count);
    snprintf(was_d, sizeof was_d, "%ld", now.complaint_days);
    const char *vip = form_value(h, "vip_raises") ? "1" : "0";
    char repeat[24], was_repeat[24];
    snprintf(was_repeat, sizeof was_repeat, "%ld", stats_repeat_days(w->d));
    if (form_value(h, "repeat_days"))
        snprintf(repeat, sizeof repeat, "%lld", form_int(h, "repeat_days"));
    else
        snprintf(repeat, sizeof repeat, "%s", was_repeat);
    int changed = 0, rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = admin_setting_put(w, CFG_TAGS_COMPLAINT_COUNT, was_cnt, cnt, &changed);
    if (rc == OUTCOME_OK)
        rc = admin_setting_put(w, CFG_TAGS_COMPLAINT_DAYS, was_d, d, &changed);
    if (rc == OUTCOME_OK)
        rc = admin_setting_put(w, CFG_TAGS_COMPLAINT_CATEGORIES, now.complaint_categories,
                         form_value(h, "complaint_categories"), &changed);
    if (rc == OUTCOME_OK)
        rc = admin_setting_put(w, CFG_TAGS_VIP_RAISES_PRIORITY, now.vip_raises_priority ? "1" : "0", vip,
                         &changed);
    if (rc == OUTCOME_OK)
        rc = admin_setting_put(w, CFG_STATS_REPEAT_DAYS, was_repeat, repeat, &changed);
    if (rc == OUTCOME_OK && !changed) {
        db_rollback(&w->d->db);
        return admin_redirect_done(w, "/admin/tags", "rules_unchanged");
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    admin_redirect_done(w, "/admin/tags", "rules_saved");
}

/* ---- a customer's tags ------------------------------------------------------------------- */

static void add_customer_tag(const customer_tag_t *c, void *ctx)
{
    web_t *w = ctx;
    HDF *h = w->r->hdf;
    int i = hdf_get_int_value(h, "OnCount", 0);
    char key[32];
    snprintf(key, sizeof key, "On.%d", i);
    set_tag(h, key, &c->tag, w->lang);
    hdf_set_valuef(h, "On.%d.source=%s", i, c->source);
    hdf_set_valuef(h, "On.%d.reason=%s", i, c->reason);
    snprintf(key, sizeof key, "On.%d.at", i);
    tpl_set_time(h, key, c->at);
    hdf_set_valuef(h, "Has.%lld=1", c->tag.id);
    hdf_set_int_value(h, "OnCount", i + 1);
}

/* The customer of /admin/tags/customers/ID[/...], or 0 after answering. */
static long long customer_of(web_t *w, const char *arg)
{
    char name[401], org[801];
    long long id = web_id(arg), org_id = 0;
    int rc = id > 0 ? tags_customer(w->d, id, name, sizeof name, org, sizeof org, &org_id) : OUTCOME_NOT_FOUND;
    if (rc != OUTCOME_OK) {
        admin_fail(w, rc);
        return 0;
    }
    hdf_set_valuef(w->r->hdf, "Customer.id=%lld", id);
    hdf_set_value(w->r->hdf, "Customer.name", name);
    hdf_set_value(w->r->hdf, "Customer.organisation", org);
    hdf_set_valuef(w->r->hdf, "Customer.organisation_id=%lld", org_id);
    return id;
}

/* A tag the customer carries through their organisation (orgtags.c). */
static void add_org_tag(const tag_t *t, time_t at, void *ctx)
{
    (void)at;
    web_t *w = ctx;
    int i = hdf_get_int_value(w->r->hdf, "OrgOnCount", 0);
    char key[32];
    snprintf(key, sizeof key, "OrgOn.%d", i);
    set_tag(w->r->hdf, key, t, w->lang);
    hdf_set_int_value(w->r->hdf, "OrgOnCount", i + 1);
}

static void show_customer(web_t *w, long long id, int status)
{
    long long org = hdf_get_int_value(w->r->hdf, "Customer.organisation_id", 0);
    if (tags_of_customer(w->d, id, add_customer_tag, w) < 0 ||
        (org && orgtags_each(w->d, org, add_org_tag, w) < 0) ||
        tags_each(w->d, false, add_tag, w) < 0)
        return admin_error(w, 503, "unavailable");
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/tag_customer.cs", "tags");
}

static void page_customer(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    long long id = customer_of(w, arg);
    if (id)
        show_customer(w, id, 200);
}

static void change_customer(web_t *w, const char *arg, bool add)
{
    ADMIN_ONLY(w);
    long long id = customer_of(w, arg);
    if (!id)
        return;
    tag_t t;
    long long tag_id = admin_query_id(w, "tag");
    int rc = tag_id ? tags_get(w->d, tag_id, false, &t) : OUTCOME_NOT_FOUND;
    if (rc != OUTCOME_OK && rc != OUTCOME_NOT_FOUND)
        return admin_error(w, 503, "unavailable");
    if (rc == OUTCOME_NOT_FOUND || (add && !t.active)) { /* not a tag one may give */
        form_set_error(w->r->hdf, "tag", "invalid_choice");
        return show_customer(w, id, 422);
    }
    const char *who = hdf_get_value(w->r->hdf, "Customer.name", "");
    rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = add ? tags_assign(w->d, id, t.id, desk_now(w->d)) : tags_unassign(w->d, id, t.id);
    if (rc == 0) { /* already so */
        db_rollback(&w->d->db);
    } else if (rc == 1) {
        json_t *c = audit_changes();
        audit_str(c, "tag", add ? NULL : t.code, add ? t.code : NULL);
        rc = admin_audit_id(w, "customer", id, who, add ? "tag" : "untag", c);
        json_decref(c);
        if (admin_finish(w, rc) != OUTCOME_OK)
            return admin_error(w, 503, "unavailable");
    } else {
        db_rollback(&w->d->db);
        return admin_error(w, 503, "unavailable");
    }
    char where[80];
    snprintf(where, sizeof where, "/admin/tags/customers/%lld", id);
    admin_redirect_done(w, where, add ? "customer_tagged" : "customer_untagged");
}

static void do_customer_add(web_t *w, const char *arg) { change_customer(w, arg, true); }
static void do_customer_remove(web_t *w, const char *arg) { change_customer(w, arg, false); }

static const web_route_t routes[] = {
    {"GET", "/admin/tags", page_list},
    {"POST", "/admin/tags", do_create},
    {"POST", "/admin/tags/rules", do_rules},
    {"GET", "/admin/tags/customers/*", page_customer},
    {"POST", "/admin/tags/customers/*/add", do_customer_add},
    {"POST", "/admin/tags/customers/*/remove", do_customer_remove},
    {"GET", "/admin/tags/*", page_edit},
    {"POST", "/admin/tags/*", do_update},
    {"POST", "/admin/tags/*/deactivate", do_deactivate},
    {"POST", "/admin/tags/*/activate", do_activate},
};

const admin_module_t admin_mod_tags = {"tags", "/admin/tags", routes,
                                       sizeof routes / sizeof *routes};
