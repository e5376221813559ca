/* facts: what the statistics count, kept per ticket in the ticket's own
 * transaction: one row of ticket_facts (its dimensions, first response and
 * resolution with their durations in wall and business time, its SLA
 * clocks) and one row of ticket_spans per stretch it spent in the backlog
 * (from creation or a reopen until it was resolved). The reports
 * (lib/desk/stats/report.h) read only these two tables.
 *
 * Both rows are derived from the ticket as stored and its status history,
 * never patched by difference: stats_ticket_changed() rewrites them whole,
 * so a report is exact whatever path a change took, and a rebuild gives the
 * same rows. */
#ifndef DESK_STATS_FACTS_H
#define DESK_STATS_FACTS_H

#include <stdbool.h>

#include "desk/desk.h"

#define STATS_MAX_SPANS 64 /* reopens beyond this are counted in the last span */

/* Rewrites the fact and span rows of a ticket from its row and history;
 * inside the caller's transaction (the one that changed the ticket). 0 or -1. */
int stats_ticket_changed(desk_t *d, long long ticket_id);

/* Writes the rows of the tickets that have none (missing_only) or of every
 * ticket, in batches of their own transactions; *done counts the tickets
 * written. 0 or -1. */
int stats_rebuild(desk_t *d, bool missing_only, long *done);

/* The local date (desk's zone) of an instant as "YYYY-MM-DD". */
void stats_local_day(time_t t, char out[11]);

#endif
