/* Unit tests for the rules of lib/desk/people/people.c: logins, passwords (the policy
 * and the generated ones), the codes of teams and skill tags, id lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "desk/people/auth.h"
#include "desk/people/people.h"

static const char *login(const char *in, char out[80])
{
    snprintf(out, 80, "%s", in);
    return people_login_problem(out);
}

static void login_is_lowercased_and_trimmed(void **state)
{
    (void)state;
    char buf[80];
    assert_null(login("  Zhang.Wei ", buf));
    assert_string_equal(buf, "zhang.wei");
    assert_null(login("00123", buf)); /* employee numbers */
    assert_null(login("li_qiang-2@corp", buf));
}

static void login_rejects_other_characters(void **state)
{
    (void)state;
    char buf[80];
    assert_string_equal(login("zhang wei", buf), "login_chars");
    assert_string_equal(login("张伟", buf), "login_chars");
    assert_string_equal(login(".hidden", buf), "login_chars");
    assert_string_equal(login("a", buf), "login_chars");
    assert_string_equal(login("x'; DROP", buf), "login_chars");
    assert_string_equal(login("   ", buf), "required");
    assert_string_equal(login("a123456789012345678901234567890123456789012345678901234567890123x", buf),
                        "too_long");
}

static void password_policy(void **state)
{
    (void)state;
    assert_null(people_password_problem("correct horse", "zhang"));
    assert_null(people_password_problem("密码是十个汉字的长句子", "zhang")); /* characters, not bytes */
    assert_string_equal(people_password_problem("short", "zhang"), "password_short");
    assert_string_equal(people_password_problem("九个汉字的密码呢呀", "zhang"), "password_short");
    assert_string_equal(people_password_problem("", "zhang"), "password_short");
    assert_string_equal(people_password_problem("Zhang.Wei.1", "zhang.wei.1"), "password_login");
    char long_pw[200];
    memset(long_pw, 'x', 129);
    long_pw[129] = '\0';
    assert_string_equal(people_password_problem(long_pw, "zhang"), "password_long");
    long_pw[128] = '\0';
    assert_null(people_password_problem(long_pw, "zhang"));
    assert_string_equal(people_password_problem("bad \xff bytes here", "zhang"), "encoding");
}

static void generated_passwords_follow_the_policy_and_differ(void **state)
{
    (void)state;
    char a[PEOPLE_GENERATED_LEN + 1], b[PEOPLE_GENERATED_LEN + 1];
    people_password_generate(a);
    people_password_generate(b);
    assert_int_equal(strlen(a), PEOPLE_GENERATED_LEN);
    assert_string_not_equal(a, b);
    assert_null(people_password_problem(a, "zhang"));
    for (int i = 0; i < PEOPLE_GENERATED_LEN; i++) {
        if (i % 5 == 4)
            assert_int_equal(a[i], '-');
        else
            assert_null(strchr("0O1lI-", a[i])); /* no look-alikes */
    }
}

static void codes(void **state)
{
    (void)state;
    assert_null(people_code_problem("aftersales"));
    assert_null(people_code_problem("rnd-2_db"));
    assert_string_equal(people_code_problem("2nd"), "code_chars");
    assert_string_equal(people_code_problem("After"), "code_chars");
    assert_string_equal(people_code_problem("a"), "code_chars");
    assert_string_equal(people_code_problem("a b"), "code_chars");
    assert_string_equal(people_code_problem(""), "required");
    assert_string_equal(people_code_problem("abcdefghijabcdefghijabcdefghijabcdefghijx"), "too_long");
}

static void id_lists(void **state)
{
    (void)state;
    assert_true(people_ids_have("1,3,15", 1));
    assert_true(people_ids_have("1,3,15", 15));
    assert_false(people_ids_have("1,3,15", 5));
    assert_false(people_ids_have("13", 1));
    assert_false(people_ids_have("", 1));
    assert_false(people_ids_have(NULL, 1));
}

static void an_agent_keeps_a_team_and_nobody_has_too_many(void **state)
{
    (void)state;
    assert_string_equal(people_teams_problem("agent", ""), "team_needed");
    assert_null(people_teams_problem("agent", "3"));
    assert_null(people_teams_problem("supervisor", "")); /* only agents need a queue */
    assert_null(people_teams_problem("admin", ""));
    char ids[PEOPLE_IDS_LEN] = "1";
    for (int i = 2; i <= AUTH_MAX_TEAMS; i++)
        snprintf(ids + strlen(ids), sizeof ids - strlen(ids), ",%d", i);
    assert_null(people_teams_problem("agent", ids));
    snprintf(ids + strlen(ids), sizeof ids - strlen(ids), ",%d", AUTH_MAX_TEAMS + 1);
    assert_string_equal(people_teams_problem("agent", ids), "too_many");
    assert_null(people_skills_problem(""));
    char skills[PEOPLE_IDS_LEN] = "1";
    for (int i = 2; i <= PEOPLE_MAX_SKILLS; i++)
        snprintf(skills + strlen(skills), sizeof skills - strlen(skills), ",%d", i);
    assert_null(people_skills_problem(skills));
    snprintf(skills + strlen(skills), sizeof skills - strlen(skills), ",%d", 99);
    assert_string_equal(people_skills_problem(skills), "too_many");
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_agent_keeps_a_team_and_nobody_has_too_many),
        cmocka_unit_test(login_is_lowercased_and_trimmed),
        cmocka_unit_test(login_rejects_other_characters),
        cmocka_unit_test(password_policy),
        cmocka_unit_test(generated_passwords_follow_the_policy_and_differ),
        cmocka_unit_test(codes),
        cmocka_unit_test(id_lists),
    };
    return cmocka_run_group_tests_name("people", tests, NULL, NULL);
}
