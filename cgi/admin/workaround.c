/* workaround: the rule that gives tickets the "temporary workaround within
 * 1 working day" clock (lib/desk/ticket/workaround.h): the priorities and
 * the categories named, and whether every ticket whose resolution is due
 * more than a working day after intake gets it; three settings saved
 * together, each change audited. New tickets follow the rule, and so does
 * a ticket whose priority or category changes.
 *
 *   GET  /admin/workaround   the rule
 *   POST /admin/workaround   priorities, categories, long_resolution */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/catalog/catalog.h"
#include "desk/settings.h"

#define MAX_CHOICES 200

typedef struct choices {
    const char *prios[MAX_CHOICES + 1], *cats[MAX_CHOICES + 1];
} choices_t;

/* The active priorities and categories as choices (by code) and as
 * Prios.N / Cats.N for the form. */
static void choices(web_t *w, choices_t *c)
{
    const catalog_t *cat = &w->d->catalog;
    HDF *h = w->r->hdf;
    int n = 0;
    for (int i = 0; i < cat->nprios && n < MAX_CHOICES; i++, n++) {
        c->prios[n] = cat->prios[i].code;
        hdf_set_valuef(h, "Prios.%d.code=%s", n, cat->prios[i].code);
        hdf_set_valuef(h, "Prios.%d.label=%s", n, cat->prios[i].name[w->lang]);
    }
    c->prios[n] = NULL;
    n = 0;
    for (int i = 0; i < cat->ncats && n < MAX_CHOICES; i++, n++) {
        c->cats[n] = cat->cats[i].code;
        hdf_set_valuef(h, "Cats.%d.code=%s", n, cat->cats[i].code);
        hdf_set_valuef(h, "Cats.%d.label=%s", n, cat->cats[i].name[w->lang]);
    }
    c->cats[n] = NULL;
}

static void values(web_t *w)
{
    HDF *h = w->r->hdf;
    hdf_set_value(h, "Form.long_resolution.value",
                  settings_get_bool(&w->d->settings, &w->d->cfg, CFG_WORKAROUND_LONG_RESOLUTION)
                      ? "1" : "");
    const config_key_t lists[] = {CFG_WORKAROUND_PRIORITIES, CFG_WORKAROUND_CATEGORIES};
    const char *names[] = {"priorities", "categories"};
    for (int k = 0; k < 2; k++) {
        char copy[1024], *save;
        snprintf(copy, sizeof copy, "%s", admin_setting(w, lists[k]));
        for (char *t = strtok_r(copy, ", ", &save); t; t = strtok_r(NULL, ", ", &save))
            hdf_set_valuef(h, "Form.%s.sel.%s=1", names[k], t);
    }
}

static void show(web_t *w, int status)
{
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/workaround.cs", "workaround");
}

static void page(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    choices_t c;
    choices(w, &c);
    values(w);
    show(w, 200);
}

static void save(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    choices_t c;
    choices(w, &c);
    const form_field_t fields[] = {
        {.name = "priorities", .type = FT_MULTICHOICE, .choices = c.prios},
        {.name = "categories", .type = FT_MULTICHOICE, .choices = c.cats},
        {.name = "long_resolution", .type = FT_BOOL},
    };
    if (form_validate(h, h, fields, 3)) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show(w, 422);
    }
    const char *prios = form_value(h, "priorities"), *cats = form_value(h, "categories"),
               *lr = form_value(h, "long_resolution");
    int changed = 0, rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = admin_setting_put(w, CFG_WORKAROUND_PRIORITIES, NULL, prios ? prios : "", &changed);
    if (rc == OUTCOME_OK)
        rc = admin_setting_put(w, CFG_WORKAROUND_CATEGORIES, NULL, cats ? cats : "", &changed);
    if (rc == OUTCOME_OK)
        rc = admin_setting_put(w, CFG_WORKAROUND_LONG_RESOLUTION, NULL, lr && *lr ? "1" : "0", &changed);
    if (rc == OUTCOME_OK && !changed) {
        db_rollback(&w->d->db);
        return admin_redirect_done(w, "/admin/workaround", "workaround_unchanged");
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    admin_redirect_done(w, "/admin/workaround", "workaround_saved");
}

static const web_route_t routes[] = {
    {"GET", "/admin/workaround", page},
    {"POST", "/admin/workaround", save},
};

const admin_module_t admin_mod_workaround = {"workaround", "/admin/workaround", routes,
                                             sizeof routes / sizeof *routes};
