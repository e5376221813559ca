/* signin_limit: see signin_limit.h. */
#include "desk/people/signin_limit.h"

#include <string.h>

#include "core/log.h"

static const char *const scope_names[SCOPE_COUNT] = {"source", "pair", "login"};

/* the three counters of one try, in one index range of the primary key */
static const char sql_counters[] =
    "SELECT scope, failures, last_failure_at, COALESCE(wait_until, '1970-01-01 00:00:01'),"
    " COALESCE(locked_until, '1970-01-01 00:00:01') FROM signin_throttle"
    " WHERE (scope = 'source' AND login = '' AND source = ?)"
    " OR (scope = 'pair' AND login = ? AND source = ?)"
    " OR (scope = 'login' AND login = ? AND source = '')";
static const char sql_usual[] =
    "SELECT 1 FROM signin_sources WHERE agent_id = ? AND source = ? AND last_login_at >= ?";
/* a counter whose last failure is older than the cut-off starts again */
static const char sql_count[] =
    "INSERT INTO signin_throttle (scope, login, source, failures, last_failure_at)"
    " VALUES (?, ?, ?, 1, ?) ON DUPLICATE KEY UPDATE"
    " failures = IF(last_failure_at < ?, 1, failures + 1), last_failure_at = VALUES(last_failure_at)";
static const char sql_read[] =
    "SELECT failures FROM signin_throttle WHERE scope = ? AND login = ? AND source = ?";
static const char sql_penalty[] =
    "UPDATE signin_throttle SET wait_until = ?, locked_until = ?"
    " WHERE scope = ? AND login = ? AND source = ?";
static const char sql_sweep[] = "DELETE FROM signin_throttle WHERE last_failure_at < ? LIMIT 200";
static const char sql_pair_clear[] =
    "DELETE FROM signin_throttle WHERE scope = 'pair' AND login = ? AND source = ?";
static const char sql_usual_add[] =
    "INSERT INTO signin_sources (agent_id, source, last_login_at) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE last_login_at = VALUES(last_login_at)";
static const char sql_usual_sweep[] =
    "DELETE FROM signin_sources WHERE agent_id = ? AND last_login_at < ?";
static const char sql_login_state[] =
    "SELECT failures, last_failure_at, COALESCE(wait_until, '1970-01-01 00:00:01')"
    " FROM signin_throttle WHERE scope = 'login' AND login = ? AND source = ''";
static const char sql_pauses[] =
    "SELECT COUNT(*), COALESCE(MAX(locked_until), '1970-01-01 00:00:01') FROM signin_throttle"
    " WHERE scope = 'pair' AND login = ? AND locked_until > ?";
static const char sql_clear[] =
    "DELETE FROM signin_throttle WHERE scope IN ('pair', 'login') AND login = ?";

#define PAIR_FREE 3        /* failures of one login from one address before any wait */
#define SHORT_WAIT_MAX 60L /* seconds: the most a pair or a login waits between tries */

/* ---- the rules ------------------------------------------------------------ */

void signin_policy_read(const config_t *cfg, signin_policy_t *p)
{
    p->pair_pause_at = config_get_int(cfg, CFG_AUTH_MAX_FAILURES); /* at least PAIR_FREE */
    p->pause_seconds = config_get_seconds(cfg, CFG_AUTH_LOCK_MINUTES);
    p->source_free = config_get_int(cfg, CFG_AUTH_SOURCE_FAILURES);
    p->login_free = config_get_int(cfg, CFG_AUTH_LOGIN_FAILURES);
    p->forget_seconds = config_get_seconds(cfg, CFG_AUTH_FORGET_MINUTES);
    p->usual_days = config_get_int(cfg, CFG_AUTH_USUAL_SOURCE_DAYS);
}

long signin_backoff(long failures, long free, long cap)
{
    if (failures < free)
        return 0;
    long doublings = failures - free;
    return doublings >= 30 || (1L << doublings) > cap ? cap : 1L << doublings;
}

void signin_penalty(int scope, signin_counter_t *c, const signin_policy_t *p, time_t now)
{
    long wait = scope == SCOPE_PAIR     ? signin_backoff(c->failures, PAIR_FREE, SHORT_WAIT_MAX)
                : scope == SCOPE_SOURCE ? signin_backoff(c->failures, p->source_free,
                                                         p->pause_seconds)
                                        : signin_backoff(c->failures, p->login_free,
                                                         SHORT_WAIT_MAX);
    c->wait_until = wait ? now + wait : 0;
    c->paused_until =
        scope == SCOPE_PAIR && c->failures >= p->pair_pause_at ? now + p->pause_seconds : 0;
}

int signin_verdict(const signin_counter_t c[SCOPE_COUNT], bool usual_source, time_t now,
                   long *wait)
{
    *wait = 0;
    if (c[SCOPE_PAIR].paused_until > now) {
        *wait = (long)(c[SCOPE_PAIR].paused_until - now);
        return SIGNIN_PAUSED;
    }
    time_t until = c[SCOPE_SOURCE].wait_until;
    if (c[SCOPE_PAIR].wait_until > until)
        until = c[SCOPE_PAIR].wait_until;
    if (!usual_source && c[SCOPE_LOGIN].wait_until > until)
        until = c[SCOPE_LOGIN].wait_until;
    if (until <= now)
        return SIGNIN_GO;
    *wait = (long)(until - now);
    return SIGNIN_WAIT;
}

/* ---- with the database ------------------------------------------------------- */

static const char *source_of(const char *source) { return source && *source ? source : "-"; }

/* The (login, source) key of a scope's counter. */
static void key_of(int scope, const char *source, const char *login, const char **k_login,
                   const char **k_source)
{
    *k_login = scope == SCOPE_SOURCE ? "" : login;
    *k_source = scope == SCOPE_LOGIN ? "" : source;
}

static int scope_parse(const char *s)
{
    for (int i = 0; i < SCOPE_COUNT; i++)
        if (strcmp(s, scope_names[i]) == 0)
            return i;
    return -1;
}

int signin_limit_check(desk_t *d, const char *source, const char *login, long long agent_id,
                       long *wait)
{
    signin_policy_t p;
    signin_counter_t c[SCOPE_COUNT];
    time_t now = desk_now(d);
    signin_policy_read(&d->cfg, &p);
    memset(c, 0, sizeof c);
    source = source_of(source);
    *wait = 0;
    MYSQL_STMT *st = db_query(&d->db, sql_counters, "ssss", source, login, source, login);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    char scope[8];
    long long failures;
    time_t last, wait_until, paused_until;
    int rc;
    while ((rc = db_fetch(st, "sittt", scope, sizeof scope, &failures, &last, &wait_until,
                          &paused_until)) == 1) {
        int k = scope_parse(scope);
        if (k < 0)
            continue;
        c[k].failures = last < now - p.forget_seconds ? 0 : (long)failures;
        c[k].wait_until = wait_until;
        c[k].paused_until = paused_until;
    }
    db_done(st);
    if (rc < 0)
        return rc;
    /* asked for unknown logins too (agent 0 has no rows), so both take as long */
    long long one = 0;
    rc = db_row(&d->db, sql_usual, "ist", "i", agent_id, source, now - p.usual_days * 86400,
                &one);
    if (rc < 0)
        return rc;
    return signin_verdict(c, rc == 1, now, wait);
}

/* Counts one failure on a scope's counter (inside the caller's transaction)
 * and sets its wait and pause; *created when the row is new. */
static int count_failure(desk_t *d, int scope, const char *source, const char *login,
                         const signin_policy_t *p, time_t now, bool *created)
{
    const char *k_login, *k_source;
    key_of(scope, source, login, &k_login, &k_source);
    const char *name = scope_names[scope];
    int rc = db_exec(&d->db, sql_count, "ssstt", name, k_login, k_source, now,
                     now - p->forget_seconds);
    if (rc < 0)
        return rc;
    *created = *created || rc == 1;
    long long failures = 0;
    rc = db_row(&d->db, sql_read, "sss", "i", name, k_login, k_source, &failures);
    if (rc != 1)
        return rc < 0 ? rc : OUTCOME_UNAVAILABLE;
    signin_counter_t c = {.failures = (long)failures};
    signin_penalty(scope, &c, p, now);
    rc = db_exec(&d->db, sql_penalty, "ttsss", c.wait_until, c.paused_until, name, k_login,
                 k_source);
    return rc < 0 ? rc : OUTCOME_OK;
}

int signin_limit_failed(desk_t *d, const char *source, const char *login)
{
    signin_policy_t p;
    time_t now = desk_now(d);
    bool created = false;
    signin_policy_read(&d->cfg, &p);
    source = source_of(source);
    int rc = db_begin(&d->db);
    /* always in this order, so two tries never wait for each other's rows */
    for (int k = 0; k < SCOPE_COUNT && rc == OUTCOME_OK; k++)
        rc = count_failure(d, k, source, login, &p, now, &created);
    if (rc == OUTCOME_OK && created)
        rc = db_exec(&d->db, sql_sweep, "t", now - p.forget_seconds - p.pause_seconds) < 0
                 ? OUTCOME_UNAVAILABLE
                 : OUTCOME_OK;
    if (rc == OUTCOME_OK)
        rc = db_commit(&d->db);
    if (rc != OUTCOME_OK) {
        db_rollback(&d->db);
        log_error("sign-in limit: cannot count a failure (%d)", rc);
    }
    return rc;
}

int signin_limit_passed(desk_t *d, const char *source, const char *login, long long agent_id)
{
    signin_policy_t p;
    time_t now = desk_now(d);
    signin_policy_read(&d->cfg, &p);
    source = source_of(source);
    int rc = db_exec(&d->db, sql_pair_clear, "ss", login, source);
    if (rc >= 0)
        rc = db_exec(&d->db, sql_usual_add, "ist", agent_id, source, now);
    if (rc >= 0)
        rc = db_exec(&d->db, sql_usual_sweep, "it", agent_id, now - p.usual_days * 86400);
    return rc < 0 ? rc : OUTCOME_OK;
}

int signin_limit_state(desk_t *d, const char *login, signin_state_t *s)
{
    signin_policy_t p;
    time_t now = desk_now(d), last = 0;
    long long failures = 0, paused = 0;
    memset(s, 0, sizeof *s);
    signin_policy_read(&d->cfg, &p);
    int rc = db_row(&d->db, sql_login_state, "s", "itt", login, &failures, &last,
                    &s->slowed_until);
    if (rc < 0)
        return rc;
    if (rc == 1 && last >= now - p.forget_seconds)
        s->failures = (long)failures;
    if (s->slowed_until <= now)
        s->slowed_until = 0;
    rc = db_row(&d->db, sql_pauses, "st", "it", login, now, &paused, &s->paused_until);
    if (rc < 0)
        return rc;
    s->paused_sources = (long)paused;
    if (!paused)
        s->paused_until = 0;
    return OUTCOME_OK;
}

int signin_limit_clear(desk_t *d, const char *login)
{
    int rc = db_exec(&d->db, sql_clear, "s", login);
    return rc < 0 ? rc : OUTCOME_OK;
}
