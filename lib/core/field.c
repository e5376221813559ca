/* field: see field.h. */
#include "core/field.h"

#include <string.h>

static const char *const type_names[] = {"text", "longtext", "email", "phone", "number",
                                         "date", "datetime", "choice", "multichoice", "bool"};

int field_type_parse(const char *s)
{
    for (size_t i = 0; s && i < sizeof type_names / sizeof *type_names; i++)
        if (strcmp(s, type_names[i]) == 0)
            return (int)i;
    return -1;
}

const char *field_type_code(field_type_t t) { return type_names[t]; }
