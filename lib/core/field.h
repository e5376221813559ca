/* field: the rule of one input field, whatever way a value comes in (a
 * form, the API): its name, type, whether it is required, its limit in
 * characters, for a choice the codes allowed and, for a whole number, its
 * range and the message when a value is not in it. The domain declares its
 * fields with these rules (lib/desk/ticket/ticket_fields.h, the common
 * fields, the categories' own); lib/web/form.h checks submitted values
 * against them. A rule is written with designated initialisers naming only
 * what it uses, {.name = "rank", .type = FT_INTEGER, .min = 1, .max = 999}:
 * the rest is zero, and -Wmissing-field-initializers stays on for every
 * other struct. */
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
    /* not stored as a category field's type: */
    FT_ID,      /* a row's id: 1 to 18 digits */
    FT_INTEGER, /* a whole number in [min, max], digits only */
} field_type_t;

typedef struct field_rule {
    const char *name;
    field_type_t type;
    bool required;
    int max_chars;
    const char *const *choices; /* NULL-ended codes for choice fields */
    /* FT_INTEGER, and FT_NUMBER when either is set: the value must be a
     * whole number in [min, max] (FT_NUMBER: once it is a number at all) */
    long long min, max;
    const char *invalid; /* the error key when it is not; "invalid_number" if NULL */
} field_rule_t;

/* Parses "text", "longtext", ... as stored in category_fields (FT_TEXT to
 * FT_BOOL); -1 if unknown. */
int field_type_parse(const char *s);
/* The stored name of a type ("text", ...). */
const char *field_type_code(field_type_t t);

#endif
