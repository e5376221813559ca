/* commonfield: see commonfield.h. */
#include "desk/catalog/commonfield.h"

#include <string.h>

#include "desk/ticket/ticket_fields.h"

/* In the order of the COMMON_* indexes; their rules are ticket_fields'. */
static const char *const names[COMMON_COUNT] = {
    [COMMON_PRODUCT] = "product",
    [COMMON_PRODUCT_VERSION] = "product_version",
    [COMMON_SERIAL_NUMBER] = "serial_number",
    [COMMON_IMPACT] = "impact",
    [COMMON_STARTED_AT] = "started_at",
    [COMMON_ERROR_MESSAGE] = "error_message",
    [COMMON_TRIED] = "tried",
    [COMMON_EXPECTED_AT] = "expected_at",
    [COMMON_KEYWORDS] = "keywords",
};

static const char *const mode_names[] = {"hidden", "optional", "required"};

const field_rule_t *common_field(int i)
{
    return ticket_field(names[i]);
}

int common_index(const char *name)
{
    for (int i = 0; name && i < COMMON_COUNT; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

/* What every category asked for before admins could choose. */
common_mode_t common_default(int i)
{
    return ticket_core_field(names[i])->required & TF_PORTAL ? COMMON_REQUIRED : COMMON_OPTIONAL;
}

const char *common_mode_name(common_mode_t m)
{
    return mode_names[m];
}

int common_mode_parse(const char *s)
{
    for (int i = 0; s && i < 3; i++)
        if (strcmp(s, mode_names[i]) == 0)
            return i;
    return -1;
}

int common_rules(const unsigned char *modes, bool with_hidden, field_rule_t *out)
{
    int n = 0;
    for (int i = 0; i < COMMON_COUNT; i++) {
        if (modes[i] == COMMON_HIDDEN && !with_hidden)
            continue;
        out[n] = *common_field(i);
        out[n++].required = modes[i] == COMMON_REQUIRED;
    }
    return n;
}

int common_request_rules(const unsigned char *modes, field_rule_t *out)
{
    int n = ticket_field_rules(TF_PORTAL, out, COMMON_REQUEST_MAX - COMMON_COUNT);
    return n + common_rules(modes, false, out + n);
}
