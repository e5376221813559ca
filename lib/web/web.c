/* web: see web.h. */
#include "web/web.h"

#include "desk/attachment.h"
#include "core/text.h"
#include "core/textfill.h"
#include "desk/ticket/ticket_acceptance.h"
#include "desk/ticket/ticket_work.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void web_render(web_t *w, const char *tpl)
{
    hdf_set_value(w->r->hdf, "Page.Path", w->r->path);
    if (view_render(&w->site->view, tpl, w->lang, w->r->hdf, &w->r->body) == 0)
        return;
    string_clear(&w->r->body);
    string_init(&w->r->body);
    w->r->status = 500;
    w->r->content_type = "text/plain; charset=utf-8";
    string_append(&w->r->body, texts_get(&w->d->texts, w->lang, "Error.unavailable"));
}

const char *web_match(const char *pattern, const char *path)
{
    const char *star = strchr(pattern, '*');
    if (!star)
        return strcmp(path, pattern) == 0 ? path : NULL;
    size_t n = (size_t)(star - pattern);
    if (strncmp(path, pattern, n) != 0 || !path[n] || path[n] == '/')
        return NULL;
    const char *arg = path + n, *slash = strchr(arg, '/');
    const char *rest = slash ? slash : arg + strlen(arg);
    return strcmp(rest, star + 1) == 0 ? arg : NULL;
}

void web_dispatch(web_t *w, const web_route_t *routes, size_t n,
                  void (*on_error)(web_t *w, int status))
{
    bool known = false;
    bool head = strcmp(w->r->method, "HEAD") == 0;
    for (size_t i = 0; i < n; i++) {
        const char *arg = web_match(routes[i].pattern, w->r->path);
        if (!arg)
            continue;
        known = true;
        if (strcmp(w->r->method, routes[i].method) == 0 ||
            (head && strcmp(routes[i].method, "GET") == 0))
            return routes[i].fn(w, arg);
    }
    on_error(w, known ? 405 : 404);
}

const char *web_segment(const char *arg, char *buf, size_t cap)
{
    size_t n = arg ? strcspn(arg, "/") : 0;
    if (n == 0 || n >= cap)
        return NULL;
    memcpy(buf, arg, n);
    buf[n] = '\0';
    return buf;
}

void web_add_event(const ticket_event_t *e, void *hdf)
{
    HDF *h = hdf;
    int i = hdf_get_int_value(h, "EventCount", 0);
    char key[64];
    hdf_set_valuef(h, "Events.%d.id=%lld", i, e->id);
    hdf_set_valuef(h, "Events.%d.kind=%s", i, e->kind);
    hdf_set_valuef(h, "Events.%d.internal=%d", i, strcmp(e->visibility, "internal") == 0);
    hdf_set_valuef(h, "Events.%d.actor_type=%s", i, e->actor_type);
    hdf_set_valuef(h, "Events.%d.actor=%s", i, e->actor_name);
    hdf_set_valuef(h, "Events.%d.field=%s", i, e->field);
    hdf_set_valuef(h, "Events.%d.old=%s", i, e->old_value);
    hdf_set_valuef(h, "Events.%d.new=%s", i, e->new_value);
    if (e->body)
        hdf_set_valuef(h, "Events.%d.body=%s", i, e->body);
    if (*e->merged_from)
        hdf_set_valuef(h, "Events.%d.from=%s", i, e->merged_from);
    snprintf(key, sizeof key, "Events.%d.at", i);
    tpl_set_time(h, key, e->created_at);
    hdf_set_int_value(h, "EventCount", i + 1);
}

void web_add_value(const char *label, const char *value, void *hdf)
{
    HDF *h = hdf;
    int i = hdf_get_int_value(h, "ValueCount", 0);
    hdf_set_valuef(h, "Values.%d.label=%s", i, label);
    hdf_set_valuef(h, "Values.%d.value=%s", i, value);
    hdf_set_int_value(h, "ValueCount", i + 1);
}

void web_health(web_t *w, const char *arg)
{
    (void)arg;
    bool up = db_ping(&w->d->db) == OUTCOME_OK;
    w->r->status = up ? 200 : 503;
    w->r->content_type = "text/plain; charset=utf-8";
    string_append(&w->r->body, up ? "ok\n" : "database unavailable\n");
}

void web_attach_limits(web_t *w)
{
    long long max = attachment_max_bytes(w->d);
    int files = attachment_max_files(w->d);
    char mb[32], n[16];
    snprintf(mb, sizeof mb, "%lld", max / (1024 * 1024) ? max / (1024 * 1024) : 1);
    snprintf(n, sizeof n, "%d", files);
    const textfill_var_t vars[] = {{"mb", mb}, {"files", n}};
    char *text = textfill_render(texts_get(&w->d->texts, w->lang, "Attach.Limit"), vars, 2);
    hdf_set_valuef(w->r->hdf, "Attach.MaxBytes=%lld", max);
    hdf_set_int_value(w->r->hdf, "Attach.MaxFiles", files);
    hdf_set_value(w->r->hdf, "Attach.Limit", text ? text : "");
    free(text);
}

long long web_id(const char *s)
{
    char digits[20];
    long long id;
    return web_segment(s, digits, sizeof digits) && text_whole(digits, 1, WEB_ID_MAX, &id) ? id : 0;
}

/* A JSON value under path: objects and arrays as subtrees, times (keys
 * "at" and "*_at", seconds) formatted for the reader. */
static void doc_to_hdf(HDF *h, const char *path, const char *key, json_t *v)
{
    char sub[256];
    const char *k;
    json_t *x;
    size_t i, n = strlen(key);
    if (json_is_object(v)) {
        json_object_foreach(v, k, x)
        {
            snprintf(sub, sizeof sub, "%s.%s", path, k);
            doc_to_hdf(h, sub, k, x);
        }
    } else if (json_is_array(v)) {
        json_array_foreach(v, i, x)
        {
            snprintf(sub, sizeof sub, "%s.%zu", path, i);
            doc_to_hdf(h, sub, key, x);
        }
    } else if (json_is_string(v)) {
        hdf_set_value(h, path, json_string_value(v));
    } else if (json_is_integer(v) &&
               (!strcmp(key, "at") || (n > 3 && !strcmp(key + n - 3, "_at")))) {
        tpl_set_time(h, path, (time_t)json_integer_value(v));
    } else if (json_is_integer(v)) {
        hdf_set_valuef(h, "%s=%lld", path, (long long)json_integer_value(v));
    }
}

int web_acceptance(web_t *w, long long id, bool archived)
{
    HDF *h = w->r->hdf;
    json_t *doc = NULL;
    if (!archived) {
        doc = ticket_acceptance_doc(w->d, id);
    } else {
        acceptance_t a;
        int rc = ticket_signed_acceptance(w->d, id, &a);
        if (rc != OUTCOME_OK)
            return rc;
        hdf_set_value(h, "Signed.result", a.result);
        hdf_set_value(h, "Signed.remarks", a.remarks ? a.remarks : "");
        hdf_set_value(h, "Signed.name", a.name);
        tpl_set_time(h, "Signed.at", a.signed_at);
        bool has_doc = a.doc != NULL;
        if (has_doc)
            doc = json_loads(a.doc, 0, NULL);
        else /* signed before documents were kept: the text as it was shown */
            hdf_set_value(h, "Signed.form", a.form ? a.form : "");
        free(a.form);
        free(a.doc);
        free(a.remarks);
        if (!has_doc)
            return OUTCOME_OK;
    }
    if (!doc)
        return OUTCOME_UNAVAILABLE;
    doc_to_hdf(h, "Doc", "", doc);
    json_decref(doc);
    return OUTCOME_OK;
}
