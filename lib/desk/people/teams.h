/* teams: the teams of the desk and who is in them, as the admin console
 * manages them (the queues, routing and dispatch read teams elsewhere).
 * A team is renamed or deactivated, never deleted: tickets and categories
 * refer to it; it is not deactivated while it has open tickets or an
 * active category routes to it. An active agent keeps at least one active
 * team. The writing functions run inside the caller's transaction and
 * refuse (CHANGE_REFUSED, lib/desk/refusal.h) what these rules forbid. */
#ifndef DESK_TEAMS_H
#define DESK_TEAMS_H

#include <stdbool.h>

#include "desk/desk.h"
#include "desk/refusal.h"

typedef struct team_info {
    long long id;
    char code[41];
    char name_zh[401], name_en[401];
    char dispatch_mode[16];
    bool active;
    bool answers_escalations; /* an R&D team */
    long long members; /* active people in it */
} team_info_t;

typedef struct team_member {
    long long agent_id;
    char login[65];
    char name[401];
    char role[12];
    bool active, lead;
} team_member_t;

/* ---- rules (no database) ---- */

/* Whether a team may be deactivated while it has open_tickets open tickets
 * and categories active categories routed to it: only when neither (its
 * tickets would vanish from every queue). */
bool teams_may_deactivate(long long open_tickets, long long categories);
/* Whether a person of role, active or not, may leave a team while they are
 * in other_active_teams other active teams: an active agent keeps at least
 * one (their queues); supervisors, admins and inactive people may leave
 * their last. */
bool teams_may_leave(const char *role, bool active, long long other_active_teams);

/* ---- reading ---- */

/* Every team, active ones first, then by id. The number, or -1. */
int teams_each(desk_t *d, void (*fn)(const team_info_t *t, void *ctx), void *ctx);
/* One team (FOR UPDATE when lock): OUTCOME_OK, OUTCOME_NOT_FOUND or a failure. */
int teams_get(desk_t *d, long long id, bool lock, team_info_t *t);
/* The members of a team, by name. The number, or -1. */
int teams_each_member(desk_t *d, long long id, void (*fn)(const team_member_t *m, void *ctx),
                      void *ctx);
/* What still depends on a team: its open tickets and the active categories
 * routed to it. 0, or -1. */
int teams_in_use(desk_t *d, long long id, long long *open_tickets, long long *categories);
/* How many active teams other than except the person is in, or -1. */
long long teams_other_active_of(desk_t *d, long long agent_id, long long except);
/* Whether the person is in the team: 1 yes (lead in *lead), 0 no, <0 error. */
int teams_is_member(desk_t *d, long long id, long long agent_id, bool *lead);

/* ---- changes (in the caller's transaction) ---- */

/* New team (dispatch mode 'claim' until routing changes it): OUTCOME_OK with
 * *id, OUTCOME_DUPLICATE when the code is taken, or another outcome. */
int teams_create(desk_t *d, const char *code, const char *name_zh, const char *name_en,
                 long long *id);
/* Its names, and whether it answers escalations to R&D (an R&D team:
 * lib/desk/ticket/escalation.h). */
int teams_rename(desk_t *d, long long id, const char *name_zh, const char *name_en,
                 bool answers_escalations);
/* Activates or deactivates the team. Deactivation is refused while it is in
 * use (teams_in_use, teams_may_deactivate). OUTCOME_OK, CHANGE_REFUSED or another
 * outcome. */
int teams_set_active(desk_t *d, long long id, bool active);
/* Adds a member (or changes the lead flag of one). OUTCOME_OK or a code. */
int teams_add_member(desk_t *d, long long id, long long agent_id, bool lead);
/* Takes the person out of the team. Refused when they are an active agent
 * and it is their last active team (teams_may_leave). OUTCOME_OK, CHANGE_REFUSED
 * or an outcome. */
int teams_remove_member(desk_t *d, long long id, long long agent_id);
/* Puts the person of login into the team of code, unless they are in it
 * already (nothing when either does not exist). OUTCOME_OK or a code. */
int teams_join_by_code(desk_t *d, const char *code, const char *login, bool lead);

#endif
