/* libFuzzer target for evaluation_effort_parse (lib/desk/ticket/evaluation.c):
 * the person-days a requirement evaluation form gives ("3", "2.5").
 *
 * Checked: a parse succeeds only for 1-4 digits with at most one decimal
 * (after '.' or ','), gives 1 .. EVALUATION_EFFORT_MAX tenths, and printing
 * the tenths back as "W.F" parses to the same value. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/ticket/evaluation.h"

#define CHECK(c)                                                                                   \
    do {                                                                                           \
        if (!(c)) {                                                                                \
            fprintf(stderr, "check failed: %s (line %d)\n", #c, __LINE__);                        \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    int tenths = -1;
    if (evaluation_effort_parse(s, &tenths)) {
        CHECK(tenths >= 1 && tenths <= EVALUATION_EFFORT_MAX);
        size_t n = strlen(s);
        CHECK(n >= 1 && n <= 6);
        for (size_t i = 0; i < n; i++)
            CHECK((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ',');
        char back[16];
        int again = -1;
        snprintf(back, sizeof back, "%d.%d", tenths / 10, tenths % 10);
        CHECK(evaluation_effort_parse(back, &again) && again == tenths);
    } else
        CHECK(tenths == -1);
    free(s);
    return 0;
}
