/* admin_portal: how the customers' portal looks and behaves: its name and
 * welcome text in both languages, colours and logo (lib/desk/brand.h), which
 * categories it offers, the ticket number format (lib/desk/ticket/ticket_number.h) and
 * the submissions one browser and one client address may make
 * (lib/web/ratelimit.h). All are
 * settings (lib/desk/settings.h) except the public categories (categories.is_public);
 * every worker picks them up on its next request (lib/desk/confver.h).
 *
 *   GET  /admin/portal              the form, filled with what is in force
 *   POST /admin/portal              save it (one transaction, one audit row
 *                                   per setting or category that changed)
 *   POST /admin/portal/logo         upload a logo (multipart, field "logo")
 *   POST /admin/portal/logo/remove  back to the built-in logo */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "desk/brand.h"
#include "web/ratelimit.h"

#define MAX_CATS 64

/* The form's plain settings: field and the config key it sets. */
typedef struct text_setting {
    const char *field;
    config_key_t key;
} text_setting_t;

static const text_setting_t texts[] = {
    {"name_zh", CFG_SITE_NAME},
    {"name_en", CFG_SITE_NAME_EN},
    {"welcome_zh", CFG_PORTAL_WELCOME},
    {"welcome_en", CFG_PORTAL_WELCOME_EN},
    {"primary_color", CFG_PORTAL_PRIMARY_COLOR},
    {"accent_color", CFG_PORTAL_ACCENT_COLOR},
    {"number_format", CFG_DESK_TICKET_NUMBER_FORMAT},
    {"submit_limit", CFG_PORTAL_SUBMIT_LIMIT},
    {"submit_address_limit", CFG_PORTAL_SUBMIT_ADDRESS_LIMIT}, /* empty: 10 x per browser */
    {"submit_window", CFG_PORTAL_SUBMIT_WINDOW_MINUTES},
};
#define NTEXTS ((int)(sizeof texts / sizeof *texts))

/* The ticket number formats offered: a serial per day, a serial per month,
 * and the config file's when it is another. */
static const char *formats[4] = {"YYYYMMDD-NNNN", "YYYYMMNNNN", NULL, NULL};

typedef struct portal_form {
    form_field_t fields[NTEXTS + 1];
    const char *cats[MAX_CATS + 1]; /* codes of the active categories */
} portal_form_t;

static void build_form(web_t *w, portal_form_t *f)
{
    static const form_field_t base[NTEXTS] = {
        {.name = "name_zh", .type = FT_TEXT, .required = true, .max_chars = 60},
        {.name = "name_en", .type = FT_TEXT, .required = true, .max_chars = 60},
        {.name = "welcome_zh", .type = FT_LONGTEXT, .max_chars = 300},
        {.name = "welcome_en", .type = FT_LONGTEXT, .max_chars = 600},
        {.name = "primary_color", .type = FT_TEXT, .required = true, .max_chars = 7},
        {.name = "accent_color", .type = FT_TEXT, .required = true, .max_chars = 7},
        {.name = "number_format", .type = FT_CHOICE, .required = true, .max_chars = 20,
         .choices = formats},
        {.name = "submit_limit", .type = FT_INTEGER, .required = true, .max_chars = 6, .min = 0,
         .max = 10000, .invalid = "limit_range"},
        {.name = "submit_address_limit", .type = FT_INTEGER, .max_chars = 7, .min = 0,
         .max = 1000000, .invalid = "address_limit_range"},
        {.name = "submit_window", .type = FT_INTEGER, .required = true, .max_chars = 4, .min = 1,
         .max = 1440, .invalid = "window_range"},
    };
    if (strcmp(w->d->number_pattern, formats[0]) && strcmp(w->d->number_pattern, formats[1]))
        formats[2] = w->d->number_pattern;
    memcpy(f->fields, base, sizeof base);
    int n = 0;
    for (int i = 0; i < w->d->catalog.ncats && n < MAX_CATS; i++)
        f->cats[n++] = w->d->catalog.cats[i].code;
    f->cats[n] = NULL;
    f->fields[NTEXTS] = (form_field_t){.name = "public", .type = FT_MULTICHOICE,
                                       .choices = f->cats};
}

/* The value in force; "" for none. */
static const char *current(web_t *w, const text_setting_t *t)
{
    const char *v = settings_get_str(&w->d->settings, &w->d->cfg, t->key);
    return v ? v : "";
}

/* ---- the page ------------------------------------------------------------ */

static void set_formats(web_t *w)
{
    time_t now = desk_now(w->d);
    struct tm local;
    localtime_r(&now, &local);
    for (int i = 0; formats[i]; i++) {
        char example[TN_MAX];
        if (tn_render(formats[i], &local, 1, example, sizeof example))
            example[0] = '\0';
        hdf_set_valuef(w->r->hdf, "Formats.%d.code=%s", i, formats[i]);
        hdf_set_valuef(w->r->hdf, "Formats.%d.example=%s", i, example);
        hdf_set_valuef(w->r->hdf, "Formats.%d.daily=%d", i, strstr(formats[i], "DD") != NULL);
    }
}

/* The form with what is in force; with keep_input the submitted values
 * (already in Form.*) stay. */
static void show(web_t *w, int status, bool keep_input)
{
    HDF *h = w->r->hdf;
    const catalog_t *c = &w->d->catalog;
    portal_form_t f;
    build_form(w, &f);
    for (int i = 0; i < c->ncats && i < MAX_CATS; i++) {
        hdf_set_valuef(h, "Cats.%d.code=%s", i, c->cats[i].code);
        hdf_set_valuef(h, "Cats.%d.label=%s", i, c->cats[i].name[w->lang]);
        if (!keep_input && c->cats[i].is_public)
            hdf_set_valuef(h, "Form.public.sel.%s=1", c->cats[i].code);
    }
    for (int i = 0; !keep_input && i < NTEXTS; i++)
        hdf_set_valuef(h, "Form.%s.value=%s", texts[i].field, current(w, &texts[i]));
    set_formats(w);
    hdf_set_int_value(h, "Limit.address", (int)ratelimit_address_limit(w->d));
    const settings_t *s = &w->d->settings;
    hdf_set_int_value(h, "Logo.set", *settings_get_str(s, &w->d->cfg, CFG_PORTAL_LOGO) != '\0');
    hdf_set_value(h, "Logo.type", settings_get_str(s, &w->d->cfg, CFG_PORTAL_LOGO_TYPE));
    hdf_set_valuef(h, "Logo.max_kb=%lld", brand_logo_max_bytes(w->d) / 1024);
    hdf_set_value(h, "Portal.url", w->d->base_url);
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/portal.cs", "portal");
}

static void page_portal(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    show(w, 200, false);
}

/* ---- saving ------------------------------------------------------------------ */

/* The checks form_validate cannot make; normalises the values in Form.* so
 * that what is stored is what was checked. Returns the number of errors. */
static int check_more(web_t *w)
{
    HDF *h = w->r->hdf;
    int errors = 0;
    char color[8];
    const char *v = form_value(h, "primary_color"), *err;
    if (v && (err = brand_primary_error(v)) != NULL)
        form_set_error(h, "primary_color", err), errors++;
    else if (v && brand_color_parse(v, color))
        hdf_set_value(h, "Form.primary_color.value", color);
    v = form_value(h, "accent_color");
    if (v && !brand_color_parse(v, color))
        form_set_error(h, "accent_color", "color_format"), errors++;
    else if (v)
        hdf_set_value(h, "Form.accent_color.value", color);
    static const char *const numbers[] = {"submit_limit", "submit_address_limit",
                                          "submit_window"};
    for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) /* "007" is stored as 7 */
        if (form_value(h, numbers[i]) && !hdf_get_valuef(h, "Form.%s.error", numbers[i]))
            hdf_set_valuef(h, "Form.%s.value=%lld", numbers[i], form_int(h, numbers[i]));
    if (!hdf_get_value(h, "Form.public.error", NULL) && !form_value(h, "public"))
        form_set_error(h, "public", "public_none"), errors++;
    return errors;
}

static int put_public(web_t *w, int *changed)
{
    const catalog_t *c = &w->d->catalog;
    int rc = OUTCOME_OK;
    for (int i = 0; rc == OUTCOME_OK && i < c->ncats && i < MAX_CATS; i++) {
        bool want = hdf_get_valuef(w->r->hdf, "Form.public.sel.%s", c->cats[i].code) != NULL;
        char name[256];
        rc = brand_set_public(w->d, c->cats[i].id, want, name, sizeof name);
        if (rc == 1) {
            json_t *ch = audit_changes();
            audit_bool(ch, "public", !want, want);
            rc = admin_audit_id(w, "category", c->cats[i].id, name, "update", ch);
            json_decref(ch);
            (*changed)++;
        }
    }
    return rc < 0 ? rc : OUTCOME_OK;
}

static void do_save(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    portal_form_t f;
    build_form(w, &f);
    int errors = form_validate(h, h, f.fields, NTEXTS + 1);
    errors += check_more(w);
    if (errors) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show(w, 422, true);
    }
    int changed = 0, rc = db_begin(&w->d->db);
    for (int i = 0; rc == OUTCOME_OK && i < NTEXTS; i++) {
        const char *v = form_value(h, texts[i].field);
        rc = admin_setting_put(w, texts[i].key, current(w, &texts[i]), v ? v : "", &changed);
    }
    if (rc == OUTCOME_OK)
        rc = put_public(w, &changed);
    if (rc == OUTCOME_OK && !changed) {
        db_rollback(&w->d->db);
        return admin_redirect_done(w, "/admin/portal", "portal_unchanged");
    }
    if (rc == OUTCOME_OK)
        rc = admin_commit(w);
    else
        db_rollback(&w->d->db);
    if (rc != OUTCOME_OK) {
        log_error("portal settings: save failed (%d)", rc);
        form_set_error(h, "_form", "unavailable");
        return show(w, 503, true);
    }
    admin_redirect_done(w, "/admin/portal", "portal_saved");
}

/* ---- the logo ------------------------------------------------------------------ */

/* Points Portal.Logo at key (NULL: no logo) in one audited transaction;
 * afterwards removes the file nothing points at any more. */
static int set_logo(web_t *w, const char *key, const char *type, long long size)
{
    char *old = NULL, *old_type = NULL, what[64] = "";
    if (key)
        snprintf(what, sizeof what, "%s, %lld KB", type, (size + 1023) / 1024);
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = settings_put(&w->d->db, config_name(CFG_PORTAL_LOGO), key ? key : "", &old);
    if (rc >= 0)
        rc = settings_put(&w->d->db, config_name(CFG_PORTAL_LOGO_TYPE), key ? type : "",
                          &old_type);
    if (rc >= 0) {
        json_t *c = audit_changes();
        /* the storage key is nobody's business: the type and size say what changed */
        audit_str(c, "logo", old && *old ? (old_type ? old_type : "?") : NULL, key ? what : NULL);
        const char *name = config_name(CFG_PORTAL_LOGO);
        rc = audit_any(c) ? admin_audit(w, "setting", name, name, key ? "update" : "remove", c)
                          : OUTCOME_OK;
        json_decref(c);
    }
    if (rc >= 0)
        rc = admin_commit(w);
    else
        db_rollback(&w->d->db);
    if (rc == OUTCOME_OK && old && *old && (!key || strcmp(old, key) != 0))
        brand_logo_remove(w->d, old);
    free(old);
    free(old_type);
    return rc;
}

static void do_logo(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    FILE *fp = w->r->cgi ? cgi_filehandle(w->r->cgi, "logo") : NULL;
    struct stat st;
    char type[40], key[TOKEN_TEXT_LEN + 1];
    const char *err = !fp || fstat(fileno(fp), &st) != 0 ? "logo_missing" : NULL;
    if (!err && st.st_size == 0)
        err = "logo_missing"; /* an empty file control */
    if (!err)
        err = brand_logo_check(w->d, fileno(fp), (long long)st.st_size, type, sizeof type);
    if (!err && brand_logo_store(w->d, fileno(fp), (long long)st.st_size, key))
        err = "logo_store";
    if (err) {
        form_set_error(h, "logo", err);
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show(w, strcmp(err, "logo_store") == 0 ? 503 : 422, false);
    }
    if (set_logo(w, key, type, (long long)st.st_size) != OUTCOME_OK) {
        brand_logo_remove(w->d, key);
        form_set_error(h, "logo", "logo_store");
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show(w, 503, false);
    }
    admin_redirect_done(w, "/admin/portal", "logo_saved");
}

static void do_logo_remove(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    if (set_logo(w, NULL, NULL, 0) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    admin_redirect_done(w, "/admin/portal", "logo_removed");
}

static const web_route_t routes[] = {
    {"GET", "/admin/portal", page_portal},
    {"POST", "/admin/portal", do_save},
    {"POST", "/admin/portal/logo", do_logo},
    {"POST", "/admin/portal/logo/remove", do_logo_remove},
};

const admin_module_t admin_mod_portal = {"portal", "/admin/portal", routes,
                                         sizeof routes / sizeof *routes};
