/* ticket_view: the core ticket fields (lib/desk/ticket/ticket_fields.h)
 * between the domain and a page: the values a form brought into a new
 * ticket, and a ticket's values into a page's data set for one reader. */
#ifndef DESK_TICKET_VIEW_H
#define DESK_TICKET_VIEW_H

#include <cs/cs.h>

#include "desk/ticket/ticket_record.h"

/* The validated values (lib/web/form.h) of the core fields channel takes
 * (TF_PORTAL, TF_AGENT) into t: text as it is, a date and time as local
 * time. */
void ticket_view_take(HDF *form, unsigned channel, ticket_new_t *t);
/* The values of t a reader (TF_SEE_CUSTOMER, TF_SEE_AGENT) may see, under
 * Ticket.<name>: text as it is ("" when none), a moment as tpl_set_time
 * writes it. Contact details are not among them: readers with the right
 * get them from ticket_contacts. */
void ticket_view_values(HDF *h, const ticket_t *t, unsigned reader);

#endif
