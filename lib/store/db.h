/* db: one persistent MariaDB connection per worker, prepared statements
 * cached for the life of the connection, and a compact way to bind them.
 *
 * Statements are identified by the address of their SQL text: each module
 * keeps its queries as `static const char` strings next to the code that uses
 * them, and db_prepare() prepares each once per connection.
 *
 * Parameter formats (db_exec, db_query):
 *   i  long long          j  long long, NULL when 0 (optional foreign keys)
 *   s  const char *, NULL binds SQL NULL
 *   b  const void *, size_t (binary)
 *   t  time_t as a UTC DATETIME, NULL when 0
 * Result formats (db_fetch):
 *   i  long long *        t  time_t * (0 for NULL)
 *   s  char *buf, size_t cap: copied and NUL-terminated, "" for NULL
 *   S  char **: a malloc'd copy of any length (NULL for NULL); caller frees
 *   b  void *buf, size_t cap, size_t *len
 *
 * Reconnect: a dropped connection is reopened explicitly and every statement
 * re-prepared. Only what is safe to repeat is retried: a SELECT outside a
 * transaction, and db_begin(). Anything else reports OUTCOME_LOST and the caller's
 * transaction is lost (the caller rolls back and tells the user). A
 * connection lost at COMMIT is OUTCOME_UNKNOWN: the transaction may or may not
 * have been committed, and only the database can say which (look the
 * change up once it answers again).
 *
 * Each session waits at most DB.LockWaitSeconds (default 10) for a row lock,
 * and the server ends a session that sits idle inside an open transaction
 * for DB.IdleTransactionSeconds (default 5): a worker stopped or stuck
 * between two statements of a transaction (SIGSTOP, a debugger, a hung
 * disk) loses its transaction and its locks, so the others go on.
 *
 * While the database cannot be reached, a failed connection attempt is
 * logged once per 10 s per connection, with the number of attempts in
 * between, and the first success after failures once. */
#ifndef DESK_DB_H
#define DESK_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include <mysql.h>

#include "core/config.h"
#include "core/outcome.h"

#define DB_MAX_STMTS 256
/* the most parameters of a statement, and columns of a row */
#define DB_MAX_BIND 64

/* A parameter or a result column as data rather than as a format letter and
 * its arguments, for statements generated from a table (the core ticket
 * fields: lib/desk/ticket/ticket_fields.h). type is the letter of the
 * formats above. */
typedef struct db_param {
    char type;     /* i j s b t */
    long long i;   /* i j */
    const void *s; /* s: the text (NULL: SQL NULL); b: the bytes */
    size_t len;    /* b */
    time_t t;      /* t */
} db_param_t;

typedef struct db_col {
    char type;   /* i s S b t */
    void *dst;   /* long long *, char * (s, b), char ** (S), time_t * */
    size_t cap;  /* s b */
    size_t *len; /* b */
} db_col_t;

typedef struct db {
    MYSQL *conn;
    char *socket, *name, *user, *password;
    /* prepared statements by the address of their text; used: when last
     * asked for (a count), so a full cache closes the one unused longest */
    struct { const char *sql; MYSQL_STMT *st; unsigned long long used; } cache[DB_MAX_STMTS];
    int ncache;
    unsigned long long uses;
    bool in_tx;
    unsigned long long last_id;
    char init[160];         /* the session settings sent at each connect */
    unsigned long failures; /* failed connection attempts since the last success */
    bool deadlocked;        /* a statement of the open transaction lost a lock race */
    time_t quiet_until;     /* no "cannot connect" line before this */
} db_t;

/* Connects with the DB.* keys of the config. Returns OUTCOME_OK or OUTCOME_UNAVAILABLE. */
int db_open(db_t *db, const config_t *cfg);
void db_close(db_t *db);
/* Cheap liveness check for health endpoints (reconnects if needed). */
int db_ping(db_t *db);
/* Whether a connection is open (none after a reconnect failed). */
bool db_is_open(const db_t *db);
/* Opens a new connection, trying every quarter of a second for up to
 * seconds; OUTCOME_OK or OUTCOME_UNAVAILABLE. */
int db_reconnect_within(db_t *db, int seconds);

/* Runs a statement that returns no rows. Returns affected rows (>= 0) or a
 * negative outcome. The id of an INSERT is in db->last_id. */
int db_exec(db_t *db, const char *sql, const char *fmt, ...);

/* db_exec with its n parameters given as data. */
int db_exec_params(db_t *db, const char *sql, const db_param_t *params, int n);

/* Runs a query; rows are read with db_fetch() and the statement must be
 * released with db_done(). Returns NULL on error. */
MYSQL_STMT *db_query(db_t *db, const char *sql, const char *fmt, ...);
/* Next row into the pointers given by fmt: 1 a row, 0 no more, <0 error. */
int db_fetch(MYSQL_STMT *st, const char *fmt, ...);
void db_done(MYSQL_STMT *st);

/* Single-row convenience: 1 found, 0 none, <0 error. */
int db_row(db_t *db, const char *sql, const char *pfmt, const char *rfmt, ...);
/* A lookup of one row as an outcome: OUTCOME_OK for db_row's 1 (found),
 * OUTCOME_NOT_FOUND for its 0, a failure as it is. */
int db_found(int rc);
/* The same with parameters and columns given as data. */
int db_row_params(db_t *db, const char *sql, const db_param_t *params, int np,
                  const db_col_t *cols, int nc);

/* Whether a statement since db_begin failed on a deadlock or a lock wait:
 * a caller whose helpers report any failure alike can still retry the whole
 * transaction. */
bool db_deadlocked(const db_t *db);
int db_begin(db_t *db);
/* OUTCOME_OK; OUTCOME_UNKNOWN when the connection was lost before the answer came;
 * another negative code when the database refused (nothing committed). */
int db_commit(db_t *db);
void db_rollback(db_t *db);

/* Runs constant SQL text (migrations, session settings). Never user data. */
int db_run_script(db_t *db, const char *sql_text);

#endif
