/* Unit tests of lib/desk/customer/customer.c against a real MariaDB
 * (tests/unit/dbtest.h): finding a customer by e-mail or phone through the
 * blind index (however the address or number is written; the value itself
 * is stored sealed), or by the start of their name taken literally; the
 * frequent-complainer rule over the last 90 days of the clock; tags given to
 * an organisation carried by its customers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "dbtest.h"
#include "desk/customer/customer.h"
#include "desk/customer/orgtags.h"
#include "desk/customer/tags.h"

static const char sql_customer_of[] = "SELECT customer_id FROM tickets WHERE id = ?";
static const char sql_org_of[] = "SELECT organisation_id FROM tickets WHERE id = ?";

static long long customer(desk_t *d, const char *category, const char *name, const char *email,
                          const char *phone, const char *org)
{
    ticket_new_t in = dbtest_request(d, category);
    in.contact_name = name;
    in.email = email;
    in.phone = phone;
    in.organisation = org;
    return dbtest_int(d, sql_customer_of, dbtest_create(d, &in, NULL));
}

static customer_hit_t hits[CUSTOMER_SEARCH_MAX];

static int search(desk_t *d, const char *q)
{
    memset(hits, 0, sizeof hits);
    int n = customer_search(d, q, hits, CUSTOMER_SEARCH_MAX);
    assert_true(n >= 0);
    return n;
}

static const char sql_contact[] =
    "SELECT value_sealed, value_bidx FROM customer_contacts WHERE customer_id = ? AND kind = ?";

static void found_by_email_however_written(void **state)
{
    desk_t *d = *state;
    long long jia = customer(d, "usage", "甲", "Jia.Zhang@Example.com", NULL, "甲公司");
    customer(d, "usage", "乙", "yi@example.com", NULL, NULL);
    static const char *const ways[] = {"jia.zhang@example.com", "JIA.ZHANG@EXAMPLE.COM",
                                       "Jia.Zhang@Example.com"};
    for (size_t i = 0; i < sizeof ways / sizeof *ways; i++) {
        assert_int_equal(search(d, ways[i]), 1);
        assert_int_equal(hits[0].id, jia);
        assert_string_equal(hits[0].name, "甲");
        assert_string_equal(hits[0].organisation, "甲公司");
    }
    assert_int_equal(search(d, "jia.zhang@example.org"), 0);
    assert_int_equal(search(d, "jia.zhang"), 0); /* no prefix search of addresses */
    /* the address is stored sealed, found by its keyed hash */
    unsigned char sealed[600], bidx[SECRET_HASH_LEN], want[SECRET_HASH_LEN];
    size_t slen = 0, blen = 0;
    assert_int_equal(db_row(&d->db, sql_contact, "is", "bb", jia, "email", sealed, sizeof sealed,
                            &slen, bidx, sizeof bidx, &blen),
                     1);
    assert_null(memmem(sealed, slen, "Example", 7));
    assert_null(memmem(sealed, slen, "example", 7));
    secret_blind_index(&d->secrets, "email", "jia.zhang@example.com", want);
    assert_int_equal(blen, SECRET_HASH_LEN);
    assert_memory_equal(bidx, want, SECRET_HASH_LEN);
    char open[256];
    assert_int_equal(secret_open(&d->secrets, sealed, slen, open, sizeof open), 0);
    assert_string_equal(open, "Jia.Zhang@Example.com");
}

static void found_by_phone_however_written(void **state)
{
    desk_t *d = *state;
    long long jia = customer(d, "usage", "甲", NULL, "+86 21 5555 0101", NULL);
    static const char *const ways[] = {"+86 21 5555 0101", "+86-21-5555-0101",
                                       "+86 (21) 55550101", "+862155550101"};
    for (size_t i = 0; i < sizeof ways / sizeof *ways; i++) {
        assert_int_equal(search(d, ways[i]), 1);
        assert_int_equal(hits[0].id, jia);
    }
    assert_int_equal(search(d, "+86 21 5555 0102"), 0);
    char norm[64];
    contact_normalise("phone", "+86 (21) 5555-0101 ext", norm, sizeof norm);
    assert_string_equal(norm, "+862155550101");
    contact_normalise("email", "A.B@C.COM", norm, sizeof norm);
    assert_string_equal(norm, "a.b@c.com");
}

static void found_by_the_start_of_the_name_taken_literally(void **state)
{
    desk_t *d = *state;
    long long ming = customer(d, "usage", "王小明", NULL, NULL, NULL);
    long long hong = customer(d, "usage", "王小红", NULL, NULL, "红星厂");
    customer(d, "usage", "李王小", NULL, NULL, NULL);
    long long pct = customer(d, "usage", "100%达标", NULL, NULL, NULL);
    customer(d, "usage", "1000达标", NULL, NULL, NULL);
    assert_int_equal(search(d, "王小"), 2);
    /* by name (明 sorts before 红), not 李王小 */
    assert_int_equal(hits[0].id, ming);
    assert_int_equal(hits[1].id, hong);
    assert_int_equal(search(d, "王小红"), 1);
    assert_int_equal(hits[0].id, hong);
    assert_string_equal(hits[0].organisation, "红星厂");
    assert_int_equal(search(d, "100%"), 1);
    assert_int_equal(hits[0].id, pct);
    assert_int_equal(search(d, "王_"), 0);
    assert_int_equal(search(d, "%"), 0);
    assert_int_equal(search(d, ""), 0);
    /* at most max */
    for (int i = 0; i < CUSTOMER_SEARCH_MAX + 3; i++)
        customer(d, "usage", "张三", NULL, NULL, NULL);
    assert_int_equal(search(d, "张三"), CUSTOMER_SEARCH_MAX);
}

static const char sql_tag_id[] = "SELECT id FROM tags WHERE code = ?";

static long long tag(desk_t *d, const char *code)
{
    long long id = 0;
    assert_int_equal(db_row(&d->db, sql_tag_id, "s", "i", code, &id), 1);
    return id;
}

static long long complain(desk_t *d, const char *when, const char *email)
{
    dbtest_at_local(d, when);
    return customer(d, "complaint", "投诉客户", email, NULL, NULL);
}

static void the_third_complaint_in_ninety_days_tags_the_customer(void **state)
{
    desk_t *d = *state;
    long long c = complain(d, "2027-01-04 10:00", "a@example.com");
    customer(d, "usage", "投诉客户", "a@example.com", NULL, NULL); /* not a complaint */
    complain(d, "2027-02-15 10:00", "a@example.com");
    assert_false(customer_has_tag(d, c, "frequent_complainer"));
    complain(d, "2027-04-03 10:00", "a@example.com"); /* 89 days after the first */
    assert_true(customer_has_tag(d, c, "frequent_complainer"));
    assert_int_equal(search(d, "a@example.com"), 1);
    assert_string_equal(hits[0].tags, "frequent_complainer");
    /* spread over more than 90 days: the third is not enough */
    long long b = complain(d, "2027-01-04 10:00", "b@example.com");
    complain(d, "2027-02-15 10:00", "b@example.com");
    complain(d, "2027-04-05 10:00", "b@example.com"); /* 91 days after the first */
    assert_false(customer_has_tag(d, b, "frequent_complainer"));
    complain(d, "2027-04-20 10:00", "b@example.com"); /* three since 2027-01-20 */
    assert_true(customer_has_tag(d, b, "frequent_complainer"));
    /* the admin's count */
    char *old = NULL;
    assert_int_equal(settings_put(&d->db, "Tags.ComplaintCount", "2", &old), 1);
    free(old);
    dbtest_reload(d);
    long long e = complain(d, "2027-05-01 10:00", "e@example.com");
    assert_false(customer_has_tag(d, e, "frequent_complainer"));
    complain(d, "2027-05-02 10:00", "e@example.com");
    assert_true(customer_has_tag(d, e, "frequent_complainer"));
}

static void an_organisations_tags_are_its_customers(void **state)
{
    desk_t *d = *state;
    static const char sql_org_of_customer[] =
        "SELECT organisation_id FROM customers WHERE id = ?";
    long long jia = customer(d, "usage", "甲", "jia@example.com", NULL, "甲公司");
    long long ding = customer(d, "usage", "丁", "ding@example.com", NULL, "甲公司");
    long long yi = customer(d, "usage", "乙", "yi@example.com", NULL, "乙公司");
    long long org = dbtest_int(d, sql_org_of_customer, jia);
    assert_int_equal(dbtest_int(d, sql_org_of_customer, ding), org);
    assert_int_equal(orgtags_assign(d, org, tag(d, "vip"), desk_now(d)), 1);
    assert_true(customer_has_tag(d, jia, "vip"));
    assert_true(customer_has_tag(d, ding, "vip"));
    assert_false(customer_has_tag(d, yi, "vip"));
    assert_int_equal(search(d, "ding@example.com"), 1);
    assert_string_equal(hits[0].tags, "vip");
    /* shown once when the customer has it too */
    assert_int_equal(tags_assign(d, jia, tag(d, "vip"), desk_now(d)), 1);
    assert_int_equal(search(d, "jia@example.com"), 1);
    assert_string_equal(hits[0].tags, "vip");
    /* the raise follows the organisation's tag: a new contact of 甲公司 */
    ticket_new_t in = dbtest_request(d, "usage");
    in.email = "new@example.com";
    in.organisation = "甲公司";
    long long id = dbtest_create(d, &in, NULL);
    assert_int_equal(dbtest_int(d, sql_org_of, id), org);
    ticket_t t;
    dbtest_load(d, id, &t);
    assert_int_equal(t.priority_id, catalog_priority(&d->catalog, "important")->id);
    ticket_free(&t);
    assert_int_equal(orgtags_unassign(d, org, tag(d, "vip")), 1);
    assert_false(customer_has_tag(d, ding, "vip"));
    assert_true(customer_has_tag(d, jia, "vip")); /* their own */
}

static void put(desk_t *d, const char *name, const char *value)
{
    char *old = NULL;
    assert_true(settings_put(&d->db, name, value, &old) >= 0);
    free(old);
}

typedef struct own_tags {
    int n;
    customer_tag_t t[8];
} own_tags_t;

static void own_tag(const customer_tag_t *t, void *ctx)
{
    own_tags_t *o = ctx;
    assert_true(o->n < 8);
    o->t[o->n++] = *t;
}

static own_tags_t tags_of(desk_t *d, long long customer_id)
{
    own_tags_t o = {.n = 0};
    assert_int_equal(tags_of_customer(d, customer_id, own_tag, &o), 0);
    return o;
}

static void the_rule_counts_what_the_admin_chose_and_says_why(void **state)
{
    desk_t *d = *state;
    put(d, "Tags.ComplaintCategories", "complaint,fault");
    put(d, "Tags.ComplaintDays", "30");
    dbtest_reload(d);
    tag_rules_t r;
    tags_rules(d, &r);
    assert_int_equal(r.complaint_count, 3);
    assert_int_equal(r.complaint_days, 30);
    assert_string_equal(r.complaint_categories, "complaint,fault");
    assert_true(r.vip_raises_priority);
    dbtest_at_local(d, "2027-02-01 10:00");
    long long c = customer(d, "complaint", "甲", "jia@example.com", NULL, NULL);
    dbtest_at_local(d, "2027-02-20 10:00");
    customer(d, "fault", "甲", "jia@example.com", NULL, NULL);
    dbtest_at_local(d, "2027-03-05 10:00"); /* 32 days after the first */
    customer(d, "complaint", "甲", "jia@example.com", NULL, NULL);
    customer(d, "usage", "甲", "jia@example.com", NULL, NULL); /* does not count */
    assert_false(customer_has_tag(d, c, "frequent_complainer"));
    assert_int_equal(tags_of(d, c).n, 0);
    dbtest_at_local(d, "2027-03-10 10:00");
    customer(d, "fault", "甲", "jia@example.com", NULL, NULL);
    assert_true(customer_has_tag(d, c, "frequent_complainer"));
    own_tags_t o = tags_of(d, c);
    assert_int_equal(o.n, 1);
    assert_string_equal(o.t[0].tag.code, "frequent_complainer");
    assert_string_equal(o.t[0].source, "rule");
    assert_string_equal(o.t[0].reason, "3 complaints in 30 days");
    assert_int_equal(o.t[0].at, desk_now(d));
    /* tagged once; the reason follows the count */
    customer(d, "complaint", "甲", "jia@example.com", NULL, NULL);
    o = tags_of(d, c);
    assert_int_equal(o.n, 1);
    assert_string_equal(o.t[0].reason, "4 complaints in 30 days");
    /* by hand: once, after the rule's; removed by hand */
    dbtest_at_local(d, "2027-03-11 10:00");
    assert_int_equal(tags_assign(d, c, tag(d, "vip"), desk_now(d)), 1);
    assert_int_equal(tags_assign(d, c, tag(d, "vip"), desk_now(d)), 0);
    o = tags_of(d, c);
    assert_int_equal(o.n, 2);
    assert_string_equal(o.t[1].tag.code, "vip");
    assert_string_equal(o.t[1].source, "manual");
    assert_int_equal(tags_unassign(d, c, tag(d, "vip")), 1);
    assert_int_equal(tags_unassign(d, c, tag(d, "vip")), 0);
    assert_false(customer_has_tag(d, c, "vip"));
    /* the customer's name and organisation, for the tag page */
    char name[64], org[64];
    long long org_id = -1;
    assert_int_equal(tags_customer(d, c, name, sizeof name, org, sizeof org, &org_id), OUTCOME_OK);
    assert_string_equal(name, "甲");
    assert_string_equal(org, "");
    assert_int_equal(org_id, 0);
    assert_int_equal(tags_customer(d, c + 1000, name, sizeof name, org, sizeof org, &org_id), OUTCOME_NOT_FOUND);
}

static void a_vips_raise_is_the_admins_choice(void **state)
{
    desk_t *d = *state;
    long long c = customer(d, "usage", "贵宾", "vip@example.com", NULL, NULL);
    assert_int_equal(tags_assign(d, c, tag(d, "vip"), desk_now(d)), 1);
    ticket_new_t in = dbtest_request(d, "usage");
    in.email = "vip@example.com";
    ticket_t t;
    dbtest_load(d, dbtest_create(d, &in, NULL), &t);
    assert_int_equal(t.priority_id, catalog_priority(&d->catalog, "important")->id);
    ticket_free(&t);
    put(d, "Tags.VipRaisesPriority", "0");
    dbtest_reload(d);
    in = dbtest_request(d, "usage");
    in.email = "vip@example.com";
    dbtest_load(d, dbtest_create(d, &in, NULL), &t);
    assert_int_equal(t.priority_id, catalog_priority(&d->catalog, "general")->id);
    ticket_free(&t);
}

typedef struct tag_list {
    int n;
    tag_t t[32];
} tag_list_t;

static void one_tag(const tag_t *t, void *ctx)
{
    tag_list_t *l = ctx;
    assert_true(l->n < 32);
    l->t[l->n++] = *t;
}

static const tag_t *find_tag(const tag_list_t *l, const char *code)
{
    for (int i = 0; i < l->n; i++)
        if (!strcmp(l->t[i].code, code))
            return &l->t[i];
    fail_msg("no tag %s", code);
    return NULL;
}

static void free_tags_are_made_renamed_and_retired(void **state)
{
    desk_t *d = *state;
    tag_t t = {.active = true};
    snprintf(t.code, sizeof t.code, "key_account");
    snprintf(t.name[LANG_ZH], sizeof t.name[LANG_ZH], "重点客户");
    snprintf(t.name[LANG_EN], sizeof t.name[LANG_EN], "Key account");
    snprintf(t.color, sizeof t.color, "%s", tag_colors[0]);
    assert_int_equal(tags_create(d, &t), OUTCOME_OK);
    assert_true(t.id > 0);
    tag_t again = t;
    assert_int_equal(tags_create(d, &again), OUTCOME_DUPLICATE);
    long long c = customer(d, "usage", "甲", "jia@example.com", NULL, NULL);
    assert_int_equal(tags_assign(d, c, t.id, desk_now(d)), 1);
    /* renamed and retired: the assignment stays */
    snprintf(t.name[LANG_EN], sizeof t.name[LANG_EN], "Strategic account");
    t.active = false;
    assert_int_equal(tags_update(d, &t), OUTCOME_OK);
    tag_t got;
    assert_int_equal(tags_get(d, t.id, false, &got), OUTCOME_OK);
    assert_string_equal(got.name[LANG_EN], "Strategic account");
    assert_string_equal(got.name[LANG_ZH], "重点客户");
    assert_false(got.active);
    assert_false(got.system);
    assert_int_equal(tags_get(d, t.id + 1000, false, &got), OUTCOME_NOT_FOUND);
    assert_true(customer_has_tag(d, c, "key_account"));
    /* the list: system tags first, then active ones, with their counts */
    tag_list_t l = {.n = 0};
    int n = tags_each(d, true, one_tag, &l);
    assert_int_equal(n, l.n);
    assert_true(l.t[0].system && l.t[1].system);
    for (int i = 1; i < l.n; i++)
        assert_true(l.t[i - 1].system >= l.t[i].system &&
                    (l.t[i - 1].system != l.t[i].system || l.t[i - 1].active >= l.t[i].active));
    assert_string_equal(l.t[l.n - 1].code, "key_account");
    assert_int_equal(find_tag(&l, "key_account")->customers, 1);
    assert_int_equal(find_tag(&l, "vip")->customers, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(found_by_email_however_written),
        DBTEST(found_by_phone_however_written),
        DBTEST(found_by_the_start_of_the_name_taken_literally),
        DBTEST(the_third_complaint_in_ninety_days_tags_the_customer),
        DBTEST(an_organisations_tags_are_its_customers),
        DBTEST(the_rule_counts_what_the_admin_chose_and_says_why),
        DBTEST(a_vips_raise_is_the_admins_choice),
        DBTEST(free_tags_are_made_renamed_and_retired),
    };
    return DBTEST_RUN("customer (database)", tests);
}
