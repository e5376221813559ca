/* slatarget: see slatarget.h. */
#include "desk/sla/slatarget.h"

#include <stdio.h>
#include <string.h>

static const char *const codes[SLA_UNIT_COUNT] = {"minute", "hour", "workday"};
static const long long max_amount[SLA_UNIT_COUNT] = {SLA_MAX_MINUTES, SLA_MAX_HOURS,
                                                     SLA_MAX_WORKDAYS};

const char *sla_unit_code(sla_unit_t u)
{
    return (unsigned)u < SLA_UNIT_COUNT ? codes[u] : codes[SLA_MINUTE];
}

int sla_unit_parse(const char *code)
{
    for (int u = 0; code && u < SLA_UNIT_COUNT; u++)
        if (strcmp(code, codes[u]) == 0)
            return u;
    return -1;
}

long long sla_unit_max(sla_unit_t u)
{
    return (unsigned)u < SLA_UNIT_COUNT ? max_amount[u] : 0;
}

long long sla_target_seconds(const bizcal_t *c, time_t start, sla_target_t t)
{
    if (t.amount <= 0)
        return 0;
    switch (t.unit) {
    case SLA_MINUTE:
        return t.amount * 60;
    case SLA_HOUR:
        return t.amount * 3600;
    case SLA_WORKDAY: {
        if (t.amount > SLA_MAX_WORKDAYS)
            return -1;
        time_t due = bizclock_workdays_due(c, start, (int)t.amount);
        return due < 0 ? -1 : bizclock_seconds(c, start, due);
    }
    default:
        return -1;
    }
}

time_t sla_target_due(const bizcal_t *c, time_t start, sla_target_t t,
                      const bizclock_pause_t *p, int n)
{
    long long secs = sla_target_seconds(c, start, t);
    if (secs <= 0)
        return secs;
    return bizclock_due_paused_seconds(c, start, secs, p, n);
}

bool sla_target_range(const bizcal_t *c, sla_target_t t, long long *lo, long long *hi)
{
    if (t.amount <= 0) {
        *lo = *hi = 0;
        return true;
    }
    if (t.unit != SLA_WORKDAY) {
        *lo = *hi = t.unit == SLA_HOUR ? t.amount * 60 : t.amount;
        return true;
    }
    long shortest, longest;
    if (!c || (bizcal_workday_minutes(c, &shortest, &longest) == 0 && !shortest))
        return false;
    *lo = t.amount * shortest;
    *hi = t.amount * longest;
    return true;
}

bool sla_target_not_after(const bizcal_t *c, sla_target_t a, sla_target_t b)
{
    if (a.amount <= 0 || b.amount <= 0)
        return true;
    if (a.unit == SLA_WORKDAY && b.unit == SLA_WORKDAY)
        return a.amount <= b.amount;
    long long alo, ahi, blo, bhi;
    if (!sla_target_range(c, a, &alo, &ahi) || !sla_target_range(c, b, &blo, &bhi))
        return true; /* a calendar without working days: nothing falls due */
    return ahi <= blo;
}

void sla_target_text(sla_target_t t, char *out, size_t cap)
{
    if (t.amount <= 0)
        snprintf(out, cap, "%s", "");
    else
        snprintf(out, cap, "%lld %s", t.amount, sla_unit_code(t.unit));
}

bool sla_targets_any(const sla_targets_t *t)
{
    return t->calendar || t->classify.amount || t->first.amount || t->resolution.amount ||
           t->update.amount || t->warning;
}

bool sla_code_ok(const char *code)
{
    return code[0] >= 'a' && code[0] <= 'z' &&
           strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(code);
}
