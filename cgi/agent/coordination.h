/* agent_coordination: the weekly coordination view (cgi/agent/coordination.c). */
#ifndef DESK_AGENT_COORDINATION_H
#define DESK_AGENT_COORDINATION_H

#include <stdbool.h>
#include <time.h>

#include "agent/web.h"

void agent_page_coordination(web_t *w, const char *arg);
void agent_page_coordination_tickets(web_t *w, const char *arg);
/* On a meeting's page and its pack: for a weekly coordination meeting,
 * Coord.at (a day of the last whole week before the meeting) and, when
 * table, that week's view (Teams.*, Figs.*, Total.*, Week.*). */
void agent_coordination_meeting(web_t *w, const char *kind, time_t starts, bool table);

#endif
