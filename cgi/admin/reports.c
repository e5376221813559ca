/* reports: the monthly report mail (lib/desk/stats/monthly.h): on or off,
 * the local hour of the 1st it goes out from, and who gets it (roles, and
 * people by name), four settings saved together, audited.
 *
 *   GET  /admin/reports   the settings
 *   POST /admin/reports   enabled, hour, roles, people */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/people/people.h"
#include "desk/settings.h"

#define MAX_PEOPLE 500

/* The active people as choices (codes: their ids) into People.N. */
typedef struct choices {
    HDF *h;
    char ids[MAX_PEOPLE][24];
    const char *codes[MAX_PEOPLE + 1];
    int n;
} choices_t;

static void add_person(long long id, const char *name, const char *role, void *ctx)
{
    choices_t *c = ctx;
    if (c->n == MAX_PEOPLE)
        return;
    snprintf(c->ids[c->n], sizeof c->ids[0], "%lld", id);
    c->codes[c->n] = c->ids[c->n];
    hdf_set_valuef(c->h, "People.%d.code=%lld", c->n, id);
    hdf_set_valuef(c->h, "People.%d.label=%s", c->n, name);
    hdf_set_valuef(c->h, "People.%d.role=%s", c->n, role);
    c->codes[++c->n] = NULL;
}

static void role_choices(web_t *w)
{
    for (int i = 0; people_roles[i]; i++)
        hdf_set_valuef(w->r->hdf, "Roles.%d.code=%s", i, people_roles[i]);
}

/* The settings in force as the form's values. */
static void values(web_t *w)
{
    HDF *h = w->r->hdf;
    hdf_set_value(h, "Form.enabled.value",
                  settings_get_bool(&w->d->settings, &w->d->cfg, CFG_STATS_MONTHLY_MAIL) ? "1" : "");
    hdf_set_valuef(h, "Form.hour.value=%ld",
                   settings_get_int(&w->d->settings, &w->d->cfg, CFG_STATS_MONTHLY_HOUR));
    const config_key_t lists[] = {CFG_STATS_MONTHLY_ROLES, CFG_STATS_MONTHLY_PEOPLE};
    const char *names[] = {"roles", "people"};
    for (int k = 0; k < 2; k++) {
        char copy[1024], *save;
        snprintf(copy, sizeof copy, "%s", admin_setting(w, lists[k]));
        for (char *t = strtok_r(copy, ", ", &save); t; t = strtok_r(NULL, ", ", &save))
            hdf_set_valuef(h, "Form.%s.sel.%s=1", names[k], t);
    }
}

static void show(web_t *w, int status, choices_t *c)
{
    role_choices(w);
    if (people_each_active(w->d, add_person, c) < 0)
        return admin_error(w, 503, "unavailable");
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/reports.cs", "reports");
}

static void page(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    choices_t *c = calloc(1, sizeof *c);
    if (!c)
        return admin_error(w, 503, "unavailable");
    c->h = w->r->hdf;
    values(w);
    show(w, 200, c);
    free(c);
}

static void save(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    choices_t *c = calloc(1, sizeof *c);
    if (!c)
        return admin_error(w, 503, "unavailable");
    c->h = h;
    if (people_each_active(w->d, add_person, c) < 0) {
        free(c);
        return admin_error(w, 503, "unavailable");
    }
    const form_field_t fields[] = {
        {.name = "enabled", .type = FT_BOOL},
        {.name = "hour", .type = FT_INTEGER, .required = true, .max_chars = 2, .min = 0,
         .max = 23, .invalid = "hour_range"},
        {.name = "roles", .type = FT_MULTICHOICE, .choices = people_roles},
        {.name = "people", .type = FT_MULTICHOICE, .choices = c->codes},
    };
    int errors = form_validate(h, h, fields, 4);
    const char *roles = form_value(h, "roles"), *people = form_value(h, "people"),
               *enabled = form_value(h, "enabled");
    roles = roles ? roles : "", people = people ? people : "";
    bool on = enabled && *enabled;
    if (!errors && on && !*roles && !*people) { /* on, to nobody */
        form_set_error(h, "roles", "no_recipients");
        errors++;
    }
    if (errors) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        hdf_remove_tree(h, "People");
        c->n = 0;
        show(w, 422, c);
        free(c);
        return;
    }
    free(c);
    char hour[8];
    snprintf(hour, sizeof hour, "%lld", form_int(h, "hour"));
    int changed = 0, rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = admin_setting_put(w, CFG_STATS_MONTHLY_MAIL, NULL, on ? "1" : "0", &changed);
    if (rc == OUTCOME_OK)
        rc = admin_setting_put(w, CFG_STATS_MONTHLY_HOUR, NULL, hour, &changed);
    if (rc == OUTCOME_OK)
        rc = admin_setting_put(w, CFG_STATS_MONTHLY_ROLES, NULL, roles, &changed);
    if (rc == OUTCOME_OK)
        rc = admin_setting_put(w, CFG_STATS_MONTHLY_PEOPLE, NULL, people, &changed);
    if (rc == OUTCOME_OK && !changed) {
        db_rollback(&w->d->db);
        return admin_redirect_done(w, "/admin/reports", "reports_unchanged");
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    admin_redirect_done(w, "/admin/reports", "reports_saved");
}

static const web_route_t routes[] = {
    {"GET", "/admin/reports", page},
    {"POST", "/admin/reports", save},
};

const admin_module_t admin_mod_reports = {"reports", "/admin/reports", routes,
                                          sizeof routes / sizeof *routes};
