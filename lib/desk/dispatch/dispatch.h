/* dispatch: who gets a ticket. Routing rules send a category to a
 * team (with the skill tags its tickets need); the team's mode then either
 * leaves the ticket in the team queue to be claimed, or assigns it to the
 * member who is available, under the team's capacity, has every required
 * skill and owns the fewest open tickets (least_open, ties broken
 * round-robin), or simply the next such member in turn (round_robin).
 *
 * Two halves:
 *   dispatch_choose()  the choice itself: a pure function of the team's
 *                      policy and its candidates (tests/unit/test_dispatch.c)
 *   dispatch_plan() /  the database around it, inside the caller's ticket
 *   dispatch_apply()   transaction: the rule, the team, its members with
 *                      their open tickets and skills (indexed queries), the
 *                      team's cursor (locked first, updated with the ticket)
 *                      and the ticket's owner, status and history. */
#ifndef DESK_DISPATCH_H
#define DESK_DISPATCH_H

#include <stdbool.h>
#include <time.h>

#include "desk/desk.h"

#define DISPATCH_MAX_SKILLS 16

typedef enum dispatch_mode {
    DISPATCH_CLAIM,       /* manual: the ticket waits in the team queue */
    DISPATCH_LEAST_OPEN,  /* fewest open tickets, ties round-robin */
    DISPATCH_ROUND_ROBIN, /* each eligible member in turn */
    DISPATCH_MODES
} dispatch_mode_t;

/* "claim", "least_open", "round_robin" (the stored names) and back; -1 when
 * unknown. */
const char *dispatch_mode_code(dispatch_mode_t m);
int dispatch_mode_parse(const char *code);

/* ---- the choice (no database) -------------------------------------------- */

typedef struct dispatch_candidate {
    long long agent_id;
    long long open;          /* open tickets they own now */
    bool available;          /* false: absent, out of office */
    const long long *skills; /* their skill tag ids, any order */
    int nskills;
} dispatch_candidate_t;

typedef struct dispatch_policy {
    dispatch_mode_t mode;
    long long max_open;        /* capacity per agent; an agent with this many is full; 0: none */
    long long cursor;          /* agent of the team's last automatic choice, 0: none */
    long long exclude;         /* never this agent (the one handing it back), 0: none */
    const long long *required; /* skill ids a candidate must all have */
    int nrequired;
} dispatch_policy_t;

typedef enum dispatch_outcome {
    DISPATCH_PICKED, /* agent_id gets it */
    DISPATCH_MANUAL, /* the team claims by hand: nobody was considered */
    DISPATCH_NOBODY, /* automatic, but nobody fits: it waits in the team queue */
} dispatch_outcome_t;

typedef struct dispatch_choice {
    dispatch_outcome_t outcome;
    int index;          /* the chosen candidate, -1 when none */
    long long agent_id; /* 0 when none */
    long long open;     /* the chosen agent's open tickets before this one */
    bool tie;           /* least_open: others had as few; the turn decided */
    int absent, full, unskilled, excluded; /* candidates skipped, by reason */
} dispatch_choice_t;

/* The choice among n candidates. Eligible: available, not excluded, below
 * max_open, holding every required skill. least_open takes the fewest open
 * tickets; among equals, and in round_robin among all eligible, the turn
 * goes to the lowest agent id above the cursor, else (wrapping round) the
 * lowest id. Candidates may come in any order. */
dispatch_choice_t dispatch_choose(const dispatch_policy_t *p, const dispatch_candidate_t *c,
                                  int n);

/* ---- in the ticket's transaction ------------------------------------------- */

typedef struct dispatch_plan {
    long long team_id;  /* 0: the category routes nowhere */
    long long rule_id;  /* the routing rule used, 0: the category's own team */
    dispatch_mode_t mode;
    dispatch_choice_t choice;
    char agent_name[401];
    long accept_minutes; /* the team's acceptance timeout */
} dispatch_plan_t;

/* The team of a category under the routing rules: the active rule's team,
 * else the category's own team (0: none). 0 or a negative outcome. */
int dispatch_team_for(desk_t *d, long long category_id, long long *team_id);

/* Decides, inside the caller's transaction, who gets a ticket of the
 * category (team from the rules), or of team when team > 0 (the category
 * then only gives the required skills). In the automatic modes the team's
 * cursor row is locked before its members' open tickets are counted, so
 * dispatches into one team follow each other. exclude: an agent who must
 * not get it (0: none). Call it before any other read of the transaction
 * (the counts then include what committed while waiting for the lock).
 * 0 or a negative outcome. */
int dispatch_plan(desk_t *d, long long category_id, long long team, long long exclude,
                  dispatch_plan_t *p);

/* Carries a plan out on the (locked or just inserted) ticket whose status
 * is `status`: a chosen agent becomes the owner, the ticket moves to
 * "assigned" with the team's acceptance deadline, the cursor moves on, the
 * agent is notified; otherwise it stays in its team's queue. Either way an
 * internal "dispatch" event says who was chosen and why ("auto: least open,
 * 3 open"). The caller refreshes next_due_at afterwards. 0 or an outcome. */
int dispatch_apply(desk_t *d, long long ticket_id, const char *status, const dispatch_plan_t *p,
                   time_t now);

/* The acceptance timeout of a team in minutes: its own, else
 * SLA.AcceptMinutes (default 30). */
long dispatch_accept_minutes(desk_t *d, long long team_id);

/* Whether an agent is at work (1), absent (0), or <0 on error. */
int dispatch_available(desk_t *d, long long agent_id);
/* Marks an agent present or absent (in the caller's transaction when there
 * is one). 1 changed, 0 already so, <0 an outcome. */
int dispatch_set_available(desk_t *d, long long agent_id, bool available, time_t now);

#endif
