/* admin_sla: what the priorities page (priorities.c) and its SLA
 * overrides (sla.c) share: the targets of a level or an override,
 * read from a form and written to the page; the choices of calendars,
 * categories and customer tags; and the override pages themselves. The
 * levels, overrides and calendars are lib/desk/sla/priorities.h, policies.h and
 * calendars.h. */
#ifndef DESK_ADMIN_SLA_H
#define DESK_ADMIN_SLA_H

#include "admin/admin.h"
#include "desk/sla/policies.h"
#include "desk/sla/priorities.h"

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
/* Whether a ticket under t (a level, or an override laid over its level)
 * could get a resolution due before its first response; the error
 * "resolution_before_first" is then set on the field named err_field. */
bool admin_sla_out_of_order(web_t *w, const sla_targets_t *t, const char *err_field);

/* Calendars.N.{id,name,active} (every calendar) and CalendarName.<id>. */
int admin_sla_calendar_choices(web_t *w);
/* Categories.N.{id,name} (active) and Tags.N.{id,name}. */
int admin_sla_scope_choices(web_t *w);
/* The overrides of a level under key.N.* (active first). */
int admin_sla_list_policies(web_t *w, long long priority_id, const char *key);

/* Inside the caller's transaction: validates the override form (fields
 * p_category, p_tag and the targets prefixed "p_") and creates an override
 * of level (old NULL) or changes old, with its audit row. NULL when done
 * (*id set), "unchanged" when a change changes nothing (nothing written),
 * "form" when the form has errors (nothing written), else a DB error
 * happened. */
const char *admin_sla_policy_write(web_t *w, const priority_def_t *level,
                                   const sla_policy_def_t *old, long long *id);

/* The routes of one override (registered by priorities.c). */
void admin_sla_page_policy(web_t *w, const char *arg);
void admin_sla_do_policy(web_t *w, const char *arg);
void admin_sla_do_policy_off(web_t *w, const char *arg);
void admin_sla_do_policy_on(web_t *w, const char *arg);

#endif
