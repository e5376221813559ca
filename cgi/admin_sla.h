/* admin_sla: what the priorities page (admin_priorities.c) and its SLA
 * overrides (admin_sla.c) share: the targets of a level or an override,
 * read from a form and written to the page; the choices of calendars,
 * categories and customer tags; and the override pages themselves. */
#ifndef DESK_ADMIN_SLA_H
#define DESK_ADMIN_SLA_H

#include "admin.h"

/* Targets in business minutes; 0 = none (a level) or inherited (an
 * override). warning is a percentage of the time, calendar an id. */
typedef struct sla_targets {
    long long calendar, classify, first, resolution, update, warning;
} sla_targets_t;

/* key.calendar, key.classify, key.first, key.resolution, key.update,
 * key.warning (0 when none). */
void admin_sla_set_targets(HDF *h, const char *key, const sla_targets_t *t);
/* Form.<prefix>calendar.value ... for a first view of a form ("" when 0). */
void admin_sla_fill_targets(HDF *h, const char *prefix, const sla_targets_t *t);
/* Reads and checks the target fields <prefix>calendar, classify,
 * first_response, resolution, update, warning: minutes > 0, warning
 * 1-99 %; for a level the calendar and warning are required, for an
 * override everything may be blank (inherited). Errors go next to the
 * fields; returns their number. */
int admin_sla_read_targets(web_t *w, const char *prefix, sla_targets_t *t, bool policy);
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

/* The routes of one override (registered by admin_priorities.c). */
void admin_sla_page_policy(web_t *w, const char *arg);
void admin_sla_do_policy(web_t *w, const char *arg);
void admin_sla_do_policy_off(web_t *w, const char *arg);
void admin_sla_do_policy_on(web_t *w, const char *arg);

#endif
