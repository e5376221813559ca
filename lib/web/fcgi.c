/* fcgi: see fcgi.h. */
#include "web/fcgi.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "core/server.h"

static int open_listener(const config_t *cfg, const char *prefix)
{
    const char *addr = config_get_program_str(cfg, prefix, CFG_PROGRAM_LISTEN);
    if (!addr) {
        log_error("no listening socket: set %s.Listen or start under a FastCGI spawner", prefix);
        return -1;
    }
    if (addr[0] == '/')
        unlink(addr);
    int fd = FCGX_OpenSocket(addr, 128);
    if (fd < 0) {
        log_error("cannot listen on %s", addr);
        return -1;
    }
    if (addr[0] == '/')
        chmod(addr, (mode_t)strtol(config_get_program_str(cfg, prefix, CFG_PROGRAM_SOCKET_MODE),
                                   NULL, 8));
    log_info("listening on %s", addr);
    return fd;
}

static int worker_init(void *ctx)
{
    const fcgi_hooks_t *h = ctx;
    return h->worker_init ? h->worker_init(h->ctx) : 0;
}

static void serve(int fd, void *ctx)
{
    const fcgi_hooks_t *h = ctx;
    FCGX_Request rq;
    FCGX_InitRequest(&rq, fd, 0);
    while (!server_stopping() && FCGX_Accept_r(&rq) == 0) {
        h->handle(&rq, h->ctx);
        FCGX_Finish_r(&rq);
    }
    FCGX_Free(&rq, 1);
}

static void worker_exit(void *ctx)
{
    const fcgi_hooks_t *h = ctx;
    if (h->worker_exit)
        h->worker_exit(h->ctx);
}

int fcgi_run(const config_t *cfg, const char *prefix, const fcgi_hooks_t *hooks)
{
    if (FCGX_Init() != 0)
        return 1;
    /* FCGX_ShutdownPending on SIGTERM: a blocked accept() gives up on EINTR */
    server_hooks_t h = {open_listener, worker_init,          serve,
                        worker_exit,   FCGX_ShutdownPending, (void *)hooks};
    return server_run(cfg, prefix, &h);
}
