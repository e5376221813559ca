/* libFuzzer target: a request's line, headers and cookies as the programs
 * read them. The input is an HTTP request head ("GET /path?q HTTP/1.1",
 * then "Name: value" lines), turned into FastCGI parameters as nginx's
 * fastcgi_params does (HTTP_NAME, CONTENT_TYPE, QUERY_STRING, ...); then
 * req_start() (the cgi kit's Cookie.*, HTTP.*, Query.*), the cookies the
 * programs read (sid, csrf, lang, acted), the API's headers
 * (Authorization, Idempotency-Key, Content-Type), a redirect back to the
 * path, cookies set from what came in, and the response head written.
 *
 * Checked: the response head is well formed whatever came in: each line
 * "Name: value" ended by CRLF, no bare CR or LF (no header injection). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fakereq.h"
#include "web/apibody.h"
#include "web/http.h"
#include "web/view.h"

/* nginx's name for a header: HTTP_ and the name upper-cased, '-' as '_' */
static void add_header(fake_req_t *f, const char *line, size_t n)
{
    const char *colon = memchr(line, ':', n);
    if (!colon || colon == line)
        return;
    char name[128] = "HTTP_";
    size_t k = 5;
    for (const char *p = line; p < colon && k < sizeof name - 1; p++)
        name[k++] = *p == '-' ? '_' : (char)toupper((unsigned char)*p);
    name[k] = '\0';
    const char *v = colon + 1;
    while (v < line + n && (*v == ' ' || *v == '\t'))
        v++;
    if (!strcmp(name, "HTTP_CONTENT_TYPE") || !strcmp(name, "HTTP_CONTENT_LENGTH"))
        memmove(name, name + 5, strlen(name + 5) + 1);
    fake_param(f, name, v, (size_t)(line + n - v));
}

static void request_line(fake_req_t *f, const char *line, size_t n)
{
    const char *sp = memchr(line, ' ', n);
    size_t mlen = sp ? (size_t)(sp - line) : n;
    fake_param(f, "REQUEST_METHOD", line, mlen);
    if (!sp)
        return;
    const char *uri = sp + 1, *end = line + n;
    const char *sp2 = memchr(uri, ' ', (size_t)(end - uri));
    if (sp2)
        end = sp2;
    fake_param(f, "REQUEST_URI", uri, (size_t)(end - uri));
    const char *q = memchr(uri, '?', (size_t)(end - uri));
    fake_param(f, "QUERY_STRING", q ? q + 1 : "", q ? (size_t)(end - q - 1) : 0);
}

/* Each line of the response head is "Name: value" with nothing but
 * printable text and tabs (UTF-8 allowed) in it. */
static void check_head(fake_req_t *f)
{
    size_t len;
    const char *out = fake_response(f, &len);
    const char *end = memmem(out, len, "\r\n\r\n", 4);
    if (!end)
        abort();
    for (const char *line = out; line < end + 2;) {
        const char *eol = memmem(line, (size_t)(end + 2 - line), "\r\n", 2);
        if (!eol || !memchr(line, ':', (size_t)(eol - line)))
            abort();
        for (const char *p = line; p < eol; p++)
            if ((unsigned char)*p < 0x20 && *p != '\t')
                abort();
        line = eol + 2;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fake_req_t f;
    fake_init(&f, "", 0);
    const char *p = (const char *)data, *end = p + size;
    bool first = true;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (n && p[n - 1] == '\r')
            n--;
        if (first)
            request_line(&f, p, n);
        else if (n == 0)
            break;
        else
            add_header(&f, p, n);
        first = false;
        p = nl ? nl + 1 : end;
    }
    fake_params(&f, "REMOTE_ADDR", "203.0.113.9");

    req_t r;
    req_limits_t lim = {1 << 20, 1 << 20, NULL};
    if (req_start(&r, &f.fx, &lim, false) == 0) {
        const char *lang = req_cookie(&r, "lang");
        lang_code(lang_parse(lang));
        const char *csrf = req_cookie(&r, "csrf");
        if (csrf && strlen(csrf) == 43)
            req_set_cookie(&r, "csrf", csrf, -1, "Strict");
        if (lang)
            req_set_cookie(&r, "lang", lang, 31536000, "Lax");
        req_cookie(&r, "sid");
        const char *acted = req_cookie(&r, "acted");
        if (acted)
            req_set_cookie(&r, "acted", acted, 3600, "Lax");
        const char *key = apibody_bearer(req_env(&r, "HTTP_AUTHORIZATION"));
        if (key)
            req_header(&r, "X-Key-Length", strlen(key) == 46 ? "46" : "other");
        const char *idem = req_env(&r, "HTTP_IDEMPOTENCY_KEY");
        if (idem && apibody_idempotency_key_ok(idem))
            req_header(&r, "Idempotency-Key", idem);
        if (apibody_json_type(req_env(&r, "CONTENT_TYPE")))
            r.content_type = "application/json; charset=utf-8";
        char where[600];
        snprintf(where, sizeof where, "/agent/login?back=%s", r.path);
        req_redirect(&r, where);
        const char *back = req_query(&r, "back");
        if (back && http_local_path(back))
            req_header(&r, "Location", back);
    }
    req_finish(&r);
    check_head(&f);
    fake_free(&f);
    return 0;
}
