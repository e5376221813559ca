/* server: the FastCGI process model.
 *
 * A master opens the listening socket, forks N single-threaded workers
 * (ClearSilver's cgi kit serves one request per process), restarts any that
 * die, and on SIGTERM/SIGINT lets each finish its request and exit.
 *
 * Where the socket comes from:
 *   - fd 0 already a listening socket (spawn-fcgi, Apache mod_fcgid,
 *     systemd with StandardInput=socket): one worker in this process; the
 *     spawner decides how many processes run.
 *   - systemd socket activation (LISTEN_FDS=1): fd 3, forked N times.
 *   - otherwise <Prefix>.Listen from the config: a unix socket path or
 *     host:port, with <Prefix>.Workers workers (default 4). */
#ifndef DESK_SERVER_H
#define DESK_SERVER_H

#include <fcgiapp.h>

#include "core/config.h"

typedef struct server_hooks {
    /* After fork, before the first request: connect, prepare. 0 or -1. */
    int (*worker_init)(void *ctx);
    /* Serves one accepted request; the server finishes it afterwards. */
    void (*handle)(FCGX_Request *rq, void *ctx);
    void (*worker_exit)(void *ctx);
    void *ctx;
} server_hooks_t;

/* Runs until told to stop; returns the process exit code. */
int server_run(const config_t *cfg, const char *prefix, const server_hooks_t *hooks);

#endif
