/* emergency_member: whether a person is on the team of an emergency that a
 * ticket belongs to. The team may open the emergency's tickets (read them
 * and add internal notes, as R&D may for an escalation): the ticket's
 * visibility rule (ticket_visible_to) asks this, which is why it stands
 * apart from emergency.c, itself a user of that rule. */
#ifndef DESK_EMERGENCY_MEMBER_H
#define DESK_EMERGENCY_MEMBER_H

#include <stdbool.h>

#include "desk/desk.h"

/* True when agent_id is a member (or the lead) of an emergency ticket_id is
 * linked to, open or closed; false too when the database does not answer. */
bool emergency_member_sees(desk_t *d, long long agent_id, long long ticket_id);

#endif
