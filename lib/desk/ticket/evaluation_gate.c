/* evaluation_gate: see evaluation_gate.h. */
#include "desk/ticket/evaluation_gate.h"

#include <string.h>

#include "desk/catalog/catalog.h"

static const char sql_approved[] =
    "SELECT COUNT(*) FROM ticket_evaluations WHERE ticket_id = ? AND state = 'approved'";

bool evaluation_needed(desk_t *d, const ticket_t *t)
{
    const category_t *c = catalog_category_by_id(&d->catalog, t->category_id);
    return c && strcmp(c->code, "customisation") == 0;
}

int evaluation_approved(desk_t *d, long long ticket_id)
{
    long long n = 0;
    int rc = db_row(&d->db, sql_approved, "i", "i", ticket_id, &n);
    return rc < 0 ? rc : n > 0;
}

int evaluation_gate(desk_t *d, const ticket_t *t, ticket_status_t to)
{
    /* only a move into work asks the database */
    if (!evaluation_needed(d, t) || ticket_work_may_start(to, true, false))
        return OUTCOME_OK;
    int approved = evaluation_approved(d, t->id);
    if (approved < 0)
        return OUTCOME_UNAVAILABLE;
    return ticket_work_may_start(to, true, approved == 1) ? OUTCOME_OK : OUTCOME_APPROVAL_REQUIRED;
}
