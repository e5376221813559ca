/* rekey: re-seals every stored contact value under one contact key, for
 * deskctl rotate-contact-key (README "Rotating the contact key").
 *
 * The sealed columns are listed in one table in rekey.c: a new sealed
 * column must be added there, or a rotation leaves it under the old key.
 * Each table is walked by primary key in batches, each batch one transaction
 * that locks its rows (SELECT ... FOR UPDATE, keyset on id), so a program
 * writing one of them waits at most one batch. Values already under the key
 * are left as they are, which makes a run after an interruption do only what
 * is left. A contact row also gets its blind index under the key. Running
 * programs keep working all along: they open values under any loaded key
 * (lib/core/secret.h). */
#ifndef DESK_REKEY_H
#define DESK_REKEY_H

#include <stdio.h>

#include "desk/desk.h"

#define REKEY_TABLES 3
#define REKEY_BATCH 500

typedef struct rekey_count {
    long long rows;       /* read */
    long long resealed;   /* written under the key */
    long long current;    /* already under it */
    long long unreadable; /* holding a value no loaded key opens (left as is) */
    long long conflicts;  /* contacts whose new index another row holds (left as is) */
} rekey_count_t;

/* Name of sealed table i (0 .. REKEY_TABLES-1). */
const char *rekey_table(int i);

/* Takes the rotation lock of the database (one run at a time) for the life
 * of the connection; 1 taken, 0 another run holds it, -1 error. */
int rekey_lock(desk_t *d);

/* Re-seals every table under key `key` in batches of `batch` rows; counts
 * per table into out. Rows it cannot do are named on `log`. 0, or -1 when a
 * batch failed (its table stops there; a later run goes on). */
int rekey_run(desk_t *d, unsigned key, int batch, rekey_count_t out[REKEY_TABLES], FILE *log);

/* Rows holding a value not sealed under `key`, per table into left; the
 * total, or -1. */
long long rekey_left(desk_t *d, unsigned key, long long left[REKEY_TABLES]);

/* The history of runs (contact_key_rotations): a run starts (its id in
 * *run), and ends with what it re-sealed and left behind. 0 or -1. */
int rekey_started(desk_t *d, unsigned key, int created, long long *run);
int rekey_finished(desk_t *d, long long run, long long resealed, long long left);
/* When the last run for `key` started (0: none), and whether it finished. */
int rekey_last_run(desk_t *d, unsigned key, time_t *started, int *finished);

#endif
