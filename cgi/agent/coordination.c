/* agent_coordination: the weekly coordination view (周协调会视图,
 * lib/desk/stats/coord.h), for Monday's after-sales coordination meeting.
 *
 *   GET /agent/coordination          ?at=YYYY-MM-DD: the week holding that
 *                                    day (Monday to Sunday in the desk's
 *                                    zone; this week by default)
 *   GET /agent/coordination/tickets  ?fig=F&team=T&at=...: the tickets
 *                                    behind a number, in keyset pages
 *
 * Supervisors, directors and admins see every team; an agent sees their
 * own teams only. Per team: the coord.h figures, the problem records not
 * closed with tickets of the team (lib/desk/review/problem.h) and the
 * department's improvement actions past their deadline
 * (lib/desk/review/action.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/coordination.h"
#include "agent/stats.h"
#include "core/log.h"
#include "desk/review/action.h"
#include "desk/review/problem.h"
#include "desk/stats/coord.h"
#include "web/form.h"

enum { X_PROBLEMS = CF_COUNT, X_ACTIONS, X_COUNT };
static const char *const extra_codes[] = {"problems", "actions"};

typedef struct coord_view {
    coord_row_t rows[COORD_TEAMS_MAX];
    long long extra[COORD_TEAMS_MAX][2];
    int n;
} coord_view_t;

static const form_field_t fields[] = {
    {.name = "at", .type = FT_DATE},
    {.name = "fig", .type = FT_CHOICE, .max_chars = 16, .choices = coord_fig_codes},
    {.name = "team", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "after", .type = FT_INTEGER, .max = WEB_ID_MAX},
};

/* The week asked for; OUTCOME_OK or OUTCOME_INVALID. */
static int read_week(web_t *w, stats_period_t *p)
{
    if (form_validate(w->r->hdf, w->r->hdf, fields, sizeof fields / sizeof *fields))
        return OUTCOME_INVALID;
    const char *at = form_value(w->r->hdf, "at");
    return stats_period_make(SK_WEEK, at, NULL, desk_now(w->d), p) ? OUTCOME_INVALID
                                                                   : OUTCOME_OK;
}

static bool sees_team(web_t *w, long long team)
{
    return agent_is_supervisor(ME(w)) || (team && agent_in_team(ME(w), team));
}

static int slot(coord_view_t *v, long long team)
{
    for (int i = 0; i < v->n; i++)
        if (v->rows[i].team_id == team)
            return i;
    if (v->n >= COORD_TEAMS_MAX)
        return -1;
    memset(&v->rows[v->n], 0, sizeof v->rows[v->n]);
    v->extra[v->n][0] = v->extra[v->n][1] = 0;
    v->rows[v->n].team_id = team;
    return v->n++;
}

typedef struct extra_ctx {
    coord_view_t *v;
    int k;
} extra_ctx_t;

static void add_extra(long long team, long long n, void *ctx)
{
    extra_ctx_t *x = ctx;
    int i = slot(x->v, team);
    if (i >= 0)
        x->v->extra[i][x->k] = n;
}

/* The end's day, "YYYY-MM-DD" in the desk's zone: the actions due before
 * it are overdue at the end. */
static void end_day(time_t end, char out[11])
{
    struct tm tm;
    localtime_r(&end, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

static int load(web_t *w, const stats_period_t *p, coord_view_t *v)
{
    time_t now = desk_now(w->d), end = coord_end(p, now);
    /* every team in scope has its row, figures or not */
    const catalog_t *c = &w->d->catalog;
    for (int i = 0; i < c->nteams; i++)
        if (sees_team(w, c->teams[i].id))
            slot(v, c->teams[i].id);
    if (coord_figures(w->d, p, now, v->rows, &v->n, COORD_TEAMS_MAX))
        return -1;
    char day[11];
    end_day(end, day);
    extra_ctx_t xp = {v, 0}, xa = {v, 1};
    if (problem_open_by_team(w->d, end, add_extra, &xp) < 0 ||
        action_overdue_by_team(w->d, day, add_extra, &xa) < 0)
        return -1;
    return 0;
}

static void set_week(web_t *w, const stats_period_t *p)
{
    HDF *h = w->r->hdf;
    char first[11], last[11];
    stats_period_days(p, first, last);
    hdf_set_value(h, "Week.first", first);
    hdf_set_value(h, "Week.last", last);
    time_t now = desk_now(w->d);
    tpl_set_time(h, "Week.asof", coord_end(p, now));
    hdf_set_int_value(h, "Week.current", p->from <= now && now < p->to);
    stats_period_t other;
    stats_period_previous(p, &other);
    stats_period_days(&other, first, last);
    hdf_set_value(h, "Week.prev", first);
    if (p->to <= now) {
        struct tm tm;
        localtime_r(&p->to, &tm);
        strftime(first, sizeof first, "%Y-%m-%d", &tm);
        hdf_set_value(h, "Week.next", first);
    }
}

/* Teams.N.*, Figs.N, Total.* and Week.* of week p: 0 or -1. */
static int set_view(web_t *w, const stats_period_t *p)
{
    coord_view_t *v = calloc(1, sizeof *v);
    if (!v || load(w, p, v)) {
        free(v);
        return -1;
    }
    HDF *h = w->r->hdf;
    long long total[X_COUNT] = {0};
    int shown = 0;
    for (int i = 0; i < v->n; i++) {
        const coord_row_t *r = &v->rows[i];
        if (!sees_team(w, r->team_id))
            continue;
        const team_t *t = catalog_team_by_id(&w->d->catalog, r->team_id);
        long long any = v->extra[i][0] + v->extra[i][1];
        for (int f = 0; f < CF_COUNT; f++)
            any += r->n[f];
        if (!t && !any)
            continue;
        hdf_set_valuef(h, "Teams.%d.id=%lld", shown, r->team_id);
        hdf_set_valuef(h, "Teams.%d.name=%s", shown, t ? t->name[w->lang] : "");
        for (int f = 0; f < X_COUNT; f++) {
            long long n = f < CF_COUNT ? r->n[f] : v->extra[i][f - CF_COUNT];
            const char *code = f < CF_COUNT ? coord_fig_codes[f] : extra_codes[f - CF_COUNT];
            hdf_set_valuef(h, "Teams.%d.%s=%lld", shown, code, n);
            total[f] += n;
        }
        shown++;
    }
    free(v);
    for (int f = 0; f < X_COUNT; f++) {
        const char *code = f < CF_COUNT ? coord_fig_codes[f] : extra_codes[f - CF_COUNT];
        hdf_set_valuef(h, "Figs.%d=%s", f, code);
        hdf_set_valuef(h, "Total.%s=%lld", code, total[f]);
    }
    hdf_set_int_value(h, "Total.show", agent_is_supervisor(ME(w)) && shown > 1);
    set_week(w, p);
    return 0;
}

void agent_page_coordination(web_t *w, const char *arg)
{
    (void)arg;
    stats_period_t p;
    int rc = read_week(w, &p);
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    if (set_view(w, &p))
        return agent_fail(w, OUTCOME_UNAVAILABLE);
    agent_set_nav(w);
    web_render(w, "agent/coordination.cs");
}

/* The week a weekly meeting starting at starts goes through: the last
 * whole week before its day ("YYYY-MM-DD" of a day in it). */
static void meeting_week(time_t starts, char out[11])
{
    struct tm tm;
    localtime_r(&starts, &tm);
    tm.tm_mday -= 7, tm.tm_hour = 12, tm.tm_min = tm.tm_sec = 0, tm.tm_isdst = -1;
    time_t t = mktime(&tm);
    localtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

void agent_coordination_meeting(web_t *w, const char *kind, time_t starts, bool table)
{
    if (strcmp(kind, "weekly"))
        return;
    char at[11];
    stats_period_t p;
    meeting_week(starts, at);
    hdf_set_value(w->r->hdf, "Coord.at", at);
    if (table && !stats_period_make(SK_WEEK, at, NULL, desk_now(w->d), &p) && set_view(w, &p))
        log_error("coordination view of the week of %s not read", at);
}

void agent_page_coordination_tickets(web_t *w, const char *arg)
{
    (void)arg;
    stats_period_t p;
    int rc = read_week(w, &p);
    int fig = coord_fig_parse(form_value(w->r->hdf, "fig"));
    long long team = form_int(w->r->hdf, "team");
    if (rc == OUTCOME_OK && fig < 0)
        rc = OUTCOME_INVALID;
    if (rc == OUTCOME_OK && !sees_team(w, team))
        rc = OUTCOME_FORBIDDEN;
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    stats_tickets_t *page = malloc(sizeof *page);
    if (!page || coord_tickets(w->d, (coord_fig_t)fig, team, &p, desk_now(w->d),
                               form_int(w->r->hdf, "after"), page)) {
        free(page);
        return agent_fail(w, OUTCOME_UNAVAILABLE);
    }
    HDF *h = w->r->hdf;
    const catalog_t *c = &w->d->catalog;
    agent_stats_ticket_rows(w, page);
    free(page);
    const team_t *tm = catalog_team_by_id(c, team);
    hdf_set_value(h, "Drill.fig", coord_fig_codes[fig]);
    hdf_set_valuef(h, "Drill.team=%lld", team);
    hdf_set_value(h, "Drill.team_name", tm ? tm->name[w->lang] : "");
    set_week(w, &p);
    agent_set_nav(w);
    web_render(w, "agent/coordination_tickets.cs");
}
