/* Unit tests of lib/desk/ticket/ticket.c against a real MariaDB
 * (tests/unit/dbtest.h): creating a ticket (its number per local day, gapless
 * when creations fail or race, the provisional number renamed, the submit
 * key's one ticket, the history entry, the values and sealed contacts
 * stored, the priority from the impact and a VIP's raise, whose customer it
 * is: the e-mail first, then a phone nobody else claims by e-mail), and
 * changing one (all or nothing; a customer's message resumes a ticket waiting
 * on them). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbtest.h"
#include "desk/attachment.h"
#include "desk/customer/tags.h"
#include "desk/ticket/priority_request.h"

static const char sql_tickets[] = "SELECT COUNT(*) FROM tickets WHERE id > ?";
static const char sql_customers[] = "SELECT COUNT(*) FROM customers WHERE id > ?";
static const char sql_events_all[] = "SELECT COUNT(*) FROM ticket_events WHERE id > ?";
static const char sql_customer_of[] = "SELECT customer_id FROM tickets WHERE id = ?";
static const char sql_org_of[] = "SELECT COALESCE(organisation_id, 0) FROM tickets WHERE id = ?";
static const char sql_provisional[] =
    "SELECT COUNT(*) FROM tickets WHERE number LIKE '~%' AND id > ?";

static long long customer_of(desk_t *d, long long ticket)
{
    return dbtest_int(d, sql_customer_of, ticket);
}

static const char *number_of(desk_t *d, long long id)
{
    static char buf[4][TN_MAX];
    static int next;
    char *out = buf[next++ % 4];
    ticket_t t;
    dbtest_load(d, id, &t);
    snprintf(out, TN_MAX, "%s", t.number);
    ticket_free(&t);
    return out;
}

/* ---- numbers ---------------------------------------------------------------- */

static void numbers_count_per_local_day(void **state)
{
    desk_t *d = *state;
    ticket_new_t in = dbtest_request(d, "usage");
    ticket_receipt_t r;
    const char *want[] = {"20270309-0001", "20270309-0002", "20270309-0003"};
    for (int i = 0; i < 3; i++) {
        in = dbtest_request(d, "usage");
        dbtest_create(d, &in, &r);
        assert_string_equal(r.number, want[i]);
        assert_false(r.duplicate);
    }
    /* 07:30 on Wednesday in Shanghai is still Tuesday in UTC: the local date
     * counts, and a new day starts again at 1 */
    dbtest_at_local(d, "2027-03-10 07:30");
    in = dbtest_request(d, "usage");
    dbtest_create(d, &in, &r);
    assert_string_equal(r.number, "20270310-0001");
    /* the admin's format, from the next ticket on: counted per month */
    char *old = NULL;
    assert_int_equal(settings_put(&d->db, "Desk.TicketNumberFormat", "YYYYMMNNNN", &old), 1);
    free(old);
    dbtest_reload(d);
    in = dbtest_request(d, "usage");
    dbtest_create(d, &in, &r);
    assert_string_equal(r.number, "2027030001");
    assert_string_equal(number_of(d, r.id), "2027030001");
}

static void a_failed_creation_stores_nothing_and_uses_no_number(void **state)
{
    desk_t *d = *state;
    ticket_new_t in = dbtest_request(d, "usage");
    ticket_receipt_t r;
    /* its confirmation cannot be queued: the whole creation rolls back */
    in.email = "not-an-address";
    assert_int_equal(ticket_create(d, &in, &r), OUTCOME_UNAVAILABLE);
    assert_int_equal(dbtest_int(d, sql_tickets, 0), 0);
    assert_int_equal(dbtest_int(d, sql_customers, 0), 0);
    assert_int_equal(dbtest_int(d, sql_events_all, 0), 0);
    in = dbtest_request(d, "usage");
    in.email = "wang@example.com";
    dbtest_create(d, &in, &r);
    assert_string_equal(r.number, "20270309-0001");
}

#define WORKERS 6
#define EACH 5

/* A worker filing EACH requests, or one request with the shared key. */
static int file_requests(desk_t *d, int index, void *shared_key)
{
    (void)index;
    for (int i = 0; i < (shared_key ? 1 : EACH); i++) {
        ticket_new_t in = dbtest_request(d, "usage");
        ticket_receipt_t r;
        if (shared_key)
            in.submit_key = shared_key;
        if (ticket_create(d, &in, &r) != OUTCOME_OK)
            return 1;
    }
    return 0;
}

static const char sql_numbers[] = "SELECT number FROM tickets ORDER BY number";

static void simultaneous_creations_get_consecutive_numbers(void **state)
{
    desk_t *d = *state;
    assert_int_equal(dbtest_parallel(d, WORKERS, file_requests, NULL), 0);
    assert_int_equal(dbtest_int(d, sql_tickets, 0), WORKERS * EACH);
    /* every number of 0001 .. 0030 once: none lost to a retry, none twice,
     * none left provisional */
    MYSQL_STMT *st = db_query(&d->db, sql_numbers, "");
    char number[TN_MAX], want[TN_MAX];
    int n = 0;
    assert_non_null(st);
    while (db_fetch(st, "s", number, sizeof number) == 1) {
        snprintf(want, sizeof want, "20270309-%04d", ++n);
        assert_string_equal(number, want);
    }
    db_done(st);
    assert_int_equal(n, WORKERS * EACH);
}

static void one_submit_key_makes_one_ticket(void **state)
{
    desk_t *d = *state;
    unsigned char hash[SUBMIT_HASH_LEN] = {1}, other[SUBMIT_HASH_LEN] = {2};
    ticket_new_t in = dbtest_request(d, "usage");
    ticket_receipt_t first, again;
    in.request_hash = hash;
    dbtest_create(d, &in, &first);
    assert_false(first.duplicate);
    /* the same form once more: the same ticket, said to be a duplicate */
    dbtest_create(d, &in, &again);
    assert_true(again.duplicate);
    assert_int_equal(again.id, first.id);
    assert_string_equal(again.number, first.number);
    assert_string_equal(again.follow_token, first.follow_token);
    /* the key with another request is refused, and makes nothing */
    in.request_hash = other;
    assert_int_equal(ticket_create(d, &in, &again), OUTCOME_KEY_REUSED);
    assert_int_equal(dbtest_int(d, sql_tickets, 0), 1);
    assert_int_equal(dbtest_events(d, first.id, "created", NULL), 1);
}

static void a_double_click_makes_one_ticket(void **state)
{
    desk_t *d = *state;
    char key[] = "unit-double-click";
    assert_int_equal(dbtest_parallel(d, 4, file_requests, key), 0);
    assert_int_equal(dbtest_int(d, sql_tickets, 0), 1);
    assert_int_equal(dbtest_int(d, sql_events_all, 0), 1);
    ticket_t t;
    assert_int_equal(ticket_by_number(d, "20270309-0001", &t), OUTCOME_OK);
    ticket_free(&t);
}

static void the_provisional_number_is_renamed(void **state)
{
    desk_t *d = *state;
    ticket_new_t in = dbtest_request(d, "usage");
    ticket_receipt_t r;
    ticket_t t;
    char token[TOKEN_TEXT_LEN + 1];
    dbtest_create(d, &in, &r);
    assert_null(strchr(r.number, '~'));
    assert_int_equal(dbtest_int(d, sql_provisional, 0), 0);
    assert_int_equal(ticket_by_number(d, r.number, &t), OUTCOME_OK);
    assert_int_equal(t.id, r.id);
    ticket_free(&t);
    /* the private link belongs to the submit key, and finds the ticket */
    ticket_follow_token(d, in.submit_key, token);
    assert_string_equal(token, r.follow_token);
    assert_int_equal(ticket_by_follow_token(d, r.follow_token, &t), OUTCOME_OK);
    assert_int_equal(t.id, r.id);
    ticket_free(&t);
    token[0] = token[0] == 'A' ? 'B' : 'A';
    assert_int_equal(ticket_by_follow_token(d, token, &t), OUTCOME_NOT_FOUND);
}

static void creation_is_one_public_history_entry(void **state)
{
    desk_t *d = *state;
    ticket_new_t in = dbtest_request(d, "usage");
    ticket_event_t e;
    long long id = dbtest_create(d, &in, NULL);
    assert_int_equal(dbtest_events(d, id, "created", &e), 1);
    assert_int_equal(dbtest_events(d, id, NULL, NULL), 1); /* a claim team: no dispatch */
    assert_string_equal(e.visibility, "public");
    assert_string_equal(e.actor_type, "customer");
    assert_string_equal(e.actor_name, "王小明");
    assert_string_equal(e.field, "status");
    assert_string_equal(e.new_value, "new");
    assert_int_equal(e.created_at, dbtest_local(DBTEST_START));
}

typedef struct shown {
    char text[512];
} shown_t;

static void add_value(const char *label, const char *value, void *ctx)
{
    shown_t *s = ctx;
    size_t n = strlen(s->text);
    snprintf(s->text + n, sizeof s->text - n, "%s=%s;", label, value);
}

static const char sql_sealed[] =
    "SELECT contact_email_sealed, contact_phone_sealed FROM tickets WHERE id = ?";

static void the_values_are_stored_as_given(void **state)
{
    desk_t *d = *state;
    const category_t *cat = catalog_category(&d->catalog, "usage");
    ticket_new_t in = dbtest_request(d, "usage");
    in.product = "DeskPro";
    in.product_version = "5.2";
    in.serial_number = "SN-0042";
    in.impact = "department";
    in.preferred_contact = "email";
    in.language = "en";
    in.email = "Wang.Xiaoming@Example.com";
    in.phone = "+86 21 5555 0101";
    field_value_t values[] = {{cat->fields[0].id, "howto"}};
    in.values = values;
    in.nvalues = 1;
    long long id = dbtest_create(d, &in, NULL);
    ticket_t t;
    dbtest_load(d, id, &t);
    assert_string_equal(t.status, "new");
    assert_string_equal(t.subject, in.subject);
    assert_string_equal(t.description, in.description);
    assert_string_equal(t.contact_name, "王小明");
    assert_string_equal(t.product, "DeskPro");
    assert_string_equal(t.product_version, "5.2");
    assert_string_equal(t.serial_number, "SN-0042");
    assert_string_equal(t.impact, "department");
    assert_string_equal(t.preferred_contact, "email");
    assert_string_equal(t.language, "en");
    assert_int_equal(t.category_id, cat->id);
    assert_int_equal(t.channel_id, catalog_channel(&d->catalog, "web")->id);
    assert_int_equal(t.team_id, cat->team_id);
    assert_int_equal(t.owner_id, 0);
    assert_int_equal(t.created_at, dbtest_local(DBTEST_START));
    shown_t shown = {""};
    assert_int_equal(ticket_each_value(d, &t, LANG_ZH, add_value, &shown), OUTCOME_OK);
    assert_string_equal(shown.text, "咨询类型=操作方法;");
    ticket_free(&t);
    /* the contacts come back as given, and are stored sealed */
    char email[256], phone[64];
    assert_int_equal(ticket_contacts(d, id, email, sizeof email, phone, sizeof phone), OUTCOME_OK);
    assert_string_equal(email, "Wang.Xiaoming@Example.com");
    assert_string_equal(phone, "+86 21 5555 0101");
    unsigned char se[600], sp[600];
    size_t selen = 0, splen = 0;
    assert_int_equal(db_row(&d->db, sql_sealed, "i", "bb", id, se, sizeof se, &selen, sp,
                            sizeof sp, &splen),
                     1);
    assert_true(selen > strlen(email) && splen > strlen(phone));
    assert_null(memmem(se, selen, "Example", 7));
    assert_null(memmem(sp, splen, "5555", 4));
}

static void the_priority_comes_from_the_impact(void **state)
{
    desk_t *d = *state;
    static const char *const impact[][2] = {{"company", "urgent"},
                                            {"department", "important"},
                                            {"individual", "general"},
                                            {"none", "low"}};
    ticket_t t;
    for (size_t i = 0; i < sizeof impact / sizeof *impact; i++) {
        ticket_new_t in = dbtest_request(d, "usage");
        in.impact = impact[i][0];
        dbtest_load(d, dbtest_create(d, &in, NULL), &t);
        assert_int_equal(t.priority_id, catalog_priority(&d->catalog, impact[i][1])->id);
        ticket_free(&t);
    }
    /* no impact: the category's default (a fault is important) */
    ticket_new_t in = dbtest_request(d, "fault");
    in.impact = NULL;
    dbtest_load(d, dbtest_create(d, &in, NULL), &t);
    assert_int_equal(t.priority_id, catalog_priority(&d->catalog, "important")->id);
    ticket_free(&t);
    /* a priority given (an agent's intake) wins over the impact */
    in = dbtest_request(d, "usage");
    in.impact = "none";
    in.priority = catalog_priority(&d->catalog, "urgent");
    dbtest_load(d, dbtest_create(d, &in, NULL), &t);
    assert_int_equal(t.priority_id, in.priority->id);
    ticket_free(&t);
}

static const char sql_vip[] = "SELECT id FROM tags WHERE code = 'vip' AND id > ?";

static void a_vip_starts_one_level_more_urgent(void **state)
{
    desk_t *d = *state;
    ticket_t t;
    ticket_new_t in = dbtest_request(d, "usage");
    in.email = "vip@example.com";
    long long first = dbtest_create(d, &in, NULL);
    assert_int_equal(tags_assign(d, customer_of(d, first), dbtest_int(d, sql_vip, 0),
                                 desk_now(d)),
                     1);
    in = dbtest_request(d, "usage");
    in.email = "vip@example.com";
    dbtest_load(d, dbtest_create(d, &in, NULL), &t);
    assert_int_equal(t.priority_id, catalog_priority(&d->catalog, "important")->id);
    ticket_free(&t);
    /* an urgent one cannot go higher; a priority given is kept */
    in = dbtest_request(d, "usage");
    in.email = "vip@example.com";
    in.impact = "company";
    dbtest_load(d, dbtest_create(d, &in, NULL), &t);
    assert_int_equal(t.priority_id, catalog_priority(&d->catalog, "urgent")->id);
    ticket_free(&t);
    in = dbtest_request(d, "usage");
    in.email = "vip@example.com";
    in.priority = catalog_priority(&d->catalog, "low");
    dbtest_load(d, dbtest_create(d, &in, NULL), &t);
    assert_int_equal(t.priority_id, in.priority->id);
    ticket_free(&t);
}

/* ---- whose ticket it is ---------------------------------------------------------- */

static long long file(desk_t *d, const char *name, const char *email, const char *phone,
                      const char *org)
{
    ticket_new_t in = dbtest_request(d, "usage");
    in.contact_name = name;
    in.email = email;
    in.phone = phone;
    in.organisation = org;
    return dbtest_create(d, &in, NULL);
}

static void the_email_decides_first(void **state)
{
    desk_t *d = *state;
    long long jia = file(d, "甲", "jia@example.com", "+86 21 5555 0001", "甲公司");
    /* a new e-mail with 甲's phone: somebody sharing it, a new customer with
     * their own organisation */
    long long yi = file(d, "乙", "yi@example.com", "+86 21 5555 0001", "乙公司");
    assert_int_not_equal(customer_of(d, yi), customer_of(d, jia));
    assert_int_not_equal(dbtest_int(d, sql_org_of, yi), dbtest_int(d, sql_org_of, jia));
    /* 乙 is 乙 from then on, by e-mail */
    assert_int_equal(customer_of(d, file(d, "乙 again", "yi@example.com", NULL, NULL)),
                     customer_of(d, yi));
    /* 甲's e-mail, in other letters and with another phone, is 甲 */
    long long again = file(d, "甲 at the office", "JIA@Example.COM", "+86 21 5555 0999", NULL);
    assert_int_equal(customer_of(d, again), customer_of(d, jia));
    assert_int_equal(dbtest_int(d, sql_org_of, again), dbtest_int(d, sql_org_of, jia));
}

static void a_phone_alone_is_whoever_holds_it(void **state)
{
    desk_t *d = *state;
    long long jia = file(d, "甲", "jia@example.com", "+86 21 5555 0001", "甲公司");
    file(d, "乙", "yi@example.com", "+86 21 5555 0001", NULL); /* the phone stays 甲's */
    /* the same number written another way, and no e-mail to contradict it */
    long long call = file(d, "甲 calling", NULL, "+86 (21) 5555-0001", NULL);
    assert_int_equal(customer_of(d, call), customer_of(d, jia));
    /* a customer known by phone only is matched when an e-mail comes */
    long long bing = file(d, "丙", NULL, "+86 21 5555 0003", "丙公司");
    long long online = file(d, "丙 online", "bing@example.com", "+86 21 5555 0003", NULL);
    assert_int_equal(customer_of(d, online), customer_of(d, bing));
    /* with neither, every request is a customer of its own */
    assert_int_not_equal(customer_of(d, file(d, "无名", NULL, NULL, NULL)),
                         customer_of(d, file(d, "无名", NULL, NULL, NULL)));
    /* one organisation per name */
    assert_int_equal(dbtest_int(d, sql_org_of, file(d, "丁", "ding@example.com", NULL, "甲公司")),
                     dbtest_int(d, sql_org_of, jia));
}

static void an_agent_links_a_new_email_to_the_customer_they_chose(void **state)
{
    desk_t *d = *state;
    long long jia = file(d, "甲", "jia@example.com", NULL, "甲公司");
    ticket_new_t in = dbtest_request(d, "usage");
    in.customer_id = customer_of(d, jia);
    in.email = "jia.home@example.com";
    in.actor = (actor_t){.type = "agent", .name = "agent"};
    long long linked = dbtest_create(d, &in, NULL);
    assert_int_equal(customer_of(d, linked), customer_of(d, jia));
    assert_int_equal(dbtest_int(d, sql_org_of, linked), dbtest_int(d, sql_org_of, jia));
    /* from then on that e-mail is 甲's on every channel */
    assert_int_equal(customer_of(d, file(d, "甲 at home", "jia.home@example.com", NULL, NULL)),
                     customer_of(d, jia));
    /* an unknown customer is refused, and nothing is made */
    long long before = dbtest_int(d, sql_tickets, 0);
    in = dbtest_request(d, "usage");
    in.customer_id = customer_of(d, jia) + 1000;
    ticket_receipt_t r;
    assert_int_equal(ticket_create(d, &in, &r), OUTCOME_INVALID);
    assert_int_equal(dbtest_int(d, sql_tickets, 0), before);
}

static void an_incomplete_request_is_refused(void **state)
{
    desk_t *d = *state;
    ticket_receipt_t r;
    ticket_new_t in = dbtest_request(d, "usage");
    in.channel = NULL;
    assert_int_equal(ticket_create(d, &in, &r), OUTCOME_INVALID);
    in = dbtest_request(d, "usage");
    in.submit_key = NULL;
    assert_int_equal(ticket_create(d, &in, &r), OUTCOME_INVALID);
    assert_int_equal(dbtest_int(d, sql_tickets, 0), 0);
}

/* ---- changes ---------------------------------------------------------------------- */

static const actor_t desk_actor = {.type = "agent", .name = "前台"};

static void walk(desk_t *d, long long id, const ticket_status_t *path, int n)
{
    for (int i = 0; i < n; i++)
        assert_int_equal(ticket_update(d, id, NULL, (int)path[i], &desk_actor, NULL, false, NULL),
                         OUTCOME_OK);
}

static void an_update_is_all_or_nothing(void **state)
{
    desk_t *d = *state;
    ticket_new_t in = dbtest_request(d, "usage");
    long long id = dbtest_create(d, &in, NULL);
    ticket_t before, after;
    dbtest_load(d, id, &before);
    const priority_t *urgent = catalog_priority(&d->catalog, "urgent");
    /* new -> closed is no step of the workflow: the priority stays too */
    assert_int_equal(ticket_update(d, id, urgent, TS_CLOSED, &desk_actor, "两者", false, NULL),
                     OUTCOME_BAD_TRANSITION);
    dbtest_load(d, id, &after);
    assert_int_equal(after.priority_id, before.priority_id);
    assert_int_equal(after.version, before.version);
    assert_int_equal(dbtest_events(d, id, NULL, NULL), 1);
    ticket_free(&after);
    /* a legal one: both, each with its history entry */
    assert_int_equal(ticket_update(d, id, urgent, TS_CLASSIFIED, &desk_actor, "两者", false, NULL),
                     OUTCOME_OK);
    dbtest_load(d, id, &after);
    assert_int_equal(after.priority_id, urgent->id);
    assert_string_equal(after.status, "classified");
    assert_true(after.version > before.version);
    assert_int_equal(dbtest_events(d, id, "priority", NULL), 1);
    assert_int_equal(dbtest_events(d, id, "status", NULL), 1);
    ticket_free(&after);
    ticket_free(&before);
}

static void a_customer_message_resumes_a_ticket_waiting_on_them(void **state)
{
    desk_t *d = *state;
    ticket_new_t in = dbtest_request(d, "usage");
    long long id = dbtest_create(d, &in, NULL);
    static const ticket_status_t path[] = {TS_CLASSIFIED, TS_ASSIGNED, TS_ACCEPTED,
                                           TS_IN_PROGRESS, TS_WAITING_CUSTOMER};
    walk(d, id, path, 5);
    ticket_t t;
    /* a colleague's note leaves it waiting */
    assert_int_equal(ticket_add_comment(d, id, &desk_actor, "内部备注", true, NULL), OUTCOME_OK);
    dbtest_load(d, id, &t);
    assert_string_equal(t.status, "waiting_customer");
    ticket_free(&t);
    actor_t customer = {.type = "customer", .name = "王小明"};
    assert_int_equal(ticket_add_comment(d, id, &customer, "已经按步骤操作了。", false, NULL),
                     OUTCOME_OK);
    dbtest_load(d, id, &t);
    assert_string_equal(t.status, "in_progress");
    ticket_free(&t);
    ticket_event_t e;
    assert_int_equal(dbtest_events(d, id, "comment", &e), 1);
    assert_string_equal(e.visibility, "public");
    assert_int_equal(dbtest_events(d, id, "note", &e), 1);
    assert_string_equal(e.visibility, "internal");
    assert_int_equal(dbtest_events(d, id, "status", &e), 6);
    assert_string_equal(e.old_value, "waiting_customer");
    assert_string_equal(e.new_value, "in_progress");
}

typedef struct thread {
    int n, internal;
    char kinds[8][41];
} thread_t;

static void thread_event(const ticket_event_t *e, void *ctx)
{
    thread_t *t = ctx;
    t->internal += strcmp(e->visibility, "public") != 0;
    if (t->n < 8)
        snprintf(t->kinds[t->n], sizeof t->kinds[0], "%s", e->kind);
    t->n++;
}

static const char sql_customer_files[] =
    "SELECT COUNT(*) FROM attachments WHERE ticket_id = ? AND uploaded_by = 'customer'";

static uploads_t files; /* large: one for the binary */

static void the_customer_sees_only_the_public_thread(void **state)
{
    desk_t *d = *state;
    ticket_new_t in = dbtest_request(d, "usage");
    long long id = dbtest_create(d, &in, NULL);
    actor_t customer = {.type = "customer", .name = "王小明"};
    assert_int_equal(ticket_add_comment(d, id, &desk_actor, "客户是老用户", true, NULL), OUTCOME_OK);
    assert_int_equal(ticket_add_comment(d, id, &customer, "补充截图", false, NULL), OUTCOME_OK);
    /* files alone */
    static const char shot[] = "error 0x1f at startup\n";
    assert_int_equal(attachment_take_bytes(d, "log.txt", shot, sizeof shot - 1, &files), 0);
    assert_int_equal(ticket_add_comment(d, id, &customer, NULL, false, &files), OUTCOME_OK);
    assert_int_equal(dbtest_int(d, sql_customer_files, id), 1);
    thread_t all = {.n = 0}, shown = {.n = 0};
    assert_int_equal(ticket_each_event(d, id, false, thread_event, &all), OUTCOME_OK);
    assert_int_equal(ticket_each_event(d, id, true, thread_event, &shown), OUTCOME_OK);
    assert_int_equal(all.n, 4);
    assert_int_equal(all.internal, 1);
    assert_int_equal(shown.n, 3);
    assert_int_equal(shown.internal, 0);
    assert_string_equal(shown.kinds[1], "comment");
    assert_string_equal(shown.kinds[2], "attachment");
}

static void ignore_request(const priority_request_t *r, void *ctx)
{
    (void)r;
    (void)ctx;
}

static void a_priority_asked_for_in_an_update_waits_for_a_supervisor(void **state)
{
    desk_t *d = *state;
    agent_t li;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    actor_t who = {.type = "agent", .agent_id = li.id, .name = "li"};
    ticket_new_t in = dbtest_request(d, "usage");
    long long id = dbtest_create(d, &in, NULL);
    const priority_t *general = catalog_priority(&d->catalog, "general");
    const priority_t *urgent = catalog_priority(&d->catalog, "urgent");
    long long request = -1;
    assert_int_equal(ticket_update(d, id, urgent, -1, &who, "", true, &request),
                     OUTCOME_REASON_REQUIRED);
    assert_int_equal(request, 0);
    /* with an illegal status: neither */
    assert_int_equal(ticket_update(d, id, urgent, TS_CLOSED, &who, "产线停了", true, &request),
                     OUTCOME_BAD_TRANSITION);
    assert_int_equal(request, 0);
    assert_int_equal(priority_requests_pending(d, id, 10, ignore_request, NULL), 0);
    assert_int_equal(ticket_update(d, id, urgent, TS_CLASSIFIED, &who, "产线停了", true, &request),
                     OUTCOME_OK);
    assert_true(request > 0);
    ticket_t t;
    dbtest_load(d, id, &t);
    assert_int_equal(t.priority_id, general->id); /* asked, not changed */
    assert_string_equal(t.status, "classified");
    ticket_free(&t);
    assert_int_equal(priority_requests_pending(d, id, 10, ignore_request, NULL), 1);
    ticket_event_t e;
    assert_int_equal(dbtest_events(d, id, "priority_request", &e), 1);
    assert_string_equal(e.visibility, "internal");
    assert_string_equal(e.new_value, "urgent");
    assert_int_equal(dbtest_events(d, id, "priority", NULL), 0);
    /* the level it has already: nothing to ask */
    assert_int_equal(ticket_update(d, id, general, -1, &who, "不变", true, &request), OUTCOME_OK);
    assert_int_equal(request, 0);
    assert_int_equal(priority_requests_pending(d, id, 10, ignore_request, NULL), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(numbers_count_per_local_day),
        DBTEST(a_failed_creation_stores_nothing_and_uses_no_number),
        DBTEST(simultaneous_creations_get_consecutive_numbers),
        DBTEST(one_submit_key_makes_one_ticket),
        DBTEST(a_double_click_makes_one_ticket),
        DBTEST(the_provisional_number_is_renamed),
        DBTEST(creation_is_one_public_history_entry),
        DBTEST(the_values_are_stored_as_given),
        DBTEST(the_priority_comes_from_the_impact),
        DBTEST(a_vip_starts_one_level_more_urgent),
        DBTEST(the_email_decides_first),
        DBTEST(a_phone_alone_is_whoever_holds_it),
        DBTEST(an_agent_links_a_new_email_to_the_customer_they_chose),
        DBTEST(an_incomplete_request_is_refused),
        DBTEST(an_update_is_all_or_nothing),
        DBTEST(a_customer_message_resumes_a_ticket_waiting_on_them),
        DBTEST(the_customer_sees_only_the_public_thread),
        DBTEST(a_priority_asked_for_in_an_update_waits_for_a_supervisor),
    };
    return DBTEST_RUN("ticket (database)", tests);
}
