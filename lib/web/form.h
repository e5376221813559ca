/* form: each page declares its fields once (name, type, required, limit,
 * choices); form_validate() checks a submission against them and writes, for
 * every field, the kept input to Form.<name>.value and a message key to
 * Form.<name>.error (looked up as L.Err.<key> in templates). Handlers then
 * read only validated values with form_value(). */
#ifndef DESK_FORM_H
#define DESK_FORM_H

#include <stdbool.h>
#include <time.h>

#include "core/config.h"
#include "core/field.h"

/* A form's field is a field rule (lib/core/field.h). */
typedef field_rule_t form_field_t;

/* Validates fields read from in (Query.<name>) into out (Form.<name>.*).
 * Returns the number of fields in error. */
int form_validate(HDF *in, HDF *out, const form_field_t *fields, int n);
/* Validated value of a field, NULL when empty. */
const char *form_value(HDF *out, const char *name);
/* Sets a form-level or field error key by hand (e.g. "csrf"). */
void form_set_error(HDF *out, const char *name, const char *key);
/* The name of the first field with an error (not the form-level "_form"),
 * or NULL. */
const char *form_first_error(HDF *out);

/* Checks one value; returns NULL when valid, else an error key: required,
 * encoding (not UTF-8), control (a control character: a NUL arrives as one),
 * too_long (over max_chars characters), one_line, invalid_*. The value is
 * normalised in place (trimmed). */
const char *field_check(const form_field_t *f, char *value);
/* Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (also with a space) as local time
 * in the process time zone; 0 when invalid. */
time_t form_parse_local_time(const char *s);

#endif
