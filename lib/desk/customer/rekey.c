/* rekey: see rekey.h. */
#include "desk/customer/rekey.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "desk/customer/customer.h"
#include "core/log.h"

#define SEALED_MAX 600 /* VARBINARY(600), every sealed column */
#define RETRIES 5

/* Each batch query returns: id, kind ('' but for contacts), sealed value,
 * second sealed value (NULL when the table has one). */
typedef struct sealed_table {
    const char *name;
    const char *batch;  /* ids > ?, LIMIT ?, FOR UPDATE */
    const char *update; /* see write_row */
    const char *left;   /* rows with a value whose prefix is not ? (one per column) */
    int columns;
    bool indexed; /* value_bidx next to the value */
} sealed_table_t;

static const char sql_contacts_batch[] =
    "SELECT id, kind, value_sealed, NULL FROM customer_contacts WHERE id > ?"
    " ORDER BY id LIMIT ? FOR UPDATE";
static const char sql_contacts_update[] =
    "UPDATE customer_contacts SET value_sealed = ?, value_bidx = ? WHERE id = ?";
static const char sql_tickets_batch[] =
    "SELECT id, '', contact_email_sealed, contact_phone_sealed FROM tickets WHERE id > ?"
    " ORDER BY id LIMIT ? FOR UPDATE";
static const char sql_tickets_update[] =
    "UPDATE tickets SET contact_email_sealed = ?, contact_phone_sealed = ? WHERE id = ?";
static const char sql_outbox_batch[] =
    "SELECT id, '', recipient_sealed, NULL FROM outbox WHERE id > ? ORDER BY id LIMIT ? FOR UPDATE";
static const char sql_outbox_update[] = "UPDATE outbox SET recipient_sealed = ? WHERE id = ?";
/* The counts read whole tables: an operator's check, once per run, and a
 * consistent read that locks nothing. (LEFT of NULL is NULL: not counted.) */
static const char sql_contacts_left[] =
    "SELECT COUNT(*) FROM customer_contacts WHERE LEFT(value_sealed, 5) <> ?";
static const char sql_tickets_left[] =
    "SELECT COUNT(*) FROM tickets WHERE LEFT(contact_email_sealed, 5) <> ?"
    " OR LEFT(contact_phone_sealed, 5) <> ?";
static const char sql_outbox_left[] =
    "SELECT COUNT(*) FROM outbox WHERE LEFT(recipient_sealed, 5) <> ?";

static const sealed_table_t tables[REKEY_TABLES] = {
    {"customer_contacts", sql_contacts_batch, sql_contacts_update, sql_contacts_left, 1, true},
    {"tickets", sql_tickets_batch, sql_tickets_update, sql_tickets_left, 2, false},
    {"outbox", sql_outbox_batch, sql_outbox_update, sql_outbox_left, 1, false},
};

static const char sql_lock[] = "SELECT COALESCE(GET_LOCK('desk.contact_key_rotation', 0), -1)";
static const char sql_run_start[] =
    "INSERT INTO contact_key_rotations (key_id, created_key, started_at) VALUES (?, ?, ?)";
static const char sql_run_end[] =
    "UPDATE contact_key_rotations SET finished_at = ?, resealed = ?, left_behind = ? WHERE id = ?";
static const char sql_run_last[] =
    "SELECT started_at, finished_at IS NOT NULL FROM contact_key_rotations WHERE key_id = ?"
    " ORDER BY id DESC LIMIT 1";

typedef struct row {
    long long id;
    char kind[16];
    unsigned char value[2][SEALED_MAX];
    size_t len[2]; /* 0: NULL */
} row_t;

const char *rekey_table(int i) { return i >= 0 && i < REKEY_TABLES ? tables[i].name : ""; }

int rekey_lock(desk_t *d)
{
    long long got = -1;
    if (db_row(&d->db, sql_lock, "", "i", &got) != 1 || got < 0)
        return -1;
    return got == 1;
}

/* Re-seals the values of r not under key in place; 1 changed, 0 nothing to
 * do, -1 a value no key opens. bidx gets the contact's new index. */
static int reseal_row(desk_t *d, const sealed_table_t *t, unsigned key, row_t *r,
                      unsigned char bidx[SECRET_HASH_LEN])
{
    char plain[SEALED_MAX], norm[SEALED_MAX];
    int changed = 0;
    for (int c = 0; c < t->columns; c++) {
        if (!r->len[c] || secret_sealed_with(r->value[c], r->len[c], key))
            continue;
        if (secret_open(&d->secrets, r->value[c], r->len[c], plain, sizeof plain))
            return -1;
        size_t n = strlen(plain);
        if (SECRET_SEALED_LEN(n) > SEALED_MAX)
            return -1;
        secret_seal(&d->secrets, plain, n, r->value[c]);
        r->len[c] = SECRET_SEALED_LEN(n);
        if (t->indexed) {
            contact_normalise(r->kind, plain, norm, sizeof norm);
            secret_blind_index(&d->secrets, r->kind, norm, bidx);
        }
        changed = 1;
    }
    sodium_memzero(plain, sizeof plain);
    sodium_memzero(norm, sizeof norm);
    return changed;
}

static int write_row(desk_t *d, const sealed_table_t *t, const row_t *r,
                     const unsigned char bidx[SECRET_HASH_LEN])
{
    const unsigned char *v0 = r->len[0] ? r->value[0] : NULL;
    const unsigned char *v1 = r->len[1] ? r->value[1] : NULL;
    if (t->indexed)
        return db_exec(&d->db, t->update, "bbi", v0, r->len[0], bidx, (size_t)SECRET_HASH_LEN,
                       r->id);
    if (t->columns == 2)
        return db_exec(&d->db, t->update, "bbi", v0, r->len[0], v1, r->len[1], r->id);
    return db_exec(&d->db, t->update, "bi", v0, r->len[0], r->id);
}

/* Reads up to batch rows after *last, locked; *n rows into rows. */
static int read_batch(desk_t *d, const sealed_table_t *t, long long last, int batch, row_t *rows,
                      int *n)
{
    MYSQL_STMT *st = db_query(&d->db, t->batch, "ii", last, (long long)batch);
    if (!st)
        return OUTCOME_DEADLOCK; /* db_query does not say why: let the caller try again */
    int rc = 0;
    *n = 0;
    while (*n < batch) {
        row_t *r = &rows[*n];
        rc = db_fetch(st, "isbb", &r->id, r->kind, sizeof r->kind, r->value[0], sizeof r->value[0],
                      &r->len[0], r->value[1], sizeof r->value[1], &r->len[1]);
        if (rc != 1)
            break;
        (*n)++;
    }
    db_done(st);
    return rc < 0 ? rc : OUTCOME_OK;
}

/* One batch in one transaction, not committed; counts into c, the last id
 * read into *last. */
static int one_batch(desk_t *d, const sealed_table_t *t, unsigned key, int batch, row_t *rows,
                     long long *last, int *n, rekey_count_t *c, FILE *log)
{
    *n = 0;
    int rc = db_begin(&d->db);
    if (rc == OUTCOME_OK)
        rc = read_batch(d, t, *last, batch, rows, n);
    for (int i = 0; rc == OUTCOME_OK && i < *n; i++) {
        unsigned char bidx[SECRET_HASH_LEN];
        row_t *r = &rows[i];
        int changed = reseal_row(d, t, key, r, bidx);
        c->rows++;
        if (changed < 0) {
            c->unreadable++;
            fprintf(log, "%s %lld: a value no loaded contact key opens, left as it is\n", t->name,
                    r->id);
        } else if (changed == 0) {
            c->current++;
        } else if ((rc = write_row(d, t, r, bidx)) == OUTCOME_DUPLICATE) {
            rc = OUTCOME_OK; /* InnoDB undid only this statement */
            c->conflicts++;
            fprintf(log, "%s %lld: another contact row has the same %s, left as it is\n",
                    t->name, r->id, r->kind);
        } else if (rc >= 0) {
            rc = OUTCOME_OK;
            c->resealed++;
        }
    }
    if (*n > 0)
        *last = rows[*n - 1].id;
    return rc;
}

/* Walks one table; a batch that meets a deadlock or a lost connection is
 * tried again from its start. */
static int rekey_table_run(desk_t *d, const sealed_table_t *t, unsigned key, int batch,
                           row_t *rows, rekey_count_t *out, FILE *log)
{
    long long last = 0;
    for (int n = batch, tries = 0; n == batch;) {
        rekey_count_t c = *out;
        long long next = last;
        int rc = one_batch(d, t, key, batch, rows, &next, &n, &c, log);
        if (rc == OUTCOME_OK)
            rc = db_commit(&d->db);
        if (rc == OUTCOME_OK) {
            *out = c;
            last = next;
            tries = 0;
            continue;
        }
        db_rollback(&d->db);
        if ((rc != OUTCOME_DEADLOCK && rc != OUTCOME_LOST) || ++tries == RETRIES) {
            log_error("rekey: %s stopped after id %lld", t->name, last);
            return -1;
        }
        usleep(200000u * (unsigned)tries);
        n = batch;
    }
    return 0;
}

int rekey_run(desk_t *d, unsigned key, int batch, rekey_count_t out[REKEY_TABLES], FILE *log)
{
    row_t *rows = calloc((size_t)batch, sizeof *rows);
    int rc = rows ? 0 : -1;
    memset(out, 0, REKEY_TABLES * sizeof *out);
    for (int i = 0; rc == 0 && i < REKEY_TABLES; i++)
        rc = rekey_table_run(d, &tables[i], key, batch, rows, &out[i], log);
    if (rows) {
        sodium_memzero(rows, (size_t)batch * sizeof *rows);
        free(rows);
    }
    return rc;
}

long long rekey_left(desk_t *d, unsigned key, long long left[REKEY_TABLES])
{
    unsigned char p[SECRET_PREFIX_LEN];
    long long total = 0;
    secret_key_prefix(key, p);
    for (int i = 0; i < REKEY_TABLES; i++) {
        int rc = tables[i].columns == 2
                     ? db_row(&d->db, tables[i].left, "bb", "i", p, sizeof p, p, sizeof p, &left[i])
                     : db_row(&d->db, tables[i].left, "b", "i", p, sizeof p, &left[i]);
        if (rc != 1)
            return -1;
        total += left[i];
    }
    return total;
}

int rekey_started(desk_t *d, unsigned key, int created, long long *run)
{
    if (db_exec(&d->db, sql_run_start, "iit", (long long)key, (long long)created, desk_now(d)) != 1)
        return -1;
    *run = (long long)d->db.last_id;
    return 0;
}

int rekey_finished(desk_t *d, long long run, long long resealed, long long left)
{
    return db_exec(&d->db, sql_run_end, "tiii", desk_now(d), resealed, left, run) < 0 ? -1 : 0;
}

int rekey_last_run(desk_t *d, unsigned key, time_t *started, int *finished)
{
    long long done = 0;
    *started = 0;
    int rc = db_row(&d->db, sql_run_last, "i", "ti", (long long)key, started, &done);
    *finished = done != 0;
    return rc < 0 ? -1 : 0;
}
