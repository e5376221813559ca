/* admin_audit: the trail of configuration changes (lib/audit.h).
 *
 *   GET /admin/audit?entity=&agent=&from=YYYY-MM-DD&to=YYYY-MM-DD&before=ID
 * Newest first, keyset pages ("before" is the last id shown); from/to are
 * days in the desk's time zone, both included. */
#include "admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE 50

static const char sql_admins[] =
    "SELECT id, name FROM agents WHERE role = 'admin' ORDER BY name";

/* "field": [old, new] -> Rows.N.Changes.M.{field,old,new} as text. */
static void set_value(HDF *h, const char *key, json_t *v)
{
    char *text = NULL;
    if (json_is_string(v))
        hdf_set_value(h, key, json_string_value(v));
    else if (v && !json_is_null(v))
        text = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
    if (text)
        hdf_set_value(h, key, text);
    free(text);
}

static void add_row(const audit_row_t *r, void *ctx)
{
    web_t *w = ctx;
    HDF *h = w->r->hdf;
    int i = hdf_get_int_value(h, "RowCount", 0), m = 0;
    char key[64];
    hdf_set_valuef(h, "Rows.%d.id=%lld", i, r->id);
    snprintf(key, sizeof key, "Rows.%d.at", i);
    view_set_time(h, key, r->at);
    hdf_set_valuef(h, "Rows.%d.who=%s", i, r->agent_name);
    hdf_set_valuef(h, "Rows.%d.ip=%s", i, r->ip);
    hdf_set_valuef(h, "Rows.%d.entity=%s", i, r->entity);
    hdf_set_valuef(h, "Rows.%d.entity_id=%s", i, r->entity_id);
    hdf_set_valuef(h, "Rows.%d.title=%s", i, r->title);
    hdf_set_valuef(h, "Rows.%d.action=%s", i, r->action);
    const char *field;
    json_t *pair;
    json_object_foreach(r->changes, field, pair) {
        hdf_set_valuef(h, "Rows.%d.Changes.%d.field=%s", i, m, field);
        hdf_set_valuef(h, "Rows.%d.Changes.%d.null_old=%d", i, m, json_is_null(json_array_get(pair, 0)));
        snprintf(key, sizeof key, "Rows.%d.Changes.%d.old", i, m);
        set_value(h, key, json_array_get(pair, 0));
        snprintf(key, sizeof key, "Rows.%d.Changes.%d.new", i, m);
        set_value(h, key, json_array_get(pair, 1));
        m++;
    }
    hdf_set_int_value(h, "RowCount", i + 1);
}

static void add_entity(const char *entity, void *ctx)
{
    HDF *h = ctx;
    int i = hdf_get_int_value(h, "EntityCount", 0);
    hdf_set_valuef(h, "Entities.%d=%s", i, entity);
    hdf_set_int_value(h, "EntityCount", i + 1);
}

static void set_admins(web_t *w)
{
    MYSQL_STMT *st = db_query(&w->d->db, sql_admins, "");
    long long id;
    char name[401]; /* VARCHAR(100) in utf8mb4 */
    for (int i = 0; st && db_fetch(st, "is", &id, name, sizeof name) == 1; i++) {
        hdf_set_valuef(w->r->hdf, "Admins.%d.id=%lld", i, id);
        hdf_set_valuef(w->r->hdf, "Admins.%d.name=%s", i, name);
    }
    if (st)
        db_done(st);
}

/* Reads the filter from the query; false (with Filter.error set) when a date
 * does not parse. */
static bool read_filter(web_t *w, audit_filter_t *f)
{
    HDF *h = w->r->hdf;
    const char *entity = req_query(w->r, "entity");
    const char *from = req_query(w->r, "from"), *to = req_query(w->r, "to");
    memset(f, 0, sizeof *f);
    f->limit = PAGE + 1;
    f->before = admin_query_id(w, "before");
    f->agent_id = admin_query_id(w, "agent");
    if (entity && strlen(entity) < sizeof f->entity &&
        strspn(entity, "abcdefghijklmnopqrstuvwxyz_") == strlen(entity))
        snprintf(f->entity, sizeof f->entity, "%s", entity);
    hdf_set_value(h, "Filter.entity", f->entity);
    hdf_set_valuef(h, "Filter.agent=%lld", f->agent_id);
    bool ok = true;
    if (from && *from) {
        f->from = strlen(from) == 10 ? form_parse_local_time(from) : 0;
        ok &= f->from != 0;
        hdf_set_value(h, "Filter.from", from);
    }
    if (to && *to) {
        time_t t = strlen(to) == 10 ? form_parse_local_time(to) : 0;
        f->to = t ? t + 86400 : 0; /* the whole day (a DST day is off by an hour: none here) */
        ok &= t != 0;
        hdf_set_value(h, "Filter.to", to);
    }
    if (!ok)
        hdf_set_value(h, "Filter.error", "date");
    return ok;
}

static void page_audit(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    audit_filter_t f;
    bool ok = read_filter(w, &f);
    int n = ok ? audit_each(w->d, &f, add_row, w) : 0;
    if (n < 0)
        return admin_error(w, 503, "unavailable");
    if (n > PAGE) {
        hdf_set_value(h, "Next", hdf_get_valuef(h, "Rows.%d.id", PAGE - 1));
        char key[24];
        snprintf(key, sizeof key, "Rows.%d", PAGE);
        hdf_remove_tree(h, key);
    }
    audit_entities(w->d, add_entity, h);
    set_admins(w);
    w->r->status = ok ? 200 : 422;
    admin_render(w, "admin/audit.cs", "audit");
}

static const web_route_t routes[] = {
    {"GET", "/admin/audit", page_audit},
};

const admin_module_t admin_mod_audit = {"audit", "/admin/audit", routes,
                                        sizeof routes / sizeof *routes};
