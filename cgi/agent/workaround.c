/* workaround: the ticket page's temporary workaround (lib/desk/ticket/workaround.h):
 * its clock among the ticket's clocks (Due.workaround while it runs,
 * Done.workaround_at with Met.workaround once stopped) and the latest
 * workaround sent (Workaround.*). */
#include "agent/web.h"

#include "desk/ticket/workaround.h"

void agent_ticket_workaround(web_t *w, long long ticket_id, bool open)
{
    HDF *h = w->r->hdf;
    time_t due = 0, sent = 0;
    if (workaround_clock(w->d, ticket_id, &due, &sent))
        return;
    if (due && !sent && open)
        agent_set_due(w, "Due.workaround", due);
    else
        hdf_set_value(h, "Due.workaround.state", "none");
    if (due && sent) {
        tpl_set_time(h, "Done.workaround_at", sent);
        hdf_set_value(h, "Met.workaround", sent <= due ? "met" : "missed");
    }
    hdf_set_int_value(h, "Workaround.clock", due != 0);
    workaround_t x;
    if (workaround_latest(w->d, ticket_id, &x) != 1)
        return;
    hdf_set_value(h, "Workaround.by", x.by);
    hdf_set_value(h, "Workaround.measures", x.measures ? x.measures : "");
    hdf_set_value(h, "Workaround.compensation", x.compensation ? x.compensation : "");
    tpl_set_time(h, "Workaround.fix", x.fix_expected_at);
    tpl_set_time(h, "Workaround.at", x.created_at);
    workaround_free(&x);
}
