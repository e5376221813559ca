/* Unit tests for lib/core/text.c: the UTF-8 check, character count, trim and
 * LIKE patterns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

/* Literal byte strings, length without the terminating NUL. */
#define CLEAN(lit) text_is_clean_utf8((lit), sizeof(lit) - 1)

static void clean_accepts_ascii(void **state)
{
    (void)state;
    assert_true(CLEAN("Printer jams on page 2 (error E-42).~"));
}

static void clean_accepts_empty(void **state)
{
    (void)state;
    assert_true(text_is_clean_utf8("", 0));
}

static void clean_accepts_chinese(void **state)
{
    (void)state;
    assert_true(CLEAN("打印机卡纸，错误代码 E-42"));
}

static void clean_accepts_emoji(void **state)
{
    (void)state;
    assert_true(CLEAN("thanks \xF0\x9F\x98\x80")); /* U+1F600 */
    assert_true(CLEAN("\xF4\x8F\xBF\xBF"));        /* U+10FFFF, the last code point */
}

static void clean_accepts_tab_cr_lf(void **state)
{
    (void)state;
    assert_true(CLEAN("line 1\r\nline 2\n\tindented"));
}

static void clean_accepts_boundary_code_points(void **state)
{
    (void)state;
    assert_true(CLEAN("\xC2\xA0"));     /* U+00A0, smallest non-control 2-byte */
    assert_true(CLEAN("\xE0\xA0\x80")); /* U+0800, smallest 3-byte */
    assert_true(CLEAN("\xED\x9F\xBF")); /* U+D7FF, just below the surrogates */
    assert_true(CLEAN("\xEE\x80\x80")); /* U+E000, just above the surrogates */
    assert_true(CLEAN("\xF0\x90\x80\x80")); /* U+10000, smallest 4-byte */
}

static void clean_rejects_overlong(void **state)
{
    (void)state;
    assert_false(CLEAN("\xC0\xAF"));         /* '/' in two bytes */
    assert_false(CLEAN("\xC1\xBF"));
    assert_false(CLEAN("\xE0\x80\xAF"));     /* '/' in three bytes */
    assert_false(CLEAN("\xF0\x80\x80\xAF")); /* '/' in four bytes */
}

static void clean_rejects_surrogates(void **state)
{
    (void)state;
    assert_false(CLEAN("\xED\xA0\x80")); /* U+D800 */
    assert_false(CLEAN("\xED\xBF\xBF")); /* U+DFFF */
}

static void clean_rejects_above_10ffff(void **state)
{
    (void)state;
    assert_false(CLEAN("\xF4\x90\x80\x80")); /* U+110000 */
    assert_false(CLEAN("\xF5\x80\x80\x80"));
    assert_false(CLEAN("\xFF"));
}

static void clean_rejects_truncated_sequences(void **state)
{
    (void)state;
    assert_false(CLEAN("\xE4\xBD"));        /* 你 without its last byte */
    assert_false(CLEAN("ab\xF0\x9F\x98"));  /* emoji cut at the end */
    assert_false(CLEAN("\xE4\xBD" "a"));    /* continuation replaced by ASCII */
    assert_false(text_is_clean_utf8("\xE4\xBD\xA0", 2)); /* length cuts it */
}

static void clean_rejects_lone_continuation_bytes(void **state)
{
    (void)state;
    assert_false(CLEAN("\x80"));
    assert_false(CLEAN("abc\xBF"));
}

static void clean_rejects_nul(void **state)
{
    (void)state;
    assert_false(text_is_clean_utf8("a\0b", 3));
}

static void clean_rejects_control_characters(void **state)
{
    (void)state;
    assert_false(CLEAN("\x01"));
    assert_false(CLEAN("bell\x07"));
    assert_false(CLEAN("\x1B[31mred"));
    assert_false(CLEAN("\x0B")); /* vertical tab */
    assert_false(CLEAN("\x0C")); /* form feed */
}

static void clean_rejects_del(void **state)
{
    (void)state;
    assert_false(CLEAN("\x7F"));
}

/* text.h: "holds no NUL or control character other than tab, CR and LF";
 * U+0080..U+009F (C1 controls, e.g. U+0085 NEL) are control characters. */
static void clean_rejects_c1_control_characters(void **state)
{
    (void)state;
    assert_false(CLEAN("\xC2\x80")); /* U+0080 */
    assert_false(CLEAN("\xC2\x85")); /* U+0085 NEL */
    assert_false(CLEAN("\xC2\x9B")); /* U+009B CSI */
}

/* well-formed is not clean: control characters are UTF-8 all the same */
static void utf8_accepts_controls_refuses_bad_bytes(void **state)
{
    (void)state;
    assert_true(text_is_utf8("a\x01" "b\xC2\x85", 5));
    assert_true(text_is_utf8("", 0));
    assert_false(text_is_utf8("\xC0\xAF", 2));
    assert_false(text_is_utf8("\xED\xA0\x80", 3));
    assert_false(text_is_utf8("\xE4\xBD", 2));
}

static void mark_controls_shows_where_they_were(void **state)
{
    (void)state;
    char *m = text_mark_controls("打印\x01" "机\tE\x7F" "42\xC2\x85");
    assert_string_equal(m, "打印\xEF\xBF\xBD机\tE\xEF\xBF\xBD" "42\xEF\xBF\xBD");
    free(m);
    m = text_mark_controls("plain 文字\r\n");
    assert_string_equal(m, "plain 文字\r\n");
    free(m);
}

static void plain_name_refuses_controls_and_direction_marks(void **state)
{
    (void)state;
    assert_true(text_is_plain_name("现场截图 (最终) v2.png"));
    assert_true(text_is_plain_name("naïve résumé.pdf"));
    assert_false(text_is_plain_name("a\tb.png"));                /* even tab */
    assert_false(text_is_plain_name("invoice\xE2\x80\xAEgnp.html")); /* U+202E */
    assert_false(text_is_plain_name("a\xE2\x81\xA6.png"));        /* U+2066 */
    assert_false(text_is_plain_name("a\xE2\x80\x8B.png"));        /* U+200B */
    assert_false(text_is_plain_name("a\xE2\x80\x8F.png"));        /* U+200F */
    assert_false(text_is_plain_name("\xEF\xBB\xBF" "a.png"));      /* U+FEFF */
    assert_false(text_is_plain_name("a\xD8\x9C.png"));             /* U+061C */
    assert_false(text_is_plain_name("bad\xFF.png"));
    char *m = text_mark_name("invoice\xE2\x80\xAEgnp.html");
    assert_string_equal(m, "invoice\xEF\xBF\xBDgnp.html");
    free(m);
}

static void chars_counts_code_points(void **state)
{
    (void)state;
    assert_int_equal(text_chars(""), 0);
    assert_int_equal(text_chars("abc"), 3);
    assert_int_equal(text_chars("你好"), 2);
    assert_int_equal(text_chars("a你\xF0\x9F\x98\x80"), 3);
}

static void trim_strips_both_ends(void **state)
{
    (void)state;
    char s[] = " \t\r\n 你好 world \n\t ";
    assert_ptr_equal(text_trim(s), s);
    assert_string_equal(s, "你好 world");
}

static void trim_keeps_inner_space(void **state)
{
    (void)state;
    char s[] = "a  b";
    assert_string_equal(text_trim(s), "a  b");
}

static void trim_of_blank_is_empty(void **state)
{
    (void)state;
    char blank[] = " \t\r\n ";
    char empty[] = "";
    assert_string_equal(text_trim(blank), "");
    assert_string_equal(text_trim(empty), "");
}

static void list_has_whole_entries_only(void **state)
{
    (void)state;
    assert_true(text_list_has("complaint", "complaint"));
    assert_true(text_list_has("fault,complaint", "complaint"));
    assert_true(text_list_has("complaint,fault", "fault"));
    assert_false(text_list_has("complaints", "complaint"));
    assert_false(text_list_has("fault,complaint", "fault,complaint"));
    assert_false(text_list_has("", "complaint"));
    assert_false(text_list_has("complaint", ""));
}

static void like_pattern_escapes_wildcards(void **state)
{
    (void)state;
    char out[64];
    assert_true(text_like_pattern("50%", true, out, sizeof out));
    assert_string_equal(out, "%50\\%%");
    assert_true(text_like_pattern("job_x", false, out, sizeof out));
    assert_string_equal(out, "job\\_x%");
    assert_true(text_like_pattern("C:\\d", true, out, sizeof out));
    assert_string_equal(out, "%C:\\\\d%");
    assert_true(text_like_pattern("", true, out, sizeof out));
    assert_string_equal(out, "%%");
}

static void like_pattern_fits_or_refuses(void **state)
{
    (void)state;
    char out[9];
    assert_true(text_like_pattern("%%%", true, out, sizeof out)); /* 2 * 3 + 3 */
    assert_string_equal(out, "%\\%\\%\\%%");
    assert_false(text_like_pattern("%%%%", true, out, sizeof out));
    assert_false(text_like_pattern("abcdefgh", false, out, sizeof out));
}

static void whole_reads_digits_in_range(void **state)
{
    (void)state;
    long long v = -1;
    assert_true(text_whole("42", 1, 99, &v));
    assert_int_equal(v, 42);
    assert_true(text_whole("007", 0, 9, &v));
    assert_int_equal(v, 7);
    assert_true(text_whole("999999999999999999", 1, 999999999999999999LL, &v));
    assert_int_equal(v, 999999999999999999LL);
}

static void whole_refuses_anything_else(void **state)
{
    (void)state;
    long long v = -1;
    const char *bad[] = {NULL, "", "-1", "+1", " 1", "1 ", "1.0", "1e3", "0x10", "12a",
                         "1000000000000000000", "99999999999999999999999", "nan"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_false(text_whole(bad[i], 0, 999999999999999999LL, &v));
    assert_false(text_whole("0", 1, 9, &v));
    assert_false(text_whole("10", 1, 9, &v));
    assert_int_equal(v, -1);
}

static void next_id_steps_through_a_list(void **state)
{
    (void)state;
    long long id = 0, seen[4];
    int n = 0;
    for (const char *p = "3,15,8"; (p = text_next_id(p, &id)) != NULL && n < 4;)
        seen[n++] = id;
    assert_int_equal(n, 3);
    assert_int_equal(seen[0], 3);
    assert_int_equal(seen[1], 15);
    assert_int_equal(seen[2], 8);
    assert_null(text_next_id("", &id));
    assert_null(text_next_id("x1", &id));
    assert_null(text_next_id("1234567890123456789", &id));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clean_accepts_ascii),
        cmocka_unit_test(clean_accepts_empty),
        cmocka_unit_test(clean_accepts_chinese),
        cmocka_unit_test(clean_accepts_emoji),
        cmocka_unit_test(clean_accepts_tab_cr_lf),
        cmocka_unit_test(clean_accepts_boundary_code_points),
        cmocka_unit_test(clean_rejects_overlong),
        cmocka_unit_test(clean_rejects_surrogates),
        cmocka_unit_test(clean_rejects_above_10ffff),
        cmocka_unit_test(clean_rejects_truncated_sequences),
        cmocka_unit_test(clean_rejects_lone_continuation_bytes),
        cmocka_unit_test(clean_rejects_nul),
        cmocka_unit_test(clean_rejects_control_characters),
        cmocka_unit_test(clean_rejects_del),
        cmocka_unit_test(clean_rejects_c1_control_characters),
        cmocka_unit_test(utf8_accepts_controls_refuses_bad_bytes),
        cmocka_unit_test(mark_controls_shows_where_they_were),
        cmocka_unit_test(plain_name_refuses_controls_and_direction_marks),
        cmocka_unit_test(chars_counts_code_points),
        cmocka_unit_test(trim_strips_both_ends),
        cmocka_unit_test(trim_keeps_inner_space),
        cmocka_unit_test(trim_of_blank_is_empty),
        cmocka_unit_test(list_has_whole_entries_only),
        cmocka_unit_test(like_pattern_escapes_wildcards),
        cmocka_unit_test(like_pattern_fits_or_refuses),
        cmocka_unit_test(whole_reads_digits_in_range),
        cmocka_unit_test(whole_refuses_anything_else),
        cmocka_unit_test(next_id_steps_through_a_list),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
