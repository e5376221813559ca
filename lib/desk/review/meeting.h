/* meeting: review meetings (复盘会议), weekly coordination meetings and
 * quarterly drills, and the only module that reads or writes their tables
 * (review_meetings, review_meeting_attendees, review_meeting_problems,
 * review_meeting_events).
 *
 * A meeting is organised by a manager (supervisor, director or admin) at
 * least MEETING_LEAD_WORKDAYS working days ahead on the organiser's business
 * calendar (people_calendar; the desk's first calendar when they have none):
 * its start may not be before meeting_earliest(). A director may schedule
 * an earlier one with a reason, which is kept. Each meeting has its agenda,
 * attendees (people, whose teams say their departments, and whole
 * departments, whose active members are invited) and the problem records
 * it reviews. Every change appends to its history (never changed or
 * removed) and to the audit trail. Writing functions refuse with reasons
 * (lib/desk/refusal.h) like lib/desk/review/problem.h's. */
#ifndef DESK_MEETING_H
#define DESK_MEETING_H

#include <stdbool.h>
#include <time.h>

#include "core/bizclock.h"
#include "desk/audit.h"
#include "desk/desk.h"
#include "desk/people/auth.h"
#include "desk/refusal.h"

#define MEETING_LEAD_WORKDAYS 3
#define MEETING_ATTENDEES_MAX 40
#define MEETING_TEAMS_MAX 20
/* the people invited one by one and the members of the departments */
#define MEETING_INVITEES_MAX 400
#define MEETING_PROBLEMS_MAX 20
#define MEETING_PAGE 25

/* review weekly drill */
extern const char *const meeting_kinds[];

/* The earliest start a meeting scheduled at now may have on calendar cal:
 * MEETING_LEAD_WORKDAYS working days after now (bizclock_workdays_due), to
 * the minute (down), or -1 when the calendar has no working days. */
time_t meeting_earliest(const bizcal_t *cal, time_t now);

typedef struct meeting_content {
    const char *kind, *title, *location, *agenda;
    time_t starts_at;
    long long duration_minutes;
    const char *attendees;       /* person ids, "3,5" */
    const char *teams;           /* department (team) ids invited as a whole, "1,5" */
    const char *problems;        /* record numbers or ids, "PRB-000012 13" */
    const char *override_reason; /* a director's reason to meet sooner */
} meeting_content_t;

typedef struct meeting {
    long long id, organiser_id, calendar_id, override_by, duration_minutes, version;
    char kind[12], status[12];
    char title[801], location[801], organiser[401];
    char *agenda, *override_reason;
    time_t starts_at, earliest_at, created_at;
} meeting_t;

/* The calendar a meeting of organiser id is counted on: OUTCOME_OK, *cal and
 * *calendar_id set, or <0. */
int meeting_calendar(desk_t *d, long long organiser_id, const bizcal_t **cal,
                     long long *calendar_id);

/* A new meeting organised by a; its id to *id. Refusals: "starts_at"
 * "too_soon" (*earliest says when it may be), "override_forbidden" (a
 * reason from someone not a director), "in_past"; "_form" "forbidden" when
 * a is not a manager. */
int meeting_create(desk_t *d, const agent_t *a, const audit_who_t *who,
                   const meeting_content_t *c, long long *id, time_t *earliest, refusal_t *r);

/* OUTCOME_OK, OUTCOME_NOT_FOUND or a failure; meeting_free() it when found. */
int meeting_get(desk_t *d, long long id, meeting_t *m);
void meeting_free(meeting_t *m);
/* Whether a may see meeting m: managers, its organiser and attendees (in
 * person or through a department invited). */
int meeting_visible(desk_t *d, const agent_t *a, const meeting_t *m, bool *visible);

int meeting_each_attendee(desk_t *d, long long id, lang_t lang,
                          void (*fn)(long long person, const char *name, const char *teams,
                                     void *ctx),
                          void *ctx);
/* The departments invited as a whole, names in lang. Count or <0. */
int meeting_each_team(desk_t *d, long long id, lang_t lang,
                      void (*fn)(long long team, const char *name, void *ctx), void *ctx);
/* Everyone invited: the people and the active members of the departments,
 * each once, by id. Count or <0. */
int meeting_each_invitee(desk_t *d, long long id, void (*fn)(long long person, void *ctx),
                         void *ctx);
int meeting_each_problem(desk_t *d, long long id,
                         void (*fn)(long long problem, const char *title, const char *status,
                                    void *ctx),
                         void *ctx);
int meeting_each_event(desk_t *d, long long id,
                       void (*fn)(time_t at, const char *who, const char *kind, void *ctx),
                       void *ctx);

typedef struct meeting_row {
    long long id;
    char kind[12], status[12], title[801], organiser[401];
    time_t starts_at;
    bool overridden;
} meeting_row_t;

/* The meetings a may see (managers all, others those they attend, in
 * person or with a department, or organise), newest first, ids below before (0: from the newest). Count
 * or <0. */
int meeting_list(desk_t *d, const agent_t *a, long long before, int limit,
                 void (*fn)(const meeting_row_t *row, void *ctx), void *ctx);

/* ---- after scheduling: edit, cancel, held (inside the caller's
 * transaction; the calendar mail is lib/desk/review/meeting_mail.h's) ---- */

/* scheduled held cancelled */
extern const char *const meeting_statuses[];

/* Whether a may change meeting m: its organiser, a director or an admin. */
bool meeting_may_change(const agent_t *a, const meeting_t *m);

/* Saves c over meeting id as it stood at version: title, kind, time,
 * duration, place, agenda, attendees, departments, problem records. A new
 * start is held to the lead rule again, counted from now (a director may
 * override it with a reason, as at scheduling); an unchanged start is not.
 * The people no longer invited, in person nor through a department, go to
 * removed (up to MEETING_INVITEES_MAX, *nremoved their number). Refusals as meeting_create's, and "_form": "forbidden"
 * (not the organiser, a director or an admin), "not_scheduled" (held or
 * cancelled), "stale" (changed meanwhile). CHANGE_UNCHANGED when c changes
 * nothing. Otherwise the calendar sequence goes up by one. */
int meeting_update(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                   long long version, const meeting_content_t *c, time_t *earliest,
                   long long *removed, int *nremoved, refusal_t *r);
/* Calls meeting id off with a reason ("reason": "required"); the sequence
 * goes up by one. Refusals as meeting_update's. */
int meeting_cancel(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                   long long version, const char *reason, refusal_t *r);
/* Records that meeting id took place; not before its start ("_form":
 * "not_started"). Refusals as meeting_update's. */
int meeting_mark_held(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                      long long version, refusal_t *r);

/* What the calendar mail of meeting id needs besides meeting_get's: the
 * iCalendar sequence of its last invitation and why it was cancelled ("" if
 * it was not). OUTCOME_OK, OUTCOME_NOT_FOUND or a failure. */
int meeting_mail_state(desk_t *d, long long id, long long *sequence, char *cancel_reason,
                       size_t cap);

/* Scheduled meetings starting in (now, now + within] whose reminder was not
 * sent for their present start: up to max ids and starts. Count or <0. */
int meeting_due_reminders(desk_t *d, time_t now, time_t within, long long *ids,
                          time_t *starts, int max);
/* Takes the reminder of meeting id for start starts_at (it is still
 * scheduled then and not yet reminded for it): 1 taken, 0 not, or <0. */
int meeting_take_reminder(desk_t *d, long long id, time_t starts_at);

/* meeting_list of one kind (NULL or "": every kind). */
int meeting_list_kind(desk_t *d, const agent_t *a, const char *kind, long long before, int limit,
                      void (*fn)(const meeting_row_t *row, void *ctx), void *ctx);

#endif
