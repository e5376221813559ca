/* scheduler: the long-running program that watches every ticket's clocks.
 * It wakes every Scheduler.IntervalSeconds, raises
 * the SLA alerts whose moment has come (lib/desk/sla/sla.h: each exactly once, even
 * across restarts or with two copies running), the review loop's alerts
 * (late minutes, overdue actions: lib/desk/review/minutes.h, action.h; once each), delivers the notification
 * outbox (lib/desk/notify/outbox.h: retries with back-off; at least once, a
 * second copy with the same Message-ID only after a crash at the instant of
 * the hand-over), queues the day-before reminders of meetings
 * (lib/desk/review/meeting_mail.h), the previous month's report from the 1st
 * (lib/desk/stats/monthly.h: once per recipient), the emergencies' plan and
 * feedback alerts (lib/desk/emergency/emergency_clock.h: once each) and logs one line per pass that did
 * something.
 *   scheduler [-c CONFIG] [--once]   (--once: one pass, then exit) */
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "desk/confver.h"
#include "desk/desk.h"
#include "core/log.h"
#include "desk/notify/outbox.h"
#include "desk/emergency/emergency_clock.h"
#include "desk/review/meeting_mail.h"
#include "desk/review/action.h"
#include "desk/review/minutes.h"
#include "desk/sla/slapass.h"
#include "desk/stats/monthly.h"
#include "desk/worker.h"

#define PASS_BATCH 500
#define MAIL_BATCH 50
#define REVIEW_BATCH 100
#define MAIL_PER_PASS 2000
#define MAIL_SECONDS_PER_PASS 5
#define REPORTS_PER_PASS 5 /* monthly reports: a workbook each */

static volatile sig_atomic_t stopping;

static void on_stop(int sig)
{
    (void)sig;
    stopping = 1;
}

/* One pass over every duty; true when mail is left that was due (the next
 * pass follows at once). */
static bool one_pass(desk_t *d)
{
    struct timespec t0, t1;
    int tickets = 0, raised = 0, got_tickets, got_raised;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    confver_refresh(d); /* calendars and priorities changed by an admin */
    do {
        if (sla_pass(d, PASS_BATCH, &got_tickets, &got_raised)) {
            log_error("pass failed; retrying next time");
            break;
        }
        tickets += got_tickets;
        raised += got_raised;
    } while (got_tickets == PASS_BATCH && !stopping);
    int reminders = 0;
    if (meeting_mail_reminders(d, &reminders) < 0)
        log_error("meeting reminders failed; retrying next time");
    int reports = 0;
    if (stats_monthly_pass(d, REPORTS_PER_PASS, &reports) < 0)
        log_error("monthly report mail failed; retrying next time");
    /* the review loop's deadlines: minutes past due, actions overdue */
    int late = minutes_late_pass(d, REVIEW_BATCH), overdue = action_overdue_pass(d, REVIEW_BATCH);
    raised += (late > 0 ? late : 0) + (overdue > 0 ? overdue : 0);
    /* the emergencies' plan and feedback clocks */
    int emergency = emergency_alert_pass(d, REVIEW_BATCH);
    raised += emergency > 0 ? emergency : 0;
    /* a backlog (after the mail server was down, or an alert storm) is sent
     * over several passes, each given a few seconds, so alerts keep being
     * raised on time meanwhile however slow the mail server is */
    int sent = 0, failed = 0, s, f, claimed, budget = MAIL_PER_PASS;
    struct timespec mail0;
    clock_gettime(CLOCK_MONOTONIC, &mail0);
    do {
        claimed = outbox_deliver_due(d, MAIL_BATCH, &s, &f);
        sent += s > 0 ? s : 0;
        failed += f > 0 ? f : 0;
        budget -= MAIL_BATCH;
        clock_gettime(CLOCK_MONOTONIC, &t1);
    } while (claimed == MAIL_BATCH && budget > 0 && !stopping &&
             t1.tv_sec - mail0.tv_sec < MAIL_SECONDS_PER_PASS);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    if (tickets || raised || sent || failed || reminders || reports)
        log_info("pass: %d tickets, %d alerts raised, %d meeting reminders, %d monthly reports,"
                 " %d messages sent, %d failed, %.1f ms", tickets, raised, reminders, reports,
                 sent, failed, ms);
    return claimed == MAIL_BATCH && !stopping;
}

int main(int argc, char **argv)
{
    desk_t d;
    bool once = false;
    log_set_program("scheduler");
    for (int i = 1; i < argc; i++)
        once |= strcmp(argv[i], "--once") == 0;
    if (desk_configure(&d, config_path_from_args(argc, argv)) || worker_open(&d))
        return 1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    long interval = config_get_int(&d.cfg, CFG_SCHEDULER_INTERVAL_SECONDS);
    log_info("started; a pass every %ld s", interval);
    while (!stopping) {
        bool more = one_pass(&d);
        if (once)
            break;
        if (more)
            continue;
        for (long s = 0; s < interval && !stopping; s++)
            sleep(1);
    }
    desk_close(&d);
    log_info("stopped");
    return 0;
}
