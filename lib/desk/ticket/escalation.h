/* escalation: the tickets' escalations to R&D (问题升级申请单) as stored:
 * who asked which R&D team, why, the impact, the time the customer expects
 * a fix, the answer's deadline and the answer. The R&D desk reads its queue
 * here: a team's unanswered escalations by answer deadline, then the
 * answered ones latest first, paged by key. Who may escalate and answer is
 * decided in lib/desk/ticket/ticket_work.c, which calls the writers here
 * inside its transaction. */
#ifndef DESK_ESCALATION_H
#define DESK_ESCALATION_H

#include <stdbool.h>
#include <time.h>

#include "desk/people/auth.h"

#define ESCALATION_PAGE 30
#define ESCALATION_EXCERPT 200 /* characters of reason and impact a queue row shows */

typedef struct escalation {
    long long id, team_id;
    char requested_by[401], answered_by[401];
    char *reason, *impact, *answer; /* malloc'd; escalation_free */
    time_t expected_at, answer_due_at, answered_at, created_at;
} escalation_t;

typedef struct escalation_row {
    long long id, ticket_id, priority_id;
    char number[32], subject[801], status[24], owner[401], requested_by[401];
    char reason[ESCALATION_EXCERPT * 4 + 1], impact[ESCALATION_EXCERPT * 4 + 1];
    time_t expected_at, answer_due_at, answered_at, created_at;
} escalation_row_t;

typedef struct escalation_page {
    escalation_row_t rows[ESCALATION_PAGE];
    int n;
    bool more;
    char next_cursor[64]; /* opaque "after" value of the next page */
} escalation_page_t;

/* The R&D team an escalation goes to when none is named: the first active
 * team that answers escalations, 0 when there is none. */
long long escalation_default_team(desk_t *d);
/* Whether team_id is an active team that answers escalations. */
bool escalation_team_ok(desk_t *d, long long team_id);

/* Records a new escalation; its id, or -1. In the caller's transaction. */
long long escalation_add(desk_t *d, long long ticket_id, long long requested_by,
                         long long team_id, const char *reason, const char *impact,
                         time_t expected, time_t due, time_t now);
/* Records the answer to the ticket's open escalation: 1 answered, 0 none
 * was open, -1 error. */
int escalation_answer_open(desk_t *d, long long ticket_id, long long by, const char *plan,
                           time_t now);
/* The ticket's latest escalation (answered or not): 1 found, 0 none, -1. */
int escalation_latest(desk_t *d, long long ticket_id, escalation_t *e);
void escalation_free(escalation_t *e);

/* What the customer's page says of the latest escalation: when it went to
 * R&D, whether R&D has answered, and the name of their contact now (the
 * owner; "" when nobody owns the ticket). Nothing of the reasons. 1 found,
 * 0 none, -1. */
typedef struct escalation_public {
    time_t asked_at;
    bool answered;
    char contact[401];
} escalation_public_t;
int escalation_for_customer(desk_t *d, long long ticket_id, escalation_public_t *out);

/* Whether one of the ticket's escalations went to a team of a's. */
bool escalation_asked_of(desk_t *d, const agent_t *a, long long ticket_id);
/* Whether a is in an active team that answers escalations. */
bool escalation_in_rnd(desk_t *d, const agent_t *a);

/* One page of team_id's queue after cursor (NULL or "" for the first).
 * 0 or -1 (also for a cursor that is not one of ours). */
int escalation_queue(desk_t *d, long long team_id, const char *cursor, escalation_page_t *page);

#endif
