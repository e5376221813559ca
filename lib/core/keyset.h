/* keyset: the cursor of a keyset page, as it travels in a link's query.
 *
 *   "KEY.ID"     the sort key and the id of the last row shown
 *   "P:KEY.ID"   the same inside part P of a list read in parts
 *                (one lower-case letter: the R&D queue's waiting and
 *                answered parts)
 *
 * KEY and ID are decimal, 1 to 18 digits, nothing else around them. A
 * cursor is read strictly: anything else (a sign, a space, a trailing byte,
 * an overflow) is not a cursor, and the caller shows the first page or
 * refuses, never a page guessed from half a value. */
#ifndef DESK_KEYSET_H
#define DESK_KEYSET_H

#include <stdbool.h>
#include <stddef.h>

typedef struct keyset {
    char part; /* 0, or 'a'..'z' */
    long long key;
    long long id;
} keyset_t;

/* Enough for "p:" and two 18-digit numbers. */
#define KEYSET_MAX 48

/* True when s is a cursor; *k is set only then. */
bool keyset_parse(const char *s, keyset_t *k);
/* Writes k as a cursor that keyset_parse reads back (key and id must be
 * non-negative and below 10^18, part 0 or 'a'..'z'). */
void keyset_format(const keyset_t *k, char *out, size_t size);

#endif
