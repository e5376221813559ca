/* ticket_acceptance: the facts of the service acceptance form (服务验收单)
 * as a document: who the customer is, the product, the engineer, the
 * service dates, the confirmed solution and the work log. Values only, no
 * labels: pages print it in the reader's language (templates/acceptance.cs),
 * and signing archives it with the signature (ticket_sign_acceptance,
 * lib/desk/ticket/ticket_work.h). */
#ifndef DESK_TICKET_ACCEPTANCE_H
#define DESK_TICKET_ACCEPTANCE_H

#include <jansson.h>

#include "desk/desk.h"

/* The form of a ticket as a document: number, subject, description,
 * category_id, organisation, contact, product, product_version,
 * serial_number, engineer, team_id, created_at, resolved_at (seconds),
 * resolution, language, the confirmed solution (delivery, steps, expected,
 * risks, confirmed_by, confirmed_at, via) and the work log (kind, text, old
 * and new serial, by, at). NULL on error; json_decref it. */
json_t *ticket_acceptance_doc(desk_t *d, long long id);
/* Whether the ticket has a signed acceptance form: 1, 0, <0. */
int ticket_has_acceptance(desk_t *d, long long id);

#endif
