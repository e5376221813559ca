/* emergency_clock: the scheduler's pass over the emergencies' two clocks
 * (the preliminary plan, the feedback to the customer: emergency.h). Each
 * open emergency keeps next_alert_at, the earliest warning or deadline not
 * yet raised, so a pass reads only those whose moment has come. An alert
 * is raised once (the key of emergency_alerts), written to the timeline and
 * mailed to the team's lead and members; a warning found after its own
 * deadline is recorded silently (the breach says more). */
#ifndef DESK_EMERGENCY_CLOCK_H
#define DESK_EMERGENCY_CLOCK_H

#include "desk/desk.h"

/* Raises what is due on at most max emergencies; the number of alerts
 * raised, or -1. */
int emergency_alert_pass(desk_t *d, int max);

#endif
