/* bizclock: business calendars and the SLA clock; see bizclock.h.
 *
 * How it works.
 *
 * Zone. bizcal_init() reads the zone's TZif file (RFC 8536) once and keeps
 * only what the clock needs: the instants at which the UTC offset changes
 * and the offset after each. Files end with a POSIX TZ rule for the years
 * after their table ("CET-1CEST,M3.5.0,M10.5.0/3"); it is expanded into
 * more table entries up to ZONE_LAST_YEAR, so every later lookup is one
 * binary search. The process TZ (setenv/tzset/mktime) is never used: it is
 * global mutable state, not thread-safe, and switching it rereads the zone
 * file on every call. The unit tests compare the offsets with glibc's.
 *
 * Local time to instant (zone_wall). Between two transitions local time is
 * instant + offset. The wanted instant is the earliest whose local time is
 * >= the wall time: walking the offset segments in time order, the first
 * segment whose local times reach past the wall time holds it, or, if the
 * wall time falls into the gap just before that segment (clocks went
 * forward), the segment's first instant.
 *
 * Clock. Everything walks local days, never minutes. For each local day
 * from the one holding the start: pick the day's spans (none on a holiday,
 * the make-up spans on a make-up day, else the weekday's), turn each into
 * an interval of instants, clip it to the start, cut the pauses out of it
 * and spend the remaining budget on what is left (run_interval). The due
 * is found inside the last interval by subtraction. Counting minutes
 * between two instants is the same walk with an unlimited budget and a
 * stop instant. Seconds are used throughout; minutes are the API's unit.
 */
#include "core/bizclock.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DAY 86400L
#define ZONE_LAST_YEAR 2199
#define TZ_FILE_MAX (256 * 1024)
#define TZ_RULE_MAX 128

/* ---------------------------------------------------------------- dates */

static long floor_div(long long a, long b)
{
    long long q = a / b;
    return (long)(a % b != 0 && (a < 0) != (b < 0) ? q - 1 : q);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

/* 0 = Sunday; 1970-01-01 was a Thursday. */
static int weekday_of(long day)
{
    return (int)((day % 7 + 11) % 7);
}

static int year_of_instant(int64_t t)
{
    long day = floor_div(t, DAY);
    int y = 1970;
    while (y < ZONE_LAST_YEAR && days_from_civil(y + 1, 1, 1) <= day)
        y++;
    return y;
}

/* ----------------------------------------------------- zone: the table */

static int32_t seg_off(const bizcal_zone_t *z, int i)
{
    return i < 0 ? z->off0 : z->off[i];
}

/* Appends a transition, keeping the table strictly increasing and free of
 * entries that do not change the offset. The caller sized the arrays. */
static void zone_push(bizcal_zone_t *z, int64_t at, int32_t off)
{
    while (z->n > 0 && z->at[z->n - 1] >= at)
        z->n--;
    if (seg_off(z, z->n - 1) != off) {
        z->at[z->n] = at;
        z->off[z->n++] = off;
    }
}

/* Index of the segment holding instant t; -1 is the one before at[0]. */
static int zone_seg(const bizcal_zone_t *z, int64_t t)
{
    int lo = 0, hi = z->n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (z->at[mid] <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - 1;
}

/* The earliest instant whose local time is >= wall, scanning the segments
 * from `hint`, which must begin before the answer. */
static int64_t zone_wall(const bizcal_zone_t *z, int hint, int64_t wall)
{
    for (int i = hint;; i++) {
        int32_t off = seg_off(z, i);
        if (i + 1 >= z->n || wall < z->at[i + 1] + off) {
            int64_t t = wall - off;
            return i >= 0 && t < z->at[i] ? z->at[i] : t;
        }
    }
}

/* The answer lies within 26 h of wall - offset, so two days back is early
 * enough for the hint. */
static int zone_hint(const bizcal_zone_t *z, int64_t wall)
{
    return zone_seg(z, wall - 2 * DAY);
}

/* --------------------------------------------- zone: POSIX TZ footer */

struct tzrule {
    char kind; /* 'M' month.week.weekday, 'J' 1-based no Feb 29, 'D' 0-based */
    int n, m, w, d;
    long secs; /* local time of day of the change */
};

struct posixtz {
    long std_off, dst_off; /* seconds east of UTC */
    bool has_dst;
    struct tzrule start, end;
};

static const char *p_num(const char *s, int *v)
{
    if (!isdigit((unsigned char)*s))
        return NULL;
    long x = 0;
    while (isdigit((unsigned char)*s) && x < 100000)
        x = x * 10 + (*s++ - '0');
    *v = (int)x;
    return s;
}

static const char *p_name(const char *s)
{
    if (*s == '<') {
        const char *e = strchr(s, '>');
        return e && e > s + 1 ? e + 1 : NULL;
    }
    const char *b = s;
    while (isalpha((unsigned char)*s))
        s++;
    return s - b >= 3 ? s : NULL;
}

/* [+-]hh[:mm[:ss]], hours up to 167 (RFC 8536 extension). */
static const char *p_time(const char *s, long *secs)
{
    int sign = *s == '-' ? -1 : 1, h, m = 0, sec = 0;
    if (*s == '-' || *s == '+')
        s++;
    if (!(s = p_num(s, &h)) || h > 167)
        return NULL;
    if (*s == ':' && (!(s = p_num(s + 1, &m)) || m > 59))
        return NULL;
    if (*s == ':' && (!(s = p_num(s + 1, &sec)) || sec > 59))
        return NULL;
    *secs = sign * (h * 3600L + m * 60L + sec);
    return s;
}

static const char *p_rule(const char *s, struct tzrule *r)
{
    r->kind = *s == 'M' || *s == 'J' ? *s++ : 'D';
    if (r->kind == 'M') {
        if (!(s = p_num(s, &r->m)) || *s != '.' || !(s = p_num(s + 1, &r->w)) ||
            *s != '.' || !(s = p_num(s + 1, &r->d)))
            return NULL;
        if (r->m < 1 || r->m > 12 || r->w < 1 || r->w > 5 || r->d > 6)
            return NULL;
    } else if (!(s = p_num(s, &r->n)) || r->n > 365 || (r->kind == 'J' && r->n < 1)) {
        return NULL;
    }
    r->secs = 7200;
    return *s == '/' ? p_time(s + 1, &r->secs) : s;
}

static int p_posix(const char *s, struct posixtz *z)
{
    long off;
    if (!(s = p_name(s)) || !(s = p_time(s, &off)))
        return -1;
    z->std_off = -off;
    z->has_dst = *s != '\0';
    if (!z->has_dst)
        return 0;
    if (!(s = p_name(s)))
        return -1;
    z->dst_off = z->std_off + 3600;
    if (*s && *s != ',') {
        if (!(s = p_time(s, &off)))
            return -1;
        z->dst_off = -off;
    }
    if (!*s) /* no rule: the US rule, as glibc assumes */
        s = ",M3.2.0,M11.1.0";
    if (*s != ',' || !(s = p_rule(s + 1, &z->start)) || *s != ',' ||
        !(s = p_rule(s + 1, &z->end)) || *s)
        return -1;
    return 0;
}

/* Days since the epoch of the date a rule names in year y. */
static long rule_day(int y, const struct tzrule *r)
{
    long jan1 = days_from_civil(y, 1, 1);
    if (r->kind == 'J')
        return jan1 + r->n - 1 + (is_leap(y) && r->n >= 60);
    if (r->kind == 'D')
        return jan1 + r->n;
    long first = days_from_civil(y, r->m, 1);
    int d = (r->d - weekday_of(first) + 7) % 7 + (r->w - 1) * 7;
    while (d >= month_days(y, r->m))
        d -= 7;
    return first + d;
}

/* Expands the footer rule into transitions after the table's last one. */
static void zone_extend(bizcal_zone_t *z, const struct posixtz *p)
{
    int64_t last = z->n ? z->at[z->n - 1] : INT64_MIN;
    /* with no table, start a year early: DST may span New Year 1970 */
    int y0 = z->n ? year_of_instant(last) : 1969;
    if (!p->has_dst) {
        if (seg_off(z, z->n - 1) != p->std_off)
            zone_push(z, z->n ? last + 1 : 0, (int32_t)p->std_off);
        return;
    }
    for (int y = y0; y <= ZONE_LAST_YEAR; y++) {
        int64_t on = rule_day(y, &p->start) * DAY + p->start.secs - p->std_off;
        int64_t off = rule_day(y, &p->end) * DAY + p->end.secs - p->dst_off;
        int64_t t1 = on < off ? on : off, t2 = on < off ? off : on;
        int32_t o1 = (int32_t)(on < off ? p->dst_off : p->std_off);
        int32_t o2 = (int32_t)(on < off ? p->std_off : p->dst_off);
        if (t1 > last)
            zone_push(z, t1, o1);
        if (t2 > last)
            zone_push(z, t2, o2);
    }
}

/* ------------------------------------------------- zone: TZif reading */

struct tzhead {
    uint32_t isut, isstd, leap, time, type, chars;
};

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t be64(const unsigned char *p)
{
    return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

static int tz_head(const unsigned char *p, size_t n, struct tzhead *h)
{
    if (n < 44 || memcmp(p, "TZif", 4) != 0)
        return -1;
    *h = (struct tzhead){be32(p + 20), be32(p + 24), be32(p + 28),
                         be32(p + 32), be32(p + 36), be32(p + 40)};
    if (h->type > 256 || h->time > 100000 || h->chars > 65536 ||
        h->leap > 100000 || h->isut > h->type || h->isstd > h->type)
        return -1;
    return 0;
}

static size_t tz_block_len(const struct tzhead *h, size_t tsize)
{
    return h->time * (tsize + 1) + h->type * 6 + h->chars + h->leap * (tsize + 4) +
           h->isstd + h->isut;
}

/* Fills the table from a data block of the given time size. */
static int tz_table(bizcal_zone_t *z, const struct tzhead *h, const unsigned char *b,
                    size_t tsize)
{
    size_t cap = h->time + 2 * (ZONE_LAST_YEAR - 1970 + 2);
    if (h->type < 1)
        return -1;
    z->at = malloc(cap * sizeof *z->at);
    z->off = malloc(cap * sizeof *z->off);
    if (!z->at || !z->off)
        return -1;
    const unsigned char *types = b + h->time * tsize, *info = types + h->time;
    z->off0 = (int32_t)be32(info);
    for (uint32_t i = 0; i < h->time; i++) {
        if (types[i] >= h->type)
            return -1;
        int64_t at = tsize == 8 ? be64(b + i * 8) : (int32_t)be32(b + i * 4);
        zone_push(z, at, (int32_t)be32(info + types[i] * 6));
    }
    return 0;
}

/* The footer: the POSIX TZ string between two newlines after the v2 data. */
static int tz_footer(bizcal_zone_t *z, const unsigned char *p, size_t n)
{
    char rule[TZ_RULE_MAX];
    if (n < 2 || p[0] != '\n')
        return 0; /* no footer: the table is all there is */
    const unsigned char *e = memchr(p + 1, '\n', n - 1);
    size_t len = e ? (size_t)(e - p - 1) : 0;
    if (!e || len >= sizeof rule)
        return -1;
    if (len == 0)
        return 0;
    memcpy(rule, p + 1, len);
    rule[len] = '\0';
    struct posixtz ptz;
    if (p_posix(rule, &ptz) != 0)
        return -1;
    zone_extend(z, &ptz);
    return 0;
}

static int tz_parse(bizcal_zone_t *z, const unsigned char *d, size_t n)
{
    struct tzhead h;
    if (tz_head(d, n, &h) != 0)
        return -1;
    const unsigned char *b = d + 44;
    size_t left = n - 44, tsize = 4;
    if (d[4] >= '2') {
        size_t skip = tz_block_len(&h, 4);
        if (skip > left || tz_head(b + skip, left - skip, &h) != 0)
            return -1;
        b += skip + 44;
        left -= skip + 44;
        tsize = 8;
    }
    size_t len = tz_block_len(&h, tsize);
    if (len > left || tz_table(z, &h, b, tsize) != 0)
        return -1;
    return tsize == 8 ? tz_footer(z, b + len, left - len) : 0;
}

static bool tz_name_ok(const char *tz)
{
    size_t n = strlen(tz);
    if (n == 0 || n >= BIZCAL_TZ_MAX || tz[0] == '/' || strstr(tz, ".."))
        return false;
    return strspn(tz, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                      "0123456789/_+-.") == n;
}

static unsigned char *read_small_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct stat st;
    unsigned char *buf = NULL;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        st.st_size <= TZ_FILE_MAX && (buf = malloc((size_t)st.st_size)) != NULL) {
        *len = fread(buf, 1, (size_t)st.st_size, f);
        if (*len != (size_t)st.st_size) {
            free(buf);
            buf = NULL;
        }
    }
    fclose(f);
    return buf;
}

static int zone_load(bizcal_zone_t *z, const char *tz)
{
    char path[1024];
    const char *dir = getenv("TZDIR");
    if (!dir || !*dir)
        dir = "/usr/share/zoneinfo";
    int k = snprintf(path, sizeof path, "%s/%s", dir, tz);
    if (k < 0 || (size_t)k >= sizeof path)
        return -1;
    size_t len = 0;
    unsigned char *data = read_small_file(path, &len);
    int rc = data ? tz_parse(z, data, len) : -1;
    free(data);
    return rc;
}

/* ------------------------------------------------------------ calendar */

int bizcal_init(bizcal_t *c, const char *tz)
{
    memset(c, 0, sizeof *c);
    c->makeup_weekday = 1;
    if (!tz || !tz_name_ok(tz))
        return -1;
    snprintf(c->tz, sizeof c->tz, "%s", tz);
    if (zone_load(&c->zone, tz) != 0) {
        bizcal_free(c);
        return -1;
    }
    return 0;
}

void bizcal_free(bizcal_t *c)
{
    if (!c)
        return;
    free(c->zone.at);
    free(c->zone.off);
    free(c->holidays.day);
    free(c->workdays.day);
    memset(c, 0, sizeof *c);
    c->makeup_weekday = 1;
}

int bizcal_add_span(bizcal_t *c, int weekday, int start_min, int end_min)
{
    if (!c || weekday < 0 || weekday > BIZCAL_MAKEUP || start_min < 0 ||
        start_min >= end_min || end_min > 1440)
        return -1;
    bizcal_span_t *s = c->spans[weekday], keep[BIZCAL_MAX_SPANS];
    int n = c->nspans[weekday], k = 0;
    bizcal_span_t add = {(int16_t)start_min, (int16_t)end_min};
    for (int i = 0; i < n; i++) {
        if (s[i].start < add.end && add.start < s[i].end)
            return -1; /* overlap */
        if (s[i].end == add.start)
            add.start = s[i].start;
        else if (s[i].start == add.end)
            add.end = s[i].end;
        else
            keep[k++] = s[i];
    }
    if (k >= BIZCAL_MAX_SPANS)
        return -1;
    int at = k;
    while (at > 0 && keep[at - 1].start > add.start)
        at--;
    memmove(keep + at + 1, keep + at, (size_t)(k - at) * sizeof *keep);
    keep[at] = add;
    memcpy(s, keep, (size_t)(k + 1) * sizeof *keep);
    c->nspans[weekday] = (uint8_t)(k + 1);
    return 0;
}

int bizcal_set_makeup_weekday(bizcal_t *c, int weekday)
{
    if (!c || weekday < 0 || weekday > 6)
        return -1;
    c->makeup_weekday = weekday;
    return 0;
}

/* Position of day in the set, or where it would go (and *found false). */
static int days_find(const bizcal_days_t *s, long day, bool *found)
{
    int lo = 0, hi = s->n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (s->day[mid] < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = lo < s->n && s->day[lo] == day;
    return lo;
}

static bool days_has(const bizcal_days_t *s, long day)
{
    bool found = false;
    if (s->n)
        days_find(s, day, &found);
    return found;
}

static int days_add(bizcal_days_t *s, long day)
{
    bool found;
    int at = days_find(s, day, &found);
    if (found)
        return 0;
    if (s->n == s->cap) {
        int cap = s->cap ? 2 * s->cap : 16;
        int32_t *grown = realloc(s->day, (size_t)cap * sizeof *grown);
        if (!grown)
            return -1;
        s->day = grown;
        s->cap = cap;
    }
    memmove(s->day + at + 1, s->day + at, (size_t)(s->n - at) * sizeof *s->day);
    s->day[at] = (int32_t)day;
    s->n++;
    return 0;
}

/* "YYYY-MM-DD" (years 1970..2199) to days since the epoch, or -1. */
static long parse_date(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
            return -1;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (y < 1970 || y > ZONE_LAST_YEAR || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
        return -1;
    return days_from_civil(y, m, d);
}

int bizcal_add_day(bizcal_t *c, const char *yyyy_mm_dd, bool workday)
{
    long day = c ? parse_date(yyyy_mm_dd) : -1;
    if (day < 0 || days_has(workday ? &c->holidays : &c->workdays, day))
        return -1;
    bizcal_days_t *set = workday ? &c->workdays : &c->holidays;
    if (!days_has(set, day) && c->holidays.n + c->workdays.n >= BIZCAL_MAX_DAYS)
        return -1;
    return days_add(set, day);
}

long bizcal_utc_offset(const bizcal_t *c, time_t t)
{
    return seg_off(&c->zone, zone_seg(&c->zone, t));
}

time_t bizcal_local_instant(const bizcal_t *c, long day, int minute)
{
    int64_t wall = (int64_t)day * DAY + minute * 60L;
    return (time_t)zone_wall(&c->zone, zone_hint(&c->zone, wall), wall);
}

/* --------------------------------------------------------------- clock */

/* The spans that apply on a local day: none on a holiday, the make-up
 * spans on a make-up day, else the weekday's. */
static const bizcal_span_t *day_spans(const bizcal_t *c, long day, int *n)
{
    int wd = weekday_of(day);
    if (days_has(&c->holidays, day)) {
        *n = 0;
        return NULL;
    }
    if (days_has(&c->workdays, day))
        wd = c->nspans[BIZCAL_MAKEUP] ? BIZCAL_MAKEUP : c->makeup_weekday;
    *n = c->nspans[wd];
    return c->spans[wd];
}

enum run_end { RUN_ERROR = -1, RUN_BUDGET, RUN_UNTIL, RUN_OPEN, RUN_MORE };

/* One walk of the clock: spend `left` seconds of effective time, counting
 * them in `used`, never past `until`, skipping the pauses p[pi..np-1]. */
struct run {
    const bizclock_pause_t *p;
    int np, pi;
    time_t until;
    long long left, used;
    time_t at; /* where the budget ran out (RUN_BUDGET) */
};

/* Spends the working interval [a, b) minus the pauses. */
static int run_interval(struct run *r, time_t a, time_t b)
{
    while (a < b) {
        while (r->pi < r->np && r->p[r->pi].to != 0 && r->p[r->pi].to <= a)
            r->pi++;
        const bizclock_pause_t *p = r->pi < r->np ? &r->p[r->pi] : NULL;
        if (p && p->from <= a) {
            if (p->to == 0)
                return RUN_OPEN;
            a = p->to;
            continue;
        }
        time_t e = p && p->from < b ? p->from : b;
        if (e - a >= r->left) {
            r->at = a + (time_t)r->left;
            r->used += r->left;
            r->left = 0;
            return RUN_BUDGET;
        }
        r->left -= e - a;
        r->used += e - a;
        a = e;
    }
    return RUN_MORE;
}

/* Spends one local day's working intervals that lie after `from`. */
static int run_day(const bizcal_t *c, long day, time_t from, struct run *r)
{
    const bizcal_zone_t *z = &c->zone;
    int64_t midnight = (int64_t)day * DAY;
    int hint = zone_hint(z, midnight), n;
    const bizcal_span_t *s = day_spans(c, day, &n);
    if (r->until < BIZCLOCK_TIME_MAX && zone_wall(z, hint, midnight) >= r->until)
        return RUN_UNTIL;
    for (int i = 0; i < n; i++) {
        time_t b = (time_t)zone_wall(z, hint, midnight + s[i].end * 60L);
        if (b <= from)
            continue;
        time_t a = (time_t)zone_wall(z, hint, midnight + s[i].start * 60L);
        if (a < from)
            a = from;
        if (a >= r->until)
            return RUN_UNTIL;
        int end = run_interval(r, a, b < r->until ? b : r->until);
        if (end != RUN_MORE)
            return end;
    }
    return RUN_MORE;
}

static int run_walk(const bizcal_t *c, time_t from, struct run *r)
{
    long day = floor_div((long long)from + bizcal_utc_offset(c, from), DAY);
    for (long k = 0; k < BIZCLOCK_MAX_DAYS; k++, day++) {
        int end = run_day(c, day, from, r);
        if (end != RUN_MORE)
            return end;
    }
    return RUN_ERROR;
}

static bool time_ok(time_t t)
{
    return t > 0 && t < BIZCLOCK_TIME_MAX;
}

static bool pauses_ok(const bizclock_pause_t *p, int n)
{
    if (n < 0 || (n > 0 && !p))
        return false;
    for (int i = 0; i < n; i++) {
        bool open = p[i].to == 0;
        if (p[i].from <= 0 || (open && i != n - 1) || (!open && p[i].to < p[i].from))
            return false;
        if (i > 0 && p[i].from < p[i - 1].to)
            return false;
    }
    return true;
}

static time_t due_run(const bizcal_t *c, time_t start, long long secs,
                      const bizclock_pause_t *p, int n)
{
    if (!c || !time_ok(start) || secs < 0 || !pauses_ok(p, n))
        return -1;
    if (secs == 0)
        return start;
    struct run r = {.p = p, .np = n, .until = BIZCLOCK_TIME_MAX, .left = secs};
    switch (run_walk(c, start, &r)) {
    case RUN_BUDGET:
        return r.at;
    case RUN_OPEN:
        return 0;
    default:
        return -1;
    }
}

static long long seconds_run(const bizcal_t *c, time_t from, time_t to,
                             const bizclock_pause_t *p, int n)
{
    if (!c || !time_ok(from) || !time_ok(to) || !pauses_ok(p, n))
        return -1;
    if (to <= from)
        return 0;
    struct run r = {.p = p, .np = n, .until = to, .left = LLONG_MAX};
    return run_walk(c, from, &r) == RUN_ERROR ? -1 : r.used;
}

time_t bizclock_due_seconds(const bizcal_t *c, time_t start, long long seconds)
{
    return due_run(c, start, seconds, NULL, 0);
}

time_t bizclock_due(const bizcal_t *c, time_t start, long minutes)
{
    return bizclock_due_paused(c, start, minutes, NULL, 0);
}

time_t bizclock_due_paused(const bizcal_t *c, time_t start, long minutes,
                           const bizclock_pause_t *p, int n)
{
    if (minutes < 0 || minutes > LLONG_MAX / 60)
        return -1;
    return due_run(c, start, minutes * 60LL, p, n);
}

long long bizclock_seconds(const bizcal_t *c, time_t from, time_t to)
{
    return seconds_run(c, from, to, NULL, 0);
}

long bizclock_minutes(const bizcal_t *c, time_t from, time_t to)
{
    return bizclock_minutes_paused(c, from, to, NULL, 0);
}

long bizclock_minutes_paused(const bizcal_t *c, time_t from, time_t to,
                             const bizclock_pause_t *p, int n)
{
    long long s = seconds_run(c, from, to, p, n);
    return s < 0 ? -1 : (long)(s / 60);
}

time_t bizclock_next_working(const bizcal_t *c, time_t t)
{
    time_t first_second_done = bizclock_due_seconds(c, t, 1);
    return first_second_done < 0 ? -1 : first_second_done - 1;
}

time_t bizclock_due_paused_seconds(const bizcal_t *c, time_t start, long long seconds,
                                   const bizclock_pause_t *p, int n)
{
    return due_run(c, start, seconds, p, n);
}

/* ---------------------------------------------------------- working days */

static long local_day(const bizcal_t *c, time_t t)
{
    return floor_div((long long)t + bizcal_utc_offset(c, t), DAY);
}

/* The working seconds of a local date. */
static long long day_seconds(const bizcal_t *c, long day)
{
    return seconds_run(c, bizcal_local_instant(c, day, 0), bizcal_local_instant(c, day + 1, 0),
                       NULL, 0);
}

time_t bizclock_workdays_due(const bizcal_t *c, time_t start, int n)
{
    if (!c || n < 0 || !time_ok(start))
        return -1;
    if (n == 0)
        return start;
    time_t s = bizclock_next_working(c, start);
    if (s < 0)
        return -1;
    long day = local_day(c, s);
    long long p = seconds_run(c, bizcal_local_instant(c, day, 0), s, NULL, 0), len = 0;
    if (p < 0)
        return -1;
    for (long k = 0; n > 0;) { /* to the n-th working date after s's */
        if (++k > BIZCLOCK_MAX_DAYS || (len = day_seconds(c, ++day)) < 0)
            return -1;
        if (len > 0)
            n--;
    }
    time_t midnight = bizcal_local_instant(c, day, 0);
    time_t same = p == 0 ? bizclock_next_working(c, midnight)
                         : due_run(c, midnight, p < len ? p : len, NULL, 0);
    /* the earliest instant at that position: a span's end before a gap */
    long long used = same < 0 ? -1 : seconds_run(c, start, same, NULL, 0);
    return used < 0 ? -1 : due_run(c, start, used, NULL, 0);
}

static long spans_minutes(const bizcal_t *c, int wd)
{
    long m = 0;
    for (int i = 0; i < c->nspans[wd]; i++)
        m += c->spans[wd][i].end - c->spans[wd][i].start;
    return m;
}

int bizcal_workday_minutes(const bizcal_t *c, long *shortest, long *longest)
{
    int days = 0;
    *shortest = *longest = 0;
    for (int wd = 0; wd <= BIZCAL_MAKEUP; wd++) {
        if (wd == BIZCAL_MAKEUP && !c->workdays.n)
            break;
        int from = wd == BIZCAL_MAKEUP && !c->nspans[wd] ? c->makeup_weekday : wd;
        long m = spans_minutes(c, from);
        if (m <= 0)
            continue;
        days += wd < BIZCAL_MAKEUP;
        if (!*shortest || m < *shortest)
            *shortest = m;
        if (m > *longest)
            *longest = m;
    }
    return days;
}
