/* fakereq: a FastCGI request in memory for unit tests and fuzz targets, so that
 * lib/web/http.c's req_start() reads it exactly as a worker reads one from
 * nginx: the parameters (CGI environment) as an envp array, the body as a
 * libfcgi reader stream over a buffer, the response into a writer stream
 * that keeps its first 16 KB (the headers come first) and counts the rest.
 *
 * libfcgi's streams are plain structs with fill/empty callbacks
 * (fcgiapp.h), so no socket is involved. */
#ifndef FUZZ_FAKEREQ_H
#define FUZZ_FAKEREQ_H

#include <fcgiapp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAKE_PARAMS 64

typedef struct fake_req {
    FCGX_Request fx;
    FCGX_Stream in, out;
    char *env[FAKE_PARAMS + 1];
    int nenv;
    unsigned char head[16384]; /* the start of the response */
    size_t head_len;
    unsigned char sink[4096]; /* the rest goes through here */
    size_t written;           /* bytes of response in all, once finished */
} fake_req_t;

/* The end of the body: libfcgi asks for more and is told the stream is done. */
static inline void fake_fill(FCGX_Stream *s) { s->isClosed = 1; }

/* The buffer in use is full (or the stream ends): keep the head, pass the
 * rest through the sink. */
static inline void fake_empty(FCGX_Stream *s, int close)
{
    fake_req_t *f = s->data;
    if (s->stop == f->head + sizeof f->head) {
        f->head_len = (size_t)(s->wrNext - f->head);
        f->written = f->head_len;
    } else {
        f->written += (size_t)(s->wrNext - f->sink);
    }
    s->wrNext = f->sink;
    s->stop = f->sink + sizeof f->sink;
    if (close)
        s->isClosed = 1;
}

static inline void fake_init(fake_req_t *f, const void *body, size_t len)
{
    memset(f, 0, sizeof *f);
    f->in.rdNext = f->in.stopUnget = (unsigned char *)body;
    f->in.stop = f->in.wrNext = (unsigned char *)body + len;
    f->in.isReader = 1;
    f->in.fillBuffProc = fake_fill;
    f->in.data = f;
    f->out.wrNext = f->out.rdNext = f->head;
    f->out.stop = f->head + sizeof f->head;
    f->out.emptyBuffProc = fake_empty;
    f->out.data = f;
    f->fx.in = &f->in;
    f->fx.out = &f->out;
    f->fx.envp = f->env;
}

/* Adds NAME=value (value of n bytes, cut at a NUL as a C string would be). */
static inline void fake_param(fake_req_t *f, const char *name, const char *value, size_t n)
{
    if (f->nenv == FAKE_PARAMS)
        return;
    size_t nl = strlen(name), vl = strnlen(value, n);
    char *kv = malloc(nl + vl + 2);
    if (!kv)
        abort();
    memcpy(kv, name, nl);
    kv[nl] = '=';
    memcpy(kv + nl + 1, value, vl);
    kv[nl + 1 + vl] = '\0';
    f->env[f->nenv++] = kv;
}

static inline void fake_params(fake_req_t *f, const char *name, const char *value)
{
    fake_param(f, name, value, strlen(value));
}

/* The response written so far (its first 16 KB when it was longer). */
static inline const char *fake_response(fake_req_t *f, size_t *len)
{
    *len = f->out.stop == f->head + sizeof f->head ? (size_t)(f->out.wrNext - f->head)
                                                    : f->head_len;
    return (const char *)f->head;
}

static inline void fake_free(fake_req_t *f)
{
    for (int i = 0; i < f->nenv; i++)
        free(f->env[i]);
    f->nenv = 0;
}

#endif
