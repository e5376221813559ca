/* fcgi: the programs speak FastCGI, under the process model of
 * lib/core/server.h: the listening socket of <Prefix>.Listen (a unix socket
 * path with mode <Prefix>.SocketMode, default 0660, or host:port;
 * "127.0.0.1:9000", since ":9000" alone listens on every interface) and each
 * worker's loop of accepted requests. */
#ifndef DESK_FCGI_H
#define DESK_FCGI_H

#include <fcgiapp.h>

#include "core/config.h"

typedef struct fcgi_hooks {
    /* After fork, before the first request: connect, prepare. 0 or -1. */
    int (*worker_init)(void *ctx);
    /* Serves one accepted request; it is finished afterwards. */
    void (*handle)(FCGX_Request *rq, void *ctx);
    void (*worker_exit)(void *ctx);
    void *ctx;
} fcgi_hooks_t;

/* Runs the program until told to stop; returns the process exit code. */
int fcgi_run(const config_t *cfg, const char *prefix, const fcgi_hooks_t *hooks);

#endif
