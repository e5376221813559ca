/* libFuzzer target for lib/web/nulguard.c (make fuzz; then
 * build/fuzz/fuzz_nulguard -max_total_time=60).
 *
 * The first byte picks the body's kind; the rest is the body. Checked: the
 * guard changes nothing but NUL into SOH (multipart) or the last '0' of
 * "%00" into '1' (urlencoded), and gives the same result whatever the
 * chunks the body arrives in. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/nulguard.h"

static void run(const char *ct, const uint8_t *in, size_t n, size_t step, char *out)
{
    nulguard_t g;
    memcpy(out, in, n);
    nulguard_init(&g, ct);
    for (size_t at = 0; at < n; at += step)
        nulguard_feed(&g, out + at, n - at < step ? n - at : step);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const kinds[] = {
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=XyZ",
        "multipart/form-data; boundary=\"a b\"",
        "text/plain",
    };
    if (size < 2)
        return 0;
    const char *ct = kinds[data[0] % 4];
    size_t step = 1 + data[0] / 4 % 7;
    const uint8_t *in = data + 1;
    size_t n = size - 1;
    char *whole = malloc(n), *chunked = malloc(n);
    if (!whole || !chunked)
        abort();
    run(ct, in, n, n, whole);
    run(ct, in, n, step, chunked);
    if (memcmp(whole, chunked, n) != 0)
        abort();
    for (size_t i = 0; i < n; i++)
        if (whole[i] != (char)in[i] && !(in[i] == 0 && whole[i] == 1) &&
            !(in[i] == '0' && whole[i] == '1'))
            abort();
    free(whole);
    free(chunked);
    return 0;
}
