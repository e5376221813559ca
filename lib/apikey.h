/* apikey: keys other systems use on /api/v1. A key is "dk_" + a random
 * token; only its keyed hash is stored (lib/secret.h), so checking a key is
 * one indexed lookup, not a slow password hash. */
#ifndef DESK_APIKEY_H
#define DESK_APIKEY_H

#include <stdbool.h>

#include "desk.h"

#define APIKEY_TEXT_LEN (3 + TOKEN_TEXT_LEN)

typedef struct apikey {
    long long id;
    char label[401];
    bool all_tickets; /* scope "all": may read every ticket, not only its own */
    time_t last_used_at;
} apikey_t;

/* Creates a key and writes its text to out (shown once). 0 or -1. */
int apikey_create(desk_t *d, const char *label, bool all_tickets,
                  char out[APIKEY_TEXT_LEN + 1]);
/* Finds an active key; 1 found, 0 unknown or revoked, -1 database error.
 * Records the use at most once a minute per key. */
int apikey_check(desk_t *d, const char *text, apikey_t *k);

#endif
