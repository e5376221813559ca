/* slatarget: one SLA target as an admin states it, an amount and its unit,
 * and what it means on a business calendar (pure functions over bizclock).
 *
 *   minute   N working minutes of the calendar;
 *   hour     N working hours, N x 60 working minutes ("2 小时" on a
 *            09:00-18:00 calendar: Monday 17:00 -> Tuesday 10:00);
 *   workday  N working days: the same position of the business clock on
 *            the N-th working day after (bizclock_workdays_due(): Tuesday
 *            10:00 + 3 -> Friday 10:00, Friday 15:00 + 1 -> Monday 15:00).
 *
 * A promise of "24 小时" on a calendar that does not run round the clock is
 * one working day ("by this time on the next working day"): 24 working
 * hours would be 3.2 days of a 7.5-hour calendar, longer than the "3 个工作日"
 * resolution the same promise sets. On a 7x24 calendar a working day is
 * exactly 24 hours, so the two readings agree there.
 *
 * A target turns into a budget of working seconds counted from the clock's
 * start; pauses then push the due on as they do for any budget. */
#ifndef DESK_SLATARGET_H
#define DESK_SLATARGET_H

#include <stdbool.h>
#include <stddef.h>

#include "core/bizclock.h"

typedef enum sla_unit { SLA_MINUTE, SLA_HOUR, SLA_WORKDAY, SLA_UNIT_COUNT } sla_unit_t;

/* amount 0 means no target (on a level) or inherited (on an override). */
typedef struct sla_target {
    long long amount;
    sla_unit_t unit;
} sla_target_t;

/* Largest amounts, about two years each: a larger one is a typing error. */
#define SLA_MAX_MINUTES 1051200LL
#define SLA_MAX_HOURS 17520LL
#define SLA_MAX_WORKDAYS 500LL

/* "minute", "hour", "workday" (the database's and the forms' codes). */
const char *sla_unit_code(sla_unit_t u);
/* The unit of a code, or -1. */
int sla_unit_parse(const char *code);
/* The largest amount allowed in a unit. */
long long sla_unit_max(sla_unit_t u);

/* The working seconds a clock started at start gets from the target on
 * calendar c: 0 for no target, -1 when the calendar cannot place it
 * (no working day within reach). */
long long sla_target_seconds(const bizcal_t *c, time_t start, sla_target_t t);

/* The due of the target for a clock started at start, leaving out the
 * pauses (bizclock_due_paused() rules): 0 for no target and while an open
 * pause holds the clock, -1 on error. */
time_t sla_target_due(const bizcal_t *c, time_t start, sla_target_t t,
                      const bizclock_pause_t *p, int n);

/* The least and the most working minutes the target can hold, whatever
 * the start, on calendar c: exact for minutes and hours; for working days
 * amount x the calendar's shortest and longest working day. false when the
 * calendar has no working day. */
bool sla_target_range(const bizcal_t *c, sla_target_t t, long long *lo, long long *hi);

/* Whether a can never fall due after b, whatever the start, on calendar c
 * (no target on either side: true). Minutes and hours compare exactly, and
 * so do two amounts of working days; against working days the calendar's
 * shortest and longest working days decide (bizcal_workday_minutes()). */
bool sla_target_not_after(const bizcal_t *c, sla_target_t a, sla_target_t b);

/* The target as text for the audit log and the logs: "24 hour",
 * "3 workday", "" for none. */
void sla_target_text(sla_target_t t, char *out, size_t cap);

/* The targets of a level (table priorities) or of an override of a level
 * (sla_policies) as an admin states them: the calendar they are counted
 * in (an id), the four targets, and when the warning falls (a percentage of
 * the time). 0 is "none" on a level and "the level's" on an override. */
typedef struct sla_targets {
    long long calendar, warning;
    sla_target_t classify, first, resolution, update;
} sla_targets_t;

/* Whether an override states anything at all (one of its targets, its
 * calendar or its warning). */
bool sla_targets_any(const sla_targets_t *t);

/* Whether code is the code of a level or a calendar: a lower-case letter,
 * then lower-case letters, digits and _. */
bool sla_code_ok(const char *code);

#endif
