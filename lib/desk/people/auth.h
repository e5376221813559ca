/* auth: who is asking. Agents, supervisors and admins sign in with a
 * password (argon2id, lib/core/password.h); a session is a random token in an
 * HttpOnly cookie whose keyed hash is stored in MariaDB, so any worker on any
 * server can serve any request. Sessions end after Session.IdleMinutes
 * without use or Session.MaxHours after sign-in.
 *
 * How often a sign-in may be tried is lib/desk/people/signin_limit.h: per source
 * address and per (address, login), for known and unknown logins alike; an
 * account is never locked as a whole. An unknown login's password is checked
 * against a dummy hash, so it takes as long as a known one's. Every attempt is
 * recorded in auth_events. */
#ifndef DESK_AUTH_H
#define DESK_AUTH_H

#include <stdbool.h>

#include "desk/desk.h"

#define AUTH_MAX_TEAMS 16

/* A director (服务总监) is a supervisor who also approves review minutes and
 * sees the whole review loop; an admin also runs the admin console. */
typedef enum role { ROLE_AGENT, ROLE_SUPERVISOR, ROLE_DIRECTOR, ROLE_ADMIN } role_t;

typedef struct agent {
    long long id;
    char login[65];
    char name[401];
    role_t role;
    bool can_see_contacts;
    bool is_product_manager; /* writes requirement evaluations (需求评估) */
    char language[3];
    long long teams[AUTH_MAX_TEAMS];
    int nteams;
} agent_t;

/* Checks a password and opens a session; the new token goes to token_out.
 * OUTCOME_OK; OUTCOME_INVALID for an unknown login or a wrong password (not
 * told apart); OUTCOME_LIMITED after too many failures and OUTCOME_PAUSED
 * when this login is paused from this address, both for *wait_seconds;
 * OUTCOME_UNAVAILABLE when the database failed. */
int auth_sign_in(desk_t *d, const char *login, const char *password, const char *ip,
                 const char *user_agent, char token_out[TOKEN_TEXT_LEN + 1], long *wait_seconds);
/* Resolves a session token to its agent (teams included): 1 valid, 0 not
 * (unknown, ended, idle or expired), <0 database error. */
int auth_session(desk_t *d, const char *token, agent_t *a);
/* Ends the session for good. */
int auth_sign_out(desk_t *d, const char *token);
/* The CSRF token of a session (derived from it; nothing stored). */
void auth_csrf_token(const desk_t *d, const char *session_token, char out[TOKEN_TEXT_LEN + 1]);

const char *role_code(role_t r);
/* Whether everyone of a role may see contact details, whatever their own
 * flag: the setting Contacts.RevealRoles, e.g. "supervisor,admin". */
bool auth_role_sees_contacts(desk_t *d, role_t r);
bool agent_in_team(const agent_t *a, long long team_id);
bool agent_is_supervisor(const agent_t *a); /* supervisor, director or admin */

#endif
