/* Unit tests for lib/core/ics_write.c: an invitation's VCALENDAR, its
 * folding and escaping, its local times and VTIMEZONE (a zone without and
 * one with daylight saving), and that the desk's own reader takes it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "append.h"
#include "core/ics.h"
#include "core/ics_write.h"

static void use_zone(const char *tz)
{
    setenv("TZ", tz, 1);
    tzset();
}

/* 2026-12-16 10:00 in Shanghai = 02:00 UTC */
#define START ((time_t)1797386400)

static char *invite(const char *method, const ics_zone_t *z, const char *agenda)
{
    static const ics_person_t people[] = {{"李 \"小\" 明", "li@example.com"},
                                          {NULL, "ops@example.com"}};
    ics_event_t e = {.method = method,
                     .uid = "meeting-7@desk.example.com",
                     .sequence = 2,
                     .stamp = START - 86400 * 3,
                     .start = START,
                     .end = START + 90 * 60,
                     .zone = z,
                     .organiser = {"王主管", "wang@example.com"},
                     .attendees = people,
                     .nattendees = 2,
                     .summary = "复盘会议: 报表故障; 第二次, 跟进",
                     .location = "3 楼会议室",
                     .description = agenda};
    return ics_write_event(&e, NULL);
}

static bool has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; (p = strstr(p, line)); p++)
        if ((p == text || p[-1] == '\n') && p[n] == '\r' && p[n + 1] == '\n')
            return true;
    return false;
}

/* The text with its folds undone. */
static char *unfold(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    for (; *s; s++) {
        if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ') {
            s += 2;
            continue;
        }
        *o++ = *s;
    }
    *o = '\0';
    return out;
}

static void request_in_shanghai(void **state)
{
    (void)state;
    use_zone("Asia/Shanghai");
    ics_zone_t z;
    assert_int_equal(ics_zone_local("Asia/Shanghai", START - 86400 * 400, START + 86400, &z), 0);
    assert_int_equal(z.n, 0);
    assert_int_equal(z.offset, 8 * 3600);
    char *t = invite("REQUEST", &z, "问题回顾\n经验分享");
    assert_non_null(t);
    char *u = unfold(t);
    assert_true(has_line(u, "METHOD:REQUEST"));
    assert_true(has_line(u, "BEGIN:VTIMEZONE"));
    assert_true(has_line(u, "TZID:Asia/Shanghai"));
    assert_true(has_line(u, "TZOFFSETTO:+0800"));
    assert_true(has_line(u, "DTSTART;TZID=Asia/Shanghai:20261216T100000"));
    assert_true(has_line(u, "DTEND;TZID=Asia/Shanghai:20261216T113000"));
    assert_true(has_line(u, "DTSTAMP:20261213T020000Z"));
    assert_true(has_line(u, "UID:meeting-7@desk.example.com"));
    assert_true(has_line(u, "SEQUENCE:2"));
    assert_true(has_line(u, "STATUS:CONFIRMED"));
    assert_true(has_line(u, "SUMMARY:复盘会议: 报表故障\\; 第二次\\, 跟进"));
    assert_true(has_line(u, "DESCRIPTION:问题回顾\\n经验分享"));
    assert_true(has_line(u, "ORGANIZER;CN=\"王主管\":mailto:wang@example.com"));
    assert_non_null(strstr(u, "ATTENDEE;CN=\"李 小 明\";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;"
                              "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:li@example.com\r\n"));
    assert_non_null(strstr(u, "RSVP=TRUE:mailto:ops@example.com\r\n"));
    free(u);
    free(t);
}

static void lines_are_folded_at_75_octets_between_characters(void **state)
{
    (void)state;
    char agenda[2000] = "";
    for (int i = 0; i < 60; i++)
        append(agenda, sizeof agenda, i % 3 ? "根因" : "why, ");
    char *t = invite("REQUEST", NULL, agenda);
    assert_non_null(t);
    int continuation = 0;
    for (char *line = t; *line;) {
        char *end = strstr(line, "\r\n");
        assert_non_null(end);
        assert_true(end - line <= 75);
        assert_null(memchr(line, '\n', (size_t)(end - line))); /* CRLF only */
        if (*line == ' ') {
            continuation++;
            assert_true(((unsigned char)line[1] & 0xC0) != 0x80); /* not mid-character */
        }
        line = end + 2;
    }
    assert_true(continuation >= 5);
    char *u = unfold(t);
    char *d = strstr(u, "DESCRIPTION:");
    assert_non_null(d);
    assert_memory_equal(d + 12, "why\\, 根因根因why\\, ", strlen("why\\, 根因根因why\\, "));
    assert_true(has_line(u, "DTSTART:20261216T020000Z")); /* no zone: UTC */
    free(u);
    free(t);
}

static void cancel_and_daylight_saving(void **state)
{
    (void)state;
    use_zone("Europe/Berlin");
    ics_zone_t z;
    /* 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC */
    assert_int_equal(ics_zone_local("Europe/Berlin", START - 86400 * 300, START + 86400, &z), 0);
    assert_int_equal(z.n, 2);
    assert_int_equal(z.changes[0].at, (time_t)1774746000);
    assert_true(z.changes[0].dst);
    assert_int_equal(z.changes[1].at, (time_t)1792890000);
    assert_false(z.changes[1].dst);
    char *t = invite("CANCEL", &z, NULL);
    assert_non_null(t);
    assert_true(has_line(t, "METHOD:CANCEL"));
    assert_true(has_line(t, "STATUS:CANCELLED"));
    assert_true(has_line(t, "DTSTART:20260329T020000"));  /* onset in the old offset */
    assert_true(has_line(t, "DTSTART:20261025T030000"));
    assert_true(has_line(t, "TZOFFSETFROM:+0200"));
    assert_true(has_line(t, "DTSTART;TZID=Europe/Berlin:20261216T030000")); /* 02:00Z + 1 h */
    assert_null(strstr(t, "DESCRIPTION"));
    free(t);
}

static void refuses_what_would_break_the_text(void **state)
{
    (void)state;
    ics_event_t e = {.method = "REQUEST", .uid = "u@x", .start = START, .end = START + 60,
                     .organiser = {NULL, "a@example.com"}};
    char *ok = ics_write_event(&e, NULL);
    assert_non_null(ok);
    free(ok);
    e.organiser.email = "a@example.com\r\nX:y";
    assert_null(ics_write_event(&e, NULL));
    e.organiser.email = "a@example.com";
    e.method = "PUBLISH";
    assert_null(ics_write_event(&e, NULL));
    e.method = "REQUEST";
    ics_zone_t z = {.tzid = "Asia/Shanghai\r\nX", .offset = 0};
    e.zone = &z;
    assert_null(ics_write_event(&e, NULL));
    e.zone = NULL;
    e.summary = "line\r\nBEGIN:VALARM";
    char *t = ics_write_event(&e, NULL);
    assert_true(has_line(t, "SUMMARY:line\\nBEGIN:VALARM"));
    assert_false(has_line(t, "BEGIN:VALARM"));
    free(t);
}

/* Bytes that are not UTF-8 (a long run of continuation bytes) leave nowhere
 * to cut between characters: they are cut anyway, and the folding ends. */
static void a_run_of_continuation_bytes_is_folded_too(void **state)
{
    (void)state;
    char junk[400];
    memset(junk, 0x80, sizeof junk - 1);
    junk[sizeof junk - 1] = '\0';
    ics_event_t e = {.method = "REQUEST", .uid = "u@x", .start = START, .end = START + 60,
                     .organiser = {NULL, "a@example.com"}, .summary = junk};
    size_t n = 0;
    char *t = ics_write_event(&e, &n);
    assert_non_null(t);
    assert_true(n < 1000);
    for (char *line = t; *line; line = strstr(line, "\r\n") + 2)
        assert_true(strstr(line, "\r\n") - line <= 75);
    free(t);
}

/* The desk's reader (holidays: all-day events only) takes the invitation
 * whole: components matched, every line well formed, the timed event seen
 * and counted. */
static void the_desk_reader_reads_it_back(void **state)
{
    (void)state;
    use_zone("Asia/Shanghai");
    ics_zone_t z;
    ics_zone_local("Asia/Shanghai", START - 86400, START + 86400, &z);
    char agenda[1200] = "";
    for (int i = 0; i < 40; i++)
        append(agenda, sizeof agenda, "议程；第一项, 第二项\n");
    char *t = invite("REQUEST", &z, agenda);
    ics_result_t r;
    assert_int_equal(ics_parse_days(t, strlen(t), 10, &r), -1);
    assert_string_equal(r.error, "ics_no_days"); /* not a structural error */
    assert_int_equal(r.skipped_timed, 1);
    ics_result_free(&r);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(request_in_shanghai),
        cmocka_unit_test(lines_are_folded_at_75_octets_between_characters),
        cmocka_unit_test(cancel_and_daylight_saving),
        cmocka_unit_test(refuses_what_would_break_the_text),
        cmocka_unit_test(a_run_of_continuation_bytes_is_folded_too),
        cmocka_unit_test(the_desk_reader_reads_it_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
