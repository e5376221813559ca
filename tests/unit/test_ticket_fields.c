/* Unit tests for lib/desk/ticket/ticket_fields.c and ticket_sql.c: the table
 * of core ticket fields is consistent (names, columns, buffers, who sees
 * what, the common fields, the labels in both languages), the rules each
 * channel gets from it, the values it reaches by offset, and the statements
 * generated from it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "desk/catalog/commonfield.h"
#include "desk/ticket/ticket_fields.h"
#include "desk/ticket/ticket_record.h"
#include "desk/ticket/ticket_sql.h"

static void names_columns_and_api_names_are_each_used_once(void **state)
{
    (void)state;
    for (int i = 0; i < ticket_ncore; i++) {
        const ticket_field_t *f = &ticket_core[i];
        assert_string_equal(f->rule.name, f->name);
        assert_ptr_equal(ticket_core_field(f->name), f);
        for (int j = i + 1; j < ticket_ncore; j++) {
            const ticket_field_t *g = &ticket_core[j];
            assert_string_not_equal(f->name, g->name);
            if (f->column && g->column)
                assert_string_not_equal(f->column, g->column);
            if (f->api && g->api)
                assert_string_not_equal(f->api, g->api);
        }
    }
    assert_null(ticket_core_field("nature"));
    assert_null(ticket_core_field(NULL));
}

static void each_kind_is_kept_where_it_fits(void **state)
{
    (void)state;
    for (int i = 0; i < ticket_ncore; i++) {
        const ticket_field_t *f = &ticket_core[i];
        switch (f->kind) {
        case TFK_TEXT: /* the buffer holds what the rule lets in: text or a code */
            if (f->rule.type == FT_CHOICE)
                for (int j = 0; f->rule.choices[j]; j++)
                    assert_true(strlen(f->rule.choices[j]) < f->size);
            else
                assert_true(f->size >= (size_t)f->rule.max_chars * 4 + 1);
            assert_non_null(f->column);
            break;
        case TFK_LONG:
            assert_int_equal(f->size, sizeof(char *));
            break;
        case TFK_TIME:
            assert_int_equal(f->size, sizeof(time_t));
            assert_int_equal(f->rule.type, FT_DATETIME);
            break;
        case TFK_SEALED: /* contact details: only for readers with the right */
            assert_non_null(f->column);
            assert_int_equal(f->see, TF_SEE_CONTACT);
            assert_false(f->api_out);
            break;
        case TFK_CUSTOMER:
            assert_null(f->column);
            break;
        }
        assert_true(f->api_out ? f->api != NULL : true);
        assert_int_equal(f->required & ~f->from, 0); /* required only where taken */
        if (f->rule.type == FT_CHOICE)
            assert_non_null(f->rule.choices);
    }
}

static void the_common_fields_are_the_categories_choices(void **state)
{
    (void)state;
    int common = 0;
    for (int i = 0; i < ticket_ncore; i++) {
        const ticket_field_t *f = &ticket_core[i];
        assert_int_equal(f->common, common_index(f->name) >= 0);
        common += f->common;
    }
    assert_int_equal(common, COMMON_COUNT);
}

static bool taken(const field_rule_t *r, int n, const char *name, bool *required)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(r[i].name, name)) {
            *required = r[i].required;
            return true;
        }
    return false;
}

static void each_channel_gets_its_rules(void **state)
{
    (void)state;
    field_rule_t r[64];
    bool req;
    int n = ticket_field_rules(TF_PORTAL, r, 64);
    assert_true(taken(r, n, "email", &req) && req);
    assert_true(taken(r, n, "subject", &req) && req);
    assert_true(taken(r, n, "phone", &req) && !req);
    assert_true(taken(r, n, "preferred_contact", &req));
    assert_false(taken(r, n, "product", &req));  /* the category's choice */
    assert_false(taken(r, n, "language", &req)); /* the program's */
    n = ticket_field_rules(TF_AGENT, r, 64);
    assert_true(taken(r, n, "email", &req) && !req); /* a request by phone */
    assert_true(taken(r, n, "contact_name", &req) && req);
    assert_false(taken(r, n, "preferred_contact", &req));
    assert_int_equal(ticket_field_rules(TF_AGENT, r, 2), 2);
    assert_ptr_equal(ticket_field("impact")->choices, ticket_impacts);
}

static void values_are_reached_by_their_rows(void **state)
{
    (void)state;
    ticket_new_t in = {.subject = "s"};
    const ticket_field_t *subject = ticket_core_field("subject");
    const ticket_field_t *started = ticket_core_field("started_at");
    assert_string_equal(ticket_in_text(&in.core, subject), "s");
    ticket_in_set_text(&in.core, ticket_core_field("product"), "p");
    assert_string_equal(in.product, "p");
    ticket_in_set_time(&in.core, started, 1234);
    assert_int_equal(in.started_at, 1234);
    assert_null(ticket_in_text(&in.core, started));
    ticket_t t = {0};
    snprintf(t.serial_number, sizeof t.serial_number, "SN-1");
    t.tried = strdup("reboot");
    assert_string_equal(ticket_back_text(&t.core, ticket_core_field("serial_number")), "SN-1");
    assert_string_equal(ticket_back_text(&t.core, ticket_core_field("tried")), "reboot");
    assert_string_equal(ticket_back_text(&t.core, ticket_core_field("error_message")), "");
    ticket_fields_free(&t.core);
    assert_null(t.tried);
}

/* Counts the occurrences of needle in s. */
static int count(const char *s, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void statements_come_from_the_table_once(void **state)
{
    (void)state;
    static ticket_sql_t q; /* large */
    int stored = 0, back = 0;
    for (int i = 0; i < ticket_ncore; i++) {
        stored += ticket_core[i].column != NULL;
        back += ticket_core[i].column && ticket_field_read_back(&ticket_core[i]);
    }
    const char *ins = ticket_sql_insert(&q, TICKET_SQL_INSERT, "a, b", 2);
    assert_non_null(ins);
    assert_int_equal(count(ins, "?"), 2 + stored);
    assert_true(strstr(ins, ", contact_email_sealed") != NULL);
    assert_ptr_equal(ticket_sql_insert(&q, TICKET_SQL_INSERT, "other", 1), ins); /* built once */
    const char *sel = ticket_sql_select(&q, TICKET_SQL_BY_ID, "id", "WHERE id = ?");
    assert_non_null(sel);
    assert_int_equal(count(sel, ", "), back);
    assert_null(strstr(sel, "sealed")); /* contact details are never read back with the row */
    assert_true(strstr(sel, " FROM tickets WHERE id = ?") != NULL);
    ticket_t t;
    db_col_t cols[DB_MAX_BIND];
    assert_int_equal(ticket_sql_back_cols(&t.core, cols, DB_MAX_BIND), back);
    ticket_new_t in = {.subject = "s", .email = "a@b.example"};
    db_param_t params[DB_MAX_BIND];
    unsigned char seal[TICKET_SQL_SEALED_MAX];
    secrets_t s = {0};
    assert_int_equal(ticket_sql_in_params(&in.core, &s, params, DB_MAX_BIND, seal), stored);
    assert_int_equal(ticket_sql_in_params(&in.core, &s, params, 3, seal), -1);
}

/* Every field a channel takes is labelled in both languages. */
static void every_field_is_labelled(void **state)
{
    (void)state;
    const char *langs[] = {"zh", "en"};
    for (int l = 0; l < 2; l++) {
        char file[64];
        snprintf(file, sizeof file, "templates/lang/%s.hdf", langs[l]);
        HDF *h = NULL;
        assert_null(hdf_init(&h));
        NEOERR *err = hdf_read_file(h, file);
        if (err) { /* not run from the top of the tree */
            nerr_ignore(&err);
            hdf_destroy(&h);
            skip();
        }
        for (int i = 0; i < ticket_ncore; i++) {
            const ticket_field_t *f = &ticket_core[i];
            if (!f->from)
                continue;
            assert_non_null(f->label);
            char key[160];
            snprintf(key, sizeof key, "L.%s", f->label);
            if (!*hdf_get_value(h, key, ""))
                fail_msg("%s: no %s", file, key);
        }
        hdf_destroy(&h);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_columns_and_api_names_are_each_used_once),
        cmocka_unit_test(each_kind_is_kept_where_it_fits),
        cmocka_unit_test(the_common_fields_are_the_categories_choices),
        cmocka_unit_test(each_channel_gets_its_rules),
        cmocka_unit_test(values_are_reached_by_their_rows),
        cmocka_unit_test(statements_come_from_the_table_once),
        cmocka_unit_test(every_field_is_labelled),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
