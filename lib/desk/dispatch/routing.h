/* routing: the routing rules and the teams' dispatch settings as the admin
 * console reads and writes them (/admin/routing). lib/desk/dispatch/dispatch.c applies
 * them to tickets. A rule sends one category to a team, with the skill tags
 * its tickets need; rules are deactivated, never deleted. The writing
 * functions run inside the caller's transaction. */
#ifndef DESK_ROUTING_H
#define DESK_ROUTING_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "desk/desk.h"
#include "desk/dispatch/dispatch.h"

typedef struct routing_rule {
    long long id, category_id, team_id;
    char category_code[41];
    char category_name[LANG_COUNT][241];
    char team_name[LANG_COUNT][401];
    bool active, category_active, team_active;
    long long skills[DISPATCH_MAX_SKILLS];
    char skill_name[DISPATCH_MAX_SKILLS][LANG_COUNT][241];
    int nskills;
    time_t updated_at;
} routing_rule_t;

typedef struct routing_team {
    long long id;
    char code[41];
    char name[LANG_COUNT][401];
    dispatch_mode_t mode;
    long long accept_minutes; /* 0: the default (SLA.AcceptMinutes) */
    long long max_open;       /* capacity per agent, 0: none */
    bool active;
    long long members, available, open; /* active members, those at work, their open tickets */
} routing_team_t;

typedef struct routing_member {
    long long agent_id;
    char name[401];
    char login[65];
    bool available;
    long long open; /* open tickets they own */
    long long skills[DISPATCH_MAX_SKILLS];
    int nskills;
} routing_member_t;

/* Every rule, active ones first, then in the categories' order. The
 * number, or -1. */
int routing_each_rule(desk_t *d, void (*fn)(const routing_rule_t *r, void *ctx), void *ctx);
/* One rule (FOR UPDATE when lock): OUTCOME_OK, OUTCOME_NOT_FOUND or a failure. */
int routing_get_rule(desk_t *d, long long id, bool lock, routing_rule_t *r);
/* OUTCOME_OK with *id, OUTCOME_DUPLICATE when the category has a rule already, or another outcome. */
int routing_create_rule(desk_t *d, long long category_id, long long team_id,
                        const long long *skills, int nskills, time_t now, long long *id);
/* New team and skills of a rule (OUTCOME_OK or another outcome). */
int routing_update_rule(desk_t *d, long long id, long long team_id, const long long *skills,
                        int nskills, time_t now);
int routing_set_rule_active(desk_t *d, long long id, bool active, time_t now);

/* Every team with its dispatch settings and load, active first. */
int routing_each_team(desk_t *d, void (*fn)(const routing_team_t *t, void *ctx), void *ctx);
/* One team with its dispatch settings (FOR UPDATE when lock): OUTCOME_OK,
 * OUTCOME_NOT_FOUND or a failure. */
int routing_get_team(desk_t *d, long long id, bool lock, routing_team_t *t);
int routing_update_team(desk_t *d, long long id, dispatch_mode_t mode, long long accept_minutes,
                        long long max_open);
/* The active members of a team as the dispatcher sees them, by name. */
int routing_each_member(desk_t *d, long long team_id,
                        void (*fn)(const routing_member_t *m, void *ctx), void *ctx);
/* An active agent's name and presence, the row locked: OUTCOME_OK,
 * OUTCOME_NOT_FOUND or a failure. */
int routing_lock_agent(desk_t *d, long long agent_id, char *name, size_t cap, bool *available);

#endif
