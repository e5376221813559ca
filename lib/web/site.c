/* site: see site.h. */
#include "web/site.h"

#include <stdio.h>
#include <sys/stat.h>

#include "desk/attachment.h"
#include "desk/worker.h"

int site_open(site_t *s, const char *prefix, const char *const *pages, bool on_demand)
{
    desk_t *d = &s->desk;
    s->max_body = (size_t)config_get_program_int(&d->cfg, prefix, CFG_PROGRAM_MAX_BODY);
    const char *store = config_get_str(&d->cfg, CFG_ATTACHMENTS_DIR);
    snprintf(s->upload_dir, sizeof s->upload_dir, "%s/.incoming", store);
    /* the cgi kit writes uploads there; on the store's file system */
    mkdir(store, 0750);
    mkdir(s->upload_dir, 0700);
    /* a multipart form may carry the most files of the largest size */
    size_t upload = (size_t)(attachment_max_bytes(d) * attachment_max_files(d)) + (1u << 20);
    s->limits = (req_limits_t){s->max_body, upload, s->upload_dir};
    if (worker_open(d))
        return -1;
    return view_init(&s->view, &d->texts, &d->cfg, pages, on_demand);
}

void site_close(site_t *s)
{
    view_free(&s->view);
    desk_close(&s->desk);
}
