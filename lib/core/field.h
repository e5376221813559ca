/* field: the rule of one input field, whatever way a value comes in (a
 * form, the API): its name, type, whether it is required, its limit in
 * characters and, for a choice, the codes allowed. The domain declares its
 * fields with these rules (lib/desk/ticket/ticket_fields.h, the common
 * fields, the categories' own); lib/web/form.h checks submitted values
 * against them. */
#ifndef DESK_FIELD_H
#define DESK_FIELD_H

#include <stdbool.h>

typedef enum field_type {
    FT_TEXT,
    FT_LONGTEXT,
    FT_EMAIL,
    FT_PHONE,
    FT_NUMBER,
    FT_DATE,
    FT_DATETIME,
    FT_CHOICE,
    FT_MULTICHOICE,
    FT_BOOL,
} field_type_t;

typedef struct field_rule {
    const char *name;
    field_type_t type;
    bool required;
    int max_chars;
    const char *const *choices; /* NULL-ended codes for choice fields */
} field_rule_t;

/* Parses "text", "longtext", ... as stored in category_fields; -1 if unknown. */
int field_type_parse(const char *s);
/* The stored name of a type ("text", ...). */
const char *field_type_code(field_type_t t);

#endif
