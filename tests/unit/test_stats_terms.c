/* Unit tests of lib/desk/stats/terms.c: the keywords of a subject without a
 * segmenter: Chinese runs as character bigrams (a pair holding a particle
 * or pronoun left out, a lone character dropped), Latin words whole and
 * lower-cased, each term once, in order; malformed UTF-8 and the limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "desk/stats/terms.h"

static int terms_of(const char *s, char out[][STATS_TERM_MAX + 1], int max)
{
    memset(out, 0, sizeof(char[STATS_TERM_MAX + 1]) * (size_t)max);
    return stats_terms(s, out, max);
}

#define EXPECT(s, ...)                                                                        \
    do {                                                                                      \
        const char *want[] = {__VA_ARGS__};                                                   \
        char got[STATS_TERMS_MAX][STATS_TERM_MAX + 1];                                        \
        int n = terms_of(s, got, STATS_TERMS_MAX);                                            \
        assert_int_equal(n, (int)(sizeof want / sizeof *want));                               \
        for (int i = 0; i < n; i++)                                                           \
            assert_string_equal(got[i], want[i]);                                             \
    } while (0)

static void chinese_bigrams(void **state)
{
    (void)state;
    EXPECT("打印机无法连接", "打印", "印机", "机无", "无法", "法连", "连接");
    /* punctuation and spaces end a run; a run of one character gives nothing */
    EXPECT("打印机，卡纸", "打印", "印机", "卡纸");
    EXPECT("纸 打印", "打印");
    /* a pair holding a particle or pronoun is no keyword */
    EXPECT("我的打印机坏了", "打印", "印机", "机坏");
    /* each term once */
    EXPECT("打印打印", "打印", "印打");
}

static void latin_words(void **state)
{
    (void)state;
    EXPECT("DeskPro 5 导出失败 ERR42", "deskpro", "导出", "出失", "失败", "err42");
    /* one letter, digits alone, a word longer than a term: none */
    EXPECT("a 2026 x1", "x1");
    char longword[80];
    memset(longword, 'a', 40);
    longword[40] = '\0';
    EXPECT(longword);
    EXPECT("");
    EXPECT(NULL);
}

static void malformed_and_limits(void **state)
{
    (void)state;
    /* a broken sequence ends the run and is skipped */
    EXPECT("打印\xe6\x9c机器", "打印", "机器");
    EXPECT("\xff\xfe打印", "打印");
    char out[2][STATS_TERM_MAX + 1];
    assert_int_equal(terms_of("打印机无法连接", out, 2), 2);
    assert_string_equal(out[1], "印机");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(chinese_bigrams),
        cmocka_unit_test(latin_words),
        cmocka_unit_test(malformed_and_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
