/* admin_api_keys: the keys other systems use on /api/v1 (lib/desk/people/apikey.h).
 *
 *   GET  /admin/api-keys               the list (newest first, keyset pages)
 *   POST /admin/api-keys               create: label, scope (own, all, or
 *                                      reports: the statistics only) and whether it
 *                                      may set priorities (priority:set); the
 *                                      key text is shown in this one answer only
 *   GET  /admin/api-keys/ID/revoke     "are you sure?"
 *   POST /admin/api-keys/ID/revoke     revoke (the API answers 401 from then on) */
#include "admin/admin.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/people/apikey.h"

#define PAGE 50

static const char *const scopes[] = {"own", "all", "reports", NULL};
static const form_field_t create_fields[] = {
    {.name = "label", .type = FT_TEXT, .required = true, .max_chars = 100},
    {.name = "scope", .type = FT_CHOICE, .required = true, .choices = scopes},
    {.name = "set_priority", .type = FT_BOOL},
    {.name = "review", .type = FT_BOOL},
};
#define NCREATE ((int)(sizeof create_fields / sizeof *create_fields))

static void add_key(const apikey_info_t *k, void *ctx)
{
    web_t *w = ctx;
    HDF *h = w->r->hdf;
    int i = hdf_get_int_value(h, "KeyCount", 0);
    char key[48];
    hdf_set_valuef(h, "Keys.%d.id=%lld", i, k->id);
    hdf_set_valuef(h, "Keys.%d.label=%s", i, k->label);
    hdf_set_valuef(h, "Keys.%d.prefix=%s", i, k->prefix);
    hdf_set_valuef(h, "Keys.%d.scope=%s", i, apikey_scope_code(&k->may));
    hdf_set_valuef(h, "Keys.%d.set_priority=%d", i, k->may.set_priority);
    hdf_set_valuef(h, "Keys.%d.review=%d", i, k->may.review);
    hdf_set_valuef(h, "Keys.%d.state=%s", i, k->revoked_at ? "revoked" : "active");
    snprintf(key, sizeof key, "Keys.%d.created", i);
    tpl_set_time(h, key, k->created_at);
    snprintf(key, sizeof key, "Keys.%d.used", i);
    tpl_set_time(h, key, k->last_used_at);
    snprintf(key, sizeof key, "Keys.%d.revoked", i);
    tpl_set_time(h, key, k->revoked_at);
    hdf_set_int_value(h, "KeyCount", i + 1);
}

/* The list (and the create form) with the given status. */
static void show(web_t *w, int status)
{
    int n = apikey_each(w->d, admin_query_id(w, "before"), PAGE + 1, add_key, w);
    if (n < 0)
        return admin_error(w, 503, "unavailable");
    if (n > PAGE) { /* one more than a page: there is a next one */
        hdf_set_value(w->r->hdf, "Next", hdf_get_valuef(w->r->hdf, "Keys.%d.id", PAGE - 1));
        char key[24];
        snprintf(key, sizeof key, "Keys.%d", PAGE);
        hdf_remove_tree(w->r->hdf, key);
    }
    if (!hdf_get_value(w->r->hdf, "Form.scope.value", NULL))
        hdf_set_value(w->r->hdf, "Form.scope.value", "own");
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/api_keys.cs", "api_keys");
}

static void page_list(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    show(w, 200);
}

static void do_create(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    if (form_validate(h, h, create_fields, NCREATE)) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show(w, 422);
    }
    const char *label = form_value(h, "label"), *scope = form_value(h, "scope");
    apikey_grants_t may = {.all_tickets = strcmp(scope, "all") == 0,
                           .reports = strcmp(scope, "reports") == 0,
                           .set_priority = form_value(h, "set_priority") != NULL,
                           .review = form_value(h, "review") != NULL};
    char text[APIKEY_TEXT_LEN + 1];
    json_t *c = audit_changes();
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = apikey_create(w->d, label, &may, text) ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
    long long id = (long long)w->d->db.last_id;
    if (rc == OUTCOME_OK) {
        char prefix[9];
        snprintf(prefix, sizeof prefix, "%.8s", text);
        audit_str(c, "label", NULL, label);
        audit_str(c, "scope", NULL, scope);
        if (may.set_priority)
            audit_str(c, "grants", NULL, APIKEY_GRANT_SET_PRIORITY);
        if (may.review)
            audit_str(c, "grant_review", NULL, APIKEY_GRANT_REVIEW);
        audit_str(c, "prefix", NULL, prefix);
        rc = admin_audit_id(w, "api_key", id, label, "create", c);
    }
    json_decref(c);
    if (rc == OUTCOME_OK)
        rc = admin_commit(w);
    else
        db_rollback(&w->d->db);
    if (rc != OUTCOME_OK) {
        log_error("api key create failed (%d)", rc);
        form_set_error(h, "_form", "unavailable");
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show(w, 503);
    }
    /* shown in this answer only: only its hash is stored */
    hdf_set_value(h, "NewKey.text", text);
    hdf_set_value(h, "NewKey.label", label);
    hdf_set_value(h, "Form.label.value", "");
    hdf_set_value(h, "Form.set_priority.value", "");
    hdf_set_value(h, "Form.review.value", "");
    sodium_memzero(text, sizeof text);
    show(w, 201);
}

/* The key of /admin/api-keys/ID/..., or 0 after answering 404. */
static long long key_of(web_t *w, const char *arg, apikey_info_t *k, bool lock)
{
    long long id = web_id(arg);
    int rc = id > 0 ? apikey_get(w->d, id, lock, k) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK)
        return id;
    admin_fail(w, rc);
    return 0;
}

static void page_revoke(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    apikey_info_t k;
    if (!key_of(w, arg, &k, false))
        return;
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Confirm.id=%lld", k.id);
    hdf_set_value(h, "Confirm.label", k.label);
    hdf_set_value(h, "Confirm.prefix", k.prefix);
    hdf_set_value(h, "Confirm.scope", apikey_scope_code(&k.may));
    hdf_set_int_value(h, "Confirm.set_priority", k.may.set_priority);
    hdf_set_int_value(h, "Confirm.review", k.may.review);
    hdf_set_int_value(h, "Confirm.revoked", k.revoked_at != 0);
    admin_render(w, "admin/api_keys.cs", "api_keys");
}

static void do_revoke(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    apikey_info_t k;
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!key_of(w, arg, &k, true)) {
        db_rollback(&w->d->db);
        return;
    }
    int rc = apikey_revoke(w->d, k.id);
    if (rc == 0) { /* already revoked: nothing to change, nothing to record */
        db_rollback(&w->d->db);
        return admin_redirect_done(w, "/admin/api-keys", "already_revoked");
    }
    json_t *c = audit_changes();
    audit_str(c, "state", "active", "revoked");
    rc = rc == 1 ? admin_audit_id(w, "api_key", k.id, k.label, "revoke", c) : rc;
    json_decref(c);
    if (rc == OUTCOME_OK)
        rc = admin_commit(w);
    else
        db_rollback(&w->d->db);
    if (rc != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    admin_redirect_done(w, "/admin/api-keys", "revoked");
}

static const web_route_t routes[] = {
    {"GET", "/admin/api-keys", page_list},
    {"POST", "/admin/api-keys", do_create},
    {"GET", "/admin/api-keys/*/revoke", page_revoke},
    {"POST", "/admin/api-keys/*/revoke", do_revoke},
};

const admin_module_t admin_mod_api_keys = {"api_keys", "/admin/api-keys", routes,
                                           sizeof routes / sizeof *routes};
