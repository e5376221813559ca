/* ticket_fields: see ticket_fields.h. */
#include "desk/ticket/ticket_fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* Each impact with the level its tickets start at. */
#define IMPACTS(X) X(company, urgent) X(department, important) X(individual, general) X(none, low)
#define IMPACT_CODE(impact, level) #impact,
#define IMPACT_LEVEL(impact, level) {#impact, #level},
const char *const ticket_impacts[] = {IMPACTS(IMPACT_CODE) NULL};
static const char *const impact_levels[][2] = {IMPACTS(IMPACT_LEVEL)};

const char *ticket_impact_priority(const char *impact)
{
    for (size_t i = 0; impact && i < sizeof impact_levels / sizeof *impact_levels; i++)
        if (strcmp(impact, impact_levels[i][0]) == 0)
            return impact_levels[i][1];
    return NULL;
}

const char *const ticket_contact_ways[] = {"email", "phone", "wechat", "any", NULL};

/* Where a row's value lives in ticket_t, for the kinds kept there. */
#define TF_AT(name)                                                                           \
    .back_offset = offsetof(ticket_core_t, name), .size = sizeof ((ticket_core_t *)0)->name,
#define TF_AT_TEXT(name) TF_AT(name)
#define TF_AT_LONG(name) TF_AT(name)
#define TF_AT_TIME(name) TF_AT(name)
#define TF_AT_SEALED(name)
#define TF_AT_CUSTOMER(name)
#define TF_ROW(name_, kind_, chars, type_, max, choices_, ...)                                 \
    {.name = #name_, .kind = TFK_##kind_, .in_offset = offsetof(ticket_core_in_t, name_),         \
     TF_AT_##kind_(name_).rule = {.name = #name_, .type = type_, .max_chars = max,            \
                                  .choices = choices_},                                       \
     __VA_ARGS__},

const ticket_field_t ticket_core[] = {TICKET_FIELDS(TF_ROW)};
const int ticket_ncore = (int)(sizeof ticket_core / sizeof *ticket_core);

const ticket_field_t *ticket_core_field(const char *name)
{
    for (int i = 0; name && i < ticket_ncore; i++)
        if (strcmp(ticket_core[i].name, name) == 0)
            return &ticket_core[i];
    return NULL;
}

const field_rule_t *ticket_field(const char *name)
{
    const ticket_field_t *f = ticket_core_field(name);
    return f ? &f->rule : NULL;
}

int ticket_field_rules(unsigned channel, field_rule_t *out, int cap)
{
    int n = 0;
    for (int i = 0; i < ticket_ncore && n < cap; i++) {
        const ticket_field_t *f = &ticket_core[i];
        if (!(f->from & channel) || f->common)
            continue;
        out[n] = f->rule;
        out[n++].required = (f->required & channel) != 0;
    }
    return n;
}

static bool holds_text(const ticket_field_t *f) { return f->kind != TFK_TIME; }

const char *ticket_in_text(const ticket_core_in_t *t, const ticket_field_t *f)
{
    return holds_text(f) ? *(const char *const *)((const char *)t + f->in_offset) : NULL;
}

void ticket_in_set_text(ticket_core_in_t *t, const ticket_field_t *f, const char *v)
{
    if (holds_text(f))
        *(const char **)((char *)t + f->in_offset) = v;
}

time_t ticket_in_time(const ticket_core_in_t *t, const ticket_field_t *f)
{
    return f->kind == TFK_TIME ? *(const time_t *)((const char *)t + f->in_offset) : 0;
}

void ticket_in_set_time(ticket_core_in_t *t, const ticket_field_t *f, time_t v)
{
    if (f->kind == TFK_TIME)
        *(time_t *)((char *)t + f->in_offset) = v;
}

bool ticket_field_read_back(const ticket_field_t *f)
{
    return f->kind == TFK_TEXT || f->kind == TFK_LONG || f->kind == TFK_TIME;
}

const char *ticket_back_text(const ticket_core_t *t, const ticket_field_t *f)
{
    const char *at = (const char *)t + f->back_offset;
    if (f->kind == TFK_TEXT)
        return at;
    if (f->kind == TFK_LONG)
        return *(char *const *)at ? *(char *const *)at : "";
    return "";
}

time_t ticket_back_time(const ticket_core_t *t, const ticket_field_t *f)
{
    return f->kind == TFK_TIME ? *(const time_t *)((const char *)t + f->back_offset) : 0;
}

void ticket_fields_free(ticket_core_t *t)
{
    for (int i = 0; i < ticket_ncore; i++)
        if (ticket_core[i].kind == TFK_LONG) {
            char **p = (char **)((char *)t + ticket_core[i].back_offset);
            free(*p);
            *p = NULL;
        }
}

static void publish_row(HDF *g, const texts_t *texts, lang_t l, int i, const ticket_field_t *f)
{
    char key[160];
    hdf_set_valuef(g, "TicketFields.%d.name=%s", i, f->name);
    hdf_set_valuef(g, "TicketFields.%d.type=%s", i, field_type_code(f->rule.type));
    hdf_set_valuef(g, "TicketFields.%d.max=%d", i, f->rule.max_chars);
    hdf_set_valuef(g, "TicketFields.%d.placed=%d", i, f->placed);
    hdf_set_valuef(g, "TicketFields.%d.common=%d", i, f->common);
    hdf_set_valuef(g, "TicketFields.%d.portal=%d", i, (f->from & TF_PORTAL) != 0);
    hdf_set_valuef(g, "TicketFields.%d.agent=%d", i, (f->from & TF_AGENT) != 0);
    hdf_set_valuef(g, "TicketFields.%d.portal_required=%d", i, (f->required & TF_PORTAL) != 0);
    hdf_set_valuef(g, "TicketFields.%d.agent_required=%d", i, (f->required & TF_AGENT) != 0);
    if (!f->label)
        return;
    hdf_set_valuef(g, "TicketFields.%d.label=%s", i, texts_get(texts, l, f->label));
    snprintf(key, sizeof key, "%s_help", f->label);
    hdf_set_valuef(g, "TicketFields.%d.help=%s", i, texts_get(texts, l, key));
    for (int j = 0; f->rule.choices && f->rule.choices[j]; j++) {
        snprintf(key, sizeof key, "%s_choices.%s", f->label, f->rule.choices[j]);
        hdf_set_valuef(g, "TicketFields.%d.Options.%d.code=%s", i, j, f->rule.choices[j]);
        hdf_set_valuef(g, "TicketFields.%d.Options.%d.label=%s", i, j, texts_get(texts, l, key));
    }
}

void ticket_fields_publish(texts_t *texts)
{
    for (int l = 0; l < LANG_COUNT; l++) {
        HDF *g = texts->global[l];
        if (!g)
            continue;
        hdf_remove_tree(g, "TicketFields");
        for (int i = 0; i < ticket_ncore; i++)
            publish_row(g, texts, (lang_t)l, i, &ticket_core[i]);
    }
}
