/* replytpl: reply templates (话术模板): canned answers admins write
 * and agents insert into the reply box of a ticket, filled with the
 * ticket's facts through the same plain-text placeholders as the
 * notification texts (lib/core/textfill.h): {customer}, {number}, {subject},
 * {agent}. Table reply_templates (sql/migrations/018_notifications.sql);
 * deactivated, never deleted. Read per request (a few rows, indexed). */
#ifndef DESK_REPLYTPL_H
#define DESK_REPLYTPL_H

#include <stdbool.h>
#include <time.h>

#include "store/db.h"
#include "core/lang.h"

#define REPLYTPL_TITLE_MAX 100 /* characters */
#define REPLYTPL_BODY_MAX 4000 /* characters */
#define REPLYTPL_SHOWN_MAX 50  /* offered on one ticket page */

/* The placeholders a reply template may use, NULL-ended. */
extern const char *const replytpl_names[];

typedef struct replytpl {
    long long id;
    char title[401];
    char language[3];
    char *body; /* malloc'd */
    bool active;
    time_t updated_at;
} replytpl_t;

/* A ticket's facts for the placeholders. */
typedef struct replytpl_facts {
    const char *customer, *number, *subject, *agent;
} replytpl_facts_t;

/* The text of body for a ticket: malloc'd, NULL when out of memory. */
char *replytpl_fill(const char *body, const replytpl_facts_t *f);

/* Every template, newest first, ids below before (0: from the newest), at
 * most max, via fn. Count or <0. */
int replytpl_each(db_t *db, long long before, int max, void (*fn)(const replytpl_t *t, void *ctx),
                  void *ctx);
/* The active templates of a language, oldest first (the order admins made
 * them), at most REPLYTPL_SHOWN_MAX, via fn. Count or <0. */
int replytpl_each_active(db_t *db, lang_t lang, void (*fn)(const replytpl_t *t, void *ctx),
                         void *ctx);
/* One template; with lock FOR UPDATE in the caller's transaction. OUTCOME_OK,
 * OUTCOME_NOT_FOUND or a failure. Free t->body. */
int replytpl_get(db_t *db, long long id, bool lock, replytpl_t *t);
/* Inserts (id 0: *new_id gets the id) or updates a template. 0 or <0. */
int replytpl_save(db_t *db, long long id, const char *title, lang_t lang, const char *body,
                  bool active, time_t now, long long *new_id);

#endif
