/* libFuzzer target for lib/core/keyset.c: the cursor of a keyset page as it
 * arrives in a link's query (?after=...) of the queues, the progress table
 * and the R&D queue.
 *
 * Checked: a cursor read is made only of what the grammar allows (an
 * optional "p:" part, 1-18 digits, '.', 1-18 digits, nothing else) and its
 * values are the digits' values; writing it gives back the same bytes; text
 * that is not a cursor leaves the result untouched. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/keyset.h"

#define CHECK(c)                                                                                   \
    do {                                                                                           \
        if (!(c)) {                                                                                \
            fprintf(stderr, "check failed: %s (line %d)\n", #c, __LINE__);                        \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char s[256];
    if (size >= sizeof s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    keyset_t k = {.part = '#', .key = -5, .id = -6};
    if (!keyset_parse(s, &k)) {
        CHECK(k.part == '#' && k.key == -5 && k.id == -6);
        return 0;
    }
    CHECK(k.part == 0 || (k.part >= 'a' && k.part <= 'z'));
    CHECK(k.key >= 0 && k.key < 1000000000000000000LL);
    CHECK(k.id >= 0 && k.id < 1000000000000000000LL);
    /* The bytes are the grammar's, and the values are theirs. */
    const char *p = s;
    if (k.part) {
        CHECK(p[0] == k.part && p[1] == ':');
        p += 2;
    }
    char *end;
    CHECK(*p >= '0' && *p <= '9' && strtoll(p, &end, 10) == k.key && *end == '.');
    p = end + 1;
    CHECK(*p >= '0' && *p <= '9' && strtoll(p, &end, 10) == k.id && *end == '\0');
    /* Written again, a cursor reads back the same (leading zeros aside). */
    char out[KEYSET_MAX];
    keyset_t back;
    keyset_format(&k, out, sizeof out);
    CHECK(keyset_parse(out, &back));
    CHECK(back.part == k.part && back.key == k.key && back.id == k.id);
    return 0;
}
