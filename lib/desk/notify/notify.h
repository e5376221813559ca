/* notify: which notification each event sends, to whom, with what data.
 * Each function queues through lib/desk/notify/outbox.h inside the caller's
 * open transaction, so a message exists exactly when its cause committed;
 * a dedupe key per event and recipient keeps a retried change from queueing
 * twice. A customer without an email address gets no mail; that is not an
 * error. */
#ifndef DESK_NOTIFY_H
#define DESK_NOTIFY_H

#include "desk/sla/sla.h"
#include "desk/ticket/ticket_record.h"

/* "ticket_created" to the customer: number, category, priority, deadlines
 * and the private follow link. */
int notify_ticket_created(desk_t *d, long long ticket_id, const ticket_new_t *in,
                          const priority_t *p, const char *number, const char *follow_token,
                          const sla_dues_t *due);
/* "ticket_reply" to the customer: an agent's public reply (event_id names
 * the reply, for the dedupe key). */
int notify_customer_reply(desk_t *d, long long ticket_id, long long event_id, const char *body);
/* An SLA alert to the owner (and, for classification, acceptance and
 * escalation, the supervisors): "sla_warning", "sla_breach",
 * "acceptance_reminder", "progress_update" or "escalation_due". deadline is
 * the clock's due instant (for a warning, the breach it warns of). */
int notify_sla_alert(desk_t *d, long long ticket_id, sla_alert_t alert, time_t deadline,
                     long long owner_id);

/* "escalation_request" to every active member of the R&D team an
 * escalation went to (once per escalation and person): the ticket, who
 * owns it and the answer's deadline; the reasons stay on the ticket. */
int notify_escalation(desk_t *d, long long ticket_id, long long escalation_id, long long team_id,
                      time_t due);

/* "ticket_resolved" to the customer (reason: the resolution summary, or
 * NULL); the event id keeps a resolve, reopen and resolve again apart. */
int notify_resolved(desk_t *d, long long ticket_id, long long event_id, const char *summary);
/* "ticket_merged" to the customer of a ticket merged into another: into
 * names the ticket that carries on (its number and subject); the private
 * link of the merged ticket now shows it. */
int notify_merged(desk_t *d, long long ticket_id, const char *into);
/* "new_assignment" to the agent the ticket was assigned to. */
int notify_assignment(desk_t *d, long long ticket_id, long long agent_id, time_t accept_due);
/* "solution_to_confirm" to the customer with the proposal. */
int notify_solution(desk_t *d, long long ticket_id, long long solution_id, const char *text);
/* The private link mailed again to the ticket's contact address (at most
 * once an hour per ticket). */
int notify_follow_link(desk_t *d, long long ticket_id, time_t now);
/* "survey_invitation" to the customer, 24 h after closure when they have not
 * answered yet (the survey opens at closure and is reached from the
 * ticket's private link). */
int notify_survey(desk_t *d, long long ticket_id);

#endif
