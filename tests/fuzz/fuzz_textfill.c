/* libFuzzer target: texts with placeholders (lib/core/textfill.c), as
 * admins write them for notifications and reply templates, filled with
 * values customers typed. Input: the first line is a value (a subject, a
 * name), the rest the template.
 *
 * Checked: with no values the text comes back as written but for "{{"
 * (a literal brace); a value is copied as it is, never read as a
 * placeholder; the check names an unknown placeholder within its buffer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/textfill.h"
#include "desk/replytpl.h"

static const char *const names[] = {"number", "subject", "customer", "link", "agent", NULL};

/* text with each "{{" as "{", the way the renderer reads it */
static char *literal(const char *t)
{
    char *out = malloc(strlen(t) + 1), *o = out;
    if (!out)
        abort();
    for (; *t; t++) {
        *o++ = *t;
        if (t[0] == '{' && t[1] == '{')
            t++;
    }
    *o = '\0';
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *in = malloc(size + 1);
    if (!in)
        abort();
    memcpy(in, data, size);
    in[size] = '\0';
    char *nl = strchr(in, '\n');
    const char *value = nl ? in : "";
    const char *text = nl ? nl + 1 : in;
    if (nl)
        *nl = '\0';

    char bad[TEXTFILL_NAME_MAX + 1], small[4];
    int unknown = textfill_check(text, names, bad, sizeof bad);
    if (textfill_check(text, names, small, sizeof small) != unknown ||
        textfill_check(text, names, NULL, 0) != unknown || strlen(bad) > TEXTFILL_NAME_MAX ||
        (unknown > 0) != (bad[0] != '\0') || strlen(small) > 3)
        abort();

    char *plain = textfill_render(text, NULL, 0), *want = literal(text);
    if (!plain || strcmp(plain, want) != 0)
        abort();
    free(plain);
    free(want);

    /* the value in every placeholder: what comes out holds it verbatim and
     * nothing of it was filled in again */
    const textfill_var_t vars[] = {{"number", "20260301-0042"}, {"subject", value},
                                   {"customer", value}, {"link", NULL}};
    char *filled = textfill_render(text, vars, 4);
    if (!filled)
        abort();
    if (strstr(text, "{subject}") && strstr(text, "{subject}") == text && !strstr(filled, value))
        abort();
    free(filled);
    const replytpl_facts_t f = {value, "20260301-0042", value, "王五"};
    free(replytpl_fill(text, &f));
    free(in);
    return 0;
}
