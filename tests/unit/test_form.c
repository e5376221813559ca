/* Unit tests for lib/web/form.c: one value at a time (field_check), whole
 * submissions (form_validate into Form.*), and local time parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ClearSilver.h>

#include "web/form.h"

static const char *const colours[] = {"red", "green", "blue", NULL};

/* field_check on a copy of a literal (it trims in place). */
static const char *check(field_type_t type, bool required, int max_chars, const char *value)
{
    static char buf[512];
    form_field_t f = {.name = "f", .type = type, .required = required, .max_chars = max_chars,
                      .choices = colours};
    snprintf(buf, sizeof buf, "%s", value);
    return field_check(&f, buf);
}

#define assert_valid(type, value) assert_null(check((type), false, 0, (value)))
/* An error key, or "(valid)" so a missed error fails instead of crashing. */
static const char *or_none(const char *s) { return s ? s : "(none)"; }
#define assert_error(type, value, key)                                                     \
    assert_string_equal(or_none(check((type), false, 0, (value))), (key))

static int set_shanghai(void **state)
{
    (void)state;
    setenv("TZ", "Asia/Shanghai", 1);
    tzset();
    return 0;
}

/* ---- field_check ---- */

static void text_accepts_one_line(void **state)
{
    (void)state;
    assert_valid(FT_TEXT, "打印机卡纸");
}

static void text_rejects_line_break(void **state)
{
    (void)state;
    assert_error(FT_TEXT, "first\nsecond", "one_line");
    assert_error(FT_TEXT, "first\rsecond", "one_line");
}

static void longtext_accepts_line_breaks(void **state)
{
    (void)state;
    assert_valid(FT_LONGTEXT, "step 1\r\nstep 2\n\tdetail");
}

static void check_trims_value_in_place(void **state)
{
    (void)state;
    form_field_t f = {.name = "f", .type = FT_TEXT, .required = true};
    char v[] = " \t 你好 \r\n";
    assert_null(field_check(&f, v));
    assert_string_equal(v, "你好");
}

static void required_rejects_empty_and_blank(void **state)
{
    (void)state;
    assert_string_equal(or_none(check(FT_TEXT, true, 0, "")), "required");
    assert_string_equal(or_none(check(FT_TEXT, true, 0, "  \t\n")), "required");
    assert_string_equal(or_none(check(FT_EMAIL, true, 0, "")), "required");
}

static void optional_accepts_empty_of_every_type(void **state)
{
    (void)state;
    for (int t = FT_TEXT; t <= FT_BOOL; t++)
        assert_null(check((field_type_t)t, false, 0, " "));
}

static void too_long_counts_characters_not_bytes(void **state)
{
    (void)state;
    /* 4 characters, 12 bytes */
    assert_null(check(FT_TEXT, false, 4, "售后服务"));
    assert_string_equal(or_none(check(FT_TEXT, false, 3, "售后服务")), "too_long");
    assert_null(check(FT_TEXT, false, 3, "abc"));
    assert_string_equal(or_none(check(FT_TEXT, false, 3, "abcd")), "too_long");
}

static void too_long_after_trimming(void **state)
{
    (void)state;
    assert_null(check(FT_TEXT, false, 3, "   abc   "));
}

static void invalid_utf8_is_encoding_error(void **state)
{
    (void)state;
    assert_error(FT_TEXT, "bad \xC0\xAF", "encoding");
}

/* A NUL reaches the form as SOH (nulguard.h); any control character is
 * refused by name, not as bad encoding. */
static void control_character_is_control_error(void **state)
{
    (void)state;
    assert_error(FT_LONGTEXT, "bell\x07", "control");
    assert_error(FT_TEXT, "ab\x01" "cd", "control");
    assert_error(FT_TEXT, "ab\xC2\x85" "cd", "control"); /* NEL, a C1 control */
}

static void email_accepts_valid(void **state)
{
    (void)state;
    assert_valid(FT_EMAIL, "zhangsan@example.com");
    assert_valid(FT_EMAIL, "first.last+tag@mail.example.com.cn");
}

static void email_rejects_invalid(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "zhangsan",          "zhangsan@",       "@example.com",   "a@b@example.com",
        "a@example",         "a@.com",          "a@example.",     "a b@example.com",
        "<a>@example.com",   "a@example.com,b@example.com",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_error(FT_EMAIL, bad[i], "invalid_email");
}

/* What the form takes, the outbox can send to: an address accepted here
 * and refused when its mail is queued failed the whole ticket. */
static void email_only_what_mail_can_reach(void **state)
{
    (void)state;
    static const char *const unsendable[] = {"用户@example.com", "zhang@例子.中国",
                                             "zhang@exa_mple.com", "zh\"ang@example.com"};
    for (size_t i = 0; i < sizeof unsendable / sizeof *unsendable; i++)
        assert_error(FT_EMAIL, unsendable[i], "invalid_email");
    assert_valid(FT_EMAIL, "zhang@xn--fsqu00a.xn--fiqs8s"); /* an IDN written in ASCII */
}

static void phone_accepts_common_forms(void **state)
{
    (void)state;
    assert_valid(FT_PHONE, "13800138000");
    assert_valid(FT_PHONE, "+86 138-0013-8000");
    assert_valid(FT_PHONE, "(010) 6552 9988");
}

static void phone_rejects_letters_and_short_numbers(void **state)
{
    (void)state;
    assert_error(FT_PHONE, "138abc38000", "invalid_phone");
    assert_error(FT_PHONE, "1234", "invalid_phone");
    assert_error(FT_PHONE, "+86 (010) 1234 5678 9012 3456 789", "invalid_phone"); /* > 30 */
}

static void number_accepts_integers_and_decimals(void **state)
{
    (void)state;
    assert_valid(FT_NUMBER, "42");
    assert_valid(FT_NUMBER, "-3.5");
    assert_valid(FT_NUMBER, "0");
}

static void number_rejects_non_numbers(void **state)
{
    (void)state;
    assert_error(FT_NUMBER, "12abc", "invalid_number");
    assert_error(FT_NUMBER, "abc", "invalid_number");
    assert_error(FT_NUMBER, "1 2", "invalid_number");
}

/* strtod() also reads "nan" and "inf", which are not numbers a person
 * types into a form. */
static void number_rejects_nan_and_infinity(void **state)
{
    (void)state;
    assert_error(FT_NUMBER, "nan", "invalid_number");
    assert_error(FT_NUMBER, "inf", "invalid_number");
    assert_error(FT_NUMBER, "-Infinity", "invalid_number");
}

static void date_accepts_calendar_date(void **state)
{
    (void)state;
    assert_valid(FT_DATE, "2026-11-25");
    assert_valid(FT_DATE, "2028-02-29");
}

static void date_rejects_impossible_dates(void **state)
{
    (void)state;
    assert_error(FT_DATE, "2026-02-30", "invalid_date");
    assert_error(FT_DATE, "2026-02-29", "invalid_date");
    assert_error(FT_DATE, "2026-04-31", "invalid_date");
    assert_error(FT_DATE, "2026-13-01", "invalid_date");
    assert_error(FT_DATE, "2026-00-10", "invalid_date");
}

static void date_rejects_other_formats(void **state)
{
    (void)state;
    assert_error(FT_DATE, "2026-1-5", "invalid_date");
    assert_error(FT_DATE, "25/11/2026", "invalid_date");
    assert_error(FT_DATE, "2026-11-25T10:30", "invalid_date");
    assert_error(FT_DATE, "tomorrow", "invalid_date");
}

static void datetime_accepts_t_and_space(void **state)
{
    (void)state;
    assert_valid(FT_DATETIME, "2026-11-25T10:30");
    assert_valid(FT_DATETIME, "2026-11-25 23:59");
}

static void datetime_rejects_bad_values(void **state)
{
    (void)state;
    assert_error(FT_DATETIME, "2026-11-25T24:00", "invalid_datetime");
    assert_error(FT_DATETIME, "2026-11-25T10:60", "invalid_datetime");
    assert_error(FT_DATETIME, "2026-02-30T10:00", "invalid_datetime");
    assert_error(FT_DATETIME, "2026-11-25T", "invalid_datetime");
    assert_error(FT_DATETIME, "2026-11-25T10:30:00", "invalid_datetime");
    assert_error(FT_DATETIME, "now", "invalid_datetime");
}

static void choice_accepts_listed_code(void **state)
{
    (void)state;
    assert_valid(FT_CHOICE, "green");
}

static void choice_rejects_unlisted_code(void **state)
{
    (void)state;
    assert_error(FT_CHOICE, "purple", "invalid_choice");
    assert_error(FT_CHOICE, "Green", "invalid_choice");
    assert_error(FT_CHOICE, "red,green", "invalid_choice");
}

static void choice_without_choices_rejects_everything(void **state)
{
    (void)state;
    form_field_t f = {.name = "f", .type = FT_CHOICE};
    char v[] = "red";
    assert_string_equal(or_none(field_check(&f, v)), "invalid_choice");
}

static void multichoice_accepts_listed_codes(void **state)
{
    (void)state;
    assert_valid(FT_MULTICHOICE, "red");
    assert_valid(FT_MULTICHOICE, "red,blue");
}

static void multichoice_rejects_one_bad_code(void **state)
{
    (void)state;
    assert_error(FT_MULTICHOICE, "red,purple", "invalid_choice");
    assert_error(FT_MULTICHOICE, "purple,red", "invalid_choice");
}

static void field_type_parse_names(void **state)
{
    (void)state;
    assert_int_equal(field_type_parse("text"), FT_TEXT);
    assert_int_equal(field_type_parse("longtext"), FT_LONGTEXT);
    assert_int_equal(field_type_parse("email"), FT_EMAIL);
    assert_int_equal(field_type_parse("phone"), FT_PHONE);
    assert_int_equal(field_type_parse("number"), FT_NUMBER);
    assert_int_equal(field_type_parse("date"), FT_DATE);
    assert_int_equal(field_type_parse("datetime"), FT_DATETIME);
    assert_int_equal(field_type_parse("choice"), FT_CHOICE);
    assert_int_equal(field_type_parse("multichoice"), FT_MULTICHOICE);
    assert_int_equal(field_type_parse("bool"), FT_BOOL);
    assert_int_equal(field_type_parse("id"), -1); /* not a category field's type */
    assert_int_equal(field_type_parse("integer"), -1);
    assert_int_equal(field_type_parse("Text"), -1);
    assert_int_equal(field_type_parse(""), -1);
    assert_int_equal(field_type_parse(NULL), -1);
}

/* ---- form_validate ---- */

typedef struct hdfs {
    HDF *in;
    HDF *out;
} hdfs_t;

static int setup_hdfs(void **state)
{
    hdfs_t *h = calloc(1, sizeof *h);
    if (!h || hdf_init(&h->in) || hdf_init(&h->out))
        return -1;
    *state = h;
    return 0;
}

static int teardown_hdfs(void **state)
{
    hdfs_t *h = *state;
    hdf_destroy(&h->in);
    hdf_destroy(&h->out);
    free(h);
    return 0;
}

static const form_field_t contact_form[] = {
    {.name = "name", .type = FT_TEXT, .required = true, .max_chars = 10},
    {.name = "email", .type = FT_EMAIL, .required = true},
    {.name = "phone", .type = FT_PHONE},
    {.name = "colour", .type = FT_MULTICHOICE, .choices = colours},
    {.name = "urgent", .type = FT_BOOL},
};
#define NFIELDS ((int)(sizeof contact_form / sizeof *contact_form))

static void set(HDF *in, const char *key, const char *value)
{
    assert_null(hdf_set_value(in, key, value));
}

static const char *get(HDF *out, const char *key) { return hdf_get_value(out, key, NULL); }

/* Compares an HDF value; a missing key fails instead of crashing. */
#define assert_hdf(hdf, key, expected) \
    assert_string_equal(hdf_get_value((hdf), (key), "(unset)"), (expected))

static void validate_valid_submission_has_no_errors(void **state)
{
    hdfs_t *h = *state;
    set(h->in, "Query.name", "  张三  ");
    set(h->in, "Query.email", "zhangsan@example.com");
    assert_int_equal(form_validate(h->in, h->out, contact_form, NFIELDS), 0);
    assert_hdf(h->out, "Form.name.value", "张三");
    assert_hdf(h->out, "Form.email.value", "zhangsan@example.com");
    assert_null(get(h->out, "Form.name.error"));
    assert_null(get(h->out, "Form.email.error"));
    assert_null(get(h->out, "Form.HasErrors"));
}

static void validate_counts_errors_and_keeps_input(void **state)
{
    hdfs_t *h = *state;
    set(h->in, "Query.email", "not-an-email");
    set(h->in, "Query.phone", "call me");
    assert_int_equal(form_validate(h->in, h->out, contact_form, NFIELDS), 3);
    assert_hdf(h->out, "Form.name.error", "required");
    assert_hdf(h->out, "Form.name.value", "");
    assert_hdf(h->out, "Form.email.error", "invalid_email");
    assert_hdf(h->out, "Form.email.value", "not-an-email");
    assert_hdf(h->out, "Form.phone.error", "invalid_phone");
    assert_hdf(h->out, "Form.phone.value", "call me");
    assert_hdf(h->out, "Form.HasErrors", "1");
}

static void validate_too_long_keeps_input(void **state)
{
    hdfs_t *h = *state;
    set(h->in, "Query.name", "一二三四五六七八九十零");
    set(h->in, "Query.email", "a@example.com");
    assert_int_equal(form_validate(h->in, h->out, contact_form, NFIELDS), 1);
    assert_hdf(h->out, "Form.name.error", "too_long");
    assert_hdf(h->out, "Form.name.value", "一二三四五六七八九十零");
}

static void validate_too_long_gives_limit_and_length(void **state)
{
    hdfs_t *h = *state;
    set(h->in, "Query.name", "一二三四五六七八九十零");
    set(h->in, "Query.email", "a@example.com");
    form_validate(h->in, h->out, contact_form, NFIELDS);
    assert_hdf(h->out, "Form.name.max", "10");
    assert_hdf(h->out, "Form.name.chars", "11");
}

static void validate_control_keeps_input_with_marks(void **state)
{
    hdfs_t *h = *state;
    set(h->in, "Query.name", "Li\x01Wei");
    set(h->in, "Query.email", "a@example.com");
    assert_int_equal(form_validate(h->in, h->out, contact_form, NFIELDS), 1);
    assert_hdf(h->out, "Form.name.error", "control");
    assert_hdf(h->out, "Form.name.value", "Li\xEF\xBF\xBDWei");
    assert_string_equal(form_first_error(h->out), "name");
}

static void validate_joins_repeated_multichoice_keys(void **state)
{
    hdfs_t *h = *state;
    set(h->in, "Query.name", "Li");
    set(h->in, "Query.email", "li@example.com");
    set(h->in, "Query.colour.0", "red");
    set(h->in, "Query.colour.1", "blue");
    assert_int_equal(form_validate(h->in, h->out, contact_form, NFIELDS), 0);
    assert_hdf(h->out, "Form.colour.value", "red,blue");
    assert_hdf(h->out, "Form.colour.sel.red", "1");
    assert_hdf(h->out, "Form.colour.sel.blue", "1");
    assert_null(get(h->out, "Form.colour.sel.green"));
}

static void validate_rejects_bad_multichoice_code(void **state)
{
    hdfs_t *h = *state;
    set(h->in, "Query.name", "Li");
    set(h->in, "Query.email", "li@example.com");
    set(h->in, "Query.colour.0", "red");
    set(h->in, "Query.colour.1", "purple");
    assert_int_equal(form_validate(h->in, h->out, contact_form, NFIELDS), 1);
    assert_hdf(h->out, "Form.colour.error", "invalid_choice");
    assert_hdf(h->out, "Form.colour.value", "red,purple");
    assert_null(get(h->out, "Form.colour.sel.red"));
}

static void validate_single_multichoice_value(void **state)
{
    hdfs_t *h = *state;
    set(h->in, "Query.name", "Li");
    set(h->in, "Query.email", "li@example.com");
    set(h->in, "Query.colour", "green");
    assert_int_equal(form_validate(h->in, h->out, contact_form, NFIELDS), 0);
    assert_hdf(h->out, "Form.colour.value", "green");
    assert_hdf(h->out, "Form.colour.sel.green", "1");
}

static void validate_bool_on_and_off(void **state)
{
    hdfs_t *h = *state;
    set(h->in, "Query.name", "Li");
    set(h->in, "Query.email", "li@example.com");
    set(h->in, "Query.urgent", "on");
    assert_int_equal(form_validate(h->in, h->out, contact_form, NFIELDS), 0);
    assert_string_equal(or_none(form_value(h->out, "urgent")), "1");
    set(h->in, "Query.urgent", "yes please");
    assert_int_equal(form_validate(h->in, h->out, contact_form, NFIELDS), 0);
    assert_null(form_value(h->out, "urgent"));
}

static void form_value_is_null_when_empty(void **state)
{
    hdfs_t *h = *state;
    set(h->in, "Query.name", "Li");
    set(h->in, "Query.email", "li@example.com");
    set(h->in, "Query.phone", "   ");
    assert_int_equal(form_validate(h->in, h->out, contact_form, NFIELDS), 0);
    assert_string_equal(or_none(form_value(h->out, "name")), "Li");
    assert_null(form_value(h->out, "phone"));
    assert_null(form_value(h->out, "colour"));
    assert_null(form_value(h->out, "no_such_field"));
}

static void form_set_error_marks_form(void **state)
{
    hdfs_t *h = *state;
    form_set_error(h->out, "csrf", "csrf");
    assert_hdf(h->out, "Form.csrf.error", "csrf");
    assert_hdf(h->out, "Form.HasErrors", "1");
}

/* ---- whole numbers and ids: typed values ---- */

static const char *check_rule(const form_field_t *f, const char *value)
{
    static char buf[128];
    snprintf(buf, sizeof buf, "%s", value);
    return field_check(f, buf);
}

static void integer_in_range_or_its_message(void **state)
{
    (void)state;
    form_field_t f = {.name = "rank", .type = FT_INTEGER, .required = true, .max_chars = 6,
                      .min = 1, .max = 999, .invalid = "rank_range"};
    assert_null(check_rule(&f, " 42 "));
    assert_null(check_rule(&f, "999"));
    const char *bad[] = {"0", "1000", "-1", "+5", "1.0", "abc", "12a", "1e2"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_string_equal(or_none(check_rule(&f, bad[i])), "rank_range");
    assert_string_equal(or_none(check_rule(&f, "1234567")), "too_long");
    assert_string_equal(or_none(check_rule(&f, "1\n2")), "one_line");
    assert_string_equal(or_none(check_rule(&f, "")), "required");
    f.invalid = NULL;
    assert_string_equal(or_none(check_rule(&f, "1000")), "invalid_number");
}

static void integer_never_overflows(void **state)
{
    (void)state;
    form_field_t f = {.name = "n", .type = FT_INTEGER, .min = 1, .max = 999999999,
                      .invalid = "invalid_choice"};
    assert_string_equal(or_none(check_rule(&f, "99999999999999999999999")), "invalid_choice");
    assert_string_equal(or_none(check_rule(&f, "9223372036854775808")), "invalid_choice");
    assert_string_equal(or_none(check_rule(&f, "1000000000")), "invalid_choice");
}

static void number_with_range_says_which_is_wrong(void **state)
{
    (void)state;
    form_field_t f = {.name = "count", .type = FT_NUMBER, .required = true, .max_chars = 4,
                      .min = 1, .max = 1000, .invalid = "count_range"};
    assert_null(check_rule(&f, "7"));
    assert_string_equal(or_none(check_rule(&f, "abc")), "invalid_number");
    assert_string_equal(or_none(check_rule(&f, "1.5")), "count_range");
    assert_string_equal(or_none(check_rule(&f, "0")), "count_range");
    assert_string_equal(or_none(check_rule(&f, "2000")), "count_range");
}

static void id_is_positive_digits(void **state)
{
    (void)state;
    form_field_t f = {.name = "team", .type = FT_ID};
    assert_null(check_rule(&f, "12"));
    assert_null(check_rule(&f, ""));
    const char *bad[] = {"0", "-3", "3x", "1000000000000000000", "99999999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_string_equal(or_none(check_rule(&f, bad[i])), "invalid_choice");
}

static const form_field_t typed_form[] = {
    {.name = "rank", .type = FT_INTEGER, .required = true, .max_chars = 6, .min = 1, .max = 999,
     .invalid = "rank_range"},
    {.name = "team", .type = FT_ID},
    {.name = "note", .type = FT_TEXT, .max_chars = 20},
};

static void validate_hands_typed_values(void **state)
{
    hdfs_t *h = *state;
    set(h->in, "Query.rank", " 15 ");
    set(h->in, "Query.team", "7");
    set(h->in, "Query.note", "not a number");
    assert_int_equal(form_validate(h->in, h->out, typed_form, 3), 0);
    assert_int_equal(form_int(h->out, "rank"), 15);
    assert_int_equal(form_int(h->out, "team"), 7);
    assert_int_equal(form_int(h->out, "note"), 0);
    assert_int_equal(form_int(h->out, "absent"), 0);
}

static void validate_refused_number_keeps_input_reads_zero(void **state)
{
    hdfs_t *h = *state;
    set(h->in, "Query.rank", "1000");
    set(h->in, "Query.team", "99999999999999999999");
    assert_int_equal(form_validate(h->in, h->out, typed_form, 3), 2);
    assert_hdf(h->out, "Form.rank.value", "1000");
    assert_hdf(h->out, "Form.rank.error", "rank_range");
    assert_hdf(h->out, "Form.team.value", "99999999999999999999");
    assert_hdf(h->out, "Form.team.error", "invalid_choice");
    assert_int_equal(form_int(h->out, "rank"), 0);
    assert_int_equal(form_int(h->out, "team"), 0);
}

static void form_ids_each_once_within_cap(void **state)
{
    hdfs_t *h = *state;
    long long ids[3];
    set(h->out, "Form.skills.value", "5,3,5,8");
    assert_int_equal(form_ids(h->out, "skills", ids, 3), 3);
    assert_int_equal(ids[0], 5);
    assert_int_equal(ids[1], 3);
    assert_int_equal(ids[2], 8);
    assert_int_equal(form_ids(h->out, "skills", ids, 2), -1);
    assert_int_equal(form_ids(h->out, "none", ids, 3), 0);
}

/* ---- form_parse_local_time ---- */

static void parse_local_time_of_date_is_local_midnight(void **state)
{
    (void)state;
    /* 2026-11-25 00:00 in Shanghai (UTC+8) is 2026-11-24 16:00 UTC */
    assert_int_equal(form_parse_local_time("2026-11-25"), 1795564800 - 8 * 3600);
}

static void parse_local_time_with_t_and_space(void **state)
{
    (void)state;
    /* 2026-11-25 08:00 in Shanghai is 2026-11-25 00:00 UTC */
    assert_int_equal(form_parse_local_time("2026-11-25T08:00"), 1795564800);
    assert_int_equal(form_parse_local_time("2026-11-25 08:00"), 1795564800);
    assert_int_equal(form_parse_local_time("2026-11-25T08:01"), 1795564800 + 60);
}

static void parse_local_time_invalid_is_zero(void **state)
{
    (void)state;
    assert_int_equal(form_parse_local_time(""), 0);
    assert_int_equal(form_parse_local_time("2026-02-30"), 0);
    assert_int_equal(form_parse_local_time("2026-11-25X08:00"), 0);
    assert_int_equal(form_parse_local_time("2026-11-25T08"), 0);
    assert_int_equal(form_parse_local_time("1969-12-31"), 0);
    /* the digits exactly where the shape has them: strptime would skip a
     * space before a number and read a month or an hour of one digit */
    assert_int_equal(form_parse_local_time("2026- 1-25"), 0);
    assert_int_equal(form_parse_local_time(" 2026-1-25"), 0);
    assert_int_equal(form_parse_local_time("2026-11-5 "), 0);
    assert_int_equal(form_parse_local_time("2026-11-25T 8:00"), 0);
    assert_int_equal(form_parse_local_time("2026-11-25T8:00"), 0);
    assert_int_equal(form_parse_local_time("2026-11-25T08:0"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_accepts_one_line),
        cmocka_unit_test(text_rejects_line_break),
        cmocka_unit_test(longtext_accepts_line_breaks),
        cmocka_unit_test(check_trims_value_in_place),
        cmocka_unit_test(required_rejects_empty_and_blank),
        cmocka_unit_test(optional_accepts_empty_of_every_type),
        cmocka_unit_test(too_long_counts_characters_not_bytes),
        cmocka_unit_test(too_long_after_trimming),
        cmocka_unit_test(invalid_utf8_is_encoding_error),
        cmocka_unit_test(control_character_is_control_error),
        cmocka_unit_test(email_accepts_valid),
        cmocka_unit_test(email_rejects_invalid),
        cmocka_unit_test(email_only_what_mail_can_reach),
        cmocka_unit_test(phone_accepts_common_forms),
        cmocka_unit_test(phone_rejects_letters_and_short_numbers),
        cmocka_unit_test(number_accepts_integers_and_decimals),
        cmocka_unit_test(number_rejects_non_numbers),
        cmocka_unit_test(number_rejects_nan_and_infinity),
        cmocka_unit_test(date_accepts_calendar_date),
        cmocka_unit_test(date_rejects_impossible_dates),
        cmocka_unit_test(date_rejects_other_formats),
        cmocka_unit_test(datetime_accepts_t_and_space),
        cmocka_unit_test(datetime_rejects_bad_values),
        cmocka_unit_test(choice_accepts_listed_code),
        cmocka_unit_test(choice_rejects_unlisted_code),
        cmocka_unit_test(choice_without_choices_rejects_everything),
        cmocka_unit_test(multichoice_accepts_listed_codes),
        cmocka_unit_test(multichoice_rejects_one_bad_code),
        cmocka_unit_test(field_type_parse_names),
        cmocka_unit_test(integer_in_range_or_its_message),
        cmocka_unit_test(integer_never_overflows),
        cmocka_unit_test(number_with_range_says_which_is_wrong),
        cmocka_unit_test(id_is_positive_digits),
        cmocka_unit_test_setup_teardown(validate_hands_typed_values, setup_hdfs, teardown_hdfs),
        cmocka_unit_test_setup_teardown(validate_refused_number_keeps_input_reads_zero, setup_hdfs,
                                        teardown_hdfs),
        cmocka_unit_test_setup_teardown(form_ids_each_once_within_cap, setup_hdfs, teardown_hdfs),
        cmocka_unit_test_setup_teardown(validate_valid_submission_has_no_errors, setup_hdfs,
                                        teardown_hdfs),
        cmocka_unit_test_setup_teardown(validate_counts_errors_and_keeps_input, setup_hdfs,
                                        teardown_hdfs),
        cmocka_unit_test_setup_teardown(validate_too_long_keeps_input, setup_hdfs, teardown_hdfs),
        cmocka_unit_test_setup_teardown(validate_too_long_gives_limit_and_length, setup_hdfs,
                                        teardown_hdfs),
        cmocka_unit_test_setup_teardown(validate_control_keeps_input_with_marks, setup_hdfs,
                                        teardown_hdfs),
        cmocka_unit_test_setup_teardown(validate_joins_repeated_multichoice_keys, setup_hdfs,
                                        teardown_hdfs),
        cmocka_unit_test_setup_teardown(validate_rejects_bad_multichoice_code, setup_hdfs,
                                        teardown_hdfs),
        cmocka_unit_test_setup_teardown(validate_single_multichoice_value, setup_hdfs,
                                        teardown_hdfs),
        cmocka_unit_test_setup_teardown(validate_bool_on_and_off, setup_hdfs, teardown_hdfs),
        cmocka_unit_test_setup_teardown(form_value_is_null_when_empty, setup_hdfs, teardown_hdfs),
        cmocka_unit_test_setup_teardown(form_set_error_marks_form, setup_hdfs, teardown_hdfs),
        cmocka_unit_test(parse_local_time_of_date_is_local_midnight),
        cmocka_unit_test(parse_local_time_with_t_and_space),
        cmocka_unit_test(parse_local_time_invalid_is_zero),
    };
    return cmocka_run_group_tests_name("form", tests, set_shanghai, NULL);
}
