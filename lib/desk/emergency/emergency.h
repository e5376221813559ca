/* emergency: emergencies (应急处理) as stored, and the only module that
 * reads or writes the emergency tables. A manager (supervisor, director,
 * admin) declares an emergency on one or more tickets and forms its team:
 * a lead and members, as a rule from the template of the tickets' problem
 * type (lib/desk/emergency/emergency_template.h). The team writes a
 * preliminary handling plan (every version kept), records the feedback
 * given to the customer, keeps tasks with owners and a timeline, and the
 * emergency closes with a summary; a problem record may then start from it.
 *
 * Two clocks run from the declaration in wall time (an emergency does not
 * wait for the next working day): the plan within EMERGENCY_PLAN_SECONDS,
 * the feedback within EMERGENCY_FEEDBACK_SECONDS; each is met when its
 * first record is made (met or breached kept), warned at three quarters of
 * its time and alerted at its deadline, once each (emergency_clock.h).
 *
 * Who sees an emergency: its team and the managers; who acts on an open
 * one: the same. Members are mailed when the team is formed and when they
 * are added. Every writer runs in the caller's transaction. */
#ifndef DESK_EMERGENCY_H
#define DESK_EMERGENCY_H

#include <stdbool.h>
#include <time.h>

#include "desk/desk.h"
#include "desk/people/auth.h"
#include "desk/refusal.h"

#define EMERGENCY_PAGE 25
#define EMERGENCY_TICKETS_MAX 20
#define EMERGENCY_MEMBERS_MAX 40
#define EMERGENCY_PLAN_SECONDS (2 * 3600)
#define EMERGENCY_FEEDBACK_SECONDS (24 * 3600)

/* Whether a may declare emergencies (and sees every one). */
bool emergency_manager(const agent_t *a);

typedef struct emergency_decl {
    const char *title;
    long long category_id; /* 0: none */
    long long lead_id;
    const long long *members; /* besides the lead */
    int nmembers;
    const char *tickets; /* ticket numbers, separated by spaces, commas or lines */
} emergency_decl_t;

/* Refusals: "_form" "forbidden"; "title" "required"; "lead" "required" /
 * "unknown_person"; "members" "unknown_person" / "too_many"; "tickets"
 * "ticket_needed" / "unknown_ticket" / "too_many". Mails the team. */
int emergency_declare(desk_t *d, const agent_t *a, const emergency_decl_t *c, long long *id,
                      refusal_t *r);

typedef struct emergency {
    long long id, category_id, lead_id, declared_by, problem_id, plan_version;
    bool open;
    char title[801], lead[401], declarer[401];
    time_t declared_at, plan_warn_at, plan_due_at, plan_done_at;
    time_t feedback_warn_at, feedback_due_at, feedback_done_at, closed_at;
    int plan_met, feedback_met; /* -1 not yet, 0 breached, 1 met */
    char *summary;              /* malloc'd; emergency_free */
} emergency_t;

int emergency_get(desk_t *d, long long id, emergency_t *e);
void emergency_free(emergency_t *e);
/* Whether a is on the team of emergency id. */
bool emergency_member(desk_t *d, const agent_t *a, long long id);
/* Whether a may see it (team or manager). */
bool emergency_may_see(desk_t *d, const agent_t *a, long long id);

/* The changes of an open emergency by its team or a manager; refusals
 * "_form" "forbidden" / "closed", and per change below. */
/* "ticket": "unknown_ticket" / "already" / "too_many". */
int emergency_add_ticket(desk_t *d, const agent_t *a, long long id, const char *number,
                         refusal_t *r);
/* "member": "unknown_person" / "already" / "too_many". Mails them. */
int emergency_add_member(desk_t *d, const agent_t *a, long long id, long long agent_id,
                         refusal_t *r);
/* A new version of the plan ("plan": "required"); the first meets the
 * plan clock. */
int emergency_save_plan(desk_t *d, const agent_t *a, long long id, const char *body,
                        refusal_t *r);
/* The feedback given to the customer ("feedback": "required"); the first
 * meets the feedback clock. */
int emergency_record_feedback(desk_t *d, const agent_t *a, long long id, const char *note,
                              refusal_t *r);
/* A line of the timeline ("note": "required"). */
int emergency_add_note(desk_t *d, const agent_t *a, long long id, const char *note,
                       refusal_t *r);
/* "task" "required"; "owner" "unknown_person" (must be on the team). */
int emergency_add_task(desk_t *d, const agent_t *a, long long id, const char *title,
                       long long owner_id, refusal_t *r);
/* Marks a task done ("task": "unknown_task" / "already"). */
int emergency_task_done(desk_t *d, const agent_t *a, long long id, long long task_id,
                        refusal_t *r);
/* Closes it ("summary": "required"); the clocks stop. */
int emergency_close(desk_t *d, const agent_t *a, long long id, const char *summary,
                    refusal_t *r);
/* Records the problem record started from a closed emergency. */
int emergency_set_problem(desk_t *d, long long id, long long problem_id);

#endif
