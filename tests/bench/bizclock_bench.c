/* bizclock_bench: how many due-time computations per second lib/core/bizclock.c
 * does. Not built by the Makefile; build and run by hand:
 *
 *   gcc -std=c17 -O2 -D_GNU_SOURCE -Ilib -o build/bizclock_bench \
 *       tests/bench/bizclock_bench.c lib/core/bizclock.c && build/bizclock_bench
 *
 * Calendar: 5x8 (Mon-Fri 09:00-12:00 + 13:00-18:00) with the 2026 Chinese
 * public holidays and make-up days, in Asia/Shanghai and in Europe/Berlin.
 * Work: due = start + 3 working days (1440 business minutes) for starts
 * spread over 2026 at odd seconds, then the business minutes back from the
 * start to each due, then the same due with two pauses. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/bizclock.h"

#define STARTS 4096
#define ROUNDS 300

static const char *holidays[] = {
    "2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
    "2026-02-20", "2026-02-23", "2026-04-06", "2026-05-01", "2026-05-04", "2026-05-05",
    "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06",
    "2026-10-07"};
static const char *makeup[] = {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09",
                               "2026-09-20", "2026-10-10"};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int build(bizcal_t *c, const char *tz)
{
    if (bizcal_init(c, tz) != 0)
        return -1;
    for (int wd = 1; wd <= 5; wd++)
        if (bizcal_add_span(c, wd, 540, 720) || bizcal_add_span(c, wd, 780, 1080))
            return -1;
    for (size_t i = 0; i < sizeof holidays / sizeof *holidays; i++)
        if (bizcal_add_day(c, holidays[i], false))
            return -1;
    for (size_t i = 0; i < sizeof makeup / sizeof *makeup; i++)
        if (bizcal_add_day(c, makeup[i], true))
            return -1;
    return 0;
}

static void run(const char *tz, const time_t *starts)
{
    bizcal_t c;
    if (build(&c, tz) != 0) {
        fprintf(stderr, "cannot build calendar in %s\n", tz);
        exit(1);
    }
    double t0 = now();
    long long sum = 0, n = 0;
    for (int r = 0; r < ROUNDS; r++)
        for (int i = 0; i < STARTS; i++, n++)
            sum += bizclock_due(&c, starts[i], 1440);
    double t1 = now();
    for (int r = 0; r < ROUNDS; r++)
        for (int i = 0; i < STARTS; i++)
            sum += bizclock_minutes(&c, starts[i], starts[i] + 5 * 86400);
    double t2 = now();
    for (int r = 0; r < ROUNDS; r++)
        for (int i = 0; i < STARTS; i++) {
            bizclock_pause_t p[2] = {{starts[i] + 3600, starts[i] + 7200},
                                     {starts[i] + 86400, starts[i] + 90000}};
            sum += bizclock_due_paused(&c, starts[i], 1440, p, 2);
        }
    double t3 = now();
    double init0 = now();
    for (int i = 0; i < 1000; i++) {
        bizcal_t x;
        if (build(&x, tz) == 0)
            sum += x.zone.n;
        bizcal_free(&x);
    }
    double init1 = now();
    printf("%-14s due(+3 working days): %8.0f /s   minutes(5 days): %8.0f /s   "
           "due with 2 pauses: %8.0f /s   calendar build: %.1f us   (checksum %lld)\n",
           tz, n / (t1 - t0), n / (t2 - t1), n / (t3 - t2), (init1 - init0) * 1e3, sum);
    bizcal_free(&c);
}

int main(void)
{
    static time_t starts[STARTS];
    time_t first = 1767196800; /* 2026-01-01T00:00:00+08:00 */
    for (int i = 0; i < STARTS; i++)
        starts[i] = first + (time_t)i * 7699; /* about 365 days, odd offsets */
    run("Asia/Shanghai", starts);
    run("Europe/Berlin", starts);
    return 0;
}
