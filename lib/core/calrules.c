/* calrules: see calrules.h. */
#include "core/calrules.h"

#include <stdio.h>
#include <string.h>

/* "H:MM" or "HH:MM" at *s, 00:00..24:00; advances *s. -1 when malformed. */
static int clock_minute(const char **s)
{
    const char *p = *s;
    int h = 0, m = 0, digits = 0;
    while (*p >= '0' && *p <= '9' && digits < 2)
        h = h * 10 + (*p++ - '0'), digits++;
    if (!digits || *p++ != ':' || !(p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9'))
        return -1;
    m = (p[0] - '0') * 10 + (p[1] - '0');
    *s = p + 2;
    if (m > 59 || h > 24 || (h == 24 && m))
        return -1;
    return h * 60 + m;
}

/* Skips separators: ASCII space, tab, ',', ';' and the Chinese comma
 * "，" / "、" / "；" (UTF-8). */
static const char *skip_sep(const char *s)
{
    for (;;) {
        if (*s == ' ' || *s == '\t' || *s == ',' || *s == ';')
            s++;
        else if (!strncmp(s, "\xef\xbc\x8c", 3) || !strncmp(s, "\xe3\x80\x81", 3) ||
                 !strncmp(s, "\xef\xbc\x9b", 3))
            s += 3;
        else
            return s;
    }
}

static void sort_spans(bizcal_span_t *s, int n)
{
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && s[j].start < s[j - 1].start; j--) {
            bizcal_span_t t = s[j];
            s[j] = s[j - 1];
            s[j - 1] = t;
        }
}

int calrules_parse_spans(const char *text, bizcal_span_t *out, int max, const char **err)
{
    int n = 0;
    const char *s = skip_sep(text ? text : "");
    *err = NULL;
    while (*s) {
        int a = clock_minute(&s);
        while (*s == ' ')
            s++;
        bool dash = *s == '-' || *s == '~';
        if (dash)
            s++;
        else if (!strncmp(s, "\xe2\x80\x93", 3) || !strncmp(s, "\xef\xbd\x9e", 3))
            s += 3, dash = true; /* en dash, full-width tilde */
        while (*s == ' ')
            s++;
        int b = dash ? clock_minute(&s) : -1;
        if (a < 0 || b < 0 || (*s && !strchr(" \t,;\xef\xe3", *s)))
            return *err = "span_format", -1;
        if (a >= b)
            return *err = "span_order", -1;
        if (n == max)
            return *err = "span_too_many", -1;
        out[n++] = (bizcal_span_t){(int16_t)a, (int16_t)b};
        s = skip_sep(s);
    }
    sort_spans(out, n);
    for (int i = 1; i < n; i++)
        if (out[i].start < out[i - 1].end)
            return *err = "span_overlap", -1;
    return n;
}

void calrules_format_spans(const bizcal_span_t *s, int n, char *out, size_t cap)
{
    size_t len = 0;
    if (cap)
        out[0] = '\0';
    for (int i = 0; i < n && len < cap; i++) {
        int w = snprintf(out + len, cap - len, "%s%02d:%02d-%02d:%02d", i ? ", " : "",
                         s[i].start / 60, s[i].start % 60, s[i].end / 60, s[i].end % 60);
        if (w < 0)
            return;
        len += (size_t)w;
    }
}

bool calrules_zone_ok(const char *tz)
{
    bizcal_t c;
    memset(&c, 0, sizeof c);
    int rc = tz && *tz ? bizcal_init(&c, tz) : -1;
    bizcal_free(&c);
    return rc == 0;
}

bool calrules_date_ok(const char *s)
{
    bizcal_t c;
    memset(&c, 0, sizeof c);
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
        strspn(s, "0123456789-") != 10)
        return false;
    /* the clock's own date check: the same rule catalog.c applies on load */
    bool ok = bizcal_add_day(&c, s, false) == 0;
    bizcal_free(&c);
    return ok;
}
