#include "core/keyset.h"

#include <stdio.h>

#define KEYSET_DIGITS 18

/* Reads 1 to 18 decimal digits at *s; advances *s past them. */
static bool read_number(const char **s, long long *v)
{
    const char *p = *s;
    long long n = 0;
    int digits = 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (++digits > KEYSET_DIGITS)
            return false;
        n = n * 10 + (*p - '0');
    }
    if (!digits)
        return false;
    *v = n;
    *s = p;
    return true;
}

bool keyset_parse(const char *s, keyset_t *k)
{
    keyset_t r = {0};
    if (!s)
        return false;
    if (*s >= 'a' && *s <= 'z' && s[1] == ':') {
        r.part = *s;
        s += 2;
    }
    if (!read_number(&s, &r.key) || *s++ != '.' || !read_number(&s, &r.id) || *s)
        return false;
    *k = r;
    return true;
}

void keyset_format(const keyset_t *k, char *out, size_t size)
{
    if (k->part)
        snprintf(out, size, "%c:%lld.%lld", k->part, k->key, k->id);
    else
        snprintf(out, size, "%lld.%lld", k->key, k->id);
}
