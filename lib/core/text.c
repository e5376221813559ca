/* text: see text.h. The UTF-8 check is written out rather than done with
 * mbrtowc/iconv so it needs no locale and no allocation per request. */
#include "core/text.h"

#include <stdlib.h>
#include <string.h>

/* One UTF-8 sequence at p: its length and code point in *cp, or 0 when it
 * is not well-formed (overlong, surrogate, above U+10FFFF, cut short). */
static size_t utf8_next(const unsigned char *p, size_t left, unsigned *cp)
{
    unsigned c = p[0];
    size_t len;
    unsigned min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, min = 0x10000;
    else
        return 0;
    if (left < len)
        return 0;
    unsigned v = c & (0xFF >> (len + 1));
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

/* C0 controls but tab, CR and LF; DEL; C1 controls. */
static bool is_control(unsigned cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
}

/* Characters that change the direction of the text around them or show
 * nothing at all: with them "invoice\u202egnp.html" looks like
 * "invoicelmth.png". */
static bool is_invisible(unsigned cp)
{
    return cp == 0x061C || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF;
}

/* Calls bad() on each code point; false when s[0..n) is not well-formed
 * UTF-8 or bad() said yes. */
static bool each_ok(const char *s, size_t n, bool (*bad)(unsigned))
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned cp;
    for (size_t i = 0, len; i < n; i += len)
        if ((len = utf8_next(p + i, n - i, &cp)) == 0 || (bad && bad(cp)))
            return false;
    return true;
}

static bool name_bad(unsigned cp) { return cp < 0x20 || is_control(cp) || is_invisible(cp); }

bool text_is_utf8(const char *s, size_t n) { return each_ok(s, n, NULL); }

bool text_is_clean_utf8(const char *s, size_t n) { return each_ok(s, n, is_control); }

bool text_is_plain_name(const char *s) { return each_ok(s, strlen(s), name_bad); }

/* A copy of valid UTF-8 with each code point bad() picks as U+FFFD. */
static char *mark(const char *s, bool (*bad)(unsigned))
{
    size_t n = strlen(s);
    char *out = malloc(n * 3 + 1), *o = out;
    const unsigned char *p = (const unsigned char *)s;
    unsigned cp;
    if (!out)
        return NULL;
    for (size_t i = 0, len; i < n; i += len) {
        if ((len = utf8_next(p + i, n - i, &cp)) == 0) {
            len = 1;
            cp = 0xFFFD;
        }
        if (cp == 0xFFFD || bad(cp)) {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            memcpy(o, p + i, len);
            o += len;
        }
    }
    *o = '\0';
    return out;
}

char *text_mark_controls(const char *s) { return mark(s, is_control); }

char *text_mark_name(const char *s) { return mark(s, name_bad); }

size_t text_chars(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += (*p & 0xC0) != 0x80;
    return n;
}

bool text_whole(const char *s, long long lo, long long hi, long long *out)
{
    size_t n = s ? strspn(s, "0123456789") : 0;
    if (n == 0 || n > 18 || s[n])
        return false;
    long long v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    if (v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

const char *text_next_id(const char *p, long long *id)
{
    char digits[20];
    size_t n = p ? strspn(p, "0123456789") : 0;
    if (n == 0 || n >= sizeof digits)
        return NULL;
    memcpy(digits, p, n);
    digits[n] = '\0';
    if (!text_whole(digits, 0, 999999999999999999LL, id))
        return NULL;
    return p[n] == ',' ? p + n + 1 : p + n;
}

char *text_trim(char *s)
{
    size_t n = strlen(s);
    while (n && strchr(" \t\r\n", s[n - 1]))
        s[--n] = '\0';
    size_t lead = strspn(s, " \t\r\n");
    if (lead)
        memmove(s, s + lead, n - lead + 1);
    return s;
}

bool text_list_has(const char *list, const char *item)
{
    size_t n = strlen(item);
    for (const char *p = list; p && n && *p;) {
        size_t len = strcspn(p, ",");
        if (len == n && strncmp(p, item, n) == 0)
            return true;
        p += len + (p[len] == ',');
    }
    return false;
}

bool text_like_pattern(const char *s, bool anywhere, char *out, size_t cap)
{
    size_t o = 0;
    if (cap < 3)
        return false;
    if (anywhere)
        out[o++] = '%';
    for (const char *p = s; *p; p++) {
        if (o + 4 > cap)
            return false;
        if (*p == '%' || *p == '_' || *p == '\\')
            out[o++] = '\\';
        out[o++] = *p;
    }
    out[o++] = '%';
    out[o] = '\0';
    return true;
}
