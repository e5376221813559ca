/* nulguard: keeps a NUL byte from cutting a form value short.
 *
 * The cgi kit stores every form value as a C string, so "ab%00cd" would
 * arrive as "ab" and the rest of what the person typed would be lost
 * without a word. While a request streams in, the guard rewrites each NUL
 * that would land in a form value (a %00 in a query string or urlencoded
 * body; a raw NUL in a multipart text part or part header) into SOH
 * (0x01), which the form checks refuse with a message and show back;
 * the bytes of uploaded files are left alone.
 *
 * The multipart reading mirrors the cgi kit's: the boundary parameter is
 * read as it reads it (white space may come before the '='), a line ends
 * at LF or after NULGUARD_LINE_MAX bytes (the kit's buffer), a line of
 * "--" boundary ["--"] [CR] LF outside a part's headers starts a part, the
 * part's headers end at a line that starts with white space (an empty
 * line, normally), and a part whose headers name a filename holds a file.
 *
 * The guard also stops what the kit would mishandle: a part with a second
 * Content-Disposition or Content-Type header (the kit loses the first's
 * values without freeing them: memory leaked per request) makes it
 * broken, and the read that brought it in is to fail. */
#ifndef DESK_NULGUARD_H
#define DESK_NULGUARD_H

#include <stdbool.h>
#include <stddef.h>

#define NULGUARD_BOUNDARY_MAX 200
#define NULGUARD_LINE_MAX 4096 /* the cgi kit reads lines in a buffer this long */

typedef struct nulguard {
    /* NG_REFUSED: a multipart body the cgi kit would read without a
     * boundary it can use (it crashes on none) or one the guard cannot
     * follow (empty, too long): to be refused before it is read */
    enum { NG_NONE, NG_URLENCODED, NG_MULTIPART, NG_REFUSED } kind;
    /* urlencoded: 0, or 1 after '%', 2 after "%0" */
    int pct;
    /* multipart */
    enum { NG_PREAMBLE, NG_HEADERS, NG_TEXT, NG_FILE, NG_EPILOGUE } part;
    char boundary[NULGUARD_BOUNDARY_MAX + 1];
    size_t boundary_len;
    char line[NULGUARD_BOUNDARY_MAX + 8]; /* the start of the current line */
    size_t line_len;                      /* bytes of the current line so far */
    size_t filename_match;                /* "filename" matched so far in a header */
    bool line_has_filename, part_is_file, headers_seen;
    bool has_disposition, has_type; /* the part's headers so far */
    bool broken; /* the body must not reach the cgi kit: fail the read */
    /* nulguard_keep_text(): the body as fed, less the bytes of its files */
    bool keep;
    char *text;
    size_t text_len, text_cap;
} nulguard_t;

/* Sets the guard up for a body of this Content-Type (NULL: none). */
void nulguard_init(nulguard_t *g, const char *content_type);
/* Rewrites, in place, the next n bytes of the body; sets g->broken when
 * they must not be read. */
void nulguard_feed(nulguard_t *g, char *buf, size_t n);
/* Rewrites %00 in a query string, in place. */
void nulguard_query(char *qs);

/* From now on a multipart body fed is also copied, NULs rewritten, without
 * the contents of its file parts (their headers and boundaries stay, so each
 * reads as an empty file): a form whose files could not be written can be
 * read again, every typed value with it. */
void nulguard_keep_text(nulguard_t *g);
/* The copy so far and its length; NULL when there is none (not kept, not
 * multipart, or out of memory). */
const char *nulguard_text(const nulguard_t *g, size_t *len);
void nulguard_free(nulguard_t *g);

#endif
