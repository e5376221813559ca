/* slapolicy: see slapolicy.h. */
#include "desk/sla/slapolicy.h"

#include <string.h>

int slapolicy_rank(const sla_policy_t *p)
{
    return (p->tag_id ? 2 : 0) + (p->category_id ? 1 : 0);
}

static bool has_tag(const long long *tags, int ntags, long long id)
{
    for (int i = 0; i < ntags; i++)
        if (tags[i] == id)
            return true;
    return false;
}

static bool matches(const sla_policy_t *p, long long priority_id, long long category_id,
                    const long long *tags, int ntags)
{
    return p->priority_id == priority_id && (p->category_id || p->tag_id) &&
           (!p->category_id || p->category_id == category_id) &&
           (!p->tag_id || has_tag(tags, ntags, p->tag_id));
}

int slapolicy_pick(const sla_policy_t *pols, int n, long long priority_id, long long category_id,
                   const long long *tags, int ntags)
{
    int best = -1;
    for (int i = 0; i < n; i++) {
        if (!matches(&pols[i], priority_id, category_id, tags, ntags))
            continue;
        int r = slapolicy_rank(&pols[i]), b = best < 0 ? -1 : slapolicy_rank(&pols[best]);
        if (r > b || (r == b && pols[i].id < pols[best].id))
            best = i;
    }
    return best;
}

static void lay(long long *target, long long v)
{
    if (v > 0)
        *target = v;
}

static void lay_target(sla_target_t *target, const sla_target_t *v)
{
    if (v->amount > 0)
        *target = *v;
}

void slapolicy_apply(const priority_t *base, const sla_policy_t *pol, priority_t *out)
{
    *out = *base;
    if (!pol)
        return;
    lay(&out->calendar_id, pol->calendar_id);
    lay_target(&out->classify, &pol->classify);
    lay_target(&out->first_response, &pol->first_response);
    lay_target(&out->resolution, &pol->resolution);
    lay_target(&out->update, &pol->update);
    lay(&out->warning_percent, pol->warning_percent);
}

bool slapolicy_ordered(const bizcal_t *c, const priority_t *p)
{
    return sla_target_not_after(c, p->first_response, p->resolution);
}

void slapolicy_targets_priority(const sla_targets_t *t, priority_t *p)
{
    memset(p, 0, sizeof *p);
    p->calendar_id = t->calendar;
    p->classify = t->classify;
    p->first_response = t->first;
    p->resolution = t->resolution;
    p->update = t->update;
    p->warning_percent = t->warning;
}

void slapolicy_lay_targets(const sla_targets_t *level, const sla_targets_t *over,
                           sla_targets_t *out)
{
    priority_t base, laid;
    slapolicy_targets_priority(level, &base);
    sla_policy_t pol = {.calendar_id = over->calendar,
                        .classify = over->classify,
                        .first_response = over->first,
                        .resolution = over->resolution,
                        .update = over->update,
                        .warning_percent = over->warning};
    slapolicy_apply(&base, &pol, &laid);
    *out = (sla_targets_t){.calendar = laid.calendar_id,
                           .warning = laid.warning_percent,
                           .classify = laid.classify,
                           .first = laid.first_response,
                           .resolution = laid.resolution,
                           .update = laid.update};
}

bool slapolicy_targets_ordered(const catalog_t *c, const sla_targets_t *t)
{
    priority_t p;
    slapolicy_targets_priority(t, &p);
    return slapolicy_ordered(catalog_calendar(c, t->calendar), &p);
}

bool slapolicy_needs_tags(const sla_policy_t *pols, int n, long long priority_id)
{
    for (int i = 0; i < n; i++)
        if (pols[i].priority_id == priority_id && pols[i].tag_id)
            return true;
    return false;
}
