/* hello: the ceiling. A hello-world FastCGI program with the desk's own
 * process model (lib/core/server.c, pre-forked workers, through
 * lib/web/fcgi.c), measured in the same wrk
 * run as the real pages so each page can be reported as a ratio of it. */
#include <stdio.h>

#include "core/config.h"
#include "core/log.h"
#include "web/fcgi.h"

static void handle(FCGX_Request *rq, void *ctx)
{
    (void)ctx;
    FCGX_PutS("Status: 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n",
              rq->out);
}

int main(int argc, char **argv)
{
    config_t cfg;
    log_set_program("hello");
    if (config_load(&cfg, config_path_from_args(argc, argv)))
        return 1;
    fcgi_hooks_t hooks = {NULL, handle, NULL, NULL};
    int rc = fcgi_run(&cfg, "Hello", &hooks);
    config_free(&cfg);
    return rc;
}
