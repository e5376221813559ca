/* admin_notifications: admins' own wording of the notification mails, per
 * event and language (lib/desk/notify/mailtpl.h). The shipped templates stay the
 * default; an active override replaces the email's subject and body, with
 * plain-text placeholders, on every worker after its next reload.
 *
 *   GET  /admin/notifications                      every event x language and what is used
 *   GET  /admin/notifications/templates/KIND.LANG  the form (saved text, or a starting text),
 *                                                  the placeholders, the shipped text
 *   POST /admin/notifications/templates/KIND.LANG  op=preview: fill it for a sample
 *                                                  ticket, nothing saved; op=save: store it
 *   POST /admin/notifications/templates/KIND.LANG/deactivate   back to the shipped text
 *   POST /admin/notifications/templates/KIND.LANG/activate     use the saved text again */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/notify/outbox.h"
#include "core/textfill.h"

#define BASE "/admin/notifications"

static const form_field_t fields[] = {
    {.name = "subject", .type = FT_TEXT, .required = true, .max_chars = MAILTPL_SUBJECT_MAX},
    {.name = "body", .type = FT_LONGTEXT, .required = true, .max_chars = MAILTPL_BODY_MAX},
};
#define NFIELDS ((int)(sizeof fields / sizeof *fields))

typedef struct target {
    const mailtpl_event_t *e;
    lang_t lang;
    char id[48]; /* "ticket_created.zh": URL segment and audit entity_id */
} target_t;

/* The event and language of ".../templates/KIND.LANG...", or false after
 * answering 404. */
static bool target_of(web_t *w, const char *arg, target_t *t)
{
    char seg[48];
    const char *s = web_segment(arg, seg, sizeof seg);
    char *dot = s ? strrchr(seg, '.') : NULL;
    if (dot) {
        *dot = '\0';
        t->e = mailtpl_event(seg);
        t->lang = lang_parse(dot + 1);
        if (t->e && strcmp(lang_code(t->lang), dot + 1) == 0) {
            snprintf(t->id, sizeof t->id, "%s.%s", t->e->kind, lang_code(t->lang));
            return true;
        }
    }
    admin_error(w, 404, "not_found");
    return false;
}

/* "新建工单 · 中文": the event and language in the admin's words. */
static void title_of(web_t *w, const target_t *t, char *out, size_t cap)
{
    char key[96];
    snprintf(key, sizeof key, "Admin.Notify.Event.%s.name", t->e->kind);
    const char *name = texts_get(&w->d->texts, w->lang, key);
    snprintf(key, sizeof key, "Admin.Notify.Lang.%s", lang_code(t->lang));
    snprintf(out, cap, "%s · %s", *name ? name : t->e->kind, texts_get(&w->d->texts, w->lang, key));
}

/* ---- the overview -------------------------------------------------------------- */

static void add_row(const mailtpl_row_t *r, void *ctx)
{
    web_t *w = ctx;
    if (!mailtpl_event(r->kind))
        return;
    hdf_set_valuef(w->r->hdf, "Custom.%s.%s=%s", r->kind, r->language, r->active ? "on" : "off");
    char key[96];
    snprintf(key, sizeof key, "Custom.%s.%s.at", r->kind, r->language);
    tpl_set_time(w->r->hdf, key, r->updated_at);
}

static void page_list(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    for (int i = 0; i < mailtpl_nevents; i++) {
        hdf_set_valuef(h, "Events.%d.kind=%s", i, mailtpl_events[i].kind);
        hdf_set_valuef(h, "Events.%d.to=%s", i, mailtpl_events[i].to_customer ? "customer" : "agent");
    }
    if (mailtpl_each(&w->d->db, add_row, w) < 0)
        return admin_error(w, 503, "unavailable");
    admin_flash(w);
    admin_render(w, "admin/notifications.cs", "notifications");
}

/* ---- the form ------------------------------------------------------------------ */

/* Fills subject and body for the sample ticket into Preview.* (prefix). */
static void set_preview(web_t *w, const target_t *t, const char *prefix, const char *subject,
                        const char *body)
{
    HDF *data;
    if (hdf_init(&data) != STATUS_OK)
        return;
    mailtpl_sample(data, t->e, t->lang, desk_now(w->d), w->d->base_url);
    char *s = NULL, *b = NULL;
    int rc = subject ? mailtpl_fill(&w->d->texts, t->lang, t->e, subject, body, data, &s, &b)
                     : outbox_render_shipped(w->d, t->e->kind, t->lang, data, &s, &b);
    if (rc == 0) {
        hdf_set_valuef(w->r->hdf, "%s.subject=%s", prefix, s);
        hdf_set_valuef(w->r->hdf, "%s.body=%s", prefix, b);
    }
    free(s);
    free(b);
    hdf_destroy(&data);
}

/* The form page: Form.* already holds the input when keep is true. */
static void show(web_t *w, const target_t *t, const mailtpl_row_t *row, int status, bool keep)
{
    HDF *h = w->r->hdf;
    const char *names[MAILTPL_MAX_NAMES + 1];
    mailtpl_names(t->e, names);
    for (int i = 0; names[i]; i++)
        hdf_set_valuef(h, "Names.%d=%s", i, names[i]);
    hdf_set_value(h, "Tpl.kind", t->e->kind);
    hdf_set_value(h, "Tpl.lang", lang_code(t->lang));
    hdf_set_value(h, "Tpl.id", t->id);
    hdf_set_value(h, "Tpl.to", t->e->to_customer ? "customer" : "agent");
    if (row) {
        hdf_set_value(h, "Tpl.state", row->active ? "on" : "off");
        hdf_set_value(h, "Tpl.by", row->updated_by);
        tpl_set_time(h, "Tpl.at", row->updated_at);
    } else {
        hdf_set_value(h, "Tpl.state", "none");
    }
    if (!keep) {
        char *s = NULL, *b = NULL;
        if (row) {
            hdf_set_value(h, "Form.subject.value", row->subject);
            hdf_set_value(h, "Form.body.value", row->body);
        } else if (mailtpl_default_text(&w->d->texts, t->lang, t->e, &s, &b) == 0) {
            hdf_set_value(h, "Form.subject.value", s);
            hdf_set_value(h, "Form.body.value", b);
        }
        free(s);
        free(b);
        if (row) /* what the customers get now, filled for the sample */
            set_preview(w, t, "Preview", row->subject, row->body);
    }
    set_preview(w, t, "Shipped", NULL, NULL);
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/notification.cs", "notifications");
}

static void page_edit(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    target_t t;
    if (!target_of(w, arg, &t))
        return;
    mailtpl_row_t row;
    int rc = mailtpl_get(&w->d->db, t.e->kind, t.lang, false, &row);
    if (rc != OUTCOME_OK && rc != OUTCOME_NOT_FOUND)
        return admin_error(w, 503, "unavailable");
    show(w, &t, rc == OUTCOME_OK ? &row : NULL, 200, false);
    if (rc == OUTCOME_OK)
        mailtpl_row_free(&row);
}

/* Line ends as LF (browsers send CRLF) in a validated Form.<name>.value. */
static void lf_only(HDF *h, const char *name)
{
    const char *v = form_value(h, name);
    if (!v || !strchr(v, '\r'))
        return;
    char *copy = strdup(v), *o = copy;
    if (!copy)
        return;
    for (const char *p = v; *p; p++)
        if (*p != '\r' || p[1] != '\n')
            *o++ = *p == '\r' ? '\n' : *p;
    *o = '\0';
    hdf_set_valuef(h, "Form.%s.value=%s", name, copy);
    free(copy);
}

/* Field checks, placeholders included; the number of errors. An unknown
 * placeholder is named next to the field (Form.<name>.bad). */
static int validate(web_t *w, const target_t *t)
{
    HDF *h = w->r->hdf;
    int errors = form_validate(h, h, fields, NFIELDS);
    lf_only(h, "body");
    const char *names[MAILTPL_MAX_NAMES + 1];
    mailtpl_names(t->e, names);
    for (int i = 0; i < NFIELDS; i++) {
        const char *v = form_value(h, fields[i].name);
        char bad[TEXTFILL_NAME_MAX + 1];
        if (!v || !textfill_check(v, names, bad, sizeof bad))
            continue;
        form_set_error(h, fields[i].name, "placeholder_unknown");
        hdf_set_valuef(h, "Form.%s.bad=%s", fields[i].name, bad);
        errors++;
    }
    return errors;
}

/* Stores the text (new or changed) with its audit row. */
static int store(web_t *w, const target_t *t, const char *subject, const char *body, bool *changed)
{
    mailtpl_row_t old;
    int rc = mailtpl_get(&w->d->db, t->e->kind, t->lang, true, &old);
    if (rc != OUTCOME_OK && rc != OUTCOME_NOT_FOUND)
        return rc;
    bool found = rc == OUTCOME_OK;
    json_t *c = audit_changes();
    audit_str(c, "subject", found ? old.subject : NULL, subject);
    audit_str(c, "body", found ? old.body : NULL, body);
    if (!found)
        audit_bool(c, "active", false, true);
    *changed = audit_any(c);
    rc = OUTCOME_OK;
    if (*changed) {
        char title[160];
        title_of(w, t, title, sizeof title);
        rc = mailtpl_save(&w->d->db, t->e->kind, t->lang, subject, body,
                          found ? old.active : true, ME(w)->id, desk_now(w->d));
        if (rc == OUTCOME_OK)
            rc = admin_audit(w, "mail_template", t->id, title, found ? "update" : "create", c);
    }
    json_decref(c);
    if (found)
        mailtpl_row_free(&old);
    return rc;
}

static void do_save(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    target_t t;
    if (!target_of(w, arg, &t))
        return;
    HDF *h = w->r->hdf;
    bool preview = strcmp(hdf_get_value(h, "Query.op", ""), "preview") == 0;
    mailtpl_row_t row;
    int found = mailtpl_get(&w->d->db, t.e->kind, t.lang, false, &row);
    if (found != OUTCOME_OK && found != OUTCOME_NOT_FOUND)
        return admin_error(w, 503, "unavailable");
    const mailtpl_row_t *cur = found == OUTCOME_OK ? &row : NULL;
    if (validate(w, &t)) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        show(w, &t, cur, 422, true);
    } else if (preview) { /* nothing stored: the text filled for the sample */
        set_preview(w, &t, "Preview", form_value(h, "subject"), form_value(h, "body"));
        hdf_set_int_value(h, "Preview.unsaved", 1);
        show(w, &t, cur, 200, true);
    } else {
        bool changed = false;
        int rc = db_begin(&w->d->db);
        if (rc == OUTCOME_OK)
            rc = store(w, &t, form_value(h, "subject"), form_value(h, "body"), &changed);
        if (rc == OUTCOME_OK && changed)
            rc = admin_commit(w);
        else
            db_rollback(&w->d->db);
        char where[128];
        snprintf(where, sizeof where, BASE "/templates/%s", t.id);
        if (rc != OUTCOME_OK) {
            log_error("mail template %s: save failed (%d)", t.id, rc);
            form_set_error(h, "_form", "unavailable");
            hdf_set_int_value(h, "Form.HasErrors", 1);
            show(w, &t, cur, 503, true);
        } else {
            admin_redirect_done(w, where, changed ? "template_saved" : "template_unchanged");
        }
    }
    if (cur)
        mailtpl_row_free(&row);
}

/* ---- on and off ------------------------------------------------------------------ */

static void set_active(web_t *w, const char *arg, bool on)
{
    ADMIN_ONLY(w);
    target_t t;
    if (!target_of(w, arg, &t))
        return;
    mailtpl_row_t row;
    int rc = db_begin(&w->d->db);
    int found = rc == OUTCOME_OK ? mailtpl_get(&w->d->db, t.e->kind, t.lang, true, &row) : rc;
    if (found != OUTCOME_OK) {
        db_rollback(&w->d->db);
        return admin_fail(w, found);
    }
    char where[128];
    snprintf(where, sizeof where, BASE "/templates/%s", t.id);
    if (row.active == on) { /* nothing to change, nothing to record */
        db_rollback(&w->d->db);
        mailtpl_row_free(&row);
        return admin_redirect_done(w, where, "template_unchanged");
    }
    json_t *c = audit_changes();
    audit_bool(c, "active", row.active, on);
    char title[160];
    title_of(w, &t, title, sizeof title);
    rc = mailtpl_save(&w->d->db, t.e->kind, t.lang, row.subject, row.body, on, ME(w)->id,
                      desk_now(w->d));
    if (rc == OUTCOME_OK)
        rc = admin_audit(w, "mail_template", t.id, title, on ? "activate" : "deactivate", c);
    json_decref(c);
    mailtpl_row_free(&row);
    if (rc == OUTCOME_OK)
        rc = admin_commit(w);
    else
        db_rollback(&w->d->db);
    if (rc != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    admin_redirect_done(w, where, on ? "template_on" : "template_off");
}

static void do_deactivate(web_t *w, const char *arg) { set_active(w, arg, false); }
static void do_activate(web_t *w, const char *arg) { set_active(w, arg, true); }

static const web_route_t routes[] = {
    {"GET", BASE, page_list},
    {"GET", BASE "/templates/*", page_edit},
    {"POST", BASE "/templates/*", do_save},
    {"POST", BASE "/templates/*/deactivate", do_deactivate},
    {"POST", BASE "/templates/*/activate", do_activate},
};

const admin_module_t admin_mod_notifications = {"notifications", BASE, routes,
                                                sizeof routes / sizeof *routes};
