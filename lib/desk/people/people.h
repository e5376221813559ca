/* people: the agents, supervisors and admins of the desk as admins manage
 * them (the admin console's people pages). Created with a password (argon2id,
 * lib/core/password.h), edited (name, role, language, teams, skill tags, whether
 * they may see contact details), deactivated but never deleted (tickets and
 * their history refer to them), given a new password, or freed from the
 * sign-in lock-out of lib/desk/people/auth.c. Deactivation and a new password end every
 * session of the person at once (lib/desk/people/auth.c also refuses inactive people).
 *
 * Every function that writes runs inside the caller's transaction; the
 * caller records the change (lib/desk/audit.h). Also the rules for logins,
 * passwords and the codes of teams and skill tags (pure, unit-tested). */
#ifndef DESK_PEOPLE_H
#define DESK_PEOPLE_H

#include <stdbool.h>
#include <time.h>

#include "desk/desk.h"

#define PEOPLE_PASSWORD_MIN 10  /* characters */
#define PEOPLE_PASSWORD_MAX 128 /* characters */
#define PEOPLE_GENERATED_LEN 19 /* "abcd-efgh-jkmn-pqrs": 16 of 55 symbols, ~92 bits */
#define PEOPLE_IDS_LEN 512      /* a comma-separated list of ids */
#define PEOPLE_MAX_SKILLS 64    /* skill tags of one person */

typedef struct person {
    long long id;
    char login[65];
    char name[401];
    char email[255];
    char role[12];     /* agent, supervisor, director, admin */
    char language[3];  /* zh, en */
    bool can_see_contacts;
    bool is_product_manager; /* writes requirement evaluations */
    bool active;
    time_t created_at;
    char teams[PEOPLE_IDS_LEN];  /* team ids, ascending: "1,3" ("" none) */
    char skills[PEOPLE_IDS_LEN]; /* skill tag ids, ascending */
} person_t;

/* ---- rules (no database) ---- */

/* The roles a person may have, NULL-ended: agent, supervisor, director,
 * admin. */
extern const char *const people_roles[];

/* Lower-cases an ASCII login in place and checks it: 2-64 characters of
 * a-z 0-9 . _ - @, starting with a letter or digit. NULL when valid, else an
 * error key (L.Err.<key>): "login_chars", "too_long", "required". */
const char *people_login_problem(char *login);
/* A new password: at least PEOPLE_PASSWORD_MIN characters, at most
 * PEOPLE_PASSWORD_MAX, not the login itself. NULL, or "password_short",
 * "password_long", "password_login", "encoding". */
const char *people_password_problem(const char *password, const char *login);
/* A random password an admin passes on (libsodium): four groups of four
 * letters and digits without look-alikes (0 O 1 l I), joined by '-'. */
void people_password_generate(char out[PEOPLE_GENERATED_LEN + 1]);
/* The code of a team or skill tag: 2-40 of a-z 0-9 _ -, starting with a
 * letter. NULL or "code_chars" / "too_long" / "required". */
const char *people_code_problem(const char *code);
/* The teams (ids, "1,3") of a person of role: an agent is in at least one
 * (their queues), nobody in more than AUTH_MAX_TEAMS (lib/desk/people/auth.h).
 * NULL, "team_needed" or "too_many". */
const char *people_teams_problem(const char *role, const char *teams);
/* The skill tags (ids) of a person: at most PEOPLE_MAX_SKILLS. NULL or
 * "too_many". */
const char *people_skills_problem(const char *skills);
/* Whether id is in a comma-separated list of ids. */
bool people_ids_have(const char *ids, long long id);

/* ---- reading ---- */

/* Calls fn for up to limit people with id > after, by id. The number of
 * rows, or -1. */
int people_each(desk_t *d, long long after, int limit, void (*fn)(const person_t *p, void *ctx),
                void *ctx);
/* One person (FOR UPDATE when lock): OUTCOME_OK, OUTCOME_NOT_FOUND or a failure. */
int people_get(desk_t *d, long long id, bool lock, person_t *p);
/* The business calendar of person id (0: none of their own, the desk's
 * first one applies): 1 found, 0 no such person, <0 error. */
int people_calendar(desk_t *d, long long id, long long *calendar_id);
/* The id of the (active) person of a login: 1 found, 0 not, <0 error. */
int people_by_login(desk_t *d, const char *login, bool active_only, long long *id);
/* The active people by name, at most 500 (who may be picked on a ticket):
 * id, name and role each. The number, or -1. */
int people_each_active(desk_t *d,
                       void (*fn)(long long id, const char *name, const char *role, void *ctx),
                       void *ctx);
/* The admins, active or not, by name (the authors of the audit log). The
 * number, or -1. */
int people_each_admin(desk_t *d, void (*fn)(long long id, const char *name, void *ctx),
                      void *ctx);
/* Open tickets the person owns, or -1. */
long long people_open_tickets(desk_t *d, long long id);

/* ---- changes (in the caller's transaction) ---- */

/* Inserts a person (login, name, email, role, language, can_see_contacts of
 * p) with a password hash; the new id goes to *id. OUTCOME_OK, OUTCOME_DUPLICATE when the
 * login is taken, or another outcome. */
int people_create(desk_t *d, const person_t *p, const char *password_hash, long long *id);
/* Creates the person (login, name, email, role, can_see_contacts of p), or
 * gives the existing one of that login this password hash and makes them
 * active again (the demo desk). OUTCOME_OK or an outcome. */
int people_ensure(desk_t *d, const person_t *p, const char *password_hash);
/* Name, email, role, language and can_see_contacts of p->id. OUTCOME_OK or a code. */
int people_update(desk_t *d, const person_t *p);
/* Makes the person a member of exactly the teams of want among those of
 * among (the active teams, "1,2,5"); memberships of other teams and the
 * lead flag of kept ones stay. OUTCOME_OK or a code. */
int people_set_teams(desk_t *d, long long id, const char *want, const char *among);
/* The same for skill tags. */
int people_set_skills(desk_t *d, long long id, const char *want, const char *among);
/* Activates or deactivates; deactivation ends every session. OUTCOME_OK or a code. */
int people_set_active(desk_t *d, long long id, bool active);
/* A new password hash; ends every session (the sign-in limits are
 * lib/desk/people/signin_limit.h's). */
int people_set_password(desk_t *d, long long id, const char *password_hash);
/* Ends every open session of the person. OUTCOME_OK or a code. */
int people_end_sessions(desk_t *d, long long id);

#endif
