/* libFuzzer target for the number readers of lib/core/text.c (make fuzz;
 * then build/fuzz/fuzz_text -max_total_time=60): text_whole and
 * text_next_id, which read every number a request carries.
 *
 * Checked: text_whole accepts only 1 to 18 decimal digits whose value (taken
 * digit by digit in 128 bits) lies in the range, and then gives that value;
 * text_next_id steps only forward, over digits and one comma, and stops. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

static void check_whole(const char *s, long long lo, long long hi)
{
    long long v = -7;
    bool ok = text_whole(s, lo, hi, &v);
    size_t n = strlen(s);
    bool digits = n >= 1 && n <= 18 && strspn(s, "0123456789") == n;
    __int128 want = 0;
    for (size_t i = 0; digits && i < n; i++)
        want = want * 10 + (s[i] - '0');
    bool fits = digits && want >= lo && want <= hi;
    if (ok != fits || (ok && v != (long long)want) || (!ok && v != -7))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    check_whole(s, 0, 999999999999999999LL);
    check_whole(s, 1, 999);
    check_whole(s, 5, 5);
    long long id;
    const char *end = s + strlen(s);
    for (const char *p = s, *next; (next = text_next_id(p, &id)) != NULL; p = next)
        if (next <= p || next > end || id < 0)
            abort();
    free(s);
    return 0;
}
