/* program: see program.h. */
#include "web/program.h"

#include <stdio.h>
#include <sys/stat.h>

#include "desk/attachment.h"
#include "desk/confver.h"
#include "desk/desk.h"
#include "core/log.h"
#include "web/fcgi.h"

static desk_t desk;           /* this process's (after fork: this worker's) context */
static const program_t *prog; /* what it runs */

static int worker_init(void *ctx)
{
    desk_t *d = ctx;
    char key[64];
    snprintf(key, sizeof key, "%s.MaxBody", prog->prefix);
    d->max_body = (size_t)config_int(&d->cfg, key, 1L << 20, 1024, 1L << 30);
    snprintf(d->upload_dir, sizeof d->upload_dir, "%s/.incoming",
             config_str(&d->cfg, "Attachments.Dir", "/var/lib/desk/attachments"));
    /* the cgi kit writes uploads there; on the store's file system */
    mkdir(config_str(&d->cfg, "Attachments.Dir", "/var/lib/desk/attachments"), 0750);
    mkdir(d->upload_dir, 0700);
    d->limits = (req_limits_t){d->max_body, attachment_body_limit(d), d->upload_dir};
    d->pages_on_demand = prog->pages_on_demand;
    return desk_open(d, prog->pages);
}

static void worker_exit(void *ctx) { desk_close(ctx); }

/* Every request of every program first picks up configuration changes. */
static void serve(FCGX_Request *rq, void *ctx)
{
    confver_refresh(ctx);
    prog->handle(rq, ctx);
}

int program_main(int argc, char **argv, const program_t *p)
{
    prog = p;
    log_set_program(p->name);
    if (desk_configure(&desk, config_path_from_args(argc, argv)))
        return 1;
    fcgi_hooks_t hooks = {worker_init, serve, worker_exit, &desk};
    return fcgi_run(&desk.cfg, p->prefix, &hooks);
}
