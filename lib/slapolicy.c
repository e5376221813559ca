/* slapolicy: see slapolicy.h. */
#include "slapolicy.h"

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

void slapolicy_apply(const priority_t *base, const sla_policy_t *pol, priority_t *out)
{
    *out = *base;
    if (!pol)
        return;
    lay(&out->calendar_id, pol->calendar_id);
    lay(&out->classify_min, pol->classify_min);
    lay(&out->first_response_min, pol->first_response_min);
    lay(&out->resolution_min, pol->resolution_min);
    lay(&out->update_min, pol->update_min);
    lay(&out->warning_percent, pol->warning_percent);
}

bool slapolicy_needs_tags(const sla_policy_t *pols, int n, long long priority_id)
{
    for (int i = 0; i < n; i++)
        if (pols[i].priority_id == priority_id && pols[i].tag_id)
            return true;
    return false;
}
