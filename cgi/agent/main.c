/* agent: the intranet workspace of agents, supervisors and admins.
 *
 *   GET  /agent/login, POST /agent/login, POST /agent/logout
 *   GET  /agent/                     -> the "mine" queue
 *   GET  /agent/q/KIND               a queue (queue.h), filters, keyset pages
 *   GET  /agent/t/NUMBER             the ticket page
 *   GET  /agent/t/NUMBER/solution    the solution proposal page
 *   POST /agent/t/NUMBER/act         one action (field "action"), CSRF-checked
 *   GET  /agent/approvals            pending priority changes (supervisors)
 *   POST /agent/approvals/ID         approve or reject
 *   GET  /agent/new, POST /agent/new register a ticket for a customer
 *   GET  /agent/progress[.csv]       the progress tracking table
 *   GET  /agent/stats[.csv|.xlsx], /agent/stats/tickets  statistics (cgi/agent/stats.c)
 *   GET  /agent/stats/quality.csv, /agent/stats/quality/tickets  its quality sections
 *                                      (cgi/agent/stats_quality.c)
 *   GET|POST /agent/stats/reports...   snapshots and the analysis report
 *                                      (cgi/agent/stats_report.c)
 *   GET  /agent/availability, POST   at work or absent (cgi/agent/availability.c)
 *   GET  /agent/coordination[/tickets]  the weekly coordination view
 *                                    (cgi/agent/coordination.c)
 *   GET  /agent/problems...          problem records (cgi/agent/problems.c)
 *   GET  /agent/meetings...          review meetings (cgi/agent/meetings.c)
 *   GET  /agent/minutes..., /agent/actions..., /agent/drills...
 *                                    minutes, improvement actions, drills
 *                                    (cgi/agent/minutes.c, actions.c, drills.c)
 *   GET  /agent/health
 * Every page but login and health needs a session; every action is checked
 * again in lib/ (ticket_work.h), not only by hiding buttons. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "desk/attachment.h"
#include "desk/people/auth.h"
#include "desk/people/people.h"
#include "desk/catalog/commonfield.h"
#include "core/csv.h"
#include "desk/customer/customer.h"
#include "core/log.h"
#include "desk/notify/outbox.h"
#include "desk/ticket/priority_request.h"
#include "desk/progress.h"
#include "desk/queue.h"
#include "desk/survey.h"
#include "web/files.h"
#include "web/program.h"
#include "core/text.h"
#include "desk/ticket/ticket_acceptance.h"
#include "desk/ticket/ticket_fields.h"
#include "desk/ticket/ticket_merge.h"
#include "desk/ticket/ticket_work.h"
#include "desk/ticket/time_spent.h"
#include "web/ticket_view.h"
#include "web/web.h"
#include "agent/web.h"
#include "agent/coordination.h"
#include "agent/links.h"
#include "agent/emergencies.h"
#include "agent/evaluation.h"
#include "agent/stats.h"
#include "agent/review.h"

static const char *const pages[] = {"agent/login.cs",     "agent/queue.cs", "agent/outbox.cs",
                                    "agent/ticket.cs",    "agent/approvals.cs",
                                    "agent/new.cs",       "agent/progress.cs",
                                    "agent/error.cs",     "agent/availability.cs",
                                    "agent/acceptance.cs", "agent/solution.cs",
                                    "agent/evaluation.cs", "agent/evaluation_print.cs",
                                    "agent/problems.cs",  "agent/problem.cs",
                                    "agent/problem_edit.cs", "agent/meetings.cs",
                                    "agent/meeting.cs",   "agent/meeting_edit.cs",
                                    "agent/meeting_pack.cs",
                                    "agent/stats.cs",     "agent/stats_tickets.cs",
                                    "agent/stats_quality.cs", "agent/coordination.cs",
                                    "agent/coordination_tickets.cs", "agent/problem_origin.cs",
                                    "agent/coordination_table.cs",
                                    "agent/stats_report.cs", "agent/stats_reports.cs",
                                    "agent/minutes.cs",   "agent/minutes_list.cs",
                                    "agent/minutes_edit.cs", "agent/actions.cs",
                                    "agent/action.cs",    "agent/drills.cs",
                                    "agent/drill.cs",     "agent/drill_edit.cs",
                                    "agent/rnd.cs",       "agent/emergencies.cs",
                                    "agent/emergency.cs", "agent/emergency_new.cs", NULL};

/* A search text: clean, and within the characters a search holds. */
static bool search_ok(const char *s)
{
    return text_is_clean_utf8(s, strlen(s)) && text_chars(s) <= QUEUE_KEYWORD_MAX;
}

_Static_assert(CUSTOMER_QUERY_MAX >= QUEUE_KEYWORD_MAX, "one limit for the searches");

/* A search text as typed, for its box: control characters marked. */
static void set_typed(HDF *h, const char *key, const char *q)
{
    char *marked = q && text_is_utf8(q, strlen(q)) ? text_mark_controls(q) : NULL;
    hdf_set_value(h, key, marked ? marked : "");
    free(marked);
}

/* A search text that was not searched for says why next to it. */
static void search_refused(web_t *w, const char *key, const char *q)
{
    hdf_set_valuef(w->r->hdf, "%s.error=%s", key,
                   text_is_clean_utf8(q, strlen(q)) ? "too_long" : "control");
    hdf_set_valuef(w->r->hdf, "%s.max=%d", key, QUEUE_KEYWORD_MAX);
    hdf_set_valuef(w->r->hdf, "%s.chars=%zu", key, text_chars(q));
}

static long long query_id(web_t *w, const char *name)
{
    const char *v = req_query(w->r, name);
    return web_id(v);
}

/* The id picked in a form's list: 0 when none was ("" or "0"), -1 when what
 * came is not an id at all (refused as unknown, never read as "none"). */
static long long chosen_id(web_t *w, const char *name)
{
    const char *v = req_query(w->r, name);
    long long id;
    if (!v || !*v || !strcmp(v, "0"))
        return 0;
    return text_whole(v, 1, WEB_ID_MAX, &id) ? id : -1;
}

/* ---- sign-in ---------------------------------------------------------- */

static void show_login(web_t *w, int status, const char *error)
{
    csrf_issue(w->r, "login_csrf");
    if (error)
        hdf_set_value(w->r->hdf, "Login.error", error);
    const char *login = req_query(w->r, "login");
    hdf_set_value(w->r->hdf, "Login.login", login ? login : "");
    const char *back = req_query(w->r, "back");
    hdf_set_value(w->r->hdf, "Login.back", http_local_path(back) ? back : "/agent/");
    w->r->status = status;
    web_render(w, "agent/login.cs");
}

static void page_login(web_t *w, const char *arg)
{
    (void)arg;
    show_login(w, 200, NULL);
}

static void do_login(web_t *w, const char *arg)
{
    (void)arg;
    const char *login = req_query(w->r, "login"), *password = req_query(w->r, "password");
    if (!csrf_cookie_ok(w->r, "login_csrf"))
        return show_login(w, 422, "expired");
    /* a login no account can have gets the answer of a wrong password */
    if (!login || !password || !*login || !*password || strlen(login) > 64 ||
        strlen(password) > 1024 || !text_is_clean_utf8(login, strlen(login)))
        return show_login(w, 422, "bad");
    char token[TOKEN_TEXT_LEN + 1];
    long wait = 0;
    int rc = auth_sign_in(w->d, login, password, req_env(w->r, "REMOTE_ADDR"),
                          req_env(w->r, "HTTP_USER_AGENT"), token, &wait);
    if (rc == OUTCOME_LIMITED || rc == OUTCOME_PAUSED) {
        char after[24];
        snprintf(after, sizeof after, "%ld", wait > 0 ? wait : 1);
        req_header(w->r, "Retry-After", after);
        if (wait < 60)
            hdf_set_int_value(w->r->hdf, "Login.wait.seconds", (int)(wait > 0 ? wait : 1));
        else
            hdf_set_int_value(w->r->hdf, "Login.wait.minutes", (int)((wait + 59) / 60));
        return show_login(w, status_of(rc), rc == OUTCOME_PAUSED ? "locked" : "slow");
    }
    if (rc != OUTCOME_OK)
        return show_login(w, status_of(rc), rc == OUTCOME_INVALID ? "bad" : "unavailable");
    req_set_cookie(w->r, "sid", token, -1, "Lax");
    const char *back = req_query(w->r, "back");
    bool ours = http_local_path(back) &&
                (strncmp(back, "/agent/", 7) == 0 || strncmp(back, "/admin/", 7) == 0);
    req_redirect(w->r, ours ? back : "/agent/");
}

static void do_logout(web_t *w, const char *arg)
{
    (void)arg;
    session_t *s = w->ctx;
    if (!agent_csrf_ok(w))
        return agent_error_page(w, 422, "expired");
    auth_sign_out(w->d, s->token);
    req_set_cookie(w->r, "sid", "", 0, "Lax");
    req_redirect(w->r, "/agent/login");
}

static void set_tags(HDF *h, const char *key, const char *tags)
{
    char copy[256], *save;
    snprintf(copy, sizeof copy, "%s", tags);
    int i = 0;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
        hdf_set_valuef(h, "%s.%d=%s", key, i++, t);
}

static const char *priority_code(web_t *w, long long id)
{
    const priority_t *p = catalog_priority_by_id(&w->d->catalog, id);
    return p ? p->code : "";
}

/* ---- queues ------------------------------------------------------------- */

/* What every table row of tickets shows (queues, progress table). */
static void set_row(web_t *w, int i, const char *number, const char *subject,
                    const char *customer, long long category, long long priority,
                    const char *status, const char *owner)
{
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Rows.%d.number=%s", i, number);
    hdf_set_valuef(h, "Rows.%d.subject=%s", i, subject);
    hdf_set_valuef(h, "Rows.%d.customer=%s", i, customer);
    hdf_set_valuef(h, "Rows.%d.category=%lld", i, category);
    hdf_set_valuef(h, "Rows.%d.priority=%s", i, priority_code(w, priority));
    hdf_set_valuef(h, "Rows.%d.status=%s", i, status);
    hdf_set_valuef(h, "Rows.%d.owner=%s", i, owner);
}

static void read_filter(web_t *w, queue_filter_t *f)
{
    memset(f, 0, sizeof *f);
    f->team_id = query_id(w, "team");
    f->category_id = query_id(w, "category");
    f->priority_id = query_id(w, "priority");
    f->owner_id = query_id(w, "owner");
    f->channel_id = query_id(w, "channel");
    const char *s = req_query(w->r, "status"), *q = req_query(w->r, "q");
    if (s && ticket_status_parse(s) >= 0)
        snprintf(f->status, sizeof f->status, "%s", s);
    if (q && search_ok(q))
        snprintf(f->keyword, sizeof f->keyword, "%s", q); /* fits: search_ok */
    else if (q)
        search_refused(w, "Filter", q);
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Filter.team=%lld", f->team_id);
    hdf_set_valuef(h, "Filter.category=%lld", f->category_id);
    hdf_set_valuef(h, "Filter.priority=%lld", f->priority_id);
    hdf_set_valuef(h, "Filter.owner=%lld", f->owner_id);
    hdf_set_valuef(h, "Filter.channel=%lld", f->channel_id);
    hdf_set_value(h, "Filter.status", f->status);
    set_typed(h, "Filter.q", q);
}

static void page_queue(web_t *w, const char *arg)
{
    char code[24];
    int k = queue_parse(web_segment(arg, code, sizeof code));
    if (k < 0)
        return agent_error_page(w, 404, "not_found");
    queue_filter_t f;
    read_filter(w, &f);
    queue_page_t *page = malloc(sizeof *page);
    if (!page || queue_list(w->d, ME(w), (queue_kind_t)k, &f, req_query(w->r, "after"), page)) {
        free(page);
        return agent_error_page(w, 503, "unavailable");
    }
    HDF *h = w->r->hdf;
    hdf_set_value(h, "Queue.code", code);
    for (int i = 0; i < page->n; i++) {
        const queue_row_t *r = &page->rows[i];
        char key[64];
        set_row(w, i, r->number, r->subject, r->customer, r->category_id, r->priority_id, r->status,
                r->owner);
        snprintf(key, sizeof key, "Rows.%d.tags", i);
        set_tags(h, key, r->tags);
        snprintf(key, sizeof key, "Rows.%d.due", i);
        agent_set_due(w, key, k == Q_CLOSED ? 0 : r->next_due_at);
        if (r->workaround_due_at && k != Q_CLOSED) {
            snprintf(key, sizeof key, "Rows.%d.workaround", i);
            agent_set_due(w, key, r->workaround_due_at);
        }
        snprintf(key, sizeof key, "Rows.%d.closed_at", i);
        tpl_set_time(h, key, r->closed_at);
    }
    hdf_set_int_value(h, "RowCount", page->n);
    if (page->more)
        hdf_set_value(h, "Next", page->next_cursor);
    free(page);
    agent_set_nav(w);
    web_render(w, "agent/queue.cs");
}

static void page_home(web_t *w, const char *arg)
{
    (void)arg;
    req_redirect(w->r, "/agent/q/mine");
}

/* A ticket number that leads nowhere: said in the workspace, the number
 * kept in the search box to be corrected. */
static void ticket_not_found(web_t *w, const char *number)
{
    if (search_ok(number)) {
        hdf_set_value(w->r->hdf, "Error.Number", number);
        hdf_set_value(w->r->hdf, "Filter.q", number);
    }
    agent_error_page(w, 404, "ticket_not_found");
}

/* Shaped like a ticket number (YYYYMMDD-NNNN, YYYYMMNNNN): digits and at
 * most one hyphen, ten or more characters. */
static bool number_shaped(const char *q)
{
    size_t n = strlen(q), digits = strspn(q, "0123456789");
    if (n < 10 || n > 20 || digits < 6)
        return false;
    if (digits == n)
        return true;
    return q[digits] == '-' && strspn(q + digits + 1, "0123456789") == n - digits - 1 &&
           n - digits - 1 >= 3;
}

/* The top bar's search: a ticket number opens the ticket, anything else
 * searches the team queues by keyword. */
static void page_search(web_t *w, const char *arg)
{
    (void)arg;
    const char *q = req_query(w->r, "q");
    char *esc = NULL, *where = NULL;
    ticket_t t;
    if (q && search_ok(q) && ticket_by_number(w->d, q, &t) == OUTCOME_OK) {
        bool visible = ticket_visible_to(w->d, ME(w), &t);
        ticket_free(&t);
        if (visible && asprintf(&where, "/agent/t/%s", t.number) > 0) {
            req_redirect(w->r, where);
            free(where);
            return;
        }
    }
    if (q && *q && !search_ok(q))
        return agent_error_page(w, 422, "bad_search");
    if (q && number_shaped(q))
        return ticket_not_found(w, q);
    if (q && *q && cgi_url_escape(q, &esc) == STATUS_OK &&
        asprintf(&where, "/agent/q/team?q=%s", esc) > 0)
        req_redirect(w->r, where);
    else
        req_redirect(w->r, "/agent/q/team");
    free(esc);
    free(where);
}

/* ---- the ticket page ---------------------------------------------------- */

/* Key.N.{id,name,extra}: the people of a list (extra: their role). */
typedef struct people_rows {
    HDF *h;
    const char *key;
    int n;
} people_rows_t;

static void add_person(long long id, const char *name, const char *extra, void *ctx)
{
    people_rows_t *r = ctx;
    hdf_set_valuef(r->h, "%s.%d.id=%lld", r->key, r->n, id);
    hdf_set_valuef(r->h, "%s.%d.name=%s", r->key, r->n, name);
    hdf_set_valuef(r->h, "%s.%d.extra=%s", r->key, r->n++, extra);
}

/* Collaborators.N.*: those of the ticket id, with their role on it. */
static void set_collaborators(web_t *w, long long id)
{
    people_rows_t rows = {w->r->hdf, "Collaborators", 0};
    ticket_each_collaborator(w->d, id, add_person, &rows);
}

/* Agents.N.*: whom work may go to, with their role. */
static void set_agents(web_t *w)
{
    people_rows_t rows = {w->r->hdf, "Agents", 0};
    people_each_active(w->d, add_person, &rows);
}

/* Requests.N.*: a pending priority request, on the ticket page and the
 * approvals list. */
static void add_request(const priority_request_t *r, void *ctx)
{
    web_t *w = ctx;
    HDF *h = w->r->hdf;
    int i = hdf_get_int_value(h, "RequestCount", 0);
    char key[48];
    hdf_set_valuef(h, "Requests.%d.id=%lld", i, r->id);
    hdf_set_valuef(h, "Requests.%d.number=%s", i, r->number);
    hdf_set_valuef(h, "Requests.%d.subject=%s", i, r->subject);
    hdf_set_valuef(h, "Requests.%d.from=%s", i, priority_code(w, r->from_priority_id));
    hdf_set_valuef(h, "Requests.%d.to=%s", i, priority_code(w, r->to_priority_id));
    hdf_set_valuef(h, "Requests.%d.reason=%s", i, r->reason);
    hdf_set_valuef(h, "Requests.%d.by=%s", i, r->by);
    hdf_set_valuef(h, "Requests.%d.api=%d", i, r->by_api);
    snprintf(key, sizeof key, "Requests.%d.at", i);
    tpl_set_time(h, key, r->created_at);
    hdf_set_int_value(h, "RequestCount", i + 1);
}

static void set_requests(web_t *w, long long ticket)
{
    priority_requests_pending(w->d, ticket, 50, add_request, w);
}

static void set_ticket_fields(web_t *w, const ticket_t *t)
{
    HDF *h = w->r->hdf;
    hdf_set_value(h, "Ticket.number", t->number);
    hdf_set_valuef(h, "Ticket.version=%lld", t->version);
    hdf_set_value(h, "Ticket.status", t->status);
    ticket_view_values(h, t, TF_SEE_AGENT);
    hdf_set_valuef(h, "Ticket.category=%lld", t->category_id);
    hdf_set_valuef(h, "Ticket.channel=%lld", t->channel_id);
    hdf_set_valuef(h, "Ticket.team=%lld", t->team_id);
    hdf_set_valuef(h, "Ticket.owner=%lld", t->owner_id);
    hdf_set_value(h, "Ticket.priority", priority_code(w, t->priority_id));
    tpl_set_time(h, "Ticket.created_at", t->created_at);
    tpl_set_time(h, "Ticket.updated_at", t->updated_at);
    agent_set_due(w, "Due.classify", strcmp(t->status, "new") == 0 ? t->classify_due_at : 0);
    agent_set_due(w, "Due.accept", strcmp(t->status, "assigned") == 0 ? t->accept_due_at : 0);
    int st = ticket_status_parse(t->status);
    bool done = st >= 0 && ticket_status_done((ticket_status_t)st);
    /* resolving a ticket that had no reply yet answered the customer too */
    time_t responded = t->first_responded_at ? t->first_responded_at : done ? t->resolved_at : 0;
    agent_set_due(w, "Due.first_response", responded ? 0 : t->first_response_due_at);
    if (st >= 0 && ticket_status_paused((ticket_status_t)st))
        hdf_set_value(h, "Due.resolution.state", "paused"); /* the clock stands still */
    else
        agent_set_due(w, "Due.resolution", done ? 0 : t->resolution_due_at);
    time_t now = desk_now(w->d);
    static const char *const met[] = {"missed", "met"};
    if (responded && t->first_response_due_at)
        hdf_set_value(h, "Met.first_response",
                      met[progress_met(t->first_response_due_at, responded, now) == 1]);
    if (t->resolved_at && t->resolution_due_at)
        hdf_set_value(h, "Met.resolution",
                      met[progress_met(t->resolution_due_at, t->resolved_at, now) == 1]);
    if (t->accepted_at && t->accept_due_at)
        hdf_set_value(h, "Met.accept", met[progress_met(t->accept_due_at, t->accepted_at, now) == 1]);
    tpl_set_time(h, "Done.first_response_at", responded);
    tpl_set_time(h, "Done.resolved_at", t->resolved_at);
    tpl_set_time(h, "Done.accepted_at", t->accepted_at);
}

static void set_extra(web_t *w, const ticket_t *t)
{
    ticket_extra_t x;
    if (ticket_extra(w->d, t, &x) != OUTCOME_OK)
        return;
    HDF *h = w->r->hdf;
    hdf_set_value(h, "Extra.nature", x.nature);
    hdf_set_value(h, "Extra.organisation", x.organisation);
    hdf_set_value(h, "Extra.customer", x.customer);
    set_tags(h, "Extra.tags", x.tags);
    ticket_extra_free(&x);
}

static void set_permissions(web_t *w, const ticket_t *t)
{
    const agent_t *me = ME(w);
    HDF *h = w->r->hdf;
    bool work = ticket_workable_by(w->d, me, t);
    hdf_set_int_value(h, "Perm.work", work);
    hdf_set_int_value(h, "Perm.classify", ticket_classifiable_by(w->d, me, t));
    hdf_set_int_value(h, "Perm.claim", !t->owner_id && (agent_is_supervisor(me) ||
                                                        agent_in_team(me, t->team_id)));
    hdf_set_int_value(h, "Perm.accept", t->owner_id == me->id && !strcmp(t->status, "assigned"));
    hdf_set_int_value(h, "Perm.assign", agent_is_supervisor(me));
    hdf_set_int_value(h, "Perm.hand_back", t->owner_id == me->id);
    hdf_set_int_value(h, "Perm.collab", t->owner_id == me->id || agent_is_supervisor(me));
    hdf_set_int_value(h, "Perm.contacts", me->can_see_contacts);
}

/* The steps that fit the ticket now, for this person (lib/desk/ticket/ticket_next.h):
 * the first and three more on the page, the rest under "more"; what the
 * ticket waits for; the status a reply may set. */
static void set_next_steps(web_t *w, const ticket_t *t)
{
    HDF *h = w->r->hdf;
    ticket_situation_t s;
    ticket_plan_t p;
    if (ticket_situation(w->d, ME(w), t, &s) != OUTCOME_OK)
        return;
    ticket_plan_for(&s, &p);
    for (int i = 0; i < p.n; i++) {
        const char *code = ticket_step_code(p.steps[i]);
        int to = ticket_step_target(&s, p.steps[i]);
        hdf_set_valuef(h, "Next.Steps.%d.code=%s", i, code);
        hdf_set_valuef(h, "Next.Steps.%d.place=%s", i,
                       i == 0 && p.suggested ? "first" : i < 4 ? "bar" : "more");
        if (to >= 0)
            hdf_set_valuef(h, "Next.Steps.%d.to=%s", i, ticket_status_code((ticket_status_t)to));
        hdf_set_valuef(h, "Next.Can.%s=1", code);
    }
    hdf_set_int_value(h, "Next.More", p.n > 4);
    hdf_set_value(h, "Next.Waiting", ticket_wait_code(p.waiting));
    for (int i = 0; i < p.nreply; i++)
        hdf_set_valuef(h, "Next.Reply.%d=%s", i, ticket_status_code(p.reply_to[i]));
    if (s.escalation_open)
        agent_set_due(w, "Due.escalation", s.escalation_due);
}

static const char *failure_key(int rc);

/* A merged ticket's page: the surviving ticket's, saying where it came from. */
static void merged_redirect(web_t *w, ticket_t *t)
{
    ticket_t s;
    char where[160];
    int rc = ticket_survivor(w->d, t, &s);
    if (rc != OUTCOME_OK) {
        ticket_free(t);
        return agent_fail(w, rc);
    }
    snprintf(where, sizeof where, "/agent/t/%s?merged_from=%s", s.number, t->number);
    ticket_free(&s);
    ticket_free(t);
    req_redirect(w->r, where);
}

/* Merged.from: the number an agent came from, when it was merged into t. */
static void merged_from(web_t *w, const ticket_t *t)
{
    const char *from = req_query(w->r, "merged_from");
    ticket_t o;
    if (!from || !*from || strlen(from) >= TN_MAX || ticket_by_number(w->d, from, &o) != OUTCOME_OK)
        return;
    if (o.merged_into == t->id)
        hdf_set_value(w->r->hdf, "Merged.from", o.number);
    ticket_free(&o);
}

/* Renders the ticket page, or its solution proposal page (Page.Solution,
 * or a proposal that failed); status lets an action's error keep its
 * input. Contacts show for someone who revealed them lately. */
static void show_ticket(web_t *w, const char *number, int status)
{
    ticket_t t;
    int rc = ticket_by_number(w->d, number, &t);
    if (rc != OUTCOME_OK || !ticket_visible_to(w->d, ME(w), &t)) {
        if (rc == OUTCOME_OK)
            ticket_free(&t);
        /* a ticket one may not see is answered exactly like a missing one */
        if (rc == OUTCOME_UNAVAILABLE)
            return agent_error_page(w, 503, "unavailable");
        return ticket_not_found(w, number);
    }
    if (t.merged_into && status == 200) /* the old number leads to the survivor */
        return merged_redirect(w, &t);
    merged_from(w, &t);
    char email[256], phone[64];
    if (ticket_revealed_contacts(w->d, ME(w), t.id, email, sizeof email, phone,
                                 sizeof phone) == OUTCOME_OK) {
        hdf_set_value(w->r->hdf, "Contacts.email", email);
        hdf_set_value(w->r->hdf, "Contacts.phone", phone);
        hdf_set_value(w->r->hdf, "Contacts.shown", "1");
    }
    sodium_memzero(email, sizeof email);
    sodium_memzero(phone, sizeof phone);
    set_ticket_fields(w, &t);
    set_extra(w, &t);
    set_permissions(w, &t);
    set_next_steps(w, &t);
    ticket_each_value(w->d, &t, w->lang, web_add_value, w->r->hdf);
    ticket_each_event(w->d, t.id, false, web_add_event, w->r->hdf);
    attachment_each(w->d, t.id, true, attachment_to_hdf, w->r->hdf);
    web_attach_limits(w);
    set_collaborators(w, t.id);
    set_agents(w);
    set_requests(w, t.id);
    if (!strcmp(t.status, "closed")) /* its signed acceptance form, to print */
        hdf_set_int_value(w->r->hdf, "Acceptance.archived", ticket_has_acceptance(w->d, t.id) == 1);
    agent_reply_templates(w, &t);
    agent_ticket_problems(w, t.id);
    agent_ticket_escalation(w, t.id);
    agent_ticket_links(w, &t);
    int st = ticket_status_parse(t.status);
    agent_ticket_workaround(w, t.id, st >= 0 && !ticket_status_done((ticket_status_t)st));
    agent_ticket_emergencies(w, t.id);
    agent_ticket_evaluation(w, &t);
    agent_ticket_time_spent(w, t.id);
    ticket_free(&t);
    agent_set_nav(w);
    w->r->status = status;
    const char *failed = hdf_get_value(w->r->hdf, "ActionFailed", "");
    bool solution = hdf_get_int_value(w->r->hdf, "Page.Solution", 0) ||
                    !strcmp(failed, "propose_solution");
    bool evaluation = hdf_get_int_value(w->r->hdf, "Page.Evaluation", 0) ||
                      !strncmp(failed, "evaluation", 10);
    if (evaluation) /* its revisions are drawn as documents */
        hdf_set_value(w->r->hdf, "Page.Doc", "1");
    web_render(w, solution     ? "agent/solution.cs"
                  : evaluation ? "agent/evaluation.cs"
                               : "agent/ticket.cs");
}

static void page_ticket(web_t *w, const char *arg)
{
    char number[TN_MAX];
    if (!web_segment(arg, number, sizeof number))
        return ticket_not_found(w, "");
    show_ticket(w, number, 200);
}

/* GET /agent/t/NUMBER/solution: the solution proposal, a page of its own. */
static void page_solution(web_t *w, const char *arg)
{
    char number[TN_MAX];
    if (!web_segment(arg, number, sizeof number))
        return ticket_not_found(w, "");
    hdf_set_int_value(w->r->hdf, "Page.Solution", 1);
    show_ticket(w, number, 200);
}

/* GET /agent/t/NUMBER/evaluation: the requirement evaluation, a page of its own. */
static void page_evaluation(web_t *w, const char *arg)
{
    char number[TN_MAX];
    if (!web_segment(arg, number, sizeof number))
        return ticket_not_found(w, "");
    hdf_set_int_value(w->r->hdf, "Page.Evaluation", 1);
    show_ticket(w, number, 200);
}

/* Reveals the contact details (recorded in the ticket's history), then
 * back to the page with a GET: a reload shows them again without a second
 * record (ticket_revealed_contacts). */
static void do_reveal(web_t *w, const char *number, long long id)
{
    char email[256], phone[64], where[96];
    int rc = ticket_reveal_contacts(w->d, ME(w), id, email, sizeof email, phone, sizeof phone);
    sodium_memzero(email, sizeof email);
    sodium_memzero(phone, sizeof phone);
    if (rc != OUTCOME_OK) {
        hdf_set_value(w->r->hdf, "ActionError", failure_key(rc));
        return show_ticket(w, number, status_of(rc));
    }
    snprintf(where, sizeof where, "/agent/t/%s?done=reveal", number);
    req_redirect(w->r, where);
}

/* Required free text of an action, checked like any form field. */
static const char *text_field(web_t *w, const char *name, int max, bool required)
{
    form_field_t f = {.name = name, .type = FT_LONGTEXT, .required = required, .max_chars = max};
    if (form_validate(w->r->hdf, w->r->hdf, &f, 1))
        return NULL;
    const char *v = form_value(w->r->hdf, name);
    return v ? v : "";
}

/* One ticket action being done: who, on which ticket at which version,
 * with the files its form carried. */
typedef struct act {
    web_t *w;
    desk_t *d;
    const agent_t *me;
    long long id, version;
    const char *name;
    const uploads_t *files;
} act_t;

static int act_claim(const act_t *a) { return ticket_claim(a->d, a->me, a->id, a->version); }

static int act_accept(const act_t *a) { return ticket_accept(a->d, a->me, a->id, a->version); }

/* The optional minutes spent a reply, a note or a work step carries: 0
 * when not given, -1 (with the field's error) when not 1..TIME_SPENT_MAX. */
static int minutes_field(const act_t *a)
{
    form_field_t f = {.name = "minutes", .type = FT_INTEGER, .min = 1, .max = TIME_SPENT_MAX,
                      .invalid = "minutes"};
    HDF *h = a->w->r->hdf;
    return form_validate(h, h, &f, 1) ? -1 : (int)form_int(h, "minutes");
}

/* reply (to the customer, maybe moving the status on) and note (internal) */
static int act_message(const act_t *a)
{
    bool reply = !strcmp(a->name, "reply");
    int minutes = minutes_field(a);
    const char *body = text_field(a->w, "body", 20000, true);
    const char *then = reply ? req_query(a->w->r, "then") : NULL;
    int to = then && *then ? ticket_status_parse(then) : -1;
    if (!body || minutes < 0 || (then && *then && to < 0))
        return OUTCOME_INVALID;
    return reply ? ticket_agent_reply_spent(a->d, a->me, a->id, a->version, body, a->files, to,
                                            minutes)
                 : ticket_agent_message_spent(a->d, a->me, a->id, a->version, body, true,
                                              a->files, minutes);
}

static int act_assign(const act_t *a)
{
    const char *reason = text_field(a->w, "reason", 1000, true);
    if (!reason)
        return OUTCOME_REASON_REQUIRED;
    return ticket_assign(a->d, a->me, a->id, a->version, chosen_id(a->w, "agent"),
                         chosen_id(a->w, "team"), reason);
}

static int act_hand_back(const act_t *a)
{
    const char *reason = text_field(a->w, "reason", 1000, true);
    return reason ? ticket_hand_back(a->d, a->me, a->id, a->version, reason)
                  : OUTCOME_REASON_REQUIRED;
}

static int act_finding(const act_t *a)
{
    const char *text = text_field(a->w, "text", 20000, true);
    return text ? ticket_add_finding(a->d, a->me, a->id, a->version, req_query(a->w->r, "kind"),
                                     text)
                : OUTCOME_INVALID;
}

static int act_collab_add(const act_t *a)
{
    const char *role = text_field(a->w, "role", 100, true);
    return role ? ticket_add_collaborator(a->d, a->me, a->id, a->version,
                                          query_id(a->w, "agent"), role)
                : OUTCOME_REASON_REQUIRED;
}

static int act_collab_remove(const act_t *a)
{
    return ticket_remove_collaborator(a->d, a->me, a->id, a->version, query_id(a->w, "agent"));
}

static int act_status(const act_t *a)
{
    int to = ticket_status_parse(req_query(a->w->r, "to"));
    const char *reason = text_field(a->w, "reason", 1000, false);
    return to < 0 || !reason ? OUTCOME_INVALID
                             : ticket_change_status(a->d, a->me, a->id, a->version,
                                                    (ticket_status_t)to, *reason ? reason : NULL);
}

static int act_classify(const act_t *a)
{
    const char *nature = req_query(a->w->r, "nature");
    const category_t *cat = catalog_category_by_id(&a->d->catalog, query_id(a->w, "category"));
    return ticket_classify(a->d, a->me, a->id, a->version, cat, nature && *nature ? nature : NULL);
}

static int act_escalate(const act_t *a)
{
    const char *reason = text_field(a->w, "reason", 2000, true);
    const char *impact = reason ? text_field(a->w, "impact", 2000, true) : NULL;
    const char *when = req_query(a->w->r, "expected");
    form_field_t expected = {.name = "expected", .type = FT_DATETIME};
    long long team = chosen_id(a->w, "team");
    if (!reason || !impact)
        return OUTCOME_REASON_REQUIRED;
    /* a time the browser did not send in its own shape is refused, not dropped */
    if (team < 0 || form_validate(a->w->r->hdf, a->w->r->hdf, &expected, 1))
        return OUTCOME_INVALID;
    return ticket_escalate(a->d, a->me, a->id, a->version, reason, impact,
                           when && *when ? form_parse_local_time(when) : 0, team);
}

static int act_workaround(const act_t *a)
{
    const char *measures = text_field(a->w, "measures", 10000, true);
    const char *comp = measures ? text_field(a->w, "compensation", 5000, false) : NULL;
    const char *when = req_query(a->w->r, "fix_expected");
    time_t fix = when && *when ? form_parse_local_time(when) : 0;
    if (!measures || !comp || (when && *when && fix <= 0))
        return OUTCOME_INVALID;
    return ticket_send_workaround(a->d, a->me, a->id, a->version, measures, comp, fix);
}

static int act_escalation_answer(const act_t *a)
{
    const char *plan = text_field(a->w, "plan", 20000, true);
    return plan ? ticket_answer_escalation(a->d, a->me, a->id, a->version, plan)
                : OUTCOME_REASON_REQUIRED;
}

/* every field checked, every error shown */
static int act_propose_solution(const act_t *a)
{
    const char *steps = text_field(a->w, "steps", 10000, true);
    const char *expected = text_field(a->w, "expected", 5000, true);
    const char *risks = text_field(a->w, "risks", 5000, true);
    return steps && expected && risks
               ? ticket_propose_solution(a->d, a->me, a->id, a->version,
                                         req_query(a->w->r, "delivery"), steps, expected, risks)
               : OUTCOME_INVALID;
}

static int act_work(const act_t *a)
{
    int minutes = minutes_field(a);
    const char *text = text_field(a->w, "text", 5000, true);
    const char *old_serial = text ? text_field(a->w, "old_serial", 100, false) : NULL;
    const char *new_serial = old_serial ? text_field(a->w, "new_serial", 100, false) : NULL;
    return new_serial && minutes >= 0
               ? ticket_log_work_spent(a->d, a->me, a->id, a->version,
                                       req_query(a->w->r, "kind"), text, old_serial, new_serial,
                                       minutes)
               : OUTCOME_INVALID;
}

static int act_evaluation(const act_t *a) { return agent_act_evaluation(a->w, a->id, a->version); }

static int act_evaluation_mail(const act_t *a)
{
    return agent_act_evaluation_mail(a->w, a->id, a->version, a->files);
}

static int act_record_confirmation(const act_t *a)
{
    const char *name = text_field(a->w, "name", 100, true);
    const char *note = name ? text_field(a->w, "note", 2000, false) : NULL;
    return note ? ticket_record_confirmation(a->d, a->me, a->id, a->version,
                                             req_query(a->w->r, "via"), name,
                                             *note ? note : NULL, a->files)
                : OUTCOME_INVALID;
}

/* The customer's scores taken on the phone: each 1 to 5. */
static const form_field_t phone_scores[] = {
    {.name = "resolution", .type = FT_INTEGER, .required = true, .min = 1, .max = 5},
    {.name = "speed", .type = FT_INTEGER, .required = true, .min = 1, .max = 5},
    {.name = "attitude", .type = FT_INTEGER, .required = true, .min = 1, .max = 5},
};

static int act_survey_phone(const act_t *a)
{
    HDF *h = a->w->r->hdf;
    const char *sugg = text_field(a->w, "suggestions", 2000, false);
    const char *unmet = sugg ? text_field(a->w, "unmet_needs", 2000, false) : NULL;
    if (!sugg || !unmet || form_validate(h, h, phone_scores, 3))
        return OUTCOME_INVALID;
    survey_t sv = {(int)form_int(h, "resolution"), (int)form_int(h, "speed"),
                   (int)form_int(h, "attitude"), *sugg ? sugg : NULL, *unmet ? unmet : NULL};
    int rc = survey_record(a->d, a->id, &sv, a->me);
    return rc == OUTCOME_ANSWERED ? OUTCOME_BAD_TRANSITION : rc;
}

static int act_priority(const act_t *a)
{
    const char *reason = text_field(a->w, "reason", 1000, true);
    if (!reason)
        return OUTCOME_REASON_REQUIRED;
    return ticket_request_priority(
        a->d, a->me, a->id, a->version,
        catalog_priority_by_id(&a->d->catalog, query_id(a->w, "priority")), reason);
}

/* The agent's ticket actions, by the "action" field of their forms. */
static int act_merge(const act_t *a) { return agent_act_merge(a->w, a->id); }
static int act_link(const act_t *a) { return agent_act_link(a->w, a->id, true); }
static int act_unlink(const act_t *a) { return agent_act_link(a->w, a->id, false); }

static const struct action {
    const char *name;
    int (*run)(const act_t *a);
    bool takes_files; /* its form may carry attachments */
} actions[] = {
    {"claim", act_claim, false},
    {"accept", act_accept, false},
    {"reply", act_message, true},
    {"note", act_message, true},
    {"assign", act_assign, false},
    {"hand_back", act_hand_back, false},
    {"finding", act_finding, false},
    {"collab_add", act_collab_add, false},
    {"collab_remove", act_collab_remove, false},
    {"status", act_status, false},
    {"classify", act_classify, false},
    {"escalate", act_escalate, false},
    {"escalation_answer", act_escalation_answer, false},
    {"workaround", act_workaround, false},
    {"propose_solution", act_propose_solution, false},
    {"work", act_work, false},
    {"record_confirmation", act_record_confirmation, true},
    {"evaluation", act_evaluation, false},
    {"evaluation_mail", act_evaluation_mail, true},
    {"survey_phone", act_survey_phone, false},
    {"priority", act_priority, false},
    {"merge", act_merge, false},
    {"link", act_link, false},
    {"unlink", act_unlink, false},
};

static const struct action *action_named(const char *name)
{
    for (size_t i = 0; i < sizeof actions / sizeof *actions; i++)
        if (!strcmp(actions[i].name, name))
            return &actions[i];
    return NULL;
}

static const char *failure_key(int rc)
{
    switch (rc) {
    case OUTCOME_CONFLICT: return "conflict";
    case OUTCOME_FORBIDDEN: return "forbidden";
    case OUTCOME_BAD_TRANSITION: return "transition";
    case OUTCOME_REASON_REQUIRED: return "reason";
    case OUTCOME_NO_SUCH_AGENT: return "no_agent";
    case OUTCOME_NO_SUCH_TEAM: return "no_team";
    case OUTCOME_EVIDENCE_REQUIRED: return "evidence";
    case OUTCOME_APPROVAL_REQUIRED: return "approval";
    case OUTCOME_INVALID: return "invalid";
    case OUTCOME_NOT_FOUND: return "not_found";
    default: return "unavailable";
    }
}

/* An action refused for one of its text fields says what is wrong with it
 * (over its limit, a control character, not UTF-8) rather than the general
 * "check what you entered"; the text stays in its box. */
static void field_failure(web_t *w)
{
    HDF *h = w->r->hdf;
    const char *name = form_first_error(h);
    const char *err = name ? hdf_get_valuef(h, "Form.%s.error", name) : NULL;
    if (err && !strcmp(name, "minutes")) { /* the minutes spent: the number's rule */
        hdf_set_value(h, "ActionError", "field_minutes");
        return;
    }
    if (!err || (strcmp(err, "too_long") && strcmp(err, "control") && strcmp(err, "encoding")))
        return;
    hdf_set_valuef(h, "ActionError=field_%s", err);
    const char *max = hdf_get_valuef(h, "Form.%s.max", name);
    const char *chars = hdf_get_valuef(h, "Form.%s.chars", name);
    if (max && chars) {
        hdf_set_value(h, "ActionLimit.max", max);
        hdf_set_value(h, "ActionLimit.chars", chars);
    }
}

/* The free text fields of the actions' forms. */
static const char *const typed_fields[] = {
    "body", "reason", "text", "role", "impact", "plan", "steps", "expected", "risks",
    "old_serial", "new_serial", "name", "note", "suggestions", "unmet_needs", "minutes",
    "reasons", "resources", "schedule", "effort", "cycle", NULL};

/* A refused action's form comes back with what was typed in it (anything
 * that cannot be shown marked U+FFFD where it was). */
static void keep_typed(web_t *w, const char *action)
{
    for (int i = 0; typed_fields[i]; i++) {
        const char *v = req_query(w->r, typed_fields[i]);
        char *marked = v && !text_is_clean_utf8(v, strlen(v)) ? text_mark_controls(v) : NULL;
        if (v && (marked || text_is_clean_utf8(v, strlen(v))))
            hdf_set_valuef(w->r->hdf, "Form.%s.value=%s", typed_fields[i], marked ? marked : v);
        free(marked);
    }
    if (action && strlen(action) < 40 && text_is_clean_utf8(action, strlen(action)))
        hdf_set_value(w->r->hdf, "ActionFailed", action);
}

static void do_action(web_t *w, const char *arg)
{
    char number[TN_MAX], where[160];
    const char *action = req_query(w->r, "action");
    ticket_t t;
    if (!web_segment(arg, number, sizeof number))
        return agent_error_page(w, 404, "not_found");
    if (!action || !agent_csrf_ok(w)) {
        keep_typed(w, action);
        hdf_set_value(w->r->hdf, "ActionError", "expired");
        return show_ticket(w, number, 422);
    }
    int rc = ticket_by_number(w->d, number, &t);
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    long long id = t.id;
    bool visible = ticket_visible_to(w->d, ME(w), &t);
    ticket_free(&t);
    if (!visible)
        return agent_error_page(w, 404, "not_found");
    if (!strcmp(action, "reveal"))
        return do_reveal(w, number, id);
    const struct action *how = action_named(action);
    uploads_t files = {0};
    if (how && how->takes_files && files_take_uploads(w->d, w->r, &files)) {
        hdf_set_valuef(w->r->hdf, "ActionError=file_%s", files.error);
        keep_typed(w, action);
        hdf_set_value(w->r->hdf, "ActionFile", files.error_file);
        return show_ticket(w, number, files.error[0] == 's' ? 503 : 422);
    }
    act_t a = {w, w->d, ME(w), id, query_id(w, "version"), action, &files};
    rc = how ? how->run(&a) : OUTCOME_INVALID;
    if (rc != OUTCOME_OK)
        attachment_discard(w->d, &files);
    if (rc == OUTCOME_OK) {
        agent_mark_acted(w);
        const char *then = req_query(w->r, "then");
        bool moved = !strcmp(action, "reply") && then && *then;
        snprintf(where, sizeof where, "/agent/t/%s?done=%s", number, moved ? "reply_status" : action);
        return req_redirect(w->r, where);
    }
    hdf_set_value(w->r->hdf, "ActionError", failure_key(rc));
    if (rc == OUTCOME_INVALID || rc == OUTCOME_REASON_REQUIRED)
        field_failure(w);
    hdf_set_value(w->r->hdf, "ActionFailed", action);
    show_ticket(w, number, status_of(rc));
}

/* GET /agent/files/ID: an attachment of a ticket this agent may see. */
static void page_file(web_t *w, const char *arg)
{
    attachment_t a;
    ticket_t t;
    int rc = attachment_get(w->d, web_id(arg), &a);
    if (rc == OUTCOME_OK)
        rc = ticket_by_id(w->d, a.ticket_id, &t);
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    bool visible = ticket_visible_to(w->d, ME(w), &t);
    ticket_t s; /* a merged ticket's files are shown on the survivor's page */
    if (!visible && ticket_survivor(w->d, &t, &s) == OUTCOME_OK) {
        visible = ticket_visible_to(w->d, ME(w), &s);
        ticket_free(&s);
    }
    ticket_free(&t);
    if (!visible)
        return agent_error_page(w, 404, "not_found");
    files_serve_attachment(w->d, w->r, &a);
}

/* ---- approvals ---------------------------------------------------------- */

static void page_approvals(web_t *w, const char *arg)
{
    (void)arg;
    if (!agent_is_supervisor(ME(w)))
        return agent_error_page(w, 403, "forbidden");
    if (priority_requests_pending(w->d, 0, 200, add_request, w) < 0)
        return agent_error_page(w, 503, "unavailable");
    agent_set_nav(w);
    web_render(w, "agent/approvals.cs");
}

static void do_approval(web_t *w, const char *arg)
{
    const char *decision = req_query(w->r, "decision");
    if (!agent_csrf_ok(w) || !decision)
        return agent_error_page(w, 422, "expired");
    const char *note = text_field(w, "note", 1000, false);
    int rc = ticket_decide_priority(w->d, ME(w), web_id(arg), !strcmp(decision, "approve"),
                                    note && *note ? note : NULL);
    if (rc != OUTCOME_OK)
        return agent_error_page(w, status_of(rc), failure_key(rc));
    agent_mark_acted(w);
    req_redirect(w->r, !strcmp(decision, "approve") ? "/agent/approvals?done=approved"
                                                    : "/agent/approvals?done=rejected");
}

/* ---- intake on a customer's behalf ------------------------------------- */

static const char *const channels[] = {"phone", "email", "wecom", "dingtalk", "walk_in", NULL};

/* The intake form: how the request came and its kind, then the core fields
 * an agent's intake takes, with the portal's limits (ticket_fields.h); an
 * agent may take a request by phone, so the e-mail address is not required.
 * The common fields the category asks for (product, impact, ...) come from
 * lib/desk/catalog/commonfield.h. */
#define NINTAKE 32

static int intake_fields(form_field_t out[NINTAKE])
{
    int n = 0;
    out[n++] = (form_field_t){.name = "channel", .type = FT_CHOICE, .required = true,
                              .max_chars = 20, .choices = channels};
    out[n++] = (form_field_t){.name = "category", .type = FT_TEXT, .required = true,
                              .max_chars = 40};
    return n + ticket_field_rules(TF_AGENT, out + n, NINTAKE - n);
}

static void show_intake(web_t *w, int status)
{
    const char *q = req_query(w->r, "q");
    customer_hit_t hits[CUSTOMER_SEARCH_MAX];
    int n = q && search_ok(q) ? customer_search(w->d, q, hits, CUSTOMER_SEARCH_MAX) : 0;
    if (q && *q && !search_ok(q))
        search_refused(w, "Search", q);
    for (int i = 0; i < n; i++) {
        hdf_set_valuef(w->r->hdf, "Hits.%d.id=%lld", i, hits[i].id);
        hdf_set_valuef(w->r->hdf, "Hits.%d.name=%s", i, hits[i].name);
        hdf_set_valuef(w->r->hdf, "Hits.%d.organisation=%s", i, hits[i].organisation);
        char key[32];
        snprintf(key, sizeof key, "Hits.%d.tags", i);
        set_tags(w->r->hdf, key, hits[i].tags);
    }
    set_typed(w->r->hdf, "Search.q", q);
    hdf_set_int_value(w->r->hdf, "Search.done", q != NULL);
    const char *cat = req_query(w->r, "category");
    const category_t *k = catalog_category(&w->d->catalog, cat);
    if (k) {
        for (int i = 0; i < w->d->catalog.ncats; i++)
            if (&w->d->catalog.cats[i] == k)
                hdf_set_int_value(w->r->hdf, "Intake.category_index", i);
        hdf_set_value(w->r->hdf, "Intake.category", k->code);
    }
    hdf_set_valuef(w->r->hdf, "Intake.customer_id=%lld", query_id(w, "customer_id"));
    for (int i = 0; channels[i]; i++) {
        const channel_t *ch = catalog_channel(&w->d->catalog, channels[i]);
        hdf_set_valuef(w->r->hdf, "Channels.%d.code=%s", i, channels[i]);
        hdf_set_valuef(w->r->hdf, "Channels.%d.label=%s", i, ch ? ch->name[w->lang] : channels[i]);
    }
    agent_set_nav(w);
    w->r->status = status;
    web_render(w, "agent/new.cs");
}

static void page_intake(web_t *w, const char *arg)
{
    (void)arg;
    show_intake(w, 200);
}

static void do_intake(web_t *w, const char *arg)
{
    (void)arg;
    HDF *h = w->r->hdf;
    const category_t *k = catalog_category(&w->d->catalog, req_query(w->r, "category"));
    form_field_t cf[64];
    char names[64][48];
    int n = 0;
    for (int i = 0; k && i < k->nfields && n < 64; i++, n++) {
        cf[n] = k->fields[i].form;
        snprintf(names[n], 48, "cf_%s", k->fields[i].name);
        cf[n].name = names[n];
    }
    form_field_t fields[NINTAKE], common[COMMON_COUNT];
    int nf = intake_fields(fields);
    int nc = k ? common_rules(k->common, false, common) : 0;
    int errors = form_validate(h, h, fields, nf) + form_validate(h, h, common, nc) +
                 form_validate(h, h, cf, n);
    long long customer_id = query_id(w, "customer_id");
    if (!k)
        form_set_error(h, "category", "invalid_choice"), errors++;
    if (!customer_id && !form_value(h, "email") && !form_value(h, "phone"))
        form_set_error(h, "email", "contact_needed"), errors++;
    if (!agent_csrf_ok(w))
        form_set_error(h, "_form", "expired"), errors++;
    if (errors)
        return show_intake(w, 422);
    field_value_t values[64];
    for (int i = 0; i < n; i++)
        values[i] = (field_value_t){k->fields[i].id, form_value(h, names[i])};
    char submit_key[64], random[TOKEN_TEXT_LEN + 1];
    const char *sk = req_query(w->r, "submit_key");
    if (sk && strlen(sk) == TOKEN_TEXT_LEN)
        snprintf(submit_key, sizeof submit_key, "agent:%s", sk);
    else
        token_new(random), snprintf(submit_key, sizeof submit_key, "agent:%s", random);
    ticket_new_t t = {
        .channel = catalog_channel(&w->d->catalog, form_value(h, "channel")),
        .category = k,
        .submit_key = submit_key,
        .customer_id = customer_id,
        .actor = {.type = "agent", .agent_id = ME(w)->id, .name = ME(w)->name},
        .values = values,
        .nvalues = n,
    };
    ticket_view_take(h, TF_AGENT, &t);
    t.language = "zh";
    ticket_receipt_t rec;
    int rc = ticket_create(w->d, &t, &rec);
    if (rc != OUTCOME_OK) {
        form_set_error(h, "_form", rc == OUTCOME_INVALID   ? "unknown_customer"
                                   : rc == OUTCOME_UNKNOWN ? "save_unknown_agent"
                                                          : "save_failed");
        return show_intake(w, status_of(rc));
    }
    char where[96];
    agent_mark_acted(w);
    snprintf(where, sizeof where, "/agent/t/%s?done=created", rec.number);
    req_redirect(w->r, where);
}

/* ---- failed notifications (admins) ------------------------------------ */

static void page_outbox(web_t *w, const char *arg)
{
    (void)arg;
    if (ME(w)->role != ROLE_ADMIN)
        return agent_error_page(w, 403, "forbidden");
    outbox_failed_t *list = malloc(sizeof *list * 200);
    int n = list ? outbox_failed_list(w->d, list, 200) : -1;
    if (n < 0) {
        free(list);
        return agent_error_page(w, 503, "unavailable");
    }
    for (int i = 0; i < n; i++) {
        char key[48];
        hdf_set_valuef(w->r->hdf, "Failed.%d.id=%lld", i, list[i].id);
        hdf_set_valuef(w->r->hdf, "Failed.%d.kind=%s", i, list[i].kind);
        hdf_set_valuef(w->r->hdf, "Failed.%d.channel=%s", i, list[i].channel);
        hdf_set_valuef(w->r->hdf, "Failed.%d.recipient=%s", i, list[i].recipient);
        hdf_set_valuef(w->r->hdf, "Failed.%d.subject=%s", i, list[i].subject);
        hdf_set_valuef(w->r->hdf, "Failed.%d.error=%s", i, list[i].last_error);
        hdf_set_valuef(w->r->hdf, "Failed.%d.attempts=%lld", i, list[i].attempts);
        snprintf(key, sizeof key, "Failed.%d.at", i);
        tpl_set_time(w->r->hdf, key, list[i].failed_at);
    }
    free(list);
    agent_set_nav(w);
    web_render(w, "agent/outbox.cs");
}

static void do_outbox_retry(web_t *w, const char *arg)
{
    if (ME(w)->role != ROLE_ADMIN)
        return agent_error_page(w, 403, "forbidden");
    if (!agent_csrf_ok(w))
        return agent_error_page(w, 422, "expired");
    int rc = outbox_retry(w->d, web_id(arg));
    if (rc < 0)
        return agent_error_page(w, 503, "unavailable");
    req_redirect(w->r, rc == 1 ? "/agent/outbox?done=retry" : "/agent/outbox");
}

/* ---- progress tracking table ------------------------------------------ */

static void read_progress_filter(web_t *w, progress_filter_t *f)
{
    memset(f, 0, sizeof *f);
    f->team_id = query_id(w, "team");
    f->category_id = query_id(w, "category");
    f->priority_id = query_id(w, "priority");
    f->owner_id = query_id(w, "owner");
    const char *s = req_query(w->r, "status"), *from = req_query(w->r, "from"),
               *to = req_query(w->r, "to");
    if (s && ticket_status_parse(s) >= 0)
        snprintf(f->status, sizeof f->status, "%s", s);
    f->from = from && *from ? form_parse_local_time(from) : 0;
    f->to = to && *to ? form_parse_local_time(to) : 0;
    if (f->to)
        f->to += 24 * 3600; /* "to" names a whole day */
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Filter.team=%lld", f->team_id);
    hdf_set_valuef(h, "Filter.category=%lld", f->category_id);
    hdf_set_valuef(h, "Filter.priority=%lld", f->priority_id);
    hdf_set_valuef(h, "Filter.owner=%lld", f->owner_id);
    hdf_set_value(h, "Filter.status", f->status);
    hdf_set_value(h, "Filter.from", f->from ? from : "");
    hdf_set_value(h, "Filter.to", f->to ? to : "");
}

static const char *met_code(int m)
{
    return m == 1 ? "met" : m == 0 ? "missed" : m == -1 ? "open" : "none";
}

/* A deadline of the progress table: once done, met or missed (and how
 * late); while open, a chip with the time left or over; paused while the
 * ticket waits on the customer or a third party. */
static void set_deadline(web_t *w, const char *key, time_t due, time_t done, bool paused)
{
    HDF *h = w->r->hdf;
    char k[96];
    if (!due || done || paused) {
        tpl_set_time(h, key, due);
        hdf_set_valuef(h, "%s.state=%s", key, !due ? "none" : done ? "done" : "paused");
    } else
        agent_set_due(w, key, due);
    hdf_set_valuef(h, "%s.met=%s", key, met_code(progress_met(due, done, desk_now(w->d))));
    if (due && done > due) {
        snprintf(k, sizeof k, "%s.late", key);
        tpl_set_span(h, k, (done - due) / 60);
    }
}

static void page_progress(web_t *w, const char *arg)
{
    (void)arg;
    progress_filter_t f;
    read_progress_filter(w, &f);
    progress_page_t *page = malloc(sizeof *page);
    if (!page || progress_list(w->d, ME(w), &f, req_query(w->r, "after"), page)) {
        free(page);
        return agent_error_page(w, 503, "unavailable");
    }
    HDF *h = w->r->hdf;
    for (int i = 0; i < page->n; i++) {
        const progress_row_t *r = &page->rows[i];
        char key[64];
        set_row(w, i, r->number, r->subject, r->customer, r->category_id, r->priority_id, r->status,
                r->owner);
        snprintf(key, sizeof key, "Rows.%d.created", i);
        tpl_set_time(h, key, r->created_at);
        int st = ticket_status_parse(r->status);
        bool done = st >= 0 && ticket_status_done((ticket_status_t)st);
        snprintf(key, sizeof key, "Rows.%d.first", i); /* a resolution answered too */
        set_deadline(w, key, r->first_response_due_at,
                     r->first_responded_at ? r->first_responded_at : done ? r->resolved_at : 0,
                     false);
        snprintf(key, sizeof key, "Rows.%d.resolve", i);
        set_deadline(w, key, r->resolution_due_at, r->resolved_at,
                     st >= 0 && ticket_status_paused((ticket_status_t)st));
        snprintf(key, sizeof key, "Rows.%d.updated", i);
        tpl_set_time(h, key, r->updated_at);
        snprintf(key, sizeof key, "Rows.%d.spent", i);
        tpl_set_span(h, key, r->minutes_spent);
        hdf_set_valuef(h, "Rows.%d.spent_minutes=%lld", i, r->minutes_spent);
    }
    if (page->more)
        hdf_set_value(h, "Next", page->next_cursor);
    free(page);
    set_agents(w);
    const char *qs = req_env(w->r, "QUERY_STRING");
    hdf_set_value(h, "QueryString", qs ? qs : "");
    agent_set_nav(w);
    web_render(w, "agent/progress.cs");
}

static void csv_time(FILE *out, time_t t)
{
    char buf[32] = "";
    struct tm tm;
    if (t)
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", localtime_r(&t, &tm));
    csv_cell(out, buf);
}

static void csv_row(web_t *w, FILE *out, const progress_row_t *r, time_t now)
{
    const category_t *k = catalog_category_by_id(&w->d->catalog, r->category_id);
    const priority_t *p = catalog_priority_by_id(&w->d->catalog, r->priority_id);
    char key[48];
    csv_cell(out, r->number), fputc(',', out);
    csv_cell(out, r->customer), fputc(',', out);
    csv_cell(out, r->subject), fputc(',', out);
    csv_cell(out, k ? k->name[w->lang] : ""), fputc(',', out);
    csv_cell(out, p ? p->name[w->lang] : ""), fputc(',', out);
    snprintf(key, sizeof key, "Status.%s", r->status);
    csv_cell(out, texts_get(&w->d->texts, w->lang, key)), fputc(',', out);
    csv_cell(out, r->owner), fputc(',', out);
    csv_time(out, r->created_at), fputc(',', out);
    csv_time(out, r->first_response_due_at), fputc(',', out);
    csv_time(out, r->first_responded_at), fputc(',', out);
    snprintf(key, sizeof key, "Agent.Met.%s",
             met_code(progress_met(r->first_response_due_at, r->first_responded_at, now)));
    csv_cell(out, texts_get(&w->d->texts, w->lang, key)), fputc(',', out);
    csv_time(out, r->resolution_due_at), fputc(',', out);
    csv_time(out, r->resolved_at), fputc(',', out);
    snprintf(key, sizeof key, "Agent.Met.%s",
             met_code(progress_met(r->resolution_due_at, r->resolved_at, now)));
    csv_cell(out, texts_get(&w->d->texts, w->lang, key)), fputc(',', out);
    fprintf(out, "%lld", r->minutes_spent);
    fputs("\r\n", out);
}

/* The rows of the filter, page after page, up to Progress.CsvMaxRows;
 * 0, or -1 when the database failed. */
static int csv_rows(web_t *w, const progress_filter_t *f, FILE *out)
{
    progress_page_t *page = malloc(sizeof *page);
    time_t now = desk_now(w->d);
    char cursor[48] = "";
    long limit = config_get_int(&w->d->cfg, CFG_PROGRESS_CSV_MAX_ROWS);
    int rc = page ? 0 : -1;
    for (long rows = 0; !rc && rows < limit;) {
        if (progress_list(w->d, ME(w), f, cursor, page)) {
            rc = -1;
            break;
        }
        for (int i = 0; i < page->n; i++, rows++)
            csv_row(w, out, &page->rows[i], now);
        if (!page->more)
            break;
        snprintf(cursor, sizeof cursor, "%s", page->next_cursor);
    }
    free(page);
    return rc;
}

static void page_progress_csv(web_t *w, const char *arg)
{
    (void)arg;
    progress_filter_t f;
    read_progress_filter(w, &f);
    char *csv = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&csv, &len);
    if (!out)
        return agent_error_page(w, 503, "unavailable");
    fputs("\xEF\xBB\xBF", out); /* BOM: Excel then reads the file as UTF-8 */
    fputs(texts_get(&w->d->texts, w->lang, "Agent.CsvHeader"), out);
    fputs("\r\n", out);
    int rc = csv_rows(w, &f, out);
    if (fclose(out) != 0)
        rc = -1;
    if (rc == 0)
        string_appendn(&w->r->body, csv, (int)len);
    free(csv);
    if (rc)
        return agent_error_page(w, 503, "unavailable");
    w->r->content_type = "text/csv; charset=utf-8";
    req_header(w->r, "Content-Disposition", "attachment; filename=\"progress.csv\"");
}

static const web_route_t open_routes[] = {
    {"GET", "/agent/login", page_login},
    {"POST", "/agent/login", do_login},
    {"GET", "/agent/health", web_health},
};

static const web_route_t routes[] = {
    {"GET", "/agent/", page_home},
    {"GET", "/agent/search", page_search},
    {"POST", "/agent/logout", do_logout},
    {"GET", "/agent/q/*", page_queue},
    {"GET", "/agent/rnd", agent_page_rnd},
    {"GET", "/agent/t/*", page_ticket},
    {"GET", "/agent/t/*/acceptance", agent_page_acceptance},
    {"GET", "/agent/t/*/solution", page_solution},
    {"GET", "/agent/t/*/evaluation", page_evaluation},
    {"GET", "/agent/t/*/evaluation/print", agent_page_evaluation_print},
    {"GET", "/agent/files/*", page_file},
    {"POST", "/agent/t/*/act", do_action},
    {"GET", "/agent/approvals", page_approvals},
    {"POST", "/agent/approvals/*", do_approval},
    {"GET", "/agent/new", page_intake},
    {"POST", "/agent/new", do_intake},
    {"GET", "/agent/progress", page_progress},
    {"GET", "/agent/outbox", page_outbox},
    {"POST", "/agent/outbox/*/retry", do_outbox_retry},
    {"GET", "/agent/progress.csv", page_progress_csv},
    {"GET", "/agent/stats", agent_page_stats},
    {"GET", "/agent/stats.csv", agent_page_stats_csv},
    {"GET", "/agent/stats.xlsx", agent_page_stats_xlsx},
    {"GET", "/agent/stats/tickets", agent_page_stats_tickets},
    {"GET", "/agent/stats/quality.csv", agent_page_stats_quality_csv},
    {"GET", "/agent/stats/quality/tickets", agent_page_stats_quality_tickets},
    {"GET", "/agent/coordination", agent_page_coordination},
    {"GET", "/agent/coordination/tickets", agent_page_coordination_tickets},
    {"GET", "/agent/stats/reports", agent_page_stats_reports},
    {"POST", "/agent/stats/reports", agent_do_stats_snapshot},
    {"GET", "/agent/stats/reports/*", agent_page_stats_report},
    {"POST", "/agent/stats/reports/*", agent_do_stats_report},
    {"POST", "/agent/stats/reports/*/recount", agent_do_stats_recount},
    {"GET", "/agent/stats/reports/*/workbook", agent_page_stats_report_xlsx},
    {"GET", "/agent/availability", agent_page_availability},
    {"POST", "/agent/availability", agent_do_availability},
    {"GET", "/agent/problems", agent_page_problems},
    {"GET", "/agent/problems/new", agent_page_problem_new},
    {"POST", "/agent/problems/new", agent_do_problem_new},
    {"GET", "/agent/problems/*", agent_page_problem},
    {"GET", "/agent/problems/*/edit", agent_page_problem_edit},
    {"POST", "/agent/problems/*/edit", agent_do_problem_edit},
    {"POST", "/agent/problems/*/act", agent_do_problem_act},
    {"GET", "/agent/meetings", agent_page_meetings},
    {"GET", "/agent/meetings/new", agent_page_meeting_new},
    {"POST", "/agent/meetings/new", agent_do_meeting_new},
    {"GET", "/agent/meetings/*", agent_page_meeting},
    {"GET", "/agent/meetings/*/edit", agent_page_meeting_edit},
    {"POST", "/agent/meetings/*/edit", agent_do_meeting_edit},
    {"POST", "/agent/meetings/*/cancel", agent_do_meeting_cancel},
    {"POST", "/agent/meetings/*/held", agent_do_meeting_held},
    {"GET", "/agent/meetings/*/pack", agent_page_meeting_pack},
    {"GET", "/agent/minutes", agent_page_minutes_list},
    {"GET", "/agent/minutes/new", agent_page_minutes_new},
    {"POST", "/agent/minutes/new", agent_do_minutes_new},
    {"GET", "/agent/minutes/*", agent_page_minutes},
    {"GET", "/agent/minutes/*/edit", agent_page_minutes_edit},
    {"POST", "/agent/minutes/*/edit", agent_do_minutes_edit},
    {"POST", "/agent/minutes/*/act", agent_do_minutes_act},
    {"GET", "/agent/actions", agent_page_actions},
    {"GET", "/agent/actions/*", agent_page_action},
    {"POST", "/agent/actions/*/step", agent_do_action_step},
    {"POST", "/agent/actions/*/note", agent_do_action_note},
    {"GET", "/agent/evidence/*", agent_page_evidence},
    {"GET", "/agent/emergencies", agent_page_emergencies},
    {"GET", "/agent/emergencies/new", agent_page_emergency_new},
    {"POST", "/agent/emergencies/new", agent_do_emergency_new},
    {"GET", "/agent/emergencies/*", agent_page_emergency},
    {"POST", "/agent/emergencies/*/act", agent_do_emergency_act},
    {"GET", "/agent/drills", agent_page_drills},
    {"GET", "/agent/drills/new", agent_page_drill_new},
    {"POST", "/agent/drills/new", agent_do_drill_new},
    {"GET", "/agent/drills/*", agent_page_drill},
};

/* For the admin console (agent/web.h). */

static void route_error(web_t *w, int status)
{
    agent_error_page(w, status, status == 405 ? "method" : "not_found");
}

static void open_route_miss(web_t *w, int status)
{
    (void)status;
    w->r->status = 0; /* not an open route: the signed-in routes decide */
}

static void handle(FCGX_Request *fx, void *ctx)
{
    site_t *site = ctx;
    desk_t *d = &site->desk;
    req_t r;
    session_t s;
    memset(&s, 0, sizeof s);
    int status = req_start(&r, fx, &site->limits, true);
    web_t w = {.r = &r, .site = site, .d = d, .lang = d->default_lang, .ctx = &s};
    const char *lc = req_cookie(&r, "lang");
    if (lc)
        w.lang = lang_parse(lc);
    if (status)
        agent_error_page(&w, status, status == 413 ? "too_large" : "bad_request");
    else {
        web_dispatch(&w, open_routes, sizeof open_routes / sizeof *open_routes, open_route_miss);
        if (r.status == 0) {
            r.status = 200;
            if (agent_signed_in(&w, &s))
                web_dispatch(&w, routes, sizeof routes / sizeof *routes, route_error);
        }
    }
    sodium_memzero(&s, sizeof s);
    req_finish(&r);
}

int main(int argc, char **argv)
{
    static const program_t p = {"agent", "Agent", pages, handle, false};
    return program_main(argc, argv, &p);
}
