/* problem_state: the workflow of a problem record (根因分析报告), and who
 * may do what with one, in one place.
 *
 *   draft -> in_review        submit: the owner, a participant or a manager,
 *                             once the analysis is whole (problem_incomplete)
 *   in_review -> draft        return: a manager, for more analysis
 *   in_review -> confirmed    confirm: a manager; needs a conclusion
 *   confirmed -> in_review    reopen: a manager
 *   confirmed -> closed       close: the owner or a manager; needs the
 *                             permanent fix
 * Managers are supervisors, directors and admins. A closed record is read
 * only; the others are edited by the owner, participants and managers, who
 * are also the only ones who see it. */
#ifndef DESK_PROBLEM_STATE_H
#define DESK_PROBLEM_STATE_H

#include <stdbool.h>

#include "desk/people/auth.h"

typedef enum problem_status {
    PS_DRAFT,
    PS_IN_REVIEW,
    PS_CONFIRMED,
    PS_CLOSED,
    PS_COUNT
} problem_status_t;

typedef enum problem_action {
    PA_SUBMIT,
    PA_RETURN,
    PA_CONFIRM,
    PA_REOPEN,
    PA_CLOSE,
    PA_COUNT
} problem_action_t;

/* How the person stands to the record. */
typedef struct problem_role {
    bool owner, participant, manager;
} problem_role_t;

/* "draft", "in_review", "confirmed", "closed"; -1 when unknown. */
const char *problem_status_code(problem_status_t s);
int problem_status_parse(const char *code);
/* "submit", "return", "confirm", "reopen", "close"; -1 when unknown. */
const char *problem_action_code(problem_action_t a);
int problem_action_parse(const char *code);

/* Where the action leads from status; -1 when it does not apply there. */
int problem_action_target(problem_action_t a, problem_status_t from);
/* Whether someone standing so may take the action (whatever the status). */
bool problem_action_allowed(problem_action_t a, problem_role_t r);
/* The role of agent a on a record of owner owner_id; participant as looked up. */
problem_role_t problem_role_of(const agent_t *a, long long owner_id, bool participant);
/* Whether r may see, and edit in status s. */
bool problem_may_see(problem_role_t r);
bool problem_may_edit(problem_role_t r, problem_status_t s);

#endif
