/* dbtest: what the unit tests of the domain modules that live in the
 * database (tests/unit/db_test_*.c) share: a real MariaDB, a fresh state for
 * every test, a fixed clock, and a few fixtures.
 *
 * The database: $DESK_UNIT_CONFIG names a desk.hdf (socket, user, password,
 * keys, templates) whose DB.Name is the pristine database, migrated and never
 * written by a test (tests/run.sh makes one, desk_unit, on the test stack's
 * MariaDB). Each test binary gets a database of its own beside it, named
 * after the binary (desk_unit_ticket for db_test_ticket), dropped and made
 * again from sql/migrations by the migration runner (build/deskctl migrate;
 * $DESK_DESKCTL and $DESK_MIGRATIONS move them) when the binary starts.
 * Before every test its rows are replaced by the pristine ones (reference
 * data as the migrations left it, no tickets, people or customers) and the
 * context is opened afresh, so no test sees another's tickets, counters,
 * caches or clock. Run the binaries from the top of the tree.
 *
 * The clock: every test starts at DBTEST_START (a Tuesday, 10:00 in the
 * desk's zone) through the context's test clock offset, and moves it with
 * dbtest_at(): the same results at 03:00 on a Sunday as at 10:00 on a
 * Tuesday. Between two moves the clock stands still (dbtest.c replaces the
 * system's time() in the test binaries): whatever a test does after
 * dbtest_at(d, t) happens at t exactly.
 *
 * This file and dbtest.c are the only places that build the context. */
#ifndef TEST_DBTEST_H
#define TEST_DBTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "desk/desk.h"
#include "desk/people/auth.h"
#include "desk/ticket/ticket.h"

#define DBTEST_START "2027-03-09 10:00" /* a Tuesday */

/* cmocka group setup and teardown: the binary's database and the context
 * (*state is the desk_t *). */
int dbtest_group_setup(void **state);
int dbtest_group_teardown(void **state);
/* cmocka per-test setup: pristine rows, the context opened afresh, the
 * clock at DBTEST_START. */
int dbtest_setup(void **state);

#define DBTEST(fn) cmocka_unit_test_setup(fn, dbtest_setup)
#define DBTEST_RUN(name, tests)                                                               \
    cmocka_run_group_tests_name(name, tests, dbtest_group_setup, dbtest_group_teardown)

/* ---- the clock ------------------------------------------------------------ */

/* An instant given in the desk's zone: "2027-03-09 10:00" or with ":SS". */
time_t dbtest_local(const char *when);
/* From here desk_now(d) is t, until the next call. */
void dbtest_at(desk_t *d, time_t t);
void dbtest_at_local(desk_t *d, const char *when);

/* Opens the catalogue and settings afresh after a test changed reference
 * data (a team's mode, a routing rule, a setting); the clock is kept. */
void dbtest_reload(desk_t *d);
/* A second context on its own connection (a second scheduler, or a child
 * process after fork(), which must not use the parent's). Same clock. */
int dbtest_open_child(desk_t *child, const desk_t *parent);
/* Runs fn in n child processes at the same moment, each with a context of
 * its own (dbtest_open_child), as n workers would: fn returns 0 when all
 * went well. Returns how many children failed (a crash counts). */
int dbtest_parallel(desk_t *d, int n, int (*fn)(desk_t *child, int index, void *arg),
                    void *arg);

/* ---- fixtures ------------------------------------------------------------- */

/* A person of role ("agent", "supervisor", "director", "admin") in the teams named by
 * code ("aftersales,rnd"; "" none), reachable at <login>@unit.test, who may
 * see contact details or not; *out as auth_session() would fill it. */
void dbtest_agent(desk_t *d, const char *login, const char *role, const char *teams,
                  bool contacts, agent_t *out);
/* The id of a team by code (0 when none). */
long long dbtest_team(desk_t *d, const char *code);

/* A customer's request in a category (code) on the web channel, impact
 * individual, with a submit key of its own; no e-mail or phone (set them). */
ticket_new_t dbtest_request(desk_t *d, const char *category);
/* ticket_create() that must succeed: the new ticket's id (receipt in out
 * when not NULL). */
long long dbtest_create(desk_t *d, const ticket_new_t *in, ticket_receipt_t *out);
/* A ticket by id that must exist; ticket_free() it. */
void dbtest_load(desk_t *d, long long id, ticket_t *t);

/* ---- what happened --------------------------------------------------------- */

/* The number of history entries of a kind (NULL: all) of a ticket, the last
 * of them in *last (body not kept) when not NULL. */
int dbtest_events(desk_t *d, long long ticket, const char *kind, ticket_event_t *last);
/* The same, with the text of the last one in body ("" when none). */
int dbtest_event_body(desk_t *d, long long ticket, const char *kind, char *body, size_t cap);

typedef struct dbtest_mail {
    char channel[8], kind[41], language[3];
    char recipient[321]; /* opened */
    char subject[501];
} dbtest_mail_t;
/* The number of queued notifications of a ticket of a kind (NULL: any) to a
 * recipient (NULL: anyone), the last in *last when not NULL. */
int dbtest_mails(desk_t *d, long long ticket, const char *kind, const char *recipient,
                 dbtest_mail_t *last);

/* One integer from a query with one integer parameter (a count, an id);
 * sql is a static string (the statement cache knows statements by address). */
long long dbtest_int(desk_t *d, const char *sql, long long param);

#endif
