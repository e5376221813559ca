/* The requirement evaluation and time spent of a ticket page
 * (cgi/agent/evaluation.c). */
#ifndef DESK_AGENT_EVALUATION_H
#define DESK_AGENT_EVALUATION_H

#include "agent/web.h"
#include "desk/ticket/ticket_record.h"

/* Evaluation.* and Evaluations.N.* of a customisation ticket's page. */
void agent_ticket_evaluation(web_t *w, const ticket_t *t);
/* Spent.people.N.* (name, minutes, span) and Spent.total of a ticket page. */
void agent_ticket_time_spent(web_t *w, long long ticket_id);
/* The actions "evaluation" (a product manager writes a revision) and
 * "evaluation_mail" (a decision received by mail, its copy in files). */
int agent_act_evaluation(web_t *w, long long id, long long version);
int agent_act_evaluation_mail(web_t *w, long long id, long long version, const uploads_t *files);
/* GET /agent/t/NUMBER/evaluation/print: one revision on A4. */
void agent_page_evaluation_print(web_t *w, const char *arg);

#endif
