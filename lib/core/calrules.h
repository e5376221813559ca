/* calrules: the calendar admin page's checks and texts (pure functions).
 *
 * A weekday's working spans are edited as one line of text,
 * "09:00-12:00, 13:30-18:00" (separators: commas, Chinese commas,
 * semicolons, spaces; "24:00" ends a day). Spans must start before they end
 * and must not overlap; touching spans are allowed (bizcal merges them). */
#ifndef DESK_CALRULES_H
#define DESK_CALRULES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/bizclock.h"

/* Parses text into at most max spans sorted by start. Returns how many
 * (0: an empty text, no working time that day), or -1 with *err one of
 * "span_format", "span_order" (start not before end), "span_overlap",
 * "span_too_many". */
int calrules_parse_spans(const char *text, bizcal_span_t *out, int max, const char **err);

/* "09:00-12:00, 13:30-18:00" (empty for n == 0), cut to cap. */
void calrules_format_spans(const bizcal_span_t *s, int n, char *out, size_t cap);

/* Whether tz names an IANA zone the clock can load (as lib/desk/catalog/catalog.c will). */
bool calrules_zone_ok(const char *tz);

/* Whether s is a real date "YYYY-MM-DD" in 1970-2199. */
bool calrules_date_ok(const char *s);

#endif
