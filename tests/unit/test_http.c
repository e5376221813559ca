/* Unit tests for lib/web/http.c: which return paths count as plain local paths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "web/http.h"

static void local_paths_pass(void **state)
{
    (void)state;
    assert_true(http_local_path("/"));
    assert_true(http_local_path("/new/fault"));
    assert_true(http_local_path("/t/AbC-_x9?new=1&x=y"));
    assert_true(http_local_path("/agent/q/team?q=%E6%89%93%E5%8D%B0"));
    assert_true(http_local_path("/a/b;c=d/e:f@g/~h!$'()*+,"));
}

static void other_sites_fail(void **state)
{
    (void)state;
    assert_false(http_local_path(NULL));
    assert_false(http_local_path(""));
    assert_false(http_local_path("//evil.example/"));
    assert_false(http_local_path("/\\evil.example/"));
    assert_false(http_local_path("https://evil.example/"));
    assert_false(http_local_path("evil.example"));
}

/* browsers drop TAB, CR and LF inside a URL: "/\t/x" is "//x" to them */
static void control_characters_fail(void **state)
{
    (void)state;
    assert_false(http_local_path("/\t/evil.example/"));
    assert_false(http_local_path("/\n/evil.example/"));
    assert_false(http_local_path("/\r/evil.example/"));
    assert_false(http_local_path("/\x01/evil.example/"));
    assert_false(http_local_path("/\x7F/evil.example/"));
    assert_false(http_local_path("/x\x1B"));
}

static void other_characters_fail(void **state)
{
    (void)state;
    assert_false(http_local_path("/ /evil.example/"));
    assert_false(http_local_path("/x\\y"));
    assert_false(http_local_path("/\xE3\x80\x80/evil.example/")); /* ideographic space, raw */
    assert_false(http_local_path("/\xC2\x85"));                   /* NEL, raw */
    assert_false(http_local_path("/x#frag"));
    assert_false(http_local_path("/x\"y"));
    assert_false(http_local_path("/x<y>"));
}

static void percent_needs_two_hex_digits(void **state)
{
    (void)state;
    assert_true(http_local_path("/a%2Fb%09"));
    assert_false(http_local_path("/a%"));
    assert_false(http_local_path("/a%2"));
    assert_false(http_local_path("/a%zz"));
}

static void long_paths_fail(void **state)
{
    (void)state;
    char p[HTTP_LOCAL_PATH_MAX + 2];
    memset(p, 'a', sizeof p - 1);
    p[0] = '/';
    p[HTTP_LOCAL_PATH_MAX] = '\0';
    assert_true(http_local_path(p));
    p[HTTP_LOCAL_PATH_MAX] = 'a';
    p[HTTP_LOCAL_PATH_MAX + 1] = '\0';
    assert_false(http_local_path(p));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(local_paths_pass),
        cmocka_unit_test(other_sites_fail),
        cmocka_unit_test(control_characters_fail),
        cmocka_unit_test(other_characters_fail),
        cmocka_unit_test(percent_needs_two_hex_digits),
        cmocka_unit_test(long_paths_fail),
    };
    return cmocka_run_group_tests_name("http", tests, NULL, NULL);
}
