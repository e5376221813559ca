/* Unit tests of lib/desk/dispatch/routing.c and the database half of
 * lib/desk/dispatch/dispatch.c against a real MariaDB (tests/unit/dbtest.h),
 * on a team, a category and members of their own: a routing rule sends a
 * category to its team (one rule per category; deactivated, the category's
 * own team again); claim mode leaves tickets in the queue; least open gives
 * a new ticket to the member with the fewest open tickets, equals taking
 * turns, with the team's acceptance timeout and the reason in the history;
 * absent, full and unskilled members are skipped and, when nobody fits, the
 * history says why; a ticket handed back goes to someone else; round robin
 * ignores the load; simultaneous dispatches into one team see each other. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "dbtest.h"
#include "desk/catalog/catdef.h"
#include "desk/dispatch/routing.h"
#include "desk/people/people.h"
#include "desk/people/skills.h"
#include "desk/people/teams.h"
#include "desk/ticket/ticket_work.h"

typedef struct crew {
    long long team, category, rule, hw, db;
    agent_t a, b, c; /* a: hw; b: hw and db; c: db */
} crew_t;

static void skill(desk_t *d, const agent_t *who, const char *ids, const char *among)
{
    assert_int_equal(people_set_skills(d, who->id, ids, among), OUTCOME_OK);
}

/* The team "rt" with members a, b, c and the category "rt" routed to it by
 * a rule, in claim mode until a test says otherwise. */
static crew_t crew(desk_t *d)
{
    crew_t k;
    char among[64], one[32];
    assert_int_equal(teams_create(d, "rt", "路由测试组", "Routing test", &k.team), OUTCOME_OK);
    catdef_t c = {.priority_id = catalog_priority(&d->catalog, "general")->id, .sort_order = 90,
                  .is_public = true};
    snprintf(c.code, sizeof c.code, "rt");
    snprintf(c.name[LANG_ZH], sizeof c.name[LANG_ZH], "路由测试");
    snprintf(c.name[LANG_EN], sizeof c.name[LANG_EN], "Routing test");
    assert_int_equal(catdef_insert(d, &c), OUTCOME_OK);
    k.category = (long long)d->db.last_id;
    assert_int_equal(skills_create(d, "hw", "硬件", "Hardware", &k.hw), OUTCOME_OK);
    assert_int_equal(skills_create(d, "db", "数据库", "Databases", &k.db), OUTCOME_OK);
    assert_int_equal(routing_create_rule(d, k.category, k.team, NULL, 0, desk_now(d), &k.rule),
                     OUTCOME_OK);
    dbtest_reload(d);
    dbtest_agent(d, "a", "agent", "rt", false, &k.a);
    dbtest_agent(d, "b", "agent", "rt", false, &k.b);
    dbtest_agent(d, "c", "agent", "rt", false, &k.c);
    snprintf(among, sizeof among, "%lld,%lld", k.hw, k.db);
    snprintf(one, sizeof one, "%lld", k.hw);
    skill(d, &k.a, one, among);
    skill(d, &k.b, among, among);
    snprintf(one, sizeof one, "%lld", k.db);
    skill(d, &k.c, one, among);
    return k;
}

static void mode(desk_t *d, const crew_t *k, dispatch_mode_t m, long long accept,
                 long long max_open)
{
    assert_int_equal(routing_update_team(d, k->team, m, accept, max_open), OUTCOME_OK);
    dbtest_reload(d);
}

static long long rt_ticket(desk_t *d)
{
    ticket_new_t in = dbtest_request(d, "rt");
    return dbtest_create(d, &in, NULL);
}

/* A ticket of the team claimed by who: load for the dispatcher. */
static void load(desk_t *d, const agent_t *who, int n)
{
    for (int i = 0; i < n; i++)
        assert_int_equal(ticket_claim(d, who, rt_ticket(d), 0), OUTCOME_OK);
}

static long long owner_of(desk_t *d, long long id, char *status)
{
    ticket_t t;
    dbtest_load(d, id, &t);
    if (status)
        snprintf(status, 24, "%s", t.status);
    ticket_free(&t);
    return t.owner_id;
}

static void a_rule_sends_its_category_to_its_team(void **state)
{
    desk_t *d = *state;
    crew_t k = crew(d);
    long long id = rt_ticket(d);
    ticket_t t;
    dbtest_load(d, id, &t);
    assert_int_equal(t.team_id, k.team);
    assert_string_equal(t.status, "new"); /* claim mode: nobody chosen */
    assert_int_equal(t.owner_id, 0);
    ticket_free(&t);
    assert_int_equal(dbtest_events(d, id, NULL, NULL), 1);
    long long team = 0;
    assert_int_equal(dispatch_team_for(d, k.category, &team), OUTCOME_OK);
    assert_int_equal(team, k.team);
    /* one rule per category */
    long long again;
    assert_int_equal(routing_create_rule(d, k.category, dbtest_team(d, "training"), NULL, 0,
                                         desk_now(d), &again),
                     OUTCOME_DUPLICATE);
    routing_rule_t r;
    assert_int_equal(routing_get_rule(d, k.rule, false, &r), OUTCOME_OK);
    assert_true(r.active);
    assert_int_equal(r.team_id, k.team);
    assert_string_equal(r.category_code, "rt");
    /* moved to another team, then deactivated: the category's own team (none) */
    assert_int_equal(routing_update_rule(d, k.rule, dbtest_team(d, "training"), NULL, 0,
                                         desk_now(d)),
                     OUTCOME_OK);
    assert_int_equal(dispatch_team_for(d, k.category, &team), OUTCOME_OK);
    assert_int_equal(team, dbtest_team(d, "training"));
    assert_int_equal(routing_set_rule_active(d, k.rule, false, desk_now(d)), OUTCOME_OK);
    assert_int_equal(dispatch_team_for(d, k.category, &team), OUTCOME_OK);
    assert_int_equal(team, 0);
    /* the shipped categories keep their teams */
    assert_int_equal(dispatch_team_for(d, catalog_category(&d->catalog, "fault")->id, &team),
                     OUTCOME_OK);
    assert_int_equal(team, dbtest_team(d, "aftersales"));
}

static void least_open_gives_it_to_the_least_loaded_in_turn(void **state)
{
    desk_t *d = *state;
    crew_t k = crew(d);
    load(d, &k.a, 1);
    load(d, &k.c, 1);
    mode(d, &k, DISPATCH_LEAST_OPEN, 45, 0);
    /* b has none */
    long long first = rt_ticket(d);
    char status[24], why[400];
    assert_int_equal(owner_of(d, first, status), k.b.id);
    assert_string_equal(status, "assigned");
    ticket_t t;
    dbtest_load(d, first, &t);
    assert_int_equal(t.accept_due_at, desk_now(d) + 45 * 60); /* the team's timeout */
    ticket_free(&t);
    ticket_event_t e;
    assert_int_equal(dbtest_event_body(d, first, "dispatch", why, sizeof why), 1);
    assert_string_equal(why, "自动：未结最少，0 张未结");
    assert_int_equal(dbtest_events(d, first, "dispatch", &e), 1);
    assert_string_equal(e.visibility, "internal");
    assert_string_equal(e.new_value, "b");
    assert_int_equal(dbtest_mails(d, first, "new_assignment", "b@unit.test", NULL), 1);
    /* all three at 1: the turn goes to the one after b */
    long long second = rt_ticket(d);
    assert_int_equal(owner_of(d, second, NULL), k.c.id);
    assert_int_equal(dbtest_event_body(d, second, "dispatch", why, sizeof why), 1);
    assert_string_equal(why, "自动：未结最少（并列时轮流），1 张未结");
    /* a and b at 1: after c the turn wraps round to a; then b has fewest */
    long long third = rt_ticket(d);
    assert_int_equal(owner_of(d, third, NULL), k.a.id);
    assert_int_equal(owner_of(d, rt_ticket(d), NULL), k.b.id);
    /* a ticket done no longer counts: a resolves both of theirs */
    static const char sql_first_of[] =
        "SELECT MIN(id) FROM tickets WHERE owner_id = ? AND status = 'accepted'";
    long long claimed = dbtest_int(d, sql_first_of, k.a.id);
    assert_int_equal(ticket_change_status(d, &k.a, claimed, 0, TS_RESOLVED, "完成"), OUTCOME_OK);
    assert_int_equal(ticket_accept(d, &k.a, third, 0), OUTCOME_OK);
    assert_int_equal(ticket_change_status(d, &k.a, third, 0, TS_RESOLVED, "完成"), OUTCOME_OK);
    assert_int_equal(owner_of(d, rt_ticket(d), NULL), k.a.id);
}

static void absent_full_and_unskilled_members_are_skipped(void **state)
{
    desk_t *d = *state;
    crew_t k = crew(d);
    load(d, &k.a, 1);
    load(d, &k.b, 2);
    load(d, &k.c, 1);
    mode(d, &k, DISPATCH_LEAST_OPEN, 0, 0);
    /* c would have it before a (the turn goes from the highest id round to
     * the lowest: a tie is a's, with no turn yet), but is away */
    assert_int_equal(dispatch_set_available(d, k.c.id, false, desk_now(d)), 1);
    assert_int_equal(dispatch_set_available(d, k.c.id, false, desk_now(d)), 0);
    assert_int_equal(dispatch_available(d, k.c.id), 0);
    long long id = rt_ticket(d);
    assert_int_equal(owner_of(d, id, NULL), k.a.id);
    /* the database skill required: b alone (c away), though a has fewer */
    long long db[] = {k.db};
    assert_int_equal(routing_update_rule(d, k.rule, k.team, db, 1, desk_now(d)), OUTCOME_OK);
    assert_int_equal(owner_of(d, rt_ticket(d), NULL), k.b.id);
    /* a 2 but without the skill, b 3 and a cap of 3, c away: nobody fits */
    mode(d, &k, DISPATCH_LEAST_OPEN, 0, 3);
    id = rt_ticket(d);
    char status[24], why[400];
    assert_int_equal(owner_of(d, id, status), 0);
    assert_string_equal(status, "new");
    ticket_t t;
    dbtest_load(d, id, &t);
    assert_int_equal(t.team_id, k.team); /* it waits in the team queue */
    ticket_free(&t);
    assert_int_equal(dbtest_event_body(d, id, "dispatch_queue", why, sizeof why), 1);
    assert_string_equal(why,
                        "自动：无人可分派，留在团队队列，外出 1 人，已满额 1 人，缺少技能 1 人");
    assert_int_equal(dbtest_mails(d, id, "new_assignment", NULL, NULL), 0);
    /* back at work, c (1 open, holds db) gets the next */
    assert_int_equal(dispatch_set_available(d, k.c.id, true, desk_now(d)), 1);
    assert_int_equal(owner_of(d, rt_ticket(d), NULL), k.c.id);
}

static void a_handed_back_ticket_goes_to_someone_else(void **state)
{
    desk_t *d = *state;
    crew_t k = crew(d);
    load(d, &k.b, 3);
    load(d, &k.c, 3);
    mode(d, &k, DISPATCH_LEAST_OPEN, 0, 0);
    long long id = rt_ticket(d);
    assert_int_equal(owner_of(d, id, NULL), k.a.id);
    assert_int_equal(ticket_accept(d, &k.a, id, 0), OUTCOME_OK);
    /* a has the fewest even after handing it back, but is not chosen again */
    assert_int_equal(ticket_hand_back(d, &k.a, id, 0, "不熟悉该产品"), OUTCOME_OK);
    char status[24], why[400];
    assert_int_equal(owner_of(d, id, status), k.b.id); /* b and c tie: the turn after a */
    assert_string_equal(status, "assigned");
    assert_int_equal(dbtest_events(d, id, "dispatch", NULL), 2);
    /* b hands it back too, with a and c away: it waits, saying why */
    assert_int_equal(dispatch_set_available(d, k.a.id, false, desk_now(d)), 1);
    assert_int_equal(dispatch_set_available(d, k.c.id, false, desk_now(d)), 1);
    assert_int_equal(ticket_accept(d, &k.b, id, 0), OUTCOME_OK);
    assert_int_equal(ticket_hand_back(d, &k.b, id, 0, "请假"), OUTCOME_OK);
    assert_int_equal(owner_of(d, id, status), 0);
    assert_string_equal(status, "classified");
    assert_int_equal(dbtest_event_body(d, id, "dispatch_queue", why, sizeof why), 1);
    assert_string_equal(why, "自动：无人可分派，留在团队队列，外出 2 人，退回者 1 人");
}

static void round_robin_ignores_the_load(void **state)
{
    desk_t *d = *state;
    crew_t k = crew(d);
    load(d, &k.a, 5);
    mode(d, &k, DISPATCH_ROUND_ROBIN, 0, 0);
    const agent_t *turn[] = {&k.a, &k.b, &k.c, &k.a, &k.b};
    char why[400];
    for (int i = 0; i < 5; i++) {
        long long id = rt_ticket(d);
        assert_int_equal(owner_of(d, id, NULL), turn[i]->id);
        assert_int_equal(dbtest_event_body(d, id, "dispatch", why, sizeof why), 1);
        assert_non_null(strstr(why, "自动：轮流分派"));
    }
    /* back to claiming by hand: nobody is chosen */
    mode(d, &k, DISPATCH_CLAIM, 0, 0);
    long long id = rt_ticket(d);
    assert_int_equal(owner_of(d, id, NULL), 0);
    assert_int_equal(dbtest_events(d, id, NULL, NULL), 1);
}

static int file_one(desk_t *d, int index, void *arg)
{
    (void)index;
    (void)arg;
    ticket_new_t in = dbtest_request(d, "rt");
    ticket_receipt_t r;
    return ticket_create(d, &in, &r) == OUTCOME_OK ? 0 : 1;
}

static const char sql_open_of[] =
    "SELECT COUNT(*) FROM tickets WHERE owner_id = ? AND is_open = 1";

static void simultaneous_dispatches_see_each_other(void **state)
{
    desk_t *d = *state;
    crew_t k = crew(d);
    mode(d, &k, DISPATCH_LEAST_OPEN, 0, 0);
    /* nine at once into one team of three: three each, as one after another */
    assert_int_equal(dbtest_parallel(d, 9, file_one, NULL), 0);
    assert_int_equal(dbtest_int(d, sql_open_of, k.a.id), 3);
    assert_int_equal(dbtest_int(d, sql_open_of, k.b.id), 3);
    assert_int_equal(dbtest_int(d, sql_open_of, k.c.id), 3);
}

/* ---- what the admin console reads -------------------------------------------------- */

typedef struct seen {
    routing_member_t m[8];
    int nm;
    long long teams[64];
    bool team_active[64];
    int nteams;
    long long rules[64];
    bool rule_active[64];
    int nrules;
} seen_t;

static void seen_member(const routing_member_t *m, void *ctx)
{
    seen_t *s = ctx;
    assert_true(s->nm < 8);
    s->m[s->nm++] = *m;
}

static void seen_team(const routing_team_t *t, void *ctx)
{
    seen_t *s = ctx;
    assert_true(s->nteams < 64);
    s->team_active[s->nteams] = t->active;
    s->teams[s->nteams++] = t->id;
}

static void seen_rule(const routing_rule_t *r, void *ctx)
{
    seen_t *s = ctx;
    assert_true(s->nrules < 64);
    s->rule_active[s->nrules] = r->active;
    s->rules[s->nrules++] = r->id;
}

/* Every inactive entry comes after every active one. */
static void active_first(const bool *active, int n)
{
    for (int i = 1; i < n; i++)
        assert_true(active[i - 1] || !active[i]);
}

static void the_console_sees_each_teams_load_and_members(void **state)
{
    desk_t *d = *state;
    crew_t k = crew(d);
    load(d, &k.b, 2);
    rt_ticket(d); /* waiting in the queue */
    assert_int_equal(dispatch_set_available(d, k.c.id, false, desk_now(d)), 1);
    routing_team_t t;
    assert_int_equal(routing_get_team(d, k.team, false, &t), OUTCOME_OK);
    assert_string_equal(t.code, "rt");
    assert_string_equal(t.name[LANG_EN], "Routing test");
    assert_int_equal(t.mode, DISPATCH_CLAIM);
    assert_int_equal(t.members, 3);
    assert_int_equal(t.available, 2);
    assert_int_equal(t.open, 3);
    assert_int_equal(t.accept_minutes, 0); /* the desk's default */
    assert_int_equal(t.max_open, 0);       /* no cap */
    assert_int_equal(routing_get_team(d, k.team + 1000, false, &t), OUTCOME_NOT_FOUND);
    mode(d, &k, DISPATCH_LEAST_OPEN, 45, 5);
    assert_int_equal(routing_get_team(d, k.team, true, &t), OUTCOME_OK);
    assert_int_equal(t.mode, DISPATCH_LEAST_OPEN);
    assert_int_equal(t.accept_minutes, 45);
    assert_int_equal(t.max_open, 5);
    /* the members by name, with their load, presence and active skills */
    seen_t s = {.nm = 0};
    assert_int_equal(routing_each_member(d, k.team, seen_member, &s), 3);
    assert_string_equal(s.m[0].login, "a");
    assert_string_equal(s.m[1].login, "b");
    assert_string_equal(s.m[2].login, "c");
    assert_int_equal(s.m[0].open, 0);
    assert_int_equal(s.m[1].open, 2);
    assert_true(s.m[1].available);
    assert_false(s.m[2].available);
    assert_int_equal(s.m[1].nskills, 2);
    assert_int_equal(skills_set_active(d, k.db, false), OUTCOME_OK);
    assert_int_equal(people_set_active(d, k.a.id, false), OUTCOME_OK);
    s.nm = 0;
    assert_int_equal(routing_each_member(d, k.team, seen_member, &s), 2);
    assert_string_equal(s.m[0].login, "b");
    assert_int_equal(s.m[0].nskills, 1); /* a deactivated skill counts no more */
    assert_int_equal(s.m[0].skills[0], k.hw);
    assert_int_equal(s.m[1].nskills, 0);
    assert_int_equal(routing_get_team(d, k.team, false, &t), OUTCOME_OK);
    assert_int_equal(t.members, 2);
    /* the one to dispatch to, locked: active agents only */
    char name[64];
    bool available = false;
    assert_int_equal(routing_lock_agent(d, k.b.id, name, sizeof name, &available), OUTCOME_OK);
    assert_string_equal(name, "b");
    assert_true(available);
    assert_int_equal(routing_lock_agent(d, k.a.id, name, sizeof name, &available), OUTCOME_NOT_FOUND);
    /* every team and rule, the active ones first */
    assert_int_equal(teams_set_active(d, dbtest_team(d, "rnd"), false), OUTCOME_OK); /* in no use */
    assert_int_equal(routing_set_rule_active(d, k.rule, false, desk_now(d)), OUTCOME_OK);
    int nteams = routing_each_team(d, seen_team, &s);
    assert_true(nteams > 3);
    assert_int_equal(nteams, s.nteams);
    active_first(s.team_active, s.nteams);
    assert_false(s.team_active[s.nteams - 1]);
    int nrules = routing_each_rule(d, seen_rule, &s);
    assert_int_equal(nrules, s.nrules);
    assert_true(s.nrules > 2); /* the desk's own rules besides */
    active_first(s.rule_active, s.nrules);
    assert_int_equal(s.rules[s.nrules - 1], k.rule);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(a_rule_sends_its_category_to_its_team),
        DBTEST(least_open_gives_it_to_the_least_loaded_in_turn),
        DBTEST(absent_full_and_unskilled_members_are_skipped),
        DBTEST(a_handed_back_ticket_goes_to_someone_else),
        DBTEST(round_robin_ignores_the_load),
        DBTEST(simultaneous_dispatches_see_each_other),
        DBTEST(the_console_sees_each_teams_load_and_members),
    };
    return DBTEST_RUN("routing and dispatch (database)", tests);
}
