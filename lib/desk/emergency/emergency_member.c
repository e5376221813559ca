/* emergency_member: see emergency_member.h. */
#include "desk/emergency/emergency_member.h"

/* ix_emergency_members_agent, then the emergency_tickets primary key */
static const char sql_sees[] =
    "SELECT 1 FROM emergency_members m JOIN emergency_tickets x"
    " ON x.emergency_id = m.emergency_id AND x.ticket_id = ? WHERE m.agent_id = ? LIMIT 1";

bool emergency_member_sees(desk_t *d, long long agent_id, long long ticket_id)
{
    long long one;
    return db_row(&d->db, sql_sees, "ii", "i", ticket_id, agent_id, &one) == 1;
}
