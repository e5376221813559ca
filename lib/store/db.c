/* db: see db.h. */
#include "store/db.h"

#include <errmsg.h>
#include <mysqld_error.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/log.h"


#define CONNECT_LOG_SECONDS 10

/* A failed attempt is logged when the last line is CONNECT_LOG_SECONDS old:
 * while the database is down, every request of every worker tries again,
 * and one line per worker every few seconds says as much as thousands. */
static void connect_failed(db_t *db)
{
    time_t now = time(NULL);
    db->failures++;
    if (now < db->quiet_until)
        return;
    db->quiet_until = now + CONNECT_LOG_SECONDS;
    if (db->failures > 1)
        log_error("db connect %s: %s (%lu attempts failed since the last connection)",
                  db->socket, mysql_error(db->conn), db->failures);
    else
        log_error("db connect %s: %s", db->socket, mysql_error(db->conn));
}

static int db_connect(db_t *db)
{
    db->conn = mysql_init(NULL);
    if (!db->conn)
        return OUTCOME_UNAVAILABLE;
    mysql_options(db->conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    mysql_options(db->conn, MYSQL_INIT_COMMAND, db->init);
    unsigned int timeout = 5;
    mysql_options(db->conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    if (!mysql_real_connect(db->conn, NULL, db->user, db->password, db->name, 0, db->socket,
                            0)) {
        connect_failed(db);
        mysql_close(db->conn);
        db->conn = NULL;
        return OUTCOME_UNAVAILABLE;
    }
    if (db->failures)
        log_info("db: connected again after %lu failed attempts", db->failures);
    db->failures = 0;
    db->quiet_until = 0;
    return OUTCOME_OK;
}

int db_open(db_t *db, const config_t *cfg)
{
    memset(db, 0, sizeof *db);
    db->socket = strdup(config_get_str(cfg, CFG_DB_SOCKET));
    db->name = strdup(config_get_str(cfg, CFG_DB_NAME));
    db->user = strdup(config_get_str(cfg, CFG_DB_USER));
    db->password = strdup(config_get_str(cfg, CFG_DB_PASSWORD));
    /* UTC inside; bounded lock waits; no transaction held by a frozen session */
    snprintf(db->init, sizeof db->init,
             "SET time_zone = '+00:00', innodb_lock_wait_timeout = %ld,"
             " idle_transaction_timeout = %ld",
             config_get_seconds(cfg, CFG_DB_LOCK_WAIT_SECONDS),
             config_get_seconds(cfg, CFG_DB_IDLE_TRANSACTION_SECONDS));
    return db_connect(db);
}

static void db_drop_statements(db_t *db)
{
    for (int i = 0; i < db->ncache; i++)
        mysql_stmt_close(db->cache[i].st);
    db->ncache = 0;
}

void db_close(db_t *db)
{
    db_drop_statements(db);
    if (db->conn)
        mysql_close(db->conn);
    db->conn = NULL;
    free(db->socket);
    free(db->name);
    free(db->user);
    free(db->password);
}

static bool db_is_gone(unsigned int code)
{
    return code == CR_SERVER_GONE_ERROR || code == CR_SERVER_LOST || code == 4031 ||
           code == ER_CONNECTION_KILLED || code == CR_CONNECTION_ERROR;
}

static int db_reconnect(db_t *db)
{
    if (db->failures == 0) /* the first attempt after the loss; the rest are counted */
        log_info("db: reconnecting");
    db_drop_statements(db);
    if (db->conn)
        mysql_close(db->conn);
    db->conn = NULL;
    db->in_tx = false;
    return db_connect(db);
}

bool db_is_open(const db_t *db) { return db->conn != NULL; }

int db_reconnect_within(db_t *db, int seconds)
{
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        if (db_reconnect(db) == OUTCOME_OK)
            return OUTCOME_OK;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - start.tv_sec >= seconds)
            return OUTCOME_UNAVAILABLE;
        struct timespec quarter = {0, 250000000};
        nanosleep(&quarter, NULL);
    }
}

int db_ping(db_t *db)
{
    if (db->conn && mysql_ping(db->conn) == 0)
        return OUTCOME_OK;
    return db_reconnect(db) == OUTCOME_OK && mysql_ping(db->conn) == 0 ? OUTCOME_OK : OUTCOME_UNAVAILABLE;
}

/* The slot for a statement not yet cached: the next free one, else the one
 * unused longest, closed. A worker that lives long enough to serve every
 * page prepares more statements than the cache holds; failing then would
 * answer 503 to a request that did nothing wrong. A statement whose rows a
 * caller is still reading was asked for moments ago and is never the victim. */
static int db_cache_slot(db_t *db)
{
    if (db->ncache < DB_MAX_STMTS)
        return db->ncache++;
    int victim = 0;
    for (int i = 1; i < DB_MAX_STMTS; i++)
        if (db->cache[i].used < db->cache[victim].used)
            victim = i;
    mysql_stmt_close(db->cache[victim].st);
    return victim;
}

static MYSQL_STMT *db_prepare(db_t *db, const char *sql)
{
    for (int i = 0; i < db->ncache; i++)
        if (db->cache[i].sql == sql) {
            db->cache[i].used = ++db->uses;
            return db->cache[i].st;
        }
    if (!db->conn)
        return NULL;
    MYSQL_STMT *st = mysql_stmt_init(db->conn);
    if (!st)
        return NULL;
    if (mysql_stmt_prepare(st, sql, strlen(sql))) {
        log_error("db prepare: %s [%.80s]", mysql_stmt_error(st), sql);
        mysql_stmt_close(st);
        return NULL;
    }
    int slot = db_cache_slot(db);
    db->cache[slot].sql = sql;
    db->cache[slot].st = st;
    db->cache[slot].used = ++db->uses;
    return st;
}

/* Storage for bound parameters that need conversion (times, integers). */
typedef struct bindbuf {
    MYSQL_BIND bind[DB_MAX_BIND];
    MYSQL_TIME times[DB_MAX_BIND];
    long long ints[DB_MAX_BIND];
    my_bool nulls[DB_MAX_BIND];
    unsigned long lens[DB_MAX_BIND];
} bindbuf_t;

static void time_to_mysql(time_t t, MYSQL_TIME *mt)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    memset(mt, 0, sizeof *mt);
    mt->year = tm.tm_year + 1900;
    mt->month = tm.tm_mon + 1;
    mt->day = tm.tm_mday;
    mt->hour = tm.tm_hour;
    mt->minute = tm.tm_min;
    mt->second = tm.tm_sec;
    mt->time_type = MYSQL_TIMESTAMP_DATETIME;
}

static time_t mysql_to_time(const MYSQL_TIME *mt)
{
    struct tm tm = {0};
    tm.tm_year = (int)mt->year - 1900;
    tm.tm_mon = (int)mt->month - 1;
    tm.tm_mday = (int)mt->day;
    tm.tm_hour = (int)mt->hour;
    tm.tm_min = (int)mt->minute;
    tm.tm_sec = (int)mt->second;
    return timegm(&tm);
}

/* The parameters of a format and its arguments as data. */
static int collect_params(const char *fmt, va_list *ap, db_param_t *out)
{
    int n = 0;
    for (const char *f = fmt; f && *f; f++, n++) {
        if (n == DB_MAX_BIND)
            return -1;
        db_param_t *p = &out[n];
        *p = (db_param_t){.type = *f};
        switch (*f) {
        case 'i':
        case 'j':
            p->i = va_arg(*ap, long long);
            break;
        case 's':
            p->s = va_arg(*ap, const char *);
            break;
        case 'b':
            p->s = va_arg(*ap, const void *);
            p->len = va_arg(*ap, size_t);
            break;
        case 't':
            p->t = va_arg(*ap, time_t);
            break;
        default:
            return -1;
        }
    }
    return n;
}

static int bind_params(bindbuf_t *b, const db_param_t *params, int n)
{
    memset(b->bind, 0, sizeof b->bind);
    if (n > DB_MAX_BIND)
        return -1;
    for (int i = 0; i < n; i++) {
        MYSQL_BIND *p = &b->bind[i];
        const db_param_t *v = &params[i];
        switch (v->type) {
        case 'i':
        case 'j':
            b->ints[i] = v->i;
            p->buffer_type = (v->type == 'j' && v->i == 0) ? MYSQL_TYPE_NULL : MYSQL_TYPE_LONGLONG;
            p->buffer = &b->ints[i];
            break;
        case 's':
            p->buffer_type = v->s ? MYSQL_TYPE_STRING : MYSQL_TYPE_NULL;
            p->buffer = (void *)v->s;
            p->buffer_length = v->s ? strlen(v->s) : 0;
            break;
        case 'b':
            p->buffer = (void *)v->s;
            p->buffer_length = v->len;
            p->buffer_type = p->buffer ? MYSQL_TYPE_BLOB : MYSQL_TYPE_NULL;
            break;
        case 't':
            p->buffer_type = v->t ? MYSQL_TYPE_DATETIME : MYSQL_TYPE_NULL;
            time_to_mysql(v->t, &b->times[i]);
            p->buffer = &b->times[i];
            break;
        default:
            return -1;
        }
    }
    return n;
}

static bool is_select(const char *sql)
{
    while (*sql == ' ' || *sql == '\n')
        sql++;
    return strncasecmp(sql, "SELECT", 6) == 0;
}

static int db_code(db_t *db, MYSQL_STMT *st)
{
    unsigned int code = st ? mysql_stmt_errno(st) : (db->conn ? mysql_errno(db->conn) : 0);
    if (code == ER_DUP_ENTRY)
        return OUTCOME_DUPLICATE;
    if (code == ER_LOCK_DEADLOCK || code == ER_LOCK_WAIT_TIMEOUT) {
        db->deadlocked = true;
        return OUTCOME_DEADLOCK;
    }
    if (code == ER_DATA_TOO_LONG)
        return OUTCOME_TOO_LONG;
    if (st)
        log_error("db: %u %s", code, mysql_stmt_error(st));
    return (code == 0 || db_is_gone(code)) ? OUTCOME_LOST : OUTCOME_UNAVAILABLE;
}

/* Prepares (from cache), binds and executes; one retry after a reconnect
 * when that is safe. Returns the statement or NULL with *rc set. */
static MYSQL_STMT *db_run(db_t *db, const char *sql, const db_param_t *params, int n, int *rc)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        bindbuf_t b;
        MYSQL_STMT *st = db_prepare(db, sql);
        /* parameters that disagree with the SQL would bind the wrong values */
        if (st && (n < 0 || (unsigned long)n != mysql_stmt_param_count(st))) {
            log_error("db: %d parameters for %lu placeholders [%.60s]", n,
                      mysql_stmt_param_count(st), sql);
            *rc = OUTCOME_UNAVAILABLE;
            return NULL;
        }
        if (st && bind_params(&b, params, n) >= 0 && !mysql_stmt_bind_param(st, b.bind) &&
            !mysql_stmt_execute(st)) {
            db->last_id = mysql_stmt_insert_id(st);
            *rc = OUTCOME_OK;
            return st;
        }
        *rc = db_code(db, st);
        if (*rc != OUTCOME_LOST)
            return NULL;
        bool retry = attempt == 0 && !db->in_tx && is_select(sql);
        if (db_reconnect(db) != OUTCOME_OK || !retry)
            return NULL;
    }
    return NULL;
}

/* db_run with a format and its arguments. */
static MYSQL_STMT *db_run_fmt(db_t *db, const char *sql, const char *fmt, va_list *ap, int *rc)
{
    db_param_t params[DB_MAX_BIND];
    int n = collect_params(fmt, ap, params);
    return db_run(db, sql, params, n, rc);
}

int db_exec(db_t *db, const char *sql, const char *fmt, ...)
{
    int rc;
    va_list ap;
    va_start(ap, fmt);
    MYSQL_STMT *st = db_run_fmt(db, sql, fmt, &ap, &rc);
    va_end(ap);
    return st ? (int)mysql_stmt_affected_rows(st) : rc;
}

int db_exec_params(db_t *db, const char *sql, const db_param_t *params, int n)
{
    int rc;
    MYSQL_STMT *st = db_run(db, sql, params, n, &rc);
    return st ? (int)mysql_stmt_affected_rows(st) : rc;
}

MYSQL_STMT *db_query(db_t *db, const char *sql, const char *fmt, ...)
{
    int rc;
    va_list ap;
    va_start(ap, fmt);
    MYSQL_STMT *st = db_run_fmt(db, sql, fmt, &ap, &rc);
    va_end(ap);
    if (st && mysql_stmt_store_result(st)) {
        db_code(db, st);
        return NULL;
    }
    return st;
}

/* The result columns of a format and its arguments as data. */
static int collect_cols(const char *fmt, va_list *ap, db_col_t *out)
{
    int n = 0;
    for (const char *f = fmt; *f; f++, n++) {
        if (n == DB_MAX_BIND)
            return -1;
        out[n] = (db_col_t){.type = *f, .dst = va_arg(*ap, void *)};
        if (*f == 's' || *f == 'b')
            out[n].cap = va_arg(*ap, size_t);
        if (*f == 'b')
            out[n].len = va_arg(*ap, size_t *);
    }
    return n;
}

static int fetch_row(MYSQL_STMT *st, const db_col_t *col, int n)
{
    MYSQL_BIND bind[DB_MAX_BIND];
    MYSQL_TIME times[DB_MAX_BIND];
    unsigned long lens[DB_MAX_BIND];
    my_bool nulls[DB_MAX_BIND];
    if (n < 0 || (unsigned)n != mysql_stmt_field_count(st) || n > DB_MAX_BIND) {
        log_error("db: %d result bindings for %u columns", n, mysql_stmt_field_count(st));
        return OUTCOME_UNAVAILABLE;
    }
    memset(bind, 0, sizeof bind);
    for (int i = 0; i < n; i++) {
        MYSQL_BIND *p = &bind[i];
        p->length = &lens[i];
        p->is_null = &nulls[i];
        switch (col[i].type) {
        case 'i':
            p->buffer_type = MYSQL_TYPE_LONGLONG;
            p->buffer = col[i].dst;
            break;
        case 't':
            p->buffer_type = MYSQL_TYPE_DATETIME;
            p->buffer = &times[i];
            break;
        case 's':
        case 'b':
            p->buffer_type = MYSQL_TYPE_STRING;
            p->buffer = col[i].dst;
            p->buffer_length = col[i].type == 's' ? col[i].cap - 1 : col[i].cap;
            break;
        case 'S':
            p->buffer_type = MYSQL_TYPE_STRING;
            break;
        default:
            return OUTCOME_UNAVAILABLE;
        }
    }
    if (mysql_stmt_bind_result(st, bind))
        return OUTCOME_UNAVAILABLE;
    int r = mysql_stmt_fetch(st);
    if (r == MYSQL_NO_DATA)
        return 0;
    if (r == 1) {
        log_error("db fetch: %s", mysql_stmt_error(st));
        return OUTCOME_UNAVAILABLE;
    }
    for (int i = 0; i < n; i++) {
        switch (col[i].type) {
        case 'i':
            if (nulls[i])
                *(long long *)col[i].dst = 0;
            break;
        case 't':
            *(time_t *)col[i].dst = nulls[i] ? 0 : mysql_to_time(&times[i]);
            break;
        case 's': {
            size_t len = nulls[i] ? 0 : lens[i];
            ((char *)col[i].dst)[len < col[i].cap ? len : col[i].cap - 1] = '\0';
            break;
        }
        case 'b':
            *col[i].len = nulls[i] ? 0 : (lens[i] < col[i].cap ? lens[i] : col[i].cap);
            break;
        case 'S': {
            char **out = col[i].dst;
            *out = NULL;
            if (nulls[i])
                break;
            *out = malloc(lens[i] + 1);
            MYSQL_BIND one = {.buffer_type = MYSQL_TYPE_STRING, .buffer = *out,
                              .buffer_length = lens[i]};
            if (!*out || (lens[i] && mysql_stmt_fetch_column(st, &one, (unsigned)i, 0)))
                return OUTCOME_UNAVAILABLE;
            (*out)[lens[i]] = '\0';
            break;
        }
        }
    }
    return 1;
}

static int fetch_fmt(MYSQL_STMT *st, const char *fmt, va_list *ap)
{
    db_col_t cols[DB_MAX_BIND];
    int n = collect_cols(fmt, ap, cols);
    if (n < 0 || (size_t)n != strlen(fmt)) {
        log_error("db: %zu result bindings for %u columns", strlen(fmt),
                  mysql_stmt_field_count(st));
        return OUTCOME_UNAVAILABLE;
    }
    return fetch_row(st, cols, n);
}

int db_fetch(MYSQL_STMT *st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = fetch_fmt(st, fmt, &ap);
    va_end(ap);
    return r;
}

void db_done(MYSQL_STMT *st)
{
    if (st)
        mysql_stmt_free_result(st);
}

int db_row(db_t *db, const char *sql, const char *pfmt, const char *rfmt, ...)
{
    int rc;
    va_list ap;
    va_start(ap, rfmt);
    db_param_t params[DB_MAX_BIND];
    int n = collect_params(pfmt, &ap, params);
    MYSQL_STMT *st = db_run(db, sql, params, n, &rc);
    if (st) {
        rc = mysql_stmt_store_result(st) ? OUTCOME_UNAVAILABLE : fetch_fmt(st, rfmt, &ap);
        mysql_stmt_free_result(st);
    }
    va_end(ap);
    return rc;
}

int db_found(int rc) { return rc == 1 ? OUTCOME_OK : rc == 0 ? OUTCOME_NOT_FOUND : rc; }

int db_row_params(db_t *db, const char *sql, const db_param_t *params, int np,
                  const db_col_t *cols, int nc)
{
    int rc;
    MYSQL_STMT *st = db_run(db, sql, params, np, &rc);
    if (st) {
        rc = mysql_stmt_store_result(st) ? OUTCOME_UNAVAILABLE : fetch_row(st, cols, nc);
        mysql_stmt_free_result(st);
    }
    return rc;
}

/* Statement text fixed in this file (START TRANSACTION): nothing to bind. */
static int db_simple(db_t *db, const char *sql)
{
    if (db->conn && mysql_query(db->conn, sql) == 0)
        return OUTCOME_OK;
    return db_code(db, NULL);
}

int db_begin(db_t *db)
{
    int rc = db_simple(db, "START TRANSACTION");
    if (rc == OUTCOME_LOST && db_reconnect(db) == OUTCOME_OK)
        rc = db_simple(db, "START TRANSACTION");
    db->in_tx = rc == OUTCOME_OK;
    db->deadlocked = false;
    return rc;
}

bool db_deadlocked(const db_t *db) { return db->deadlocked; }

int db_commit(db_t *db)
{
    db->in_tx = false;
    if (!db->conn)
        return OUTCOME_LOST;
    if (mysql_commit(db->conn) == 0)
        return OUTCOME_OK;
    /* the COMMIT went out; whether it was done is lost with the answer */
    int rc = db_code(db, NULL);
    return rc == OUTCOME_LOST ? OUTCOME_UNKNOWN : rc;
}

void db_rollback(db_t *db)
{
    db->in_tx = false;
    if (db->conn)
        mysql_rollback(db->conn);
}

int db_run_script(db_t *db, const char *sql_text)
{
    if (!db->conn)
        return OUTCOME_UNAVAILABLE;
    mysql_set_server_option(db->conn, MYSQL_OPTION_MULTI_STATEMENTS_ON);
    /* the migration files of sql/: the operator's text, never a user's */
    int rc = mysql_query(db->conn, sql_text) ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
    if (rc)
        log_error("db script: %s", mysql_error(db->conn));
    do {
        MYSQL_RES *res = mysql_store_result(db->conn);
        if (res)
            mysql_free_result(res);
        if (rc == OUTCOME_OK && mysql_errno(db->conn)) {
            log_error("db script: %s", mysql_error(db->conn));
            rc = OUTCOME_UNAVAILABLE;
        }
    } while (mysql_next_result(db->conn) == 0);
    if (rc == OUTCOME_OK && mysql_errno(db->conn)) {
        log_error("db script: %s", mysql_error(db->conn));
        rc = OUTCOME_UNAVAILABLE;
    }
    mysql_set_server_option(db->conn, MYSQL_OPTION_MULTI_STATEMENTS_OFF);
    return rc;
}
