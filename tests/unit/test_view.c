/* Unit tests for lib/web/view.c and the templates of lib/core/tpl.c under it:
 * HTML auto-escaping, per-language strings, time and duration helpers,
 * language codes. Templates are written to a fresh
 * temporary directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "web/view.h"

/* 2026-11-25T00:00:00Z */
#define NOV25_UTC ((time_t)1795564800)

typedef struct fixture {
    char dir[64];
    config_t cfg;
    texts_t texts;
    view_t view;
    HDF *data;
    STRING out;
} fixture_t;

static int write_file(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    int rc = fputs(text, f) < 0 ? -1 : 0;
    return fclose(f) || rc ? -1 : 0;
}

static int setup_view(void **state)
{
    static const char *const pages[] = {"page.cs", NULL};
    fixture_t *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    *state = fx;
    snprintf(fx->dir, sizeof fx->dir, "%s", "/tmp/desk-view-test.XXXXXX");
    if (!mkdtemp(fx->dir))
        return -1;
    char lang_dir[128], conf[160];
    snprintf(lang_dir, sizeof lang_dir, "%s/lang", fx->dir);
    snprintf(conf, sizeof conf, "Templates.Dir = %s\n", fx->dir);
    if (mkdir(lang_dir, 0700) || write_file(fx->dir, "lang/zh.hdf", "L {\n  Hi = 你好\n}\n") ||
        write_file(fx->dir, "lang/en.hdf", "L {\n  Hi = Hello\n}\n") ||
        write_file(fx->dir, "page.cs", "<?cs var:Name ?>|<?cs var:L.Hi ?>") ||
        config_load_string(&fx->cfg, conf) || texts_load(&fx->texts, &fx->cfg) ||
        view_init(&fx->view, &fx->texts, &fx->cfg, pages, false) ||
        hdf_init(&fx->data))
        return -1;
    string_init(&fx->out);
    return 0;
}

static int teardown_view(void **state)
{
    fixture_t *fx = *state;
    char path[128];
    string_clear(&fx->out);
    if (fx->data)
        hdf_destroy(&fx->data);
    view_free(&fx->view);
    texts_free(&fx->texts);
    config_free(&fx->cfg);
    static const char *const files[] = {"lang/zh.hdf", "lang/en.hdf", "page.cs", "lang", ""};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", fx->dir, files[i]);
        remove(path);
    }
    free(fx);
    return 0;
}

static void render_escapes_html(void **state)
{
    fixture_t *fx = *state;
    hdf_set_value(fx->data, "Name", "<script>alert('x')</script>&");
    assert_int_equal(view_render(&fx->view, "page.cs", LANG_ZH, fx->data, &fx->out), 0);
    assert_non_null(fx->out.buf);
    assert_null(strstr(fx->out.buf, "<script>"));
    assert_null(strstr(fx->out.buf, "'x'"));
    assert_non_null(strstr(fx->out.buf, "&lt;script&gt;"));
    assert_non_null(strstr(fx->out.buf, "&lt;/script&gt;&amp;|"));
}

static void render_uses_chinese_strings(void **state)
{
    fixture_t *fx = *state;
    hdf_set_value(fx->data, "Name", "张三");
    assert_int_equal(view_render(&fx->view, "page.cs", LANG_ZH, fx->data, &fx->out), 0);
    assert_string_equal(fx->out.buf, "张三|你好");
}

static void render_uses_english_strings(void **state)
{
    fixture_t *fx = *state;
    hdf_set_value(fx->data, "Name", "Zhang");
    assert_int_equal(view_render(&fx->view, "page.cs", LANG_EN, fx->data, &fx->out), 0);
    assert_string_equal(fx->out.buf, "Zhang|Hello");
}

static void render_languages_alternate(void **state)
{
    fixture_t *fx = *state;
    hdf_set_value(fx->data, "Name", "x");
    assert_int_equal(view_render(&fx->view, "page.cs", LANG_EN, fx->data, &fx->out), 0);
    assert_int_equal(view_render(&fx->view, "page.cs", LANG_ZH, fx->data, &fx->out), 0);
    assert_int_equal(view_render(&fx->view, "page.cs", LANG_EN, fx->data, &fx->out), 0);
    assert_string_equal(fx->out.buf, "x|Hellox|你好x|Hello");
}

static void render_unknown_page_fails(void **state)
{
    fixture_t *fx = *state;
    assert_int_equal(view_render(&fx->view, "missing.cs", LANG_ZH, fx->data, &fx->out), -1);
}

static void view_text_per_language(void **state)
{
    fixture_t *fx = *state;
    assert_string_equal(texts_get(&fx->texts, LANG_ZH, "Hi"), "你好");
    assert_string_equal(texts_get(&fx->texts, LANG_EN, "Hi"), "Hello");
    assert_string_equal(texts_get(&fx->texts, LANG_EN, "No.Such"), "");
}

static void init_fails_on_missing_page(void **state)
{
    fixture_t *fx = *state;
    static const char *const pages[] = {"nope.cs", NULL};
    view_t v;
    assert_int_equal(view_init(&v, &fx->texts, &fx->cfg, pages, false), -1);
    view_free(&v);
}

static void set_time_formats_local_and_iso(void **state)
{
    (void)state;
    HDF *h;
    assert_null(hdf_init(&h));
    setenv("TZ", "Asia/Shanghai", 1);
    tzset();
    tpl_set_time(h, "T.created", NOV25_UTC + 5 * 60);
    assert_string_equal(hdf_get_value(h, "T.created", "(unset)"), "2026-11-25 08:05");
    assert_string_equal(hdf_get_value(h, "T.created.iso", "(unset)"), "2026-11-25T00:05:00Z");
    hdf_destroy(&h);
}

static void set_time_follows_process_tz(void **state)
{
    (void)state;
    HDF *h;
    assert_null(hdf_init(&h));
    setenv("TZ", "UTC", 1);
    tzset();
    tpl_set_time(h, "T", NOV25_UTC - 60);
    setenv("TZ", "Asia/Shanghai", 1);
    tzset();
    assert_string_equal(hdf_get_value(h, "T", "(unset)"), "2026-11-24 23:59");
    assert_string_equal(hdf_get_value(h, "T.iso", "(unset)"), "2026-11-24T23:59:00Z");
    hdf_destroy(&h);
}

static void set_time_zero_is_empty(void **state)
{
    (void)state;
    HDF *h;
    assert_null(hdf_init(&h));
    tpl_set_time(h, "T", 0);
    assert_string_equal(hdf_get_value(h, "T", "unset"), "");
    assert_string_equal(hdf_get_value(h, "T.iso", "unset"), "");
    hdf_destroy(&h);
}

static void set_duration_splits_hours_and_minutes(void **state)
{
    (void)state;
    HDF *h;
    assert_null(hdf_init(&h));
    tpl_set_duration(h, "D", 135);
    assert_string_equal(hdf_get_value(h, "D.hours", "(unset)"), "2");
    assert_string_equal(hdf_get_value(h, "D.minutes", "(unset)"), "15");
    tpl_set_duration(h, "E", 59);
    assert_string_equal(hdf_get_value(h, "E.hours", "(unset)"), "0");
    assert_string_equal(hdf_get_value(h, "E.minutes", "(unset)"), "59");
    tpl_set_duration(h, "F", 3 * 24 * 60);
    assert_string_equal(hdf_get_value(h, "F.hours", "(unset)"), "72");
    assert_string_equal(hdf_get_value(h, "F.minutes", "(unset)"), "0");
    hdf_destroy(&h);
}

static void set_span_splits_days_hours_and_minutes(void **state)
{
    (void)state;
    HDF *h;
    assert_null(hdf_init(&h));
    tpl_set_span(h, "S", 3 * 24 * 60 + 5 * 60 + 7); /* 3 days 5 hours 7 minutes */
    assert_string_equal(hdf_get_value(h, "S.days", "(unset)"), "3");
    assert_string_equal(hdf_get_value(h, "S.hours", "(unset)"), "5");
    assert_string_equal(hdf_get_value(h, "S.minutes", "(unset)"), "7");
    assert_string_equal(hdf_get_value(h, "S.total", "(unset)"), "4627");
    tpl_set_span(h, "T", 9577 * 60); /* what showed as "超时 9577 小时" */
    assert_string_equal(hdf_get_value(h, "T.days", "(unset)"), "399");
    assert_string_equal(hdf_get_value(h, "T.hours", "(unset)"), "1");
    tpl_set_span(h, "U", 59);
    assert_string_equal(hdf_get_value(h, "U.days", "(unset)"), "0");
    assert_string_equal(hdf_get_value(h, "U.hours", "(unset)"), "0");
    assert_string_equal(hdf_get_value(h, "U.minutes", "(unset)"), "59");
    tpl_set_span(h, "V", -5); /* never negative: callers pass how far, not which way */
    assert_string_equal(hdf_get_value(h, "V.total", "(unset)"), "0");
    hdf_destroy(&h);
}

static void lang_parse_defaults_to_chinese(void **state)
{
    (void)state;
    assert_int_equal(lang_parse("en"), LANG_EN);
    assert_int_equal(lang_parse("zh"), LANG_ZH);
    assert_int_equal(lang_parse("fr"), LANG_ZH);
    assert_int_equal(lang_parse(""), LANG_ZH);
    assert_int_equal(lang_parse(NULL), LANG_ZH);
}

static void lang_code_names(void **state)
{
    (void)state;
    assert_string_equal(lang_code(LANG_ZH), "zh");
    assert_string_equal(lang_code(LANG_EN), "en");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(render_escapes_html, setup_view, teardown_view),
        cmocka_unit_test_setup_teardown(render_uses_chinese_strings, setup_view, teardown_view),
        cmocka_unit_test_setup_teardown(render_uses_english_strings, setup_view, teardown_view),
        cmocka_unit_test_setup_teardown(render_languages_alternate, setup_view, teardown_view),
        cmocka_unit_test_setup_teardown(render_unknown_page_fails, setup_view, teardown_view),
        cmocka_unit_test_setup_teardown(view_text_per_language, setup_view, teardown_view),
        cmocka_unit_test_setup_teardown(init_fails_on_missing_page, setup_view, teardown_view),
        cmocka_unit_test(set_time_formats_local_and_iso),
        cmocka_unit_test(set_time_follows_process_tz),
        cmocka_unit_test(set_time_zero_is_empty),
        cmocka_unit_test(set_duration_splits_hours_and_minutes),
        cmocka_unit_test(set_span_splits_days_hours_and_minutes),
        cmocka_unit_test(lang_parse_defaults_to_chinese),
        cmocka_unit_test(lang_code_names),
    };
    return cmocka_run_group_tests_name("view", tests, NULL, NULL);
}
