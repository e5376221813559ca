/* ics_write: see ics_write.h.
 *
 * Each content line is first built whole (name, parameters, value) and then
 * written folded: at most 75 octets per physical line, a continuation line
 * being a space and up to 74 more octets, cut only before a UTF-8 lead
 * byte. */
#include "core/ics_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FOLD 75

int ics_zone_local(const char *tzid, time_t from, time_t to, ics_zone_t *z)
{
    memset(z, 0, sizeof *z);
    z->tzid = tzid;
    struct tm tm;
    localtime_r(&from, &tm);
    z->offset = (int)tm.tm_gmtoff;
    int prev = z->offset;
    /* offsets change at most a few times a year, never twice within a day:
     * step by a day, then find the second by halving */
    for (time_t t = from; t < to;) {
        time_t next = t + 86400 < to ? t + 86400 : to;
        localtime_r(&next, &tm);
        if ((int)tm.tm_gmtoff != prev) {
            time_t lo = t, hi = next; /* offset prev at lo, another at hi */
            while (hi - lo > 1) {
                time_t mid = lo + (hi - lo) / 2;
                localtime_r(&mid, &tm);
                if ((int)tm.tm_gmtoff == prev)
                    lo = mid;
                else
                    hi = mid;
            }
            localtime_r(&hi, &tm);
            if (z->n == ICS_CHANGES_MAX)
                return -1;
            z->changes[z->n++] = (ics_offset_change_t){hi, prev, (int)tm.tm_gmtoff, tm.tm_isdst > 0};
            prev = (int)tm.tm_gmtoff;
        }
        t = next;
    }
    return 0;
}

static int offset_at(const ics_zone_t *z, time_t t)
{
    int off = z->offset;
    for (int i = 0; i < z->n && z->changes[i].at <= t; i++)
        off = z->changes[i].to;
    return off;
}

/* "YYYYMMDDTHHMMSS" of t shifted by off seconds (with "Z" when utc). */
static void stamp(char *out, size_t cap, time_t t, int off, bool utc)
{
    time_t local = t + off;
    struct tm tm;
    gmtime_r(&local, &tm);
    snprintf(out, cap, "%04d%02d%02dT%02d%02d%02d%s", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, utc ? "Z" : "");
}

/* Writes line (without its end) folded, then CRLF. */
static void put_folded(FILE *f, const char *line)
{
    size_t n = strlen(line), room = FOLD;
    const unsigned char *p = (const unsigned char *)line;
    while (n > 0) {
        size_t k = n < room ? n : room;
        while (k < n && k > 0 && (p[k] & 0xC0) == 0x80) /* not inside a character */
            k--;
        if (k == 0) /* a run of continuation bytes, not UTF-8: cut it anywhere */
            k = n < room ? n : room;
        fwrite(p, 1, k, f);
        p += k;
        n -= k;
        if (n > 0)
            fputs("\r\n ", f);
        room = FOLD - 1;
    }
    fputs("\r\n", f);
}

/* A TEXT value escaped: \\ \; \, \n; CR dropped (a CRLF is one break); other
 * controls dropped. */
static void put_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\\' || c == ';' || c == ',')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c >= 0x20 && c != 0x7f)
            fputc(c, f);
    }
}

/* A quoted parameter value: no quotes, no controls. */
static void put_param(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != 0x7f && c != '"')
            fputc(c, f);
    }
    fputc('"', f);
}

static bool address_ok(const char *a)
{
    if (!a || !*a || !strchr(a, '@'))
        return false;
    for (const unsigned char *p = (const unsigned char *)a; *p; p++)
        if (*p <= ' ' || *p == 0x7f || *p == '"' || *p == '\\')
            return false;
    return true;
}

/* Builds one content line in a memory stream and writes it folded. */
typedef struct line {
    char *buf;
    size_t len;
    FILE *f;
} line_t;

static FILE *line_start(line_t *l)
{
    l->buf = NULL;
    l->f = open_memstream(&l->buf, &l->len);
    return l->f;
}

static int line_end(line_t *l, FILE *out)
{
    int rc = fclose(l->f) ? -1 : 0;
    if (!rc)
        put_folded(out, l->buf);
    free(l->buf);
    return rc;
}

static int text_line(FILE *out, const char *name, const char *value)
{
    if (!value || !*value)
        return 0;
    line_t l;
    if (!line_start(&l))
        return -1;
    fprintf(l.f, "%s:", name);
    put_text(l.f, value);
    return line_end(&l, out);
}

static int person_line(FILE *out, const char *name, const ics_person_t *p, bool attendee)
{
    line_t l;
    if (!line_start(&l))
        return -1;
    fputs(name, l.f);
    if (p->name && *p->name) {
        fputs(";CN=", l.f);
        put_param(l.f, p->name);
    }
    if (attendee)
        fputs(";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE", l.f);
    fprintf(l.f, ":mailto:%s", p->email);
    return line_end(&l, out);
}

static void put_offset(FILE *f, const char *name, int off)
{
    int a = off < 0 ? -off : off;
    fprintf(f, "%s:%c%02d%02d\r\n", name, off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
}

static void put_zone(FILE *f, const ics_zone_t *z)
{
    char when[48];
    fputs("BEGIN:VTIMEZONE\r\n", f);
    fprintf(f, "TZID:%s\r\n", z->tzid);
    if (z->n == 0) {
        fputs("BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n", f);
        put_offset(f, "TZOFFSETFROM", z->offset);
        put_offset(f, "TZOFFSETTO", z->offset);
        fputs("END:STANDARD\r\n", f);
    }
    for (int i = 0; i < z->n; i++) {
        const ics_offset_change_t *c = &z->changes[i];
        const char *kind = c->dst ? "DAYLIGHT" : "STANDARD";
        stamp(when, sizeof when, c->at, c->from, false); /* onset in the old offset */
        fprintf(f, "BEGIN:%s\r\nDTSTART:%s\r\n", kind, when);
        put_offset(f, "TZOFFSETFROM", c->from);
        put_offset(f, "TZOFFSETTO", c->to);
        fprintf(f, "END:%s\r\n", kind);
    }
    fputs("END:VTIMEZONE\r\n", f);
}

static bool tzid_ok(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    return n > 0 && n < 64 &&
           strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+-.") == n;
}

static int put_time(FILE *f, const char *name, time_t t, const ics_zone_t *z)
{
    char when[48];
    if (!z) {
        stamp(when, sizeof when, t, 0, true);
        return fprintf(f, "%s:%s\r\n", name, when) < 0 ? -1 : 0;
    }
    stamp(when, sizeof when, t, offset_at(z, t), false);
    return fprintf(f, "%s;TZID=%s:%s\r\n", name, z->tzid, when) < 0 ? -1 : 0;
}

static int put_event(FILE *f, const ics_event_t *e, bool cancel)
{
    char when[48];
    int rc = 0;
    fputs("BEGIN:VEVENT\r\n", f);
    rc |= text_line(f, "UID", e->uid);
    fprintf(f, "SEQUENCE:%lld\r\n", e->sequence < 0 ? 0 : e->sequence);
    stamp(when, sizeof when, e->stamp, 0, true);
    fprintf(f, "DTSTAMP:%s\r\n", when);
    rc |= put_time(f, "DTSTART", e->start, e->zone);
    rc |= put_time(f, "DTEND", e->end > e->start ? e->end : e->start, e->zone);
    rc |= person_line(f, "ORGANIZER", &e->organiser, false);
    for (int i = 0; i < e->nattendees; i++)
        rc |= person_line(f, "ATTENDEE", &e->attendees[i], true);
    rc |= text_line(f, "SUMMARY", e->summary);
    rc |= text_line(f, "LOCATION", e->location);
    rc |= text_line(f, "DESCRIPTION", e->description);
    fprintf(f, "STATUS:%s\r\nTRANSP:OPAQUE\r\n", cancel ? "CANCELLED" : "CONFIRMED");
    fputs("END:VEVENT\r\n", f);
    return rc;
}

char *ics_write_event(const ics_event_t *e, size_t *len)
{
    bool cancel = e->method && strcmp(e->method, "CANCEL") == 0;
    if (!e->method || (!cancel && strcmp(e->method, "REQUEST") != 0) || !e->uid || !*e->uid ||
        !address_ok(e->organiser.email) || (e->zone && !tzid_ok(e->zone->tzid)))
        return NULL;
    for (int i = 0; i < e->nattendees; i++)
        if (!address_ok(e->attendees[i].email))
            return NULL;
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    if (!f)
        return NULL;
    fputs("BEGIN:VCALENDAR\r\n", f);
    int rc = text_line(f, "PRODID", e->prodid ? e->prodid : "-//Desk//Meetings//EN");
    fprintf(f, "VERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:%s\r\n", cancel ? "CANCEL" : "REQUEST");
    if (e->zone)
        put_zone(f, e->zone);
    rc |= put_event(f, e, cancel);
    fputs("END:VCALENDAR\r\n", f);
    if (fclose(f) || rc) {
        free(out);
        return NULL;
    }
    if (len)
        *len = n;
    return out;
}
