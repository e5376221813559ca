/* Unit tests for lib/web/files.c: an attachment served as a worker serves
 * one (tests/unit/fakereq.h holds the request in memory). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "desk/attachment.h"
#include "desk/desk.h"
#include "fakereq.h"
#include "web/files.h"
#include "web/http.h"

#define KEY "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde"

static char store[64];

static int setup(void **state)
{
    desk_t *d = calloc(1, sizeof *d);
    snprintf(store, sizeof store, "/tmp/desk-test-files-%d", (int)getpid());
    char dir[96], path[160], cfg[128];
    snprintf(dir, sizeof dir, "%s/Ab", store);
    snprintf(path, sizeof path, "%s/%s", dir, KEY);
    mkdir(store, 0700);
    mkdir(dir, 0700);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("\x89PNG\r\n\x1a\n", fp);
    fclose(fp);
    snprintf(cfg, sizeof cfg, "Attachments.Dir = %s\n", store);
    assert_int_equal(config_load_string(&d->cfg, cfg), 0);
    *state = d;
    return 0;
}

static int teardown(void **state)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", store);
    assert_int_equal(system(cmd), 0);
    desk_close(*state);
    free(*state);
    return 0;
}

/* The value of header name in the response head, or NULL. */
static const char *header(fake_req_t *f, const char *name, char *out, size_t cap)
{
    size_t len;
    const char *head = fake_response(f, &len);
    char want[64];
    snprintf(want, sizeof want, "\r\n%s: ", name);
    const char *at = memmem(head, len, want, strlen(want));
    if (!at)
        return NULL;
    at += strlen(want);
    const char *eol = memmem(at, len - (size_t)(at - head), "\r\n", 2);
    snprintf(out, cap, "%.*s", (int)(eol - at), at);
    return out;
}

/* A handler serves the attachment it looked up into a variable of its own,
 * and the response is written after the handler has returned: the type and
 * name it gave must be the request's, not the record's. */
static void attachment_outlives_its_record(void **state)
{
    fake_req_t f;
    req_t r;
    fake_init(&f, "", 0);
    fake_params(&f, "REQUEST_METHOD", "GET");
    fake_params(&f, "REQUEST_URI", "/t/x/file?id=1");
    req_limits_t lim = {1 << 20, 1 << 20, NULL};
    assert_int_equal(req_start(&r, &f.fx, &lim, false), 0);
    attachment_t *a = calloc(1, sizeof *a);
    a->id = 1;
    a->size = 8;
    snprintf(a->filename, sizeof a->filename, "screen.png");
    snprintf(a->content_type, sizeof a->content_type, "image/png");
    snprintf(a->storage_key, sizeof a->storage_key, "%s", KEY);
    files_serve_attachment(*state, &r, a);
    explicit_bzero(a, sizeof *a); /* the handler's variable is gone */
    free(a);
    req_finish(&r);
    char v[256];
    assert_non_null(header(&f, "Content-Type", v, sizeof v));
    assert_string_equal(v, "image/png");
    assert_non_null(header(&f, "Content-Disposition", v, sizeof v));
    assert_string_equal(v, "inline; filename=\"screen.png\"; filename*=UTF-8''screen.png");
    fake_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(attachment_outlives_its_record),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
