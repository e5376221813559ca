/* priorities: the priority levels and their SLA targets (time to classify,
 * first response, resolution, progress-update cadence, each an amount of
 * working minutes, hours or days of the level's calendar, and when the
 * warning falls), as admins manage them. Owns the table priorities;
 * lib/desk/catalog/catalog.c loads the active levels into every worker and
 * lib/desk/sla/policies.h holds the overrides of a level's targets.
 *
 * A level's code never changes; two active levels never share a rank; a
 * level counts in an active calendar; its targets, and those of each of its
 * active overrides laid over them, never let a resolution fall due before
 * the first response. A level is deactivated, never deleted, and not while
 * it is the default, a category starts tickets at it or open tickets have
 * it. New targets apply to tickets created from then on and to a ticket
 * whose priority changes.
 *
 * The changes run inside the caller's transaction, check what they need
 * there, and report as lib/desk/refusal.h says, naming the fields code,
 * rank, calendar, resolution or _form; they add what they changed to the
 * audit change set they are given (lib/desk/audit.h). */
#ifndef DESK_SLA_PRIORITIES_H
#define DESK_SLA_PRIORITIES_H

#include <jansson.h>
#include <stdbool.h>

#include "desk/desk.h"
#include "desk/refusal.h"
#include "desk/sla/slatarget.h"

/* The colours a level may have, NULL-ended. */
extern const char *const priority_colors[];

typedef struct priority_def {
    long long id, rank;
    bool is_default, active;
    char code[41], name_zh[241], name_en[241], color[8]; /* VARCHAR(60) in utf8mb4 */
    sla_targets_t t;
} priority_def_t;

/* ---- reading ---- */

/* Up to 200 levels, active ones first, then by rank and id. The number,
 * or -1. */
int priorities_each(desk_t *d, void (*fn)(const priority_def_t *p, void *ctx), void *ctx);
/* One level (FOR UPDATE when lock): OUTCOME_OK, OUTCOME_NOT_FOUND or a failure. */
int priority_get(desk_t *d, long long id, bool lock, priority_def_t *p);
/* Whether a ticket under the targets t could never get a resolution due
 * before its first response (t's calendar as this worker has it). */
bool priority_targets_ordered(const desk_t *d, const sla_targets_t *t);

/* ---- changes (in the caller's transaction) ---- */

/* A new level from in (code, names, rank, colour, targets; *id). Refused:
 * the code is taken ("taken"), an active level has the rank
 * ("rank_taken"), the calendar is not active ("calendar_inactive"), the
 * targets are out of order ("resolution_before_first"). */
int priority_create(desk_t *d, const priority_def_t *in, long long *id, json_t *changes,
                    refusal_t *why);
/* Names, rank, colour and targets of old (locked by the caller) from in.
 * Refused: as priority_create (the rank only while old is active, the
 * calendar only when it changes), or an active override laid over the new
 * targets falls out of order ("policy_order"). Unchanged: old is so. */
int priority_update(desk_t *d, const priority_def_t *old, const priority_def_t *in,
                    json_t *changes, refusal_t *why);
/* Activates or deactivates p (locked by the caller). Refused on
 * deactivation: "priority_is_default", "priority_category_default",
 * "priority_open_tickets" ("unavailable" when that cannot be told); on
 * activation: "rank_taken", "calendar_inactive". */
int priority_set_active(desk_t *d, const priority_def_t *p, bool active, json_t *changes,
                        refusal_t *why);

#endif
