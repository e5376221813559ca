/* period: see period.h. */
#include "desk/stats/period.h"

#include <stdio.h>
#include <string.h>

const char *const stats_kind_codes[SK_COUNT + 1] = {"week", "month", "quarter", "year", "range",
                                                   NULL};

const char *stats_kind_code(stats_kind_t k)
{
    return (unsigned)k < SK_COUNT ? stats_kind_codes[k] : "";
}

int stats_kind_parse(const char *s)
{
    for (int i = 0; s && i < SK_COUNT; i++)
        if (strcmp(s, stats_kind_codes[i]) == 0)
            return i;
    return -1;
}

/* Local midnight of y-m-d (normalised: m and d may run over). */
static time_t midnight(int y, int m, int d)
{
    struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_isdst = -1};
    return mktime(&tm);
}

static void normalise(int *y, int *m, int *d)
{
    struct tm tm = {.tm_year = *y - 1900, .tm_mon = *m - 1, .tm_mday = *d, .tm_hour = 12,
                    .tm_isdst = -1};
    mktime(&tm);
    *y = tm.tm_year + 1900, *m = tm.tm_mon + 1, *d = tm.tm_mday;
}

static int parse_day(const char *s, int *y, int *m, int *d)
{
    char extra;
    /* digits only: %d alone would take a space or a sign before them */
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || strspn(s, "0123456789") != 4 ||
        strspn(s + 5, "0123456789") != 2 || strspn(s + 8, "0123456789") != 2 ||
        sscanf(s, "%4d-%2d-%2d%c", y, m, d, &extra) != 3 || *y < 1970 || *y > 2199 ||
        *m < 1 || *m > 12 || *d < 1 || *d > 31)
        return -1;
    int yy = *y, mm = *m, dd = *d;
    normalise(&yy, &mm, &dd);
    return yy == *y && mm == *m && dd == *d ? 0 : -1;
}

/* Fills the instants, the last day and the day count from the first day
 * and the first day after. */
static void close_period(stats_period_t *p, int ny, int nm, int nd)
{
    normalise(&p->y, &p->m, &p->d);
    normalise(&ny, &nm, &nd);
    p->from = midnight(p->y, p->m, p->d);
    p->to = midnight(ny, nm, nd);
    p->ly = ny, p->lm = nm, p->ld = nd - 1;
    normalise(&p->ly, &p->lm, &p->ld);
    p->days = 0;
    for (int y = p->y, m = p->m, d = p->d; midnight(y, m, d) < p->to && p->days <= STATS_MAX_DAYS;
         d++)
        p->days++;
}

static void make_kind(stats_period_t *p, stats_kind_t k, int y, int m, int d)
{
    p->kind = k;
    switch (k) {
    case SK_WEEK: {
        struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12,
                        .tm_isdst = -1};
        mktime(&tm);
        int back = (tm.tm_wday + 6) % 7; /* days since Monday */
        p->y = y, p->m = m, p->d = d - back;
        close_period(p, y, m, d - back + 7);
        break;
    }
    case SK_MONTH:
        p->y = y, p->m = m, p->d = 1;
        close_period(p, y, m + 1, 1);
        break;
    case SK_QUARTER:
        p->y = y, p->m = (m - 1) / 3 * 3 + 1, p->d = 1;
        close_period(p, y, p->m + 3, 1);
        break;
    default:
        p->y = y, p->m = 1, p->d = 1;
        close_period(p, y + 1, 1, 1);
        break;
    }
}

int stats_period_make(stats_kind_t k, const char *at, const char *until, time_t now,
                      stats_period_t *out)
{
    int y, m, d;
    memset(out, 0, sizeof *out);
    if (at && *at) {
        if (parse_day(at, &y, &m, &d))
            return -1;
    } else {
        struct tm tm;
        localtime_r(&now, &tm);
        y = tm.tm_year + 1900, m = tm.tm_mon + 1, d = tm.tm_mday;
    }
    if (k != SK_RANGE) {
        make_kind(out, k, y, m, d);
        return 0;
    }
    int ly, lm, ld;
    if (parse_day(until, &ly, &lm, &ld))
        return -1;
    out->kind = SK_RANGE;
    out->y = y, out->m = m, out->d = d;
    close_period(out, ly, lm, ld + 1);
    return out->to > out->from && out->days <= STATS_MAX_DAYS ? 0 : -1;
}

void stats_period_previous(const stats_period_t *p, stats_period_t *out)
{
    memset(out, 0, sizeof *out);
    switch (p->kind) {
    case SK_WEEK: make_kind(out, SK_WEEK, p->y, p->m, p->d - 7); break;
    case SK_MONTH: make_kind(out, SK_MONTH, p->y, p->m - 1, 1); break;
    case SK_QUARTER: make_kind(out, SK_QUARTER, p->y, p->m - 3, 1); break;
    case SK_YEAR: make_kind(out, SK_YEAR, p->y - 1, 1, 1); break;
    default:
        out->kind = SK_RANGE;
        out->y = p->y, out->m = p->m, out->d = p->d - p->days;
        close_period(out, p->y, p->m, p->d);
        break;
    }
}

void stats_period_year_before(const stats_period_t *p, stats_period_t *out)
{
    memset(out, 0, sizeof *out);
    if (p->kind != SK_RANGE && p->kind != SK_WEEK) {
        make_kind(out, p->kind, p->y - 1, p->m, p->d);
        return;
    }
    /* the same dates a year earlier (29 February becomes 1 March) */
    out->kind = p->kind;
    out->y = p->y - 1, out->m = p->m, out->d = p->d;
    close_period(out, p->ly - 1, p->lm, p->ld + 1);
}

void stats_period_days(const stats_period_t *p, char first[11], char last[11])
{
    struct tm a = {.tm_year = p->y - 1900, .tm_mon = p->m - 1, .tm_mday = p->d};
    struct tm b = {.tm_year = p->ly - 1900, .tm_mon = p->lm - 1, .tm_mday = p->ld};
    strftime(first, 11, "%Y-%m-%d", &a);
    strftime(last, 11, "%Y-%m-%d", &b);
}

time_t stats_period_day(const stats_period_t *p, int i) { return midnight(p->y, p->m, p->d + i); }
