/* admin_mail_gateway: how notifications leave the desk: the SMTP server and
 * the SMS gateway (the keys of lib/desk/notify/mailer.h), stored as settings
 * (lib/desk/settings.h) that win over the config file; the scheduler's mailer
 * reads them at its next pass, no restart. The SMTP password and the gateway
 * key are stored sealed and never shown again, only whether they are set;
 * the audit log says "changed", never a value.
 *
 *   GET  /admin/notifications/gateway            the form, with what is in force
 *   POST /admin/notifications/gateway            save (one audit row per setting changed)
 *   POST /admin/notifications/gateway/test       send a test mail now to an address
 *   POST /admin/notifications/gateway/test-sms   send a test text message now */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/notify/mailer.h"

#define PAGE "/admin/notifications/gateway"

/* The plain settings: form field and the config key it sets. */
typedef struct plain {
    const char *field;
    config_key_t key;
} plain_t;

static const plain_t plains[] = {
    {"smtp_url", CFG_MAIL_SMTP_URL},
    {"starttls", CFG_MAIL_START_TLS},
    {"user", CFG_MAIL_USER},
    {"from", CFG_MAIL_FROM},
    {"from_name", CFG_MAIL_FROM_NAME},
    {"timeout", CFG_MAIL_TIMEOUT_SECONDS},
    {"max_attempts", CFG_MAIL_MAX_ATTEMPTS},
    {"sms_url", CFG_SMS_URL},
    {"sms_body", CFG_SMS_BODY},
    {"sms_key_header", CFG_SMS_KEY_HEADER},
};
#define NPLAIN ((int)(sizeof plains / sizeof *plains))

/* The secrets: typed value (empty: keep), "clear" box, config key. */
typedef struct secret_field {
    const char *field, *clear;
    config_key_t key;
} secret_field_t;

static const secret_field_t secrets[] = {
    {"password", "password_clear", CFG_MAIL_PASSWORD},
    {"sms_key", "sms_key_clear", CFG_SMS_KEY},
};
#define NSECRET ((int)(sizeof secrets / sizeof *secrets))

static const form_field_t fields[] = {
    {.name = "smtp_url", .type = FT_TEXT, .required = true, .max_chars = 300},
    {.name = "starttls", .type = FT_BOOL},
    {.name = "user", .type = FT_TEXT, .max_chars = 200},
    {.name = "from", .type = FT_TEXT, .required = true, .max_chars = 254},
    {.name = "from_name", .type = FT_TEXT, .max_chars = 100},
    {.name = "timeout", .type = FT_INTEGER, .required = true, .max_chars = 3, .min = 1, .max = 300,
     .invalid = "timeout_range"},
    {.name = "max_attempts", .type = FT_INTEGER, .required = true, .max_chars = 3, .min = 1,
     .max = 100, .invalid = "attempts_range"},
    {.name = "sms_url", .type = FT_TEXT, .max_chars = 500},
    {.name = "sms_body", .type = FT_TEXT, .max_chars = 500},
    {.name = "sms_key_header", .type = FT_TEXT, .required = true, .max_chars = 60},
    {.name = "password", .type = FT_TEXT, .max_chars = 200},
    {.name = "password_clear", .type = FT_BOOL},
    {.name = "sms_key", .type = FT_TEXT, .max_chars = 300},
    {.name = "sms_key_clear", .type = FT_BOOL},
};
#define NFIELDS ((int)(sizeof fields / sizeof *fields))

/* The value in force; "" for none. */
static const char *current(web_t *w, const plain_t *p)
{
    const char *v = settings_get_str(&w->d->settings, &w->d->cfg, p->key);
    return v ? v : "";
}

/* ---- the page ------------------------------------------------------------------ */

static void show(web_t *w, int status, bool keep)
{
    HDF *h = w->r->hdf;
    for (int i = 0; !keep && i < NPLAIN; i++)
        hdf_set_valuef(h, "Form.%s.value=%s", plains[i].field, current(w, &plains[i]));
    for (int i = 0; i < NSECRET; i++) { /* whether set, never the value */
        const char *v = settings_get_str(&w->d->settings, &w->d->cfg, secrets[i].key);
        hdf_set_valuef(h, "Secret.%s=%s", secrets[i].field, *v ? "set" : "unset");
        char key[48];
        snprintf(key, sizeof key, "Form.%s.value", secrets[i].field); /* never sent back */
        hdf_remove_tree(h, key);
    }
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/mail_gateway.cs", "notifications");
}

static void page_gateway(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    show(w, 200, false);
}

/* ---- saving ------------------------------------------------------------------ */

static bool starts(const char *v, const char *a, const char *b)
{
    return v && (strncmp(v, a, strlen(a)) == 0 || strncmp(v, b, strlen(b)) == 0) &&
           !strpbrk(v, " \t");
}

/* What form_validate cannot check; the number of errors. */
static int check_more(HDF *h)
{
    int errors = 0;
    const char *v = form_value(h, "smtp_url");
    if (v && !starts(v, "smtp://", "smtps://"))
        form_set_error(h, "smtp_url", "smtp_url"), errors++;
    if ((v = form_value(h, "from")) && !mail_address_valid(v))
        form_set_error(h, "from", "invalid_email"), errors++;
    if ((v = form_value(h, "sms_url")) && !starts(v, "http://", "https://"))
        form_set_error(h, "sms_url", "sms_url"), errors++;
    v = form_value(h, "sms_key_header");
    if (v && strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") !=
                 strlen(v))
        form_set_error(h, "sms_key_header", "header_name"), errors++;
    return errors;
}

/* A secret: typed -> sealed and stored; "clear" -> emptied; else kept. */
static int put_secret(web_t *w, const secret_field_t *s, int *changed)
{
    HDF *h = w->r->hdf;
    char key[48];
    snprintf(key, sizeof key, "Query.%s", s->field);
    /* as typed (validated, but not trimmed: spaces may belong to a password) */
    const char *typed = form_value(h, s->field) ? hdf_get_value(h, key, NULL) : NULL;
    bool clear = form_value(h, s->clear) != NULL;
    const char *name = config_name(s->key);
    const char *now = settings_get_str(&w->d->settings, &w->d->cfg, s->key);
    if (!typed && (!clear || !*now))
        return OUTCOME_OK;
    char *stored = typed ? settings_seal(&w->d->secrets, typed) : strdup("");
    if (!stored)
        return OUTCOME_UNAVAILABLE;
    int rc = settings_put(&w->d->db, name, stored, NULL);
    free(stored);
    if (rc == 1) {
        json_t *c = audit_changes();
        audit_mark(c, name); /* [null, "changed"]: never a value */
        rc = admin_audit(w, "setting", name, name, typed ? "update" : "remove", c);
        json_decref(c);
        (*changed)++;
    }
    return rc < 0 ? rc : OUTCOME_OK;
}

static void do_save(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    int errors = form_validate(h, h, fields, NFIELDS);
    errors += check_more(h);
    if (errors) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show(w, 422, true);
    }
    int changed = 0, rc = db_begin(&w->d->db);
    for (int i = 0; rc == OUTCOME_OK && i < NPLAIN; i++) {
        const char *v = form_value(h, plains[i].field);
        if (strcmp(plains[i].field, "starttls") == 0)
            v = v ? "1" : "0";
        rc = admin_setting_put(w, plains[i].key, current(w, &plains[i]), v ? v : "", &changed);
    }
    for (int i = 0; rc == OUTCOME_OK && i < NSECRET; i++)
        rc = put_secret(w, &secrets[i], &changed);
    if (rc == OUTCOME_OK && !changed) {
        db_rollback(&w->d->db);
        return admin_redirect_done(w, PAGE, "gateway_unchanged");
    }
    if (rc == OUTCOME_OK)
        rc = admin_commit(w);
    else
        db_rollback(&w->d->db);
    if (rc != OUTCOME_OK) {
        log_error("mail settings: save failed (%d)", rc);
        form_set_error(h, "_form", "unavailable");
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show(w, 503, true);
    }
    admin_redirect_done(w, PAGE, "gateway_saved");
}

/* ---- test messages ------------------------------------------------------------ */

static void do_test(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    static const form_field_t to_field[] = {{.name = "test_to", .type = FT_TEXT, .required = true,
                                             .max_chars = 254}};
    const char *to = NULL;
    if (!form_validate(h, h, to_field, 1) && !mail_address_valid(to = form_value(h, "test_to")))
        form_set_error(h, "test_to", "invalid_email");
    if (hdf_get_value(h, "Form.test_to.error", NULL)) {
        hdf_set_int_value(h, "Test.HasErrors", 1);
        return show(w, 422, false);
    }
    time_t now = desk_now(w->d);
    char subject[300], body[1200], err[512] = "";
    snprintf(subject, sizeof subject, "%s · %s", texts_get(&w->d->texts, w->lang, "Admin.Gw.TestSubject"),
             hdf_get_value(w->d->texts.global[w->lang], "Site.Name", ""));
    snprintf(body, sizeof body, "%s\n\n%s %s\n", texts_get(&w->d->texts, w->lang, "Admin.Gw.TestBody"),
             texts_get(&w->d->texts, w->lang, "Admin.Gw.TestBy"), ME(w)->name);
    mailer_t m;
    mailer_init(&m, &w->d->cfg);
    mailer_use_settings(&m, &w->d->settings, &w->d->secrets);
    int rc = mailer_send_mail(&m, to, subject, body, (long long)now, 0, now, err, sizeof err);
    mailer_free(&m);
    log_info("admin %lld: test mail %s (%s)", ME(w)->id, rc == OUTCOME_OK ? "sent" : "failed", err);
    hdf_set_value(h, "Test.to", to);
    hdf_set_value(h, "Test.result", rc == OUTCOME_OK ? "ok" : "failed");
    hdf_set_value(h, "Test.error", err);
    show(w, 200, false);
}

static void do_test_sms(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    static const form_field_t to_field[] = {{.name = "test_phone", .type = FT_TEXT,
                                             .required = true, .max_chars = 24}};
    const char *to = NULL;
    if (!form_validate(h, h, to_field, 1) && !sms_number_valid(to = form_value(h, "test_phone")))
        form_set_error(h, "test_phone", "invalid_phone");
    if (hdf_get_value(h, "Form.test_phone.error", NULL)) {
        hdf_set_int_value(h, "Test.HasErrors", 1);
        return show(w, 422, false);
    }
    char text[300], err[512] = "";
    snprintf(text, sizeof text, "%s · %s", texts_get(&w->d->texts, w->lang, "Admin.Gw.TestSms"),
             hdf_get_value(w->d->texts.global[w->lang], "Site.Name", ""));
    mailer_t m;
    mailer_init(&m, &w->d->cfg);
    mailer_use_settings(&m, &w->d->settings, &w->d->secrets);
    int rc = mailer_send_sms(&m, to, text, err, sizeof err);
    mailer_free(&m);
    hdf_set_value(h, "Test.to", to);
    hdf_set_value(h, "Test.sms", "1");
    hdf_set_value(h, "Test.result", rc == OUTCOME_OK ? "ok" : "failed");
    hdf_set_value(h, "Test.error", err);
    show(w, 200, false);
}

static const web_route_t routes[] = {
    {"GET", PAGE, page_gateway},
    {"POST", PAGE, do_save},
    {"POST", PAGE "/test", do_test},
    {"POST", PAGE "/test-sms", do_test_sms},
};

const admin_module_t admin_mod_mail_gateway = {"notifications", "/admin/notifications", routes,
                                               sizeof routes / sizeof *routes};
