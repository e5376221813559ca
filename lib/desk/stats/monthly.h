/* monthly: the previous month's report, mailed by the scheduler on the 1st.
 *
 * When Stats.MonthlyMail is on, from Stats.MonthlyHour (local, the desk's
 * zone) on the 1st of a month, each recipient gets one mail with the
 * previous month's headline figures beside the month before, a link to the
 * statistics page of that month and the whole report as a workbook
 * (lib/desk/stats/workbook.h) attached. The recipients are the active
 * people of the roles of Stats.MonthlyRoles and the people of
 * Stats.MonthlyPeople, each with an address; each gets the report in their
 * language and in their own scope, as the statistics page would show it to
 * them (stats_scope: an agent their first team; the figures per agent only
 * to those who see them), and never a contact detail.
 *
 * Exactly once per month and recipient: a row of stats_monthly_mail (month,
 * person) is inserted in the transaction that queues the mail, so a pass
 * that dies half way leaves the rest to the next pass, and of two
 * schedulers only one queues each mail. Only the previous month's report is
 * ever sent: a desk that was down over the 1st sends it when it comes back
 * (any day of the month), never the months before. A person added to the
 * recipients during a month gets that report at the next pass. */
#ifndef DESK_STATS_MONTHLY_H
#define DESK_STATS_MONTHLY_H

#include <stdbool.h>
#include <time.h>

#include "desk/desk.h"
#include "desk/stats/period.h"

/* The month before the local month of now into *out, and whether its
 * report is due (false on the 1st before Stats.MonthlyHour). */
bool stats_monthly_due(desk_t *d, time_t now, stats_period_t *out);

/* One pass: queues up to max of the mails of the month due that are not
 * queued yet (nothing when Stats.MonthlyMail is off), so that a scheduler
 * with many recipients goes on raising alerts between them; their number
 * goes to *queued. OUTCOME_OK, or a negative outcome after logging (the
 * rest next pass). */
int stats_monthly_pass(desk_t *d, int max, int *queued);

#endif
