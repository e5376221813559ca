/* workaround: temporary workarounds (临时解决方案) and the "workaround within
 * 1 working day" clock.
 *
 * When the final fix will take longer, the customer is sent a workaround:
 * the measures, any compensation and when the final fix is expected. A
 * ticket gets the clock when it matches the admins' rule (Workaround.*
 * settings): its priority or its category is one of those named, or the
 * rule covers every ticket whose resolution target ends more than one
 * working day after intake. The clock counts one working day from intake
 * on the ticket's calendar (its SLA policy's), with a warning at the
 * warning share of that time, like the first-response clock; it is kept in
 * tickets.workaround_due_at / workaround_warn_at, alerted by the scheduler
 * (lib/desk/sla/slapass.h) and stopped by the first workaround sent
 * (tickets.workaround_sent_at: met when it is not after the due). */
#ifndef DESK_WORKAROUND_H
#define DESK_WORKAROUND_H

#include <stdbool.h>
#include <time.h>

#include "desk/desk.h"

/* The rule as the admins set it. */
typedef struct workaround_rule {
    const char *priorities, *categories; /* codes, comma- or space-separated */
    bool long_resolution;
} workaround_rule_t;

/* The rule in force (settings over the config file). */
workaround_rule_t workaround_rule(desk_t *d);

/* Whether a ticket of priority code prio and category code cat gets the
 * clock: named by the rule, or its resolution (due at resolution_due, 0
 * when it has no target) comes after the workaround's due. Pure. */
bool workaround_rule_applies(const workaround_rule_t *r, const char *prio, const char *cat,
                             time_t resolution_due, time_t workaround_due);

/* Sets or clears the ticket's clock by the rule (nothing once a workaround
 * was sent: the clock has stopped), in the caller's transaction, and
 * refreshes the ticket's next alert. 0 or -1. */
int workaround_clock_refresh(desk_t *d, long long ticket_id);

/* Records a workaround sent in event event_id and stops the clock; *met is
 * 1 sent in time, 0 late, -1 the ticket had no clock running. Returns the
 * workaround's id or -1. In the caller's transaction. */
long long workaround_record(desk_t *d, long long ticket_id, long long by, long long event_id,
                            const char *measures, const char *compensation, time_t fix_expected,
                            time_t now, int *met);

/* The ticket's latest workaround, for the ticket page and the follow page. */
typedef struct workaround {
    char by[401];
    char *measures, *compensation; /* malloc'd; workaround_free */
    time_t fix_expected_at, created_at;
} workaround_t;
/* 1 found, 0 none, -1. */
int workaround_latest(desk_t *d, long long ticket_id, workaround_t *w);
void workaround_free(workaround_t *w);

/* The ticket's clock: due (0: none), sent (0: not yet). 0 or -1. */
int workaround_clock(desk_t *d, long long ticket_id, time_t *due, time_t *sent);

#endif
