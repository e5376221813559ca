/* server: see server.h. */
#include "core/server.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"

#define MAX_WORKERS CONFIG_WORKERS_MAX

static volatile sig_atomic_t stopping;
static void (*interrupt)(void); /* the hooks' own, set once before the signals */

static void on_stop(int sig)
{
    (void)sig;
    stopping = 1;
    if (interrupt)
        interrupt();
}

bool server_stopping(void) { return stopping; }

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop; /* no SA_RESTART: accept and waitpid see EINTR */
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

static int is_listening_socket(int fd)
{
    int on = 0;
    socklen_t len = sizeof on;
    return getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &on, &len) == 0 && on;
}

static int worker_main(int fd, const server_hooks_t *h)
{
    if (h->worker_init && h->worker_init(h->ctx) != 0) {
        log_error("worker init failed");
        return 1;
    }
    h->serve(fd, h->ctx);
    if (h->worker_exit)
        h->worker_exit(h->ctx);
    return 0;
}

static pid_t spawn(int fd, const server_hooks_t *h)
{
    pid_t pid = fork();
    if (pid == 0)
        _exit(worker_main(fd, h));
    if (pid < 0)
        log_error("fork: %s", strerror(errno));
    return pid;
}

static void stop_workers(pid_t *pids, int n)
{
    for (int i = 0; i < n; i++)
        if (pids[i] > 0)
            kill(pids[i], SIGTERM);
    time_t deadline = time(NULL) + 10;
    int left = n;
    while (left > 0) {
        pid_t pid = waitpid(-1, NULL, WNOHANG);
        if (pid > 0) {
            left--;
            continue;
        }
        if (pid < 0 && errno == ECHILD)
            break;
        if (time(NULL) > deadline) {
            for (int i = 0; i < n; i++)
                if (pids[i] > 0)
                    kill(pids[i], SIGKILL);
            deadline = time(NULL) + 60;
        }
        usleep(20000);
    }
}

static int supervise(int fd, int n, const server_hooks_t *h)
{
    pid_t pids[MAX_WORKERS] = {0};
    time_t born[MAX_WORKERS] = {0};
    for (int i = 0; i < n; i++)
        pids[i] = spawn(fd, h), born[i] = time(NULL);
    while (!stopping) {
        int status;
        pid_t pid = waitpid(-1, &status, 0);
        if (pid <= 0)
            continue;
        for (int i = 0; i < n; i++) {
            if (pids[i] != pid)
                continue;
            log_error("worker %d ended (status %d); restarting", (int)pid, status);
            if (time(NULL) - born[i] < 1)
                sleep(1); /* a worker that dies at once must not spin the CPU */
            pids[i] = stopping ? 0 : spawn(fd, h);
            born[i] = time(NULL);
        }
    }
    stop_workers(pids, n);
    return 0;
}

int server_run(const config_t *cfg, const char *prefix, const server_hooks_t *h)
{
    interrupt = h->interrupt;
    install_signals();
    int n = (int)config_get_program_int(cfg, prefix, CFG_PROGRAM_WORKERS);
    if (is_listening_socket(0))
        return worker_main(0, h);
    const char *fds = getenv("LISTEN_FDS"), *lpid = getenv("LISTEN_PID");
    if (fds && lpid && atoi(fds) >= 1 && atoi(lpid) == (int)getpid())
        return supervise(3, n, h);
    int fd = h->listen(cfg, prefix);
    return fd < 0 ? 1 : supervise(fd, n, h);
}
