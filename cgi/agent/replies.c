/* agent_replies: the reply templates (lib/desk/replytpl.h) offered above a
 * ticket's reply box, each filled in for that ticket: the customer's name,
 * the number, the summary and the agent replying. Admins write them on
 * /admin/notifications/replies. The page shows each text (it can be copied
 * without JavaScript); agent.js inserts it into the reply box. */
#include <stdlib.h>

#include "agent/web.h"
#include "core/log.h"
#include "desk/replytpl.h"

typedef struct fill_ctx {
    web_t *w;
    replytpl_facts_t facts;
    int n;
} fill_ctx_t;

static void add_reply(const replytpl_t *t, void *ctx)
{
    fill_ctx_t *c = ctx;
    char *text = replytpl_fill(t->body, &c->facts);
    if (!text)
        return;
    hdf_set_valuef(c->w->r->hdf, "Replies.%d.id=%lld", c->n, t->id);
    hdf_set_valuef(c->w->r->hdf, "Replies.%d.title=%s", c->n, t->title);
    hdf_set_valuef(c->w->r->hdf, "Replies.%d.text=%s", c->n, text);
    free(text);
    c->n++;
}

void agent_reply_templates(web_t *w, const ticket_t *t)
{
    fill_ctx_t c = {w, {t->contact_name, t->number, t->subject, ME(w)->name}, 0};
    if (replytpl_each_active(&w->d->db, lang_parse(t->language), add_reply, &c) < 0)
        log_error("ticket %s: reply templates not loaded", t->number); /* the page still works */
}
