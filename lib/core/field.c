/* field: see field.h. */
#include "core/field.h"

#include <string.h>

static const char *const type_names[] = {
    "text", "longtext", "email", "phone", "number", "date", "datetime",
    "choice", "multichoice", "bool", "id", "integer",
};

int field_type_parse(const char *s)
{
    for (int i = 0; s && i <= FT_BOOL; i++)
        if (strcmp(s, type_names[i]) == 0)
            return i;
    return -1;
}

const char *field_type_code(field_type_t t) { return type_names[t]; }
