/* Unit tests for lib/desk/review/problem_state.c and the rules of
 * lib/desk/review/problem.c that need no database: the workflow table, who
 * may take each step, see and edit; the 5-Why chain check, fishbone items,
 * what a record lacks before each step, and record numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/review/problem.h"
#include "desk/review/problem_state.h"

/* Where each action leads from each status (-1: not there). */
static const int expected[PA_COUNT][PS_COUNT] = {
    /*             DRAFT         IN_REVIEW     CONFIRMED     CLOSED */
    [PA_SUBMIT] = {PS_IN_REVIEW, -1, -1, -1},
    [PA_RETURN] = {-1, PS_DRAFT, -1, -1},
    [PA_CONFIRM] = {-1, PS_CONFIRMED, -1, -1},
    [PA_REOPEN] = {-1, -1, PS_IN_REVIEW, -1},
    [PA_CLOSE] = {-1, -1, PS_CLOSED, -1},
};

static void every_step_matches_the_table(void **state)
{
    (void)state;
    for (int a = 0; a < PA_COUNT; a++)
        for (int s = 0; s < PS_COUNT; s++)
            assert_int_equal(problem_action_target((problem_action_t)a, (problem_status_t)s),
                             expected[a][s]);
    /* nothing leads out of closed */
    for (int a = 0; a < PA_COUNT; a++)
        assert_int_equal(problem_action_target((problem_action_t)a, PS_CLOSED), -1);
}

static void codes_round_trip(void **state)
{
    (void)state;
    for (int s = 0; s < PS_COUNT; s++)
        assert_int_equal(problem_status_parse(problem_status_code((problem_status_t)s)), s);
    for (int a = 0; a < PA_COUNT; a++)
        assert_int_equal(problem_action_parse(problem_action_code((problem_action_t)a)), a);
    assert_int_equal(problem_status_parse("open"), -1);
    assert_int_equal(problem_action_parse(NULL), -1);
    assert_string_equal(problem_status_code(PS_IN_REVIEW), "in_review");
}

static agent_t person(long long id, role_t role)
{
    agent_t a;
    memset(&a, 0, sizeof a);
    a.id = id;
    a.role = role;
    return a;
}

static void who_may_take_each_step(void **state)
{
    (void)state;
    agent_t owner = person(7, ROLE_AGENT), other = person(8, ROLE_AGENT);
    agent_t sup = person(2, ROLE_SUPERVISOR), dir = person(9, ROLE_DIRECTOR),
            adm = person(1, ROLE_ADMIN);
    problem_role_t o = problem_role_of(&owner, 7, false), p = problem_role_of(&other, 7, true),
                   n = problem_role_of(&other, 7, false), s = problem_role_of(&sup, 7, false),
                   d = problem_role_of(&dir, 7, false), a = problem_role_of(&adm, 7, false);
    assert_true(o.owner && !o.manager);
    assert_true(p.participant && !p.owner && !p.manager);
    assert_true(s.manager && d.manager && a.manager);
    /* submit: whoever works on it */
    assert_true(problem_action_allowed(PA_SUBMIT, o));
    assert_true(problem_action_allowed(PA_SUBMIT, p));
    assert_false(problem_action_allowed(PA_SUBMIT, n));
    /* return, confirm, reopen: managers only, never the agents on it */
    for (problem_action_t act = PA_RETURN; act <= PA_REOPEN; act++) {
        assert_false(problem_action_allowed(act, o));
        assert_false(problem_action_allowed(act, p));
        assert_true(problem_action_allowed(act, s));
        assert_true(problem_action_allowed(act, d));
    }
    /* close: the owner or a manager */
    assert_true(problem_action_allowed(PA_CLOSE, o));
    assert_false(problem_action_allowed(PA_CLOSE, p));
    assert_true(problem_action_allowed(PA_CLOSE, d));
    /* seeing and editing */
    assert_false(problem_may_see(n));
    assert_true(problem_may_see(p) && problem_may_see(s));
    assert_true(problem_may_edit(p, PS_CONFIRMED));
    assert_false(problem_may_edit(o, PS_CLOSED));
    assert_false(problem_may_edit(d, PS_CLOSED));
    assert_false(problem_may_edit(n, PS_DRAFT));
}

static void chain_runs_from_level_one_without_gaps(void **state)
{
    (void)state;
    const char *why[PROBLEM_WHYS_MAX] = {0}, *because[PROBLEM_WHYS_MAX] = {0};
    refusal_t r = {0};
    assert_int_equal(problem_chain_check(why, because, &r), 0);
    assert_int_equal(r.n, 0);
    why[0] = "为什么失败？", because[0] = "超时";
    why[1] = "为什么超时？", because[1] = "没有索引";
    assert_int_equal(problem_chain_check(why, because, &r), 2);
    /* a gap at level 2 under a filled level 3 */
    why[1] = because[1] = NULL;
    why[2] = "为什么没有索引？", because[2] = "评审漏了";
    assert_int_equal(problem_chain_check(why, because, &r), -1);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.why[0].field, "why_2");
    assert_string_equal(r.why[0].key, "why_gap");
    /* a level with only one half */
    refusal_t r2 = {0};
    const char *w2[PROBLEM_WHYS_MAX] = {"为什么？", ""}, *b2[PROBLEM_WHYS_MAX] = {"", "因为"};
    assert_int_equal(problem_chain_check(w2, b2, &r2), -1);
    assert_int_equal(r2.n, 2);
    assert_string_equal(r2.why[0].field, "because_1");
    assert_string_equal(r2.why[0].key, "because_needed");
    assert_string_equal(r2.why[1].field, "why_2");
    assert_string_equal(r2.why[1].key, "why_needed");
    /* all seven levels */
    refusal_t r3 = {0};
    const char *w7[PROBLEM_WHYS_MAX], *b7[PROBLEM_WHYS_MAX];
    for (int i = 0; i < PROBLEM_WHYS_MAX; i++)
        w7[i] = "w", b7[i] = "b";
    assert_int_equal(problem_chain_check(w7, b7, &r3), 7);
}

static void fishbone_items_are_trimmed_lines(void **state)
{
    (void)state;
    const char *err = NULL;
    char *v = problem_items_normalise("  新人不熟悉排查 \r\n\r\n\t报表库 IO 饱和\n", &err);
    assert_null(err);
    assert_string_equal(v, "新人不熟悉排查\n报表库 IO 饱和");
    free(v);
    v = problem_items_normalise(NULL, &err);
    assert_string_equal(v, "");
    free(v);
    char many[PROBLEM_ITEMS_MAX * 2 + 8];
    memset(many, 0, sizeof many);
    for (int i = 0; i <= PROBLEM_ITEMS_MAX; i++)
        memcpy(many + i * 2, "x\n", 2);
    assert_null(problem_items_normalise(many, &err));
    assert_string_equal(err, "too_many_items");
    char long_item[PROBLEM_ITEM_MAX * 3 + 8];
    memset(long_item, 0, sizeof long_item);
    for (int i = 0; i <= PROBLEM_ITEM_MAX; i++)
        memcpy(long_item + i * 3, "因", 3); /* 301 characters, 903 bytes */
    assert_null(problem_items_normalise(long_item, &err));
    assert_string_equal(err, "item_too_long");
    long_item[PROBLEM_ITEM_MAX * 3] = '\0'; /* 300 characters: fits */
    v = problem_items_normalise(long_item, &err);
    assert_non_null(v);
    free(v);
}

static void each_step_says_what_is_missing(void **state)
{
    (void)state;
    problem_t p;
    memset(&p, 0, sizeof p);
    refusal_t r = {0};
    assert_true(problem_incomplete(&p, PA_SUBMIT, &r));
    assert_int_equal(r.n, 4); /* symptoms, chain, responsibility, party */
    assert_string_equal(r.why[1].key, "chain_needed");
    p.symptoms = "导出失败";
    p.nwhys = 1;
    snprintf(p.responsibility, sizeof p.responsibility, "process_gap");
    snprintf(p.party, sizeof p.party, "internal");
    refusal_t ok = {0};
    assert_false(problem_incomplete(&p, PA_SUBMIT, &ok));
    refusal_t c = {0};
    assert_true(problem_incomplete(&p, PA_CONFIRM, &c));
    assert_string_equal(c.why[0].field, "conclusion");
    p.conclusion = "评审缺性能检查";
    refusal_t cl = {0};
    assert_true(problem_incomplete(&p, PA_CLOSE, &cl));
    assert_int_equal(cl.n, 1);
    assert_string_equal(cl.why[0].field, "permanent_fix");
    p.permanent_fix = "加入慢查询检查";
    refusal_t done = {0};
    assert_false(problem_incomplete(&p, PA_CLOSE, &done));
    assert_false(problem_incomplete(&(problem_t){0}, PA_RETURN, &done));
}

static void numbers_read_both_ways(void **state)
{
    (void)state;
    char n[16];
    problem_number(12, n);
    assert_string_equal(n, "PRB-000012");
    assert_int_equal(problem_number_parse(n), 12);
    assert_int_equal(problem_number_parse("12"), 12);
    assert_int_equal(problem_number_parse("PRB-"), 0);
    assert_int_equal(problem_number_parse("12a"), 0);
    assert_int_equal(problem_number_parse("-3"), 0);
    assert_int_equal(problem_number_parse(NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_step_matches_the_table),
        cmocka_unit_test(codes_round_trip),
        cmocka_unit_test(who_may_take_each_step),
        cmocka_unit_test(chain_runs_from_level_one_without_gaps),
        cmocka_unit_test(fishbone_items_are_trimmed_lines),
        cmocka_unit_test(each_step_says_what_is_missing),
        cmocka_unit_test(numbers_read_both_ways),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
