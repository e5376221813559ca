/* evaluation_view: see evaluation_view.h. */
#include "web/evaluation_view.h"

#include <stdio.h>
#include <string.h>

#include "core/tpl.h"

void web_evaluation_set(HDF *h, const char *key, const evaluation_t *e)
{
    char k[96];
    hdf_set_valuef(h, "%s.revision=%d", key, e->revision);
    hdf_set_valuef(h, "%s.feasibility=%s", key, e->feasibility);
    hdf_set_valuef(h, "%s.state=%s", key, e->state);
    hdf_set_valuef(h, "%s.effort=%d.%d", key, e->effort_tenths / 10, e->effort_tenths % 10);
    hdf_set_valuef(h, "%s.cycle=%d", key, e->cycle_days);
    snprintf(k, sizeof k, "%s.reasons", key);
    hdf_set_value(h, k, e->reasons ? e->reasons : "");
    snprintf(k, sizeof k, "%s.resources", key);
    hdf_set_value(h, k, e->resources ? e->resources : "");
    snprintf(k, sizeof k, "%s.risks", key);
    hdf_set_value(h, k, e->risks ? e->risks : "");
    snprintf(k, sizeof k, "%s.schedule", key);
    hdf_set_value(h, k, e->schedule ? e->schedule : "");
    snprintf(k, sizeof k, "%s.decline_reason", key);
    hdf_set_value(h, k, e->decline_reason ? e->decline_reason : "");
    snprintf(k, sizeof k, "%s.author", key);
    hdf_set_value(h, k, e->author);
    snprintf(k, sizeof k, "%s.decided_name", key);
    hdf_set_value(h, k, e->decided_name);
    snprintf(k, sizeof k, "%s.via", key);
    hdf_set_value(h, k, e->via);
    snprintf(k, sizeof k, "%s.recorded_by", key);
    hdf_set_value(h, k, e->recorded_by);
    snprintf(k, sizeof k, "%s.created", key);
    tpl_set_time(h, k, e->created_at);
    snprintf(k, sizeof k, "%s.decided", key);
    tpl_set_time(h, k, e->decided_at);
}

static void add_revision(const evaluation_t *e, void *ctx)
{
    HDF *h = ctx;
    char key[40];
    int i = hdf_get_int_value(h, "Evaluation.count", 0);
    snprintf(key, sizeof key, "Evaluations.%d", i);
    web_evaluation_set(h, key, e);
    if (i == 0 && !strcmp(e->state, "pending"))
        hdf_set_value(h, "Evaluation.pending", "1");
    hdf_set_int_value(h, "Evaluation.count", i + 1);
}

int web_evaluations(desk_t *d, HDF *h, long long ticket_id)
{
    return evaluation_each(d, ticket_id, add_revision, h);
}
