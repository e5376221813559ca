/* Unit tests for lib/web/http.c's req_start(): requests as a worker reads
 * them (tests/unit/fakereq.h holds one in memory), the cgi kit included. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fakereq.h"
#include "web/http.h"

/* Starts a POST of body with this Content-Type; returns req_start's status
 * and leaves the request in *r (req_finish it). */
static int post(fake_req_t *f, req_t *r, const char *content_type, const char *body)
{
    char cl[32];
    snprintf(cl, sizeof cl, "%zu", strlen(body));
    fake_init(f, body, strlen(body));
    fake_params(f, "REQUEST_METHOD", "POST");
    fake_params(f, "REQUEST_URI", "/new");
    fake_params(f, "CONTENT_TYPE", content_type);
    fake_params(f, "CONTENT_LENGTH", cl);
    req_limits_t lim = {1 << 20, 1 << 20, "/tmp"};
    return req_start(r, &f->fx, &lim, true);
}

static void done(fake_req_t *f, req_t *r)
{
    req_finish(r);
    fake_free(f);
}

/* The cgi kit reads a multipart body with the boundary it finds itself and
 * dereferences it unchecked: without one, a worker that had read any
 * multipart body before crashed (SIGSEGV in strlen). */
static void multipart_without_boundary_is_refused(void **state)
{
    (void)state;
    fake_req_t f;
    req_t r;
    assert_int_equal(post(&f, &r, "multipart/form-data; boundary=zz",
                          "--zz\r\nContent-Disposition: form-data; name=\"s\"\r\n\r\nx\r\n--zz--\r\n"),
                     0);
    assert_string_equal(req_query(&r, "s"), "x");
    done(&f, &r);
    static const char *const types[] = {
        "multipart/form-data",
        "multipart/form-data; charset=utf-8",
        "multipart/form-data; boundaryproduct=zz",
        "multipart/form-data; boundary=",
        "multipart/form-data; boundary=\"\"",
        "multipart/form-data; x=\"a\"boundary=zz", /* the kit skips a byte after a quote */
    };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        assert_int_equal(post(&f, &r, types[i], "--zz\r\n\r\nx\r\n--zz--\r\n"), 400);
        done(&f, &r);
    }
}

/* The boundary as the cgi kit reads it: white space before '=' is allowed,
 * and the NUL guard must see the same parts (a NUL in a text field is
 * refused with a message, not cut short). */
static void multipart_boundary_read_as_the_kit_does(void **state)
{
    (void)state;
    static const char *const types[] = {
        "multipart/form-data; boundary=zz",
        "multipart/form-data; boundary =zz",
        "multipart/form-data;boundary\t=\"zz\"; charset=utf-8",
        "multipart/form-data; charset=\"a;b\"; BOUNDARY=zz",
    };
    static const char body[] = "--zz\r\nContent-Disposition: form-data; name=\"s\"\r\n\r\n"
                               "a%00b\r\n--zz--\r\n";
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        char raw[sizeof body];
        memcpy(raw, body, sizeof body);
        *strstr(raw, "%00") = '\0'; /* a raw NUL in the text part */
        char cl[32];
        size_t n = sizeof body - 1;
        snprintf(cl, sizeof cl, "%zu", n);
        fake_req_t f;
        fake_init(&f, raw, n);
        fake_params(&f, "REQUEST_METHOD", "POST");
        fake_params(&f, "CONTENT_TYPE", types[i]);
        fake_params(&f, "CONTENT_LENGTH", cl);
        req_t r;
        req_limits_t lim = {1 << 20, 1 << 20, "/tmp"};
        assert_int_equal(req_start(&r, &f.fx, &lim, true), 0);
        const char *s = req_query(&r, "s");
        assert_non_null(s);
        if (strcmp(s, "a\x01" "00b")) fail_msg("%s: %s", types[i], s);
        done(&f, &r);
    }
}

/* The kit keeps only the last Content-Disposition and Content-Type of a
 * part and never frees the first's values: memory any client could make a
 * worker lose on every request (the sanitized suite reports the leak). */
static void part_with_two_dispositions_is_refused(void **state)
{
    (void)state;
    static const char *const bodies[] = {
        "--zz\r\nContent-Disposition: form-data; name=\"a\"\r\n"
        "content-disposition: form-data; name=\"b\"\r\n\r\nx\r\n--zz--\r\n",
        "--zz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n"
        "Content-Type: text/plain\r\nCONTENT-TYPE: image/png\r\n\r\nx\r\n--zz--\r\n",
        /* a boundary among a part's headers is one more header line to the kit */
        "--zz\r\nContent-Disposition: form-data; name=\"a\"\r\n--zz\r\n"
        "Content-Disposition: form-data; name=\"b\"\r\n\r\nx\r\n--zz--\r\n",
    };
    for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
        fake_req_t f;
        req_t r;
        assert_int_equal(post(&f, &r, "multipart/form-data; boundary=zz", bodies[i]), 400);
        done(&f, &r);
    }
    /* one of each, and other headers repeated, are read */
    fake_req_t f;
    req_t r;
    assert_int_equal(post(&f, &r, "multipart/form-data; boundary=zz",
                          "--zz\r\nContent-Disposition: form-data; name=\"a\"\r\nX-A: 1\r\n"
                          "X-A: 2\r\nContent-Type: text/plain\r\n\r\n甲\r\n--zz\r\n"
                          "Content-Disposition: form-data; name=\"b\"\r\n\r\n乙\r\n--zz--\r\n"),
                     0);
    assert_string_equal(req_query(&r, "a"), "甲");
    assert_string_equal(req_query(&r, "b"), "乙");
    done(&f, &r);
}

/* The kit caches the length of the last boundary by the boundary's
 * address; a worker whose next request's boundary was allocated at the
 * same place, with another length, misread that body (most uploads from
 * clients whose boundaries differ in length, e.g. two browsers, or curl
 * and a browser, were read without their fields). */
static void boundaries_of_any_length_in_a_row(void **state)
{
    (void)state;
    unsigned seed = 12;
    for (int i = 0; i < 300; i++) {
        char b[64], ct[128], body[512];
        int len = 1 + (int)(rand_r(&seed) % 60);
        for (int k = 0; k < len; k++)
            b[k] = "abcdefghij0123456789-"[rand_r(&seed) % 21];
        b[len] = '\0';
        snprintf(ct, sizeof ct, "multipart/form-data; boundary=%s", b);
        snprintf(body, sizeof body,
                 "--%s\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n第%d\r\n--%s\r\n"
                 "Content-Disposition: form-data; name=\"b\"\r\n\r\nok\r\n--%s--\r\n",
                 b, i, b, b);
        fake_req_t f;
        req_t r;
        assert_int_equal(post(&f, &r, ct, body), 0);
        char want[32];
        snprintf(want, sizeof want, "第%d", i);
        const char *a = req_query(&r, "a"), *v = req_query(&r, "b");
        if (!a || strcmp(a, want) || !v || strcmp(v, "ok"))
            fail_msg("request %d, boundary of %d characters: a=%s b=%s", i, len, a ? a : "(none)",
                     v ? v : "(none)");
        done(&f, &r);
    }
}

/* A header value goes out only when it holds no control character but tab:
 * CR or LF would end it, the others make a head a proxy refuses. */
static void header_with_control_character_is_refused(void **state)
{
    (void)state;
    fake_req_t f;
    req_t r;
    fake_init(&f, "", 0);
    fake_params(&f, "REQUEST_METHOD", "GET");
    req_limits_t lim = {1 << 20, 1 << 20, NULL};
    assert_int_equal(req_start(&r, &f.fx, &lim, false), 0);
    req_header(&r, "X-A", "中文\tok");
    req_header(&r, "X-B", "a\x01b");
    req_header(&r, "X-C", "a\x7f");
    req_header(&r, "X-D", "a\r\nSet-Cookie: x=1");
    req_set_cookie(&r, "lang", "en\x1b", 60, "Lax");
    req_finish(&r);
    size_t len;
    const char *out = fake_response(&f, &len);
    assert_non_null(memmem(out, len, "X-A: 中文\tok\r\n", strlen("X-A: 中文\tok\r\n")));
    assert_null(memmem(out, len, "X-B:", 4));
    assert_null(memmem(out, len, "X-C:", 4));
    assert_null(memmem(out, len, "X-D:", 4));
    assert_null(memmem(out, len, "Set-Cookie", 10));
    fake_free(&f);
}

static void urlencoded_form_is_read(void **state)
{
    (void)state;
    fake_req_t f;
    req_t r;
    assert_int_equal(post(&f, &r, "application/x-www-form-urlencoded",
                          "subject=%E6%89%93%E5%8D%B0%E6%9C%BA&n=%00x"),
                     0);
    assert_string_equal(req_query(&r, "subject"), "打印机");
    assert_string_equal(req_query(&r, "n"), "\x01x");
    done(&f, &r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(multipart_without_boundary_is_refused),
        cmocka_unit_test(multipart_boundary_read_as_the_kit_does),
        cmocka_unit_test(part_with_two_dispositions_is_refused),
        cmocka_unit_test(boundaries_of_any_length_in_a_row),
        cmocka_unit_test(header_with_control_character_is_refused),
        cmocka_unit_test(urlencoded_form_is_read),
    };
    return cmocka_run_group_tests_name("request", tests, NULL, NULL);
}
