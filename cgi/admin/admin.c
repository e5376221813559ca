/* admin: the admin console, its own program (cgi/admin/main.c hands every
 * request of a signed-in person to admin_handle) under the workspace's
 * sign-in. This file holds the gate, the module table, the frame every
 * admin page is drawn in, and the home page. Each page lives in its own
 * cgi/admin/<page>.c and is registered in modules[] and admin_pages[].
 *
 *   GET  /admin, /admin/      the home page: every section, recent changes
 *   ...                       the modules' own routes */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

/* ---- registration: one line per page module -------------------------- */

static const admin_module_t *const modules[] = {
    &admin_mod_api_keys,
    &admin_mod_categories,
    &admin_mod_people,
    &admin_mod_teams,
    &admin_mod_skills,
    &admin_mod_routing,
    &admin_mod_portal,
    &admin_mod_tags,
    &admin_mod_orgtags,
    &admin_mod_priorities,
    &admin_mod_calendars,
    &admin_mod_notifications,
    &admin_mod_mail_gateway,
    &admin_mod_replies,
    &admin_mod_reports,
    &admin_mod_workaround,
    &admin_mod_audit,
    &admin_mod_emergency_teams,
};

/* Templates of the console (parsed when rendered: main.c). */
const char *const admin_pages[] = {
    "agent/error.cs", /* agent_error_page: the 403/404/503 pages */
    "admin/home.cs",
    "admin/api_keys.cs",
    "admin/categories.cs",
    "admin/category.cs",
    "admin/category_field.cs",
    "admin/emergency_teams.cs",
    "admin/emergency_team.cs",
    "admin/people.cs",
    "admin/person.cs",
    "admin/teams.cs",
    "admin/team.cs",
    "admin/skills.cs",
    "admin/skill.cs",
    "admin/routing.cs",
    "admin/routing_rule.cs",
    "admin/routing_team.cs",
    "admin/portal.cs",
    "admin/tags.cs",
    "admin/tag.cs",
    "admin/tag_customer.cs",
    "admin/tag_organisation.cs",
    "admin/priorities.cs",
    "admin/calendars.cs",
    "admin/notifications.cs",
    "admin/notification.cs",
    "admin/mail_gateway.cs",
    "admin/replies.cs",
    "admin/reply.cs",
    "admin/reports.cs",
    "admin/workaround.cs",
    "admin/audit.cs",
    NULL,
};

/* The console's sections, in the order of the home page and side bar. A
 * section without a module is shown as "not yet available". */
static const char *const sections[] = {
    "people",  "categories", "priorities", "calendars", "routing",
    "notifications", "portal", "api_keys", "tags",       "reports", "workaround", "audit",
};
#define NSECTIONS (sizeof sections / sizeof *sections)
#define NMODULES (sizeof modules / sizeof *modules)

/* ---- the gate ------------------------------------------------------------ */

static bool is_admin(web_t *w) { return ME(w)->id > 0 && ME(w)->role == ROLE_ADMIN; }

bool admin_allowed(web_t *w)
{
    if (!is_admin(w)) {
        /* the agent's own frame: the admin side bar is not for them */
        agent_set_nav(w);
        agent_error_page(w, 403, "forbidden");
        return false;
    }
    if (strcmp(w->r->method, "POST") == 0 && !agent_csrf_ok(w)) {
        admin_error(w, 422, "expired");
        return false;
    }
    return true;
}

/* ---- the frame ----------------------------------------------------------- */

static const admin_module_t *module_of(const char *section)
{
    for (size_t i = 0; i < NMODULES; i++)
        if (strcmp(modules[i]->section, section) == 0)
            return modules[i];
    return NULL;
}

static void set_frame(web_t *w, const char *section)
{
    const agent_t *me = ME(w);
    HDF *h = w->r->hdf;
    hdf_set_value(h, "Me.name", me->name);
    hdf_set_value(h, "Me.login", me->login);
    hdf_set_value(h, "Me.role", role_code(me->role));
    hdf_set_int_value(h, "Me.supervisor", 1);
    hdf_set_int_value(h, "Me.admin", 1);
    hdf_set_value(h, "Csrf", ((session_t *)w->ctx)->csrf);
    hdf_set_int_value(h, "Admin.On", 1);
    hdf_set_value(h, "Admin.Current", section ? section : "home");
    for (size_t i = 0; i < NSECTIONS; i++) {
        const admin_module_t *m = module_of(sections[i]);
        hdf_set_valuef(h, "Admin.Sections.%d.code=%s", (int)i, sections[i]);
        if (m)
            hdf_set_valuef(h, "Admin.Sections.%d.href=%s", (int)i, m->href);
    }
}

void admin_render(web_t *w, const char *tpl, const char *section)
{
    set_frame(w, section);
    web_render(w, tpl);
}

void admin_error(web_t *w, int status, const char *key)
{
    set_frame(w, NULL);
    agent_error_page(w, status, key);
}

void admin_fail(web_t *w, int rc) { admin_error(w, status_of(rc), status_key(rc)); }

void admin_flash(web_t *w)
{
    const char *done = req_query(w->r, "done");
    if (done && *done && strspn(done, "abcdefghijklmnopqrstuvwxyz_") == strlen(done) &&
        strlen(done) < 40)
        hdf_set_value(w->r->hdf, "Admin.Done", done);
}

void admin_redirect_done(web_t *w, const char *path, const char *done)
{
    char where[512];
    snprintf(where, sizeof where, "%s%sdone=%s", path, strchr(path, '?') ? "&" : "?", done);
    req_redirect(w->r, where);
}

long long admin_query_id(web_t *w, const char *name)
{
    return web_id(req_query(w->r, name));
}

/* ---- changes --------------------------------------------------------------- */

int admin_audit(web_t *w, const char *entity, const char *entity_id, const char *title,
                const char *action, const json_t *changes)
{
    if (!is_admin(w)) /* never reached past the gate; a last line all the same */
        return OUTCOME_UNAVAILABLE;
    audit_who_t who = {ME(w)->id, req_env(w->r, "REMOTE_ADDR")};
    int rc = audit_record(w->d, &who, entity, entity_id, title, action, changes);
    return rc ? rc : confver_bump(w->d);
}

const char *admin_setting(web_t *w, config_key_t key)
{
    const char *v = settings_get_str(&w->d->settings, &w->d->cfg, key);
    return v ? v : "";
}

int admin_setting_put(web_t *w, config_key_t key, const char *now, const char *value,
                      int *changed)
{
    if (!now)
        now = admin_setting(w, key);
    if (strcmp(now, value) == 0)
        return OUTCOME_OK;
    const char *name = config_name(key);
    /* now may point into the settings in force, which the store rereads */
    char *old = NULL, *was = strdup(now);
    if (!was)
        return OUTCOME_UNAVAILABLE;
    int rc = settings_put(&w->d->db, name, value, &old);
    if (rc == 1) {
        json_t *c = audit_changes();
        audit_str(c, name, old ? old : was, value);
        rc = admin_audit(w, "setting", name, name, "update", c);
        json_decref(c);
        (*changed)++;
    }
    free(old);
    free(was);
    return rc < 0 ? rc : OUTCOME_OK;
}

int admin_audit_id(web_t *w, const char *entity, long long id, const char *title,
                   const char *action, const json_t *changes)
{
    char text[24];
    snprintf(text, sizeof text, "%lld", id);
    return admin_audit(w, entity, text, title, action, changes);
}

int admin_commit(web_t *w)
{
    int rc = db_commit(&w->d->db);
    if (rc != OUTCOME_OK) {
        db_rollback(&w->d->db);
        return rc;
    }
    confver_touch(w->d);
    confver_refresh(w->d); /* this worker first: the next page shows the change */
    return OUTCOME_OK;
}

int admin_finish(web_t *w, int rc)
{
    if (rc == OUTCOME_OK)
        return admin_commit(w);
    db_rollback(&w->d->db);
    return rc;
}

void admin_refused(web_t *w, const refusal_t *why, const char *prefix)
{
    for (int i = 0; i < why->n && i < REFUSAL_MAX; i++) {
        char name[64];
        const char *field = why->why[i].field;
        if (strcmp(field, "_form"))
            snprintf(name, sizeof name, "%s%s", prefix, field);
        else
            snprintf(name, sizeof name, "%s", field);
        form_set_error(w->r->hdf, name, why->why[i].key);
    }
}

/* ---- the home page ------------------------------------------------------- */

static void add_recent(const audit_row_t *r, void *ctx)
{
    web_t *w = ctx;
    HDF *h = w->r->hdf;
    int i = hdf_get_int_value(h, "RecentCount", 0);
    char key[48];
    snprintf(key, sizeof key, "Recent.%d.at", i);
    tpl_set_time(h, key, r->at);
    hdf_set_valuef(h, "Recent.%d.who=%s", i, r->agent_name);
    hdf_set_valuef(h, "Recent.%d.entity=%s", i, r->entity);
    hdf_set_valuef(h, "Recent.%d.entity_id=%s", i, r->entity_id);
    hdf_set_valuef(h, "Recent.%d.title=%s", i, r->title);
    hdf_set_valuef(h, "Recent.%d.action=%s", i, r->action);
    hdf_set_int_value(h, "RecentCount", i + 1);
}

static void page_home(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    audit_filter_t f = {.limit = 8};
    audit_each(w->d, &f, add_recent, w);
    hdf_set_valuef(w->r->hdf, "Admin.Version=%lld", w->d->config_version);
    admin_render(w, "admin/home.cs", "home");
}

static void to_home(web_t *w, const char *arg)
{
    (void)arg;
    req_redirect(w->r, "/admin/");
}

/* ---- dispatch -------------------------------------------------------------- */

static const web_route_t home_routes[] = {
    {"GET", "/admin", to_home},
    {"GET", "/admin/", page_home},
};

#define MAX_ROUTES 256
static web_route_t table[MAX_ROUTES];
static size_t nroutes;

/* One table of every module's routes, built once per process. */
static void build_table(void)
{
    for (size_t i = 0; i < sizeof home_routes / sizeof *home_routes; i++)
        table[nroutes++] = home_routes[i];
    for (size_t m = 0; m < NMODULES; m++)
        for (size_t i = 0; i < modules[m]->nroutes && nroutes < MAX_ROUTES; i++)
            table[nroutes++] = modules[m]->routes[i];
}

static void route_error(web_t *w, int status)
{
    admin_error(w, status, status == 405 ? "method" : "not_found");
}

void admin_handle(web_t *w)
{
    if (!admin_allowed(w)) /* the gate: any method, any path, known or not */
        return;
    if (!nroutes)
        build_table();
    web_dispatch(w, table, nroutes, route_error);
}
