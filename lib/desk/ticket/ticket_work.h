/* ticket_work: what agents, supervisors and admins do to a ticket. Every
 * action checks, inside its transaction and on the freshly locked row, that
 * this person may do it and that the ticket is still at the version they
 * saw (OUTCOME_CONFLICT otherwise: someone else changed it, reload).
 *
 * Who may do what:
 *   see      supervisors and admins: every ticket; agents: their teams'
 *            tickets, their own, those they registered and those they
 *            collaborate on
 *   work     (reply, findings, status, priority request) the owner, a
 *            collaborator, a supervisor or admin
 *   claim    someone who sees it, when it has no owner
 *   accept   the owner, when it is assigned to them
 *   assign   supervisors and admins (a reason is required)
 *   hand back the owner, to the team queue (a reason is required)
 *   decide a priority request: supervisors and admins */
#ifndef DESK_TICKET_WORK_H
#define DESK_TICKET_WORK_H

#include <jansson.h>

#include "desk/people/auth.h"
#include "desk/ticket/ticket_next.h"
#include "desk/ticket/ticket_record.h"

/* Read permission on a loaded ticket (collaborators looked up): supervisors, the owner,
 * the ticket's team, its creator, collaborators, the R&D teams it was
 * escalated to and the teams of the emergencies it belongs to. */
bool ticket_visible_to(desk_t *d, const agent_t *a, const ticket_t *t);
bool ticket_workable_by(desk_t *d, const agent_t *a, const ticket_t *t);
/* Who may (re)classify it: those who see it but R&D, who see it only because
 * it was escalated to them. */
bool ticket_classifiable_by(desk_t *d, const agent_t *a, const ticket_t *t);

int ticket_claim(desk_t *d, const agent_t *a, long long id, long long version);
int ticket_accept(desk_t *d, const agent_t *a, long long id, long long version);
/* Assigns to an agent (0: none) and/or a team (0: keep): OUTCOME_NO_SUCH_AGENT
 * or OUTCOME_NO_SUCH_TEAM when either is not an active one. */
int ticket_assign(desk_t *d, const agent_t *a, long long id, long long version,
                  long long to_agent, long long to_team, const char *reason);
int ticket_hand_back(desk_t *d, const agent_t *a, long long id, long long version,
                     const char *reason);
/* A public reply (internal = false) or an internal note (true), with the
 * stored attachments (or NULL) recorded on it. */
int ticket_agent_message(desk_t *d, const agent_t *a, long long id, long long version,
                         const char *body, bool internal, const uploads_t *files);
/* A public reply that also moves the ticket to `to` (a ticket_status_t;
 * < 0 keeps it) in the same transaction: both or neither. The status is
 * one an agent may set by hand (ticket_agent_may_move), else
 * OUTCOME_BAD_TRANSITION and the reply is not sent either. */
int ticket_agent_reply(desk_t *d, const agent_t *a, long long id, long long version,
                       const char *body, const uploads_t *files, int to);
/* The same, with the minutes the reply, note or step took (0: not given;
 * 1..TIME_SPENT_MAX, lib/desk/ticket/time_spent.h, else OUTCOME_INVALID),
 * counted for the person who writes it. */
int ticket_agent_reply_spent(desk_t *d, const agent_t *a, long long id, long long version,
                             const char *body, const uploads_t *files, int to, int minutes);
int ticket_agent_message_spent(desk_t *d, const agent_t *a, long long id, long long version,
                               const char *body, bool internal, const uploads_t *files,
                               int minutes);
/* A finding of a kind (fault_code, error_log, reproduction, operation_path,
 * knowledge_gap, course_of_events, responsible_party). */
int ticket_add_finding(desk_t *d, const agent_t *a, long long id, long long version,
                       const char *kind, const char *text);
bool ticket_finding_kind_valid(const char *kind);
int ticket_add_collaborator(desk_t *d, const agent_t *a, long long id, long long version,
                            long long agent_id, const char *role);
/* The collaborators of a ticket in the order they were added: their id,
 * name and role on the ticket. The number, or -1. */
int ticket_each_collaborator(desk_t *d, long long id,
                             void (*fn)(long long agent_id, const char *name, const char *role,
                                        void *ctx),
                             void *ctx);
int ticket_remove_collaborator(desk_t *d, const agent_t *a, long long id, long long version,
                               long long agent_id);
/* A status set by hand: only those ticket_agent_may_move allows (a proposal,
 * the customer's confirmation and owner changes have actions of their own). */
int ticket_change_status(desk_t *d, const agent_t *a, long long id, long long version,
                         ticket_status_t to, const char *reason);
/* What the ticket page needs to offer the steps that fit (ticket_next.h):
 * the person's part in the ticket, the open escalation and who may answer
 * it, the pending proposal, the survey, the status before a pause. */
int ticket_situation(desk_t *d, const agent_t *a, const ticket_t *t, ticket_situation_t *s);
/* The natures of a problem (问题性质) an agent may record on classifying it,
 * NULL-ended: functional, performance, compatibility, usage, question. */
extern const char *const ticket_natures[];
bool ticket_nature_valid(const char *nature);
/* Classification: category (re-routes to its team) and nature (NULL: none;
 * else one of ticket_natures, or OUTCOME_INVALID). */
int ticket_classify(desk_t *d, const agent_t *a, long long id, long long version,
                    const category_t *cat, const char *nature);
/* Priority requests and their decisions: lib/desk/ticket/priority_request.h. */

/* Escalates to R&D (问题升级申请单): reason and impact required, the
 * customer's expected resolution time optional; R&D's answer is due within
 * SLA.EscalationMinutes (default 240) business minutes. team: a team that
 * answers escalations (lib/desk/ticket/escalation.h), 0 for the first one;
 * its members are mailed and may then open the ticket, add notes and
 * answer. The customer sees that the issue was escalated (not the
 * reasons). Whoever may work on it. */
int ticket_escalate(desk_t *d, const agent_t *a, long long id, long long version,
                    const char *reason, const char *impact, time_t expected, long long team);
/* R&D's answer to the open escalation: the plan. Supervisors, admins and
 * members of the team it went to. */
int ticket_answer_escalation(desk_t *d, const agent_t *a, long long id, long long version,
                             const char *plan);

/* Sends the customer a temporary workaround (临时解决方案): the measures
 * (required), any compensation, when the final fix is expected (0:
 * unknown). It goes on the thread and out by mail like a reply, and stops
 * the workaround clock (lib/desk/ticket/workaround.h), the event saying
 * "met" or "missed". Who may work the ticket; not on a resolved or closed
 * one. */
int ticket_send_workaround(desk_t *d, const agent_t *a, long long id, long long version,
                           const char *measures, const char *compensation, time_t fix_expected);

/* Proposes a solution (方案确认): how it is delivered (remote, onsite,
 * documentation, patch), the steps, the expected result and the risks; the
 * ticket moves to solution_proposed and the customer is asked to confirm. */
int ticket_propose_solution(desk_t *d, const agent_t *a, long long id, long long version,
                            const char *delivery, const char *steps, const char *expected,
                            const char *risks);
/* The customer confirms the pending proposal in writing: their name, the
 * time, their address and the exact text are kept; the ticket moves to
 * in_execution. OUTCOME_BAD_TRANSITION when nothing waits for confirmation. */
int ticket_confirm_solution(desk_t *d, long long id, const char *name, const char *ip);
/* The agent records a confirmation that reached the desk another way: by
 * email or a signed paper (its copy attached: OUTCOME_EVIDENCE_REQUIRED
 * without one) or by phone (a note of the call required): the customer's
 * name, how, when and who recorded it are kept with the confirmed text, and
 * the ticket moves to in_execution as if confirmed on the portal. */
int ticket_record_confirmation(desk_t *d, const agent_t *a, long long id, long long version,
                               const char *via, const char *name, const char *note,
                               const uploads_t *files);
/* The customer asks a question instead: the message joins the thread and
 * the ticket goes back to in_progress. */
int ticket_question_solution(desk_t *d, long long id, const char *name, const char *question);
/* The customer asks to close an open ticket (their problem went away or
 * is solved): recorded in the thread for the owner to resolve it; the
 * reason may be NULL. OUTCOME_BAD_TRANSITION once resolved or closed. */
int ticket_request_close(desk_t *d, long long id, const char *name, const char *reason);
/* The pending proposal's text, malloc'd into *text (NULL when none). */
int ticket_pending_solution(desk_t *d, long long id, char **text);

/* Logs a step of the work: kind part_replaced, backup, upgrade or
 * step, what was done, and for a replaced part the old and new serial
 * numbers (either may be NULL). Shown in the thread and listed under "work
 * done" on the acceptance form. */
int ticket_log_work(desk_t *d, const agent_t *a, long long id, long long version,
                    const char *kind, const char *text, const char *old_serial,
                    const char *new_serial);
int ticket_log_work_spent(desk_t *d, const agent_t *a, long long id, long long version,
                          const char *kind, const char *text, const char *old_serial,
                          const char *new_serial, int minutes);
/* Signs the service acceptance form (lib/desk/ticket/ticket_acceptance.h):
 * accepted closes the ticket; not accepted reopens it (back to its owner,
 * in progress, with the remarks in the thread, counted as a reopen). The
 * form is archived exactly as shown. OUTCOME_BAD_TRANSITION when the
 * ticket is not waiting for acceptance. */
int ticket_sign_acceptance(desk_t *d, long long id, bool accepted, const char *remarks,
                           const char *name, const char *ip);

/* The last signed acceptance form of a ticket, as archived: the text, the
 * document (JSON text of ticket_acceptance_doc; NULL when signed before
 * documents were kept), the result, remarks, signer and time (strings
 * malloc'd). OUTCOME_OK, OUTCOME_NOT_FOUND or a failure. */
typedef struct acceptance {
    char *form, *doc, *remarks;
    char result[10], name[401];
    time_t signed_at;
} acceptance_t;
int ticket_signed_acceptance(desk_t *d, long long id, acceptance_t *a);

/* Decrypts the contact details for someone allowed to see them
 * (can_see_contacts and the ticket visible) and records the reveal in the
 * ticket's internal history. */
int ticket_reveal_contacts(desk_t *d, const agent_t *a, long long id, char *email, size_t ecap,
                           char *phone, size_t pcap);
/* The contact details once more, with no new history entry, for someone who
 * revealed them on this ticket within the last Contacts.ShowMinutes: a
 * reload after the reveal shows what was revealed. OUTCOME_NOT_FOUND
 * (nothing filled) when they have not revealed them lately. */
int ticket_revealed_contacts(desk_t *d, const agent_t *a, long long id, char *email,
                             size_t ecap, char *phone, size_t pcap);

#endif
