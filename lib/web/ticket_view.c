/* ticket_view: see ticket_view.h. */
#include "web/ticket_view.h"

#include <stdio.h>

#include "core/tpl.h"
#include "web/form.h"

void ticket_view_take(HDF *form, unsigned channel, ticket_new_t *t)
{
    for (int i = 0; i < ticket_ncore; i++) {
        const ticket_field_t *f = &ticket_core[i];
        if (!(f->from & channel))
            continue;
        const char *v = form_value(form, f->name);
        if (f->kind == TFK_TIME)
            ticket_in_set_time(&t->core, f, v ? form_parse_local_time(v) : 0);
        else
            ticket_in_set_text(&t->core, f, v);
    }
}

void ticket_view_values(HDF *h, const ticket_t *t, unsigned reader)
{
    char key[80];
    for (int i = 0; i < ticket_ncore; i++) {
        const ticket_field_t *f = &ticket_core[i];
        if (!(f->see & reader) || !ticket_field_read_back(f))
            continue;
        snprintf(key, sizeof key, "Ticket.%s", f->name);
        if (f->kind == TFK_TIME)
            tpl_set_time(h, key, ticket_back_time(&t->core, f));
        else
            hdf_set_value(h, key, ticket_back_text(&t->core, f));
    }
}
