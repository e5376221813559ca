/* agent_acceptance: GET /agent/t/NUMBER/acceptance, the signed service
 * acceptance form (服务验收单) of a ticket the agent may see, to read and
 * print on A4 (templates/acceptance.cs, templates/static/doc.css). */
#include "agent/web.h"
#include "desk/ticket/ticket_work.h"

void agent_page_acceptance(web_t *w, const char *arg)
{
    char number[TN_MAX];
    ticket_t t;
    if (!web_segment(arg, number, sizeof number))
        return agent_error_page(w, 404, "not_found");
    int rc = ticket_by_number(w->d, number, &t);
    if (rc == OUTCOME_OK && !ticket_visible_to(w->d, ME(w), &t)) {
        ticket_free(&t);
        rc = OUTCOME_NOT_FOUND; /* a ticket one may not see is answered like a missing one */
    }
    agent_set_nav(w);
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    hdf_set_value(w->r->hdf, "Ticket.number", t.number);
    rc = web_acceptance(w, t.id, true);
    ticket_free(&t);
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    hdf_set_value(w->r->hdf, "Page.Doc", "1");
    web_render(w, "agent/acceptance.cs");
}
