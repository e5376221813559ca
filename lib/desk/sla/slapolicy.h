/* slapolicy: which SLA policy applies to a ticket, and the targets it gets
 * (pure functions over the catalogue; sla.c looks up the ticket's facts).
 *
 * A priority carries the default targets. A policy of that
 * priority (table sla_policies) overrides some of them for one category,
 * one customer tag (VIP...), or both. The most specific active policy that
 * matches wins: category + tag > tag > category > none (the priority's own
 * targets). Among equally specific matches (a customer with two tags that
 * both have a policy) the oldest policy (lowest id) wins, so the choice
 * never depends on the order the tags were read in. A policy's blank
 * targets (amount 0) are the priority's. */
#ifndef DESK_SLAPOLICY_H
#define DESK_SLAPOLICY_H

#include "desk/catalog/catalog.h"

/* How specific a policy is: 3 category + tag, 2 tag, 1 category, 0 none. */
int slapolicy_rank(const sla_policy_t *p);

/* The index in pols[0..n-1] of the policy that applies to a ticket of
 * priority_id in category_id whose customer has the ntags tags, or -1 when
 * none does. */
int slapolicy_pick(const sla_policy_t *pols, int n, long long priority_id, long long category_id,
                   const long long *tags, int ntags);

/* out = base with the policy's targets laid over it (pol NULL: a copy). */
void slapolicy_apply(const priority_t *base, const sla_policy_t *pol, priority_t *out);

/* Whether the targets p (a level, or a level with an override laid over
 * it) keep the resolution from ever falling due before the first response
 * on calendar c (lib/desk/sla/slatarget.h). */
bool slapolicy_ordered(const bizcal_t *c, const priority_t *p);

/* The same three over the targets as admins state them (lib/desk/sla/slatarget.h):
 * t as a priority_t; the targets a ticket gets from the override over laid
 * on its level; whether a ticket under t could never get a resolution due
 * before its first response, on t's calendar as the catalogue has it. */
void slapolicy_targets_priority(const sla_targets_t *t, priority_t *p);
void slapolicy_lay_targets(const sla_targets_t *level, const sla_targets_t *over,
                           sla_targets_t *out);
bool slapolicy_targets_ordered(const catalog_t *c, const sla_targets_t *t);

/* Whether any policy of the priority is about a customer tag (else the
 * customer's tags need not be read). */
bool slapolicy_needs_tags(const sla_policy_t *pols, int n, long long priority_id);

#endif
