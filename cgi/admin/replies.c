/* admin_replies: reply templates (话术模板, lib/desk/replytpl.h) that agents
 * insert into a ticket's reply box, with {customer}, {number}, {subject}
 * and {agent} filled in for that ticket.
 *
 *   GET  /admin/notifications/replies              the list (keyset pages) and a new one
 *   POST /admin/notifications/replies              create
 *   GET  /admin/notifications/replies/ID           edit, with the text filled for a sample
 *   POST /admin/notifications/replies/ID           save
 *   POST /admin/notifications/replies/ID/deactivate, /activate */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/replytpl.h"
#include "core/textfill.h"

#define BASE "/admin/notifications/replies"
#define PAGE 50

static const char *const langs[] = {"zh", "en", NULL};
static const form_field_t fields[] = {
    {.name = "title", .type = FT_TEXT, .required = true, .max_chars = REPLYTPL_TITLE_MAX},
    {.name = "language", .type = FT_CHOICE, .required = true, .choices = langs},
    {.name = "body", .type = FT_LONGTEXT, .required = true, .max_chars = REPLYTPL_BODY_MAX},
};
#define NFIELDS ((int)(sizeof fields / sizeof *fields))

static void set_names(HDF *h)
{
    for (int i = 0; replytpl_names[i]; i++)
        hdf_set_valuef(h, "Names.%d=%s", i, replytpl_names[i]);
}

/* Validates the form (placeholders included); the number of errors. */
static int validate(HDF *h)
{
    int errors = form_validate(h, h, fields, NFIELDS);
    const char *v = form_value(h, "body");
    char bad[TEXTFILL_NAME_MAX + 1];
    if (v && textfill_check(v, replytpl_names, bad, sizeof bad)) {
        form_set_error(h, "body", "placeholder_unknown");
        hdf_set_value(h, "Form.body.bad", bad);
        errors++;
    }
    if (errors)
        hdf_set_int_value(h, "Form.HasErrors", 1);
    return errors;
}

/* The body with LF line ends (browsers send CRLF), malloc'd. */
static char *lf_body(HDF *h)
{
    const char *v = form_value(h, "body");
    char *copy = strdup(v ? v : ""), *o = copy;
    for (const char *p = copy; copy && *p; p++)
        if (*p != '\r' || p[1] != '\n')
            *o++ = *p == '\r' ? '\n' : *p;
    if (copy)
        *o = '\0';
    return copy;
}

/* ---- the list ------------------------------------------------------------------ */

static void add_row(const replytpl_t *t, void *ctx)
{
    web_t *w = ctx;
    HDF *h = w->r->hdf;
    int i = hdf_get_int_value(h, "RowCount", 0);
    char key[40];
    hdf_set_valuef(h, "Rows.%d.id=%lld", i, t->id);
    hdf_set_valuef(h, "Rows.%d.title=%s", i, t->title);
    hdf_set_valuef(h, "Rows.%d.language=%s", i, t->language);
    hdf_set_valuef(h, "Rows.%d.state=%s", i, t->active ? "active" : "inactive");
    char excerpt[256];
    size_t n = 0, chars = 0;
    for (const char *p = t->body ? t->body : ""; n < 200 && p[n] && chars < 60; chars++)
        do /* whole UTF-8 characters only */
            n++;
        while (((unsigned char)p[n] & 0xc0) == 0x80);
    snprintf(excerpt, sizeof excerpt, "%.*s%s", (int)n, t->body ? t->body : "",
             t->body && t->body[n] ? "…" : "");
    hdf_set_valuef(h, "Rows.%d.excerpt=%s", i, excerpt);
    snprintf(key, sizeof key, "Rows.%d.at", i);
    tpl_set_time(h, key, t->updated_at);
    hdf_set_int_value(h, "RowCount", i + 1);
}

static void show_list(web_t *w, int status)
{
    HDF *h = w->r->hdf;
    int n = replytpl_each(&w->d->db, admin_query_id(w, "before"), PAGE + 1, add_row, w);
    if (n < 0)
        return admin_error(w, 503, "unavailable");
    if (n > PAGE) {
        hdf_set_value(h, "Next", hdf_get_valuef(h, "Rows.%d.id", PAGE - 1));
        char key[24];
        snprintf(key, sizeof key, "Rows.%d", PAGE);
        hdf_remove_tree(h, key);
    }
    if (!hdf_get_value(h, "Form.language.value", NULL))
        hdf_set_value(h, "Form.language.value", lang_code(w->lang));
    set_names(h);
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/replies.cs", "notifications");
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
    if (validate(h))
        return show_list(w, 422);
    char *body = lf_body(h);
    const char *title = form_value(h, "title"), *lang = form_value(h, "language");
    long long id = 0;
    int rc = body ? db_begin(&w->d->db) : OUTCOME_UNAVAILABLE;
    if (rc == OUTCOME_OK)
        rc = replytpl_save(&w->d->db, 0, title, lang_parse(lang), body, true, desk_now(w->d), &id);
    if (rc == OUTCOME_OK) {
        json_t *c = audit_changes();
        audit_str(c, "title", NULL, title);
        audit_str(c, "language", NULL, lang);
        audit_str(c, "body", NULL, body);
        rc = admin_audit_id(w, "reply_template", id, title, "create", c);
        json_decref(c);
    }
    free(body);
    if (rc == OUTCOME_OK)
        rc = admin_commit(w);
    else
        db_rollback(&w->d->db);
    if (rc != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    char where[64];
    snprintf(where, sizeof where, BASE "/%lld", id);
    admin_redirect_done(w, where, "reply_created");
}

/* ---- one template --------------------------------------------------------------- */

/* The template of .../replies/ID..., or 0 after answering 404/503. */
static long long template_of(web_t *w, const char *arg, replytpl_t *t, bool lock)
{
    long long id = web_id(arg);
    int rc = id > 0 ? replytpl_get(&w->d->db, id, lock, t) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK)
        return id;
    admin_fail(w, rc);
    return 0;
}

static void show_one(web_t *w, const replytpl_t *t, int status, bool keep)
{
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Reply.id=%lld", t->id);
    hdf_set_value(h, "Reply.title", t->title);
    hdf_set_value(h, "Reply.state", t->active ? "active" : "inactive");
    tpl_set_time(h, "Reply.at", t->updated_at);
    if (!keep) {
        hdf_set_value(h, "Form.title.value", t->title);
        hdf_set_value(h, "Form.language.value", t->language);
        hdf_set_value(h, "Form.body.value", t->body);
    }
    bool en = strcmp(t->language, "en") == 0;
    replytpl_facts_t f = {en ? "Zhang San" : "张三", "20261125-0042",
                          en ? "Printer jams on page 2" : "打印机打印第二页时卡纸", ME(w)->name};
    char *filled = replytpl_fill(keep ? form_value(h, "body") : t->body, &f);
    if (filled)
        hdf_set_value(h, "Reply.preview", filled);
    free(filled);
    set_names(h);
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/reply.cs", "notifications");
}

static void page_one(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    replytpl_t t;
    if (!template_of(w, arg, &t, false))
        return;
    show_one(w, &t, 200, false);
    free(t.body);
}

static void do_update(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    replytpl_t t;
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!template_of(w, arg, &t, true))
        return db_rollback(&w->d->db);
    char *body = NULL;
    int rc = OUTCOME_OK;
    if (validate(h)) {
        db_rollback(&w->d->db);
        show_one(w, &t, 422, true);
    } else if (!(body = lf_body(h))) {
        db_rollback(&w->d->db);
        admin_error(w, 503, "unavailable");
    } else {
        const char *title = form_value(h, "title"), *lang = form_value(h, "language");
        json_t *c = audit_changes();
        audit_str(c, "title", t.title, title);
        audit_str(c, "language", t.language, lang);
        audit_str(c, "body", t.body, body);
        bool changed = audit_any(c);
        if (changed)
            rc = replytpl_save(&w->d->db, t.id, title, lang_parse(lang), body, t.active,
                               desk_now(w->d), NULL);
        if (changed && rc == OUTCOME_OK)
            rc = admin_audit_id(w, "reply_template", t.id, title, "update", c);
        json_decref(c);
        if (changed && rc == OUTCOME_OK)
            rc = admin_commit(w);
        else
            db_rollback(&w->d->db);
        char where[64];
        snprintf(where, sizeof where, BASE "/%lld", t.id);
        if (rc != OUTCOME_OK)
            admin_error(w, 503, "unavailable");
        else
            admin_redirect_done(w, where, changed ? "reply_saved" : "template_unchanged");
    }
    free(body);
    free(t.body);
}

static void set_active(web_t *w, const char *arg, bool on)
{
    ADMIN_ONLY(w);
    replytpl_t t;
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!template_of(w, arg, &t, true))
        return db_rollback(&w->d->db);
    char where[64];
    snprintf(where, sizeof where, BASE "/%lld", t.id);
    int rc = OUTCOME_OK;
    if (t.active != on) {
        json_t *c = audit_changes();
        audit_bool(c, "active", t.active, on);
        rc = replytpl_save(&w->d->db, t.id, t.title, lang_parse(t.language), t.body, on,
                           desk_now(w->d), NULL);
        if (rc == OUTCOME_OK)
            rc = admin_audit_id(w, "reply_template", t.id, t.title, on ? "activate" : "deactivate", c);
        json_decref(c);
    }
    if (rc == OUTCOME_OK && t.active != on)
        rc = admin_commit(w);
    else
        db_rollback(&w->d->db);
    bool same = t.active == on;
    free(t.body);
    if (rc != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    admin_redirect_done(w, where, same ? "template_unchanged" : on ? "reply_on" : "reply_off");
}

static void do_deactivate(web_t *w, const char *arg) { set_active(w, arg, false); }
static void do_activate(web_t *w, const char *arg) { set_active(w, arg, true); }

static const web_route_t routes[] = {
    {"GET", BASE, page_list},
    {"POST", BASE, do_create},
    {"GET", BASE "/*", page_one},
    {"POST", BASE "/*", do_update},
    {"POST", BASE "/*/deactivate", do_deactivate},
    {"POST", BASE "/*/activate", do_activate},
};

const admin_module_t admin_mod_replies = {"notifications", "/admin/notifications", routes,
                                          sizeof routes / sizeof *routes};
