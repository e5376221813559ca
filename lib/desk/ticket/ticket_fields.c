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
    {"contact_name", FT_TEXT, true, 50, NULL},
    {"organisation", FT_TEXT, false, 100, NULL},
    {"email", FT_EMAIL, true, 254, NULL},
    {"phone", FT_PHONE, false, 30, NULL},
    {"preferred_contact", FT_CHOICE, false, 10, contact_ways},
    {"product", FT_TEXT, true, 100, NULL},
    {"product_version", FT_TEXT, false, 50, NULL},
    {"serial_number", FT_TEXT, false, 50, NULL},
    {"subject", FT_TEXT, true, 100, NULL},
    {"description", FT_LONGTEXT, true, 10000, NULL},
    {"started_at", FT_DATETIME, false, 20, NULL},
    {"impact", FT_CHOICE, true, 20, ticket_impacts},
    {"tried", FT_LONGTEXT, false, 5000, NULL},
    {"error_message", FT_LONGTEXT, false, 5000, NULL},
    {"expected_at", FT_DATETIME, false, 20, NULL},
    {"keywords", FT_TEXT, false, 100, NULL},
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
