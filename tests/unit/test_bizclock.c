/* Unit tests for lib/core/bizclock.c: business calendars and the SLA clock.
 *
 * Expected instants are written as local wall time with an explicit UTC
 * offset ("2026-09-28 10:00 +0800") and converted with timegm(), so every
 * hand-checked case is independent of the library's zone code. The zone
 * code itself is compared with glibc (localtime_r under a temporary TZ),
 * the day walk with a minute-by-minute reference, and the algebra of the
 * clock with a randomised property test (fixed seed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/bizclock.h"

/* ------------------------------------------------------------ helpers */

/* "YYYY-MM-DD HH:MM +hhmm" to an instant. */
static time_t at(const char *s)
{
    int y, mo, d, h, mi, off;
    char sign;
    assert_int_equal(sscanf(s, "%d-%d-%d %d:%d %c%d", &y, &mo, &d, &h, &mi, &sign, &off), 7);
    struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h,
                    .tm_min = mi};
    long secs = (off / 100) * 3600L + (off % 100) * 60L;
    return timegm(&tm) - (sign == '-' ? -secs : secs);
}

static const char *utc(time_t t, char buf[32])
{
    struct tm tm;
    if (t <= 0 || !gmtime_r(&t, &tm) || !strftime(buf, 32, "%Y-%m-%d %H:%M:%SZ", &tm))
        snprintf(buf, 32, "(%lld)", (long long)t);
    return buf;
}

static void expect_time(time_t got, time_t want, const char *what)
{
    char g[32], w[32];
    if (got != want)
        fail_msg("%s: got %s, want %s", what, utc(got, g), utc(want, w));
}

static void expect_due(const bizcal_t *c, const char *start, long minutes, const char *want)
{
    char what[96];
    snprintf(what, sizeof what, "due(%s, %ld)", start, minutes);
    expect_time(bizclock_due(c, at(start), minutes), at(want), what);
}

static void expect_minutes(const bizcal_t *c, const char *from, const char *to, long want)
{
    long got = bizclock_minutes(c, at(from), at(to));
    if (got != want)
        fail_msg("minutes(%s, %s): got %ld, want %ld", from, to, got, want);
}

static void add_weekdays(bizcal_t *c, int first, int last, int start, int end)
{
    for (int wd = first; wd <= last; wd++)
        assert_int_equal(bizcal_add_span(c, wd, start, end), 0);
}

/* Mon-Fri 09:00-12:00 + 13:30-18:00 (7.5 h) in Asia/Shanghai. */
static void standard(bizcal_t *c)
{
    assert_int_equal(bizcal_init(c, "Asia/Shanghai"), 0);
    add_weekdays(c, 1, 5, 9 * 60, 12 * 60);
    add_weekdays(c, 1, 5, 13 * 60 + 30, 18 * 60);
}

static void all_week(bizcal_t *c, const char *tz)
{
    assert_int_equal(bizcal_init(c, tz), 0);
    add_weekdays(c, 0, 6, 0, 1440);
}

/* Runs fn with the process TZ set to tz, then restores the old TZ. */
static char saved_tz[256];
static bool had_tz;

static void set_tz(const char *tz)
{
    const char *old = getenv("TZ");
    had_tz = old != NULL;
    snprintf(saved_tz, sizeof saved_tz, "%s", old ? old : "");
    setenv("TZ", tz, 1);
    tzset();
}

static void restore_tz(void)
{
    if (had_tz)
        setenv("TZ", saved_tz, 1);
    else
        unsetenv("TZ");
    tzset();
}

static uint64_t rng = 0x2545f4914f6cdd1dULL;

static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static long rand_in(long lo, long hi) /* [lo, hi] */
{
    return lo + (long)(next_rand() % (uint64_t)(hi - lo + 1));
}

/* ---------------------------------------------------- building a calendar */

static void init_rejects_unknown_and_unsafe_zone_names(void **state)
{
    (void)state;
    bizcal_t c;
    const char *bad[] = {"", "Nowhere/Atlantis", "../../etc/passwd", "/etc/localtime",
                         "Europe/../Europe/Berlin", "Asia/Shanghai;rm",
                         "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(bizcal_init(&c, bad[i]), -1);
        bizcal_free(&c);
    }
    assert_int_equal(bizcal_init(&c, NULL), -1);
    bizcal_free(&c);
    assert_int_equal(bizcal_init(&c, "UTC"), 0);
    assert_string_equal(c.tz, "UTC");
    bizcal_free(&c);
    bizcal_free(&c); /* twice is harmless */
}

static void spans_merge_when_adjacent_and_reject_overlap(void **state)
{
    (void)state;
    bizcal_t c;
    assert_int_equal(bizcal_init(&c, "UTC"), 0);
    assert_int_equal(bizcal_add_span(&c, 1, 540, 720), 0);
    assert_int_equal(bizcal_add_span(&c, 1, 780, 1080), 0);
    assert_int_equal(bizcal_add_span(&c, 1, 720, 780), 0); /* fills the gap */
    assert_int_equal(c.nspans[1], 1);
    assert_int_equal(c.spans[1][0].start, 540);
    assert_int_equal(c.spans[1][0].end, 1080);
    assert_int_equal(bizcal_add_span(&c, 1, 1000, 1100), -1); /* overlap */
    assert_int_equal(bizcal_add_span(&c, 1, 500, 541), -1);
    assert_int_equal(bizcal_add_span(&c, 1, 0, 1440), -1);
    assert_int_equal(bizcal_add_span(&c, 2, 600, 600), -1); /* empty */
    assert_int_equal(bizcal_add_span(&c, 2, 700, 600), -1);
    assert_int_equal(bizcal_add_span(&c, 2, -1, 600), -1);
    assert_int_equal(bizcal_add_span(&c, 2, 0, 1441), -1);
    assert_int_equal(bizcal_add_span(&c, 8, 0, 60), -1);
    assert_int_equal(bizcal_add_span(&c, -1, 0, 60), -1);
    assert_int_equal(bizcal_add_span(&c, BIZCAL_MAKEUP, 600, 960), 0);
    for (int i = 0; i < BIZCAL_MAX_SPANS; i++) /* added out of order */
        assert_int_equal(bizcal_add_span(&c, 3, 1400 - i * 100, 1430 - i * 100), 0);
    assert_int_equal(bizcal_add_span(&c, 3, 0, 10), -1); /* a ninth */
    assert_int_equal(bizcal_add_span(&c, 3, 1430, 1440), 0); /* merges: still 8 */
    for (int i = 1; i < BIZCAL_MAX_SPANS; i++)
        assert_true(c.spans[3][i - 1].end < c.spans[3][i].start);
    bizcal_free(&c);
}

static void days_are_validated_and_kinds_do_not_conflict(void **state)
{
    (void)state;
    bizcal_t c;
    assert_int_equal(bizcal_init(&c, "Asia/Shanghai"), 0);
    const char *bad[] = {"2026-13-01", "2026-00-10", "2026-02-29", "2027-02-29", "2026-04-31",
                         "1969-12-31", "2200-01-01", "2026-1-01",  "2026/10/01", "2026-10-01x",
                         "",           "abcd-ef-gh"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(bizcal_add_day(&c, bad[i], false), -1);
    assert_int_equal(bizcal_add_day(&c, NULL, false), -1);
    assert_int_equal(bizcal_add_day(&c, "2028-02-29", false), 0);
    assert_int_equal(bizcal_add_day(&c, "2026-10-01", false), 0);
    assert_int_equal(bizcal_add_day(&c, "2026-10-01", false), 0); /* again: fine */
    assert_int_equal(bizcal_add_day(&c, "2026-10-01", true), -1); /* other kind */
    assert_int_equal(bizcal_add_day(&c, "2026-10-10", true), 0);
    assert_int_equal(bizcal_add_day(&c, "2026-10-10", false), -1);
    assert_int_equal(c.holidays.n, 2);
    assert_int_equal(c.workdays.n, 1);
    for (int i = 0; i < 100; i++) { /* out of order, sets stay sorted */
        char d[16];
        snprintf(d, sizeof d, "2030-%02d-%02d", 12 - i % 12, 1 + i % 28);
        assert_int_equal(bizcal_add_day(&c, d, false), 0);
    }
    for (int i = 1; i < c.holidays.n; i++)
        assert_true(c.holidays.day[i - 1] < c.holidays.day[i]);
    bizcal_free(&c);
}

/* ----------------------------------------------------------------- zone */

static const char *zones[] = {"Asia/Shanghai",      "Europe/Berlin",    "America/New_York",
                              "Australia/Sydney",   "Europe/Dublin",    "America/Nuuk",
                              "Australia/Lord_Howe", "Pacific/Chatham", "America/Sao_Paulo",
                              "Africa/Casablanca",  "Asia/Kolkata",     "America/Santiago",
                              "Asia/Tehran",        "UTC"};

static void check_offset(const bizcal_t *c, time_t t)
{
    struct tm tm;
    assert_non_null(localtime_r(&t, &tm));
    if (tm.tm_gmtoff != bizcal_utc_offset(c, t)) {
        char b[32];
        fail_msg("%s at %s: glibc %ld, bizcal %ld", c->tz, utc(t, b), (long)tm.tm_gmtoff,
                 bizcal_utc_offset(c, t));
    }
}

static void utc_offsets_agree_with_glibc(void **state)
{
    (void)state;
    const time_t lo = 86400, hi = at("2150-01-01 00:00 +0000");
    for (size_t z = 0; z < sizeof zones / sizeof *zones; z++) {
        bizcal_t c;
        assert_int_equal(bizcal_init(&c, zones[z]), 0);
        set_tz(zones[z]);
        for (int i = 0; i < 3000; i++)
            check_offset(&c, (time_t)rand_in(lo, hi));
        for (int i = 0; i < c.zone.n; i++) {
            time_t t = (time_t)c.zone.at[i];
            if (t > lo && t < hi) {
                check_offset(&c, t - 1);
                check_offset(&c, t);
            }
        }
        restore_tz();
        bizcal_free(&c);
    }
}

/* The earliest minute-aligned instant whose glibc local time is >= wall. */
static time_t wall_reference(long long wall)
{
    time_t probe = (time_t)wall;
    struct tm a, b;
    time_t before = probe - 86400, after = probe + 86400;
    localtime_r(&before, &a);
    localtime_r(&after, &b);
    long hi_off = a.tm_gmtoff > b.tm_gmtoff ? a.tm_gmtoff : b.tm_gmtoff;
    long lo_off = a.tm_gmtoff < b.tm_gmtoff ? a.tm_gmtoff : b.tm_gmtoff;
    time_t lo = (time_t)(wall - hi_off - 3600);
    struct tm first;
    localtime_r(&lo, &first);
    assert_true(lo + first.tm_gmtoff < wall); /* the scan starts early enough */
    for (time_t t = lo; t <= wall - lo_off + 3600; t += 60) {
        struct tm tm;
        localtime_r(&t, &tm);
        if (t + tm.tm_gmtoff >= wall)
            return t;
    }
    return -1;
}

static void local_instants_around_transitions_agree_with_reference(void **state)
{
    (void)state;
    const char *dst[] = {"Europe/Berlin", "America/New_York", "Australia/Sydney",
                         "Australia/Lord_Howe", "America/Nuuk", "America/Sao_Paulo",
                         "Europe/Dublin"};
    const time_t lo = at("2017-06-01 00:00 +0000"), hi = at("2028-01-01 00:00 +0000");
    for (size_t z = 0; z < sizeof dst / sizeof *dst; z++) {
        bizcal_t c;
        assert_int_equal(bizcal_init(&c, dst[z]), 0);
        set_tz(dst[z]);
        int seen = 0;
        for (int i = 0; i < c.zone.n; i++) {
            time_t t = (time_t)c.zone.at[i];
            if (t < lo || t > hi)
                continue;
            seen++;
            long long center = (t + bizcal_utc_offset(&c, t - 1)) / 60 * 60;
            for (long long w = center - 70 * 60; w <= center + 70 * 60; w += 60) {
                long day = (long)(w / 86400);
                time_t got = bizcal_local_instant(&c, day, (int)(w % 86400 / 60));
                time_t want = wall_reference(w);
                if (got != want) {
                    char g[32], x[32];
                    fail_msg("%s wall %lld: got %s want %s", dst[z], w, utc(got, g),
                             utc(want, x));
                }
            }
        }
        assert_true(seen >= 8 || strcmp(dst[z], "America/Sao_Paulo") == 0);
        restore_tz();
        bizcal_free(&c);
    }
}

static void local_instant_semantics_on_berlin_change_days(void **state)
{
    (void)state;
    bizcal_t c;
    assert_int_equal(bizcal_init(&c, "Europe/Berlin"), 0);
    long mar29 = (long)(at("2026-03-29 00:00 +0000") / 86400);
    long oct25 = (long)(at("2026-10-25 00:00 +0000") / 86400);
    /* skipped 02:30 maps to the change, 01:00Z, which is 03:00 CEST */
    expect_time(bizcal_local_instant(&c, mar29, 150), at("2026-03-29 03:00 +0200"), "gap");
    expect_time(bizcal_local_instant(&c, mar29, 180), at("2026-03-29 03:00 +0200"), "3:00");
    expect_time(bizcal_local_instant(&c, mar29, 119), at("2026-03-29 01:59 +0100"), "1:59");
    /* repeated 02:30 maps to its first occurrence, CEST */
    expect_time(bizcal_local_instant(&c, oct25, 150), at("2026-10-25 02:30 +0200"), "twice");
    expect_time(bizcal_local_instant(&c, oct25, 180), at("2026-10-25 03:00 +0100"), "3:00");
    expect_time(bizcal_local_instant(&c, oct25, 1440), at("2026-10-26 00:00 +0100"), "24:00");
    assert_int_equal(bizcal_utc_offset(&c, at("2026-07-01 12:00 +0000")), 7200);
    assert_int_equal(bizcal_utc_offset(&c, at("2026-12-01 12:00 +0000")), 3600);
    bizcal_free(&c);
}

/* Writes a TZif file: version '2' with no transitions and only a footer
 * rule, or version 1 (v2 == false) with the given transitions. */
static void put32(FILE *f, uint32_t v)
{
    unsigned char b[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 8), (unsigned char)v};
    assert_int_equal(fwrite(b, 1, 4, f), 4);
}

static void put_head(FILE *f, char version, uint32_t times, uint32_t types)
{
    fputs("TZif", f);
    fputc(version, f);
    for (int i = 0; i < 15; i++)
        fputc(0, f);
    put32(f, 0), put32(f, 0), put32(f, 0), put32(f, times), put32(f, types), put32(f, 4);
}

static void put_zone(FILE *f, const int32_t *at, const int32_t *off, uint32_t n, bool big)
{
    for (uint32_t i = 0; i < n; i++) {
        if (big)
            put32(f, at[i] < 0 ? 0xffffffffu : 0);
        put32(f, (uint32_t)at[i]);
    }
    for (uint32_t i = 0; i < n; i++)
        fputc((int)i + 1, f); /* type i + 1 */
    for (uint32_t i = 0; i <= n; i++) {
        put32(f, (uint32_t)off[i]);
        fputc(0, f), fputc(0, f);
    }
    fwrite("ZZZ", 1, 4, f);
}

static const char *write_zone(const char *rule, int32_t std_off, const int32_t *at,
                              const int32_t *off, uint32_t n)
{
    static char dir[64];
    char path[128];
    snprintf(dir, sizeof dir, "/tmp/test_bizclock.%ld", (long)getpid());
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/Test", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    if (rule) {
        put_head(f, '2', 0, 1);
        put_zone(f, NULL, &std_off, 0, false);
        put_head(f, '2', 0, 1);
        put_zone(f, NULL, &std_off, 0, true);
        fprintf(f, "\n%s\n", rule);
    } else {
        put_head(f, '\0', n, n + 1);
        put_zone(f, at, off, n, false);
    }
    assert_int_equal(fclose(f), 0);
    return dir;
}

static void remove_zone(const char *dir)
{
    char path[128];
    snprintf(path, sizeof path, "%s/Test", dir);
    unlink(path);
    rmdir(dir);
    unsetenv("TZDIR");
}

static void footer_rules_agree_with_glibc_posix_strings(void **state)
{
    (void)state;
    struct {
        const char *rule;
        int32_t std_off;
    } rules[] = {{"XST-2XDT,J60/2,J300/2", 7200},
                 {"ABC5DEF,59/0,300/25", -18000},
                 {"<+0330>-3:30<+0430>,J79/24,J263/24", 12600},
                 {"EST5EDT", -18000},
                 {"AAA3BBB2,M10.1.0/-1,M3.2.0/26", -10800},
                 {"<-04>4<-03>,M9.1.6/24,M4.1.6/24", -14400},
                 {"IST-1GMT0,M10.5.0,M3.5.0/1", 3600},
                 {"NZST-12NZDT-13:45:30,M9.5.0,M4.1.0/3", 43200},
                 {"<+0545>-5:45", 20700}};
    const time_t lo = 86400, hi = at("2150-01-01 00:00 +0000");
    for (size_t r = 0; r < sizeof rules / sizeof *rules; r++) {
        const char *dir = write_zone(rules[r].rule, rules[r].std_off, NULL, NULL, 0);
        setenv("TZDIR", dir, 1);
        bizcal_t c;
        assert_int_equal(bizcal_init(&c, "Test"), 0);
        set_tz(rules[r].rule);
        for (int i = 0; i < 2000; i++)
            check_offset(&c, (time_t)rand_in(lo, hi));
        for (int i = 0; i < c.zone.n; i++)
            if (c.zone.at[i] > lo && c.zone.at[i] < hi) {
                check_offset(&c, (time_t)c.zone.at[i] - 1);
                check_offset(&c, (time_t)c.zone.at[i]);
            }
        restore_tz();
        bizcal_free(&c);
        remove_zone(dir);
    }
}

static void version_1_files_and_broken_files(void **state)
{
    (void)state;
    int32_t at1[] = {100000, 200000}, off1[] = {3600, 7200, -3600};
    const char *dir = write_zone(NULL, 0, at1, off1, 2);
    setenv("TZDIR", dir, 1);
    bizcal_t c;
    assert_int_equal(bizcal_init(&c, "Test"), 0);
    assert_int_equal(bizcal_utc_offset(&c, 99999), 3600);
    assert_int_equal(bizcal_utc_offset(&c, 100000), 7200);
    assert_int_equal(bizcal_utc_offset(&c, 200000), -3600);
    bizcal_free(&c);
    remove_zone(dir);
    const char *broken[] = {"XST", "XST-2XDT,M13.1.0,M3.1.0", "XST-2XDT,J0,J5", "-2",
                            "XST-2XDT,M3.5.0", "XST-2XDT,M3.5.0,M10.5.0/200"};
    for (size_t i = 0; i < sizeof broken / sizeof *broken; i++) {
        dir = write_zone(broken[i], 7200, NULL, NULL, 0);
        setenv("TZDIR", dir, 1);
        if (bizcal_init(&c, "Test") != -1)
            fail_msg("accepted footer %s", broken[i]);
        bizcal_free(&c);
        remove_zone(dir);
    }
    dir = write_zone("XST-2", 7200, NULL, NULL, 0);
    char path[128];
    snprintf(path, sizeof path, "%s/Test", dir);
    assert_int_equal(truncate(path, 60), 0); /* cut short */
    setenv("TZDIR", dir, 1);
    assert_int_equal(bizcal_init(&c, "Test"), -1);
    bizcal_free(&c);
    remove_zone(dir);
}

/* ------------------------------------------------ the standard calendar */

static void friday_evening_rolls_over_the_weekend(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    expect_due(&c, "2026-09-25 17:00 +0800", 120, "2026-09-28 10:00 +0800");
    expect_minutes(&c, "2026-09-25 17:00 +0800", "2026-09-28 10:00 +0800", 120);
    /* a budget used up exactly at a span's end is that end, not Monday */
    expect_due(&c, "2026-09-25 17:00 +0800", 60, "2026-09-25 18:00 +0800");
    expect_due(&c, "2026-09-25 17:00 +0800", 61, "2026-09-28 09:01 +0800");
    /* a whole week is 5 x 7.5 h */
    expect_minutes(&c, "2026-09-21 00:00 +0800", "2026-09-28 00:00 +0800", 2250);
    bizcal_free(&c);
}

static void saturday_start_counts_from_monday_morning(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    expect_due(&c, "2026-09-26 10:00 +0800", 60, "2026-09-28 10:00 +0800");
    expect_due(&c, "2026-09-26 10:00 +0800", 1, "2026-09-28 09:01 +0800");
    expect_time(bizclock_next_working(&c, at("2026-09-26 10:00 +0800")),
                at("2026-09-28 09:00 +0800"), "next working");
    expect_time(bizclock_next_working(&c, at("2026-09-28 09:30 +0800")),
                at("2026-09-28 09:30 +0800"), "already working");
    expect_minutes(&c, "2026-09-26 10:00 +0800", "2026-09-28 09:00 +0800", 0);
    bizcal_free(&c);
}

static void lunch_break_is_not_counted(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    expect_due(&c, "2026-09-29 12:30 +0800", 30, "2026-09-29 14:00 +0800");
    expect_due(&c, "2026-09-29 11:50 +0800", 20, "2026-09-29 13:40 +0800");
    expect_due(&c, "2026-09-29 11:50 +0800", 10, "2026-09-29 12:00 +0800");
    expect_minutes(&c, "2026-09-29 12:30 +0800", "2026-09-29 14:00 +0800", 30);
    expect_minutes(&c, "2026-09-29 11:50 +0800", "2026-09-29 13:40 +0800", 20);
    expect_minutes(&c, "2026-09-29 09:00 +0800", "2026-09-29 18:00 +0800", 450);
    /* rounded down; seconds exact */
    assert_int_equal(bizclock_minutes(&c, at("2026-09-29 11:59 +0800") + 30,
                                      at("2026-09-29 13:31 +0800")), 1);
    assert_int_equal(bizclock_seconds(&c, at("2026-09-29 11:59 +0800") + 30,
                                      at("2026-09-29 13:31 +0800")), 90);
    expect_time(bizclock_due_seconds(&c, at("2026-09-29 11:59 +0800") + 30, 45),
                at("2026-09-29 13:30 +0800") + 15, "due in seconds");
    bizcal_free(&c);
}

static void zero_minutes_and_bad_arguments(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    time_t sat = at("2026-09-26 10:00 +0800");
    assert_int_equal(bizclock_due(&c, sat, 0), sat); /* identity, even off hours */
    assert_int_equal(bizclock_due(&c, sat, -1), -1);
    assert_int_equal(bizclock_due(&c, 0, 10), -1);
    assert_int_equal(bizclock_due(&c, BIZCLOCK_TIME_MAX, 10), -1);
    assert_int_equal(bizclock_due(NULL, sat, 10), -1);
    assert_int_equal(bizclock_minutes(&c, sat, sat), 0);
    assert_int_equal(bizclock_minutes(&c, sat + 3600, sat), 0);
    assert_int_equal(bizclock_minutes(&c, 0, sat), -1);
    assert_int_equal(bizclock_due(&c, at("2199-12-31 17:00 +0800"), 120), -1); /* past 2200 */
    bizcal_free(&c);
    bizcal_t empty;
    assert_int_equal(bizcal_init(&empty, "Asia/Shanghai"), 0);
    assert_int_equal(bizclock_due(&empty, sat, 1), -1);
    assert_int_equal(bizclock_next_working(&empty, sat), -1);
    assert_int_equal(bizclock_minutes(&empty, sat, sat + 86400 * 30), 0);
    bizcal_free(&empty);
}

static void process_time_zone_does_not_matter(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    set_tz("America/Los_Angeles");
    expect_due(&c, "2026-09-25 17:00 +0800", 120, "2026-09-28 10:00 +0800");
    restore_tz();
    set_tz("Pacific/Kiritimati");
    expect_due(&c, "2026-09-29 11:50 +0800", 20, "2026-09-29 13:40 +0800");
    restore_tz();
    bizcal_free(&c);
}

/* ------------------------------------------ holidays and make-up days */

static void national_day_holiday_is_skipped(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    assert_int_equal(bizcal_add_day(&c, "2026-10-01", false), 0); /* Thursday */
    expect_due(&c, "2026-09-30 17:00 +0800", 120, "2026-10-02 10:00 +0800");
    expect_due(&c, "2026-10-01 10:00 +0800", 30, "2026-10-02 09:30 +0800");
    expect_minutes(&c, "2026-09-30 09:00 +0800", "2026-10-02 18:00 +0800", 900);
    bizcal_free(&c);
}

static void golden_week_and_make_up_saturday(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    for (int d = 1; d <= 7; d++) {
        char day[16];
        snprintf(day, sizeof day, "2026-10-%02d", d);
        assert_int_equal(bizcal_add_day(&c, day, false), 0);
    }
    assert_int_equal(bizcal_add_day(&c, "2026-10-10", true), 0); /* Saturday */
    expect_due(&c, "2026-09-30 17:00 +0800", 120, "2026-10-08 10:00 +0800");
    expect_due(&c, "2026-10-09 17:00 +0800", 120, "2026-10-10 10:00 +0800");
    expect_due(&c, "2026-10-10 12:30 +0800", 30, "2026-10-10 14:00 +0800");
    expect_minutes(&c, "2026-10-09 09:00 +0800", "2026-10-12 09:00 +0800", 900);
    expect_minutes(&c, "2026-09-30 18:00 +0800", "2026-10-08 09:00 +0800", 0);
    /* make-up days can use the spans of another weekday... */
    assert_int_equal(bizcal_set_makeup_weekday(&c, 7), -1);
    assert_int_equal(bizcal_set_makeup_weekday(&c, -1), -1);
    assert_int_equal(bizcal_set_makeup_weekday(&c, 6), 0); /* Saturday: idle */
    expect_due(&c, "2026-10-09 17:00 +0800", 120, "2026-10-12 10:00 +0800");
    /* ...or spans of their own */
    assert_int_equal(bizcal_add_span(&c, BIZCAL_MAKEUP, 600, 960), 0);
    expect_due(&c, "2026-10-09 17:00 +0800", 120, "2026-10-10 11:00 +0800");
    expect_minutes(&c, "2026-10-10 00:00 +0800", "2026-10-11 00:00 +0800", 360);
    bizcal_free(&c);
}

static void make_up_day_on_a_weekday_uses_make_up_spans(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    assert_int_equal(bizcal_add_span(&c, BIZCAL_MAKEUP, 600, 660), 0);
    assert_int_equal(bizcal_add_day(&c, "2026-09-30", true), 0); /* a Wednesday */
    expect_minutes(&c, "2026-09-30 00:00 +0800", "2026-10-01 00:00 +0800", 60);
    expect_due(&c, "2026-09-30 09:00 +0800", 61, "2026-10-01 09:01 +0800");
    bizcal_free(&c);
}

/* ------------------------------------------------------- working days */

static void expect_workdays(const bizcal_t *c, const char *start, int n, const char *want)
{
    char what[96];
    snprintf(what, sizeof what, "workdays(%s, %d)", start, n);
    expect_time(bizclock_workdays_due(c, at(start), n), at(want), what);
}

static void working_days_keep_the_position_of_the_business_clock(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    expect_workdays(&c, "2026-09-29 10:00 +0800", 3, "2026-10-02 10:00 +0800"); /* Tue -> Fri */
    expect_workdays(&c, "2026-09-25 15:00 +0800", 1, "2026-09-28 15:00 +0800"); /* Fri -> Mon */
    /* outside working time: counted from the next working instant, which is
       the start of a day: a day's working time later is that day's end */
    expect_workdays(&c, "2026-09-26 11:00 +0800", 1, "2026-09-28 18:00 +0800"); /* Sat */
    expect_workdays(&c, "2026-09-26 11:00 +0800", 3, "2026-09-30 18:00 +0800");
    expect_workdays(&c, "2026-09-28 05:20 +0800", 1, "2026-09-28 18:00 +0800"); /* Mon night */
    expect_workdays(&c, "2026-09-28 18:00 +0800", 1, "2026-09-29 18:00 +0800");
    expect_workdays(&c, "2026-09-28 09:00 +0800", 1, "2026-09-28 18:00 +0800");
    /* from lunch, counted from 13:30: 3 h into Tuesday is the morning's end,
       the same position of the clock as 13:30 (a due ends a span) */
    expect_workdays(&c, "2026-09-28 12:30 +0800", 1, "2026-09-29 12:00 +0800");
    expect_workdays(&c, "2026-09-28 13:31 +0800", 1, "2026-09-29 13:31 +0800");
    expect_workdays(&c, "2026-09-28 17:59 +0800", 1, "2026-09-29 17:59 +0800");
    /* to the second, and exactly three days of 7.5 h in between */
    time_t s = at("2026-09-29 10:00 +0800") + 37;
    expect_time(bizclock_workdays_due(&c, s, 1), at("2026-09-30 10:00 +0800") + 37, "seconds");
    assert_int_equal(bizclock_minutes(&c, at("2026-09-29 10:00 +0800"),
                                      bizclock_workdays_due(&c, at("2026-09-29 10:00 +0800"), 3)),
                     3 * 450);
    /* n == 0 is the start itself, as for bizclock_due() */
    time_t sat = at("2026-09-26 11:00 +0800");
    assert_int_equal(bizclock_workdays_due(&c, sat, 0), sat);
    assert_int_equal(bizclock_workdays_due(&c, sat, -1), -1);
    assert_int_equal(bizclock_workdays_due(&c, 0, 1), -1);
    assert_int_equal(bizclock_workdays_due(NULL, sat, 1), -1);
    long lo, hi;
    assert_int_equal(bizcal_workday_minutes(&c, &lo, &hi), 5);
    assert_int_equal(lo, 450);
    assert_int_equal(hi, 450);
    bizcal_free(&c);
    bizcal_t empty;
    assert_int_equal(bizcal_init(&empty, "Asia/Shanghai"), 0);
    assert_int_equal(bizclock_workdays_due(&empty, sat, 1), -1);
    assert_int_equal(bizcal_workday_minutes(&empty, &lo, &hi), 0);
    assert_int_equal(lo + hi, 0);
    bizcal_free(&empty);
}

static void working_days_skip_holidays_and_count_make_up_days(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    assert_int_equal(bizcal_add_day(&c, "2026-10-01", false), 0); /* Thursday */
    expect_workdays(&c, "2026-09-30 17:00 +0800", 1, "2026-10-02 17:00 +0800");
    expect_workdays(&c, "2026-09-30 17:00 +0800", 2, "2026-10-05 17:00 +0800");
    /* a short make-up Saturday (10:00-11:00): the position is capped at its end */
    assert_int_equal(bizcal_add_span(&c, BIZCAL_MAKEUP, 600, 660), 0);
    assert_int_equal(bizcal_add_day(&c, "2026-10-10", true), 0);
    expect_workdays(&c, "2026-10-09 17:00 +0800", 1, "2026-10-10 11:00 +0800");
    expect_workdays(&c, "2026-10-09 09:30 +0800", 1, "2026-10-10 10:30 +0800");
    expect_workdays(&c, "2026-10-09 17:00 +0800", 2, "2026-10-12 17:00 +0800");
    long lo, hi;
    assert_int_equal(bizcal_workday_minutes(&c, &lo, &hi), 5);
    assert_int_equal(lo, 60);
    assert_int_equal(hi, 450);
    bizcal_free(&c);
    /* round the clock, a working day is 24 hours */
    all_week(&c, "Asia/Shanghai");
    expect_workdays(&c, "2026-09-26 03:00 +0800", 1, "2026-09-27 03:00 +0800");
    expect_workdays(&c, "2026-09-26 03:00 +0800", 3, "2026-09-29 03:00 +0800");
    bizcal_free(&c);
}

/* ----------------------------------------- midnight, month and year end */

static void night_shift_runs_through_midnight(void **state)
{
    (void)state;
    bizcal_t c;
    assert_int_equal(bizcal_init(&c, "Asia/Shanghai"), 0);
    add_weekdays(&c, 1, 5, 22 * 60, 1440); /* Mon-Fri 22:00-24:00 */
    add_weekdays(&c, 2, 6, 0, 6 * 60);     /* Tue-Sat 00:00-06:00 */
    expect_due(&c, "2026-09-28 23:00 +0800", 120, "2026-09-29 01:00 +0800");
    expect_due(&c, "2026-09-28 23:59 +0800", 2, "2026-09-29 00:01 +0800");
    expect_due(&c, "2026-10-02 23:30 +0800", 400, "2026-10-05 22:10 +0800");
    expect_due(&c, "2026-09-29 06:00 +0800", 1, "2026-09-29 22:01 +0800");
    expect_minutes(&c, "2026-09-28 22:00 +0800", "2026-09-29 06:00 +0800", 480);
    expect_minutes(&c, "2026-09-28 20:00 +0800", "2026-10-05 20:00 +0800", 2400);
    assert_int_equal(bizclock_seconds(&c, at("2026-09-28 23:59 +0800"),
                                      at("2026-09-29 00:01 +0800")), 120);
    bizcal_free(&c);
}

static void month_end_year_end_and_leap_day(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    expect_due(&c, "2026-11-30 17:00 +0800", 120, "2026-12-01 10:00 +0800");
    expect_minutes(&c, "2026-11-30 17:00 +0800", "2026-12-01 10:00 +0800", 120);
    expect_due(&c, "2026-12-31 17:00 +0800", 120, "2027-01-01 10:00 +0800");
    assert_int_equal(bizcal_add_day(&c, "2027-01-01", false), 0);
    expect_due(&c, "2026-12-31 17:00 +0800", 120, "2027-01-04 10:00 +0800");
    expect_minutes(&c, "2026-12-31 09:00 +0800", "2027-01-04 18:00 +0800", 900);
    expect_due(&c, "2028-02-28 17:00 +0800", 120, "2028-02-29 10:00 +0800");
    assert_int_equal(bizcal_add_day(&c, "2028-02-29", false), 0);
    expect_due(&c, "2028-02-28 17:00 +0800", 120, "2028-03-01 10:00 +0800");
    /* three working days (general priority's resolution target) */
    expect_due(&c, "2026-12-30 10:00 +0800", 3 * 450, "2027-01-05 10:00 +0800");
    /* a year of working time: 2026 has 261 weekdays */
    expect_minutes(&c, "2026-01-01 00:00 +0800", "2027-01-01 00:00 +0800", 261 * 450);
    bizcal_free(&c);
}

/* ------------------------------------------------------ daylight saving */

static void seven_by_24_is_elapsed_time_across_berlin_changes(void **state)
{
    (void)state;
    bizcal_t c;
    all_week(&c, "Europe/Berlin");
    expect_due(&c, "2026-03-29 00:30 +0100", 180, "2026-03-29 04:30 +0200");
    expect_due(&c, "2026-10-25 01:30 +0200", 120, "2026-10-25 02:30 +0100");
    expect_minutes(&c, "2026-03-29 00:00 +0100", "2026-03-30 00:00 +0200", 1380);
    expect_minutes(&c, "2026-10-25 00:00 +0200", "2026-10-26 00:00 +0100", 1500);
    expect_minutes(&c, "2026-10-25 02:59 +0200", "2026-10-25 02:01 +0100", 2);
    expect_minutes(&c, "2026-10-25 02:01 +0200", "2026-10-25 02:59 +0100", 118);
    time_t t = at("2025-12-31 23:17 +0100");
    for (int i = 0; i < 2000; i++, t += 15803) { /* about a year, odd steps */
        long m = rand_in(0, 5000);
        assert_int_equal(bizclock_due(&c, t, m), t + m * 60);
        assert_int_equal(bizclock_minutes(&c, t, t + m * 60), m);
    }
    bizcal_free(&c);
    all_week(&c, "America/New_York");
    expect_due(&c, "2026-03-08 01:00 -0500", 120, "2026-03-08 04:00 -0400");
    expect_due(&c, "2026-11-01 00:30 -0400", 120, "2026-11-01 01:30 -0500");
    bizcal_free(&c);
}

static void berlin_change_days_have_23_and_25_local_hours(void **state)
{
    (void)state;
    bizcal_t c;
    assert_int_equal(bizcal_init(&c, "Europe/Berlin"), 0);
    assert_int_equal(bizcal_add_span(&c, 0, 0, 1440), 0); /* Sundays only */
    expect_minutes(&c, "2026-03-22 00:00 +0100", "2026-03-23 00:00 +0100", 1440);
    expect_minutes(&c, "2026-03-28 12:00 +0100", "2026-03-30 12:00 +0200", 1380);
    expect_minutes(&c, "2026-10-24 12:00 +0200", "2026-10-26 12:00 +0100", 1500);
    expect_due(&c, "2026-03-28 12:00 +0100", 1380, "2026-03-30 00:00 +0200");
    expect_due(&c, "2026-03-28 12:00 +0100", 1379, "2026-03-29 23:59 +0200");
    expect_due(&c, "2026-03-28 12:00 +0100", 1381, "2026-04-05 00:01 +0200");
    expect_due(&c, "2026-10-24 12:00 +0200", 1500, "2026-10-26 00:00 +0100");
    expect_due(&c, "2026-10-24 12:00 +0200", 180, "2026-10-25 02:00 +0100");
    bizcal_free(&c);
}

static void berlin_night_spans_on_change_days(void **state)
{
    (void)state;
    bizcal_t c;
    assert_int_equal(bizcal_init(&c, "Europe/Berlin"), 0);
    assert_int_equal(bizcal_add_span(&c, 0, 60, 180), 0); /* Sun 01:00-03:00 */
    expect_minutes(&c, "2026-03-22 00:00 +0100", "2026-03-23 00:00 +0100", 120);
    expect_minutes(&c, "2026-03-29 00:00 +0100", "2026-03-30 00:00 +0200", 60);
    expect_minutes(&c, "2026-10-25 00:00 +0200", "2026-10-26 00:00 +0100", 180);
    expect_due(&c, "2026-03-28 12:00 +0100", 30, "2026-03-29 01:30 +0100");
    expect_due(&c, "2026-03-28 12:00 +0100", 60, "2026-03-29 03:00 +0200");
    expect_due(&c, "2026-10-24 12:00 +0200", 90, "2026-10-25 02:30 +0200");
    expect_due(&c, "2026-10-24 12:00 +0200", 150, "2026-10-25 02:30 +0100");
    expect_due(&c, "2026-10-24 12:00 +0200", 180, "2026-10-25 03:00 +0100");
    bizcal_free(&c);

    assert_int_equal(bizcal_init(&c, "Europe/Berlin"), 0);
    assert_int_equal(bizcal_add_span(&c, 0, 120, 180), 0); /* Sun 02:00-03:00 */
    assert_int_equal(bizcal_add_span(&c, 0, 600, 660), 0); /* Sun 10:00-11:00 */
    expect_minutes(&c, "2026-03-29 00:00 +0100", "2026-03-30 00:00 +0200", 60);
    expect_due(&c, "2026-03-28 12:00 +0100", 1, "2026-03-29 10:01 +0200");
    expect_minutes(&c, "2026-10-25 00:00 +0200", "2026-10-26 00:00 +0100", 180);
    bizcal_free(&c);
}

static void new_york_office_hours_keep_local_time_across_changes(void **state)
{
    (void)state;
    bizcal_t c;
    assert_int_equal(bizcal_init(&c, "America/New_York"), 0);
    add_weekdays(&c, 1, 5, 9 * 60, 17 * 60);
    expect_due(&c, "2026-03-06 16:00 -0500", 120, "2026-03-09 10:00 -0400");
    expect_due(&c, "2026-10-30 16:00 -0400", 120, "2026-11-02 10:00 -0500");
    expect_minutes(&c, "2026-03-06 09:00 -0500", "2026-03-09 17:00 -0400", 960);
    bizcal_free(&c);
}

/* -------------------------------------------------------------- pauses */

static void expect_paused(const bizcal_t *c, long minutes, const bizclock_pause_t *p, int n,
                          const char *want)
{
    char what[64];
    snprintf(what, sizeof what, "due_paused(%d pauses)", n);
    time_t got = bizclock_due_paused(c, at("2026-09-28 09:00 +0800"), minutes, p, n);
    expect_time(got, want ? at(want) : 0, what);
}

static void pauses_stop_the_clock_in_working_time_only(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    /* Monday 2026-09-28 09:00 + 240 min = 14:30 without pauses */
    expect_paused(&c, 240, NULL, 0, "2026-09-28 14:30 +0800");
    bizclock_pause_t one = {at("2026-09-28 10:00 +0800"), at("2026-09-28 11:00 +0800")};
    expect_paused(&c, 240, &one, 1, "2026-09-28 15:30 +0800");
    bizclock_pause_t lunch = {at("2026-09-28 12:10 +0800"), at("2026-09-28 13:00 +0800")};
    expect_paused(&c, 240, &lunch, 1, "2026-09-28 14:30 +0800");
    bizclock_pause_t weekend = {at("2026-09-26 00:00 +0800"), at("2026-09-27 23:00 +0800")};
    expect_paused(&c, 240, &weekend, 1, "2026-09-28 14:30 +0800");
    bizclock_pause_t across = {at("2026-09-28 11:30 +0800"), at("2026-09-28 14:00 +0800")};
    expect_paused(&c, 240, &across, 1, "2026-09-28 15:30 +0800");
    bizclock_pause_t before = {at("2026-09-27 20:00 +0800"), at("2026-09-28 10:00 +0800")};
    expect_paused(&c, 240, &before, 1, "2026-09-28 15:30 +0800");
    bizclock_pause_t two[] = {{at("2026-09-28 10:00 +0800"), at("2026-09-28 11:00 +0800")},
                              {at("2026-09-28 14:00 +0800"), at("2026-09-28 15:00 +0800")}};
    expect_paused(&c, 240, two, 2, "2026-09-28 16:30 +0800");
    bizclock_pause_t overnight = {at("2026-09-28 17:00 +0800"), at("2026-09-29 10:00 +0800")};
    expect_paused(&c, 450, &overnight, 1, "2026-09-29 11:00 +0800");
    bizcal_free(&c);
}

static void open_pause_means_no_due_unless_already_breached(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    bizclock_pause_t open = {at("2026-09-28 10:00 +0800"), 0};
    expect_paused(&c, 240, &open, 1, NULL);
    bizclock_pause_t later = {at("2026-09-28 15:00 +0800"), 0};
    expect_paused(&c, 240, &later, 1, "2026-09-28 14:30 +0800");
    bizclock_pause_t exact = {at("2026-09-28 14:30 +0800"), 0};
    expect_paused(&c, 240, &exact, 1, "2026-09-28 14:30 +0800");
    bizclock_pause_t closed_then_open[] = {
        {at("2026-09-28 10:00 +0800"), at("2026-09-28 11:00 +0800")},
        {at("2026-09-28 15:00 +0800"), 0}};
    expect_paused(&c, 240, closed_then_open, 2, NULL);
    expect_paused(&c, 0, &open, 1, "2026-09-28 09:00 +0800");
    bizcal_free(&c);
}

static void paused_minutes_between_instants(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    time_t from = at("2026-09-28 09:00 +0800"), to = at("2026-09-28 18:00 +0800");
    bizclock_pause_t one = {at("2026-09-28 10:00 +0800"), at("2026-09-28 11:00 +0800")};
    assert_int_equal(bizclock_minutes_paused(&c, from, to, &one, 1), 390);
    bizclock_pause_t open = {at("2026-09-28 16:00 +0800"), 0};
    assert_int_equal(bizclock_minutes_paused(&c, from, to, &open, 1), 330);
    bizclock_pause_t lunch = {at("2026-09-28 12:00 +0800"), at("2026-09-28 13:30 +0800")};
    assert_int_equal(bizclock_minutes_paused(&c, from, to, &lunch, 1), 450);
    assert_int_equal(bizclock_minutes_paused(&c, from, to, NULL, 0), 450);
    bizcal_free(&c);
}

static void malformed_pauses_are_rejected(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    time_t s = at("2026-09-28 09:00 +0800");
    bizclock_pause_t unsorted[] = {{s + 7200, s + 9000}, {s + 100, s + 200}};
    bizclock_pause_t overlap[] = {{s + 100, s + 2000}, {s + 1000, s + 3000}};
    bizclock_pause_t open_first[] = {{s + 100, 0}, {s + 1000, s + 3000}};
    bizclock_pause_t backwards = {s + 3000, s + 1000};
    bizclock_pause_t zero_from = {0, s};
    assert_int_equal(bizclock_due_paused(&c, s, 60, unsorted, 2), -1);
    assert_int_equal(bizclock_due_paused(&c, s, 60, overlap, 2), -1);
    assert_int_equal(bizclock_due_paused(&c, s, 60, open_first, 2), -1);
    assert_int_equal(bizclock_due_paused(&c, s, 60, &backwards, 1), -1);
    assert_int_equal(bizclock_due_paused(&c, s, 60, &zero_from, 1), -1);
    assert_int_equal(bizclock_due_paused(&c, s, 60, NULL, 1), -1);
    assert_int_equal(bizclock_due_paused(&c, s, 60, NULL, -1), -1);
    assert_int_equal(bizclock_minutes_paused(&c, s, s + 3600, overlap, 2), -1);
    bizclock_pause_t touching[] = {{s + 100, s + 200}, {s + 200, s + 300}};
    assert_int_equal(bizclock_due_paused(&c, s, 60, touching, 2), s + 3600 + 200);
    bizcal_free(&c);
}

/* ---------------------------------------------------- random calendars */

static const char *random_zones[] = {"Asia/Shanghai",    "Europe/Berlin",
                                     "America/New_York", "Australia/Sydney",
                                     "America/Nuuk",     "Australia/Lord_Howe"};

static void day_string(long day, char out[16])
{
    time_t t = (time_t)day * 86400;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 16, "%Y-%m-%d", &tm);
}

/* 0-3 spans per weekday (Mon-Fri at least 1), sometimes a night shift,
 * random holidays and make-up days in 2026-2027. */
static void random_calendar(bizcal_t *c, const char *tz)
{
    assert_int_equal(bizcal_init(c, tz), 0);
    long first = (long)(at("2026-01-01 00:00 +0000") / 86400);
    for (int wd = 0; wd < 7; wd++) {
        int k = (int)rand_in(wd >= 1 && wd <= 5 ? 1 : 0, 3), b[6];
        for (int i = 0; i < 2 * k; i++) {
            b[i] = (int)rand_in(0, 1440);
            if (next_rand() % 8 == 0)
                b[i] = next_rand() % 2 ? 0 : 1440;
        }
        for (int i = 1; i < 2 * k; i++) /* insertion sort */
            for (int j = i; j > 0 && b[j - 1] > b[j]; j--) {
                int x = b[j];
                b[j] = b[j - 1];
                b[j - 1] = x;
            }
        for (int i = 0; i < k; i++)
            if (b[2 * i] < b[2 * i + 1])
                (void)bizcal_add_span(c, wd, b[2 * i], b[2 * i + 1]); /* may touch */
    }
    for (int i = 0; i < 40; i++) {
        char d[16];
        day_string(first + rand_in(0, 729), d);
        (void)bizcal_add_day(c, d, i % 5 == 0); /* a clash with the other kind is refused */
    }
}

static time_t random_start(const bizcal_t *c)
{
    time_t lo = at("2026-01-01 00:00 +0000"), hi = at("2028-01-01 00:00 +0000");
    time_t t = (time_t)rand_in(lo, hi);
    int first = 0, last = c->zone.n - 1;
    while (first < c->zone.n && c->zone.at[first] < lo)
        first++;
    while (last >= 0 && c->zone.at[last] > hi)
        last--;
    if (first <= last && next_rand() % 4 == 0) /* near an offset change */
        t = (time_t)c->zone.at[rand_in(first, last)] + (time_t)rand_in(-7200, 7200);
    else if (next_rand() % 3 == 0) {
        t -= t % 60; /* on a minute, often a span boundary */
    }
    return t;
}

#define CHECK(cond, ...)                                                                       \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            print_error(__VA_ARGS__);                                                          \
            fail_msg("property failed: %s", #cond);                                            \
        }                                                                                      \
    } while (0)

static void random_pauses(time_t s, bizclock_pause_t *p, int *n)
{
    *n = (int)rand_in(0, 3);
    time_t t = s - (time_t)rand_in(0, 86400);
    for (int i = 0; i < *n; i++) {
        p[i].from = t + (time_t)rand_in(0, 3 * 86400);
        p[i].to = p[i].from + (time_t)rand_in(0, 2 * 86400);
        t = p[i].to;
    }
}

static void property_case(const bizcal_t *c)
{
    time_t s = random_start(c);
    long d1 = rand_in(0, 3000), d2 = rand_in(0, 3000);
    if (next_rand() % 10 == 0)
        d1 = rand_in(0, 40000);
    time_t due1 = bizclock_due(c, s, d1), due12 = bizclock_due(c, s, d1 + d2);
    CHECK(due1 > 0 && due12 > 0, "%s s=%lld d1=%ld d2=%ld\n", c->tz, (long long)s, d1, d2);
    CHECK(bizclock_due(c, due1, d2) == due12, "%s s=%lld d1=%ld d2=%ld\n", c->tz,
          (long long)s, d1, d2);
    CHECK(bizclock_minutes(c, s, due12) == d1 + d2, "%s s=%lld d=%ld\n", c->tz, (long long)s,
          d1 + d2);
    CHECK(bizclock_seconds(c, s, due1) == d1 * 60LL, "%s s=%lld d=%ld\n", c->tz,
          (long long)s, d1);
    CHECK(due1 <= due12 && (d2 == 0 || due1 < due12), "%s s=%lld d1=%ld d2=%ld\n", c->tz,
          (long long)s, d1, d2);
    CHECK(bizclock_due(c, s, d1 + 1) > due1, "%s s=%lld d1=%ld\n", c->tz, (long long)s, d1);
    bizclock_pause_t p[3];
    int n;
    random_pauses(s, p, &n);
    time_t paused = bizclock_due_paused(c, s, d1, p, n);
    CHECK(paused >= due1, "%s s=%lld d1=%ld n=%d\n", c->tz, (long long)s, d1, n);
    CHECK(bizclock_minutes_paused(c, s, paused, p, n) == d1, "%s s=%lld d1=%ld n=%d\n", c->tz,
          (long long)s, d1, n);
}

static void due_composes_and_inverts_minutes_on_random_calendars(void **state)
{
    (void)state;
    rng = 20261001;
    int cases = 0;
    for (int k = 0; k < 48; k++) {
        bizcal_t c;
        random_calendar(&c, random_zones[k % 6]);
        for (int i = 0; i < 100; i++, cases++)
            property_case(&c);
        bizcal_free(&c);
    }
    assert_int_equal(cases, 4800);
}

/* Minute-by-minute reference for a fixed-offset zone: is minute t worked? */
struct ref {
    long off;
    int wd_span[7][8][2], nspan[7];
    long holiday[32], workday[8];
    int nholiday, nworkday;
};

static bool ref_in(const long *set, int n, long day)
{
    for (int i = 0; i < n; i++)
        if (set[i] == day)
            return true;
    return false;
}

static bool ref_working(const struct ref *r, time_t t)
{
    long long local = t + r->off;
    long day = (long)(local / 86400), minute = (long)(local % 86400 / 60);
    int wd = (int)((day + 4) % 7);
    if (ref_in(r->holiday, r->nholiday, day))
        return false;
    if (ref_in(r->workday, r->nworkday, day))
        wd = 1;
    for (int i = 0; i < r->nspan[wd]; i++)
        if (minute >= r->wd_span[wd][i][0] && minute < r->wd_span[wd][i][1])
            return true;
    return false;
}

static void ref_build(struct ref *r, bizcal_t *c, const char *tz, long off)
{
    memset(r, 0, sizeof *r);
    r->off = off;
    assert_int_equal(bizcal_init(c, tz), 0);
    for (int wd = 0; wd < 7; wd++) {
        int start = (int)rand_in(0, 700), spans = (int)rand_in(0, 3);
        for (int i = 0; i < spans && start < 1400; i++) {
            int end = start + (int)rand_in(1, 300);
            end = end > 1440 ? 1440 : end;
            assert_int_equal(bizcal_add_span(c, wd, start, end), 0);
            r->wd_span[wd][r->nspan[wd]][0] = start;
            r->wd_span[wd][r->nspan[wd]++][1] = end;
            start = end + (int)rand_in(1, 200);
        }
    }
    long first = (long)(at("2026-01-01 00:00 +0000") / 86400);
    for (int i = 0; i < 24; i++) {
        bool work = i % 4 == 0;
        long day = first + rand_in(0, 120);
        char d[16];
        day_string(day, d);
        if (bizcal_add_day(c, d, work) == 0 && !ref_in(work ? r->workday : r->holiday,
                                                       work ? r->nworkday : r->nholiday, day)) {
            if (work)
                r->workday[r->nworkday++] = day;
            else
                r->holiday[r->nholiday++] = day;
        }
    }
}

static void due_matches_a_minute_by_minute_reference(void **state)
{
    (void)state;
    rng = 77;
    struct {
        const char *tz;
        long off;
    } fixed[] = {{"Asia/Shanghai", 28800}, {"UTC", 0}, {"Asia/Kolkata", 19800},
                 {"America/Bogota", -18000}};
    for (int k = 0; k < 40; k++) {
        struct ref r;
        bizcal_t c;
        ref_build(&r, &c, fixed[k % 4].tz, fixed[k % 4].off);
        for (int i = 0; i < 10; i++) {
            time_t s = at("2026-01-01 00:00 +0000") + (time_t)rand_in(0, 100 * 1440) * 60;
            long d = rand_in(0, 1500), count = 0;
            time_t t = s;
            for (; count < d && t < s + 400LL * 86400; t += 60)
                count += ref_working(&r, t);
            time_t want = count == d ? t : -1;
            CHECK(bizclock_due(&c, s, d) == want, "%s s=%lld d=%ld\n", c.tz, (long long)s, d);
            if (want > 0)
                CHECK(bizclock_minutes(&c, s, want + 3600) - d ==
                          bizclock_minutes(&c, want, want + 3600),
                      "%s s=%lld d=%ld\n", c.tz, (long long)s, d);
        }
        bizcal_free(&c);
    }
}

/* The working-day due by the minute-by-minute reference: the first worked
 * minute at or after s, its position p on its date, the n-th later date
 * with worked minutes, and the instant p worked minutes into it. */
static time_t ref_workdays(const struct ref *r, time_t s, int n)
{
    time_t limit = s + 400LL * 86400, t = s;
    while (!ref_working(r, t))
        if ((t += 60) > limit)
            return -1;
    long day = (long)((t + r->off) / 86400), p = 0, len = 0;
    for (time_t u = (time_t)day * 86400 - r->off; u < t; u += 60)
        p += ref_working(r, u);
    while (n > 0) {
        if (++day * 86400L - r->off > limit)
            return -1;
        len = 0;
        for (int m = 0; m < 1440; m++)
            len += ref_working(r, (time_t)day * 86400 - r->off + m * 60);
        n -= len > 0;
    }
    time_t u = (time_t)day * 86400 - r->off, last = u;
    for (long seen = 0; u < (time_t)(day + 1) * 86400 - r->off; u += 60) {
        if (!ref_working(r, u))
            continue;
        if (seen == p)
            return u; /* p == 0: the first worked minute */
        last = u + 60;
        if (++seen == p)
            return last;
    }
    return last; /* p beyond a short day: its end */
}

/* The earliest instant after s with as many worked minutes since s as
 * [s, same) holds. */
static time_t ref_earliest(const struct ref *r, time_t s, time_t same)
{
    if (same < 0)
        return -1;
    long want = 0, seen = 0;
    for (time_t u = s; u < same; u += 60)
        want += ref_working(r, u);
    time_t t = s;
    for (; seen < want; t += 60)
        seen += ref_working(r, t);
    return t;
}

static void working_days_match_a_minute_by_minute_reference(void **state)
{
    (void)state;
    rng = 1010;
    struct {
        const char *tz;
        long off;
    } fixed[] = {{"Asia/Shanghai", 28800}, {"UTC", 0}, {"Asia/Kolkata", 19800}};
    for (int k = 0; k < 30; k++) {
        struct ref r;
        bizcal_t c;
        ref_build(&r, &c, fixed[k % 3].tz, fixed[k % 3].off);
        long lo, hi;
        bizcal_workday_minutes(&c, &lo, &hi);
        for (int i = 0; i < 8; i++) {
            time_t s = at("2026-01-01 00:00 +0000") + (time_t)rand_in(0, 100 * 1440) * 60;
            int n = (int)rand_in(1, 4);
            time_t got = bizclock_workdays_due(&c, s, n), want = ref_earliest(&r, s,
                                                                           ref_workdays(&r, s, n));
            CHECK(got == want, "%s s=%lld n=%d got=%lld want=%lld\n", c.tz, (long long)s, n,
                  (long long)got, (long long)want);
            if (got <= 0)
                continue;
            long m = bizclock_minutes(&c, s, got);
            CHECK(m >= n * lo && m <= n * hi, "%s s=%lld n=%d m=%ld lo=%ld hi=%ld\n", c.tz,
                  (long long)s, n, m, lo, hi);
            CHECK(bizclock_workdays_due(&c, s, n + 1) > got, "%s s=%lld n=%d\n", c.tz,
                  (long long)s, n);
        }
        bizcal_free(&c);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(init_rejects_unknown_and_unsafe_zone_names),
        cmocka_unit_test(spans_merge_when_adjacent_and_reject_overlap),
        cmocka_unit_test(days_are_validated_and_kinds_do_not_conflict),
        cmocka_unit_test(utc_offsets_agree_with_glibc),
        cmocka_unit_test(local_instants_around_transitions_agree_with_reference),
        cmocka_unit_test(local_instant_semantics_on_berlin_change_days),
        cmocka_unit_test(footer_rules_agree_with_glibc_posix_strings),
        cmocka_unit_test(version_1_files_and_broken_files),
        cmocka_unit_test(friday_evening_rolls_over_the_weekend),
        cmocka_unit_test(saturday_start_counts_from_monday_morning),
        cmocka_unit_test(lunch_break_is_not_counted),
        cmocka_unit_test(zero_minutes_and_bad_arguments),
        cmocka_unit_test(process_time_zone_does_not_matter),
        cmocka_unit_test(national_day_holiday_is_skipped),
        cmocka_unit_test(golden_week_and_make_up_saturday),
        cmocka_unit_test(make_up_day_on_a_weekday_uses_make_up_spans),
        cmocka_unit_test(working_days_keep_the_position_of_the_business_clock),
        cmocka_unit_test(working_days_skip_holidays_and_count_make_up_days),
        cmocka_unit_test(night_shift_runs_through_midnight),
        cmocka_unit_test(month_end_year_end_and_leap_day),
        cmocka_unit_test(seven_by_24_is_elapsed_time_across_berlin_changes),
        cmocka_unit_test(berlin_change_days_have_23_and_25_local_hours),
        cmocka_unit_test(berlin_night_spans_on_change_days),
        cmocka_unit_test(new_york_office_hours_keep_local_time_across_changes),
        cmocka_unit_test(pauses_stop_the_clock_in_working_time_only),
        cmocka_unit_test(open_pause_means_no_due_unless_already_breached),
        cmocka_unit_test(paused_minutes_between_instants),
        cmocka_unit_test(malformed_pauses_are_rejected),
        cmocka_unit_test(due_composes_and_inverts_minutes_on_random_calendars),
        cmocka_unit_test(due_matches_a_minute_by_minute_reference),
        cmocka_unit_test(working_days_match_a_minute_by_minute_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
