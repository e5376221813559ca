/* targets: what the owners of the tables priorities (lib/desk/sla/priorities.c) and
 * sla_policies (lib/desk/sla/policies.c) share about a set of SLA targets
 * (lib/desk/sla/slatarget.h): how its columns are read and bound, each target an
 * amount (NULL when none) and a unit, and how its changes read in the audit
 * log. */
#ifndef DESK_SLA_TARGETS_H
#define DESK_SLA_TARGETS_H

#include <jansson.h>

#include "desk/sla/slatarget.h"

/* The units of a row's four targets as fetched ("workday"): fetch with
 * SLA_TARGETS_FETCH / SLA_TARGETS_FMT (amount, unit of classify,
 * first_response, resolution, update_interval), then sla_targets_units(). */
typedef struct sla_units {
    char u[4][8];
} sla_units_t;
#define SLA_TARGETS_FETCH(t, x)                                                                \
    &(t).classify.amount, (x).u[0], sizeof (x).u[0], &(t).first.amount, (x).u[1],              \
        sizeof (x).u[1], &(t).resolution.amount, (x).u[2], sizeof (x).u[2],                    \
        &(t).update.amount, (x).u[3], sizeof (x).u[3]
#define SLA_TARGETS_FMT "isisisis"
/* Sets the units of t from their codes (minutes for an unknown one). */
void sla_targets_units(sla_targets_t *t, const sla_units_t *x);

/* Binding the four targets: amount (NULL when 0) and unit each. */
#define SLA_TARGETS_BIND "jsjsjsjs"
#define SLA_TARGETS_ARGS(t)                                                                    \
    (t).classify.amount, sla_unit_code((t).classify.unit), (t).first.amount,                   \
        sla_unit_code((t).first.unit), (t).resolution.amount, sla_unit_code((t).resolution.unit), \
        (t).update.amount, sla_unit_code((t).update.unit)

/* The changes from o to n for the audit log (lib/desk/audit.h): calendar_id,
 * warning_percent and classify, first_response, resolution,
 * update_interval as "24 hour". */
void sla_targets_audit(json_t *c, const sla_targets_t *o, const sla_targets_t *n);

#endif
