/* agent_links: merging and linking tickets from the ticket page
 * (cgi/agent/links.c). */
#ifndef DESK_AGENT_LINKS_H
#define DESK_AGENT_LINKS_H

#include "agent/web.h"
#include "desk/ticket/ticket_record.h"

/* The links panel of a ticket page: Links.N.{kind, number, subject,
 * status}, only those whose other ticket this agent may see; LinkKinds.N. */
void agent_ticket_links(web_t *w, const ticket_t *t);
/* The page's merge form: merges ticket id into the number in "into"
 * ("reason" optional); a refusal's reason code in MergeError. */
int agent_act_merge(web_t *w, long long id);
/* The page's link forms: "kind" and the other ticket's number "other". */
int agent_act_link(web_t *w, long long id, bool add);

#endif
