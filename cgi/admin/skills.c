/* admin_skills: the skill tags agents carry (lib/desk/people/skills.h); who carries
 * which is edited on the person's page (cgi/admin/people.c).
 *
 *   GET  /admin/skills                 the list and the form for a new tag
 *   POST /admin/skills                 create (code, Chinese and English name)
 *   GET  /admin/skills/ID              rename form
 *   POST /admin/skills/ID              rename
 *   GET  /admin/skills/ID/deactivate   "are you sure?" (who carries it)
 *   POST /admin/skills/ID/deactivate   no longer offered; people keep it on record
 *   POST /admin/skills/ID/activate */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/people/people.h"
#include "desk/people/skills.h"

static const form_field_t skill_fields[] = {
    {.name = "code", .type = FT_TEXT, .required = true, .max_chars = 40},
    {.name = "name_zh", .type = FT_TEXT, .required = true, .max_chars = 60},
    {.name = "name_en", .type = FT_TEXT, .required = true, .max_chars = 60},
};

static void set_skill(web_t *w, const char *key, const skill_info_t *s)
{
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "%s.id=%lld", key, s->id);
    hdf_set_valuef(h, "%s.code=%s", key, s->code);
    hdf_set_valuef(h, "%s.name=%s", key, w->lang == LANG_EN ? s->name_en : s->name_zh);
    hdf_set_valuef(h, "%s.name_zh=%s", key, s->name_zh);
    hdf_set_valuef(h, "%s.name_en=%s", key, s->name_en);
    hdf_set_valuef(h, "%s.state=%s", key, s->active ? "active" : "inactive");
    hdf_set_valuef(h, "%s.agents=%lld", key, s->agents);
}

static void add_row(const skill_info_t *s, void *ctx)
{
    web_t *w = ctx;
    int i = hdf_get_int_value(w->r->hdf, "RowCount", 0);
    char key[24];
    snprintf(key, sizeof key, "Rows.%d", i);
    set_skill(w, key, s);
    hdf_set_int_value(w->r->hdf, "RowCount", i + 1);
}

static void show_list(web_t *w, int status)
{
    if (skills_each(w->d, add_row, w) < 0)
        return admin_error(w, 503, "unavailable");
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/skills.cs", "people");
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
    HDF *h = w->r->hdf;
    int errors = form_validate(h, h, skill_fields, 3);
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
        rc = skills_create(w->d, code, zh, en, &id);
    if (rc == OUTCOME_OK) {
        json_t *c = audit_changes();
        audit_str(c, "code", NULL, code);
        audit_str(c, "name_zh", NULL, zh);
        audit_str(c, "name_en", NULL, en);
        rc = admin_audit_id(w, "skill", id, zh, "create", c);
        json_decref(c);
    }
    rc = admin_finish(w, rc);
    if (rc != OUTCOME_OK) {
        form_set_error(h, rc == OUTCOME_DUPLICATE ? "code" : "_form", rc == OUTCOME_DUPLICATE ? "code_taken" : "unavailable");
        return show_list(w, status_of(rc));
    }
    admin_redirect_done(w, "/admin/skills", "skill_created");
}

/* The tag of /admin/skills/ID/...; 0 after answering 404 / 503. */
static long long skill_of(web_t *w, const char *arg, skill_info_t *s, bool lock)
{
    long long id = web_id(arg);
    int rc = id > 0 ? skills_get(w->d, id, lock, s) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK)
        return id;
    admin_fail(w, rc);
    return 0;
}

static void show_skill(web_t *w, const skill_info_t *s, const char *mode, int status)
{
    HDF *h = w->r->hdf;
    set_skill(w, "Skill", s);
    if (!hdf_get_value(h, "Form.name_zh.value", NULL)) {
        hdf_set_value(h, "Form.name_zh.value", s->name_zh);
        hdf_set_value(h, "Form.name_en.value", s->name_en);
    }
    hdf_set_value(h, "Mode", mode);
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/skill.cs", "people");
}

static void page_edit(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    skill_info_t s;
    if (skill_of(w, arg, &s, false))
        show_skill(w, &s, "edit", 200);
}

static void page_deactivate(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    skill_info_t s;
    if (skill_of(w, arg, &s, false))
        show_skill(w, &s, "deactivate", 200);
}

static void to_skill(web_t *w, long long id, const char *done)
{
    char where[64];
    snprintf(where, sizeof where, "/admin/skills/%lld", id);
    admin_redirect_done(w, where, done);
}

static void do_rename(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    skill_info_t s;
    if (!skill_of(w, arg, &s, false))
        return;
    if (form_validate(h, h, skill_fields + 1, 2)) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_skill(w, &s, "edit", 422);
    }
    const char *zh = form_value(h, "name_zh"), *en = form_value(h, "name_en");
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!skill_of(w, arg, &s, true))
        return db_rollback(&w->d->db);
    json_t *c = audit_changes();
    audit_str(c, "name_zh", s.name_zh, zh);
    audit_str(c, "name_en", s.name_en, en);
    bool changed = audit_any(c);
    int rc = changed ? skills_rename(w->d, s.id, zh, en) : OUTCOME_OK;
    if (rc == OUTCOME_OK && changed)
        rc = admin_audit_id(w, "skill", s.id, zh, "update", c);
    json_decref(c);
    if (rc == OUTCOME_OK && !changed) {
        db_rollback(&w->d->db);
        return to_skill(w, s.id, "skill_unchanged");
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    to_skill(w, s.id, "skill_saved");
}

static void set_active(web_t *w, const char *arg, bool active)
{
    skill_info_t s;
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!skill_of(w, arg, &s, true))
        return db_rollback(&w->d->db);
    if (s.active == active) {
        db_rollback(&w->d->db);
        return to_skill(w, s.id, active ? "skill_already_active" : "skill_already_inactive");
    }
    int rc = skills_set_active(w->d, s.id, active);
    if (rc == OUTCOME_OK) {
        json_t *c = audit_changes();
        audit_bool(c, "active", s.active, active);
        rc = admin_audit_id(w, "skill", s.id, s.name_zh, active ? "activate" : "deactivate", c);
        json_decref(c);
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    to_skill(w, s.id, active ? "skill_activated" : "skill_deactivated");
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

static const web_route_t routes[] = {
    {"GET", "/admin/skills", page_list},
    {"POST", "/admin/skills", do_create},
    {"GET", "/admin/skills/*", page_edit},
    {"POST", "/admin/skills/*", do_rename},
    {"GET", "/admin/skills/*/deactivate", page_deactivate},
    {"POST", "/admin/skills/*/deactivate", do_deactivate},
    {"POST", "/admin/skills/*/activate", do_activate},
};

const admin_module_t admin_mod_skills = {"people", "/admin/skills", routes,
                                         sizeof routes / sizeof *routes};
