/* action_state: the life of an improvement action (表5 改进措施计划表), and
 * who may move it, in one place.
 *
 *   not_started -> in_progress     start: the owner or a manager
 *   in_progress -> done            finish: the owner or a manager
 *   done -> in_progress            reopen: the verifier or a director
 *   done -> verified               verify: the verifier (the meeting's
 *                                  organiser, the drill's author) or a director
 *   not_started, in_progress, done -> cancelled
 *                                  cancel: the verifier or a manager, with a reason
 * Verified and cancelled actions are closed. An open action past its deadline
 * is overdue. Managers are supervisors, directors and admins. */
#ifndef DESK_ACTION_STATE_H
#define DESK_ACTION_STATE_H

#include <stdbool.h>

#include "desk/people/auth.h"

typedef enum action_status {
    AS_NOT_STARTED,
    AS_IN_PROGRESS,
    AS_DONE,
    AS_VERIFIED,
    AS_CANCELLED,
    AS_COUNT
} action_status_t;

typedef enum action_step {
    AT_START,
    AT_FINISH,
    AT_REOPEN,
    AT_VERIFY,
    AT_CANCEL,
    AT_COUNT
} action_step_t;

typedef struct action_role {
    bool owner, verifier, manager, director;
} action_role_t;

/* "not_started", "in_progress", "done", "verified", "cancelled". */
const char *action_status_code(action_status_t s);
int action_status_parse(const char *code);
/* "start", "finish", "reopen", "verify", "cancel". */
const char *action_step_code(action_step_t a);
int action_step_parse(const char *code);

/* Where the step leads from status; -1 when it does not apply there. */
int action_step_target(action_step_t a, action_status_t from);
bool action_step_allowed(action_step_t a, action_role_t r);
/* Still to be done (neither verified nor cancelled nor done). */
bool action_open(action_status_t s);
action_role_t action_role_of(const agent_t *a, long long owner_id, long long verifier_id);

#endif
