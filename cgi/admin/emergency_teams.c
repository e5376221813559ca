/* admin_emergency_teams: the team each problem type's emergencies start with
 * (lib/desk/emergency/emergency_template.h): a lead and members, prefilled
 * on the declaration form. Every change is audited.
 *
 *   GET  /admin/emergency-teams       every active problem type and its team
 *   GET  /admin/emergency-teams/ID    the team of category ID, to edit
 *   POST /admin/emergency-teams/ID    saves it */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/catalog/catdef.h"
#include "desk/emergency/emergency_template.h"
#include "desk/people/people.h"

static void add_person(long long id, const char *name, const char *role, void *ctx)
{
    web_t *w = ctx;
    int i = hdf_get_int_value(w->r->hdf, "PeopleCount", 0);
    hdf_set_valuef(w->r->hdf, "People.%d.id=%lld", i, id);
    hdf_set_valuef(w->r->hdf, "People.%d.name=%s", i, name);
    hdf_set_valuef(w->r->hdf, "People.%d.role=%s", i, role);
    hdf_set_valuef(w->r->hdf, "Names.%lld=%s", id, name);
    hdf_set_int_value(w->r->hdf, "PeopleCount", i + 1);
}

typedef struct list_ctx {
    web_t *w;
    int n, rc;
} list_ctx_t;

static void add_row(const catdef_t *k, void *ctx)
{
    list_ctx_t *l = ctx;
    HDF *h = l->w->r->hdf;
    emergency_template_t t;
    if (!k->active || l->rc != OUTCOME_OK)
        return;
    if ((l->rc = emergency_template_get(l->w->d, k->id, &t)) != OUTCOME_OK)
        return;
    hdf_set_valuef(h, "Rows.%d.id=%lld", l->n, k->id);
    hdf_set_valuef(h, "Rows.%d.name=%s", l->n, k->name[l->w->lang]);
    hdf_set_valuef(h, "Rows.%d.lead=%lld", l->n, t.lead_id);
    for (int m = 0; m < t.nmembers; m++)
        hdf_set_valuef(h, "Rows.%d.members.%d=%lld", l->n, m, t.members[m]);
    l->n++;
}

static void page_list(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    list_ctx_t l = {w, 0, OUTCOME_OK};
    if (people_each_active(w->d, add_person, w) < 0 || catdef_each(w->d, add_row, &l) < 0 ||
        l.rc != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    admin_flash(w);
    admin_render(w, "admin/emergency_teams.cs", "categories");
}

/* The category of /admin/emergency-teams/ID (read from the database: the
 * worker's catalogue may be reloading after a change); false after
 * answering 404 / 503. */
static bool category_of(web_t *w, const char *arg, catdef_t *k)
{
    long long id = web_id(arg);
    int rc = id > 0 ? catdef_get(w->d, id, false, k) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK && !k->active)
        rc = OUTCOME_NOT_FOUND;
    if (rc != OUTCOME_OK)
        admin_fail(w, rc);
    return rc == OUTCOME_OK;
}

static void show_team(web_t *w, const catdef_t *k, int status)
{
    HDF *h = w->r->hdf;
    if (people_each_active(w->d, add_person, w) < 0)
        return admin_error(w, 503, "unavailable");
    hdf_set_valuef(h, "Category.id=%lld", k->id);
    hdf_set_value(h, "Category.name", k->name[w->lang]);
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/emergency_team.cs", "categories");
}

static void page_team(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    catdef_t cat, *k = &cat;
    if (!category_of(w, arg, k))
        return;
    emergency_template_t t;
    if (emergency_template_get(w->d, k->id, &t) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    hdf_set_valuef(w->r->hdf, "Form.lead.value=%lld", t.lead_id);
    for (int i = 0; i < t.nmembers; i++)
        hdf_set_valuef(w->r->hdf, "Form.members.sel.%lld=1", t.members[i]);
    show_team(w, k, 200);
}

/* "3 5 8": the ids, for the audit trail. */
static void ids_text(const long long *ids, int n, long long lead, char *out, size_t cap)
{
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t len = strlen(out);
        if (ids[i] != lead)
            snprintf(out + len, cap - len, "%s%lld", len ? " " : "", ids[i]);
    }
}

static void do_team(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    catdef_t cat, *k = &cat;
    if (!category_of(w, arg, k))
        return;
    people_choices_t *people = malloc(sizeof *people);
    if (!people || agent_people_choices(w, people) < 0) {
        free(people);
        return admin_error(w, 503, "unavailable");
    }
    form_field_t f[] = {
        {.name = "lead", .type = FT_CHOICE, .max_chars = 24, .choices = people->codes},
        {.name = "members", .type = FT_MULTICHOICE, .max_chars = 24, .choices = people->codes},
    };
    int errors = form_validate(h, h, f, 2);
    free(people);
    emergency_template_t t = {.category_id = k->id, .lead_id = form_int(h, "lead")};
    t.nmembers = form_ids(h, "members", t.members, EMERGENCY_MEMBERS_MAX);
    if (t.nmembers < 0)
        form_set_error(h, "members", "too_many"), errors++, t.nmembers = 0;
    if (errors) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_team(w, k, 422);
    }
    emergency_template_t was;
    refusal_t r = {0};
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = emergency_template_get(w->d, k->id, &was);
    if (rc == OUTCOME_OK)
        rc = emergency_template_set(w->d, &t, &r);
    if (rc == OUTCOME_OK) {
        char before[EMERGENCY_MEMBERS_MAX * 21], after[EMERGENCY_MEMBERS_MAX * 21];
        ids_text(was.members, was.nmembers, was.lead_id, before, sizeof before);
        ids_text(t.members, t.nmembers, t.lead_id, after, sizeof after);
        json_t *c = audit_changes();
        audit_int(c, "lead", was.lead_id, t.lead_id);
        audit_str(c, "members", before, after);
        rc = admin_audit_id(w, "emergency_team", k->id, k->name[LANG_ZH], "update", c);
        json_decref(c);
    }
    rc = admin_finish(w, rc);
    if (rc != OUTCOME_OK) {
        admin_refused(w, &r, "");
        if (rc != CHANGE_REFUSED)
            form_set_error(h, "_form", "unavailable");
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_team(w, k, rc == CHANGE_REFUSED ? 422 : status_of(rc));
    }
    char where[64];
    snprintf(where, sizeof where, "/admin/emergency-teams/%lld", k->id);
    admin_redirect_done(w, where, "emergency_team_saved");
}

static const web_route_t routes[] = {
    {"GET", "/admin/emergency-teams", page_list},
    {"GET", "/admin/emergency-teams/*", page_team},
    {"POST", "/admin/emergency-teams/*", do_team},
};

const admin_module_t admin_mod_emergency_teams = {"categories", "/admin/emergency-teams", routes,
                                                  sizeof routes / sizeof *routes};
