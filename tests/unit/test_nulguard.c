/* Unit tests for lib/web/nulguard.c: which NULs become SOH on their way to the
 * cgi kit, whatever the chunks the body arrives in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "web/nulguard.h"

#define MP "multipart/form-data; boundary=XyZ"

/* The body after the guard, fed in chunks of step bytes (0: all at once). */
static char *guard(const char *ct, const char *body, size_t n, size_t step)
{
    nulguard_t g;
    char *out = malloc(n + 1);
    memcpy(out, body, n);
    out[n] = '\0';
    nulguard_init(&g, ct);
    for (size_t at = 0; at < n; at += step ? step : n)
        nulguard_feed(&g, out + at, step && n - at > step ? step : n - at);
    return out;
}

static void urlencoded_nul_becomes_soh(void **state)
{
    (void)state;
    static const char in[] = "a=x%00y&b=%%00&c=%0%00&d=%2500&e=%0A";
    static const char want[] = "a=x%01y&b=%%01&c=%0%01&d=%2500&e=%0A";
    for (size_t step = 0; step <= 3; step++) {
        char *out = guard("application/x-www-form-urlencoded", in, sizeof in - 1, step);
        assert_string_equal(out, want);
        free(out);
    }
}

static void query_string_nul_becomes_soh(void **state)
{
    (void)state;
    char qs[] = "q=ab%00cd&back=/x";
    nulguard_query(qs);
    assert_string_equal(qs, "q=ab%01cd&back=/x");
}

static void other_bodies_are_left_alone(void **state)
{
    (void)state;
    static const char in[] = "{\"a\":\"%00\"}";
    char *out = guard("application/json", in, sizeof in - 1, 0);
    assert_memory_equal(out, in, sizeof in - 1);
    free(out);
    out = guard(NULL, in, sizeof in - 1, 0);
    assert_memory_equal(out, in, sizeof in - 1);
    free(out);
}

/* a text part, a file part (with NULs) and a part whose header holds a NUL */
static const char body[] =
    "preamble\0\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"subject\"\r\n"
    "\r\n"
    "ab\0cd\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"files\"; FileName=\"x.png\"\r\n"
    "Content-Type: image/png\r\n"
    "\r\n"
    "\x89PNG\0\0\0\r\n\0--XyZ-not\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"files\"; filename=\"a\0.png\"\r\n"
    "\r\n"
    "\0\0\r\n"
    "--XyZ\n"
    "Content-Disposition: form-data; name=\"note\"\n"
    "\n"
    "line\0one\n"
    "--XyZ--\r\n"
    "epilogue\0";

static void multipart_rewrites_text_and_headers_only(void **state)
{
    (void)state;
    size_t n = sizeof body - 1;
    char *want = malloc(n);
    memcpy(want, body, n);
    /* the NULs in "ab\0cd", filename="a\0.png" and "line\0one" */
    const char *at[] = {"ab", "\"a", "line"};
    for (size_t i = 0; i < 3; i++) {
        const char *p = memmem(body, n, at[i], strlen(at[i]));
        assert_non_null(p);
        want[p - body + strlen(at[i])] = '\x01';
    }
    for (size_t step = 0; step <= 7; step++) {
        char *out = guard(MP, body, n, step);
        assert_memory_equal(out, want, n);
        free(out);
    }
    free(want);
}

static void quoted_boundary_and_no_boundary(void **state)
{
    (void)state;
    static const char in[] = "--b 1\r\n\r\nx\0y\r\n--b 1--\r\n";
    char *out = guard("multipart/form-data; charset=utf-8; boundary=\"b 1\"", in, sizeof in - 1, 0);
    assert_int_equal(out[10], '\x01');
    free(out);
    out = guard("multipart/form-data", in, sizeof in - 1, 0);
    assert_int_equal(out[10], '\0'); /* no boundary: req_start refuses the body */
    free(out);
    nulguard_t g;
    nulguard_init(&g, "multipart/form-data");
    assert_int_equal(g.kind, NG_REFUSED);
    nulguard_init(&g, "multipart/form-data; boundary =\"b 1\"");
    assert_int_equal(g.kind, NG_MULTIPART);
    assert_string_equal(g.boundary, "b 1");
}

/* The kit reads a part's headers to the empty line: a boundary there is a
 * header line, and the part's text still gets its NUL rewritten. */
static void boundary_among_headers_is_a_header(void **state)
{
    (void)state;
    static const char in[] = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; "
                             "filename=\"a\"\r\n--XyZ\r\nX: 1\r\n\r\nx\0y\r\n--XyZ--\r\n";
    char *out = guard(MP, in, sizeof in - 1, 0);
    assert_int_equal(out[sizeof in - 1 - 13], '\0'); /* still the file's part */
    free(out);
    static const char text[] = "--XyZ\r\nContent-Disposition: form-data; name=\"t\"\r\n--XyZ\r\n"
                               "\r\nx\0y\r\n--XyZ--\r\n";
    out = guard(MP, text, sizeof text - 1, 0);
    assert_int_equal(out[sizeof text - 1 - 13], '\x01');
    free(out);
}

/* The kit's reader cuts a line at NULGUARD_LINE_MAX bytes: the rest is a
 * line of its own, here the boundary that ends a file. */
static void long_line_is_cut_where_the_kit_cuts_it(void **state)
{
    (void)state;
    static const char head[] = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; "
                               "filename=\"a\"\r\n\r\n";
    static const char tail[] = "--XyZ\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n"
                               "\0\r\n--XyZ--\r\n";
    size_t n = sizeof head - 1 + NULGUARD_LINE_MAX + sizeof tail - 1;
    char *in = malloc(n);
    memcpy(in, head, sizeof head - 1);
    memset(in + sizeof head - 1, 'x', NULGUARD_LINE_MAX);
    memcpy(in + sizeof head - 1 + NULGUARD_LINE_MAX, tail, sizeof tail - 1);
    for (size_t step = 0; step <= 3; step++) {
        char *out = guard(MP, in, n, step ? step * 1000 : 0);
        assert_int_equal(out[n - 12], '\x01'); /* the text part after the cut */
        free(out);
    }
    free(in);
}

static void second_disposition_breaks_the_body(void **state)
{
    (void)state;
    static const char in[] = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"
                             " folded: yes\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ\r\n"
                             "Content-Disposition: form-data; name=\"b\"\r\nContent-Disposition:\r\n";
    nulguard_t g;
    char buf[sizeof in];
    memcpy(buf, in, sizeof in);
    nulguard_init(&g, MP);
    size_t first = strstr(in, "Content-Disposition:\r\n") - in;
    nulguard_feed(&g, buf, first);
    assert_false(g.broken);
    nulguard_feed(&g, buf + first, sizeof in - 1 - first);
    assert_true(g.broken);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(urlencoded_nul_becomes_soh),
        cmocka_unit_test(query_string_nul_becomes_soh),
        cmocka_unit_test(other_bodies_are_left_alone),
        cmocka_unit_test(multipart_rewrites_text_and_headers_only),
        cmocka_unit_test(quoted_boundary_and_no_boundary),
        cmocka_unit_test(boundary_among_headers_is_a_header),
        cmocka_unit_test(long_line_is_cut_where_the_kit_cuts_it),
        cmocka_unit_test(second_disposition_breaks_the_body),
    };
    return cmocka_run_group_tests_name("nulguard", tests, NULL, NULL);
}
