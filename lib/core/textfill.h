/* textfill: placeholders in texts admins write (notification templates,
 * reply templates): "{number}" becomes the ticket's number. Plain text
 * substitution only, never template code: a value is copied as it is and
 * never scanned again, so a customer whose subject reads "{link}" gets that
 * text, not a link.
 *
 * Syntax:
 *   {name}   a placeholder: '{', 1 to TEXTFILL_NAME_MAX bytes without white
 *            space, '{' or '}', then '}'. Only names the caller allows are
 *            accepted (textfill_check); "{客户}" or "{Number}" is a
 *            placeholder with an unknown name, refused on save.
 *   {{       a literal '{' (so "{{number}" prints "{number}")
 *   anything else, a lone '{' or '}' included, is literal text. */
#ifndef DESK_TEXTFILL_H
#define DESK_TEXTFILL_H

#include <stddef.h>

#define TEXTFILL_NAME_MAX 40

typedef struct textfill_var {
    const char *name;  /* "number" */
    const char *value; /* NULL: empty */
} textfill_var_t;

/* Checks that every placeholder of text names one of names (NULL-ended).
 * Returns 0, or the 1-based count of unknown placeholders found with the
 * first one's name (without braces, cut to fit) copied into bad (badcap
 * bytes, may be 0). */
int textfill_check(const char *text, const char *const *names, char *bad, size_t badcap);

/* The text with each placeholder replaced by its value from vars (n of
 * them); a placeholder not in vars is kept as written. malloc'd, or NULL
 * when out of memory. */
char *textfill_render(const char *text, const textfill_var_t *vars, size_t n);

#endif
