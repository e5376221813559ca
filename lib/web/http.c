/* http: see http.h. */
#include "web/http.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/log.h"
#include "web/nulguard.h"
#include "web/view.h"

static const char *const default_csp =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";
static const char *const security_headers =
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: same-origin\r\n"
    "Cache-Control: no-store\r\n";

/* cgiwrap callbacks onto the current request; what the cgi kit reads goes
 * through the NUL guard (nulguard.h), and a body it would mishandle ends in
 * a read error (the kit then fails the parse: 400) */
static int cb_read(void *data, char *buf, int len)
{
    req_t *r = data;
    if (r->replay) {
        size_t n = r->replay_len - r->replay_at < (size_t)len ? r->replay_len - r->replay_at
                                                             : (size_t)len;
        memcpy(buf, r->replay + r->replay_at, n);
        r->replay_at += n;
        return (int)n;
    }
    int n = FCGX_GetStr(buf, len, r->fx->in);
    if (n > 0)
        nulguard_feed(&r->guard, buf, (size_t)n);
    return r->guard.broken ? -1 : n;
}
static int cb_writef(void *data, const char *fmt, va_list ap)
{
    return FCGX_VFPrintF(((req_t *)data)->fx->out, fmt, ap) < 0;
}
static int cb_write(void *data, const char *buf, int len)
{
    return FCGX_PutStr(buf, len, ((req_t *)data)->fx->out);
}
static char *cb_getenv(void *data, const char *k)
{
    req_t *r = data;
    if (r->replay && strcmp(k, "CONTENT_LENGTH") == 0) {
        char len[32];
        snprintf(len, sizeof len, "%zu", r->replay_len);
        return strdup(len);
    }
    const char *v = FCGX_GetParam(k, r->fx->envp);
    char *copy = v ? strdup(v) : NULL;
    if (copy && strcmp(k, "QUERY_STRING") == 0)
        nulguard_query(copy);
    return copy;
}
static int cb_putenv(void *data, const char *k, const char *v)
{
    (void)data, (void)k, (void)v;
    return 0;
}
static int cb_iterenv(void *data, int n, char **k, char **v)
{
    char **env = ((req_t *)data)->fx->envp;
    *k = *v = NULL;
    for (int i = 0; env && env[i]; i++) {
        if (i != n)
            continue;
        const char *eq = strchr(env[i], '=');
        if (!eq)
            return 0;
        *k = strndup(env[i], (size_t)(eq - env[i]));
        *v = strdup(eq + 1);
        return 0;
    }
    return 0;
}


const char *req_env(req_t *r, const char *name) { return FCGX_GetParam(name, r->fx->envp); }

static void set_request_id(req_t *r)
{
    const char *given = req_env(r, "REQUEST_ID");
    if (given && strlen(given) < sizeof r->id && strspn(given, "0123456789abcdef") ==
                                                     strlen(given) && *given) {
        memcpy(r->id, given, strlen(given) + 1); /* length checked above */
        return;
    }
    unsigned char raw[8];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2hex(r->id, sizeof r->id, raw, sizeof raw);
}

static void set_path(req_t *r)
{
    const char *uri = req_env(r, "REQUEST_URI");
    if (!uri || !*uri)
        uri = "/";
    size_t n = strcspn(uri, "?#");
    if (n >= sizeof r->path)
        n = sizeof r->path - 1;
    memcpy(r->path, uri, n);
    r->path[n] = '\0';
}

static void hook(req_t *r)
{
    cgiwrap_init_emu(r, cb_read, cb_writef, cb_write, cb_getenv, cb_putenv, cb_iterenv);
}

/* The cgi kit caches the length of the last multipart boundary it saw,
 * keyed by the boundary string's address: when a request's boundary is
 * allocated where the previous one was, with another length, the kit
 * misreads the whole body (seen: most of a run of uploads whose boundaries
 * differed in length lost every field). So before each multipart body the
 * kit reads two one-line bodies: the first with a boundary longer than any
 * request's (allocated in another size class, so never where the last one
 * was: the cache takes it), then one as long as the real boundary, which
 * leaves the right length cached wherever the real boundary lands. */
#define PRIME_LONGER (NULGUARD_BOUNDARY_MAX + 50)

static int prime_read(void *data, char *buf, int len)
{
    int *left = data;
    if (*left == 0 || len < 2)
        return 0;
    memcpy(buf, "x\n", 2);
    *left = 0;
    return 2;
}

static void prime_with(size_t len)
{
    char ct[64 + PRIME_LONGER] = "multipart/form-data; boundary=";
    size_t at = strlen(ct);
    memset(ct + at, 'b', len);
    ct[at + len] = '\0';
    CGI kit;
    memset(&kit, 0, sizeof kit);
    int left = 2;
    if (hdf_init(&kit.hdf) == STATUS_OK && hdf_set_value(kit.hdf, "CGI.ContentType", ct) == STATUS_OK &&
        hdf_set_value(kit.hdf, "CGI.ContentLength", "2") == STATUS_OK) {
        cgiwrap_init_emu(&left, prime_read, cb_writef, cb_write, cb_getenv, cb_putenv, cb_iterenv);
        NEOERR *err = parse_rfc2388(&kit);
        nerr_ignore(&err);
    }
    free(kit.buf);
    hdf_destroy(&kit.hdf);
}

static void prime_boundary_length(req_t *r, size_t len)
{
    prime_with(PRIME_LONGER);
    prime_with(len);
    hook(r);
}

bool req_is_multipart(req_t *r)
{
    const char *ct = req_env(r, "CONTENT_TYPE");
    return ct && strncasecmp(ct, "multipart/form-data", 19) == 0;
}

/* Whether the cgi kit stopped because it could not write an upload to its
 * temporary file (a full disk; the message says which error). */
static bool upload_unwritable(NEOERR *err)
{
    return nerr_match(err, NERR_IO) || nerr_match(err, NERR_SYSTEM);
}

/* After the cgi kit failed to write a file of the form: reads the rest of
 * the body through the guard, which keeps it without its files' bytes, and
 * has the cgi kit read that copy instead. 0, or -1 when the body itself
 * could not be read (the client's failure). */
static int reread_without_files(req_t *r, const req_limits_t *lim)
{
    char buf[65536];
    int n;
    while ((n = FCGX_GetStr(buf, sizeof buf, r->fx->in)) > 0)
        nulguard_feed(&r->guard, buf, (size_t)n);
    const char *cl = req_env(r, "CONTENT_LENGTH");
    size_t len;
    const char *text = nulguard_text(&r->guard, &len);
    if (n < 0 || !text || r->guard.broken || FCGX_GetError(r->fx->in) != 0 || !cl)
        return -1;
    cgi_destroy(&r->cgi);
    r->replay = text;
    r->replay_len = len;
    r->replay_at = 0;
    NEOERR *err = cgi_init(&r->cgi, NULL);
    if (!err) {
        r->hdf = r->cgi->hdf;
        err = hdf_set_value(r->hdf, "Config.Upload.TmpDir", lim->upload_dir);
    }
    if (!err)
        err = cgi_parse(r->cgi);
    r->replay = NULL;
    if (err) {
        tpl_log_error(err, "cgi_parse of the form without its files");
        return -1;
    }
    r->uploads_lost = true;
    return 0;
}

int req_start(req_t *r, FCGX_Request *fx, const req_limits_t *lim, bool parse_body)
{
    memset(r, 0, sizeof *r);
    r->fx = fx;
    hook(r); /* the cgi kit reads this request (a process-global setting) */
    r->status = 200;
    r->content_type = "text/html; charset=utf-8";
    clock_gettime(CLOCK_MONOTONIC, &r->started);
    string_init(&r->body);
    set_request_id(r);
    set_path(r);
    const char *m = req_env(r, "REQUEST_METHOD");
    snprintf(r->method, sizeof r->method, "%s", m ? m : "GET");
    const char *https = req_env(r, "HTTPS");
    r->https = https && *https && strcmp(https, "off") != 0;
    /* cgi_init reads the environment only; the body is read by cgi_parse */
    NEOERR *err = cgi_init(&r->cgi, NULL);
    if (err) {
        tpl_log_error(err, "cgi_init");
        return 400;
    }
    r->hdf = r->cgi->hdf;
    nulguard_init(&r->guard, req_env(r, "CONTENT_TYPE"));
    if (parse_body && r->guard.kind == NG_REFUSED)
        return 400;
    const char *cl = req_env(r, "CONTENT_LENGTH");
    bool multipart = req_is_multipart(r);
    if (cl && strtoull(cl, NULL, 10) > (multipart ? lim->upload : lim->form))
        return 413;
    if (multipart && lim->upload_dir)
        hdf_set_value(r->hdf, "Config.Upload.TmpDir", lim->upload_dir);
    if (multipart && parse_body && lim->upload_dir)
        nulguard_keep_text(&r->guard);
    if (parse_body && r->guard.kind == NG_MULTIPART)
        prime_boundary_length(r, r->guard.boundary_len);
    if (parse_body && (err = cgi_parse(r->cgi)) != STATUS_OK) {
        /* a body the guard stopped failed the read, not the disk */
        bool unwritable = multipart && lim->upload_dir && !r->guard.broken &&
                          upload_unwritable(err);
        tpl_log_error(err, unwritable ? "cgi_parse: the form's files could not be written;"
                                         " reading the form again without them"
                                       : "cgi_parse");
        if (!unwritable || reread_without_files(r, lim) != 0)
            return 400;
    }
    return 0;
}

int req_read_body(req_t *r, size_t max_body, char **out, size_t *len)
{
    const char *cl = req_env(r, "CONTENT_LENGTH");
    /* without a length (a chunked body through Apache) read to the end */
    size_t want = cl && *cl ? strtoull(cl, NULL, 10) : max_body + 1;
    *out = NULL;
    *len = 0;
    if (cl && *cl && want > max_body)
        return 413;
    char *buf = malloc(want + 1);
    if (!buf)
        return 413;
    int got = want ? FCGX_GetStr(buf, (int)want, r->fx->in) : 0;
    if (got < 0 || (cl && *cl && (size_t)got != want)) {
        free(buf);
        return 400;
    }
    if ((size_t)got > max_body) {
        free(buf);
        return 413;
    }
    buf[got] = '\0';
    *out = buf;
    *len = (size_t)got;
    return 0;
}

const char *req_query(req_t *r, const char *name)
{
    char key[128];
    snprintf(key, sizeof key, "Query.%s", name);
    return r->hdf ? hdf_get_value(r->hdf, key, NULL) : NULL;
}

const char *req_cookie(req_t *r, const char *name)
{
    char key[128];
    snprintf(key, sizeof key, "Cookie.%s", name);
    return r->hdf ? hdf_get_value(r->hdf, key, NULL) : NULL;
}

/* True when s holds a control character other than tab (CR and LF would
 * end the header; the others make it one a proxy may refuse). */
static bool has_control(const char *s, bool tab_ok)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p < 0x20 && !(tab_ok && *p == '\t')) || *p == 0x7f)
            return true;
    return false;
}

void req_header(req_t *r, const char *name, const char *value)
{
    if (strchr(name, ':') || has_control(name, false) || has_control(value, true)) {
        log_error("response header %s refused: a control character", name);
        return;
    }
    size_t room = sizeof r->headers - r->headers_len;
    int n = snprintf(r->headers + r->headers_len, room, "%s: %s\r\n", name, value);
    if (n > 0 && (size_t)n < room)
        r->headers_len += (size_t)n;
    else
        log_error("response headers full; dropped %s", name);
}

void req_content_type(req_t *r, const char *type)
{
    int n = snprintf(r->type_copy, sizeof r->type_copy, "%s", type);
    bool fits = n > 0 && (size_t)n < sizeof r->type_copy && !has_control(type, false);
    r->content_type = fits ? r->type_copy : "application/octet-stream";
}

void req_set_cookie(req_t *r, const char *name, const char *value, long max_age,
                    const char *same_site)
{
    char c[512], age[32] = "";
    if (max_age >= 0)
        snprintf(age, sizeof age, "; Max-Age=%ld", max_age);
    snprintf(c, sizeof c, "%s=%s; Path=/; HttpOnly; SameSite=%s%s%s", name, value, same_site,
             age, r->https ? "; Secure" : "");
    req_header(r, "Set-Cookie", c);
}

/* The characters of a URI path and query (RFC 3986: unreserved, sub-delims,
 * ':', '@', '/', '?', and '%' when it starts an escape). Anything else (a
 * control character, a space, a backslash, a raw non-ASCII byte) is a sign
 * the value was made to look local to us and not to a browser, which drops
 * TAB, CR and LF and reads "/\t/evil.example/" as "//evil.example/". */
static bool path_char(const char *p)
{
    static const char allowed[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                  "0123456789-._~!$&'()*+,;=:@/?";
    if (*p == '%')
        return isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2]);
    return strchr(allowed, *p) != NULL;
}

bool http_local_path(const char *s)
{
    if (!s || s[0] != '/' || s[1] == '/' || strlen(s) > HTTP_LOCAL_PATH_MAX)
        return false;
    for (const char *p = s; *p; p++)
        if (!path_char(p))
            return false;
    return true;
}

void req_send_file(req_t *r, int fd, long long len)
{
    r->file_fd = fd;
    r->file_len = len;
}

void req_redirect(req_t *r, const char *local_path)
{
    r->status = 303;
    req_header(r, "Location", http_local_path(local_path) ? local_path : "/");
}

static const char *reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 303: return "See Other";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Internal Server Error" : "OK";
    }
}

static void send_file(req_t *r, FCGX_Stream *o)
{
    char buf[65536];
    ssize_t n;
    long long left = r->file_len;
    while (strcmp(r->method, "HEAD") != 0 && left > 0 &&
           (n = read(r->file_fd, buf, sizeof buf)) > 0) {
        if (FCGX_PutStr(buf, (int)n, o) < 0)
            break;
        left -= n;
    }
    close(r->file_fd);
    r->file_fd = 0;
}

void req_finish(req_t *r)
{
    FCGX_Stream *o = r->fx->out;
    long long len = r->file_fd > 0 ? r->file_len : r->body.len;
    /* libfcgi's own printf knows no %lld: format here */
    char head[2048];
    int n = snprintf(head, sizeof head,
                     "Status: %d %s\r\nContent-Type: %s\r\nContent-Length: %lld\r\n"
                     "X-Request-Id: %s\r\nContent-Security-Policy: %s\r\n%s",
                     r->status, reason(r->status), r->content_type, len, r->id,
                     r->csp ? r->csp : default_csp, security_headers);
    FCGX_PutStr(head, n < (int)sizeof head ? n : (int)sizeof head - 1, o);
    if (r->https)
        FCGX_PutS("Strict-Transport-Security: max-age=31536000\r\n", o);
    FCGX_PutStr(r->headers, (int)r->headers_len, o);
    FCGX_PutS("\r\n", o);
    if (r->file_fd > 0)
        send_file(r, o);
    else if (len && strcmp(r->method, "HEAD") != 0)
        FCGX_PutStr(r->body.buf, (int)len, o);
    struct timespec end;
    clock_gettime(CLOCK_MONOTONIC, &end);
    double ms = (double)(end.tv_sec - r->started.tv_sec) * 1e3 +
                (double)(end.tv_nsec - r->started.tv_nsec) / 1e6;
    log_info("req=%s %s %s %d %.2fms", r->id, r->method, r->path, r->status, ms);
    string_clear(&r->body);
    if (r->cgi)
        cgi_destroy(&r->cgi);
    nulguard_free(&r->guard);
}
