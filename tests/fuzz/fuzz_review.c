/* libFuzzer target for the review records' readers of typed text (make fuzz;
 * then build/fuzz/fuzz_review -max_total_time=60): a problem record's
 * number as typed on a meeting's form ("PRB-000012" or "12"), a fishbone
 * factor's items (one a line), the 5-Why chain, and the codes of the
 * problem, action and minutes states and actions read from forms.
 *
 * Input: parts cut at NULs: a number or code, the items, then why 1,
 * because 1, why 2, ... (missing parts are empty).
 *
 * Checked: a number read is 1 to 15 digits after an optional "PRB-", and a
 * record's name reads back as its id; items come back trimmed, one a line,
 * none blank, at most PROBLEM_ITEMS_MAX of at most PROBLEM_ITEM_MAX
 * characters, no longer than typed, the same when read again, or NULL with
 * the reason; the chain's levels run from 1 without a gap, each with both
 * halves, or it is refused with reasons naming why_N / because_N; a code
 * read is one of the codes and reads back the same. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "desk/refusal.h"
#include "desk/review/action_state.h"
#include "desk/review/minutes_state.h"
#include "desk/review/problem.h"
#include "desk/review/problem_state.h"

#define CHECK(c)                                                                                   \
    do {                                                                                           \
        if (!(c)) {                                                                                \
            fprintf(stderr, "check failed: %s (line %d)\n", #c, __LINE__);                        \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#define NPARTS (2 + 2 * PROBLEM_WHYS_MAX)

static void number(const char *s)
{
    long long id = problem_number_parse(s);
    CHECK(id >= 0);
    if (id == 0)
        return;
    const char *digits = strncmp(s, "PRB-", 4) == 0 ? s + 4 : s;
    size_t n = strlen(digits);
    CHECK(n >= 1 && n <= 15 && strspn(digits, "0123456789") == n);
    if (id < 1000000000LL) {
        char name[16];
        problem_number(id, name);
        CHECK(problem_number_parse(name) == id);
    }
}

static void codes(const char *s)
{
    int v;
    if ((v = problem_status_parse(s)) >= 0)
        CHECK(strcmp(problem_status_code((problem_status_t)v), s) == 0);
    if ((v = problem_action_parse(s)) >= 0)
        CHECK(strcmp(problem_action_code((problem_action_t)v), s) == 0);
    if ((v = action_status_parse(s)) >= 0)
        CHECK(strcmp(action_status_code((action_status_t)v), s) == 0);
    if ((v = action_step_parse(s)) >= 0)
        CHECK(strcmp(action_step_code((action_step_t)v), s) == 0);
    if ((v = minutes_status_parse(s)) >= 0)
        CHECK(strcmp(minutes_status_code((minutes_status_t)v), s) == 0);
    if ((v = minutes_action_parse(s)) >= 0)
        CHECK(strcmp(minutes_action_code((minutes_action_t)v), s) == 0);
}

static void items(const char *s)
{
    const char *err = "unset";
    char *out = problem_items_normalise(s, &err);
    if (!out) {
        CHECK(err && (!strcmp(err, "too_many_items") || !strcmp(err, "item_too_long")));
        return;
    }
    CHECK(err == NULL);
    CHECK(strlen(out) <= strlen(s));
    CHECK(!strchr(out, '\r'));
    int n = 0;
    for (const char *line = out; *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        CHECK(len > 0);
        CHECK(!strchr(" \t", line[0]) && !strchr(" \t", line[len - 1]));
        char *copy = strndup(line, len);
        CHECK(copy);
        CHECK(text_chars(copy) <= PROBLEM_ITEM_MAX);
        free(copy);
        n++;
        if (!nl)
            break;
        line = nl + 1;
    }
    CHECK(n <= PROBLEM_ITEMS_MAX);
    char *again = problem_items_normalise(out, &err);
    CHECK(again && strcmp(again, out) == 0);
    free(again);
    free(out);
}

static void chain(const char *const part[NPARTS])
{
    const char *why[PROBLEM_WHYS_MAX], *because[PROBLEM_WHYS_MAX];
    for (int i = 0; i < PROBLEM_WHYS_MAX; i++)
        why[i] = part[2 + 2 * i], because[i] = part[3 + 2 * i];
    refusal_t r = {0};
    int levels = problem_chain_check(why, because, &r);
    CHECK(levels >= -1 && levels <= PROBLEM_WHYS_MAX);
    if (levels < 0) {
        CHECK(r.n > 0);
        for (int i = 0; i < r.n && i < REFUSAL_MAX; i++)
            CHECK(!strncmp(r.why[i].field, "why_", 4) || !strncmp(r.why[i].field, "because_", 8));
        return;
    }
    CHECK(r.n == 0);
    for (int i = 0; i < PROBLEM_WHYS_MAX; i++)
        CHECK(i < levels ? *why[i] && *because[i] : !*why[i] && !*because[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1);
    if (!buf)
        abort();
    memcpy(buf, data, size);
    buf[size] = '\0';
    const char *part[NPARTS];
    char *p = buf, *end = buf + size;
    for (int i = 0; i < NPARTS; i++) {
        part[i] = p < end ? p : "";
        if (p < end)
            p += strlen(p) + 1;
    }
    number(part[0]);
    codes(part[0]);
    items(part[1]);
    chain(part);
    free(buf);
    return 0;
}
