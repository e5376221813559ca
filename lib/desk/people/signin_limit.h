/* signin_limit: how often a sign-in may be tried. The limits are keyed by
 * the source address and by the login as typed, never by whether that login
 * exists, so a stranger learns nothing from them; and they are built so that
 * a stranger cannot shut a person out.
 *
 * Three counters of recent failures (table signin_throttle):
 *   pair   one login from one address. From the 3rd failure on, each next
 *          try from there waits 1, 2, 4 ... 60 s; at Auth.MaxFailures (10)
 *          that login is paused from that address for Auth.LockMinutes (15).
 *          Other addresses are not affected.
 *   source one address, whatever the logins (password spraying). From
 *          Auth.SourceFailures (30) on, each next try from it waits 1, 2,
 *          4 ... s, at most Auth.LockMinutes.
 *   login  one login from every address (a distributed guesser). From
 *          Auth.LoginFailures (20) on, each next try waits 1, 2, 4 ... 60 s,
 *          except from the person's usual addresses (where they signed in
 *          within Auth.UsualSourceDays, 90): it slows down, never locks.
 * A counter starts again from zero when its last failure is more than
 * Auth.ForgetMinutes (60) old. A right password clears its pair counter and
 * makes the address a usual one. A try refused for a wait or a pause is not
 * checked and not counted. */
#ifndef DESK_SIGNIN_LIMIT_H
#define DESK_SIGNIN_LIMIT_H

#include <stdbool.h>
#include <time.h>

#include "desk/desk.h"

enum { SIGNIN_GO = 0, SIGNIN_WAIT = 1, SIGNIN_PAUSED = 2 };
enum { SCOPE_SOURCE, SCOPE_PAIR, SCOPE_LOGIN, SCOPE_COUNT };

typedef struct signin_policy {
    long pair_pause_at;  /* Auth.MaxFailures */
    long pause_seconds;  /* Auth.LockMinutes */
    long source_free;    /* Auth.SourceFailures */
    long login_free;     /* Auth.LoginFailures */
    long forget_seconds; /* Auth.ForgetMinutes */
    long usual_days;     /* Auth.UsualSourceDays */
} signin_policy_t;

/* What one counter imposes: absolute times, 0 for none. */
typedef struct signin_counter {
    long failures;
    time_t wait_until, paused_until;
} signin_counter_t;

/* ---- the rules (no database) ---- */

void signin_policy_read(const config_t *cfg, signin_policy_t *p);
/* Seconds to wait after the failures-th failure when the first free ones
 * cost nothing: 1, 2, 4 ... doubling, at most cap. */
long signin_backoff(long failures, long free, long cap);
/* Sets c->wait_until and c->paused_until after a failure of scope that
 * brought the counter to c->failures. */
void signin_penalty(int scope, signin_counter_t *c, const signin_policy_t *p, time_t now);
/* SIGNIN_GO, or SIGNIN_WAIT / SIGNIN_PAUSED with *wait seconds to go. */
int signin_verdict(const signin_counter_t c[SCOPE_COUNT], bool usual_source, time_t now,
                   long *wait);

/* ---- with the database: <0 is an outcome ---- */

/* Before a password is checked: may source try login now? agent_id is the
 * login's account, 0 when there is none (it then has no usual address). */
int signin_limit_check(desk_t *d, const char *source, const char *login, long long agent_id,
                       long *wait);
/* After a wrong password or an unknown login. */
int signin_limit_failed(desk_t *d, const char *source, const char *login);
/* After a right password. */
int signin_limit_passed(desk_t *d, const char *source, const char *login, long long agent_id);

/* What the limits hold against a login, for the admin's people pages. */
typedef struct signin_state {
    long failures;        /* recent failures from every address */
    time_t slowed_until;  /* the per-login wait, 0 none */
    long paused_sources;  /* addresses it is paused from now */
    time_t paused_until;  /* the latest of those pauses, 0 none */
} signin_state_t;
int signin_limit_state(desk_t *d, const char *login, signin_state_t *s);
/* Clears the login's counters and pauses (an admin's unlock, a new password). */
int signin_limit_clear(desk_t *d, const char *login);

#endif
