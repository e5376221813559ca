/* text: checks on untrusted text before it goes anywhere else. */
#ifndef DESK_TEXT_H
#define DESK_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is well-formed UTF-8: no overlongs, no surrogates,
 * nothing above U+10FFFF, no sequence cut short. */
bool text_is_utf8(const char *s, size_t n);
/* Well-formed UTF-8 that holds no NUL or control character (C0, DEL, C1)
 * other than tab, CR and LF. */
bool text_is_clean_utf8(const char *s, size_t n);
/* Well-formed UTF-8 fit to name a file: no control character at all (not
 * even tab, CR or LF), no bidi control (U+202A-202E, U+2066-2069, U+061C,
 * U+200E-200F) and no invisible character (U+200B-200D, U+2028-2029,
 * U+2060-2065, U+180E, U+FEFF). */
bool text_is_plain_name(const char *s);
/* malloc'd copies that show where the refused characters are: each one,
 * and each byte that is not UTF-8, becomes U+FFFD. NULL when out of memory.
 * text_mark_controls marks what text_is_clean_utf8 refuses,
 * text_mark_name what text_is_plain_name refuses. */
char *text_mark_controls(const char *s);
char *text_mark_name(const char *s);
/* Number of code points in valid UTF-8. */
size_t text_chars(const char *s);
/* True when item is one of the comma-separated entries of list
 * ("fault,complaint"), compared whole. */
bool text_list_has(const char *list, const char *item);
/* A whole number written in decimal digits only (no sign, no space, at most
 * 18 digits, so no overflow), in [lo, hi]: true and *out set, else false and
 * *out untouched. The one way the desk reads a number someone typed or sent. */
bool text_whole(const char *s, long long lo, long long hi, long long *out);
/* Steps through a comma-separated list of ids as stored ("3,5,8"): reads
 * the id at p into *id and returns where the next one starts, or NULL at
 * the end or at anything that is not an id of 1 to 18 digits. */
const char *text_next_id(const char *p, long long *id);
/* Strips leading and trailing ASCII white space in place; returns s. */
char *text_trim(char *s);
/* A LIKE pattern that matches s literally (its %, _ and \ escaped with the
 * default escape character), as a prefix ("s%") or anywhere ("%s%"). False
 * when it does not fit cap bytes (2 * strlen(s) + 3 always does). */
bool text_like_pattern(const char *s, bool anywhere, char *out, size_t cap);

#endif
