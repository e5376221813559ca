/* survey: the satisfaction survey of a closed ticket: scores 1-5
 * for resolution, speed and attitude, suggestions and unmet needs; one
 * answer per ticket, from the customer on the portal or by phone, taken by
 * someone other than the ticket's handler. */
#ifndef DESK_SURVEY_H
#define DESK_SURVEY_H

#include "desk/people/auth.h"
#include "desk/ticket/ticket_record.h"

typedef struct survey {
    int resolution, speed, attitude; /* 1..5 */
    const char *suggestions, *unmet_needs;
} survey_t;

/* Records the customer's answer (by) or, with by set, one taken by phone.
 * OUTCOME_OK, OUTCOME_ANSWERED (one answer already), OUTCOME_BAD_TRANSITION (not closed),
 * OUTCOME_FORBIDDEN (the handler records their own), OUTCOME_INVALID, or
 * OUTCOME_UNAVAILABLE. */
int survey_record(desk_t *d, long long ticket_id, const survey_t *s, const agent_t *by);
/* 1 when the ticket has an answer, 0 when not, -1 on error. */
int survey_answered(desk_t *d, long long ticket_id);

#endif
