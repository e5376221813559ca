/* action: improvement actions (表5 改进措施计划表), the action items that
 * approved review minutes and drills turn into, and the only module that
 * reads or writes review_actions, review_action_files and their entries in
 * review_events.
 *
 * An action has a quantified target, resources, an owner and their
 * department (a team), a start and a deadline (dates in the desk's zone),
 * a status (action_state.h: cancelling needs a reason), progress notes and
 * evidence files (the desk's attachment store), and a verifier: the
 * organiser of the meeting or the author of the drill. Verifying a done
 * action may record a figure with its value before and after. An open
 * action past its deadline is overdue: flagged in lists, and its owner and
 * their supervisor are mailed once (action_overdue_pass). Every change,
 * in the caller's transaction, appends to its history and to the audit
 * trail. Writing functions refuse with reasons (lib/desk/refusal.h). */
#ifndef DESK_ACTION_H
#define DESK_ACTION_H

#include <stdbool.h>
#include <time.h>

#include "desk/attachment.h"
#include "desk/audit.h"
#include "desk/desk.h"
#include "desk/people/auth.h"
#include "desk/refusal.h"
#include "desk/review/action_state.h"

#define ACTION_ROWS 6          /* measures on a minutes or drill form */
#define ACTION_ROW_PARTS 7     /* fields of one: title ... start, due */
#define ACTION_TEXT_MAX 500    /* characters of a measure, target, resources */
#define ACTION_PAGE 25

/* One planned action, as written on minutes (a measure) or a drill. */
typedef struct action_plan {
    const char *title, *target, *resources;
    long long team_id, owner_id;
    const char *due_on;    /* "YYYY-MM-DD" */
    const char *starts_on; /* "YYYY-MM-DD"; NULL or "": the day it is made */
} action_plan_t;

/* The form field of part ("title", "target", "resources", "team", "owner",
 * "start", "due") of row i (0-based): "m1_title" ...; a static string. */
const char *action_row_field(int row, const char *part);
/* Whether the row holds anything at all. */
bool action_plan_blank(const action_plan_t *p);
/* Checks one row that is not blank: a title, an active owner, an active
 * team, a real deadline not before not_before ("YYYY-MM-DD"), a start when
 * given that is a real date not after the deadline ("start_after_due").
 * Refusals name the row's fields. */
int action_plan_check(desk_t *d, int row, const action_plan_t *p, const char *not_before,
                      refusal_t *r);
/* Today's date in the desk's zone, "YYYY-MM-DD". */
void action_today(desk_t *d, char out[11]);

/* Makes the actions of plans (blank ones skipped), from minutes or a drill
 * (the other id 0), verified by verifier_id; each starts on its start, or
 * today (its deadline when that is earlier) when none was given. The
 * number made, or <0. */
int action_create_all(desk_t *d, const audit_who_t *who, long long minutes_id,
                      long long drill_id, long long verifier_id, const action_plan_t *plans,
                      int n);

typedef struct review_action {
    long long id, minutes_id, drill_id, meeting_id, verifier_id, owner_id, team_id, version;
    char title[2001], target[2001], resources[2001], owner[401], verifier[401], team[401];
    char starts_on[11], due_on[11], status[16];
    char cancel_reason[2001], figure[801], before_value[241], after_value[241], verified_by[401];
    time_t verified_at, created_at;
    bool overdue;
} action_t;

/* OUTCOME_OK or OUTCOME_NOT_FOUND; team names in lang. */
int action_get(desk_t *d, long long id, lang_t lang, action_t *x);
/* Whether a may see x: managers, its owner and verifier, the members of its
 * department. */
int action_visible(desk_t *d, const agent_t *a, const action_t *x, bool *visible);

typedef struct action_step_in {
    action_step_t step;
    long long version;
    const char *reason;                      /* cancel */
    const char *figure, *before, *after;     /* verify, optional */
} action_step_in_t;

/* Takes a step (action_state.h). Refusals: "_form" "forbidden" /
 * "wrong_state" / "stale"; "reason" "required" to cancel; "before" and
 * "after" both "required" once either or a figure is given. */
int action_take_step(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                     const action_step_in_t *in, refusal_t *r);
/* A progress note with evidence files (u may be NULL), by the owner, the
 * verifier or a manager. Refusals: "note" "required" (no note and no file),
 * "_form" "forbidden" / "closed". */
int action_add_note(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                    const char *note, const uploads_t *u, refusal_t *r);

int action_each_event(desk_t *d, long long id,
                      void (*fn)(time_t at, const char *who, const char *kind, const char *note,
                                 void *ctx),
                      void *ctx);
typedef struct action_file {
    long long id, action_id, size;
    char filename[ATTACH_NAME_MAX + 1], content_type[101], storage_key[TOKEN_TEXT_LEN + 1];
} action_file_t;
int action_each_file(desk_t *d, long long id, void (*fn)(const action_file_t *f, void *ctx),
                     void *ctx);
/* One evidence file: OUTCOME_OK or OUTCOME_NOT_FOUND; as an attachment_t
 * for lib/web/files.h, its action's id in ticket_id. */
int action_file_get(desk_t *d, long long file_id, attachment_t *a);

typedef enum action_view {
    AV_MINE,     /* owned by me */
    AV_TEAM,     /* of my departments */
    AV_OVERDUE,  /* open, past the deadline */
    AV_WEEK,     /* open, due from today to Sunday */
    AV_TO_VERIFY,/* done, verified by me (a director: all) */
    AV_ALL,
    AV_COUNT
} action_view_t;
extern const char *const action_views[]; /* codes, NULL-ended */

typedef struct action_row {
    long long id, owner_id;
    char title[2001], owner[401], team[401], due_on[11], status[16];
    /* what the printed plan (表5) shows besides */
    char target[2001], resources[2001], starts_on[11];
    char figure[801], before_value[241], after_value[241];
    bool overdue;
    long long days_over;
} action_row_t;

/* A page of the view, newest first, ids below before (0: from the newest);
 * a list of a minutes or a drill when minutes_id or drill_id is set. The
 * number of rows, or <0. */
int action_list(desk_t *d, const agent_t *a, action_view_t v, long long minutes_id,
                long long drill_id, long long before, int limit, lang_t lang,
                void (*fn)(const action_row_t *row, void *ctx), void *ctx);

/* The open actions whose deadline is before day ("YYYY-MM-DD"), counted
 * per department: fn gets the team and the count. The number of teams,
 * or <0. */
int action_overdue_by_team(desk_t *d, const char *day,
                           void (*fn)(long long team_id, long long n, void *ctx), void *ctx);

/* Mails the owner and the owner's own supervisors (the leads and
 * supervisors of the owner's teams; every supervisor when those teams have
 * none) of every open action past its deadline, once per action (review_actions.overdue_mailed_at): at most
 * limit actions; the number mailed, or <0. Runs its own transactions. */
int action_overdue_pass(desk_t *d, int limit);

#endif
