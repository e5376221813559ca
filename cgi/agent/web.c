/* agent_web: what the agent workspace (build/agent) and the admin console
 * (build/admin) share: the session of the signed-in person, the error page,
 * the CSRF check and the top bar with the queue counts. */
#include "agent/web.h"
#include "desk/people/people.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/text.h"
#include "desk/queue.h"
#include "desk/ticket/escalation.h"

void agent_error_page(web_t *w, int status, const char *key)
{
    w->r->status = status;
    if (!w->r->hdf) {
        w->r->content_type = "text/plain; charset=utf-8";
        string_append(&w->r->body, texts_get(&w->d->texts, w->lang, "Error.bad_request"));
        return;
    }
    /* a signed-in person keeps the workspace around the error: the search
     * box to correct a number, the queues to go on with */
    if (w->ctx && ME(w)->id > 0 && !hdf_get_value(w->r->hdf, "Me.name", NULL))
        agent_set_nav(w);
    hdf_set_value(w->r->hdf, "Error.Key", key);
    web_render(w, "agent/error.cs");
}

void agent_fail(web_t *w, int rc) { agent_error_page(w, status_of(rc), status_key(rc)); }

bool agent_csrf_ok(web_t *w) { return csrf_ok(w->r, ((session_t *)w->ctx)->csrf); }

/* The queue counts of the left column are cached per worker for a few
 * seconds (Queue.CountSeconds): they are read on every page and
 * change slowly. Each action sets an "acted" cookie with its time, so after
 * one's own change every worker reads the counts afresh. */
#define COUNT_CACHE 64

typedef struct count_entry {
    long long agent_id;
    long long at_ms;
    long counts[Q_COUNT];
} count_entry_t;

static count_entry_t count_cache[COUNT_CACHE]; /* per worker: workers are processes */

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void agent_mark_acted(web_t *w)
{
    char v[32];
    snprintf(v, sizeof v, "%lld", now_ms());
    req_set_cookie(w->r, "acted", v, 3600, "Lax");
}

static void nav_counts(web_t *w, long counts[Q_COUNT])
{
    const agent_t *me = ME(w);
    long long now = now_ms();
    long ttl = config_get_int(&w->d->cfg, CFG_QUEUE_COUNT_SECONDS);
    long long acted = 0; /* when this browser last acted, if it did */
    bool has_acted = text_whole(req_cookie(w->r, "acted"), 0, WEB_ID_MAX, &acted);
    count_entry_t *e = &count_cache[(unsigned long long)me->id % COUNT_CACHE];
    bool fresh = e->agent_id == me->id && now - e->at_ms < ttl * 1000 &&
                 (!has_acted || e->at_ms > acted);
    if (!fresh) {
        bool ok = queue_counts(w->d, me, e->counts) == 0;
        e->agent_id = ok ? me->id : 0;
        e->at_ms = now;
    }
    memcpy(counts, e->counts, sizeof e->counts);
}

void agent_set_nav(web_t *w)
{
    const agent_t *me = ME(w);
    session_t *s = w->ctx;
    HDF *h = w->r->hdf;
    hdf_set_value(h, "Me.name", me->name);
    hdf_set_value(h, "Me.login", me->login);
    hdf_set_value(h, "Me.role", role_code(me->role));
    hdf_set_int_value(h, "Me.supervisor", agent_is_supervisor(me));
    hdf_set_int_value(h, "Me.admin", me->role == ROLE_ADMIN);
    hdf_set_int_value(h, "Me.rnd", escalation_in_rnd(w->d, me));
    hdf_set_value(h, "Csrf", s->csrf);
    static const queue_kind_t shown[] = {Q_UNASSIGNED, Q_MINE,    Q_TO_ACCEPT, Q_AT_RISK,
                                         Q_OVERDUE,    Q_WAITING, Q_COLLAB,    Q_TEAM,
                                         Q_CLOSED};
    long counts[Q_COUNT];
    nav_counts(w, counts);
    for (size_t i = 0; i < sizeof shown / sizeof *shown; i++) {
        long n = counts[shown[i]];
        hdf_set_valuef(h, "Nav.%d.code=%s", (int)i, queue_code(shown[i]));
        hdf_set_valuef(h, "Nav.%d.count=%ld%s", (int)i,
                       n < 0 ? 0 : n >= QUEUE_COUNT_CAP ? QUEUE_COUNT_CAP - 1 : n,
                       n >= QUEUE_COUNT_CAP ? "+" : "");
    }
    const char *done = req_query(w->r, "done");
    if (done && strspn(done, "abcdefghijklmnopqrstuvwxyz_") == strlen(done))
        hdf_set_value(h, "Done", done);
}

/* Resolves the session; answers the request itself when there is none. */
bool agent_signed_in(web_t *w, session_t *s)
{
    const char *sid = req_cookie(w->r, "sid");
    int rc = sid ? auth_session(w->d, sid, &s->me) : 0;
    if (rc == 1) {
        snprintf(s->token, sizeof s->token, "%s", sid);
        auth_csrf_token(w->d, s->token, s->csrf);
        if (!req_cookie(w->r, "lang"))
            w->lang = lang_parse(s->me.language);
        return true;
    }
    if (rc < 0) {
        agent_error_page(w, 503, "unavailable");
        return false;
    }
    char where[600];
    snprintf(where, sizeof where, "/agent/login?back=%s",
             strcmp(w->r->method, "GET") == 0 ? w->r->path : "/agent/");
    req_redirect(w->r, where);
    return false;
}

static void add_choice(long long id, const char *name, const char *role, void *ctx)
{
    (void)name, (void)role;
    people_choices_t *c = ctx;
    if (c->n == AGENT_PEOPLE_MAX)
        return;
    snprintf(c->ids[c->n], sizeof c->ids[c->n], "%lld", id);
    c->codes[c->n] = c->ids[c->n];
    c->codes[++c->n] = NULL;
}

int agent_people_choices(web_t *w, people_choices_t *c)
{
    c->n = 0;
    c->codes[0] = NULL;
    return people_each_active(w->d, add_choice, c) < 0 ? -1 : 0;
}

/* Deadline chip: state ok / warn / breach / none and minutes left or over. */
void agent_set_due(web_t *w, const char *key, time_t due)
{
    HDF *h = w->r->hdf;
    time_t now = desk_now(w->d);
    char k[96];
    if (!due || queue_no_deadline(due)) {
        hdf_set_valuef(h, "%s.state=none", key);
        return;
    }
    snprintf(k, sizeof k, "%s", key);
    tpl_set_time(h, k, due);
    long warn = w->d->at_risk_seconds;
    long left = (long)(due - now);
    hdf_set_valuef(h, "%s.state=%s", key, left < 0 ? "breach" : left < warn ? "warn" : "ok");
    snprintf(k, sizeof k, "%s.%s", key, left < 0 ? "over" : "left");
    tpl_set_span(h, k, (left < 0 ? -left : left) / 60);
}
