/* admin: what the pages of the admin console share (cgi/admin/<page>.c).
 * A page is a module of routes (admin_module_t) in its own file, listed in
 * admin.c's modules[] with its templates in admin_pages[].
 *
 * Every /admin URL passes the gate in admin.c first (signed in, role admin,
 * CSRF on every POST); each handler re-checks with ADMIN_ONLY(w). A change
 * is one transaction: db_begin, the change, admin_audit (audit row + config
 * version bump), admin_commit (commit + stamp file: every worker reloads). */
#ifndef DESK_ADMIN_H
#define DESK_ADMIN_H

#include <jansson.h>

#include "agent/web.h"
#include "desk/audit.h"
#include "desk/confver.h"
#include "desk/refusal.h"
#include "web/form.h"
#include "core/log.h"
#include "core/text.h"

/* One page (or group of pages) of the console, registered in admin.c. */
typedef struct admin_module {
    const char *section; /* its section on the home page and in the side bar */
    const char *href;    /* where that section starts: "/admin/api-keys" */
    const web_route_t *routes;
    size_t nroutes;
} admin_module_t;

/* The modules (one line each in admin.c's modules[]). */
extern const admin_module_t admin_mod_api_keys;
extern const admin_module_t admin_mod_categories;
extern const admin_module_t admin_mod_people; /* + teams, skills: section people */
extern const admin_module_t admin_mod_teams;
extern const admin_module_t admin_mod_skills;
extern const admin_module_t admin_mod_routing;
extern const admin_module_t admin_mod_portal;
extern const admin_module_t admin_mod_tags;
extern const admin_module_t admin_mod_orgtags; /* organisations' tags: section tags */
extern const admin_module_t admin_mod_priorities; /* + SLA overrides (sla.c) */
extern const admin_module_t admin_mod_calendars;
extern const admin_module_t admin_mod_notifications; /* + mail gateway: section notifications */
extern const admin_module_t admin_mod_mail_gateway;
extern const admin_module_t admin_mod_replies;
extern const admin_module_t admin_mod_reports;
extern const admin_module_t admin_mod_workaround;
extern const admin_module_t admin_mod_audit;
extern const admin_module_t admin_mod_emergency_teams; /* section categories */

/* The "find an organisation" results of /admin/tags?org= (orgtags.c). */
void admin_orgtags_search(web_t *w);

/* True when the request may go on: signed-in admin and, for a POST, the
 * right CSRF token. Otherwise it has answered (403 or 422) and is false. */
bool admin_allowed(web_t *w);
#define ADMIN_ONLY(w)                                                                          \
    do {                                                                                       \
        if (!admin_allowed(w))                                                                 \
            return;                                                                            \
    } while (0)

/* Renders an admin page: the agent frame with the admin side bar (Me.*,
 * Csrf, Admin.Sections, Admin.Current = section) around tpl. */
void admin_render(web_t *w, const char *tpl, const char *section);
/* An error page (L.Error.<key> or L.Agent.Fail.<key>) in the admin frame. */
void admin_error(web_t *w, int status, const char *key);
/* The error page of a failed outcome (web/status.h) in the admin frame. */
void admin_fail(web_t *w, int rc);
/* 303 to path with ?done=CODE (the page shows L.Admin.Done.CODE). */
void admin_redirect_done(web_t *w, const char *path, const char *done);
/* Copies a "done" code of the query into Admin.Done (for the flash). */
void admin_flash(web_t *w);

/* Inside the caller's transaction: records who changed what (audit_log)
 * and bumps the config version. entity_id is the thing's id or name, title
 * the thing in words (its label or name, shown in the log). 0, or a
 * negative outcome (roll back). */
int admin_audit(web_t *w, const char *entity, const char *entity_id, const char *title,
                const char *action, const json_t *changes);
/* The setting in force for key ("" when none). */
const char *admin_setting(web_t *w, config_key_t key);
/* Inside the caller's transaction: stores one setting when value differs
 * from now (NULL: what is in force) and audits it (entity "setting", the
 * old and new values); counts a change in *changed. OUTCOME_OK or a
 * negative outcome (roll back). */
int admin_setting_put(web_t *w, config_key_t key, const char *now, const char *value,
                      int *changed);
/* Same with a numeric id. */
int admin_audit_id(web_t *w, const char *entity, long long id, const char *title,
                   const char *action, const json_t *changes);
/* Commits; then rewrites the stamp file so every worker of every program
 * reloads the configuration on its next request. 0 or an outcome (the
 * transaction is then rolled back). */
int admin_commit(web_t *w);
/* The end of a change: commits (admin_commit) when rc is OUTCOME_OK, else rolls
 * back; returns the outcome. */
int admin_finish(web_t *w, int rc);

/* Puts the reasons a domain function refused a change (lib/desk/refusal.h)
 * next to their fields: field "x" is the form's <prefix>x ("_form" stays
 * "_form"). */
void admin_refused(web_t *w, const refusal_t *why, const char *prefix);

/* A positive number from the query or form (ids, keyset cursors); 0 when
 * absent or not a plain positive number. */
long long admin_query_id(web_t *w, const char *name);

#endif
