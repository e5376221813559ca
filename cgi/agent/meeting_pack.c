/* agent_meeting_pack: a meeting's material pack (会前资料), put together by
 * the desk for its attendees to read beforehand and to print on A4:
 *
 *   GET /agent/meetings/ID/pack
 *
 * The meeting (time, place, organiser, agenda, attendees); each problem
 * record it reviews (symptoms, impact, the 5-Why chain, conclusion,
 * workaround, permanent fix) with the tickets it was made from, each with
 * its full record (fields, thread and status history, internal notes too);
 * and the statistics of the period before the meeting (the week before a
 * weekly coordination, the month before a review, the quarter before a
 * drill), within the reader's statistics scope. Those who may see the
 * meeting (lib/desk/review/meeting.h: managers, its organiser and attendees)
 * read it; anyone else gets 403, an unknown meeting 404. No contact details
 * are printed: a ticket's e-mail and phone stay behind the ticket page's
 * recorded reveal, whoever reads the pack. */
#include <stdio.h>
#include <string.h>

#include "agent/coordination.h"
#include "agent/web.h"
#include "desk/review/meeting.h"
#include "desk/review/problem.h"
#include "desk/stats/report.h"
#include "desk/ticket/ticket_fields.h"
#include "web/ticket_view.h"

#define PACK_TICKETS_MAX 60

typedef struct pack {
    web_t *w;
    HDF *node; /* the problem's node (Pack.Problems.N) */
    int tickets;
} pack_t;

static void add_attendee(long long person, const char *name, const char *teams, void *ctx)
{
    HDF *h = ctx;
    int i = hdf_get_int_value(h, "AttendeeCount", 0);
    hdf_set_valuef(h, "Attendees.%d.id=%lld", i, person);
    hdf_set_valuef(h, "Attendees.%d.name=%s", i, name);
    hdf_set_valuef(h, "Attendees.%d.teams=%s", i, teams);
    hdf_set_int_value(h, "AttendeeCount", i + 1);
}

/* One ticket's whole record under the problem's node (Tickets.N). */
static void add_ticket(const char *number, const char *subject, const char *status, void *ctx)
{
    (void)subject;
    (void)status;
    pack_t *p = ctx;
    if (p->tickets >= PACK_TICKETS_MAX)
        return;
    ticket_t t;
    if (ticket_by_number(p->w->d, number, &t) != OUTCOME_OK)
        return;
    int i = hdf_get_int_value(p->node, "TicketCount", 0);
    char key[32];
    snprintf(key, sizeof key, "Tickets.%d", i);
    hdf_set_valuef(p->node, "Tickets.%d.number=%s", i, t.number);
    HDF *n = hdf_get_obj(p->node, key);
    hdf_set_value(n, "Ticket.status", t.status);
    ticket_view_values(n, &t, TF_SEE_AGENT); /* no contact details among them */
    tpl_set_time(n, "Ticket.created_at", t.created_at);
    tpl_set_time(n, "Ticket.resolved_at", t.resolved_at);
    ticket_each_value(p->w->d, &t, p->w->lang, web_add_value, n);
    ticket_each_event(p->w->d, t.id, false, web_add_event, n);
    ticket_free(&t);
    hdf_set_int_value(p->node, "TicketCount", i + 1);
    p->tickets++;
}

static void add_problem(long long id, const char *title, const char *status, void *ctx)
{
    (void)title;
    (void)status;
    pack_t *p = ctx;
    HDF *h = p->w->r->hdf;
    problem_t r;
    if (problem_get(p->w->d, id, false, &r) != OUTCOME_OK)
        return;
    int i = hdf_get_int_value(h, "Pack.ProblemCount", 0);
    char key[40], number[16];
    snprintf(key, sizeof key, "Pack.Problems.%d", i);
    problem_number(id, number);
    hdf_set_valuef(h, "Pack.Problems.%d.number=%s", i, number);
    HDF *n = hdf_get_obj(h, key);
    hdf_set_valuef(n, "id=%lld", id);
    hdf_set_value(n, "title", r.title);
    hdf_set_value(n, "status", problem_status_code(r.status));
    hdf_set_value(n, "owner", r.owner_name);
    hdf_set_value(n, "symptoms", r.symptoms ? r.symptoms : "");
    hdf_set_value(n, "impact", r.impact ? r.impact : "");
    hdf_set_value(n, "conclusion", r.conclusion ? r.conclusion : "");
    hdf_set_value(n, "workaround", r.workaround ? r.workaround : "");
    hdf_set_value(n, "permanent_fix", r.permanent_fix ? r.permanent_fix : "");
    for (int k = 0; k < r.nwhys; k++) {
        hdf_set_valuef(n, "Whys.%d.why=%s", k, r.whys[k].why ? r.whys[k].why : "");
        hdf_set_valuef(n, "Whys.%d.because=%s", k, r.whys[k].because ? r.whys[k].because : "");
    }
    problem_free(&r);
    p->node = n;
    problem_each_ticket(p->w->d, id, add_ticket, p);
    hdf_set_int_value(h, "Pack.ProblemCount", i + 1);
}

/* The statistics of the period before the meeting, for its kind. */
static void add_stats(web_t *w, const meeting_t *m)
{
    stats_kind_t k = !strcmp(m->kind, "weekly") ? SK_WEEK
                     : !strcmp(m->kind, "drill") ? SK_QUARTER
                                                 : SK_MONTH;
    char day[11];
    struct tm tm;
    strftime(day, sizeof day, "%Y-%m-%d", localtime_r(&m->starts_at, &tm));
    stats_period_t at, before;
    stats_filter_t f = {0};
    stats_summary_t s;
    time_t now = desk_now(w->d);
    if (stats_period_make(k, day, NULL, now, &at) || stats_scope(ME(w), &f) != OUTCOME_OK)
        return;
    stats_period_previous(&at, &before);
    if (before.from >= now || stats_summary(w->d, &f, &before, now, &s) != OUTCOME_OK)
        return;
    HDF *h = w->r->hdf;
    char first[11], last[11];
    stats_period_days(&before, first, last);
    hdf_set_value(h, "Pack.Stats.kind", stats_kind_code(k));
    hdf_set_value(h, "Pack.Stats.first", first);
    hdf_set_value(h, "Pack.Stats.last", last);
    hdf_set_valuef(h, "Pack.Stats.created=%lld", s.created);
    hdf_set_valuef(h, "Pack.Stats.closed=%lld", s.closed);
    hdf_set_valuef(h, "Pack.Stats.reopened=%lld", s.reopened);
    hdf_set_valuef(h, "Pack.Stats.backlog_end=%lld", s.backlog_end);
    hdf_set_valuef(h, "Pack.Stats.fr_met=%lld", s.sla_first_response.met);
    hdf_set_valuef(h, "Pack.Stats.fr_breached=%lld", s.sla_first_response.breached);
    hdf_set_valuef(h, "Pack.Stats.res_met=%lld", s.sla_resolution.met);
    hdf_set_valuef(h, "Pack.Stats.res_breached=%lld", s.sla_resolution.breached);
    tpl_set_duration(h, "Pack.Stats.resolution_median", s.resolution.median / 60);
    hdf_set_int_value(h, "Pack.Stats.shown", 1);
}

void agent_page_meeting_pack(web_t *w, const char *arg)
{
    char seg[24];
    long long id = web_segment(arg, seg, sizeof seg) ? web_id(seg) : 0;
    meeting_t m;
    bool visible = false;
    int rc = id ? meeting_get(w->d, id, &m) : OUTCOME_NOT_FOUND;
    bool loaded = rc == OUTCOME_OK;
    if (loaded && (rc = meeting_visible(w->d, ME(w), &m, &visible)) == OUTCOME_OK && !visible)
        rc = OUTCOME_FORBIDDEN;
    if (rc != OUTCOME_OK) {
        if (loaded)
            meeting_free(&m);
        return agent_fail(w, rc);
    }
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Meeting.id=%lld", m.id);
    hdf_set_value(h, "Meeting.kind", m.kind);
    hdf_set_value(h, "Meeting.status", m.status);
    hdf_set_value(h, "Meeting.title", m.title);
    hdf_set_value(h, "Meeting.location", m.location);
    hdf_set_value(h, "Meeting.agenda", m.agenda ? m.agenda : "");
    hdf_set_value(h, "Meeting.organiser", m.organiser);
    hdf_set_valuef(h, "Meeting.duration=%lld", m.duration_minutes);
    tpl_set_time(h, "Meeting.starts_at", m.starts_at);
    agent_coordination_meeting(w, m.kind, m.starts_at, true);
    tpl_set_time(h, "Pack.made_at", desk_now(w->d));
    add_stats(w, &m);
    meeting_free(&m);
    pack_t p = {w, NULL, 0};
    if (meeting_each_attendee(w->d, id, w->lang, add_attendee, h) < 0 ||
        meeting_each_problem(w->d, id, add_problem, &p) < 0)
        return agent_error_page(w, 503, "unavailable");
    hdf_set_int_value(h, "Page.Doc", 1);
    agent_set_nav(w);
    web_render(w, "agent/meeting_pack.cs");
}
