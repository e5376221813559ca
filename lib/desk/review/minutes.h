/* minutes: the minutes of review meetings (表4 复盘会议纪要), and the only
 * module that reads or writes review_minutes, review_minutes_versions,
 * review_minutes_decisions and their entries in review_events.
 *
 * Minutes hold the problem review, the highlights and shortcomings of each
 * department, the confirmed root causes, the improvement directions and the
 * improvement measures (action.h's plans: responsible department, owner,
 * deadline). They are opened for a review meeting once it has ended (by
 * the organiser, or by the scheduler's minutes_late_pass), due
 * MINUTES_DUE_WORKDAYS working days after its end on the organiser's
 * calendar; when still not submitted then, the organiser and every director
 * are mailed, once. The organiser submits them to the service director,
 * who approves or returns them with a comment (minutes_state.h); every
 * submission is kept as a numbered version with the decision on it. On
 * approval the measures become actions (action.h) and the members of the
 * departments concerned are mailed. Changes run in the caller's
 * transaction and append to the history and the audit trail. */
#ifndef DESK_MINUTES_H
#define DESK_MINUTES_H

#include <jansson.h>
#include <stdbool.h>
#include <time.h>

#include "desk/audit.h"
#include "desk/desk.h"
#include "desk/people/auth.h"
#include "desk/refusal.h"
#include "desk/review/action.h"
#include "desk/review/minutes_state.h"

#define MINUTES_DUE_WORKDAYS 2
#define MINUTES_DEPTS 6
#define MINUTES_TEXT_MAX 4000
#define MINUTES_PAGE 25

typedef struct minutes_dept {
    long long team_id;
    const char *highlights, *shortcomings;
} minutes_dept_t;

typedef struct minutes_content {
    const char *review, *root_causes, *directions;
    minutes_dept_t depts[MINUTES_DEPTS];
    action_plan_t measures[ACTION_ROWS];
} minutes_content_t;

/* The form field of part ("team", "highlights", "shortcomings") of
 * department row i: "d1_team" ...; a static string. */
const char *minutes_dept_field(int row, const char *part);

typedef struct minutes {
    long long id, meeting_id, organiser_id, submitted_version, version;
    char status[12], meeting_title[801], organiser[401], approved_by[401];
    time_t meeting_at, meeting_end, due_at, approved_at, created_at;
    json_t *content; /* the working text */
    bool late;       /* not submitted and past due */
} minutes_t;

/* The minutes of a meeting: OUTCOME_OK (*id set) or OUTCOME_NOT_FOUND. */
int minutes_of_meeting(desk_t *d, long long meeting_id, long long *id);
/* OUTCOME_OK or OUTCOME_NOT_FOUND; minutes_free() it when found. */
int minutes_get(desk_t *d, long long id, minutes_t *m);
void minutes_free(minutes_t *m);
/* Whether a may read them: those who see the meeting, and directors. */
int minutes_visible(desk_t *d, const agent_t *a, const minutes_t *m, bool *visible);

/* Saves the working text of the minutes of meeting_id, opening them when
 * there are none (*id set either way). version: what the form was made
 * from (0 for new). Refusals: "_form" "forbidden" (not the organiser),
 * "not_held" (not begun, cancelled, or not a review meeting), "closed"
 * (submitted or approved), "stale"; measure rows as action_plan_check. */
int minutes_save(desk_t *d, const agent_t *a, const audit_who_t *who, long long meeting_id,
                 long long version, const minutes_content_t *c, long long *id, refusal_t *r);
/* Submits, approves or returns (comment required) the minutes.
 * Refusals: "_form" "forbidden" / "wrong_state" / "stale" / "incomplete"
 * (submit without the review, the root causes, the directions or a
 * measure); "comment" "required". */
int minutes_act(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                minutes_action_t act, long long version, const char *comment, refusal_t *r);

typedef struct minutes_version {
    long long number;
    char by[401], decision[12], decided_by[401];
    time_t submitted_at, decided_at;
    const char *comment;
} minutes_version_t;
/* Each submitted version, oldest first; the number, or <0. */
int minutes_each_version(desk_t *d, long long id,
                         void (*fn)(const minutes_version_t *v, void *ctx), void *ctx);
/* The text of version number: OUTCOME_OK (*content to json_decref) or
 * OUTCOME_NOT_FOUND. */
int minutes_version_content(desk_t *d, long long id, long long number, json_t **content);
int minutes_each_event(desk_t *d, long long id,
                       void (*fn)(time_t at, const char *who, const char *kind, const char *note,
                                  void *ctx),
                       void *ctx);

typedef struct minutes_row {
    long long id, meeting_id;
    char status[12], meeting_title[801], organiser[401];
    time_t meeting_at, due_at;
    bool late;
} minutes_row_t;
/* "awaiting": submitted, awaiting a director's approval (others see none);
 * "mine": organised by a. Oldest first, ids above after. The number, or <0. */
int minutes_list(desk_t *d, const agent_t *a, bool awaiting, long long after, int limit,
                 void (*fn)(const minutes_row_t *row, void *ctx), void *ctx);

/* Opens the minutes of every review meeting that has ended without any,
 * and mails the organiser and the directors of minutes past due and still
 * not submitted, once. At most limit of each; the number mailed, or <0.
 * Runs its own transactions. */
int minutes_late_pass(desk_t *d, int limit);

#endif
