/* libFuzzer target: the small parsers and encoders of values people type,
 * one chosen by the input's first byte, the rest the value:
 *   0  a weekday's working spans (calrules_parse_spans, the calendar page)
 *   1  a choice field's options text (catdef_parse_options, the catalogue)
 *   2  a portal colour (brand_color_parse, brand_primary_error)
 *   3  a ticket number pattern (tn_pattern_valid, tn_render, tn_period)
 *   4  a mail made of a customer's subject and body and a display name
 *      (mail_build: header injection, line lengths)
 *   5  a mail address and an SMS number (mail_address_valid,
 *      sms_number_valid) and the SMS gateway URL (sms_build_url)
 *   6  untrusted text (text_mark_controls, text_mark_name,
 *      text_like_pattern, text_trim, text_list_has)
 *   7  a spreadsheet cell (csv_cell, csv_formula_risk)
 *
 * Each case checks what the function promises in its header. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calrules.h"
#include "core/csv.h"
#include "core/text.h"
#include "desk/brand.h"
#include "desk/catalog/catdef.h"
#include "desk/notify/mailer.h"
#include "desk/ticket/ticket_number.h"

#define CHECK(c)                                                                                   \
    do {                                                                                           \
        if (!(c)) {                                                                                \
            fprintf(stderr, "check failed: %s (line %d)\n", #c, __LINE__);                        \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static void spans(const char *s)
{
    bizcal_span_t out[BIZCAL_MAX_SPANS], again[BIZCAL_MAX_SPANS];
    const char *err = NULL;
    int n = calrules_parse_spans(s, out, BIZCAL_MAX_SPANS, &err);
    if (n < 0) {
        CHECK(err);
        return;
    }
    CHECK(n <= BIZCAL_MAX_SPANS);
    for (int i = 0; i < n; i++) {
        CHECK(out[i].start >= 0 && out[i].start < out[i].end && out[i].end <= 24 * 60);
        CHECK(i == 0 || out[i - 1].end <= out[i].start);
    }
    /* what the page shows reads back as the same spans */
    char text[BIZCAL_MAX_SPANS * 16];
    calrules_format_spans(out, n, text, sizeof text);
    CHECK(calrules_parse_spans(text, again, BIZCAL_MAX_SPANS, &err) == n);
    CHECK(memcmp(out, again, (size_t)n * sizeof *out) == 0);
}

static void options(const char *s)
{
    optline_t out[16];
    const char *err = NULL;
    int line = 0;
    int n = catdef_parse_options(s, out, 16, &err, &line);
    if (n < 0) {
        CHECK(err && line >= 1);
        return;
    }
    CHECK(n <= 16);
    for (int i = 0; i < n; i++) {
        CHECK(catdef_code_ok(out[i].code));
        for (int l = 0; l < LANG_COUNT; l++)
            CHECK(strlen(out[i].label[l]) <= 100 &&
                  text_is_clean_utf8(out[i].label[l], strlen(out[i].label[l])));
        for (int j = 0; j < i; j++)
            CHECK(strcmp(out[i].code, out[j].code) != 0);
    }
}

static void colour(const char *s)
{
    char c[8];
    const char *why = brand_primary_error(s);
    if (!brand_color_parse(s, c)) {
        CHECK(why && strcmp(why, "color_format") == 0);
        return;
    }
    CHECK(c[0] == '#' && strlen(c) == 7 && strspn(c + 1, "0123456789abcdef") == 6);
    double r = brand_contrast(c, "#ffffff");
    CHECK(r >= 1.0 && r <= 21.0);
    CHECK(!why || strcmp(why, "color_contrast") == 0);
    char m[8];
    brand_mix(c, "#000000", 0.5, m);
    CHECK(brand_color_parse(m, m));
}

static void number_pattern(const char *s)
{
    if (!tn_pattern_valid(s))
        return;
    CHECK(strlen(s) <= 20);
    struct tm tm = {.tm_year = 126, .tm_mon = 11, .tm_mday = 31};
    char out[TN_MAX], period[9];
    CHECK(tn_render(s, &tm, 1, out, sizeof out) == 0);
    CHECK(strspn(out, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
          strlen(out));
    tn_period(s, &tm, period);
    CHECK(strcmp(period, "20261231") == 0 || strcmp(period, "202612") == 0);
    tn_render(s, &tm, 999999999L, out, sizeof out);
}

/* the message is lines of at most 998 bytes, each ended by CRLF, with no
 * CR or LF anywhere else; the header lines are printable ASCII */
static void check_message(const char *m, size_t len, bool whole)
{
    CHECK(strlen(m) == len);
    int in_head = 1, has_subject = 0;
    for (const char *p = m; p < m + len;) {
        const char *crlf = strstr(p, "\r\n");
        CHECK(crlf);
        size_t n = (size_t)(crlf - p);
        CHECK(n <= 998 && !memchr(p, '\r', n) && !memchr(p, '\n', n));
        if (n == 0)
            in_head = 0;
        if (in_head) {
            for (size_t i = 0; i < n; i++)
                CHECK((p[i] >= 0x20 && p[i] < 0x7f) || p[i] == '\t');
            has_subject |= n >= 9 && memcmp(p, "Subject: ", 9) == 0;
        }
        p = crlf + 2;
    }
    CHECK(has_subject && in_head == !whole);
}

static void mail(char *s)
{
    /* subject, display name and body, separated by NUL-free '\x1f' */
    char *name = strchr(s, 0x1f), *body = NULL;
    if (name) {
        *name++ = '\0';
        body = strchr(name, 0x1f);
        if (body)
            *body++ = '\0';
    }
    mail_t m = {.from = "desk@example.com", .from_name = name, .to = "li.lei@example.com",
                .subject = s, .body = body ? body : "", .id = 42, .thread_id = 7, .date = 0};
    size_t len = 0;
    char *out = mail_build(&m, &len);
    CHECK(out);
    check_message(out, len, true);
    free(out);
    char *h = mail_subject_header(s);
    CHECK(h);
    check_message(h, strlen(h), false);
    free(h);
}

static void address(const char *s)
{
    if (mail_address_valid(s)) {
        CHECK(strlen(s) <= 254 && strchr(s, '@') && strchr(s, '@') == strrchr(s, '@'));
        CHECK(s[0] != '@' && !strpbrk(s, " \"<>,;\\\r\n\t()"));
        for (const unsigned char *p = (const unsigned char *)s; *p; p++)
            CHECK(*p > 0x20 && *p < 0x7f);
    }
    if (sms_number_valid(s)) {
        CHECK(strspn(s, "+0123456789 -") == strlen(s) && !strchr(s + 1, '+'));
    }
    char *url = sms_build_url("https://sms.example.com/send?to={to}&text={text}", s, s);
    CHECK(url);
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        CHECK(*p > 0x20 && *p < 0x7f);
    free(url);
}

static void text(char *s)
{
    size_t n = strlen(s);
    char *c = text_mark_controls(s), *p = text_mark_name(s);
    CHECK(c && p);
    CHECK(text_is_clean_utf8(c, strlen(c)) && text_is_plain_name(p));
    if (text_is_clean_utf8(s, n))
        CHECK(strcmp(c, s) == 0);
    if (text_is_plain_name(s))
        CHECK(strcmp(p, s) == 0 && text_is_utf8(s, n));
    if (text_is_utf8(s, n))
        text_chars(s);
    free(c);
    free(p);
    char *like = malloc(2 * n + 3);
    CHECK(like && text_like_pattern(s, true, like, 2 * n + 3));
    CHECK(like[0] == '%' && like[strlen(like) - 1] == '%');
    CHECK(text_like_pattern(s, false, like, 2 * n + 3));
    free(like);
    text_list_has(s, "fault");
    text_list_has("fault,complaint", s);
    char *t = text_trim(s);
    CHECK(strlen(t) <= n);
}

static void cell(const char *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK(f);
    csv_cell(f, s);
    CHECK(fclose(f) == 0);
    CHECK(len >= 2 && buf[0] == '"' && buf[len - 1] == '"');
    if (csv_formula_risk(s))
        CHECK(buf[1] == '\'');
    /* inside the quotes, every quote is doubled */
    for (size_t i = 1; i + 1 < len; i++)
        if (buf[i] == '"')
            CHECK(buf[++i] == '"' && i + 1 < len);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    char *s = malloc(size);
    if (!s)
        abort();
    memcpy(s, data + 1, size - 1);
    s[size - 1] = '\0';
    switch (data[0] & 7) {
    case 0: spans(s); break;
    case 1: options(s); break;
    case 2: colour(s); break;
    case 3: number_pattern(s); break;
    case 4: mail(s); break;
    case 5: address(s); break;
    case 6: text(s); break;
    default: cell(s); break;
    }
    free(s);
    return 0;
}
