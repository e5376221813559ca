/* agent_coordination: the weekly coordination view (cgi/agent/coordination.c). */
#ifndef DESK_AGENT_COORDINATION_H
#define DESK_AGENT_COORDINATION_H

#include "agent/web.h"

void agent_page_coordination(web_t *w, const char *arg);
void agent_page_coordination_tickets(web_t *w, const char *arg);

#endif
