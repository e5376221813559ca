/* agent_links: see links.h. */
#include "agent/links.h"

#include <string.h>

#include "desk/ticket/ticket_link.h"
#include "desk/ticket/ticket_merge.h"
#include "desk/ticket/ticket_work.h"

static void add_link(const ticket_link_t *l, void *ctx)
{
    web_t *w = ctx;
    ticket_t o;
    if (ticket_by_id(w->d, l->other_id, &o) != OUTCOME_OK)
        return;
    bool visible = ticket_visible_to(w->d, ME(w), &o); /* never a ticket one may not see */
    ticket_free(&o);
    if (!visible)
        return;
    HDF *h = w->r->hdf;
    int i = hdf_get_int_value(h, "LinkCount", 0);
    hdf_set_valuef(h, "Links.%d.kind=%s", i, l->kind);
    hdf_set_valuef(h, "Links.%d.number=%s", i, l->number);
    hdf_set_valuef(h, "Links.%d.subject=%s", i, l->subject);
    hdf_set_valuef(h, "Links.%d.status=%s", i, l->status);
    hdf_set_int_value(h, "LinkCount", i + 1);
}

void agent_ticket_links(web_t *w, const ticket_t *t)
{
    for (int i = 0; ticket_link_kinds[i]; i++)
        hdf_set_valuef(w->r->hdf, "LinkKinds.%d=%s", i, ticket_link_kinds[i]);
    ticket_links_each(w->d, t->id, add_link, w);
}

/* The ticket of a number typed into a form: its id, 0 when none. */
static long long typed_ticket(web_t *w, const char *field)
{
    const char *number = req_query(w->r, field);
    ticket_t t;
    if (!number || !*number || strlen(number) >= TN_MAX ||
        ticket_by_number(w->d, number, &t) != OUTCOME_OK)
        return 0;
    long long id = t.id;
    ticket_free(&t);
    return id;
}

static ticket_by_t by_me(web_t *w)
{
    return (ticket_by_t){.agent = ME(w), .ip = req_env(w->r, "REMOTE_ADDR")};
}

int agent_act_merge(web_t *w, long long id)
{
    const char *why = NULL, *reason = req_query(w->r, "reason");
    long long into = typed_ticket(w, "into");
    if (!into) {
        hdf_set_value(w->r->hdf, "MergeError", "unknown");
        return OUTCOME_INVALID;
    }
    ticket_by_t by = by_me(w);
    int rc = ticket_merge(w->d, &by, id, into, reason && *reason ? reason : NULL, &why);
    if (why)
        hdf_set_value(w->r->hdf, "MergeError", why);
    return rc;
}

int agent_act_link(web_t *w, long long id, bool add)
{
    const char *kind = req_query(w->r, "kind");
    long long other = typed_ticket(w, "other");
    if (!other) {
        hdf_set_value(w->r->hdf, "LinkError", "unknown");
        return OUTCOME_INVALID;
    }
    ticket_by_t by = by_me(w);
    int rc = add ? ticket_link_add(w->d, &by, id, other, kind)
                 : ticket_link_remove(w->d, &by, id, other, kind);
    if (rc == OUTCOME_DUPLICATE)
        hdf_set_value(w->r->hdf, "LinkError", "exists");
    else if (rc == OUTCOME_FORBIDDEN) /* a ticket one may not see is not named */
        hdf_set_value(w->r->hdf, "LinkError", "unknown");
    else if (rc == OUTCOME_NOT_FOUND && !add)
        hdf_set_value(w->r->hdf, "LinkError", "no_link");
    else if (rc == OUTCOME_INVALID)
        hdf_set_value(w->r->hdf, "LinkError", id == other ? "self" : "kind");
    return rc;
}
