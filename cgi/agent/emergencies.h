/* agent_emergencies: the emergency pages (cgi/agent/emergencies.c), the
 * emergency block of a ticket page, and the problem record started from a
 * closed emergency (for cgi/agent/problems.c). */
#ifndef DESK_AGENT_EMERGENCIES_H
#define DESK_AGENT_EMERGENCIES_H

#include "agent/web.h"

void agent_page_emergencies(web_t *w, const char *arg);
void agent_page_emergency_new(web_t *w, const char *arg);
void agent_do_emergency_new(web_t *w, const char *arg);
void agent_page_emergency(web_t *w, const char *arg);
void agent_do_emergency_act(web_t *w, const char *arg);
/* Emergencies.N.* of a ticket page (those the viewer may see), and
 * Perm.emergency: whether they may declare one. */
void agent_ticket_emergencies(web_t *w, long long ticket_id);

/* The emergency a new problem record starts from (src=emergency&emergency=ID,
 * one the viewer may see), else 0. */
long long agent_problem_from_emergency(web_t *w);
/* The new form's title, tickets and timeline from the emergency (its
 * tickets, timeline and summary), FromEmergency.*, and Carry.* for the
 * form to send back. An outcome. */
int agent_problem_emergency_prefill(web_t *w, long long id);
/* Carry.* alone (a refused submission). */
void agent_problem_emergency_carry(web_t *w, long long id);
/* Records on the emergency the record started from it, in the open
 * transaction. */
int agent_problem_emergency_link(web_t *w, long long emergency_id, long long problem_id);

#endif
