/* ics: the all-day events of an iCalendar file (RFC 5545) as holidays and
 * make-up working days, for the calendar admin page's import (pure C).
 *
 * Read: lines unfolded (CRLF or LF, continuation lines start with a space
 * or tab); inside each VEVENT, DTSTART, DTEND (exclusive) or DURATION
 * (PnD / PnW) and SUMMARY (escapes \\ \; \, \n undone). An event whose
 * DTSTART is a DATE (";VALUE=DATE:20261001", or just 8 digits) covers its
 * days; without DTEND or DURATION it is one day. Its days are holidays,
 * unless its SUMMARY says they are worked (补班, 上班, "working day",
 * "workday"): then they are make-up working days (调休). Events with a
 * time of day, and repeating events (RRULE), are left out and counted.
 *
 * Refused, with an error key and the line it was found on: not text in
 * UTF-8, not a VCALENDAR, BEGIN/END not matching, a line without ':', a
 * VEVENT without DTSTART, a malformed or impossible date, an end not after
 * its start or a range over 366 days, the same date both a holiday and a
 * working day, no all-day event at all, more than max_days dates. */
#ifndef DESK_ICS_H
#define DESK_ICS_H

#include <stdbool.h>
#include <stddef.h>

#define ICS_NAME_MAX 100 /* characters kept of a SUMMARY */

typedef struct ics_day {
    char date[11]; /* YYYY-MM-DD */
    bool workday;
    char name[ICS_NAME_MAX * 4 + 1]; /* UTF-8, one line, no tabs */
} ics_day_t;

typedef struct ics_result {
    ics_day_t *days; /* sorted by date, each date once */
    int n;
    int skipped_timed, skipped_repeating;
    const char *error; /* NULL, or "ics_encoding", "ics_not_calendar", ... */
    int line;          /* where the error was found (1-based), 0 if nowhere */
} ics_result_t;

/* Parses data[0..len). 0, or -1 with out->error and out->line set (out->days
 * is then NULL). Free with ics_result_free() either way. */
int ics_parse_days(const char *data, size_t len, int max_days, ics_result_t *out);
void ics_result_free(ics_result_t *r);

#endif
