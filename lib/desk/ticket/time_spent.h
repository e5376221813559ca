/* time_spent: the minutes an agent spent on a ticket, carried by a reply,
 * a note or a work-log step (each figure beside its event), and their total
 * per person on the ticket. The progress table and the statistics read the
 * same rows. */
#ifndef DESK_TIME_SPENT_H
#define DESK_TIME_SPENT_H

#include <time.h>

#include "desk/desk.h"

#define TIME_SPENT_MAX 1440 /* minutes one entry may carry: a whole day */

/* Records the minutes of an event (0: none given, nothing recorded) in the
 * caller's transaction. OUTCOME_OK, OUTCOME_INVALID out of 0..TIME_SPENT_MAX,
 * or OUTCOME_UNAVAILABLE. */
int time_spent_record(desk_t *d, long long ticket_id, long long event_id, long long agent_id,
                      int minutes, time_t now);
/* The total per person on a ticket, the most first: fn(name, minutes).
 * The number of people, or <0. */
int time_spent_each_person(desk_t *d, long long ticket_id,
                           void (*fn)(const char *name, long long minutes, void *ctx), void *ctx);

#endif
