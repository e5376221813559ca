/* http: one FastCGI request: its input through ClearSilver's cgi kit
 * (Query.*, Cookie.*, HTTP.*, CGI.* in an HDF data set), and its response
 * (status, headers, a buffered body), written once at the end with the
 * security headers every response carries. Each request is logged once with
 * its id, method, path, status and duration.
 *
 * The cgi kit reads through cgiwrap, a process-global hook: one request at a
 * time per process, which is what the pre-forked workers give it. */
#ifndef DESK_HTTP_H
#define DESK_HTTP_H

#include <cgi/cgi.h>
#include <cgi/cgiwrap.h>
#include <fcgiapp.h>
#include <stdbool.h>
#include <time.h>

#include "web/nulguard.h"

typedef struct req {
    FCGX_Request *fx;
    CGI *cgi;
    HDF *hdf; /* the request's data set: input and page data */
    char method[8];
    char path[512];
    char id[33];
    int status;
    const char *content_type; /* a constant, or type_copy (req_content_type) */
    char type_copy[128];
    STRING body;
    char headers[4096]; /* room for a Content-Disposition with a long file name */
    size_t headers_len;
    bool https;
    struct timespec started;
    const char *csp;  /* a stricter Content-Security-Policy, or NULL for the default */
    int file_fd;      /* > 0: the body is this file (req_send_file) */
    long long file_len;
    nulguard_t guard; /* what the cgi kit reads passes through it */
    /* The form's files could not be written (a full disk): the form was read
     * again without them, every typed value kept; attachment_take() then
     * fails with "store". */
    bool uploads_lost;
    const char *replay; /* what the cgi kit reads instead of the request, or NULL */
    size_t replay_len, replay_at;
} req_t;

/* Request body limits: a urlencoded form, and a multipart form with files
 * (written by the cgi kit to unlinked temporary files in upload_dir). */
typedef struct req_limits {
    size_t form, upload;
    const char *upload_dir;
} req_limits_t;

/* Starts a request: parses the query string, cookies and headers and, when
 * parse_body is set, a form body within the limits.
 * Returns 0, or the HTTP status to answer with (400, 413, 500). */
int req_start(req_t *r, FCGX_Request *fx, const req_limits_t *lim, bool parse_body);
/* True when the request body is multipart/form-data. */
bool req_is_multipart(req_t *r);
/* Reads a raw body of at most max_body bytes (the API's JSON).
 * Returns 0, 413 or 400; *out is malloc'd and NUL-terminated. */
int req_read_body(req_t *r, size_t max_body, char **out, size_t *len);

const char *req_env(req_t *r, const char *name);     /* CGI parameter or NULL */
const char *req_query(req_t *r, const char *name);   /* form/query value or NULL */
const char *req_cookie(req_t *r, const char *name);  /* cookie value or NULL */

/* Adds a response header; refuses (and logs) one whose value holds a
 * control character other than tab (CR or LF would split it). */
void req_header(req_t *r, const char *name, const char *value);
/* Sets a cookie: Path=/, HttpOnly, SameSite, Secure over HTTPS. max_age < 0
 * makes a session cookie. */
void req_set_cookie(req_t *r, const char *name, const char *value, long max_age,
                    const char *same_site);
/* Sets the response's Content-Type to a copy of type, for a type that does
 * not live until req_finish (a record the handler looked up); one with a
 * control character, or too long, becomes application/octet-stream. */
void req_content_type(req_t *r, const char *type);
void req_redirect(req_t *r, const char *local_path); /* 303 to a local path */
/* Makes the open file fd (len bytes) the response body; req_finish streams
 * and closes it. */
void req_send_file(req_t *r, int fd, long long len);

/* Writes status, headers and body, logs the request and frees it. */
void req_finish(req_t *r);

/* True when s is a plain local path to send a browser back to: "/" then
 * only the characters of a URI path and query, "%" only before two hex
 * digits, at most HTTP_LOCAL_PATH_MAX bytes; never "//x" or a backslash,
 * space or control character, which browsers may read as another site. */
#define HTTP_LOCAL_PATH_MAX 1024
bool http_local_path(const char *s);

#endif
