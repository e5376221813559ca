/* textfill: see textfill.h. One scanner (next_token) serves the check and
 * the rendering, so both agree on what a placeholder is. */
#include "core/textfill.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* At p (a '{'): the length of the placeholder name when p starts one
 * ("{name}"), else 0. */
static size_t name_len(const char *p)
{
    size_t n = 0;
    for (const char *q = p + 1; *q != '}'; q++, n++)
        if (!*q || *q == '{' || *q == ' ' || *q == '\t' || *q == '\r' || *q == '\n' ||
            n >= TEXTFILL_NAME_MAX)
            return 0;
    return n;
}

static bool allowed(const char *name, size_t n, const char *const *names)
{
    for (int i = 0; names && names[i]; i++)
        if (strlen(names[i]) == n && memcmp(names[i], name, n) == 0)
            return true;
    return false;
}

int textfill_check(const char *text, const char *const *names, char *bad, size_t badcap)
{
    int unknown = 0;
    if (badcap)
        bad[0] = '\0';
    for (const char *p = strchr(text ? text : "", '{'); p; p = strchr(p + 1, '{')) {
        if (p[1] == '{') { /* "{{": a literal brace */
            p++;
            continue;
        }
        size_t n = name_len(p);
        if (!n)
            continue;
        if (!allowed(p + 1, n, names) && unknown++ == 0 && badcap)
            snprintf(bad, badcap, "%.*s", (int)n, p + 1);
        p += n + 1;
    }
    return unknown;
}

static const textfill_var_t *lookup(const textfill_var_t *vars, size_t nvars, const char *name,
                                    size_t n)
{
    for (size_t i = 0; i < nvars; i++)
        if (strlen(vars[i].name) == n && memcmp(vars[i].name, name, n) == 0)
            return &vars[i];
    return NULL;
}

char *textfill_render(const char *text, const textfill_var_t *vars, size_t nvars)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    if (!f)
        return NULL;
    for (const char *p = text ? text : ""; *p; p++) {
        if (*p != '{') { /* the plain text up to the next brace, at once */
            const char *brace = strchrnul(p, '{');
            fwrite(p, 1, (size_t)(brace - p), f);
            p = brace - 1;
            continue;
        }
        if (p[1] == '{') {
            fputc('{', f);
            p++;
            continue;
        }
        size_t n = name_len(p);
        const textfill_var_t *v = n ? lookup(vars, nvars, p + 1, n) : NULL;
        if (!v) {
            fputc('{', f);
            continue;
        }
        fputs(v->value ? v->value : "", f);
        p += n + 1;
    }
    if (fclose(f)) {
        free(out);
        return NULL;
    }
    return out;
}
