/* Unit tests for the lists of codes a ticket's fields take, each kept once
 * in the domain: the impacts a customer states (lib/desk/ticket/ticket_fields.h)
 * with the level each starts a ticket at, and the natures an agent records
 * on classifying (lib/desk/ticket/ticket_work.h). Every code has its words in
 * both languages and the language files offer no other. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include <ClearSilver.h>

#include "desk/ticket/ticket_fields.h"
#include "desk/ticket/ticket_work.h"

static int count(const char *const *list)
{
    int n = 0;
    while (list[n])
        n++;
    return n;
}

static bool listed(const char *const *list, const char *code)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(list[i], code) == 0)
            return true;
    return false;
}

static void impacts_and_the_level_each_starts_at(void **state)
{
    (void)state;
    assert_int_equal(count(ticket_impacts), 4);
    assert_string_equal(ticket_impacts[0], "company");
    assert_string_equal(ticket_impact_priority("company"), "urgent");
    assert_string_equal(ticket_impact_priority("department"), "important");
    assert_string_equal(ticket_impact_priority("individual"), "general");
    assert_string_equal(ticket_impact_priority("none"), "low");
    assert_null(ticket_impact_priority("Company"));
    assert_null(ticket_impact_priority(""));
    assert_null(ticket_impact_priority(NULL));
    for (int i = 0; ticket_impacts[i]; i++)
        assert_non_null(ticket_impact_priority(ticket_impacts[i]));
    /* the portal's, the intake's and the API's rule offers exactly these */
    const field_rule_t *rule = ticket_field("impact");
    assert_non_null(rule);
    assert_ptr_equal(rule->choices, ticket_impacts);
}

static void natures(void **state)
{
    (void)state;
    assert_int_equal(count(ticket_natures), 5);
    for (int i = 0; ticket_natures[i]; i++)
        assert_true(ticket_nature_valid(ticket_natures[i]));
    assert_false(ticket_nature_valid("Functional"));
    assert_false(ticket_nature_valid(""));
    assert_false(ticket_nature_valid(NULL));
}

/* The codes under the node at path of a language file: the names of its
 * children (by_name), or their "code" values. */
static int codes_in(const char *file, const char *path, bool by_name, const char *const *domain)
{
    HDF *h = NULL;
    assert_null(hdf_init(&h));
    NEOERR *err = hdf_read_file(h, file);
    if (err) {
        nerr_ignore(&err);
        hdf_destroy(&h);
        return -1;
    }
    int n = 0;
    for (HDF *o = hdf_obj_child(hdf_get_obj(h, path)); o; o = hdf_obj_next(o), n++) {
        const char *code = by_name ? hdf_obj_name(o) : hdf_get_value(o, "code", "");
        if (!listed(domain, code))
            fail_msg("%s: %s.%s is not a code of the domain", file, path, code);
    }
    hdf_destroy(&h);
    return n;
}

static void every_code_has_its_words_and_no_other(void **state)
{
    (void)state;
    const char *langs[] = {"zh", "en"};
    for (int i = 0; i < 2; i++) {
        char file[64];
        snprintf(file, sizeof file, "templates/lang/%s.hdf", langs[i]);
        int n = codes_in(file, "L.Form.ImpactOptions", false, ticket_impacts);
        if (n < 0)
            skip(); /* not run from the top of the tree */
        assert_int_equal(n, count(ticket_impacts));
        snprintf(file, sizeof file, "templates/lang/agent.%s.hdf", langs[i]);
        assert_int_equal(codes_in(file, "L.Agent.Natures", true, ticket_natures),
                         count(ticket_natures));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(impacts_and_the_level_each_starts_at),
        cmocka_unit_test(natures),
        cmocka_unit_test(every_code_has_its_words_and_no_other),
    };
    return cmocka_run_group_tests_name("ticket_lists", tests, NULL, NULL);
}
