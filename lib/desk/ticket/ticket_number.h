/* ticket_number: human-readable ticket numbers from a pattern.
 *
 * Pattern tokens: YYYY, MM, DD (the creation date in the desk's time zone)
 * and a run of N (the serial, zero-padded to that many digits, growing
 * wider if it must). Anything else is literal. The date part of the pattern
 * is the period in which the serial counts: a pattern with DD restarts each
 * day, one without restarts each month.
 * "YYYYMMDD-NNNN" (the default of Desk.TicketNumberFormat) gives 20261125-0001;
 * "YYYYMMNNNN" gives 2026110001. */
#ifndef DESK_TICKET_NUMBER_H
#define DESK_TICKET_NUMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/config.h"

/* The configuration's default pattern. */
#define TN_DEFAULT_PATTERN config_default(CFG_DESK_TICKET_NUMBER_FORMAT)
#define TN_MAX 32

/* True when the pattern has YYYY, MM, one run of N, and only [A-Za-z0-9-_]
 * literals, within 20 characters. */
bool tn_pattern_valid(const char *pattern);
/* The counting period for a local date: "YYYYMMDD" or "YYYYMM". */
void tn_period(const char *pattern, const struct tm *local, char out[9]);
/* Renders a number; returns 0, or -1 when it does not fit. */
int tn_render(const char *pattern, const struct tm *local, long serial, char *out, size_t cap);

#endif
