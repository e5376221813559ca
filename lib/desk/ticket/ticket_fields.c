/* ticket_fields: see ticket_fields.h. */
#include "desk/ticket/ticket_fields.h"

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

static const char *const contact_ways[] = {"email", "phone", "wechat", "any", NULL};

const field_rule_t ticket_fields[] = {
    {.name = "contact_name", .type = FT_TEXT, .required = true, .max_chars = 50},
    {.name = "organisation", .type = FT_TEXT, .max_chars = 100},
    {.name = "email", .type = FT_EMAIL, .required = true, .max_chars = 254},
    {.name = "phone", .type = FT_PHONE, .max_chars = 30},
    {.name = "preferred_contact", .type = FT_CHOICE, .max_chars = 10, .choices = contact_ways},
    {.name = "product", .type = FT_TEXT, .required = true, .max_chars = 100},
    {.name = "product_version", .type = FT_TEXT, .max_chars = 50},
    {.name = "serial_number", .type = FT_TEXT, .max_chars = 50},
    {.name = "subject", .type = FT_TEXT, .required = true, .max_chars = 100},
    {.name = "description", .type = FT_LONGTEXT, .required = true, .max_chars = 10000},
    {.name = "started_at", .type = FT_DATETIME, .max_chars = 20},
    {.name = "impact", .type = FT_CHOICE, .required = true, .max_chars = 20,
     .choices = ticket_impacts},
    {.name = "tried", .type = FT_LONGTEXT, .max_chars = 5000},
    {.name = "error_message", .type = FT_LONGTEXT, .max_chars = 5000},
    {.name = "expected_at", .type = FT_DATETIME, .max_chars = 20},
    {.name = "keywords", .type = FT_TEXT, .max_chars = 100},
};
const int ticket_nfields = (int)(sizeof ticket_fields / sizeof *ticket_fields);

const field_rule_t *ticket_field(const char *name)
{
    for (int i = 0; name && i < ticket_nfields; i++)
        if (strcmp(ticket_fields[i].name, name) == 0)
            return &ticket_fields[i];
    return NULL;
}

int ticket_field_max(const char *name)
{
    const field_rule_t *f = ticket_field(name);
    return f ? f->max_chars : 0;
}
