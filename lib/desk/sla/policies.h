/* policies: the overrides of a level's SLA targets for one category, one
 * customer tag, or both, as admins manage them. Owns the table
 * sla_policies; lib/desk/catalog/catalog.c loads the active ones into every worker
 * and lib/desk/sla/slapolicy.h chooses the one a ticket gets.
 *
 * An override names its scope (a category, a tag, or both; one override
 * per level and scope, active or not) and states at least one target, its
 * calendar or its warning; what it leaves blank is its level's. Laid over
 * its level, it never lets a resolution fall due before the first
 * response. Deactivated, never deleted.
 *
 * The changes run inside the caller's transaction, check what they need
 * there, and report as lib/desk/refusal.h says, naming the fields category,
 * tag, calendar, first_response, resolution or _form; they add what they
 * changed to the audit change set they are given (lib/desk/audit.h). */
#ifndef DESK_SLA_POLICIES_H
#define DESK_SLA_POLICIES_H

#include <jansson.h>
#include <stdbool.h>

#include "desk/desk.h"
#include "desk/refusal.h"
#include "desk/sla/slatarget.h"

typedef struct sla_scope {
    long long category, tag; /* 0: any */
    char cat_code[41], tag_code[41];
} sla_scope_t;

typedef struct sla_policy_def {
    long long id, priority_id;
    bool active;
    sla_scope_t scope;
    char cat_zh[241], cat_en[241], tag_zh[241], tag_en[241]; /* VARCHAR(60) in utf8mb4 */
    sla_targets_t t;
} sla_policy_def_t;

/* ---- reading ---- */

/* The overrides of a level, active ones first, then by id (at most 500).
 * The number, or -1. */
int sla_policies_of(desk_t *d, long long priority_id,
                    void (*fn)(const sla_policy_def_t *p, void *ctx), void *ctx);
/* One override (lock: its row FOR UPDATE first): OUTCOME_OK,
 * OUTCOME_NOT_FOUND or a failure. */
int sla_policy_get(desk_t *d, long long id, bool lock, sla_policy_def_t *p);
/* How many active overrides each level has (levels without none are
 * left out). 0 or -1. */
int sla_policies_active_counts(desk_t *d, void (*fn)(long long priority_id, long long n, void *ctx),
                               void *ctx);
/* Whether one of the level's active overrides, laid over the level's
 * targets level, could let a resolution fall due before its first response:
 * 1 yes, 0 no, -1 when they cannot be read. */
int sla_policies_out_of_order(desk_t *d, long long priority_id, const sla_targets_t *level);

/* ---- changes (in the caller's transaction) ---- */

/* Checks the scope an admin chose: category and tag ids (0 any, < 0 not an
 * id at all) of an active category and of an existing tag, not both any.
 * Fills s (with the codes) and returns 0, or the number of reasons added to
 * why (category or tag "invalid_choice", category "policy_scope"). */
int sla_policy_scope(desk_t *d, long long category, long long tag, sla_scope_t *s,
                     refusal_t *why);
/* Creates an override of priority_id (old NULL; *id) or changes old
 * (locked by the caller), with the scope s (from sla_policy_scope) and the
 * targets t; level holds the level's targets. Refused: another override of
 * the level has the scope ("policy_exists", "policy_exists_off"), t states
 * nothing ("policy_empty"), its calendar is not active
 * ("calendar_inactive"), or laid over the level it lets the resolution
 * fall due before the first response ("resolution_before_first").
 * Unchanged: old is already so. */
int sla_policy_save(desk_t *d, long long priority_id, const sla_targets_t *level,
                    const sla_policy_def_t *old, const sla_scope_t *s, const sla_targets_t *t,
                    long long *id, json_t *changes, refusal_t *why);
/* Activates or deactivates p (locked by the caller). Refused on activation
 * ("calendar_inactive") while its own calendar is not active. */
int sla_policy_set_active(desk_t *d, const sla_policy_def_t *p, bool active, json_t *changes,
                          refusal_t *why);

#endif
