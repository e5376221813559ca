/* Unit tests for lib/desk/brand.c (colours and the theme stylesheet) and the pure
 * parts of lib/desk/customer/tags.c (tag codes, category lists). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "desk/brand.h"
#include "desk/customer/tags.h"

static void colours_are_hash_and_six_hex_digits(void **state)
{
    (void)state;
    char c[8];
    assert_true(brand_color_parse("#0B5CAD", c));
    assert_string_equal(c, "#0b5cad");
    assert_true(brand_color_parse("#ffffff", c));
    const char *bad[] = {"", "0b5cad", "#0b5cad0", "#0b5ca", "#12345g", "#fff", "red",
                         "#0b5cad;", " #0b5cad", "#0b 5cad", "url(x)"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_false(brand_color_parse(bad[i], c));
    assert_false(brand_color_parse(NULL, c));
}

static void contrast_follows_wcag(void **state)
{
    (void)state;
    assert_true(brand_contrast("#000000", "#ffffff") > 20.99);
    assert_true(brand_contrast("#ffffff", "#000000") < 21.01);
    assert_true(brand_contrast("#777777", "#777777") < 1.0001);
    /* #767676 is the classic lightest grey with 4.5:1 on white */
    assert_true(brand_contrast("#767676", "#ffffff") >= 4.5);
    assert_true(brand_contrast("#777777", "#ffffff") < 4.5);
}

static void primary_needs_white_text_to_be_readable(void **state)
{
    (void)state;
    assert_null(brand_primary_error(BRAND_PRIMARY_DEFAULT));
    assert_null(brand_primary_error("#7A1F5C"));
    assert_string_equal(brand_primary_error("#ffee00"), "color_contrast");
    assert_string_equal(brand_primary_error("#777777"), "color_contrast");
    assert_string_equal(brand_primary_error("blue"), "color_format");
}

static void mixing_goes_from_one_colour_to_the_other(void **state)
{
    (void)state;
    char m[8];
    brand_mix("#0b5cad", "#000000", 0.0, m);
    assert_string_equal(m, "#0b5cad");
    brand_mix("#0b5cad", "#ffffff", 1.0, m);
    assert_string_equal(m, "#ffffff");
    brand_mix("#000000", "#ffffff", 0.5, m);
    assert_string_equal(m, "#808080");
    brand_mix("#0b5cad", "#000000", 0.2, m); /* portal.css's --brand-dark is #084a8b */
    assert_string_equal(m, "#094a8a");
}

static void theme_sets_custom_properties_only_for_what_was_chosen(void **state)
{
    (void)state;
    char css[1024];
    int n = brand_theme_css("#7A1F5C", NULL, false, NULL, css, sizeof css);
    assert_true(n > 0 && (size_t)n == strlen(css));
    assert_non_null(strstr(css, "--brand: #7a1f5c;"));
    assert_non_null(strstr(css, "--brand-dark: #62194a;"));
    assert_null(strstr(css, "--accent"));
    assert_null(strstr(css, ".logo"));
    n = brand_theme_css(NULL, "#e67e22", true, NULL, css, sizeof css);
    assert_non_null(strstr(css, "--accent: #e67e22;"));
    assert_non_null(strstr(css, "--tint: #"));
    assert_null(strstr(css, "--brand:"));
    assert_non_null(strstr(css, ".logo { background-image: url(\"/brand/logo\"); }"));
    /* nothing chosen, or the built-in colours, or garbage: a comment only */
    const char *same[][2] = {{NULL, NULL}, {BRAND_PRIMARY_DEFAULT, BRAND_ACCENT_DEFAULT},
                             {"}body{display:none", "red;"}};
    for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
        brand_theme_css(same[i][0], same[i][1], false, NULL, css, sizeof css);
        assert_null(strchr(css, '{'));
    }
    assert_int_equal(brand_theme_css("#7a1f5c", "#e67e22", true, NULL, css, 40), -1);
    /* the admin page's preview: the same, inside its box only */
    brand_theme_css("#7a1f5c", NULL, true, ".portal-preview", css, sizeof css);
    assert_non_null(strstr(css, ".portal-preview { --brand: #7a1f5c;"));
    assert_non_null(strstr(css, ".portal-preview .logo { background-image"));
    assert_null(strstr(css, ":root"));
}

static void tag_codes(void **state)
{
    (void)state;
    assert_true(tag_code_valid("vip"));
    assert_true(tag_code_valid("key_account_2"));
    assert_false(tag_code_valid("v"));
    assert_false(tag_code_valid("VIP"));
    assert_false(tag_code_valid("2vip"));
    assert_false(tag_code_valid("a-b"));
    assert_false(tag_code_valid("高频"));
    assert_false(tag_code_valid(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(colours_are_hash_and_six_hex_digits),
        cmocka_unit_test(contrast_follows_wcag),
        cmocka_unit_test(primary_needs_white_text_to_be_readable),
        cmocka_unit_test(mixing_goes_from_one_colour_to_the_other),
        cmocka_unit_test(theme_sets_custom_properties_only_for_what_was_chosen),
        cmocka_unit_test(tag_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
