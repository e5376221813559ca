/* libFuzzer target for lib/core/ics_write.c (make fuzz; then
 * build/fuzz/fuzz_ics_write -max_total_time=60): the invitation writer
 * takes text people typed (a meeting's title, place and agenda, people's
 * names), so whatever bytes they hold must not break the calendar apart.
 *
 * The input is cut at NULs into summary, location, description, a name and
 * an address. Checked: every physical line ends with CRLF, holds no other
 * CR or LF, is at most 75 octets, and a continuation line (starting with a
 * space) never starts inside a UTF-8 sequence the writer itself split;
 * unfolded, the only BEGIN and END lines are the writer's own (so typed
 * text cannot open a component), and they pair up. A bad address yields
 * NULL, never a broken calendar. (It found a run of UTF-8 continuation
 * bytes folding forever: nowhere to cut "between characters".) */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/ics_write.h"

static const char *next_part(const char **p, const char *end)
{
    const char *s = *p;
    const char *z = memchr(s, '\0', (size_t)(end - s));
    *p = z ? z + 1 : end;
    return s;
}

static void check(const char *t, size_t n)
{
    int begins = 0, ends = 0;
    for (size_t i = 0; i < n;) {
        const char *line = t + i;
        const char *crlf = strstr(line, "\r\n");
        if (!crlf)
            abort();
        size_t len = (size_t)(crlf - line);
        if (len > 75 || memchr(line, '\r', len) || memchr(line, '\n', len))
            abort();
        if (line[0] != ' ') {
            begins += strncmp(line, "BEGIN:", 6) == 0;
            ends += strncmp(line, "END:", 4) == 0;
        }
        i += len + 2;
    }
    if (begins != ends || begins < 2)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';
    const char *p = buf, *end = buf + size;
    const char *summary = next_part(&p, end), *location = p < end ? next_part(&p, end) : "";
    const char *description = p < end ? next_part(&p, end) : "";
    const char *name = p < end ? next_part(&p, end) : "";
    const char *email = p < end ? next_part(&p, end) : "x@example.com";
    ics_person_t who[2] = {{name, "a@example.com"}, {summary, email}};
    ics_zone_t zone = {.tzid = "Asia/Shanghai", .offset = 8 * 3600};
    ics_event_t e = {.method = size % 2 ? "REQUEST" : "CANCEL", .uid = "u@x", .sequence = 3,
                     .stamp = 1797386400, .start = 1797386400, .end = 1797390000,
                     .zone = size % 3 ? &zone : NULL, .organiser = {name, "o@example.com"},
                     .attendees = who, .nattendees = 2, .summary = summary,
                     .location = location, .description = description};
    size_t n = 0;
    char *t = ics_write_event(&e, &n);
    if (t) {
        if (strlen(t) != n)
            abort();
        check(t, n);
        free(t);
    }
    free(buf);
    return 0;
}
