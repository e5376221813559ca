/* audit: the trail of configuration changes (table audit_log): who, when,
 * from which address, which thing (entity + id), what was done, and per
 * field [old, new]. Build the changes with audit_changes() and the audit_*
 * helpers (each adds a field only when old != new), then audit_record()
 * inside the transaction that makes the change, so both commit or neither.
 * Never put secrets in it (key texts, password hashes): use audit_mark(). */
#ifndef DESK_AUDIT_H
#define DESK_AUDIT_H

#include <jansson.h>
#include <stdbool.h>
#include <time.h>

#include "desk/desk.h"

/* An empty change set: a json object; json_decref() it after recording. */
json_t *audit_changes(void);
/* "field": [old, new] when they differ; NULL strings are JSON null, and
 * NULL and "" are the same (no value): a blank field of a new thing is no
 * change. */
void audit_str(json_t *c, const char *field, const char *old_v, const char *new_v);
void audit_int(json_t *c, const char *field, long long old_v, long long new_v);
void audit_bool(json_t *c, const char *field, bool old_v, bool new_v);
/* "field": [null, "changed"] for a secret whose values are never written. */
void audit_mark(json_t *c, const char *field);
/* Whether there is anything to record. */
bool audit_any(const json_t *c);

typedef struct audit_who {
    long long agent_id; /* 0: deskctl or the system */
    const char *ip;
} audit_who_t;

/* Appends a row within the caller's transaction: entity ("api_key"),
 * entity_id (its id or name as text), title (the thing in words: its label
 * or name, cut to 200 characters), action ("create", "update",
 * "deactivate", "revoke", ...). 0, or a negative outcome. */
int audit_record(desk_t *d, const audit_who_t *who, const char *entity, const char *entity_id,
                 const char *title, const char *action, const json_t *changes);

/* ---- reading the trail (the audit page) ---- */

typedef struct audit_filter {
    char entity[41];   /* "" any */
    long long agent_id; /* 0 any */
    time_t from, to;   /* [from, to), 0 open */
    long long before;  /* keyset: ids below this, 0 from the newest */
    int limit;
} audit_filter_t;

typedef struct audit_row {
    long long id;
    time_t at;
    long long agent_id;
    char agent_name[401]; /* agents.name: VARCHAR(100) in utf8mb4 */
    char ip[46];
    char entity[41];
    char entity_id[101];
    char title[801];
    char action[21];
    json_t *changes; /* borrowed for the callback only */
} audit_row_t;

/* Calls fn for each row of the filter, newest first; returns the number of
 * rows, or -1. */
int audit_each(desk_t *d, const audit_filter_t *f, void (*fn)(const audit_row_t *r, void *ctx),
               void *ctx);
/* The distinct entities recorded so far (for the filter), via fn. */
int audit_entities(desk_t *d, void (*fn)(const char *entity, void *ctx), void *ctx);

#endif
