/* libFuzzer target: a multipart/form-data upload as the portal and the
 * workspace read one. The body goes through req_start() (the cgi kit under
 * the workers' cgiwrap hooks and NUL guard, files written to unlinked
 * temporary files), then files_take_uploads() checks every file as a handler
 * does (count, size, the client's name, the type libmagic finds) and stores
 * what passes, which is then discarded; the text fields are validated with
 * the portal's rules. Files go to a directory on /dev/shm, removed at exit.
 *
 * Input: the Content-Type header's value, a line feed, the body. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "desk/attachment.h"
#include "desk/catalog/commonfield.h"
#include "desk/desk.h"
#include "fakereq.h"
#include "web/files.h"
#include "web/form.h"
#include "web/http.h"

static desk_t desk;
static char store[64], incoming[80];
/* the portal's rules for a request's common fields, made once */
static form_field_t rules[COMMON_REQUEST_MAX];
static int nrules;

static void cleanup(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", store);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", store);
    desk_close(&desk);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    snprintf(store, sizeof store, "/dev/shm/desk-fuzz-%d", (int)getpid());
    snprintf(incoming, sizeof incoming, "%s/.incoming", store);
    mkdir(store, 0700);
    mkdir(incoming, 0700);
    char cfg[256];
    snprintf(cfg, sizeof cfg,
             "Attachments.Dir = %s\nAttachments.MaxBytes = 65536\nAttachments.MaxFiles = 5\n",
             store);
    if (config_load_string(&desk.cfg, cfg))
        abort();
    atexit(cleanup);
    unsigned char modes[COMMON_COUNT];
    for (int i = 0; i < COMMON_COUNT; i++)
        modes[i] = (unsigned char)common_default(i);
    nrules = common_request_rules(modes, rules);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    if (!nl)
        return 0;
    size_t ctlen = (size_t)(nl - data), blen = size - ctlen - 1;
    char cl[32];
    snprintf(cl, sizeof cl, "%zu", blen);

    fake_req_t f;
    fake_init(&f, nl + 1, blen);
    fake_params(&f, "REQUEST_METHOD", "POST");
    fake_params(&f, "REQUEST_URI", "/new");
    fake_param(&f, "CONTENT_TYPE", (const char *)data, ctlen);
    fake_params(&f, "CONTENT_LENGTH", cl);

    req_t r;
    req_limits_t lim = {1 << 20, 1 << 20, incoming};
    if (req_start(&r, &f.fx, &lim, true) == 0) {
        uploads_t u;
        if (files_take_uploads(&desk, &r, &u) == 0) {
            for (int i = 0; i < u.n; i++)
                if (!u.items[i].filename[0] || strchr(u.items[i].filename, '/'))
                    abort(); /* a stored file always has a plain name */
            attachment_discard(&desk, &u);
        } else if (!u.error) {
            abort(); /* a refusal always says why */
        }
        form_validate(r.hdf, r.hdf, rules, nrules);
    }
    req_finish(&r);
    fake_free(&f);
    return 0;
}
