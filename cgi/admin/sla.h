/* admin_sla: what the priorities page (priorities.c) and its SLA
 * overrides (sla.c) share: the targets of a level or an override,
 * read from a form and written to the page; the choices of calendars,
 * categories and customer tags; and the override pages themselves. */
#ifndef DESK_ADMIN_SLA_H
#define DESK_ADMIN_SLA_H

#include "admin/admin.h"

/* A level's or an override's targets, each an amount with its unit
 * (lib/desk/sla/slatarget.h); amount 0 = none (a level) or inherited (an override).
 * warning is a percentage of the time (0: inherited), calendar an id. */
typedef struct sla_targets {
    long long calendar, warning;
    sla_target_t classify, first, resolution, update;
} sla_targets_t;

/* The units of a row's four targets as fetched, e.g. "workday": fetch with
 * SLA_TARGETS_FETCH / SLA_TARGETS_FMT (amount, unit for classify,
 * first_response, resolution, update_interval), then admin_sla_units(). */
typedef struct sla_units {
    char u[4][8];
} sla_units_t;
#define SLA_TARGETS_FETCH(t, x)                                                                \
    &(t).classify.amount, (x).u[0], sizeof (x).u[0], &(t).first.amount, (x).u[1],              \
        sizeof (x).u[1], &(t).resolution.amount, (x).u[2], sizeof (x).u[2],                    \
        &(t).update.amount, (x).u[3], sizeof (x).u[3]
#define SLA_TARGETS_FMT "isisisis"
void admin_sla_units(sla_targets_t *t, const sla_units_t *x);

/* key.calendar, key.warning and key.classify, key.first, key.resolution,
 * key.update with their .unit (amount 0 when none): for the "target"
 * macro. */
void admin_sla_set_targets(HDF *h, const char *key, const sla_targets_t *t);
/* Form.<prefix>calendar.value ... and Form.<prefix>first_response_unit.value
 * ... for a first view of a form ("" when 0). */
void admin_sla_fill_targets(HDF *h, const char *prefix, const sla_targets_t *t);
/* Reads and checks the target fields <prefix>calendar, classify,
 * first_response, resolution, update (each with <name>_unit: minute, the
 * default, hour or workday), warning: amounts > 0 up to about two years,
 * warning 1-99 %; for a level the calendar and warning are required, for
 * an override everything may be blank (inherited). Errors go next to the
 * fields; returns their number. */
int admin_sla_read_targets(web_t *w, const char *prefix, sla_targets_t *t, bool policy);
/* The targets as a priority_t (what lib/desk/sla/sla.c and lib/desk/sla/slapolicy.c use). */
void admin_sla_as_priority(const sla_targets_t *t, priority_t *p);
/* Whether a ticket under t (a level, or an override laid over its level)
 * could get a resolution due before its first response; the error
 * "resolution_before_first" is then set on the field named err_field. */
bool admin_sla_out_of_order(web_t *w, const sla_targets_t *t, const char *err_field);
/* Whether one of the level's active overrides, laid over the level's new
 * targets, could let the resolution fall due before the first response;
 * the error "policy_order" is then on the field resolution. */
bool admin_sla_policies_out_of_order(web_t *w, long long priority_id, const sla_targets_t *level);
/* The changes of targets for the audit log: calendar_id, warning_percent
 * and classify, first_response, resolution, update_interval as "24 hour". */
void admin_sla_audit_targets(json_t *c, const sla_targets_t *o, const sla_targets_t *n);

/* Binding the four targets in SQL: amount (NULL when 0) and unit each. */
#define TARGETS_BIND "jsjsjsjs"
#define TARGETS_ARGS(t)                                                                        \
    (t).classify.amount, sla_unit_code((t).classify.unit), (t).first.amount,                   \
        sla_unit_code((t).first.unit), (t).resolution.amount, sla_unit_code((t).resolution.unit), \
        (t).update.amount, sla_unit_code((t).update.unit)
/* A whole number in [lo, hi] from Form.<name>.value: the number, 0 when
 * blank, -1 after setting err on the field. */
long long admin_sla_number(HDF *h, const char *name, long long lo, long long hi, const char *err);
/* Whether code is a level code: [a-z][a-z0-9_]*. */
bool admin_sla_code_ok(const char *code);
/* The positive number of the first segment of a route argument, or 0. */
long long admin_sla_id(const char *arg);

/* Calendars.N.{id,name,active} (every calendar) and CalendarName.<id>. */
int admin_sla_calendar_choices(web_t *w);
/* Whether the calendar exists and is active; locks its row against a
 * concurrent deactivation until the caller's transaction ends. */
bool admin_sla_calendar_usable(web_t *w, long long id);
/* Categories.N.{id,name} (active) and Tags.N.{id,name}. */
int admin_sla_scope_choices(web_t *w);
/* The overrides of a level under key.N.* (active first). */
int admin_sla_list_policies(web_t *w, long long priority_id, const char *key);

/* Inside the caller's transaction: validates the override form (fields
 * p_category, p_tag and the targets prefixed "p_") and creates the
 * override of priority_id (policy_id 0) or updates policy_id, with its
 * audit row. NULL when done (*id set), "unchanged" when an update
 * changes nothing (nothing written), "form" when the form has errors
 * (nothing written), else a DB error happened. */
const char *admin_sla_policy_write(web_t *w, long long priority_id, const char *prio_code,
                                   long long policy_id, long long *id);

/* The routes of one override (registered by priorities.c). */
void admin_sla_page_policy(web_t *w, const char *arg);
void admin_sla_do_policy(web_t *w, const char *arg);
void admin_sla_do_policy_off(web_t *w, const char *arg);
void admin_sla_do_policy_on(web_t *w, const char *arg);

#endif
