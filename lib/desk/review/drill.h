/* drill: records of emergency drills (应急演练, held each quarter), and the
 * only module that reads or writes review_drills and their entries in
 * review_events. A drill record holds its date, a title, the scenario
 * practised, the participants, the findings, and follow-up actions, which
 * are action items like any other (action.h), verified by the record's
 * author. Recorded by a manager (supervisor, director, admin), in the
 * caller's transaction, with its history and audit entry. */
#ifndef DESK_DRILL_H
#define DESK_DRILL_H

#include <time.h>

#include "desk/audit.h"
#include "desk/desk.h"
#include "desk/people/auth.h"
#include "desk/refusal.h"
#include "desk/review/action.h"

#define DRILL_PAGE 25

typedef struct drill_content {
    const char *held_on; /* "YYYY-MM-DD" */
    const char *title, *scenario, *participants, *findings;
    action_plan_t actions[ACTION_ROWS];
} drill_content_t;

/* Refusals: "_form" "forbidden"; "held_on" "required" / "invalid_date" /
 * "in_future"; "title", "scenario" "required"; action rows as
 * action_plan_check (deadlines not before the drill). */
int drill_create(desk_t *d, const agent_t *a, const audit_who_t *who, const drill_content_t *c,
                 long long *id, refusal_t *r);

typedef struct drill {
    long long id, created_by;
    char held_on[11], title[801], author[401];
    char *scenario, *participants, *findings;
    time_t created_at;
} drill_t;
int drill_get(desk_t *d, long long id, drill_t *x);
void drill_free(drill_t *x);

typedef struct drill_row {
    long long id;
    char held_on[11], title[801], author[401];
    long long actions;
} drill_row_t;
/* Newest first, ids below before (0: from the newest). */
int drill_list(desk_t *d, long long before, int limit,
               void (*fn)(const drill_row_t *row, void *ctx), void *ctx);

#endif
