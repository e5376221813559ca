/* emergency_template: the team an emergency of a problem type (a ticket
 * category) starts with: a lead and members, edited by admins in the
 * admin console (which audits each change); the declaration form is
 * prefilled from it and may be changed before the team is formed. */
#ifndef DESK_EMERGENCY_TEMPLATE_H
#define DESK_EMERGENCY_TEMPLATE_H

#include "desk/desk.h"
#include "desk/emergency/emergency.h"

typedef struct emergency_template {
    long long category_id, lead_id;
    long long members[EMERGENCY_MEMBERS_MAX]; /* besides the lead */
    int nmembers;
} emergency_template_t;

/* The template of a category (lead 0 and no members when none is set);
 * OUTCOME_OK or OUTCOME_UNAVAILABLE. */
int emergency_template_get(desk_t *d, long long category_id, emergency_template_t *t);
/* Replaces it, in the caller's transaction (lead 0: none). Members who are
 * not active people are refused ("members" "unknown_person"; "lead" the
 * same). */
int emergency_template_set(desk_t *d, const emergency_template_t *t, refusal_t *r);

#endif
