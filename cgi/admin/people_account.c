/* admin_people_account: what an admin does to a person's account, beside
 * editing it (cgi/admin/people.c).
 *
 *   GET  /admin/people/ID/deactivate   "are you sure?" with their open tickets
 *   POST /admin/people/ID/deactivate   no more sign-in; every session ends
 *   POST /admin/people/ID/activate     may sign in again
 *   GET  /admin/people/ID/password     the reset form: generate or type one
 *   POST /admin/people/ID/password     new password (a generated one is shown
 *                                      in this answer only); sessions end
 *   POST /admin/people/ID/unlock       clears the sign-in lock-out (lib/desk/people/auth.c)
 *
 * Nobody deactivates themself here (the last admin would be locked out). */
#include "admin/people.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/password.h"
#include "desk/people/signin_limit.h"

static const char *const pw_modes[] = {"generate", "set", NULL};
static const form_field_t mode_field = {.name = "password_mode", .type = FT_CHOICE,
                                        .required = true, .choices = pw_modes};

static void to_person(web_t *w, long long id, const char *done)
{
    char where[64];
    snprintf(where, sizeof where, "/admin/people/%lld", id);
    admin_redirect_done(w, where, done);
}

/* The person page in a mode ("deactivate", "password", "edit"). */
static void show_mode(web_t *w, const person_t *p, const char *mode, int status)
{
    roster_t r;
    if (roster_load(w, &r))
        return;
    hdf_set_value(w->r->hdf, "Mode", mode);
    person_show(w, &r, p, status);
    roster_free(&r);
}

static void title_of(const person_t *p, char *out, size_t cap)
{
    snprintf(out, cap, "%s (%s)", p->name, p->login);
}

/* ---- deactivate / activate ------------------------------------------------------ */

void person_page_deactivate(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    person_t p;
    if (person_of(w, arg, &p, false))
        show_mode(w, &p, "deactivate", 200);
}

static void set_active(web_t *w, const char *arg, bool active)
{
    person_t p;
    if (!person_of(w, arg, &p, false))
        return;
    if (!active && p.id == ME(w)->id) {
        hdf_set_value(w->r->hdf, "Alert", "own_account");
        return show_mode(w, &p, "deactivate", 422);
    }
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!person_of(w, arg, &p, true))
        return db_rollback(&w->d->db);
    if (p.active == active) { /* nothing to change, nothing to record */
        db_rollback(&w->d->db);
        return to_person(w, p.id, active ? "already_active" : "already_inactive");
    }
    int rc = people_set_active(w->d, p.id, active);
    if (rc == OUTCOME_OK) {
        char title[480];
        json_t *c = audit_changes();
        audit_bool(c, "active", p.active, active);
        if (!active)
            audit_str(c, "sessions", NULL, "ended");
        title_of(&p, title, sizeof title);
        rc = admin_audit_id(w, "agent", p.id, title, active ? "activate" : "deactivate", c);
        json_decref(c);
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    to_person(w, p.id, active ? "person_activated" : "person_deactivated");
}

void person_do_deactivate(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    set_active(w, arg, false);
}

void person_do_activate(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    set_active(w, arg, true);
}

/* ---- password ---------------------------------------------------------------------- */

void person_page_password(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    person_t p;
    if (!person_of(w, arg, &p, false))
        return;
    hdf_set_value(w->r->hdf, "Form.password_mode.value", "generate");
    show_mode(w, &p, "password", 200);
}

/* The new password: generated into buf, or the admin's (checked). NULL
 * after marking the form's error. */
static const char *new_password(web_t *w, const person_t *p, char buf[PEOPLE_GENERATED_LEN + 1])
{
    HDF *h = w->r->hdf;
    buf[0] = '\0';
    if (form_validate(h, h, &mode_field, 1))
        return NULL;
    if (strcmp(form_value(h, "password_mode"), "generate") == 0) {
        people_password_generate(buf);
        return buf;
    }
    const char *given = req_query(w->r, "password");
    const char *bad = people_password_problem(given ? given : "", p->login);
    if (bad) {
        form_set_error(h, "password", bad);
        return NULL;
    }
    return given;
}

static int reset_tx(web_t *w, person_t *p, const char *arg, const char *hash, bool generated)
{
    int rc = db_begin(&w->d->db);
    if (rc != OUTCOME_OK)
        return rc;
    if (!person_of(w, arg, p, true)) {
        db_rollback(&w->d->db);
        return 1; /* answered */
    }
    rc = people_set_password(w->d, p->id, hash);
    if (rc == OUTCOME_OK) /* a new password lifts the pauses of the old one */
        rc = signin_limit_clear(w->d, p->login);
    if (rc == OUTCOME_OK) {
        char title[480];
        json_t *c = audit_changes();
        audit_mark(c, "password");
        audit_str(c, "password_source", NULL, generated ? "generated" : "set by admin");
        audit_str(c, "sessions", NULL, "ended");
        title_of(p, title, sizeof title);
        rc = admin_audit_id(w, "agent", p->id, title, "reset_password", c);
        json_decref(c);
    }
    return admin_finish(w, rc);
}

void person_do_password(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    person_t p;
    char buf[PEOPLE_GENERATED_LEN + 1], hash[PASSWORD_HASH_MAX];
    if (!person_of(w, arg, &p, false))
        return;
    const char *pw = new_password(w, &p, buf);
    if (!pw) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_mode(w, &p, "password", 422);
    }
    bool generated = pw == buf;
    int rc = password_hash(pw, hash) ? OUTCOME_UNAVAILABLE : reset_tx(w, &p, arg, hash, generated);
    sodium_memzero(hash, sizeof hash);
    if (rc == 1) { /* the person went away meanwhile: answered */
        sodium_memzero(buf, sizeof buf);
        return;
    }
    if (rc != OUTCOME_OK) {
        sodium_memzero(buf, sizeof buf);
        return admin_error(w, 503, "unavailable");
    }
    if (!generated)
        return to_person(w, p.id, "password_set");
    /* shown in this answer only: only its argon2id hash is stored */
    hdf_set_value(h, "NewPassword.text", buf);
    hdf_set_value(h, "NewPassword.why", "reset");
    sodium_memzero(buf, sizeof buf);
    hdf_set_value(h, "Admin.Done", "password_reset");
    person_t fresh;
    show_mode(w, people_get(w->d, p.id, false, &fresh) == OUTCOME_OK ? &fresh : &p, "edit", 200);
}

/* ---- unlock ------------------------------------------------------------------------ */

void person_do_unlock(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    person_t p;
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    if (!person_of(w, arg, &p, true))
        return db_rollback(&w->d->db);
    signin_state_t s;
    int rc = signin_limit_state(w->d, p.login, &s);
    if (rc != OUTCOME_OK) {
        db_rollback(&w->d->db);
        return admin_error(w, 503, "unavailable");
    }
    bool locked = s.paused_sources > 0;
    if (!locked && !s.slowed_until && !s.failures) {
        db_rollback(&w->d->db);
        return to_person(w, p.id, "not_locked");
    }
    rc = signin_limit_clear(w->d, p.login);
    if (rc == OUTCOME_OK) {
        char title[480];
        json_t *c = audit_changes();
        audit_bool(c, "locked", locked, false);
        audit_int(c, "failed_logins", s.failures, 0);
        title_of(&p, title, sizeof title);
        rc = admin_audit_id(w, "agent", p.id, title, "unlock", c);
        json_decref(c);
    }
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    to_person(w, p.id, "person_unlocked");
}
