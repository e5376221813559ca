/* apikey: keys other systems use on /api/v1. A key is "dk_" + a random
 * token; only its keyed hash is stored (lib/core/secret.h), so checking a key is
 * one indexed lookup, not a slow password hash. */
#ifndef DESK_APIKEY_H
#define DESK_APIKEY_H

#include <stdbool.h>

#include "desk/desk.h"

#define APIKEY_TEXT_LEN (3 + TOKEN_TEXT_LEN)

/* What a key may do beyond reading and commenting on its tickets. */
typedef struct apikey_grants {
    bool all_tickets;  /* scope "all": may read every ticket, not only its own */
    bool reports;      /* scope "reports": reads the statistics (every team's
                          figures) and no ticket at all */
    bool set_priority; /* "priority:set": a PATCH sets the priority at once instead
                          of filing a request a supervisor approves */
    bool review;       /* "review": reads the review loop (/api/v1/review/...) */
} apikey_grants_t;

#define APIKEY_GRANT_SET_PRIORITY "priority:set"
#define APIKEY_GRANT_REVIEW "review"

/* The key's scope as stored: "own", "all" or "reports". */
const char *apikey_scope_code(const apikey_grants_t *may);

typedef struct apikey {
    long long id;
    char label[401];
    apikey_grants_t may;
    time_t last_used_at;
} apikey_t;

/* Creates a key and writes its text to out (shown once). 0 or -1. */
int apikey_create(desk_t *d, const char *label, const apikey_grants_t *may,
                  char out[APIKEY_TEXT_LEN + 1]);
/* A key as the admin console lists it (never its text: only the prefix). */
typedef struct apikey_info {
    long long id;
    char label[401];
    char prefix[9];
    apikey_grants_t may;
    time_t created_at, last_used_at, revoked_at; /* 0: never / active */
} apikey_info_t;

/* Keys newest first, ids below `before` (0: from the newest), at most limit;
 * returns how many, or -1. */
int apikey_each(desk_t *d, long long before, int limit,
                void (*fn)(const apikey_info_t *k, void *ctx), void *ctx);
/* One key (with lock: locked for the caller's transaction): OUTCOME_OK,
 * OUTCOME_NOT_FOUND or a failure. */
int apikey_get(desk_t *d, long long id, bool lock, apikey_info_t *k);
/* Revokes an active key (inside the caller's transaction): 1 revoked, 0 it
 * was not active, <0 an outcome. */
int apikey_revoke(desk_t *d, long long id);

/* Finds an active key; 1 found, 0 unknown or revoked, -1 database error.
 * Records the use at most once a minute per key. */
int apikey_check(desk_t *d, const char *text, apikey_t *k);

#endif
