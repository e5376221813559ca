/* The R&D desk: GET /agent/rnd[?team=ID&after=CURSOR], the queue of the
 * escalations to an R&D team (lib/desk/ticket/escalation.h) for its members
 * and supervisors; and the escalation block of the ticket page. Anyone else
 * is answered as for a page that does not exist. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/web.h"
#include "core/tpl.h"
#include "desk/catalog/catalog.h"
#include "desk/ticket/escalation.h"

/* Teams.N.{id,name}: the R&D teams whose queue this person may read; the
 * one asked for (or the first) is returned, 0 when none. */
static long long rnd_teams(web_t *w, long long wanted)
{
    const agent_t *me = ME(w);
    const catalog_t *c = &w->d->catalog;
    long long chosen = 0, first = 0;
    int n = 0;
    for (int i = 0; i < c->nteams; i++) {
        const team_t *t = &c->teams[i];
        if (!t->answers_escalations || (!agent_is_supervisor(me) && !agent_in_team(me, t->id)))
            continue;
        hdf_set_valuef(w->r->hdf, "Rnd.Teams.%d.id=%lld", n, t->id);
        hdf_set_valuef(w->r->hdf, "Rnd.Teams.%d.name=%s", n++, t->name[w->lang]);
        if (!first)
            first = t->id;
        if (t->id == wanted)
            chosen = t->id;
    }
    return wanted ? chosen : first;
}

static void set_row(web_t *w, int i, const escalation_row_t *r)
{
    HDF *h = w->r->hdf;
    char key[48];
    const priority_t *p = catalog_priority_by_id(&w->d->catalog, r->priority_id);
    hdf_set_valuef(h, "Rows.%d.number=%s", i, r->number);
    hdf_set_valuef(h, "Rows.%d.subject=%s", i, r->subject);
    hdf_set_valuef(h, "Rows.%d.status=%s", i, r->status);
    hdf_set_valuef(h, "Rows.%d.priority=%s", i, p ? p->code : "");
    hdf_set_valuef(h, "Rows.%d.owner=%s", i, r->owner);
    hdf_set_valuef(h, "Rows.%d.by=%s", i, r->requested_by);
    hdf_set_valuef(h, "Rows.%d.reason=%s", i, r->reason);
    hdf_set_valuef(h, "Rows.%d.impact=%s", i, r->impact);
    snprintf(key, sizeof key, "Rows.%d.expected", i);
    tpl_set_time(h, key, r->expected_at);
    snprintf(key, sizeof key, "Rows.%d.asked", i);
    tpl_set_time(h, key, r->created_at);
    snprintf(key, sizeof key, "Rows.%d.answered", i);
    tpl_set_time(h, key, r->answered_at);
    snprintf(key, sizeof key, "Rows.%d.due", i);
    if (r->answered_at)
        tpl_set_time(h, key, r->answer_due_at);
    else
        agent_set_due(w, key, r->answer_due_at);
}

void agent_page_rnd(web_t *w, const char *arg)
{
    (void)arg;
    const char *team_arg = req_query(w->r, "team");
    long long team = rnd_teams(w, team_arg && *team_arg ? web_id(team_arg) : 0);
    if (!team)
        return agent_error_page(w, 404, "not_found");
    escalation_page_t *page = malloc(sizeof *page);
    if (!page || escalation_queue(w->d, team, req_query(w->r, "after"), page)) {
        free(page);
        return agent_error_page(w, 503, "unavailable");
    }
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Rnd.team=%lld", team);
    int waiting = 0;
    for (int i = 0; i < page->n; i++) {
        set_row(w, i, &page->rows[i]);
        waiting += !page->rows[i].answered_at;
    }
    hdf_set_int_value(h, "RowCount", page->n);
    hdf_set_int_value(h, "Rnd.waiting", waiting);
    if (page->more)
        hdf_set_value(h, "Next", page->next_cursor);
    free(page);
    agent_set_nav(w);
    web_render(w, "agent/rnd.cs");
}

void agent_ticket_escalation(web_t *w, long long ticket_id)
{
    escalation_t e;
    if (escalation_latest(w->d, ticket_id, &e) != 1)
        return;
    HDF *h = w->r->hdf;
    const team_t *t = catalog_team_by_id(&w->d->catalog, e.team_id);
    hdf_set_value(h, "Escalation.team", t ? t->name[w->lang] : "");
    hdf_set_value(h, "Escalation.by", e.requested_by);
    hdf_set_value(h, "Escalation.reason", e.reason ? e.reason : "");
    hdf_set_value(h, "Escalation.impact", e.impact ? e.impact : "");
    tpl_set_time(h, "Escalation.asked", e.created_at);
    tpl_set_time(h, "Escalation.expected", e.expected_at);
    if (e.answered_at) {
        hdf_set_value(h, "Escalation.state", "answered");
        hdf_set_value(h, "Escalation.answer", e.answer ? e.answer : "");
        hdf_set_value(h, "Escalation.answered_by", e.answered_by);
        tpl_set_time(h, "Escalation.answered", e.answered_at);
        tpl_set_time(h, "Escalation.due", e.answer_due_at);
        hdf_set_value(h, "Escalation.met", e.answered_at <= e.answer_due_at ? "met" : "missed");
    } else {
        hdf_set_value(h, "Escalation.state", "waiting");
        agent_set_due(w, "Escalation.due", e.answer_due_at);
    }
    escalation_free(&e);
}
