/* commonfield: the request fields any category may ask for beyond the
 * fixed core (subject, description, the contact's name and address): the
 * product, its version and serial number, the impact, when it started, the
 * error message, what was tried, the wished date and keywords (their rules
 * are lib/desk/ticket/ticket_fields.h's, alike in every channel). Per category
 * admins choose for each whether the forms show it and whether it is
 * required (table category_common_fields, loaded into the catalogue); a
 * category without a choice for a field gets the field's default. The
 * portal, the agents' intake and the API validate with the same rules. */
#ifndef DESK_COMMONFIELD_H
#define DESK_COMMONFIELD_H

#include <stdbool.h>

#include "core/field.h"

typedef enum common_mode {
    COMMON_HIDDEN,   /* not on the forms; the API may still give it */
    COMMON_OPTIONAL,
    COMMON_REQUIRED,
} common_mode_t;

enum {
    COMMON_PRODUCT,
    COMMON_PRODUCT_VERSION,
    COMMON_SERIAL_NUMBER,
    COMMON_IMPACT,
    COMMON_STARTED_AT,
    COMMON_ERROR_MESSAGE,
    COMMON_TRIED,
    COMMON_EXPECTED_AT,
    COMMON_KEYWORDS,
    COMMON_COUNT
};

/* The rule of a field (lib/desk/ticket/ticket_fields.h: type, limit, choices, and
 * required as the portal asked before), in the order above; i < COMMON_COUNT. */
const field_rule_t *common_field(int i);
/* The index of a field name, or -1. */
int common_index(const char *name);
common_mode_t common_default(int i);
const char *common_mode_name(common_mode_t m);
/* "hidden", "optional", "required"; -1 for anything else. */
int common_mode_parse(const char *s);

/* The rules of the fields a category asks for (modes: COMMON_COUNT of
 * them), required where its mode says so, into out (COMMON_COUNT places);
 * with_hidden adds the hidden ones as optional (the API stores what it is
 * given). Returns how many. */
int common_rules(const unsigned char *modes, bool with_hidden, field_rule_t *out);
/* Every rule of a request on the portal: the core fields the portal takes
 * that no category chooses (ticket_field_rules), then the common ones the
 * modes ask for, into out
 * (COMMON_REQUEST_MAX places). Returns how many. */
#define COMMON_REQUEST_MAX 32
int common_request_rules(const unsigned char *modes, field_rule_t *out);

#endif
