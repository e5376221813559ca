/* mailtpl: admins' own wording of the notification mails, per event and
 * language (table mail_templates, sql/migrations/018_notifications.sql).
 *
 * The desk ships one ClearSilver template per event (templates/mail/<kind>.cs,
 * rendered by lib/desk/notify/outbox.c). An admin may override the subject and body of
 * the email of an event in one language with plain text holding placeholders
 * ({number}, {customer}, ... see mailtpl_names; lib/core/textfill.h does the
 * substitution, never template code). Only active overrides are loaded, per
 * worker, when the configuration version changes (lib/desk/confver.c); without an
 * active override, or for a text message, the shipped template is used.
 *
 * Placeholders and the notification data they read (set by lib/desk/notify/notify.c):
 *   number      Ticket.number           subject   Ticket.subject
 *   customer    Customer.name (or the recipient of a customer's mail)
 *   agent       Agent.name or Owner.name recipient Recipient.name
 *   category    Ticket.category         priority  the name of Ticket.priority
 *   link        Ticket.link             site      the site's name
 *   due         the event's deadline (see mailtpl_event_t.due)
 *   body        Body (the reply, summary, solution or note)
 *   survey_link Survey.link             clock     the deadline's name */
#ifndef DESK_MAILTPL_H
#define DESK_MAILTPL_H

#include <stdbool.h>
#include <time.h>

#include "store/db.h"
#include "core/tpl.h"

#define MAILTPL_SUBJECT_MAX 200  /* characters */
#define MAILTPL_BODY_MAX 8000    /* characters */
#define MAILTPL_MAX_NAMES 16

/* One notification event. */
typedef struct mailtpl_event {
    const char *kind;      /* "ticket_created": the template's name */
    const char *section;   /* its strings: L.Mail.<section>.* */
    bool to_customer;      /* mailed to the customer (else to agents) */
    const char *due[2];    /* data keys {due} reads, first set wins; none: no {due} */
    bool body;             /* has {body} */
    bool survey;           /* has {survey_link} */
    bool clock;            /* has {clock} */
} mailtpl_event_t;

/* Every event, in the order of the admin page; mailtpl_nevents of them. */
extern const mailtpl_event_t mailtpl_events[];
extern const int mailtpl_nevents;
/* The event of a kind, or NULL. */
const mailtpl_event_t *mailtpl_event(const char *kind);
/* The placeholders an event offers, NULL-ended, into names (at least
 * MAILTPL_MAX_NAMES + 1 slots). Returns how many. */
int mailtpl_names(const mailtpl_event_t *e, const char **names);

/* ---- the overrides in force (per worker) ---- */

typedef struct mailtpl {
    const mailtpl_event_t *event;
    lang_t lang;
    char *subject, *body;
} mailtpl_t;

typedef struct mailtpls {
    mailtpl_t *items;
    int n;
} mailtpls_t;

/* Loads the active overrides; on failure t is left as it was. 0 or -1. */
int mailtpl_load(mailtpls_t *t, db_t *db);
void mailtpl_free(mailtpls_t *t);
/* The active override of kind in lang, or NULL. */
const mailtpl_t *mailtpl_find(const mailtpls_t *t, const char *kind, lang_t lang);

/* Fills subject and body templates with the values of a notification's data
 * set (v gives the language's site name, priority and clock names; may be
 * NULL). *subject (one line) and *body are malloc'd; 0, or -1 (out of
 * memory, nothing allocated). */
int mailtpl_fill(const texts_t *v, lang_t lang, const mailtpl_event_t *e, const char *subject_tmpl,
                 const char *body_tmpl, HDF *data, char **subject, char **body);

/* A made-up ticket's data for the previews: the same keys lib/desk/notify/notify.c sets
 * for the event, in lang, with times from now and links under base_url. */
void mailtpl_sample(HDF *h, const mailtpl_event_t *e, lang_t lang, time_t now,
                    const char *base_url);

/* A starting text for a new override, from the shipped strings (L.Mail.*):
 * malloc'd subject and body with placeholders; 0 or -1. */
int mailtpl_default_text(const texts_t *v, lang_t lang, const mailtpl_event_t *e, char **subject,
                         char **body);

/* ---- the admin page ---- */

typedef struct mailtpl_row {
    long long id;
    char kind[41];
    char language[3];
    char *subject, *body; /* malloc'd */
    bool active;
    time_t updated_at;
    char updated_by[401]; /* the admin's name (VARCHAR(100) in utf8mb4) */
} mailtpl_row_t;

/* The override of kind in lang (active or not); with lock, FOR UPDATE
 * inside the caller's transaction. OUTCOME_OK, OUTCOME_NOT_FOUND or a failure. */
int mailtpl_get(db_t *db, const char *kind, lang_t lang, bool lock, mailtpl_row_t *r);
void mailtpl_row_free(mailtpl_row_t *r);
/* Calls fn for every stored override (at most 2 per event). Count or <0. */
int mailtpl_each(db_t *db, void (*fn)(const mailtpl_row_t *r, void *ctx), void *ctx);
/* Inserts or updates the override of kind in lang, inside the caller's
 * transaction. 0 or an outcome. */
int mailtpl_save(db_t *db, const char *kind, lang_t lang, const char *subject, const char *body,
                 bool active, long long agent_id, time_t now);

#endif
