/* server: see server.h. */
#include "core/server.h"

#include <errno.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
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

/* master: the pid of the master that forked this worker, 0 when the process
 * serves alone (fd 0 from a spawner). */
static int worker_main(int fd, const server_hooks_t *h, pid_t master)
{
    /* A worker dies with its master (kill -9 included): the kernel sends it
     * SIGTERM, so it finishes the request in hand and exits, and never lives
     * on under PID 1 holding a database connection nobody will replace. A
     * master that died before this line is seen in getppid(). */
    if (master > 0 && (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || getppid() != master))
        return 0;
    if (h->worker_init && h->worker_init(h->ctx) != 0) {
        log_error("worker init failed");
        return 1;
    }
    h->serve(fd, h->ctx);
    if (h->worker_exit)
        h->worker_exit(h->ctx);
    return 0;
}

/* One worker slot of the master: who fills it, since when, and when a
 * worker that died young may be started again. */
typedef struct slot {
    pid_t pid;
    long long born_ms, restart_ms;
    long delay_s; /* back-off of the next restart after an early death */
} slot_t;

#define EARLY_DEATH_MS 10000 /* a worker that dies sooner is restarted with back-off */
#define MAX_DELAY_S 30

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void spawn(slot_t *s, int fd, const server_hooks_t *h)
{
    pid_t master = getpid();
    pid_t pid = fork();
    if (pid == 0)
        _exit(worker_main(fd, h, master));
    if (pid < 0)
        log_error("fork: %s", strerror(errno));
    s->pid = pid > 0 ? pid : 0;
    s->born_ms = now_ms();
    s->restart_ms = pid > 0 ? 0 : s->born_ms + 1000;
}

static void stop_workers(slot_t *w, int n)
{
    for (int i = 0; i < n; i++)
        if (w[i].pid > 0)
            kill(w[i].pid, SIGTERM);
    time_t deadline = time(NULL) + 10;
    int left = 0;
    for (int i = 0; i < n; i++)
        left += w[i].pid > 0;
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
                if (w[i].pid > 0)
                    kill(w[i].pid, SIGKILL);
            deadline = time(NULL) + 60;
        }
        usleep(20000);
    }
}

/* Notes a worker's end and when its slot is filled again: at once after a
 * long life, else after a delay that doubles with each early death (1, 2,
 * 4 ... 30 s), so a worker that cannot start (the database is down) costs
 * one log line per delay, not a spinning CPU. */
static void ended(slot_t *s, int status)
{
    char how[48];
    if (WIFSIGNALED(status))
        snprintf(how, sizeof how, "killed by signal %d", WTERMSIG(status));
    else
        snprintf(how, sizeof how, "exit status %d", WEXITSTATUS(status));
    long long now = now_ms();
    bool early = now - s->born_ms < EARLY_DEATH_MS;
    if (!early)
        s->delay_s = 0;
    else
        s->delay_s = s->delay_s == 0 ? 1 : s->delay_s * 2 > MAX_DELAY_S ? MAX_DELAY_S : s->delay_s * 2;
    s->restart_ms = now + s->delay_s * 1000;
    if (s->delay_s)
        log_error("worker %d ended (%s) %.1f s after it started; restarting it in %ld s",
                  (int)s->pid, how, (double)(now - s->born_ms) / 1000, s->delay_s);
    else
        log_error("worker %d ended (%s); restarting it", (int)s->pid, how);
    s->pid = 0;
}

static int supervise(int fd, int n, const server_hooks_t *h)
{
    slot_t w[MAX_WORKERS] = {0};
    for (int i = 0; i < n; i++)
        spawn(&w[i], fd, h);
    while (!stopping) {
        long long next = 0, now = now_ms();
        for (int i = 0; i < n; i++) {
            if (w[i].pid == 0 && w[i].restart_ms <= now)
                spawn(&w[i], fd, h);
            if (w[i].pid == 0 && (!next || w[i].restart_ms < next))
                next = w[i].restart_ms;
        }
        int status;
        /* blocks while every slot is filled; polls while one waits its turn */
        pid_t pid = waitpid(-1, &status, next ? WNOHANG : 0);
        if (pid == 0)
            usleep(next - now_ms() > 100 ? 100000 : 10000);
        for (int i = 0; pid > 0 && i < n; i++)
            if (w[i].pid == pid)
                ended(&w[i], status);
    }
    stop_workers(w, n);
    return 0;
}

int server_run(const config_t *cfg, const char *prefix, const server_hooks_t *h)
{
    interrupt = h->interrupt;
    install_signals();
    int n = (int)config_get_program_int(cfg, prefix, CFG_PROGRAM_WORKERS);
    if (is_listening_socket(0))
        return worker_main(0, h, 0);
    const char *fds = getenv("LISTEN_FDS"), *lpid = getenv("LISTEN_PID");
    if (fds && lpid && atoi(fds) >= 1 && atoi(lpid) == (int)getpid())
        return supervise(3, n, h);
    int fd = h->listen(cfg, prefix);
    return fd < 0 ? 1 : supervise(fd, n, h);
}
