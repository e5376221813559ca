/* libFuzzer target for lib/desk/stats/terms.c (make fuzz; then
 * build/fuzz/fuzz_terms -max_total_time=60): the keywords of any subject a
 * customer may type. Checked: at most max terms, each non-empty, within
 * STATS_TERM_MAX bytes, NUL-terminated and distinct, whatever the bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "desk/stats/terms.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int max = 1 + data[0] % STATS_TERMS_MAX;
    char *s = malloc(size);
    if (!s)
        abort();
    memcpy(s, data + 1, size - 1);
    s[size - 1] = '\0';
    char (*out)[STATS_TERM_MAX + 1] = malloc(sizeof *out * (size_t)max);
    if (!out)
        abort();
    int n = stats_terms(s, out, max);
    if (n < 0 || n > max)
        abort();
    for (int i = 0; i < n; i++) {
        size_t len = strnlen(out[i], STATS_TERM_MAX + 1);
        if (len == 0 || len > STATS_TERM_MAX)
            abort();
        for (int j = 0; j < i; j++)
            if (!strcmp(out[i], out[j]))
                abort();
    }
    free(out);
    free(s);
    return 0;
}
