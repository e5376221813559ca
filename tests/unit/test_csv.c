/* Unit tests for lib/core/csv.c: quoting, and the guard against formulas. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"

/* The cell as written, in a static buffer. */
static const char *cell(const char *v)
{
    static char out[512];
    FILE *f = fmemopen(out, sizeof out, "w");
    csv_cell(f, v);
    fclose(f);
    return out;
}

static void plain_text_is_quoted_as_is(void **state)
{
    (void)state;
    assert_string_equal(cell("打印机卡纸"), "\"打印机卡纸\"");
    assert_string_equal(cell("a,b"), "\"a,b\"");
    assert_string_equal(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_string_equal(cell(""), "\"\"");
    assert_string_equal(cell(NULL), "\"\"");
    assert_string_equal(cell("E-42 error"), "\"E-42 error\"");
}

static void formula_characters_are_guarded(void **state)
{
    (void)state;
    assert_string_equal(cell("=1+1"), "\"'=1+1\"");
    assert_string_equal(cell("+86 21 5555"), "\"'+86 21 5555\"");
    assert_string_equal(cell("-2+3"), "\"'-2+3\"");
    assert_string_equal(cell("@SUM(A1)"), "\"'@SUM(A1)\"");
    assert_string_equal(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
}

/* OWASP: TAB and CR (and LF) at the start, and white space before = + - @ */
static void tab_cr_lf_and_spaces_before_are_guarded(void **state)
{
    (void)state;
    assert_true(csv_formula_risk("\t=cmd|' /C calc'!A0"));
    assert_true(csv_formula_risk("\r=1+1"));
    assert_true(csv_formula_risk("\n=1+1"));
    assert_true(csv_formula_risk("\tplain"));
    assert_true(csv_formula_risk("  =1+1"));
    assert_true(csv_formula_risk(" \t\r\n@SUM(1)"));
    assert_true(csv_formula_risk("\xC2\xA0=1"));      /* NBSP */
    assert_true(csv_formula_risk("\xE3\x80\x80+1"));  /* ideographic space */
    assert_true(csv_formula_risk("\xE2\x80\x8B-1"));  /* zero-width space */
    assert_true(csv_formula_risk("\xEF\xBB\xBF=1"));  /* BOM */
    assert_string_equal(cell("\t=1+1"), "\"'\t=1+1\"");
}

static void full_width_signs_are_guarded(void **state)
{
    (void)state;
    assert_true(csv_formula_risk("＝1+1"));
    assert_true(csv_formula_risk("＋1"));
    assert_true(csv_formula_risk("－1"));
    assert_true(csv_formula_risk("＠SUM(1)"));
}

static void harmless_starts_are_not_guarded(void **state)
{
    (void)state;
    assert_false(csv_formula_risk(""));
    assert_false(csv_formula_risk(NULL));
    assert_false(csv_formula_risk("   "));
    assert_false(csv_formula_risk(" a=1"));
    assert_false(csv_formula_risk("1+1"));
    assert_false(csv_formula_risk("（＝）"));
    assert_false(csv_formula_risk("\xE2\x80")); /* cut sequence: no read past the end */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_text_is_quoted_as_is),
        cmocka_unit_test(formula_characters_are_guarded),
        cmocka_unit_test(tab_cr_lf_and_spaces_before_are_guarded),
        cmocka_unit_test(full_width_signs_are_guarded),
        cmocka_unit_test(harmless_starts_are_not_guarded),
    };
    return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
