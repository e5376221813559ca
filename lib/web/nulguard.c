/* nulguard: see nulguard.h. */
#include "web/nulguard.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SOH '\x01'

#define SPACE " \t\n\v\f\r"

/* The boundary parameter of a multipart Content-Type, read exactly as the
 * cgi kit reads it (its rfc2388 attribute reader), so that both split the
 * body at the same lines: the parameters follow the first ';'; a name runs
 * to white space, ';' or '='; white space may follow it; then either ';'
 * (an empty value) or '=' and the value, quoted (to the next '"') or bare
 * (to white space or ';'); one more byte is skipped after each parameter,
 * and anything else ends them. False when there is no boundary or it is
 * empty or longer than cap - 1. */
static bool boundary_of(const char *ct, char *out, size_t cap, size_t *len)
{
    const char *p = strchr(ct, ';');
    if (!p)
        return false;
    for (p++; *p;) {
        p += strspn(p, SPACE);
        const char *name = p;
        p += strcspn(p, SPACE ";=");
        if (!*p)
            return false;
        bool found = p - name == 8 && strncasecmp(name, "boundary", 8) == 0;
        p += strspn(p, SPACE);
        if (*p != ';' && *p != '=')
            return false;
        const char *v = p;
        size_t n = 0;
        if (*p == '=' && *++p == '"') {
            v = ++p;
            n = strcspn(p, "\"");
            p += n + (p[n] != '\0');
        } else if (*v == '=') {
            v = p;
            n = strcspn(p, SPACE ";");
            p += n;
        }
        if (found) {
            if (n == 0 || n >= cap)
                return false;
            memcpy(out, v, n);
            out[n] = '\0';
            *len = n;
            return true;
        }
        if (*p)
            p++;
    }
    return false;
}

void nulguard_init(nulguard_t *g, const char *content_type)
{
    memset(g, 0, sizeof *g);
    if (!content_type)
        return;
    if (strncasecmp(content_type, "application/x-www-form-urlencoded", 33) == 0)
        g->kind = NG_URLENCODED;
    else if (strncasecmp(content_type, "multipart/form-data", 19) == 0 &&
             boundary_of(content_type, g->boundary, sizeof g->boundary, &g->boundary_len))
        g->kind = NG_MULTIPART;
    else if (strncmp(content_type, "multipart/form-data", 19) == 0)
        g->kind = NG_REFUSED; /* the cgi kit reads it (its test is case-sensitive) */
}

/* One byte of a percent-encoded text: the last '0' of "%00" becomes '1'. */
static char pct_byte(int *state, char c)
{
    if (*state == 2 && c == '0') {
        *state = 0;
        return '1';
    }
    *state = c == '%' ? 1 : *state == 1 && c == '0' ? 2 : 0;
    return c;
}

void nulguard_query(char *qs)
{
    int state = 0;
    for (char *p = qs; p && *p; p++)
        *p = pct_byte(&state, *p);
}

/* "--boundary" or "--boundary--", then an optional CR, as the whole line */
static int boundary_line(const nulguard_t *g)
{
    size_t n = g->line_len, bl = g->boundary_len;
    if (n > sizeof g->line || n < bl + 3 || g->line[n - 1] != '\n')
        return 0;
    n -= 1 + (g->line[n - 2] == '\r');
    if (g->line[0] != '-' || g->line[1] != '-' || memcmp(g->line + 2, g->boundary, bl) != 0)
        return 0;
    if (n == bl + 2)
        return 1;
    return n == bl + 4 && g->line[bl + 2] == '-' && g->line[bl + 3] == '-' ? 2 : 0;
}

/* True when the line starts with the header name (any case) and ':'. */
static bool names(const nulguard_t *g, const char *header)
{
    size_t n = strlen(header);
    return g->line_len > n && strncasecmp(g->line, header, n) == 0 && g->line[n] == ':';
}

/* A header line; as the cgi kit reads them, a line that starts with white
 * space ends the headers, unless a header came before it and it starts
 * with a space or a tab (a folded header). */
static void header_line(nulguard_t *g)
{
    char first = g->line[0];
    bool folded = g->headers_seen && (first == ' ' || first == '\t');
    if (!folded && isspace((unsigned char)first)) {
        g->part = g->part_is_file ? NG_FILE : NG_TEXT;
        return;
    }
    g->headers_seen = true;
    g->part_is_file |= g->line_has_filename;
    bool disposition = names(g, "content-disposition"), type = names(g, "content-type");
    if ((disposition && g->has_disposition) || (type && g->has_type))
        g->broken = true;
    g->has_disposition |= disposition;
    g->has_type |= type;
}

static void keep(nulguard_t *g, const char *p, size_t n)
{
    if (!g->keep || !g->text)
        return;
    if (g->text_len + n > g->text_cap) {
        size_t cap = g->text_cap * 2 > g->text_len + n ? g->text_cap * 2 : g->text_len + n;
        char *grown = realloc(g->text, cap);
        if (!grown) { /* no copy rather than a wrong one */
            free(g->text);
            g->text = NULL;
            return;
        }
        g->text = grown;
        g->text_cap = cap;
    }
    memcpy(g->text + g->text_len, p, n);
    g->text_len += n;
}

/* The kit looks for boundaries between parts and inside them, never among
 * a part's headers (it reads those to the empty line). */
static void end_of_line(nulguard_t *g)
{
    int b = g->part == NG_HEADERS ? 0 : boundary_line(g);
    if (b && g->part == NG_FILE) /* a file's content was left out; its end stays */
        keep(g, g->line, g->line_len);
    if (b) {
        g->part = b == 1 ? NG_HEADERS : NG_EPILOGUE;
        g->part_is_file = g->headers_seen = false;
        g->has_disposition = g->has_type = false;
    } else if (g->part == NG_HEADERS) {
        header_line(g);
    }
    g->line_len = 0;
    g->filename_match = 0;
    g->line_has_filename = false;
}

/* Any "filename" in a header line marks the part as a file: the cgi kit
 * makes a file of every part whose Content-Disposition has that attribute,
 * so this errs only towards leaving a text part alone. */
static void match_filename(nulguard_t *g, char c)
{
    static const char word[] = "filename";
    if (tolower((unsigned char)c) == word[g->filename_match])
        g->filename_match++;
    else
        g->filename_match = tolower((unsigned char)c) == word[0];
    if (g->filename_match == sizeof word - 1) {
        g->line_has_filename = true;
        g->filename_match = 0;
    }
}

static void multipart_byte(nulguard_t *g, char *c)
{
    if (*c == '\0' && (g->part == NG_HEADERS || g->part == NG_TEXT))
        *c = SOH;
    if (g->part == NG_HEADERS)
        match_filename(g, *c);
    if (g->line_len < sizeof g->line)
        g->line[g->line_len] = *c;
    g->line_len++;
    if (g->part != NG_FILE)
        keep(g, c, 1);
    if (*c == '\n' || g->line_len == NULGUARD_LINE_MAX)
        end_of_line(g);
}

/* The bytes of a line outside a part's headers, from here to the line's end
 * (a line feed, or the kit's line length) or the buffer's, at once: what
 * multipart_byte() does to each of them (a NUL in a text part made SOH,
 * the line's start copied, the bytes kept unless in a file) without
 * looking at each more than memchr() does. Returns how many it took. */
static size_t multipart_run(nulguard_t *g, char *buf, size_t n)
{
    size_t take = NULGUARD_LINE_MAX - g->line_len; /* at least 1: a full line ended */
    if (take > n)
        take = n;
    char *nl = memchr(buf, '\n', take);
    if (nl)
        take = (size_t)(nl - buf) + 1;
    if (g->part == NG_TEXT)
        for (char *z = memchr(buf, '\0', take); z; z = memchr(z, '\0', take - (size_t)(z - buf)))
            *z++ = SOH;
    if (g->line_len < sizeof g->line) {
        size_t room = sizeof g->line - g->line_len;
        memcpy(g->line + g->line_len, buf, take < room ? take : room);
    }
    g->line_len += take;
    if (g->part != NG_FILE)
        keep(g, buf, take);
    if (nl || g->line_len == NULGUARD_LINE_MAX)
        end_of_line(g);
    return take;
}

/* Only a '%' starts what pct_byte() changes: the bytes between are skipped. */
static void urlencoded(nulguard_t *g, char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (g->pct == 0) {
            char *pct = memchr(buf + i, '%', n - i);
            if (!pct)
                return;
            i = (size_t)(pct - buf);
        }
        buf[i] = pct_byte(&g->pct, buf[i]);
    }
}

void nulguard_feed(nulguard_t *g, char *buf, size_t n)
{
    if (g->kind == NG_URLENCODED)
        urlencoded(g, buf, n);
    else if (g->kind == NG_MULTIPART)
        for (size_t i = 0; i < n;) {
            if (g->part == NG_HEADERS)
                multipart_byte(g, &buf[i++]);
            else
                i += multipart_run(g, buf + i, n - i);
        }
}

void nulguard_keep_text(nulguard_t *g)
{
    if (g->kind != NG_MULTIPART || g->keep)
        return;
    g->keep = true;
    g->text_cap = 4096;
    g->text = malloc(g->text_cap);
}

const char *nulguard_text(const nulguard_t *g, size_t *len)
{
    *len = g->text ? g->text_len : 0;
    return g->text;
}

void nulguard_free(nulguard_t *g)
{
    free(g->text);
    g->text = NULL;
    g->text_len = g->text_cap = 0;
}
