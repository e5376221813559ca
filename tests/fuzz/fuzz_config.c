/* libFuzzer target: the configuration file (lib/core/config.c, an HDF file
 * read with ClearSilver's parser), then read as the desk reads it: strings
 * and clamped integers of the keys it uses, and the ticket number pattern.
 *
 * Checked: an integer read is within its bounds, or the default; nothing
 * leaks, even from a text refused (links, copies and attributes are refused
 * before ClearSilver reads the text: it follows a link to itself until the
 * stack overflows, and loses the attributes of a line it refuses). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "desk/ticket/ticket_number.h"

static const char *const keys[] = {
    "Desk.TimeZone", "Desk.TicketNumberFormat", "Desk.BaseURL", "DB.Socket", "DB.Password",
    "Portal.Workers", "Api.MaxBody", "Attachments.MaxBytes", "Attachments.MaxFiles",
    "Mail.SMTPURL", "Mail.FromName", "Session.IdleMinutes", "Queue.AtRiskMinutes",
    "Clock.OffsetSeconds", "Scheduler.IntervalSeconds", "Site.Name", "a.b.c.d.e.f", "",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';
    config_t cfg = {0};
    if (config_load_string(&cfg, text) == 0) {
        for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
            config_str(&cfg, keys[i], "default");
            long v = config_int(&cfg, keys[i], 7, -100, 100000);
            if (v != 7 && (v < -100 || v > 100000))
                abort();
        }
        const char *pattern = config_str(&cfg, "Desk.TicketNumberFormat", TN_DEFAULT_PATTERN);
        if (tn_pattern_valid(pattern)) {
            char out[TN_MAX];
            struct tm tm = {.tm_year = 126, .tm_mon = 2, .tm_mday = 1};
            if (tn_render(pattern, &tm, 42, out, sizeof out) != 0)
                abort();
        }
    }
    config_free(&cfg);
    free(text);
    return 0;
}
