/* agent_availability: agents mark themselves at work or absent (out of
 * office); the dispatcher (lib/desk/dispatch/dispatch.h) gives absent agents nothing.
 * Admins set the same flag on /admin/routing/teams/ID.
 *
 *   GET  /agent/availability   the current state and the switch
 *   POST /agent/availability   available=1|0, CSRF-checked, recorded in the
 *                              audit log as the agent's own change */
#include <stdio.h>
#include <string.h>

#include "agent/web.h"
#include "desk/audit.h"
#include "desk/dispatch/dispatch.h"
#include "core/log.h"

void agent_page_availability(web_t *w, const char *arg)
{
    (void)arg;
    agent_set_nav(w);
    int available = dispatch_available(w->d, ME(w)->id);
    if (available < 0)
        return agent_error_page(w, 503, "unavailable");
    hdf_set_int_value(w->r->hdf, "Presence.available", available);
    web_render(w, "agent/availability.cs");
}

/* Sets the flag and records who changed it; 1 changed, 0 same, <0 an outcome. */
static int set_mine(web_t *w, bool want)
{
    const agent_t *me = ME(w);
    int rc = db_begin(&w->d->db);
    int changed = rc == OUTCOME_OK ? dispatch_set_available(w->d, me->id, want, desk_now(w->d)) : rc;
    if (changed == 1) {
        char id[24];
        json_t *c = audit_changes();
        audit_who_t who = {me->id, req_env(w->r, "REMOTE_ADDR")};
        snprintf(id, sizeof id, "%lld", me->id);
        audit_bool(c, "available", !want, want);
        changed = audit_record(w->d, &who, "agent", id, me->name, "update", c) ? OUTCOME_UNAVAILABLE : 1;
        json_decref(c);
    }
    if (changed >= 0 && db_commit(&w->d->db) != OUTCOME_OK)
        changed = OUTCOME_UNAVAILABLE;
    if (changed < 0)
        db_rollback(&w->d->db);
    return changed;
}

void agent_do_availability(web_t *w, const char *arg)
{
    (void)arg;
    const char *v = req_query(w->r, "available");
    if (!agent_csrf_ok(w)) {
        agent_set_nav(w);
        return agent_error_page(w, 422, "expired");
    }
    if (!v || (strcmp(v, "0") != 0 && strcmp(v, "1") != 0)) {
        agent_set_nav(w);
        return agent_error_page(w, 422, "bad_request");
    }
    bool want = strcmp(v, "1") == 0;
    if (set_mine(w, want) < 0) {
        log_error("availability of agent %lld not saved", ME(w)->id);
        agent_set_nav(w);
        return agent_error_page(w, 503, "unavailable");
    }
    req_redirect(w->r, want ? "/agent/availability?done=present"
                            : "/agent/availability?done=absent");
}
