/* program: see program.h. */
#include "program.h"

#include <stdio.h>

#include "desk.h"
#include "log.h"
#include "server.h"

static desk_t desk;           /* this process's (after fork: this worker's) context */
static const program_t *prog; /* what it runs */

static int worker_init(void *ctx)
{
    desk_t *d = ctx;
    char key[64];
    snprintf(key, sizeof key, "%s.MaxBody", prog->prefix);
    d->max_body = (size_t)config_int(&d->cfg, key, 1L << 20, 1024, 1L << 30);
    return desk_open(d, prog->pages);
}

static void worker_exit(void *ctx) { desk_close(ctx); }

int program_main(int argc, char **argv, const program_t *p)
{
    prog = p;
    log_set_program(p->name);
    if (desk_configure(&desk, config_path_from_args(argc, argv)))
        return 1;
    server_hooks_t hooks = {worker_init, p->handle, worker_exit, &desk};
    return server_run(&desk.cfg, p->prefix, &hooks);
}
