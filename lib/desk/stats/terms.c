/* terms: see terms.h. */
#include "desk/stats/terms.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Characters that make a pair no keyword: particles, pronouns, the
 * commonest function words. */
static const char stop_chars[] = "的了是在和与及或吗呢吧啊么着过也都就还很请您我你他她它们这那个一不有把被给对从";

/* The code point of the UTF-8 sequence at s and its length in *len; -1 for
 * a malformed one (length 1). */
static long decode(const unsigned char *s, int *len)
{
    int n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3
          : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    *len = 1;
    if (!n)
        return -1;
    long c = n == 1 ? s[0] : s[0] & (0x7F >> n);
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        c = (c << 6) | (s[i] & 0x3F);
    }
    *len = n;
    return c;
}

static bool is_han(long c)
{
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

static bool is_stop(const unsigned char *s, int len)
{
    for (const char *p = stop_chars; *p;) {
        int n;
        decode((const unsigned char *)p, &n);
        if (n == len && memcmp(p, s, (size_t)len) == 0)
            return true;
        p += n;
    }
    return false;
}

static bool is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int add(char out[][STATS_TERM_MAX + 1], int n, int max, const char *t, size_t len)
{
    if (n >= max || len == 0 || len > STATS_TERM_MAX)
        return n;
    for (int i = 0; i < n; i++)
        if (strlen(out[i]) == len && memcmp(out[i], t, len) == 0)
            return n;
    memcpy(out[n], t, len);
    out[n][len] = '\0';
    return n + 1;
}

int stats_terms(const char *text, char out[][STATS_TERM_MAX + 1], int max)
{
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    int n = 0;
    const unsigned char *prev = NULL; /* the Chinese character just before */
    int prev_len = 0;
    while (*s) {
        if (is_alnum(*s)) {
            char w[STATS_TERM_MAX + 1];
            size_t len = 0;
            bool letter = false, fits = true;
            for (; is_alnum(*s); s++) {
                letter |= !(*s >= '0' && *s <= '9');
                if (len < STATS_TERM_MAX)
                    w[len++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
                else
                    fits = false;
            }
            if (letter && fits && len >= 2)
                n = add(out, n, max, w, len);
            prev = NULL;
            continue;
        }
        int len;
        long c = decode(s, &len);
        if (c >= 0 && is_han(c)) {
            if (prev && !is_stop(prev, prev_len) && !is_stop(s, len)) {
                char pair[8];
                memcpy(pair, prev, (size_t)prev_len);
                memcpy(pair + prev_len, s, (size_t)len);
                n = add(out, n, max, pair, (size_t)(prev_len + len));
            }
            prev = s, prev_len = len;
        } else
            prev = NULL;
        s += len;
    }
    return n;
}
