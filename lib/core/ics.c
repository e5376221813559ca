/* ics: see ics.h. */
#include "core/ics.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"

#define LINE_MAX_BYTES 8192

/* ----------------------------------------------------------- dates */

static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void civil_from_days(long z, char out[11])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1), m = (int)(mp < 10 ? mp + 3 : mp - 9);
    int y = (int)(yoe + era * 400 + (m <= 2));
    out[0] = (char)('0' + y / 1000 % 10), out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10), out[3] = (char)('0' + y % 10), out[4] = '-';
    out[5] = (char)('0' + m / 10), out[6] = (char)('0' + m % 10), out[7] = '-';
    out[8] = (char)('0' + d / 10), out[9] = (char)('0' + d % 10), out[10] = '\0';
}

/* "YYYYMMDD" (exactly) to days since 1970-01-01; -1 if not a real date in
 * 1970-2199. *timed is set when a time of day follows ("T..."). */
static long parse_date(const char *v, bool *timed)
{
    *timed = false;
    if (strspn(v, "0123456789") != 8 || (v[8] && v[8] != 'T'))
        return -1;
    *timed = v[8] == 'T';
    int y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
    int m = (v[4] - '0') * 10 + (v[5] - '0'), d = (v[6] - '0') * 10 + (v[7] - '0');
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100) || y % 400 == 0;
    if (y < 1970 || y > 2199 || m < 1 || m > 12 || d < 1 ||
        d > len[m - 1] + (m == 2 && leap))
        return -1;
    return days_from_civil(y, m, d);
}

/* "P7D", "P1W" (also "P1DT0H"...: only whole days count) in days; -1. */
static long parse_duration(const char *v)
{
    if (*v == '+')
        v++;
    if (*v++ != 'P')
        return -1;
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || n < 0 || (*end != 'D' && *end != 'W'))
        return -1;
    if (n > 100000) /* far over the 366 days allowed: no overflow below (end_event) */
        n = 100000;
    return *end == 'W' ? n * 7 : n;
}

/* -------------------------------------------------------- the event */

typedef struct event {
    int line; /* of BEGIN:VEVENT */
    long start, end; /* days; end exclusive, 0 = not given */
    long duration;   /* days, -1 = not given */
    bool timed, repeating, has_start;
    char summary[ICS_NAME_MAX * 4 + 1];
} event_t;

/* A date taken, and where its day is in the result. */
typedef struct seen {
    char date[11];
    int at;
} seen_t;

typedef struct parser {
    ics_result_t *out;
    int max_days, cap;
    seen_t *seen; /* the result's dates in order (ISO dates sort as text) */
    bool in_cal, in_event, done;
    int depth; /* other components (VALARM, VTIMEZONE...) */
    event_t ev;
} parser_t;

static int fail(parser_t *p, const char *key, int line)
{
    p->out->error = key;
    p->out->line = line;
    return -1;
}

/* SUMMARY text: escapes undone, cut to ICS_NAME_MAX characters, one line. */
static void unescape(const char *v, char *out, size_t cap)
{
    size_t n = 0, chars = 0;
    for (; *v; v++) {
        char c = *v;
        if (c == '\\' && v[1]) {
            c = *++v;
            if (c == 'n' || c == 'N')
                c = ' ';
        }
        if ((unsigned char)c < ' ')
            c = ' ';
        bool lead = ((unsigned char)c & 0xC0) != 0x80;
        if ((lead && chars == ICS_NAME_MAX) || n + 1 >= cap)
            break; /* cap holds ICS_NAME_MAX characters of 4 bytes */
        chars += lead;
        out[n++] = c;
    }
    out[n] = '\0';
    text_trim(out);
}

static bool says_worked(const char *s)
{
    return strstr(s, "补班") || strstr(s, "上班") || strcasestr(s, "working day") ||
           strcasestr(s, "workday");
}

/* Where date is in p->seen, or where it would go. */
static int seen_index(const parser_t *p, const char *date)
{
    int lo = 0, hi = p->out->n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (strcmp(p->seen[mid].date, date) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int add_day(parser_t *p, long day, const event_t *e)
{
    ics_result_t *r = p->out;
    char date[11];
    civil_from_days(day, date);
    bool worked = says_worked(e->summary);
    int k = seen_index(p, date);
    if (k < r->n && !strcmp(p->seen[k].date, date)) {
        if (r->days[p->seen[k].at].workday != worked)
            return fail(p, "ics_conflict", e->line);
        return 0;
    }
    if (r->n == p->max_days)
        return fail(p, "ics_too_many", e->line);
    if (r->n == p->cap) {
        int cap = p->cap ? p->cap * 2 : 32;
        ics_day_t *d = realloc(r->days, (size_t)cap * sizeof *d);
        if (d)
            r->days = d;
        seen_t *s = d ? realloc(p->seen, (size_t)cap * sizeof *s) : NULL;
        if (!s)
            return fail(p, "ics_too_many", e->line);
        p->seen = s;
        p->cap = cap;
    }
    memmove(&p->seen[k + 1], &p->seen[k], (size_t)(r->n - k) * sizeof *p->seen);
    memcpy(p->seen[k].date, date, sizeof date);
    p->seen[k].at = r->n;
    ics_day_t *d = &r->days[r->n++];
    memcpy(d->date, date, sizeof date);
    d->workday = worked;
    memcpy(d->name, e->summary, sizeof d->name);
    return 0;
}

static int end_event(parser_t *p, int line)
{
    event_t *e = &p->ev;
    if (!e->has_start)
        return fail(p, "ics_no_start", e->line);
    if (e->timed) {
        p->out->skipped_timed++;
        return 0;
    }
    if (e->repeating) {
        p->out->skipped_repeating++;
        return 0;
    }
    long end = e->end ? e->end : e->duration >= 0 ? e->start + e->duration : e->start + 1;
    if (end <= e->start || end - e->start > 366)
        return fail(p, "ics_bad_range", e->end ? e->line : line);
    for (long day = e->start; day < end; day++)
        if (add_day(p, day, e))
            return -1;
    return 0;
}

/* One property of an event: NAME;PARAMS:VALUE (name compared without case). */
static int event_property(parser_t *p, const char *name, size_t nlen, const char *value, int line)
{
    event_t *e = &p->ev;
    bool timed = false;
    if (nlen == 7 && !strncasecmp(name, "DTSTART", 7)) {
        if ((e->start = parse_date(value, &timed)) < 0)
            return fail(p, "ics_bad_date", line);
        e->has_start = true;
        e->timed = timed;
    } else if (nlen == 5 && !strncasecmp(name, "DTEND", 5)) {
        if ((e->end = parse_date(value, &timed)) < 0)
            return fail(p, "ics_bad_date", line);
    } else if (nlen == 8 && !strncasecmp(name, "DURATION", 8)) {
        if ((e->duration = parse_duration(value)) < 0)
            return fail(p, "ics_bad_date", line);
    } else if (nlen == 5 && !strncasecmp(name, "RRULE", 5)) {
        e->repeating = true;
    } else if (nlen == 7 && !strncasecmp(name, "SUMMARY", 7)) {
        unescape(value, e->summary, sizeof e->summary);
    }
    return 0;
}

static bool is(const char *line, const char *what)
{
    return !strcasecmp(line, what);
}

static int begin_end(parser_t *p, const char *line, int no)
{
    bool begin = !strncasecmp(line, "BEGIN:", 6);
    const char *what = line + (begin ? 6 : 4);
    if (!p->in_cal) {
        if (!begin || !is(what, "VCALENDAR"))
            return fail(p, "ics_not_calendar", no);
        p->in_cal = true;
        return 0;
    }
    if (p->depth) { /* inside a component we do not read (VALARM...) */
        p->depth += begin ? 1 : -1;
        return 0;
    }
    if (is(what, "VEVENT")) {
        if (begin == p->in_event)
            return fail(p, "ics_structure", no);
        p->in_event = begin;
        if (begin) {
            memset(&p->ev, 0, sizeof p->ev);
            p->ev.line = no;
            p->ev.duration = -1;
            return 0;
        }
        return end_event(p, no);
    }
    if (is(what, "VCALENDAR")) {
        if (begin || p->in_event)
            return fail(p, "ics_structure", no);
        p->done = true;
        return 0;
    }
    if (!begin)
        return fail(p, "ics_structure", no);
    p->depth = 1;
    return 0;
}

static int logical_line(parser_t *p, char *line, int no)
{
    if (!*line)
        return 0;
    if (p->done)
        return fail(p, "ics_structure", no);
    if (!strncasecmp(line, "BEGIN:", 6) || !strncasecmp(line, "END:", 4))
        return begin_end(p, line, no);
    if (!p->in_cal)
        return fail(p, "ics_not_calendar", no);
    char *colon = strchr(line, ':');
    if (!colon)
        return fail(p, "ics_line", no);
    if (!p->in_event || p->depth)
        return 0;
    size_t nlen = strcspn(line, ";:");
    return event_property(p, line, nlen, colon + 1, no);
}

/* Unfolds the physical lines into logical ones and feeds them on. */
static int run(parser_t *p, const char *data, size_t len)
{
    char *buf = malloc(LINE_MAX_BYTES + 1);
    size_t n = 0;
    int no = 0, start_no = 1, rc = 0;
    if (!buf)
        return fail(p, "ics_too_many", 0);
    for (size_t i = 0; rc == 0 && i <= len; i++) {
        bool eol = i == len || data[i] == '\n';
        if (!eol) {
            if (data[i] != '\r' && n < LINE_MAX_BYTES)
                buf[n++] = data[i];
            continue;
        }
        no++;
        bool folded = i + 1 < len && (data[i + 1] == ' ' || data[i + 1] == '\t');
        if (folded) {
            i++; /* the continuation's first character is the fold */
            continue;
        }
        buf[n] = '\0';
        rc = logical_line(p, buf, start_no);
        n = 0;
        start_no = no + 1;
    }
    free(buf);
    return rc;
}

int ics_parse_days(const char *data, size_t len, int max_days, ics_result_t *out)
{
    memset(out, 0, sizeof *out);
    parser_t p = {.out = out, .max_days = max_days};
    if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3)) /* a byte order mark */
        data += 3, len -= 3;
    int rc = !text_is_clean_utf8(data, len) ? fail(&p, "ics_encoding", 0) : run(&p, data, len);
    if (rc == 0 && !p.in_cal)
        rc = fail(&p, "ics_not_calendar", 1);
    else if (rc == 0 && !p.done)
        rc = fail(&p, "ics_truncated", 0);
    else if (rc == 0 && out->n == 0)
        rc = fail(&p, "ics_no_days", 0);
    ics_day_t *sorted = rc ? NULL : malloc((size_t)out->n * sizeof *sorted);
    if (!rc && !sorted)
        rc = fail(&p, "ics_too_many", 0);
    for (int i = 0; sorted && i < out->n; i++)
        sorted[i] = out->days[p.seen[i].at];
    free(p.seen);
    free(out->days);
    out->days = sorted;
    if (rc) {
        out->n = 0;
        return -1;
    }
    return 0;
}

void ics_result_free(ics_result_t *r)
{
    free(r->days);
    r->days = NULL;
    r->n = 0;
}
