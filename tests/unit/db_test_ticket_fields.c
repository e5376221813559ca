/* Unit tests of the statements generated from the table of core ticket
 * fields (lib/desk/ticket/ticket_fields.h, ticket_sql.h) against a real
 * MariaDB (tests/unit/dbtest.h): every field the table declares goes in
 * through the generated insert and comes back through the generated fetch,
 * sealed contact details only through ticket_contacts, what is not given as
 * the row's fallback, and the statements are built and prepared once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "dbtest.h"

/* A value every field accepts under its rule: a choice's last code, an
 * address, a phone number, a moment, else text as long as the rule allows
 * (Chinese, so four bytes a character would show any cut). */
static void fill(const ticket_field_t *f, char *buf, size_t cap, ticket_new_t *in, time_t when)
{
    if (f->kind == TFK_TIME)
        return ticket_in_set_time(&in->core, f, when);
    const char *v = buf;
    if (f->rule.type == FT_CHOICE) {
        int n = 0;
        while (f->rule.choices[n + 1])
            n++;
        v = f->rule.choices[n];
    } else if (f->rule.type == FT_EMAIL) {
        v = "round.trip@unit.test";
    } else if (f->rule.type == FT_PHONE) {
        v = "+86 10 8888 0001";
    } else if (!strcmp(f->name, "language")) {
        v = "en";
    } else {
        size_t len = 0;
        for (int i = 0; i < f->rule.max_chars && len + 4 < cap; i++)
            len += (size_t)snprintf(buf + len, cap - len, "%s", i % 2 ? "单" : "x");
    }
    ticket_in_set_text(&in->core, f, v);
}

static void every_field_round_trips(void **state)
{
    desk_t *d = *state;
    static char text[64][40004];
    ticket_new_t in = dbtest_request(d, "fault");
    time_t when = dbtest_local("2027-03-08 09:30");
    for (int i = 0; i < ticket_ncore; i++)
        fill(&ticket_core[i], text[i], sizeof text[i], &in, when);
    long long id = dbtest_create(d, &in, NULL);
    ticket_t t;
    dbtest_load(d, id, &t);
    for (int i = 0; i < ticket_ncore; i++) {
        const ticket_field_t *f = &ticket_core[i];
        if (!ticket_field_read_back(f))
            continue;
        if (f->kind == TFK_TIME)
            assert_int_equal(ticket_back_time(&t.core, f), when);
        else if (strcmp(ticket_back_text(&t.core, f), ticket_in_text(&in.core, f)))
            fail_msg("%s came back as \"%.40s\"", f->name, ticket_back_text(&t.core, f));
    }
    char email[256], phone[64];
    assert_int_equal(ticket_contacts(d, id, email, sizeof email, phone, sizeof phone), OUTCOME_OK);
    assert_string_equal(email, in.email);
    assert_string_equal(phone, in.phone);
    ticket_extra_t x;
    assert_int_equal(ticket_extra(d, &t, &x), OUTCOME_OK);
    assert_string_equal(x.organisation, in.organisation);
    ticket_free(&t);
}

static void what_is_not_given_is_the_fallback(void **state)
{
    desk_t *d = *state;
    ticket_new_t in = dbtest_request(d, "usage");
    in.language = NULL;
    in.impact = NULL;
    long long id = dbtest_create(d, &in, NULL);
    ticket_t t;
    dbtest_load(d, id, &t);
    for (int i = 0; i < ticket_ncore; i++) {
        const ticket_field_t *f = &ticket_core[i];
        if (!ticket_field_read_back(f) || ticket_in_text(&in.core, f) || f->kind == TFK_TIME)
            continue;
        assert_string_equal(ticket_back_text(&t.core, f), f->fallback ? f->fallback : "");
    }
    assert_int_equal(t.started_at, 0);
    assert_string_equal(t.preferred_contact, "any");
    assert_string_equal(t.language, "zh");
    char email[256], phone[64];
    assert_int_equal(ticket_contacts(d, id, email, sizeof email, phone, sizeof phone), OUTCOME_OK);
    assert_string_equal(email, "");
    ticket_free(&t);
}

static void statements_are_built_and_prepared_once(void **state)
{
    desk_t *d = *state;
    ticket_new_t in = dbtest_request(d, "usage");
    long long id = dbtest_create(d, &in, NULL);
    ticket_t t;
    dbtest_load(d, id, &t);
    ticket_free(&t);
    const char *insert = d->ticket_sql.text[TICKET_SQL_INSERT];
    int prepared = d->db.ncache;
    in = dbtest_request(d, "usage");
    id = dbtest_create(d, &in, NULL);
    dbtest_load(d, id, &t);
    assert_string_equal(t.subject, in.subject);
    ticket_free(&t);
    assert_ptr_equal(d->ticket_sql.text[TICKET_SQL_INSERT], insert);
    assert_true(d->ticket_sql.built[TICKET_SQL_INSERT] && d->ticket_sql.built[TICKET_SQL_BY_ID]);
    assert_int_equal(d->db.ncache, prepared);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(every_field_round_trips),
        DBTEST(what_is_not_given_is_the_fallback),
        DBTEST(statements_are_built_and_prepared_once),
    };
    return DBTEST_RUN("ticket_fields", tests);
}
