/* form: see form.h. */
#include "web/form.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <util/neo_hdf.h>
#include <util/neo_str.h>

#include "core/text.h"
#include "desk/notify/mailer.h"

static bool valid_email(const char *s)
{
    const char *at = strchr(s, '@');
    if (!at || at == s || strchr(at + 1, '@') || strlen(s) > 254)
        return false;
    const char *dot = strrchr(at, '.');
    if (!dot || dot == at + 1 || !dot[1] || at[1] == '.' || strstr(at, ".."))
        return false;
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p <= ' ' || strchr("<>()[]\\,;:\"", *p))
            return false;
    /* and one the outbox can send to: refused there, it would fail the ticket */
    return mail_address_valid(s);
}

static bool valid_phone(const char *s)
{
    int digits = 0;
    for (const char *p = s; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (!strchr("+-() ", *p))
            return false;
    }
    return digits >= 5 && strlen(s) <= 30;
}

/* Decimal notation only: strtod alone would also take "nan", "inf" and hex. */
static bool valid_number(const char *s)
{
    char *end;
    if (strspn(s, "0123456789+-.eE") != strlen(s))
        return false;
    double v = strtod(s, &end);
    return end != s && *end == '\0' && v > -1e15 && v < 1e15;
}

/* Whether s has the shape "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (T or a space):
 * strptime alone would skip spaces before a number and take one digit. */
static bool time_shaped(const char *s)
{
    static const char date[] = "0000-00-00", time[] = "T00:00";
    size_t n = strlen(s);
    if (n != 10 && n != 16)
        return false;
    for (size_t i = 0; i < n; i++) {
        char want = i < 10 ? date[i] : time[i - 10];
        bool ok = want == '0' ? s[i] >= '0' && s[i] <= '9'
                  : want == 'T' ? s[i] == 'T' || s[i] == ' '
                                : s[i] == want;
        if (!ok)
            return false;
    }
    return true;
}

time_t form_parse_local_time(const char *s)
{
    if (!time_shaped(s))
        return 0;
    struct tm tm = {0};
    const char *end = strptime(s, "%Y-%m-%d", &tm);
    if (!end)
        return 0;
    if (*end == 'T' || *end == ' ')
        end = strptime(end + 1, "%H:%M", &tm);
    if (!end || *end || tm.tm_year < 70 || tm.tm_year > 1100)
        return 0;
    struct tm check = tm;
    tm.tm_isdst = -1;
    time_t t = mktime(&tm);
    /* mktime normalises 2026-02-31 into March: refuse such dates */
    if (t == (time_t)-1 || tm.tm_mday != check.tm_mday || tm.tm_mon != check.tm_mon)
        return 0;
    return t;
}

/* A whole number in the rule's range: NULL, else its error key. */
static const char *whole_in_range(const form_field_t *f, const char *v)
{
    long long x;
    return text_whole(v, f->min, f->max, &x) ? NULL : f->invalid ? f->invalid : "invalid_number";
}

static bool in_choices(const char *const *choices, const char *v)
{
    for (int i = 0; choices && choices[i]; i++)
        if (strcmp(choices[i], v) == 0)
            return true;
    return false;
}

const char *field_check(const form_field_t *f, char *v)
{
    text_trim(v);
    if (!text_is_utf8(v, strlen(v)))
        return "encoding";
    if (!text_is_clean_utf8(v, strlen(v)))
        return "control";
    if (f->type == FT_MULTICHOICE && strspn(v, ",") == strlen(v))
        v[0] = '\0'; /* only separators: nothing was chosen */
    if (!*v)
        return f->required ? "required" : NULL;
    if (f->max_chars > 0 && text_chars(v) > (size_t)f->max_chars)
        return "too_long";
    switch (f->type) {
    case FT_TEXT:
        return strpbrk(v, "\r\n") ? "one_line" : NULL;
    case FT_EMAIL:
        return valid_email(v) ? NULL : "invalid_email";
    case FT_PHONE:
        return valid_phone(v) ? NULL : "invalid_phone";
    case FT_NUMBER:
        if (!valid_number(v))
            return "invalid_number";
        return f->min || f->max ? whole_in_range(f, v) : NULL;
    case FT_INTEGER:
        return strpbrk(v, "\r\n") ? "one_line" : whole_in_range(f, v);
    case FT_ID: {
        long long x;
        return strpbrk(v, "\r\n")               ? "one_line"
               : text_whole(v, 1, WEB_ID_MAX, &x) ? NULL
               : f->invalid                       ? f->invalid
                                                  : "invalid_choice";
    }
    case FT_DATE:
        return strlen(v) == 10 && form_parse_local_time(v) ? NULL : "invalid_date";
    case FT_DATETIME: /* "YYYY-MM-DDTHH:MM" (or with a space), as browsers send it */
        return strlen(v) == 16 && (v[10] == 'T' || v[10] == ' ') && form_parse_local_time(v)
                   ? NULL
                   : "invalid_datetime";
    case FT_CHOICE:
        return in_choices(f->choices, v) ? NULL : "invalid_choice";
    case FT_MULTICHOICE: {
        char *save, *copy = strdup(v);
        const char *err = NULL;
        for (char *t = strtok_r(copy, ",", &save); t && !err; t = strtok_r(NULL, ",", &save))
            if (!in_choices(f->choices, t))
                err = "invalid_choice";
        free(copy);
        return err;
    }
    default:
        return NULL;
    }
}

/* The submitted value: repeated keys (checkboxes) are joined with commas. */
static char *collect_value(HDF *in, const form_field_t *f)
{
    char key[96];
    snprintf(key, sizeof key, "Query.%s", f->name);
    HDF *node = hdf_get_obj(in, key);
    if (f->type == FT_BOOL) {
        const char *v = node ? hdf_obj_value(node) : NULL;
        return strdup(v && (strcmp(v, "1") == 0 || strcmp(v, "on") == 0) ? "1" : "");
    }
    if (!node)
        return strdup("");
    HDF *child = hdf_obj_child(node);
    if (f->type != FT_MULTICHOICE || !child) {
        const char *v = hdf_obj_value(node);
        return strdup(v ? v : "");
    }
    STRING s;
    string_init(&s);
    for (; child; child = hdf_obj_next(child)) {
        const char *v = hdf_obj_value(child);
        if (!v || !*v || strchr(v, ','))
            continue;
        if (s.len)
            string_append_char(&s, ',');
        string_append(&s, v);
    }
    return s.buf ? s.buf : strdup("");
}

/* The input shown back with the form. Bytes that are not UTF-8 are not:
 * the page must stay valid. Control characters (a NUL the transport turned
 * into one, nulguard.h) are shown as U+FFFD, where they were. A value over
 * its limit comes with the limit and its length. */
static void keep_value(HDF *out, const form_field_t *f, const char *v, const char *err)
{
    char *marked = err && !strcmp(err, "control") ? text_mark_controls(v) : NULL;
    const char *shown = err && !strcmp(err, "encoding") ? "" : marked ? marked : v;
    hdf_set_valuef(out, "Form.%s.value=%s", f->name, shown);
    free(marked);
    if (err && !strcmp(err, "too_long")) {
        hdf_set_valuef(out, "Form.%s.max=%d", f->name, f->max_chars);
        hdf_set_valuef(out, "Form.%s.chars=%zu", f->name, text_chars(v));
    }
}

const char *form_first_error(HDF *out)
{
    for (HDF *n = hdf_get_child(out, "Form"); n; n = hdf_obj_next(n)) {
        const char *e = hdf_get_value(n, "error", NULL);
        if (e && strcmp(hdf_obj_name(n), "_form") != 0)
            return hdf_obj_name(n);
    }
    return NULL;
}

int form_validate(HDF *in, HDF *out, const form_field_t *fields, int n)
{
    int errors = 0;
    for (int i = 0; i < n; i++) {
        const form_field_t *f = &fields[i];
        char *v = collect_value(in, f);
        if (!v)
            return n;
        const char *err = field_check(f, v);
        keep_value(out, f, v, err);
        if (f->type == FT_MULTICHOICE && !err) {
            char *save;
            for (char *t = strtok_r(v, ",", &save); t; t = strtok_r(NULL, ",", &save))
                hdf_set_valuef(out, "Form.%s.sel.%s=1", f->name, t);
        }
        if (err) {
            form_set_error(out, f->name, err);
            errors++;
        }
        free(v);
    }
    return errors;
}

const char *form_value(HDF *out, const char *name)
{
    const char *v = hdf_get_valuef(out, "Form.%s.value", name);
    return v && *v ? v : NULL;
}

long long form_int(HDF *out, const char *name)
{
    long long x;
    if (hdf_get_valuef(out, "Form.%s.error", name))
        return 0;
    return text_whole(form_value(out, name), 0, WEB_ID_MAX, &x) ? x : 0;
}

int form_ids(HDF *out, const char *name, long long *ids, int cap)
{
    const char *v = hdf_get_valuef(out, "Form.%s.error", name) ? NULL : form_value(out, name);
    char *copy = strdup(v ? v : ""), *save;
    int n = 0;
    if (!copy)
        abort();
    for (char *t = strtok_r(copy, ",", &save); t && n >= 0; t = strtok_r(NULL, ",", &save)) {
        long long id;
        bool seen = false;
        if (!text_whole(t, 1, WEB_ID_MAX, &id))
            continue;
        for (int i = 0; i < n && !seen; i++)
            seen = ids[i] == id;
        if (!seen)
            n = n < cap ? (ids[n] = id, n + 1) : -1;
    }
    free(copy);
    return n;
}

void form_set_error(HDF *out, const char *name, const char *key)
{
    hdf_set_valuef(out, "Form.%s.error=%s", name, key);
    hdf_set_value(out, "Form.HasErrors", "1");
}
