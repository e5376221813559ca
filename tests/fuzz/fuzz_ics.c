/* libFuzzer target: an iCalendar file as the calendar import reads it
 * (lib/core/ics.c), with the import's limit on days.
 *
 * Checked: a result is sorted, each date once, real (YYYY-MM-DD), with a
 * one-line name of valid UTF-8; a refusal has an error key and no days. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/calrules.h"
#include "core/ics.h"
#include "core/text.h"

#define IMPORT_MAX_DAYS 400 /* cgi/admin/calendars.c */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ics_result_t r;
    if (ics_parse_days((const char *)data, size, IMPORT_MAX_DAYS, &r) != 0) {
        if (!r.error || r.days || r.n)
            abort();
        ics_result_free(&r);
        return 0;
    }
    if (r.n < 1 || r.n > IMPORT_MAX_DAYS || r.error)
        abort();
    for (int i = 0; i < r.n; i++) {
        const ics_day_t *d = &r.days[i];
        if (!calrules_date_ok(d->date) || (i && strcmp(d[-1].date, d->date) >= 0))
            abort();
        if (!text_is_clean_utf8(d->name, strlen(d->name)) || strpbrk(d->name, "\t\r\n"))
            abort();
    }
    ics_result_free(&r);
    return 0;
}
