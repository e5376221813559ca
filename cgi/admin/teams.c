/* admin_teams: the teams and their members (lib/desk/people/teams.h).
 *
 *   GET  /admin/teams                  the list and the form for a new team
 *   POST /admin/teams                  create (code, Chinese and English name)
 *   GET  /admin/teams/ID               rename form, members, add a member
 *   POST /admin/teams/ID               rename
 *   GET  /admin/teams/ID/deactivate    "are you sure?" (or why it cannot be)
 *   POST /admin/teams/ID/deactivate    deactivate (not while tickets are open
 *                                      in it or a category routes to it)
 *   POST /admin/teams/ID/activate
 *   POST /admin/teams/ID/members       add a member by login (lead or not)
 *   POST /admin/teams/ID/remove        remove a member (field "agent")
 *
 * Membership is read with the session on every request (lib/desk/people/auth.c): a
 * member sees the team's queue on their next page. When a team may be
 * deactivated and that an agent keeps at least one active team are
 * lib/desk/people/teams.h's rules. */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/people/people.h"
#include "desk/people/teams.h"

static const form_field_t team_fields[] = {
    {.name = "code", .type = FT_TEXT, .required = true, .max_chars = 40},
    {.name = "name_zh", .type = FT_TEXT, .required = true, .max_chars = 100},
    {.name = "name_en", .type = FT_TEXT, .required = true, .max_chars = 100},
    {.name = "rnd", .type = FT_BOOL},
};
static const form_field_t member_fields[] = {
    {.name = "login", .type = FT_TEXT, .required = true, .max_chars = 64},
    {.name = "lead", .type = FT_BOOL},
};

static const char *name_of(web_t *w, const team_info_t *t)
{
    return w->lang == LANG_EN ? t->name_en : t->name_zh;
}

static void set_team(web_t *w, const char *key, const team_info_t *t)
{
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "%s.id=%lld", key, t->id);
    hdf_set_valuef(h, "%s.code=%s", key, t->code);
    hdf_set_valuef(h, "%s.name=%s", key, name_of(w, t));
    hdf_set_valuef(h, "%s.name_zh=%s", key, t->name_zh);
    hdf_set_valuef(h, "%s.name_en=%s", key, t->name_en);
    hdf_set_valuef(h, "%s.mode=%s", key, t->dispatch_mode);
    hdf_set_valuef(h, "%s.state=%s", key, t->active ? "active" : "inactive");
    hdf_set_valuef(h, "%s.members=%lld", key, t->members);
    hdf_set_valuef(h, "%s.rnd=%d", key, t->answers_escalations);
}

static void add_row(const team_info_t *t, void *ctx)
{
    web_t *w = ctx;
    int i = hdf_get_int_value(w->r->hdf, "RowCount", 0);
    char key[24];
    snprintf(key, sizeof key, "Rows.%d", i);
    set_team(w, key, t);
    hdf_set_int_value(w->r->hdf, "RowCount", i + 1);
}

/* The list (a handful of teams: no pages) with the create form. */
static void show_list(web_t *w, int status)
{
    if (teams_each(w->d, add_row, w) < 0)
        return admin_error(w, 503, "unavailable");
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/teams.cs", "people");
}

static void page_list(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    show_list(w, 200);
}

static void to_team(web_t *w, long long id, const char *done)
{
    char where[64];
    snprintf(where, sizeof where, "/admin/teams/%lld", id);
    admin_redirect_done(w, where, done);
}

static void do_create(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    int errors = form_validate(h, h, team_fields, 3);
    const char *code = form_value(h, "code");
    const char *bad = code ? people_code_problem(code) : NULL;
    if (bad)
        form_set_error(h, "code", bad), errors++;
    if (errors) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_list(w, 422);
    }
    const char *zh = form_value(h, "name_zh"), *en = form_value(h, "name_en");
    long long id = 0;
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = teams_create(w->d, code, zh, en, &id);
    if (rc == OUTCOME_OK) {
        json_t *c = audit_changes();
        audit_str(c, "code", NULL, code);
        audit_str(c, "name_zh", NULL, zh);
        audit_str(c, "name_en", NULL, en);
        rc = admin_audit_id(w, "team", id, zh, "create", c);
        json_decref(c);
    }
    rc = admin_finish(w, rc);
    if (rc != OUTCOME_OK) {
        form_set_error(h, rc == OUTCOME_DUPLICATE ? "code" : "_form", rc == OUTCOME_DUPLICATE ? "code_taken" : "unavailable");
        return show_list(w, status_of(rc));
    }
    to_team(w, id, "team_created");
}

/* ---- one team ---------------------------------------------------------------- */

/* The team of /admin/teams/ID/...; 0 after answering 404 / 503. */
static long long team_of(web_t *w, const char *arg, team_info_t *t, bool lock)
{
    long long id = web_id(arg);
    int rc = id > 0 ? teams_get(w->d, id, lock, t) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK)
        return id;
    admin_fail(w, rc);
    return 0;
}

static void add_member(const team_member_t *m, void *ctx)
{
    web_t *w = ctx;
    HDF *h = w->r->hdf;
    int i = hdf_get_int_value(h, "MemberCount", 0);
    hdf_set_valuef(h, "Members.%d.id=%lld", i, m->agent_id);
    hdf_set_valuef(h, "Members.%d.login=%s", i, m->login);
    hdf_set_valuef(h, "Members.%d.name=%s", i, m->name);
    hdf_set_valuef(h, "Members.%d.role=%s", i, m->role);
    hdf_set_valuef(h, "Members.%d.state=%s", i, m->active ? "active" : "inactive");
    hdf_set_valuef(h, "Members.%d.lead=%d", i, m->lead);
    hdf_set_int_value(h, "MemberCount", i + 1);
}

/* The team page in a mode ("edit", "deactivate") with status. */
static void show_team(web_t *w, const team_info_t *t, const char *mode, int status)
{
    HDF *h = w->r->hdf;
    long long open = 0, cats = 0;
    set_team(w, "Team", t);
    if (teams_each_member(w->d, t->id, add_member, w) < 0 || teams_in_use(w->d, t->id, &open, &cats))
        return admin_error(w, 503, "unavailable");
    hdf_set_valuef(h, "Team.open_tickets=%lld", open);
    hdf_set_valuef(h, "Team.categories=%lld", cats);
    if (!hdf_get_value(h, "Form.name_zh.value", NULL)) {
        hdf_set_value(h, "Form.name_zh.value", t->name_zh);
        hdf_set_value(h, "Form.name_en.value", t->name_en);
        if (t->answers_escalations)
            hdf_set_value(h, "Form.rnd.value", "1");
    }
    hdf_set_value(h, "Mode", mode);
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/team.cs", "people");
}

static void page_edit(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    team_info_t t;
    if (team_of(w, arg, &t, false))
        show_team(w, &t, "edit", 200);
}

static void do_rename(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    team_info_t t;
    if (!team_of(w, arg, &t, false))
        return;
    if (form_validate(h, h, team_fields + 1, 3)) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_team(w, &t, "edit", 422);
    }
    const char *zh = form_value(h, "name_zh"), *en = form_value(h, "name_en");
    bool rnd = form_value(h, "rnd") != NULL;
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = team_of(w, arg, &t, true) ? OUTCOME_OK : 1;
    if (rc == 1)
        return db_rollback(&w->d->db);
    json_t *c = audit_changes();
    audit_str(c, "name_zh", t.name_zh, zh);
    audit_str(c, "name_en", t.name_en, en);
    audit_bool(c, "answers_escalations", t.answers_escalations, rnd);
    bool changed = audit_any(c);
    if (rc == OUTCOME_OK && changed)
        rc = teams_rename(w->d, t.id, zh, en, rnd);
    if (rc == OUTCOME_OK && changed)
        rc = admin_audit_id(w, "team", t.id, zh, "update", c);
    json_decref(c);
    if (!changed && rc == OUTCOME_OK) {
        db_rollback(&w->d->db);
        return to_team(w, t.id, "team_unchanged");
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    to_team(w, t.id, "team_saved");
}

/* ---- deactivate / activate ---------------------------------------------------- */

static void page_deactivate(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    team_info_t t;
    if (team_of(w, arg, &t, false))
        show_team(w, &t, "deactivate", 200);
}

static void set_active(web_t *w, const char *arg, bool active)
{
    team_info_t t;
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!team_of(w, arg, &t, true))
        return db_rollback(&w->d->db);
    if (t.active == active) {
        db_rollback(&w->d->db);
        return to_team(w, t.id, active ? "team_already_active" : "team_already_inactive");
    }
    int rc = teams_set_active(w->d, t.id, active);
    if (rc == CHANGE_REFUSED) {
        db_rollback(&w->d->db);
        hdf_set_value(w->r->hdf, "Alert", "team_in_use");
        return show_team(w, &t, "deactivate", 422);
    }
    if (rc == OUTCOME_OK) {
        json_t *c = audit_changes();
        audit_bool(c, "active", t.active, active);
        rc = admin_audit_id(w, "team", t.id, t.name_zh, active ? "activate" : "deactivate", c);
        json_decref(c);
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    to_team(w, t.id, active ? "team_activated" : "team_deactivated");
}

static void do_deactivate(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    set_active(w, arg, false);
}

static void do_activate(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    set_active(w, arg, true);
}

/* ---- members -------------------------------------------------------------------- */

static void do_add_member(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    team_info_t t;
    if (!team_of(w, arg, &t, false))
        return;
    int errors = form_validate(h, h, member_fields, 2);
    char login[65];
    snprintf(login, sizeof login, "%s", form_value(h, "login") ? form_value(h, "login") : "");
    long long agent = 0;
    if (!errors && (people_login_problem(login) ||
                    people_by_login(w->d, login, true, &agent) != 1))
        form_set_error(h, "login", "no_such_person"), errors++;
    if (errors) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_team(w, &t, "edit", 422);
    }
    bool lead = form_value(h, "lead") != NULL, was_lead = false;
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = team_of(w, arg, &t, true) ? OUTCOME_OK : 1;
    if (rc == 1)
        return db_rollback(&w->d->db);
    int member = rc == OUTCOME_OK ? teams_is_member(w->d, t.id, agent, &was_lead) : rc;
    rc = member < 0 ? member : rc;
    if (rc == OUTCOME_OK && member == 1 && was_lead == lead) {
        db_rollback(&w->d->db);
        return to_team(w, t.id, "member_unchanged");
    }
    if (rc == OUTCOME_OK)
        rc = teams_add_member(w->d, t.id, agent, lead);
    if (rc == OUTCOME_OK) {
        json_t *c = audit_changes();
        if (member == 1) /* the same member, another lead flag: say whose */
            json_object_set_new(c, "member", json_pack("[ss]", login, login));
        else
            audit_str(c, "member", NULL, login);
        audit_bool(c, "lead", member == 1 && was_lead, lead);
        rc = admin_audit_id(w, "team", t.id, t.name_zh, member == 1 ? "update_member" : "add_member", c);
        json_decref(c);
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    to_team(w, t.id, member == 1 ? "member_saved" : "member_added");
}

static void do_remove_member(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    team_info_t t;
    person_t p;
    long long agent = admin_query_id(w, "agent");
    bool lead = false;
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!team_of(w, arg, &t, true))
        return db_rollback(&w->d->db);
    int rc = agent > 0 ? people_get(w->d, agent, true, &p) : OUTCOME_NOT_FOUND;
    int member = rc == OUTCOME_OK          ? teams_is_member(w->d, t.id, agent, &lead)
                 : rc == OUTCOME_NOT_FOUND ? 0
                                           : rc;
    if (member < 0) {
        db_rollback(&w->d->db);
        return admin_error(w, 503, "unavailable");
    }
    if (member == 0) {
        db_rollback(&w->d->db);
        return to_team(w, t.id, "member_unchanged");
    }
    rc = teams_remove_member(w->d, t.id, agent);
    if (rc == CHANGE_REFUSED) { /* their only team */
        db_rollback(&w->d->db);
        hdf_set_value(w->r->hdf, "Alert", "last_team");
        hdf_set_value(w->r->hdf, "AlertWho", p.name);
        return show_team(w, &t, "edit", 422);
    }
    if (rc == OUTCOME_OK) {
        json_t *c = audit_changes();
        audit_str(c, "member", p.login, NULL);
        rc = admin_audit_id(w, "team", t.id, t.name_zh, "remove_member", c);
        json_decref(c);
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    to_team(w, t.id, "member_removed");
}

static const web_route_t routes[] = {
    {"GET", "/admin/teams", page_list},
    {"POST", "/admin/teams", do_create},
    {"GET", "/admin/teams/*", page_edit},
    {"POST", "/admin/teams/*", do_rename},
    {"GET", "/admin/teams/*/deactivate", page_deactivate},
    {"POST", "/admin/teams/*/deactivate", do_deactivate},
    {"POST", "/admin/teams/*/activate", do_activate},
    {"POST", "/admin/teams/*/members", do_add_member},
    {"POST", "/admin/teams/*/remove", do_remove_member},
};

const admin_module_t admin_mod_teams = {"people", "/admin/teams", routes,
                                        sizeof routes / sizeof *routes};
