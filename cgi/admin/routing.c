/* admin_routing: routing rules and dispatch settings (lib/desk/dispatch/routing.h; the
 * dispatcher that applies them is lib/desk/dispatch/dispatch.h).
 *
 *   GET  /admin/routing                        rules, teams, the new-rule form
 *   POST /admin/routing                        create a rule: category -> team + skills
 *   GET  /admin/routing/rules/ID               edit a rule
 *   POST /admin/routing/rules/ID               save it (team, skills)
 *   POST /admin/routing/rules/ID/deactivate    the category falls back to its own team
 *   POST /admin/routing/rules/ID/activate
 *   GET  /admin/routing/teams/ID               a team's mode, acceptance timeout,
 *   POST /admin/routing/teams/ID               capacity; its members and their load
 *   POST /admin/routing/agents/ID/availability present / absent (form: available, team)
 * Every change: one transaction, audited, config version bumped. */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/dispatch/dispatch.h"
#include "desk/dispatch/routing.h"
#include "desk/people/skills.h"

#define MAX_ACCEPT_MINUTES 10080 /* a week */
#define MAX_CAPACITY 999

/* ---- choice lists, built per request from the catalogue and skills ---- */

typedef struct opts {
    char **codes; /* NULL-ended, for form_field_t.choices */
    int n;
} opts_t;

static void opts_add(opts_t *o, const char *code)
{
    char **more = realloc(o->codes, (size_t)(o->n + 2) * sizeof *more);
    if (!more)
        return;
    o->codes = more;
    o->codes[o->n] = strdup(code);
    if (o->codes[o->n])
        o->n++;
    o->codes[o->n] = NULL;
}

static void opts_free(opts_t *o)
{
    for (int i = 0; i < o->n; i++)
        free(o->codes[i]);
    free(o->codes);
}

typedef struct choices {
    opts_t cats, teams, skills;
    web_t *w;
} choices_t;

static void add_skill_opt(const skill_info_t *s, void *ctx)
{
    choices_t *c = ctx;
    if (!s->active)
        return;
    char id[24];
    snprintf(id, sizeof id, "%lld", s->id);
    HDF *h = c->w->r->hdf;
    int i = c->skills.n;
    hdf_set_valuef(h, "SkillOpts.%d.code=%s", i, id);
    hdf_set_valuef(h, "SkillOpts.%d.label=%s", i, c->w->lang == LANG_EN ? s->name_en : s->name_zh);
    hdf_set_valuef(h, "SkillCode.%s=%s", id, s->code);
    opts_add(&c->skills, id);
}

/* Active categories (by code), teams and skill tags (by id) as options.
 * The form offers only categories without a rule (Routed.<code>, set by the
 * list); any active one validates, so a taken one gets a clear message. */
static int load_choices(web_t *w, choices_t *c)
{
    HDF *h = w->r->hdf;
    const catalog_t *k = &w->d->catalog;
    const char *chosen = hdf_get_value(h, "Form.category.value", "");
    memset(c, 0, sizeof *c);
    c->w = w;
    hdf_remove_tree(h, "CategoryOpts");
    hdf_remove_tree(h, "TeamOpts");
    hdf_remove_tree(h, "SkillOpts");
    for (int i = 0, shown = 0; i < k->ncats; i++) {
        opts_add(&c->cats, k->cats[i].code);
        if (hdf_get_valuef(h, "Routed.%s", k->cats[i].code) && strcmp(chosen, k->cats[i].code))
            continue;
        hdf_set_valuef(h, "CategoryOpts.%d.code=%s", shown, k->cats[i].code);
        hdf_set_valuef(h, "CategoryOpts.%d.label=%s", shown++, k->cats[i].name[w->lang]);
    }
    for (int i = 0; i < k->nteams; i++) {
        char id[24];
        snprintf(id, sizeof id, "%lld", k->teams[i].id);
        hdf_set_valuef(h, "TeamOpts.%d.code=%s", i, id);
        hdf_set_valuef(h, "TeamOpts.%d.label=%s", i, k->teams[i].name[w->lang]);
        opts_add(&c->teams, id);
    }
    return skills_each(w->d, add_skill_opt, c) < 0 ? -1 : 0;
}

static void free_choices(choices_t *c)
{
    opts_free(&c->cats);
    opts_free(&c->teams);
    opts_free(&c->skills);
}

static int by_id(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

/* The chosen skills "5,3,5" -> ids 3, 5 (sorted, each once, as stored);
 * false when more than DISPATCH_MAX_SKILLS. */
static bool chosen_skills(HDF *h, long long *ids, int *n)
{
    *n = form_ids(h, "skills", ids, DISPATCH_MAX_SKILLS);
    if (*n < 0)
        return false;
    qsort(ids, (size_t)*n, sizeof *ids, by_id);
    return true;
}

/* Skill codes of ids, for the audit trail: "db, hw". */
static void skill_codes(web_t *w, const long long *ids, int n, char *out, size_t cap)
{
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        const char *code = hdf_get_valuef(w->r->hdf, "SkillCode.%lld", ids[i]);
        size_t len = strlen(out);
        snprintf(out + len, cap - len, "%s%s", i ? ", " : "", code ? code : "?");
    }
}

static const char *team_code(web_t *w, long long id)
{
    const team_t *t = catalog_team_by_id(&w->d->catalog, id);
    return t ? t->code : "";
}

/* ---- the list ------------------------------------------------------------ */

static void add_rule(const routing_rule_t *r, void *ctx)
{
    web_t *w = ctx;
    HDF *h = w->r->hdf;
    int i = hdf_get_int_value(h, "RuleCount", 0);
    hdf_set_valuef(h, "Rules.%d.id=%lld", i, r->id);
    hdf_set_valuef(h, "Rules.%d.category=%s", i, r->category_name[w->lang]);
    hdf_set_valuef(h, "Rules.%d.category_code=%s", i, r->category_code);
    hdf_set_valuef(h, "Routed.%s=1", r->category_code);
    hdf_set_valuef(h, "Rules.%d.team=%s", i, r->team_name[w->lang]);
    hdf_set_valuef(h, "Rules.%d.team_id=%lld", i, r->team_id);
    hdf_set_valuef(h, "Rules.%d.state=%s", i, r->active ? "active" : "inactive");
    hdf_set_valuef(h, "Rules.%d.category_off=%d", i, !r->category_active);
    hdf_set_valuef(h, "Rules.%d.team_off=%d", i, !r->team_active);
    for (int k = 0; k < r->nskills; k++)
        hdf_set_valuef(h, "Rules.%d.skills.%d=%s", i, k, r->skill_name[k][w->lang]);
    char key[40];
    snprintf(key, sizeof key, "Rules.%d.updated", i);
    tpl_set_time(h, key, r->updated_at);
    hdf_set_int_value(h, "RuleCount", i + 1);
}

static void add_team(const routing_team_t *t, void *ctx)
{
    web_t *w = ctx;
    HDF *h = w->r->hdf;
    int i = hdf_get_int_value(h, "TeamCount", 0);
    hdf_set_valuef(h, "Teams.%d.id=%lld", i, t->id);
    hdf_set_valuef(h, "Teams.%d.code=%s", i, t->code);
    hdf_set_valuef(h, "Teams.%d.name=%s", i, t->name[w->lang]);
    hdf_set_valuef(h, "Teams.%d.mode=%s", i, dispatch_mode_code(t->mode));
    hdf_set_valuef(h, "Teams.%d.accept=%lld", i,
                   t->accept_minutes ? t->accept_minutes : dispatch_accept_minutes(w->d, 0));
    hdf_set_valuef(h, "Teams.%d.accept_own=%d", i, t->accept_minutes > 0);
    hdf_set_valuef(h, "Teams.%d.max_open=%lld", i, t->max_open);
    hdf_set_valuef(h, "Teams.%d.members=%lld", i, t->members);
    hdf_set_valuef(h, "Teams.%d.available=%lld", i, t->available);
    hdf_set_valuef(h, "Teams.%d.open=%lld", i, t->open);
    hdf_set_valuef(h, "Teams.%d.state=%s", i, t->active ? "active" : "inactive");
    hdf_set_int_value(h, "TeamCount", i + 1);
}

/* The list page (with the new-rule form as submitted, or empty). */
static void show(web_t *w, int status)
{
    choices_t c;
    if (routing_each_rule(w->d, add_rule, w) < 0 || routing_each_team(w->d, add_team, w) < 0)
        return admin_error(w, 503, "unavailable");
    int rc = load_choices(w, &c);
    free_choices(&c);
    if (rc)
        return admin_error(w, 503, "unavailable");
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/routing.cs", "routing");
}

static void page_list(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    show(w, 200);
}

static void form_failed(web_t *w, const char *field, const char *key)
{
    form_set_error(w->r->hdf, field, key);
    hdf_set_int_value(w->r->hdf, "Form.HasErrors", 1);
}

/* Commits an audited change, or rolls back; false after answering 503. */
static bool finish(web_t *w, int rc)
{
    if (rc == OUTCOME_OK)
        rc = admin_commit(w);
    else
        db_rollback(&w->d->db);
    if (rc != OUTCOME_OK) {
        log_error("routing change failed (%d)", rc);
        admin_error(w, 503, "unavailable");
        return false;
    }
    return true;
}

static void do_create(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    choices_t c;
    long long skills[DISPATCH_MAX_SKILLS], id = 0;
    int nskills = 0;
    if (load_choices(w, &c)) {
        free_choices(&c);
        return admin_error(w, 503, "unavailable");
    }
    const form_field_t fields[] = {
        {.name = "category", .type = FT_CHOICE, .required = true,
         .choices = (const char *const *)c.cats.codes},
        {.name = "team", .type = FT_CHOICE, .required = true,
         .choices = (const char *const *)c.teams.codes},
        {.name = "skills", .type = FT_MULTICHOICE, .choices = (const char *const *)c.skills.codes},
    };
    int errors = form_validate(h, h, fields, 3);
    free_choices(&c);
    if (!errors && !chosen_skills(h, skills, &nskills))
        form_failed(w, "skills", "too_many_skills"), errors++;
    if (errors) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show(w, 422);
    }
    const category_t *cat = catalog_category(&w->d->catalog, form_value(h, "category"));
    long long team = form_int(h, "team");
    const team_t *t = catalog_team_by_id(&w->d->catalog, team);
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = routing_create_rule(w->d, cat->id, team, skills, nskills, desk_now(w->d), &id);
    if (rc == OUTCOME_DUPLICATE) { /* one rule per category: edit that one */
        db_rollback(&w->d->db);
        form_failed(w, "category", "rule_exists");
        return show(w, 422);
    }
    char codes[1024], title[512];
    skill_codes(w, skills, nskills, codes, sizeof codes);
    snprintf(title, sizeof title, "%s → %s", cat->name[LANG_ZH], t ? t->name[LANG_ZH] : "");
    json_t *ch = audit_changes();
    audit_str(ch, "category", NULL, cat->code);
    audit_str(ch, "team", NULL, team_code(w, team));
    audit_str(ch, "skills", NULL, codes);
    if (rc == OUTCOME_OK)
        rc = admin_audit_id(w, "routing_rule", id, title, "create", ch);
    json_decref(ch);
    if (finish(w, rc))
        admin_redirect_done(w, "/admin/routing", "rule_created");
}

/* ---- one rule -------------------------------------------------------------- */

/* The rule of /admin/routing/rules/ID..., or 0 after answering 404/503. */
static long long rule_of(web_t *w, const char *arg, routing_rule_t *r, bool lock)
{
    long long id = web_id(arg);
    int rc = id > 0 ? routing_get_rule(w->d, id, lock, r) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK)
        return id;
    if (lock)
        db_rollback(&w->d->db);
    admin_fail(w, rc);
    return 0;
}

static void show_rule(web_t *w, const routing_rule_t *r, int status)
{
    HDF *h = w->r->hdf;
    choices_t c;
    int rc = load_choices(w, &c);
    free_choices(&c);
    if (rc)
        return admin_error(w, 503, "unavailable");
    add_rule(r, w);
    if (!hdf_get_value(h, "Form.team.value", NULL)) { /* first view: the rule as it is */
        hdf_set_valuef(h, "Form.team.value=%lld", r->team_id);
        for (int i = 0; i < r->nskills; i++)
            hdf_set_valuef(h, "Form.skills.sel.%lld=1", r->skills[i]);
    }
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/routing_rule.cs", "routing");
}

static void page_rule(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    routing_rule_t r;
    if (rule_of(w, arg, &r, false))
        show_rule(w, &r, 200);
}

/* The validated team and skills of the edit form; false after answering. */
static bool rule_form(web_t *w, const routing_rule_t *r, long long *team, long long *skills,
                      int *n)
{
    HDF *h = w->r->hdf;
    choices_t c;
    if (load_choices(w, &c)) {
        free_choices(&c);
        admin_error(w, 503, "unavailable");
        return false;
    }
    const form_field_t fields[] = {
        {.name = "team", .type = FT_CHOICE, .required = true,
         .choices = (const char *const *)c.teams.codes},
        {.name = "skills", .type = FT_MULTICHOICE, .choices = (const char *const *)c.skills.codes},
    };
    int errors = form_validate(h, h, fields, 2);
    free_choices(&c);
    if (!errors && !chosen_skills(h, skills, n))
        form_failed(w, "skills", "too_many_skills"), errors++;
    if (errors) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        show_rule(w, r, 422);
        return false;
    }
    *team = form_int(h, "team");
    return true;
}

static void do_rule(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    routing_rule_t r;
    long long team, skills[DISPATCH_MAX_SKILLS];
    int n;
    if (!rule_of(w, arg, &r, false) || !rule_form(w, &r, &team, skills, &n))
        return;
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!rule_of(w, arg, &r, true))
        return;
    char was[1024], now[1024], title[700];
    skill_codes(w, r.skills, r.nskills, was, sizeof was);
    skill_codes(w, skills, n, now, sizeof now);
    json_t *c = audit_changes();
    audit_str(c, "team", team_code(w, r.team_id), team_code(w, team));
    audit_str(c, "skills", was, now);
    if (!audit_any(c)) { /* nothing changed: nothing to record */
        json_decref(c);
        db_rollback(&w->d->db);
        return admin_redirect_done(w, "/admin/routing", "unchanged");
    }
    const team_t *t = catalog_team_by_id(&w->d->catalog, team);
    snprintf(title, sizeof title, "%s → %s", r.category_name[LANG_ZH], t ? t->name[LANG_ZH] : "");
    int rc = routing_update_rule(w->d, r.id, team, skills, n, desk_now(w->d));
    if (rc == OUTCOME_OK)
        rc = admin_audit_id(w, "routing_rule", r.id, title, "update", c);
    json_decref(c);
    if (finish(w, rc))
        admin_redirect_done(w, "/admin/routing", "rule_saved");
}

static void set_rule_active(web_t *w, const char *arg, bool active)
{
    ADMIN_ONLY(w);
    routing_rule_t r;
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!rule_of(w, arg, &r, true))
        return;
    if (r.active == active) {
        db_rollback(&w->d->db);
        return admin_redirect_done(w, "/admin/routing", "unchanged");
    }
    char title[700];
    snprintf(title, sizeof title, "%s → %s", r.category_name[LANG_ZH], r.team_name[LANG_ZH]);
    json_t *c = audit_changes();
    audit_bool(c, "active", r.active, active);
    int rc = routing_set_rule_active(w->d, r.id, active, desk_now(w->d));
    if (rc == OUTCOME_OK)
        rc = admin_audit_id(w, "routing_rule", r.id, title, active ? "activate" : "deactivate", c);
    json_decref(c);
    if (finish(w, rc))
        admin_redirect_done(w, "/admin/routing", active ? "rule_activated" : "rule_deactivated");
}

static void do_deactivate(web_t *w, const char *arg) { set_rule_active(w, arg, false); }
static void do_activate(web_t *w, const char *arg) { set_rule_active(w, arg, true); }

/* ---- one team --------------------------------------------------------------- */

static void add_member(const routing_member_t *m, void *ctx)
{
    web_t *w = ctx;
    HDF *h = w->r->hdf;
    int i = hdf_get_int_value(h, "MemberCount", 0);
    hdf_set_valuef(h, "Members.%d.id=%lld", i, m->agent_id);
    hdf_set_valuef(h, "Members.%d.name=%s", i, m->name);
    hdf_set_valuef(h, "Members.%d.login=%s", i, m->login);
    hdf_set_valuef(h, "Members.%d.available=%d", i, m->available);
    hdf_set_valuef(h, "Members.%d.open=%lld", i, m->open);
    for (int k = 0; k < m->nskills; k++) {
        const char *label = hdf_get_valuef(h, "SkillName.%lld", m->skills[k]);
        hdf_set_valuef(h, "Members.%d.skills.%d=%s", i, k, label ? label : "?");
    }
    hdf_set_int_value(h, "MemberCount", i + 1);
}

static void add_skill_name(const skill_info_t *s, void *ctx)
{
    web_t *w = ctx;
    hdf_set_valuef(w->r->hdf, "SkillName.%lld=%s", s->id, w->lang == LANG_EN ? s->name_en : s->name_zh);
}

/* The team of /admin/routing/teams/ID, or 0 after answering. */
static long long team_of(web_t *w, const char *arg, routing_team_t *t, bool lock)
{
    long long id = web_id(arg);
    int rc = id > 0 ? routing_get_team(w->d, id, lock, t) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK)
        return id;
    if (lock)
        db_rollback(&w->d->db);
    admin_fail(w, rc);
    return 0;
}

static void show_team(web_t *w, const routing_team_t *t, int status)
{
    HDF *h = w->r->hdf;
    add_team(t, w);
    if (skills_each(w->d, add_skill_name, w) < 0 ||
        routing_each_member(w->d, t->id, add_member, w) < 0)
        return admin_error(w, 503, "unavailable");
    if (!hdf_get_value(h, "Form.mode.value", NULL)) {
        hdf_set_value(h, "Form.mode.value", dispatch_mode_code(t->mode));
        if (t->accept_minutes)
            hdf_set_valuef(h, "Form.accept_minutes.value=%lld", t->accept_minutes);
        if (t->max_open)
            hdf_set_valuef(h, "Form.max_open.value=%lld", t->max_open);
    }
    hdf_set_valuef(h, "DefaultAccept=%ld", dispatch_accept_minutes(w->d, 0));
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/routing_team.cs", "routing");
}

static void page_team(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    routing_team_t t;
    if (team_of(w, arg, &t, false))
        show_team(w, &t, 200);
}

static const char *const modes[] = {"claim", "least_open", "round_robin", NULL};
static const form_field_t team_fields[] = {
    {.name = "mode", .type = FT_CHOICE, .required = true, .choices = modes},
    {.name = "accept_minutes", .type = FT_NUMBER, .max_chars = 6, .min = 1,
     .max = MAX_ACCEPT_MINUTES, .invalid = "accept_range"},
    {.name = "max_open", .type = FT_NUMBER, .max_chars = 4, .min = 1, .max = MAX_CAPACITY,
     .invalid = "capacity_range"},
};

static void do_team(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    routing_team_t t;
    if (!team_of(w, arg, &t, false))
        return;
    int errors = form_validate(h, h, team_fields, 3);
    long long accept = form_int(h, "accept_minutes"), cap = form_int(h, "max_open");
    if (errors) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_team(w, &t, 422);
    }
    dispatch_mode_t mode = (dispatch_mode_t)dispatch_mode_parse(form_value(h, "mode"));
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!team_of(w, arg, &t, true))
        return;
    json_t *c = audit_changes();
    audit_str(c, "dispatch_mode", dispatch_mode_code(t.mode), dispatch_mode_code(mode));
    audit_int(c, "accept_minutes", t.accept_minutes, accept);
    audit_int(c, "max_open_per_agent", t.max_open, cap);
    char where[80];
    snprintf(where, sizeof where, "/admin/routing/teams/%lld", t.id);
    if (!audit_any(c)) {
        json_decref(c);
        db_rollback(&w->d->db);
        return admin_redirect_done(w, where, "unchanged");
    }
    int rc = routing_update_team(w->d, t.id, mode, accept, cap);
    if (rc == OUTCOME_OK)
        rc = admin_audit_id(w, "team", t.id, t.name[LANG_ZH], "update", c);
    json_decref(c);
    if (finish(w, rc))
        admin_redirect_done(w, where, "team_saved");
}

/* An admin marks a member present or absent; back to the team's page. */
static void do_availability(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    char name[401], where[80] = "/admin/routing";
    long long id = web_id(arg);
    long long team = admin_query_id(w, "team");
    const char *v = req_query(w->r, "available");
    bool want = v && strcmp(v, "1") == 0, was;
    if (team)
        snprintf(where, sizeof where, "/admin/routing/teams/%lld", team);
    if (!v || (strcmp(v, "0") && strcmp(v, "1")))
        return admin_error(w, 422, "bad_request");
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    int rc = id > 0 ? routing_lock_agent(w->d, id, name, sizeof name, &was) : OUTCOME_NOT_FOUND;
    if (rc != OUTCOME_OK) {
        db_rollback(&w->d->db);
        return admin_fail(w, rc);
    }
    if (was == want) {
        db_rollback(&w->d->db);
        return admin_redirect_done(w, where, "unchanged");
    }
    json_t *c = audit_changes();
    audit_bool(c, "available", was, want);
    rc = dispatch_set_available(w->d, id, want, desk_now(w->d)) < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
    if (rc == OUTCOME_OK)
        rc = admin_audit_id(w, "agent", id, name, "update", c);
    json_decref(c);
    if (finish(w, rc))
        admin_redirect_done(w, where, want ? "agent_present" : "agent_absent");
}

static const web_route_t routes[] = {
    {"GET", "/admin/routing", page_list},
    {"POST", "/admin/routing", do_create},
    {"GET", "/admin/routing/rules/*", page_rule},
    {"POST", "/admin/routing/rules/*", do_rule},
    {"POST", "/admin/routing/rules/*/deactivate", do_deactivate},
    {"POST", "/admin/routing/rules/*/activate", do_activate},
    {"GET", "/admin/routing/teams/*", page_team},
    {"POST", "/admin/routing/teams/*", do_team},
    {"POST", "/admin/routing/agents/*/availability", do_availability},
};

const admin_module_t admin_mod_routing = {"routing", "/admin/routing", routes,
                                          sizeof routes / sizeof *routes};
