/* ticket_fields: the rules of the fields every ticket carries, whatever way
 * it comes in (the portal form, an agent's intake, the API): type, whether
 * the portal requires it, and the limit in characters. One table, so the
 * channels cannot drift apart; the columns they go to hold at least this
 * many characters. */
#ifndef DESK_TICKET_FIELDS_H
#define DESK_TICKET_FIELDS_H

#include "core/field.h"

extern const field_rule_t ticket_fields[];
extern const int ticket_nfields;

/* The impacts (影响范围) a ticket may state, widest first, NULL-ended:
 * company, department, individual, none. */
extern const char *const ticket_impacts[];
/* The code of the level a new ticket of that impact starts at (company ->
 * urgent, department -> important, individual -> general, none -> low), or
 * NULL for no impact. */
const char *ticket_impact_priority(const char *impact);

/* The rule of the field called name, or NULL. */
const field_rule_t *ticket_field(const char *name);
/* Its limit in characters (0 when there is no such field). */
int ticket_field_max(const char *name);

#endif
