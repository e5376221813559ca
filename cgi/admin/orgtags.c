/* orgtags: tags on organisations (lib/desk/customer/orgtags.h), the organisation
 * half of /admin/tags (tags.c draws the list page and calls
 * admin_orgtags_search for its "find an organisation" card, ?org=).
 *
 *   GET  /admin/tags/organisations/ID          its tags and customer count
 *   POST /admin/tags/organisations/ID/add      tag=TAG_ID
 *   POST /admin/tags/organisations/ID/remove   tag=TAG_ID */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/customer/orgtags.h"

void admin_orgtags_search(web_t *w)
{
    HDF *h = w->r->hdf;
    const char *q = req_query(w->r, "org");
    if (!q || !*q || !text_is_clean_utf8(q, strlen(q)) || strlen(q) > 200)
        return;
    org_t hits[ORG_SEARCH_MAX];
    int n = orgtags_search(w->d, q, hits, ORG_SEARCH_MAX);
    hdf_set_value(h, "OrgSearch.q", q);
    hdf_set_int_value(h, "OrgSearch.done", 1);
    hdf_set_int_value(h, "OrgSearch.failed", n < 0);
    for (int i = 0; i < n; i++) {
        hdf_set_valuef(h, "OrgHits.%d.id=%lld", i, hits[i].id);
        hdf_set_valuef(h, "OrgHits.%d.name=%s", i, hits[i].name);
        char *save;
        int j = 0;
        for (char *t = strtok_r(hits[i].tags, ",", &save); t; t = strtok_r(NULL, ",", &save))
            hdf_set_valuef(h, "OrgHits.%d.tags.%d=%s", i, j++, t);
    }
}

/* ---- an organisation's page ------------------------------------------------ */

static void set_tag(HDF *h, const char *key, const tag_t *t, lang_t lang)
{
    hdf_set_valuef(h, "%s.id=%lld", key, t->id);
    hdf_set_valuef(h, "%s.code=%s", key, t->code);
    hdf_set_valuef(h, "%s.name=%s", key, t->name[lang]);
    hdf_set_valuef(h, "%s.color=%s", key, t->color);
    hdf_set_valuef(h, "%s.state=%s", key, t->active ? "active" : "inactive");
}

static void add_on(const tag_t *t, time_t at, void *ctx)
{
    web_t *w = ctx;
    HDF *h = w->r->hdf;
    int i = hdf_get_int_value(h, "OnCount", 0);
    char key[32];
    snprintf(key, sizeof key, "On.%d", i);
    set_tag(h, key, t, w->lang);
    snprintf(key, sizeof key, "On.%d.at", i);
    tpl_set_time(h, key, at);
    hdf_set_valuef(h, "Has.%lld=1", t->id);
    hdf_set_int_value(h, "OnCount", i + 1);
}

static void add_choice(const tag_t *t, void *ctx)
{
    web_t *w = ctx;
    int i = hdf_get_int_value(w->r->hdf, "TagCount", 0);
    char key[32];
    snprintf(key, sizeof key, "Tags.%d", i);
    set_tag(w->r->hdf, key, t, w->lang);
    hdf_set_int_value(w->r->hdf, "TagCount", i + 1);
}

/* The organisation of /admin/tags/organisations/ID[/...] into Org.*, or 0
 * after answering 404/503. */
static long long org_of(web_t *w, const char *arg, org_t *o)
{
    long long id = web_id(arg);
    int rc = id > 0 ? orgtags_get(w->d, id, o) : OUTCOME_NOT_FOUND;
    if (rc != OUTCOME_OK) {
        admin_fail(w, rc);
        return 0;
    }
    hdf_set_valuef(w->r->hdf, "Org.id=%lld", o->id);
    hdf_set_value(w->r->hdf, "Org.name", o->name);
    hdf_set_valuef(w->r->hdf, "Org.customers=%lld", o->customers);
    return id;
}

static void show_org(web_t *w, long long id, int status)
{
    if (orgtags_each(w->d, id, add_on, w) < 0 || tags_each(w->d, false, add_choice, w) < 0)
        return admin_error(w, 503, "unavailable");
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/tag_organisation.cs", "tags");
}

static void page_org(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    org_t o;
    long long id = org_of(w, arg, &o);
    if (id)
        show_org(w, id, 200);
}

/* Gives or takes one tag: one transaction, audited (entity organisation,
 * action tag/untag), the config version bumped; nothing when already so. */
static void change_org(web_t *w, const char *arg, bool add)
{
    ADMIN_ONLY(w);
    org_t o;
    long long id = org_of(w, arg, &o);
    if (!id)
        return;
    tag_t t;
    long long tag_id = admin_query_id(w, "tag");
    int rc = tag_id ? tags_get(w->d, tag_id, false, &t) : OUTCOME_NOT_FOUND;
    if (rc != OUTCOME_OK && rc != OUTCOME_NOT_FOUND)
        return admin_error(w, 503, "unavailable");
    if (rc == OUTCOME_NOT_FOUND || (add && !t.active)) { /* not a tag one may give */
        form_set_error(w->r->hdf, "tag", "invalid_choice");
        return show_org(w, id, 422);
    }
    rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = add ? orgtags_assign(w->d, id, t.id, desk_now(w->d))
                 : orgtags_unassign(w->d, id, t.id);
    if (rc == 1) {
        json_t *c = audit_changes();
        audit_str(c, "tag", add ? NULL : t.code, add ? t.code : NULL);
        rc = admin_audit_id(w, "organisation", id, o.name, add ? "tag" : "untag", c);
        json_decref(c);
        rc = rc == OUTCOME_OK ? admin_commit(w) : (db_rollback(&w->d->db), rc);
    } else { /* 0: already so */
        db_rollback(&w->d->db);
    }
    if (rc < 0)
        return admin_error(w, 503, "unavailable");
    char where[80];
    snprintf(where, sizeof where, "/admin/tags/organisations/%lld", id);
    admin_redirect_done(w, where, add ? "organisation_tagged" : "organisation_untagged");
}

static void do_add(web_t *w, const char *arg) { change_org(w, arg, true); }
static void do_remove(web_t *w, const char *arg) { change_org(w, arg, false); }

static const web_route_t routes[] = {
    {"GET", "/admin/tags/organisations/*", page_org},
    {"POST", "/admin/tags/organisations/*/add", do_add},
    {"POST", "/admin/tags/organisations/*/remove", do_remove},
};

const admin_module_t admin_mod_orgtags = {"tags", "/admin/tags", routes,
                                          sizeof routes / sizeof *routes};
