/* server: the process model of the desk's programs.
 *
 * A master takes the listening socket, forks N single-threaded workers on it
 * (ClearSilver's cgi kit serves one request per process), restarts any that
 * die (at once after a long life; after 1, 2, 4 ... 30 s when it keeps dying
 * within 10 s of its start), and on SIGTERM/SIGINT lets each finish its
 * request and exit. Workers die with their master, however it ends
 * (PR_SET_PDEATHSIG: SIGTERM, they finish the request in hand): a master
 * killed with -9 and started again never leaves orphans behind.
 *
 * Where the socket comes from:
 *   - fd 0 already a listening socket (spawn-fcgi, Apache mod_fcgid,
 *     systemd with StandardInput=socket): one worker in this process; the
 *     spawner decides how many processes run.
 *   - systemd socket activation (LISTEN_FDS=1): fd 3, forked N times.
 *   - otherwise the listen hook opens <Prefix>.Listen from the config, with
 *     <Prefix>.Workers workers (default 4).
 *
 * What a worker does with the socket is the hooks' business: the programs
 * speak FastCGI on it (lib/web/fcgi.h). */
#ifndef DESK_SERVER_H
#define DESK_SERVER_H

#include <stdbool.h>

#include "core/config.h"

typedef struct server_hooks {
    /* Opens the listening socket named in the config: its fd, or -1 after
     * logging why. */
    int (*listen)(const config_t *cfg, const char *prefix);
    /* After fork, before the first request: connect, prepare. 0 or -1. */
    int (*worker_init)(void *ctx);
    /* Accepts and serves requests on fd until server_stopping(). */
    void (*serve)(int fd, void *ctx);
    void (*worker_exit)(void *ctx);
    /* Called from the stop signal's handler, so async-signal-safe: makes an
     * accept() that is waiting give up. */
    void (*interrupt)(void);
    void *ctx;
} server_hooks_t;

/* Runs until told to stop; returns the process exit code. */
int server_run(const config_t *cfg, const char *prefix, const server_hooks_t *hooks);
/* True once SIGTERM or SIGINT arrived: a worker finishes its request and
 * ends. */
bool server_stopping(void);

#endif
