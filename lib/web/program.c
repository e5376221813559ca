/* program: see program.h. */
#include "web/program.h"

#include "core/log.h"
#include "desk/confver.h"
#include "web/fcgi.h"
#include "web/site.h"

static site_t site;           /* this process's (after fork: this worker's) context */
static const program_t *prog; /* what it runs */

static int worker_init(void *ctx)
{
    return site_open(ctx, prog->prefix, prog->pages, prog->pages_on_demand);
}

static void worker_exit(void *ctx) { site_close(ctx); }

/* Every request of every program first picks up configuration changes. */
static void serve(FCGX_Request *rq, void *ctx)
{
    site_t *s = ctx;
    confver_refresh(&s->desk);
    prog->handle(rq, s);
}

int program_main(int argc, char **argv, const program_t *p)
{
    prog = p;
    log_set_program(p->name);
    if (desk_configure(&site.desk, config_path_from_args(argc, argv)))
        return 1;
    fcgi_hooks_t hooks = {worker_init, serve, worker_exit, &site};
    return fcgi_run(&site.desk.cfg, p->prefix, &hooks);
}
