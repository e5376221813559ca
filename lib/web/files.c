/* files: see files.h. */
#include "web/files.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "desk/brand.h"

/* ---- uploads ------------------------------------------------------------------ */

/* Finds the form fields that carry a file (Query.x.FileHandle = n) and
 * notes the client's name for file number n. */
static void name_files(HDF *node, const char **names, int nfiles)
{
    for (; node; node = hdf_obj_next(node)) {
        int h = hdf_get_int_value(node, "FileHandle", 0);
        if (h >= 1 && h <= nfiles)
            names[h - 1] = hdf_obj_value(node);
        name_files(hdf_obj_child(node), names, nfiles);
    }
}

int files_take_uploads(desk_t *d, req_t *r, uploads_t *u)
{
    memset(u, 0, sizeof *u);
    if (r->uploads_lost) { /* the form came without its files (lib/web/http.h) */
        u->error = "store";
        return -1;
    }
    int nfiles = r->cgi && r->cgi->files ? uListLength(r->cgi->files) : 0;
    if (nfiles == 0)
        return 0;
    if (nfiles > ATTACH_MAX_FILES * 4) {
        u->error = "too_many";
        return -1;
    }
    const char *names[ATTACH_MAX_FILES * 4] = {0};
    name_files(hdf_get_child(r->hdf, "Query"), names, nfiles);
    attachment_file_t files[ATTACH_MAX_FILES * 4];
    int n = 0;
    for (int i = 0; i < nfiles; i++) {
        FILE *fp = NULL;
        struct stat st;
        if (uListGet(r->cgi->files, i, (void **)&fp) || !fp || fstat(fileno(fp), &st))
            continue;
        /* an empty file input sends a part without a name and no bytes */
        if (st.st_size == 0 && (!names[i] || !*names[i]))
            continue;
        files[n++] = (attachment_file_t){fileno(fp), st.st_size, names[i]};
    }
    return attachment_take_files(d, files, n, u);
}

/* ---- downloads ---------------------------------------------------------------- */

/* Served under their own type as downloads; any other type (HTML, SVG, XML,
 * scripts, ...) goes out as application/octet-stream. */
static const char *const download_prefixes[] = {"video/", "application/pdf", "application/zip",
                                                "application/gzip", "application/vnd.",
                                                "application/msword", "text/plain", NULL};

static bool downloads_as_itself(const char *type)
{
    for (int i = 0; download_prefixes[i]; i++)
        if (strncmp(type, download_prefixes[i], strlen(download_prefixes[i])) == 0)
            return true;
    return false;
}

/* The longest Content-Disposition: the exact name percent-encoded (3 bytes
 * a byte) after an ASCII fallback (a byte a character at most). */
#define DISPOSITION_MAX (ATTACH_NAME_MAX * 3 + ATTACH_NAME_CHARS + 64)

/* RFC 6266/5987: an ASCII fallback name (one '_' for each other character)
 * and the exact UTF-8 name. */
static void disposition(const attachment_t *a, bool show_inline, char *out, size_t cap)
{
    char ascii[ATTACH_NAME_CHARS + 1], pct[ATTACH_NAME_MAX * 3 + 1];
    size_t n = 0, m = 0;
    for (const unsigned char *p = (const unsigned char *)a->filename; *p && m + 4 < sizeof pct;
         p++) {
        if (n < ATTACH_NAME_CHARS && (*p & 0xC0) != 0x80)
            ascii[n++] = (*p < 0x80 && *p >= 0x20 && !strchr("\"\\;%", *p)) ? (char)*p : '_';
        if (isalnum(*p) || strchr("!#$&+-.^_`|~", *p))
            pct[m++] = (char)*p;
        else
            m += (size_t)snprintf(pct + m, 4, "%%%02X", *p);
    }
    ascii[n] = pct[m] = '\0';
    snprintf(out, cap, "%s; filename=\"%s\"; filename*=UTF-8''%s",
             show_inline ? "inline" : "attachment", ascii, pct);
}

void files_serve_attachment(desk_t *d, req_t *r, const attachment_t *a)
{
    char disp[DISPOSITION_MAX];
    long long size;
    int fd = attachment_open(d, a, &size);
    if (fd < 0) {
        r->status = 404;
        r->content_type = "text/plain; charset=utf-8";
        return;
    }
    bool raster = attachment_inline(a->content_type);
    req_content_type(r, raster || downloads_as_itself(a->content_type)
                            ? a->content_type
                            : "application/octet-stream");
    disposition(a, raster, disp, sizeof disp);
    req_header(r, "Content-Disposition", disp);
    r->csp = raster ? "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
                    : "default-src 'none'; sandbox";
    req_send_file(r, fd, size);
}

/* ---- the portal's look ------------------------------------------------------------ */

void files_serve_theme(desk_t *d, req_t *r, const char *scope)
{
    char css[1024];
    int n = brand_theme(d, scope, css, sizeof css);
    r->status = 200;
    r->content_type = "text/css; charset=utf-8";
    r->csp = "default-src 'none'";
    if (n > 0)
        string_append(&r->body, css);
}

void files_serve_logo(desk_t *d, req_t *r)
{
    const char *type;
    long long size;
    int fd = brand_logo_open(d, &type, &size);
    if (fd < 0) {
        r->status = 404;
        r->content_type = "text/plain; charset=utf-8";
        string_append(&r->body, "no logo\n");
        return;
    }
    r->status = 200;
    if (type)
        r->content_type = type;
    req_header(r, "Content-Disposition", "inline; filename=\"logo\"");
    req_header(r, "Cross-Origin-Resource-Policy", "same-origin");
    r->csp = "default-src 'none'; sandbox";
    req_send_file(r, fd, size);
}
