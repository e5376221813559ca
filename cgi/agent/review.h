/* review: the pages of the review loop after the meeting (cgi/agent/
 * minutes.c, actions.c, drills.c) and what their forms share
 * (cgi/agent/review_forms.c): the people and departments to choose from
 * and the rows of planned actions (lib/desk/review/action.h). */
#ifndef DESK_AGENT_REVIEW_H
#define DESK_AGENT_REVIEW_H

#include "agent/web.h"
#include "desk/review/action.h"

#define REVIEW_TEAMS_MAX 100

typedef struct review_choices {
    people_choices_t people;
    char team_ids[REVIEW_TEAMS_MAX][24];
    const char *teams[REVIEW_TEAMS_MAX + 1];
} review_choices_t;

/* Fills c (heap it) and, for the form's selects, People.N.* and Teams.N.*;
 * 0 or -1. */
int review_choices(web_t *w, review_choices_t *c);
/* The fields of the action rows, appended at fields[n]: the new count. */
int review_plan_fields(const review_choices_t *c, form_field_t *fields, int n);
/* The validated rows (pointers into the request's data). */
void review_plans_read(web_t *w, action_plan_t *plans);
/* Puts the refusals next to their fields (Form.<field>.error). */
void review_refusals(web_t *w, const refusal_t *r);
/* A department's and a person's name for a page ("" when unknown). */
const char *review_team_name(web_t *w, long long id);
void review_person_name(web_t *w, long long id, char *out, size_t cap);
/* Rows.N.* of an action list (lib/desk/review/action.h), at most ACTION_PAGE,
 * Next when there is another page: the callback of action_list with the
 * review_list_t as ctx. */
typedef struct review_list {
    web_t *w;
    const char *prefix; /* "Rows" */
    int n;
    long long last;
} review_list_t;
void review_action_row(const action_row_t *row, void *ctx);
/* History.N.* of an entry: the callback of the each_event functions. */
void review_event(time_t at, const char *who, const char *kind, const char *note, void *ctx);

/* Minutes (cgi/agent/minutes.c). */
void agent_page_minutes_list(web_t *w, const char *arg);
void agent_page_minutes_new(web_t *w, const char *arg);
void agent_do_minutes_new(web_t *w, const char *arg);
void agent_page_minutes(web_t *w, const char *arg);
void agent_page_minutes_edit(web_t *w, const char *arg);
void agent_do_minutes_edit(web_t *w, const char *arg);
void agent_do_minutes_act(web_t *w, const char *arg);
/* Meeting.minutes_* of a meeting page: its minutes and what one may do. */
void agent_meeting_minutes(web_t *w, long long meeting_id);
/* Actions (cgi/agent/actions.c). */
void agent_page_actions(web_t *w, const char *arg);
void agent_page_action(web_t *w, const char *arg);
void agent_do_action_step(web_t *w, const char *arg);
void agent_do_action_note(web_t *w, const char *arg);
void agent_page_evidence(web_t *w, const char *arg);
/* Drills (cgi/agent/drills.c). */
void agent_page_drills(web_t *w, const char *arg);
void agent_page_drill_new(web_t *w, const char *arg);
void agent_do_drill_new(web_t *w, const char *arg);
void agent_page_drill(web_t *w, const char *arg);

#endif
