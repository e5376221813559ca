/* targets: see targets.h. */
#include "desk/sla/targets.h"

#include "desk/audit.h"

static sla_unit_t unit_of(const char *code)
{
    int u = sla_unit_parse(code);
    return u < 0 ? SLA_MINUTE : (sla_unit_t)u;
}

void sla_targets_units(sla_targets_t *t, const sla_units_t *x)
{
    t->classify.unit = unit_of(x->u[0]);
    t->first.unit = unit_of(x->u[1]);
    t->resolution.unit = unit_of(x->u[2]);
    t->update.unit = unit_of(x->u[3]);
}

static void audit_target(json_t *c, const char *key, sla_target_t o, sla_target_t n)
{
    char a[48], b[48];
    sla_target_text(o, a, sizeof a);
    sla_target_text(n, b, sizeof b);
    audit_str(c, key, *a ? a : NULL, *b ? b : NULL);
}

void sla_targets_audit(json_t *c, const sla_targets_t *o, const sla_targets_t *n)
{
    audit_int(c, "calendar_id", o->calendar, n->calendar);
    audit_target(c, "classify", o->classify, n->classify);
    audit_target(c, "first_response", o->first, n->first);
    audit_target(c, "resolution", o->resolution, n->resolution);
    audit_target(c, "update_interval", o->update, n->update);
    audit_int(c, "warning_percent", o->warning, n->warning);
}
