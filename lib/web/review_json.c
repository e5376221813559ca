/* review_json: see review_json.h. */
#include "web/review_json.h"

#include <stdio.h>
#include <string.h>

#include "desk/people/people.h"
#include "desk/review/action.h"
#include "desk/review/meeting.h"
#include "desk/review/minutes.h"
#include "desk/review/problem.h"

static json_t *when(time_t t)
{
    char buf[32];
    struct tm tm;
    if (!t)
        return json_null();
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
    return json_string(buf);
}

static json_t *str(const char *s) { return json_string(s ? s : ""); }

static json_t *str_or_null(const char *s) { return s && *s ? json_string(s) : json_null(); }

/* "a,b" as ["a", "b"] */
static json_t *codes(const char *list)
{
    json_t *a = json_array();
    char copy[128], *save;
    snprintf(copy, sizeof copy, "%s", list ? list : "");
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
        json_array_append_new(a, json_string(t));
    return a;
}

/* The reader of the whole loop. */
static agent_t reader(void)
{
    agent_t a;
    memset(&a, 0, sizeof a);
    a.role = ROLE_DIRECTOR;
    return a;
}

typedef struct page {
    json_t *items;
    int n;
    long long last;
} page_t;

static void add(page_t *p, long long id, json_t *item)
{
    if (p->n++ < REVIEW_JSON_PAGE) {
        json_array_append_new(p->items, item);
        p->last = id;
    } else {
        json_decref(item);
    }
}

static void problem_row(const problem_row_t *r, void *ctx)
{
    char number[16];
    problem_number(r->id, number);
    add(ctx, r->id,
        json_pack("{sI ss ss ss ss sI so so}", "id", (json_int_t)r->id, "number", number,
                  "title", r->title, "status", r->status, "owner", r->owner, "tickets",
                  (json_int_t)r->tickets, "responsibility", codes(r->responsibility),
                  "updated_at", when(r->updated_at)));
}

static void meeting_row(const meeting_row_t *r, void *ctx)
{
    add(ctx, r->id,
        json_pack("{sI ss ss ss ss so}", "id", (json_int_t)r->id, "kind", r->kind, "status",
                  r->status, "title", r->title, "organiser", r->organiser, "starts_at",
                  when(r->starts_at)));
}

static void action_row(const action_row_t *r, void *ctx)
{
    add(ctx, r->id,
        json_pack("{sI ss ss ss ss ss sb sI}", "id", (json_int_t)r->id, "title", r->title,
                  "owner", r->owner, "department", r->team, "due_on", r->due_on, "status",
                  r->status, "overdue", r->overdue, "days_overdue", (json_int_t)r->days_over));
}

int review_json_list(desk_t *d, const char *what, long long before, lang_t lang, json_t **out)
{
    agent_t a = reader();
    page_t p = {json_array(), 0, 0};
    int rc;
    if (strcmp(what, "problems") == 0)
        rc = problem_list(d, &a, -1, before, REVIEW_JSON_PAGE + 1, problem_row, &p);
    else if (strcmp(what, "meetings") == 0)
        rc = meeting_list(d, &a, before, REVIEW_JSON_PAGE + 1, meeting_row, &p);
    else
        rc = action_list(d, &a, AV_ALL, 0, 0, before, REVIEW_JSON_PAGE + 1, lang, action_row, &p);
    if (rc < 0) {
        json_decref(p.items);
        return rc;
    }
    *out = json_pack("{so so}", "items", p.items, "next_before",
                     p.n > REVIEW_JSON_PAGE ? json_integer(p.last) : json_null());
    return OUTCOME_OK;
}

static void ticket_number(const char *number, const char *subject, const char *status, void *ctx)
{
    (void)subject, (void)status;
    json_array_append_new(ctx, json_string(number));
}

static void person(long long id, const char *name, const char *role, const char *teams,
                   bool owner, void *ctx)
{
    (void)role, (void)owner;
    json_array_append_new(ctx, json_pack("{sI ss ss}", "id", (json_int_t)id, "name", name,
                                         "departments", teams));
}

/* What a record was made from: {"kind": "tickets"}, or the statistics row
 * (its kind, key, period, tickets behind it, drill-down query). */
static int origin_of(desk_t *d, long long id, json_t **out)
{
    problem_origin_t o;
    int rc = problem_origin_get(d, id, &o);
    *out = NULL;
    if (rc != OUTCOME_OK)
        return rc;
    if (strcmp(o.kind, "stats_combo") && strcmp(o.kind, "stats_term")) {
        *out = json_pack("{ss}", "kind", o.kind);
        return OUTCOME_OK;
    }
    *out = json_pack("{ss ss ss ss sI ss}", "kind", o.kind, "key", o.key, "first_day", o.first,
                     "last_day", o.last, "tickets_behind", (json_int_t)o.behind, "query",
                     o.query);
    return OUTCOME_OK;
}

static int one_problem(desk_t *d, long long id, lang_t lang, json_t **out)
{
    problem_t p;
    int rc = problem_get(d, id, false, &p);
    if (rc != OUTCOME_OK)
        return rc;
    char number[16];
    problem_number(p.id, number);
    json_t *whys = json_array(), *factors = json_object(), *tickets = json_array(),
           *people = json_array();
    for (int i = 0; i < p.nwhys; i++)
        json_array_append_new(whys, json_pack("{so so}", "why", str(p.whys[i].why), "because",
                                              str(p.whys[i].because)));
    for (int i = 0; i < PROBLEM_FACTOR_KINDS; i++)
        json_object_set_new(factors, problem_factor_kinds[i], str(p.factors[i]));
    *out = json_pack("{sI ss ss ss so so so so so so so so so so so}", "id", (json_int_t)p.id,
                     "number", number, "title", p.title, "status",
                     problem_status_code(p.status), "owner", str(p.owner_name), "symptoms",
                     str(p.symptoms), "impact", str(p.impact), "timeline", str(p.timeline),
                     "conclusion", str(p.conclusion), "workaround", str(p.workaround),
                     "permanent_fix", str(p.permanent_fix), "five_whys", whys, "fishbone",
                     factors, "created_at", when(p.created_at), "updated_at",
                     when(p.updated_at));
    json_object_set_new(*out, "responsibility", codes(p.responsibility));
    json_object_set_new(*out, "responsible_party", str_or_null(p.party));
    problem_free(&p);
    json_t *origin = NULL;
    if ((rc = problem_each_ticket(d, id, ticket_number, tickets)) < 0 ||
        (rc = problem_each_person(d, id, lang, person, people)) < 0 ||
        (rc = origin_of(d, id, &origin)) < 0) {
        json_decref(tickets), json_decref(people), json_decref(*out);
        return rc;
    }
    json_object_set_new(*out, "tickets", tickets);
    json_object_set_new(*out, "people", people);
    json_object_set_new(*out, "origin", origin);
    return OUTCOME_OK;
}

static void attendee(long long id, const char *name, const char *teams, void *ctx)
{
    json_array_append_new(ctx, json_pack("{sI ss ss}", "id", (json_int_t)id, "name", name,
                                         "departments", teams));
}

static void reviewed(long long id, const char *title, const char *status, void *ctx)
{
    (void)title, (void)status;
    char number[16];
    problem_number(id, number);
    json_array_append_new(ctx, json_string(number));
}

static void invited_team(long long id, const char *name, void *ctx)
{
    json_array_append_new(ctx, json_pack("{sI ss}", "id", (json_int_t)id, "name", name));
}

/* A director's exception to the lead rule: {reason, by} or null. */
static json_t *override_of(desk_t *d, const meeting_t *m)
{
    if (!m->override_reason || !*m->override_reason)
        return json_null();
    person_t who;
    bool known = m->override_by && people_get(d, m->override_by, false, &who) == OUTCOME_OK;
    return json_pack("{ss so so}", "reason", m->override_reason, "by",
                     known ? json_pack("{sI ss}", "id", (json_int_t)who.id, "name", who.name)
                           : json_null(),
                     "earliest_allowed", when(m->earliest_at));
}

static int one_meeting(desk_t *d, long long id, lang_t lang, json_t **out)
{
    meeting_t m;
    int rc = meeting_get(d, id, &m);
    if (rc != OUTCOME_OK)
        return rc;
    json_t *people = json_array(), *problems = json_array(), *minutes = json_null(),
           *teams = json_array(), *override = override_of(d, &m);
    *out = json_pack("{sI ss ss ss so sI ss ss so}", "id", (json_int_t)m.id, "kind", m.kind,
                     "status", m.status, "title", m.title, "starts_at", when(m.starts_at),
                     "duration_minutes", (json_int_t)m.duration_minutes, "location", m.location,
                     "organiser", m.organiser, "agenda", str(m.agenda));
    json_object_set_new(*out, "override", override);
    meeting_free(&m);
    long long mid = 0;
    if ((rc = meeting_each_attendee(d, id, lang, attendee, people)) >= 0 &&
        (rc = meeting_each_team(d, id, lang, invited_team, teams)) >= 0 &&
        (rc = meeting_each_problem(d, id, reviewed, problems)) >= 0 &&
        (rc = minutes_of_meeting(d, id, &mid)) == OUTCOME_OK) {
        minutes_t n;
        if ((rc = minutes_get(d, mid, &n)) == OUTCOME_OK) {
            minutes = json_pack("{sI ss so sI}", "id", (json_int_t)n.id, "status", n.status,
                                "due_at", when(n.due_at), "versions",
                                (json_int_t)n.submitted_version);
            minutes_free(&n);
        }
    }
    if (rc == OUTCOME_NOT_FOUND) /* no minutes yet */
        rc = OUTCOME_OK;
    if (rc < 0) {
        json_decref(people), json_decref(problems), json_decref(teams), json_decref(*out);
        return rc;
    }
    json_object_set_new(*out, "attendees", people);
    json_object_set_new(*out, "departments", teams);
    json_object_set_new(*out, "problems", problems);
    json_object_set_new(*out, "minutes", minutes);
    return OUTCOME_OK;
}

static int one_action(desk_t *d, long long id, lang_t lang, json_t **out)
{
    action_t x;
    int rc = action_get(d, id, lang, &x);
    if (rc != OUTCOME_OK)
        return rc;
    json_t *verification =
        x.verified_at ? json_pack("{ss ss ss ss so}", "verified_by", x.verified_by, "figure",
                                  x.figure, "before", x.before_value, "after", x.after_value,
                                  "verified_at", when(x.verified_at))
                      : json_null();
    *out = json_pack("{sI ss ss ss ss ss ss ss ss ss sb so so so so}", "id", (json_int_t)x.id,
                     "title", x.title, "target", x.target, "resources", x.resources, "owner",
                     x.owner, "department", x.team, "starts_on", x.starts_on, "due_on",
                     x.due_on, "status", x.status, "verifier", x.verifier, "overdue", x.overdue,
                     "cancel_reason", x.cancel_reason[0] ? json_string(x.cancel_reason) : json_null(),
                     "verification", verification, "minutes_id",
                     x.minutes_id ? json_integer(x.minutes_id) : json_null(), "drill_id",
                     x.drill_id ? json_integer(x.drill_id) : json_null());
    return OUTCOME_OK;
}

int review_json_one(desk_t *d, const char *what, long long id, lang_t lang, json_t **out)
{
    if (strcmp(what, "problems") == 0)
        return one_problem(d, id, lang, out);
    if (strcmp(what, "meetings") == 0)
        return one_meeting(d, id, lang, out);
    return one_action(d, id, lang, out);
}
