/* admin_categories: categories (问题类型) and their own form fields
 * (lib/desk/catalog/catdef.h). Changes reach every worker's catalogue on its next
 * request (admin_commit); old tickets keep their category, values and
 * labels because nothing is deleted and codes of fields/options are fixed.
 *
 *   GET  /admin/categories                  the list + the create form
 *   POST /admin/categories                  create
 *   GET  /admin/categories/ID               edit: settings, fields, add a field, preview
 *   POST /admin/categories/ID               save the settings
 *   POST /admin/categories/ID/deactivate    off the portal and new-ticket forms
 *   POST /admin/categories/ID/activate
 *   POST /admin/categories/ID/common        which common fields its forms show / require
 *   POST /admin/categories/ID/fields        add a field (options of a choice field with it)
 *   GET  /admin/fields/ID                   edit a field and its options
 *   POST /admin/fields/ID                   save it
 *   POST /admin/fields/ID/up|down           move it in the form
 *   POST /admin/fields/ID/deactivate|activate
 *   POST /admin/fields/ID/options           add an option
 *   POST /admin/options/ID/deactivate|activate */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "desk/catalog/catdef.h"

/* ---- shared bits -------------------------------------------------------- */

/* Choice codes built from the catalogue (ids as text). */
typedef struct choices {
    char text[64][24];
    const char *list[65];
} choices_t;

static void priority_choices(web_t *w, choices_t *c)
{
    int n = 0;
    for (int i = 0; i < w->d->catalog.nprios && n < 64; i++, n++) {
        snprintf(c->text[n], sizeof c->text[n], "%lld", w->d->catalog.prios[i].id);
        c->list[n] = c->text[n];
    }
    c->list[n] = NULL;
}

static void team_choices(web_t *w, choices_t *c)
{
    int n = 0;
    for (int i = 0; i < w->d->catalog.nteams && n < 64; i++, n++) {
        snprintf(c->text[n], sizeof c->text[n], "%lld", w->d->catalog.teams[i].id);
        c->list[n] = c->text[n];
    }
    c->list[n] = NULL;
}

static const char *priority_name(web_t *w, long long id)
{
    const priority_t *p = catalog_priority_by_id(&w->d->catalog, id);
    return p ? p->name[w->lang] : "";
}

static const char *team_name(web_t *w, long long id)
{
    const team_t *t = catalog_team_by_id(&w->d->catalog, id);
    return t ? t->name[w->lang] : "";
}

static const char *fv(HDF *h, const char *name)
{
    const char *v = form_value(h, name);
    return v ? v : "";
}

/* Copies validated text: fits() made sure it is shorter than cap. */
static void copy(char *dst, size_t cap, const char *src)
{
    size_t n = src ? strnlen(src, cap - 1) : 0;
    memcpy(dst, src ? src : "", n);
    dst[n] = '\0';
}

/* The stored text must also fit the catalogue's byte buffers (a Chinese
 * character is 3 bytes): 0, or 1 after marking the field too long. */
static int fits(web_t *w, const char *name, size_t cap)
{
    const char *v = form_value(w->r->hdf, name);
    if (!v || strlen(v) < cap || hdf_get_valuef(w->r->hdf, "Form.%s.error", name))
        return 0;
    form_set_error(w->r->hdf, name, "too_long");
    return 1;
}

/* A created thing's value: [null, v]. */
static void created_bool(json_t *ch, const char *field, bool v)
{
    json_object_set_new(ch, field, json_pack("[nb]", v));
}

static void created_int(json_t *ch, const char *field, long long v)
{
    json_object_set_new(ch, field, json_pack("[nI]", (json_int_t)v));
}

/* A form was refused: the page again with the errors. */
static void refuse(web_t *w, const char *field, const char *key)
{
    form_set_error(w->r->hdf, field, key);
}

static void redirect_to(web_t *w, const char *what, long long id, const char *done)
{
    char path[96];
    snprintf(path, sizeof path, "/admin/%s/%lld", what, id);
    admin_redirect_done(w, path, done);
}

/* ---- the category form (create and edit) ---------------------------------- */

static const char *const no_choices[] = {NULL};

/* Validates the category form into c (id untouched); true when valid. */
static bool read_category(web_t *w, catdef_t *c)
{
    HDF *h = w->r->hdf;
    choices_t prios, teams;
    priority_choices(w, &prios);
    team_choices(w, &teams);
    const form_field_t fields[] = {
        {.name = "code", .type = FT_TEXT, .required = true, .max_chars = CATDEF_CODE_MAX},
        {.name = "name_zh", .type = FT_TEXT, .required = true, .max_chars = 60},
        {.name = "name_en", .type = FT_TEXT, .required = true, .max_chars = 60},
        {.name = "summary_zh", .type = FT_TEXT, .max_chars = 255},
        {.name = "summary_en", .type = FT_TEXT, .max_chars = 255},
        {.name = "priority", .type = FT_CHOICE, .required = true, .choices = prios.list},
        {.name = "team", .type = FT_CHOICE, .choices = teams.list[0] ? teams.list : no_choices},
        {.name = "is_public", .type = FT_BOOL},
        {.name = "sort_order", .type = FT_NUMBER, .max_chars = 5, .min = 0, .max = 9999,
         .invalid = "cat_order_range"},
    };
    int errors = form_validate(h, h, fields, (int)(sizeof fields / sizeof *fields));
    errors += fits(w, "name_zh", sizeof c->name[0]) + fits(w, "name_en", sizeof c->name[0]) +
              fits(w, "summary_zh", sizeof c->summary[0]) +
              fits(w, "summary_en", sizeof c->summary[0]);
    const char *code = form_value(h, "code");
    if (code && !hdf_get_value(h, "Form.code.error", NULL) && !catdef_code_ok(code))
        refuse(w, "code", "cat_code_format"), errors++;
    copy(c->code, sizeof c->code, code);
    copy(c->name[LANG_ZH], sizeof c->name[LANG_ZH], form_value(h, "name_zh"));
    copy(c->name[LANG_EN], sizeof c->name[LANG_EN], form_value(h, "name_en"));
    copy(c->summary[LANG_ZH], sizeof c->summary[LANG_ZH], form_value(h, "summary_zh"));
    copy(c->summary[LANG_EN], sizeof c->summary[LANG_EN], form_value(h, "summary_en"));
    c->priority_id = form_int(h, "priority");
    c->team_id = form_int(h, "team");
    c->is_public = form_value(h, "is_public") != NULL;
    c->sort_order = form_int(h, "sort_order");
    return errors == 0;
}

/* The form shows a stored category (when it was not just posted). */
static void fill_category_form(HDF *h, const catdef_t *c)
{
    hdf_set_value(h, "Form.code.value", c->code);
    hdf_set_value(h, "Form.name_zh.value", c->name[LANG_ZH]);
    hdf_set_value(h, "Form.name_en.value", c->name[LANG_EN]);
    hdf_set_value(h, "Form.summary_zh.value", c->summary[LANG_ZH]);
    hdf_set_value(h, "Form.summary_en.value", c->summary[LANG_EN]);
    hdf_set_valuef(h, "Form.priority.value=%lld", c->priority_id);
    if (c->team_id)
        hdf_set_valuef(h, "Form.team.value=%lld", c->team_id);
    hdf_set_value(h, "Form.is_public.value", c->is_public ? "1" : "");
    hdf_set_valuef(h, "Form.sort_order.value=%lld", c->sort_order);
}

static void audit_category(web_t *w, json_t *ch, const catdef_t *old, const catdef_t *c)
{
    audit_str(ch, "code", old ? old->code : NULL, c->code);
    audit_str(ch, "name_zh", old ? old->name[LANG_ZH] : NULL, c->name[LANG_ZH]);
    audit_str(ch, "name_en", old ? old->name[LANG_EN] : NULL, c->name[LANG_EN]);
    audit_str(ch, "summary_zh", old ? old->summary[LANG_ZH] : NULL, c->summary[LANG_ZH]);
    audit_str(ch, "summary_en", old ? old->summary[LANG_EN] : NULL, c->summary[LANG_EN]);
    const priority_t *op = old ? catalog_priority_by_id(&w->d->catalog, old->priority_id) : NULL;
    const priority_t *np = catalog_priority_by_id(&w->d->catalog, c->priority_id);
    audit_str(ch, "priority", op ? op->code : old ? "?" : NULL, np ? np->code : "?");
    const team_t *ot = old ? catalog_team_by_id(&w->d->catalog, old->team_id) : NULL;
    const team_t *nt = catalog_team_by_id(&w->d->catalog, c->team_id);
    if (!old || old->team_id != c->team_id)
        audit_str(ch, "team", ot ? ot->code : NULL, nt ? nt->code : NULL);
    if (!old) {
        created_bool(ch, "public", c->is_public);
        created_int(ch, "sort_order", c->sort_order);
        return;
    }
    audit_bool(ch, "public", old->is_public, c->is_public);
    audit_int(ch, "sort_order", old->sort_order, c->sort_order);
}

/* ---- the list ---------------------------------------------------------------- */

static void add_category(const catdef_t *c, void *ctx)
{
    web_t *w = ctx;
    HDF *h = w->r->hdf;
    int i = hdf_get_int_value(h, "CatCount", 0);
    hdf_set_valuef(h, "Cats.%d.id=%lld", i, c->id);
    hdf_set_valuef(h, "Cats.%d.code=%s", i, c->code);
    hdf_set_valuef(h, "Cats.%d.name=%s", i, c->name[w->lang]);
    hdf_set_valuef(h, "Cats.%d.other=%s", i, c->name[w->lang == LANG_ZH ? LANG_EN : LANG_ZH]);
    hdf_set_valuef(h, "Cats.%d.priority=%s", i, priority_name(w, c->priority_id));
    const priority_t *p = catalog_priority_by_id(&w->d->catalog, c->priority_id);
    hdf_set_valuef(h, "Cats.%d.priority_code=%s", i, p ? p->code : "");
    hdf_set_valuef(h, "Cats.%d.team=%s", i, team_name(w, c->team_id));
    hdf_set_valuef(h, "Cats.%d.public=%d", i, c->is_public);
    hdf_set_valuef(h, "Cats.%d.state=%s", i, c->active ? "active" : "inactive");
    hdf_set_valuef(h, "Cats.%d.fields=%lld", i, c->nfields);
    hdf_set_valuef(h, "Cats.%d.order=%lld", i, c->sort_order);
    hdf_set_int_value(h, "CatCount", i + 1);
}

static void show_list(web_t *w, int status)
{
    if (catdef_each(w->d, add_category, w) < 0)
        return admin_error(w, 503, "unavailable");
    HDF *h = w->r->hdf;
    if (!hdf_get_value(h, "Form.HasErrors", NULL)) { /* a fresh form: sensible defaults */
        const priority_t *def = NULL;
        for (int i = 0; i < w->d->catalog.nprios; i++)
            if (!def || strcmp(w->d->catalog.prios[i].code, "general") == 0)
                def = &w->d->catalog.prios[i];
        if (def)
            hdf_set_valuef(h, "Form.priority.value=%lld", def->id);
        hdf_set_value(h, "Form.is_public.value", "1");
        int next = (hdf_get_int_value(h, "CatCount", 0) + 1) * 10;
        hdf_set_valuef(h, "Form.sort_order.value=%d", next > 9999 ? 9999 : next);
    }
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/categories.cs", "categories");
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
    catdef_t c = {0};
    if (!read_category(w, &c))
        return show_list(w, 422);
    c.active = true;
    int rc = db_begin(&w->d->db);
    rc = rc == OUTCOME_OK ? catdef_insert(w->d, &c) : rc;
    if (rc == CHANGE_REFUSED) { /* the code is taken */
        db_rollback(&w->d->db);
        refuse(w, "code", "cat_taken");
        return show_list(w, 422);
    }
    long long id = (long long)w->d->db.last_id;
    if (rc == OUTCOME_OK) {
        json_t *ch = audit_changes();
        audit_category(w, ch, NULL, &c);
        rc = admin_audit_id(w, "category", id, c.name[LANG_ZH], "create", ch);
        json_decref(ch);
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    redirect_to(w, "categories", id, "category_created");
}

/* ---- the edit page ---------------------------------------------------------------- */

typedef struct edit_ctx {
    web_t *w;
    int n, preview;
} edit_ctx_t;

static void add_preview_option(const optdef_t *o, void *ctx)
{
    edit_ctx_t *e = ctx;
    HDF *h = e->w->r->hdf;
    if (!o->active)
        return;
    int j = hdf_get_int_value(h, "PreviewOptCount", 0);
    hdf_set_valuef(h, "Preview.Fields.%d.Options.%d.code=%s", e->preview, j, o->code);
    hdf_set_valuef(h, "Preview.Fields.%d.Options.%d.label=%s", e->preview, j,
                   o->label[e->w->lang]);
    hdf_set_int_value(h, "PreviewOptCount", j + 1);
}

static void add_field(const fielddef_t *f, void *ctx)
{
    edit_ctx_t *e = ctx;
    web_t *w = e->w;
    HDF *h = w->r->hdf;
    int i = e->n++;
    hdf_set_valuef(h, "Fields.%d.id=%lld", i, f->id);
    hdf_set_valuef(h, "Fields.%d.name=%s", i, f->name);
    hdf_set_valuef(h, "Fields.%d.type=%s", i, f->type);
    hdf_set_valuef(h, "Fields.%d.label_zh=%s", i, f->label[LANG_ZH]);
    hdf_set_valuef(h, "Fields.%d.label_en=%s", i, f->label[LANG_EN]);
    hdf_set_valuef(h, "Fields.%d.required=%d", i, f->required);
    hdf_set_valuef(h, "Fields.%d.state=%s", i, f->active ? "active" : "inactive");
    hdf_set_valuef(h, "Fields.%d.options=%lld", i, f->noptions);
    hdf_set_valuef(h, "Fields.%d.has_options=%d", i, catdef_type_has_options(f->type));
    if (!f->active)
        return;
    /* the portal form as customers will see it (active fields only) */
    e->preview = hdf_get_int_value(h, "PreviewCount", 0);
    hdf_set_valuef(h, "Preview.Fields.%d.name=%s", e->preview, f->name);
    hdf_set_valuef(h, "Preview.Fields.%d.id=%lld", e->preview, f->id);
    /* the portal's field kinds have the names of the stored types */
    hdf_set_valuef(h, "Preview.Fields.%d.type=%s", e->preview, f->type);
    hdf_set_valuef(h, "Preview.Fields.%d.label=%s", e->preview, f->label[w->lang]);
    hdf_set_valuef(h, "Preview.Fields.%d.help=%s", e->preview, f->help[w->lang]);
    hdf_set_valuef(h, "Preview.Fields.%d.required=%d", e->preview, f->required);
    hdf_set_valuef(h, "Preview.Fields.%d.max=%lld", e->preview, f->max_length);
    hdf_set_int_value(h, "PreviewCount", e->preview + 1);
}

/* The common fields with the category's modes (Common.N.name, .mode) and,
 * unless just posted, the form's choices. */
static int set_common(web_t *w, long long category_id)
{
    HDF *h = w->r->hdf;
    unsigned char modes[COMMON_COUNT];
    int rc = catdef_common_get(w->d, category_id, modes);
    if (rc != OUTCOME_OK)
        return rc;
    bool posted = hdf_get_value(h, "Form.common_product.value", NULL) != NULL;
    for (int i = 0; i < COMMON_COUNT; i++) {
        const char *name = common_field(i)->name, *mode = common_mode_name(modes[i]);
        hdf_set_valuef(h, "Common.%d.name=%s", i, name);
        hdf_set_valuef(h, "Common.%d.mode=%s", i, mode);
        if (!posted)
            hdf_set_valuef(h, "Form.common_%s.value=%s", name, mode);
    }
    return OUTCOME_OK;
}

/* Fills the edit page of category c; status; the forms keep posted input. */
static void show_edit(web_t *w, const catdef_t *c, int status)
{
    HDF *h = w->r->hdf;
    if (set_common(w, c->id) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    hdf_set_valuef(h, "Cat.id=%lld", c->id);
    hdf_set_value(h, "Cat.code", c->code);
    hdf_set_value(h, "Cat.name", c->name[w->lang]);
    hdf_set_value(h, "Cat.summary", c->summary[w->lang]);
    hdf_set_int_value(h, "Cat.public", c->is_public);
    hdf_set_value(h, "Cat.state", c->active ? "active" : "inactive");
    if (!hdf_get_value(h, "Form.code.value", NULL))
        fill_category_form(h, c);
    edit_ctx_t e = {.w = w};
    if (fielddef_each(w->d, c->id, add_field, &e) < 0)
        return admin_error(w, 503, "unavailable");
    for (int i = 0; i < hdf_get_int_value(h, "PreviewCount", 0); i++) {
        const char *type = hdf_get_valuef(h, "Preview.Fields.%d.type", i);
        if (!catdef_type_has_options(type))
            continue;
        e.preview = i;
        hdf_set_int_value(h, "PreviewOptCount", 0);
        long long fid = 0;
        text_whole(hdf_get_valuef(h, "Preview.Fields.%d.id", i), 0, WEB_ID_MAX, &fid);
        if (optdef_each(w->d, fid, add_preview_option, &e) < 0)
            return admin_error(w, 503, "unavailable");
    }
    if (!hdf_get_value(h, "Form.ftype.value", NULL))
        hdf_set_value(h, "Form.ftype.value", "text");
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/category.cs", "categories");
}

/* The category of /admin/categories/ID/..., or false after answering. */
static bool category_of(web_t *w, const char *arg, bool lock, catdef_t *c)
{
    long long id = web_id(arg);
    int rc = id > 0 ? catdef_get(w->d, id, lock, c) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK)
        return true;
    if (lock)
        db_rollback(&w->d->db);
    admin_fail(w, rc);
    return false;
}

static void page_edit(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    catdef_t c;
    if (category_of(w, arg, false, &c))
        show_edit(w, &c, 200);
}

static void do_update(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    catdef_t old, c;
    if (!category_of(w, arg, false, &old))
        return;
    c = old;
    if (!read_category(w, &c))
        return show_edit(w, &old, 422);
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!category_of(w, arg, true, &old))
        return;
    json_t *ch = audit_changes();
    audit_category(w, ch, &old, &c);
    bool any = audit_any(ch);
    int rc = any ? catdef_update(w->d, &c) : OUTCOME_OK;
    if (rc == CHANGE_REFUSED) { /* the code is taken */
        json_decref(ch);
        db_rollback(&w->d->db);
        refuse(w, "code", "cat_taken");
        return show_edit(w, &old, 422);
    }
    if (rc == OUTCOME_OK && any)
        rc = admin_audit_id(w, "category", c.id, c.name[LANG_ZH], "update", ch);
    json_decref(ch);
    if (rc == OUTCOME_OK && !any) {
        db_rollback(&w->d->db);
        return redirect_to(w, "categories", c.id, "nothing_changed");
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    redirect_to(w, "categories", c.id, "category_saved");
}

static void set_category_active(web_t *w, const char *arg, bool active)
{
    ADMIN_ONLY(w);
    catdef_t c;
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!category_of(w, arg, true, &c))
        return;
    if (c.active == active) {
        db_rollback(&w->d->db);
        return redirect_to(w, "categories", c.id, "nothing_changed");
    }
    int rc = catdef_set_active(w->d, c.id, active);
    json_t *ch = audit_changes();
    audit_bool(ch, "active", c.active, active);
    if (rc == OUTCOME_OK)
        rc = admin_audit_id(w, "category", c.id, c.name[LANG_ZH],
                            active ? "activate" : "deactivate", ch);
    json_decref(ch);
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    redirect_to(w, "categories", c.id, active ? "category_activated" : "category_deactivated");
}

/* ---- the common fields it asks for ---------------------------------------------- */

static const char *const mode_choices[] = {"hidden", "optional", "required", NULL};

static void do_common(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    catdef_t c;
    if (!category_of(w, arg, false, &c))
        return;
    form_field_t rules[COMMON_COUNT];
    char names[COMMON_COUNT][48];
    for (int i = 0; i < COMMON_COUNT; i++) {
        snprintf(names[i], sizeof names[i], "common_%s", common_field(i)->name);
        rules[i] = (form_field_t){.name = names[i], .type = FT_CHOICE, .required = true,
                                  .max_chars = 10, .choices = mode_choices};
    }
    if (form_validate(h, h, rules, COMMON_COUNT))
        return show_edit(w, &c, 422);
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!category_of(w, arg, true, &c))
        return;
    unsigned char old[COMMON_COUNT];
    int rc = catdef_common_get(w->d, c.id, old);
    json_t *ch = audit_changes();
    for (int i = 0; i < COMMON_COUNT && rc == OUTCOME_OK; i++) {
        int m = common_mode_parse(form_value(h, names[i]));
        if (m == old[i])
            continue;
        audit_str(ch, common_field(i)->name, common_mode_name(old[i]), common_mode_name(m));
        rc = catdef_common_set(w->d, c.id, i, (common_mode_t)m);
    }
    bool any = audit_any(ch);
    if (rc == OUTCOME_OK && any)
        rc = admin_audit_id(w, "category", c.id, c.name[LANG_ZH], "update", ch);
    json_decref(ch);
    if (rc == OUTCOME_OK && !any) {
        db_rollback(&w->d->db);
        return redirect_to(w, "categories", c.id, "nothing_changed");
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    redirect_to(w, "categories", c.id, "common_saved");
}

static void do_deactivate(web_t *w, const char *arg) { set_category_active(w, arg, false); }
static void do_activate(web_t *w, const char *arg) { set_category_active(w, arg, true); }

/* ---- adding a field ---------------------------------------------------------------- */

static const char *const field_types[] = {"text",   "longtext", "number",      "date",
                                          "datetime", "choice", "multichoice", "bool", NULL};

/* Label, help, required, max length of the field forms (add and edit),
 * into f; false when something is wrong (errors set). */
static bool read_field_texts(web_t *w, fielddef_t *f)
{
    HDF *h = w->r->hdf;
    bool has_length = catdef_type_has_length(f->type); /* the others: a fixed maximum */
    long long limit = catdef_length_limit(f->type);
    const form_field_t fields[] = {
        {.name = "flabel_zh", .type = FT_TEXT, .required = true, .max_chars = 100},
        {.name = "flabel_en", .type = FT_TEXT, .required = true, .max_chars = 100},
        {.name = "fhelp_zh", .type = FT_TEXT, .max_chars = 255},
        {.name = "fhelp_en", .type = FT_TEXT, .max_chars = 255},
        {.name = "frequired", .type = FT_BOOL},
        {.name = "fmax", .type = FT_NUMBER, .max_chars = 6, .min = 1, .max = limit,
         .invalid = "cat_length_range"},
    };
    int errors = form_validate(h, h, fields, has_length ? 6 : 5);
    errors += fits(w, "flabel_zh", sizeof f->label[0]) + fits(w, "flabel_en", sizeof f->label[0]) +
              fits(w, "fhelp_zh", sizeof f->help[0]) + fits(w, "fhelp_en", sizeof f->help[0]);
    copy(f->label[LANG_ZH], sizeof f->label[LANG_ZH], form_value(h, "flabel_zh"));
    copy(f->label[LANG_EN], sizeof f->label[LANG_EN], form_value(h, "flabel_en"));
    copy(f->help[LANG_ZH], sizeof f->help[LANG_ZH], form_value(h, "fhelp_zh"));
    copy(f->help[LANG_EN], sizeof f->help[LANG_EN], form_value(h, "fhelp_en"));
    f->required = form_value(h, "frequired") != NULL;
    const char *max = form_value(h, "fmax"), *err = hdf_get_value(h, "Form.fmax.error", NULL);
    if (!has_length || !max)
        f->max_length = catdef_default_max(f->type);
    else if (!err)
        f->max_length = form_int(h, "fmax");
    else if (!strcmp(err, "cat_length_range"))
        hdf_set_valuef(h, "Form.fmax.limit=%lld", limit);
    return errors == 0;
}

static void audit_field(json_t *ch, const fielddef_t *old, const fielddef_t *f)
{
    audit_str(ch, "label_zh", old ? old->label[LANG_ZH] : NULL, f->label[LANG_ZH]);
    audit_str(ch, "label_en", old ? old->label[LANG_EN] : NULL, f->label[LANG_EN]);
    audit_str(ch, "help_zh", old ? old->help[LANG_ZH] : NULL, f->help[LANG_ZH]);
    audit_str(ch, "help_en", old ? old->help[LANG_EN] : NULL, f->help[LANG_EN]);
    if (!old) {
        created_bool(ch, "required", f->required);
        created_int(ch, "max_length", f->max_length);
        return;
    }
    audit_bool(ch, "required", old->required, f->required);
    audit_int(ch, "max_length", old->max_length, f->max_length);
}

/* "code|中文|English; ..." for the audit row of a new choice field. */
static void options_text(const optline_t *o, int n, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < n && len < cap; i++)
        len += (size_t)snprintf(out + len, cap - len, "%s%s|%s|%s", i ? "; " : "", o[i].code,
                                o[i].label[LANG_ZH], o[i].label[LANG_EN]);
}

/* The field name, type and options of the add form; false on errors. */
static bool read_new_field(web_t *w, fielddef_t *f, optline_t *opts, int *nopts)
{
    HDF *h = w->r->hdf;
    const form_field_t fields[] = {
        {.name = "fname", .type = FT_TEXT, .required = true, .max_chars = CATDEF_CODE_MAX},
        {.name = "ftype", .type = FT_CHOICE, .required = true, .choices = field_types},
        {.name = "foptions", .type = FT_LONGTEXT, .max_chars = 20000},
    };
    int errors = form_validate(h, h, fields, (int)(sizeof fields / sizeof *fields));
    const char *name = form_value(h, "fname");
    if (name && !hdf_get_value(h, "Form.fname.error", NULL) && !catdef_code_ok(name))
        refuse(w, "fname", "cat_code_format"), errors++;
    copy(f->name, sizeof f->name, name);
    copy(f->type, sizeof f->type, form_value(h, "ftype"));
    *nopts = 0;
    if (catdef_type_has_options(f->type) && !hdf_get_value(h, "Form.foptions.error", NULL)) {
        const char *err;
        int line;
        *nopts = catdef_parse_options(fv(h, "foptions"), opts, CATDEF_MAX_OPTIONS, &err, &line);
        if (*nopts < 0) {
            char key[48];
            snprintf(key, sizeof key, "cat_%s", err); /* L.Err.cat_option_line, ... */
            hdf_set_int_value(h, "Form.foptions.line", line);
            refuse(w, "foptions", key), errors++;
        } else if (*nopts == 0) {
            refuse(w, "foptions", "cat_needs_option"), errors++;
        }
    }
    return read_field_texts(w, f) && errors == 0;
}

/* Inside the transaction, with category c locked: the field, its options
 * and the audit row. 0 or an outcome. */
/* Records the new field f of c (with its options) in the audit log. */
static int audit_new_field(web_t *w, const catdef_t *c, const fielddef_t *f,
                           const optline_t *opts, int nopts)
{
    json_t *ch = audit_changes();
    char title[300], text[8192];
    snprintf(title, sizeof title, "%s / %s", c->name[LANG_ZH], f->label[LANG_ZH]);
    audit_str(ch, "category", NULL, c->code);
    audit_str(ch, "name", NULL, f->name);
    audit_str(ch, "type", NULL, f->type);
    audit_field(ch, NULL, f);
    if (nopts) {
        options_text(opts, nopts, text, sizeof text);
        audit_str(ch, "options", NULL, text);
    }
    int rc = admin_audit_id(w, "category_field", f->id, title, "create", ch);
    json_decref(ch);
    return rc;
}

static void do_add_field(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    catdef_t c;
    if (!category_of(w, arg, false, &c))
        return;
    fielddef_t f = {.category_id = c.id, .active = true};
    optline_t opts[CATDEF_MAX_OPTIONS];
    refusal_t why = {0};
    int nopts = 0;
    if (!read_new_field(w, &f, opts, &nopts))
        return show_edit(w, &c, 422);
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!category_of(w, arg, true, &c))
        return;
    int rc = fielddef_add(w->d, &f, opts, nopts, &why);
    if (rc == CHANGE_REFUSED) {
        db_rollback(&w->d->db);
        admin_refused(w, &why, "f");
        return show_edit(w, &c, 422);
    }
    rc = rc == OUTCOME_OK ? audit_new_field(w, &c, &f, opts, nopts) : rc;
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    redirect_to(w, "categories", c.id, "field_added");
}

/* ---- one field ------------------------------------------------------------------- */

static void add_option(const optdef_t *o, void *ctx)
{
    web_t *w = ctx;
    HDF *h = w->r->hdf;
    int i = hdf_get_int_value(h, "OptCount", 0);
    hdf_set_valuef(h, "Options.%d.id=%lld", i, o->id);
    hdf_set_valuef(h, "Options.%d.code=%s", i, o->code);
    hdf_set_valuef(h, "Options.%d.label_zh=%s", i, o->label[LANG_ZH]);
    hdf_set_valuef(h, "Options.%d.label_en=%s", i, o->label[LANG_EN]);
    hdf_set_valuef(h, "Options.%d.state=%s", i, o->active ? "active" : "inactive");
    hdf_set_int_value(h, "OptCount", i + 1);
}

static void show_field(web_t *w, const fielddef_t *f, int status)
{
    HDF *h = w->r->hdf;
    catdef_t c;
    int rc = catdef_get(w->d, f->category_id, false, &c);
    if (rc != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    hdf_set_valuef(h, "Cat.id=%lld", c.id);
    hdf_set_value(h, "Cat.name", c.name[w->lang]);
    hdf_set_value(h, "Cat.code", c.code);
    hdf_set_valuef(h, "Field.id=%lld", f->id);
    hdf_set_value(h, "Field.name", f->name);
    hdf_set_value(h, "Field.type", f->type);
    hdf_set_value(h, "Field.label", f->label[w->lang]);
    hdf_set_value(h, "Field.state", f->active ? "active" : "inactive");
    hdf_set_int_value(h, "Field.has_options", catdef_type_has_options(f->type));
    hdf_set_int_value(h, "Field.has_length", catdef_type_has_length(f->type));
    hdf_set_valuef(h, "Field.limit=%lld", catdef_length_limit(f->type));
    if (!hdf_get_value(h, "Form.flabel_zh.value", NULL)) {
        hdf_set_value(h, "Form.flabel_zh.value", f->label[LANG_ZH]);
        hdf_set_value(h, "Form.flabel_en.value", f->label[LANG_EN]);
        hdf_set_value(h, "Form.fhelp_zh.value", f->help[LANG_ZH]);
        hdf_set_value(h, "Form.fhelp_en.value", f->help[LANG_EN]);
        hdf_set_value(h, "Form.frequired.value", f->required ? "1" : "");
        hdf_set_valuef(h, "Form.fmax.value=%lld", f->max_length);
    }
    if (catdef_type_has_options(f->type) && optdef_each(w->d, f->id, add_option, w) < 0)
        return admin_error(w, 503, "unavailable");
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/category_field.cs", "categories");
}

static bool field_of(web_t *w, const char *arg, bool lock, fielddef_t *f)
{
    long long id = web_id(arg);
    int rc = id > 0 ? fielddef_get(w->d, id, lock, f) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK)
        return true;
    if (lock)
        db_rollback(&w->d->db);
    admin_fail(w, rc);
    return false;
}

/* Begins the transaction and locks the category, then the field of
 * /admin/fields/ID/... (every change here locks category, field, option in
 * this order); false after answering. */
static bool lock_field(web_t *w, const char *arg, fielddef_t *f, catdef_t *c)
{
    if (!field_of(w, arg, false, f))
        return false;
    if (db_begin(&w->d->db) != OUTCOME_OK) {
        admin_error(w, 503, "unavailable");
        return false;
    }
    int rc = catdef_get(w->d, f->category_id, true, c);
    if (rc == OUTCOME_OK)
        return field_of(w, arg, true, f); /* answers and rolls back when gone */
    db_rollback(&w->d->db);
    admin_error(w, 503, "unavailable");
    return false;
}

static void page_field(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    fielddef_t f;
    if (field_of(w, arg, false, &f))
        show_field(w, &f, 200);
}

/* The audit title of a field: "<category> / <label>". */
static void field_title(web_t *w, const fielddef_t *f, char *out, size_t cap)
{
    const category_t *k = catalog_category_by_id(&w->d->catalog, f->category_id);
    snprintf(out, cap, "%s / %s", k ? k->name[LANG_ZH] : "?", f->label[LANG_ZH]);
}

static void do_update_field(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    fielddef_t old, f;
    if (!field_of(w, arg, false, &old))
        return;
    f = old;
    if (!read_field_texts(w, &f))
        return show_field(w, &old, 422);
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!field_of(w, arg, true, &old))
        return;
    json_t *ch = audit_changes();
    audit_field(ch, &old, &f);
    int rc = OUTCOME_OK;
    bool any = audit_any(ch);
    if (any) {
        char title[300];
        field_title(w, &f, title, sizeof title);
        rc = fielddef_update(w->d, &f);
        if (rc == OUTCOME_OK)
            rc = admin_audit_id(w, "category_field", f.id, title, "update", ch);
    }
    json_decref(ch);
    if (!any) {
        db_rollback(&w->d->db);
        return redirect_to(w, "categories", f.category_id, "nothing_changed");
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    redirect_to(w, "categories", f.category_id, "field_saved");
}

static void move_field(web_t *w, const char *arg, int dir)
{
    ADMIN_ONLY(w);
    fielddef_t f;
    catdef_t c;
    if (!lock_field(w, arg, &f, &c)) /* moves in one category wait for each other */
        return;
    long long from = 0, to = 0;
    int rc = fielddef_move(w->d, &f, dir, &from, &to);
    if (rc == 0) { /* already first or last */
        db_rollback(&w->d->db);
        return redirect_to(w, "categories", f.category_id, "nothing_changed");
    }
    if (rc == 1) {
        json_t *ch = audit_changes();
        char title[300];
        field_title(w, &f, title, sizeof title);
        audit_int(ch, "position", from, to);
        rc = admin_audit_id(w, "category_field", f.id, title, "update", ch);
        json_decref(ch);
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    redirect_to(w, "categories", f.category_id, "field_moved");
}

static void do_up(web_t *w, const char *arg) { move_field(w, arg, -1); }
static void do_down(web_t *w, const char *arg) { move_field(w, arg, +1); }

static void set_field_active(web_t *w, const char *arg, bool active)
{
    ADMIN_ONLY(w);
    fielddef_t f;
    catdef_t c;
    if (!lock_field(w, arg, &f, &c))
        return;
    if (f.active == active) {
        db_rollback(&w->d->db);
        return redirect_to(w, "categories", f.category_id, "nothing_changed");
    }
    const char *refused;
    int rc = fielddef_set_active(w->d, &f, active, &refused);
    if (rc == CHANGE_REFUSED) {
        db_rollback(&w->d->db);
        form_set_error(w->r->hdf, "_form", refused);
        hdf_set_int_value(w->r->hdf, "Form.HasErrors", 1);
        return show_edit(w, &c, 422);
    }
    if (rc == OUTCOME_OK) {
        json_t *ch = audit_changes();
        char title[300];
        field_title(w, &f, title, sizeof title);
        audit_bool(ch, "active", f.active, active);
        rc = admin_audit_id(w, "category_field", f.id, title, active ? "activate" : "deactivate",
                            ch);
        json_decref(ch);
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    redirect_to(w, "categories", f.category_id, active ? "field_activated" : "field_deactivated");
}

static void do_field_deactivate(web_t *w, const char *arg) { set_field_active(w, arg, false); }
static void do_field_activate(web_t *w, const char *arg) { set_field_active(w, arg, true); }

/* ---- options ------------------------------------------------------------------------ */

static void do_add_option(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    fielddef_t f;
    if (!field_of(w, arg, false, &f))
        return;
    if (!catdef_type_has_options(f.type))
        return admin_error(w, 404, "not_found");
    HDF *h = w->r->hdf;
    const form_field_t fields[] = {
        {.name = "ocode", .type = FT_TEXT, .required = true, .max_chars = CATDEF_CODE_MAX},
        {.name = "olabel_zh", .type = FT_TEXT, .required = true, .max_chars = 100},
        {.name = "olabel_en", .type = FT_TEXT, .required = true, .max_chars = 100},
    };
    optdef_t o = {.field_id = f.id, .active = true};
    int errors = form_validate(h, h, fields, 3);
    errors += fits(w, "olabel_zh", sizeof o.label[0]) + fits(w, "olabel_en", sizeof o.label[0]);
    copy(o.code, sizeof o.code, form_value(h, "ocode"));
    copy(o.label[LANG_ZH], sizeof o.label[LANG_ZH], form_value(h, "olabel_zh"));
    copy(o.label[LANG_EN], sizeof o.label[LANG_EN], form_value(h, "olabel_en"));
    if (*o.code && !hdf_get_value(h, "Form.ocode.error", NULL) && !catdef_code_ok(o.code))
        refuse(w, "ocode", "cat_code_format"), errors++;
    if (errors)
        return show_field(w, &f, 422);
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!field_of(w, arg, true, &f))
        return;
    refusal_t why = {0};
    int rc = optdef_add(w->d, &o, &why);
    if (rc == CHANGE_REFUSED) {
        db_rollback(&w->d->db);
        admin_refused(w, &why, "o");
        return show_field(w, &f, 422);
    }
    long long id = o.id;
    if (rc == OUTCOME_OK) {
        json_t *ch = audit_changes();
        char title[400];
        snprintf(title, sizeof title, "%s / %s", f.label[LANG_ZH], o.label[LANG_ZH]);
        audit_str(ch, "field", NULL, f.name);
        audit_str(ch, "code", NULL, o.code);
        audit_str(ch, "label_zh", NULL, o.label[LANG_ZH]);
        audit_str(ch, "label_en", NULL, o.label[LANG_EN]);
        rc = admin_audit_id(w, "category_field_option", id, title, "create", ch);
        json_decref(ch);
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    redirect_to(w, "fields", f.id, "option_added");
}

static void set_option_active(web_t *w, const char *arg, bool active)
{
    ADMIN_ONLY(w);
    optdef_t o;
    fielddef_t f;
    long long id = web_id(arg);
    int rc = id > 0 ? optdef_get(w->d, id, false, &o) : OUTCOME_NOT_FOUND; /* its field, then lock both */
    if (rc == OUTCOME_OK)
        rc = db_begin(&w->d->db) == OUTCOME_OK ? fielddef_get(w->d, o.field_id, true, &f) : OUTCOME_UNAVAILABLE;
    if (rc == OUTCOME_OK)
        rc = optdef_get(w->d, id, true, &o);
    if (rc != OUTCOME_OK) {
        db_rollback(&w->d->db);
        return admin_fail(w, rc);
    }
    if (o.active == active) {
        db_rollback(&w->d->db);
        return redirect_to(w, "fields", f.id, "nothing_changed");
    }
    rc = optdef_set_active(w->d, &f, &o, active);
    if (rc == CHANGE_REFUSED) { /* the last option of a field on the form */
        db_rollback(&w->d->db);
        form_set_error(w->r->hdf, "_form", "cat_last_option");
        hdf_set_int_value(w->r->hdf, "Form.HasErrors", 1);
        return show_field(w, &f, 422);
    }
    if (rc == OUTCOME_OK) {
        json_t *ch = audit_changes();
        char title[400];
        snprintf(title, sizeof title, "%s / %s", f.label[LANG_ZH], o.label[LANG_ZH]);
        audit_bool(ch, "active", o.active, active);
        rc = admin_audit_id(w, "category_field_option", o.id, title,
                            active ? "activate" : "deactivate", ch);
        json_decref(ch);
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    redirect_to(w, "fields", f.id, active ? "option_activated" : "option_deactivated");
}

static void do_option_deactivate(web_t *w, const char *arg) { set_option_active(w, arg, false); }
static void do_option_activate(web_t *w, const char *arg) { set_option_active(w, arg, true); }

static const web_route_t routes[] = {
    {"GET", "/admin/categories", page_list},
    {"POST", "/admin/categories", do_create},
    {"GET", "/admin/categories/*", page_edit},
    {"POST", "/admin/categories/*", do_update},
    {"POST", "/admin/categories/*/deactivate", do_deactivate},
    {"POST", "/admin/categories/*/activate", do_activate},
    {"POST", "/admin/categories/*/common", do_common},
    {"POST", "/admin/categories/*/fields", do_add_field},
    {"GET", "/admin/fields/*", page_field},
    {"POST", "/admin/fields/*", do_update_field},
    {"POST", "/admin/fields/*/up", do_up},
    {"POST", "/admin/fields/*/down", do_down},
    {"POST", "/admin/fields/*/deactivate", do_field_deactivate},
    {"POST", "/admin/fields/*/activate", do_field_activate},
    {"POST", "/admin/fields/*/options", do_add_option},
    {"POST", "/admin/options/*/deactivate", do_option_deactivate},
    {"POST", "/admin/options/*/activate", do_option_activate},
};

const admin_module_t admin_mod_categories = {"categories", "/admin/categories", routes,
                                             sizeof routes / sizeof *routes};
