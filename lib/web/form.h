/* form: each page declares its fields once (name, type, required, limit,
 * choices, a whole number's range and message: lib/core/field.h), as kcgi's
 * pages declare their kvalid; form_validate() checks a submission against
 * them and writes, for every field, the kept input to Form.<name>.value and
 * a message key to Form.<name>.error (looked up as L.Err.<key> in
 * templates). Handlers then read only validated values, typed: the text with
 * form_value(), a number or id with form_int(), the ids of a multiple choice
 * with form_ids(). Nothing in cgi/ converts a request's text to a number. */
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
/* The largest id or whole number a form, a path or a query may carry: 18
 * digits, so that reading one never overflows. */
#define WEB_ID_MAX 999999999999999999LL

/* Validated value of a field, NULL when empty. */
const char *form_value(HDF *out, const char *name);
/* The validated whole number of a field (FT_ID, FT_INTEGER, an FT_NUMBER with
 * a range, a choice whose codes are ids); 0 when empty or in error. */
long long form_int(HDF *out, const char *name);
/* The ids of a validated multiple choice whose codes are ids, each once, in
 * the order given, into ids; their number, or -1 when more than cap. */
int form_ids(HDF *out, const char *name, long long *ids, int cap);
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
