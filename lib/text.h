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
/* A malloc'd copy that shows where the control characters text_is_clean_utf8
 * refuses are: each one, and each byte that is not UTF-8, becomes U+FFFD.
 * NULL when out of memory. */
char *text_mark_controls(const char *s);
/* Number of code points in valid UTF-8. */
size_t text_chars(const char *s);
/* True when item is one of the comma-separated entries of list
 * ("fault,complaint"), compared whole. */
bool text_list_has(const char *list, const char *item);
/* Strips leading and trailing ASCII white space in place; returns s. */
char *text_trim(char *s);

#endif
