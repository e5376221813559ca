/* minutes_state: the workflow of review minutes (表4 复盘会议纪要), and who
 * may do what with them, in one place.
 *
 *   draft -> submitted        submit: the meeting's organiser
 *   submitted -> approved     approve: the service director only
 *   submitted -> returned     return: the service director only, with a comment
 *   returned -> submitted     submit again: the organiser (a new version)
 * Approved minutes are read only; draft and returned ones are edited by the
 * organiser. Every submission is kept as a numbered version. */
#ifndef DESK_MINUTES_STATE_H
#define DESK_MINUTES_STATE_H

#include <stdbool.h>

#include "desk/people/auth.h"

typedef enum minutes_status {
    MS_DRAFT,
    MS_SUBMITTED,
    MS_RETURNED,
    MS_APPROVED,
    MS_COUNT
} minutes_status_t;

typedef enum minutes_action {
    MA_SUBMIT,
    MA_APPROVE,
    MA_RETURN,
    MA_COUNT
} minutes_action_t;

/* How the person stands to the minutes. */
typedef struct minutes_role {
    bool organiser, director;
} minutes_role_t;

/* "draft", "submitted", "returned", "approved"; -1 when unknown. */
const char *minutes_status_code(minutes_status_t s);
int minutes_status_parse(const char *code);
/* "submit", "approve", "return"; -1 when unknown. */
const char *minutes_action_code(minutes_action_t a);
int minutes_action_parse(const char *code);

/* Where the action leads from status; -1 when it does not apply there. */
int minutes_action_target(minutes_action_t a, minutes_status_t from);
/* Whether someone standing so may take the action. */
bool minutes_action_allowed(minutes_action_t a, minutes_role_t r);
/* Whether they may change the text in status s. */
bool minutes_may_edit(minutes_role_t r, minutes_status_t s);
minutes_role_t minutes_role_of(const agent_t *a, long long organiser_id);

#endif
