/* facts: see facts.h. */
#include "desk/stats/facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "desk/sla/sla.h"
#include "desk/stats/quality.h"
#include "desk/ticket/ticket_state.h"

static const char sql_ticket[] =
    "SELECT COALESCE(team_id, 0), category_id, priority_id, channel_id,"
    " COALESCE(organisation_id, 0), customer_id, COALESCE(owner_id, 0), product, status,"
    " created_at, first_responded_at, first_response_due_at, resolution_due_at, resolved_at,"
    " is_open, classify_due_at, accept_due_at, accepted_at FROM tickets WHERE id = ?";
static const char sql_history[] =
    "SELECT new_value, created_at FROM ticket_events WHERE ticket_id = ? AND kind = 'status'"
    " ORDER BY id";
/* the updates the cadence counts: the agents' public replies */
static const char sql_updates[] =
    "SELECT created_at FROM ticket_events WHERE ticket_id = ? AND kind = 'reply'"
    " AND visibility = 'public' ORDER BY id";
static const char sql_escalations[] =
    "SELECT answer_due_at, answered_at FROM ticket_escalations WHERE ticket_id = ? ORDER BY id";
/* A product's name once: looked up without a lock, inserted when new (the
 * upsert then gives the id whoever inserted it). */
static const char sql_product[] = "SELECT id FROM stats_products WHERE name = ?";
static const char sql_put_product[] =
    "INSERT INTO stats_products (name) VALUES (?) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)";
/* Written over in place (an upsert locks only its own rows: a DELETE of a
 * ticket's rows would lock the gap after them, where the next tickets' rows
 * go, and hold up their creation). A ticket's spans only ever grow in
 * number: its history only grows. */
#define U(c) " " c " = VALUES(" c ")"
static const char sql_put_fact[] =
    "INSERT INTO ticket_facts (ticket_id, team_id, category_id, priority_id, channel_id,"
    " product_id, organisation_id, customer_id, owner_id,"
    " created_at, created_day, first_responded_at, first_response_s, first_response_biz_s,"
    " resolved_at, resolution_s, resolution_biz_s, reopens, has_first_response_sla,"
    " first_response_due_at, has_resolution_sla, resolution_due_at, resolution_stopped_at,"
    " has_classify_sla, classify_due_at, classify_stopped_at, has_accept_sla, accept_due_at,"
    " accept_stopped_at, has_update_sla, update_due_at, update_stopped_at, has_answer_sla,"
    " answer_due_at, answer_stopped_at, s_new, s_classified, s_assigned, s_accepted,"
    " s_in_progress, s_waiting_customer, s_waiting_third_party, s_solution_proposed,"
    " s_in_execution, s_resolved)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, IF(? < 0, NULL, ?), IF(? < 0, NULL, ?), ?,"
    " IF(? < 0, NULL, ?), IF(? < 0, NULL, ?), ?, ?, ?, ?, ?, ?,"
    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?," /* the other clocks */
    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"        /* the time in each status */
    " ON DUPLICATE KEY UPDATE" U("team_id") "," U("category_id") "," U("priority_id") ","
    U("channel_id") "," U("product_id") "," U("organisation_id") "," U("customer_id") ","
    U("owner_id") "," U("created_at") "," U("created_day") "," U("first_responded_at") ","
    U("first_response_s") "," U("first_response_biz_s") "," U("resolved_at") ","
    U("resolution_s") "," U("resolution_biz_s") "," U("reopens") ","
    U("has_first_response_sla") "," U("first_response_due_at") "," U("has_resolution_sla") ","
    U("resolution_due_at") "," U("resolution_stopped_at") "," U("has_classify_sla") ","
    U("classify_due_at") "," U("classify_stopped_at") "," U("has_accept_sla") ","
    U("accept_due_at") "," U("accept_stopped_at") "," U("has_update_sla") ","
    U("update_due_at") "," U("update_stopped_at") "," U("has_answer_sla") ","
    U("answer_due_at") "," U("answer_stopped_at") "," U("s_new") "," U("s_classified") ","
    U("s_assigned") "," U("s_accepted") "," U("s_in_progress") "," U("s_waiting_customer") ","
    U("s_waiting_third_party") "," U("s_solution_proposed") "," U("s_in_execution") ","
    U("s_resolved");
static const char sql_put_span[] =
    "INSERT INTO ticket_spans (ticket_id, seq, team_id, category_id, priority_id, channel_id,"
    " product_id, organisation_id, customer_id, owner_id, opened_at, opened_day, closed_at,"
    " closed_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE" U("team_id") "," U("category_id") "," U("priority_id") ","
    U("channel_id") "," U("product_id") "," U("organisation_id") "," U("customer_id") ","
    U("owner_id") "," U("opened_at") "," U("opened_day") "," U("closed_at") ","
    U("closed_day");
static const char sql_missing[] =
    "SELECT t.id FROM tickets t LEFT JOIN ticket_facts f ON f.ticket_id = t.id"
    " LEFT JOIN ticket_quality q ON q.ticket_id = t.id"
    " WHERE t.id > ? AND (f.ticket_id IS NULL OR q.ticket_id IS NULL) ORDER BY t.id LIMIT 500";
static const char sql_every[] = "SELECT id FROM tickets WHERE id > ? ORDER BY id LIMIT 500";

typedef struct row {
    long long team, category, priority, channel, org, customer, owner, open;
    char product[801], status[24];
    time_t created, responded, fr_due, res_due, resolved, classify_due, accept_due, accepted;
} row_t;

typedef struct span {
    time_t opened, closed;
} span_t;

/* A clock of the statistics: whether the ticket has it, its due (0: none)
 * and when it stopped (0: still running). */
typedef struct clock {
    long long has;
    time_t due, stop;
} fclock_t;

/* The statuses whose time is counted, in the order of the s_* columns;
 * closed counts as resolved. */
#define STATS_STATUS_COLS 10

typedef struct facts {
    row_t r;
    span_t spans[STATS_MAX_SPANS];
    int nspans;
    time_t classified; /* the ticket first left "new" (0: not yet) */
    fclock_t classify, accept, update, answer;
    long long in_status[STATS_STATUS_COLS];
} facts_t;

void stats_local_day(time_t t, char out[11])
{
    struct tm tm;
    out[0] = '\0';
    if (t && localtime_r(&t, &tm))
        strftime(out, 11, "%Y-%m-%d", &tm);
}

static bool done_status(const char *s)
{
    return strcmp(s, "resolved") == 0 || strcmp(s, "closed") == 0;
}

static int status_col(const char *s)
{
    int k = ticket_status_parse(s);
    if (k == TS_CLOSED)
        return TS_RESOLVED;
    return k >= 0 && k < STATS_STATUS_COLS ? k : -1;
}

/* Wall seconds in [a, b) clipped to end (0: no end), added to status k. */
static void add_time(facts_t *f, int k, time_t a, time_t b, time_t end)
{
    if (end && b > end)
        b = end;
    if (k >= 0 && b > a)
        f->in_status[k] += (long long)(b - a);
}

/* From the status history: the stretches in the backlog (open from
 * creation, ended by resolution, begun again by a reopen), when the ticket
 * was first classified, and, for a resolved ticket, its time in each status
 * until its latest resolution. 0 or -1. */
static int history(desk_t *d, long long id, facts_t *f)
{
    MYSQL_STMT *st = db_query(&d->db, sql_history, "i", id);
    if (!st)
        return -1;
    char status[32];
    time_t at, since = f->r.created, end = f->r.open ? 0 : f->r.resolved;
    int n = 1, rc, cur = TS_NEW;
    f->spans[0] = (span_t){f->r.created, 0};
    while ((rc = db_fetch(st, "st", status, sizeof status, &at)) == 1) {
        bool open = f->spans[n - 1].closed == 0;
        if (open && done_status(status))
            f->spans[n - 1].closed = at > f->spans[n - 1].opened ? at : f->spans[n - 1].opened;
        else if (!open && !done_status(status)) {
            if (n < STATS_MAX_SPANS)
                f->spans[n++] = (span_t){at, 0};
            else
                f->spans[n - 1].closed = 0;
        }
        if (!f->classified && strcmp(status, "new") != 0)
            f->classified = at;
        if (end)
            add_time(f, cur, since, at, end);
        cur = status_col(status), since = at;
    }
    db_done(st);
    if (end)
        add_time(f, cur, since, end, end);
    f->nspans = n;
    if (!f->classified && strcmp(f->r.status, "new") != 0)
        f->classified = f->r.created;
    return rc < 0 ? -1 : 0;
}

/* The end of the backlog stretch holding t: its resolution, 0 while it is
 * open, -1 when the ticket was not in the backlog at t. */
static time_t stretch_end(const facts_t *f, time_t t)
{
    for (int i = 0; i < f->nspans; i++)
        if (f->spans[i].opened <= t && (!f->spans[i].closed || t < f->spans[i].closed))
            return f->spans[i].closed;
    return -1;
}

/* The update cadence: after each public reply while the ticket is in the
 * backlog, the next one is due by the priority's cadence; that clock stops
 * at the next reply or the resolution, whichever comes first. The clock
 * kept is the first that stopped late (or ran out), else the latest. */
static int update_clock(desk_t *d, long long id, const priority_t *p, facts_t *f)
{
    MYSQL_STMT *st = db_query(&d->db, sql_updates, "i", id);
    if (!st)
        return -1;
    time_t at[256], t; /* the first 256 replies */
    int n = 0, rc;
    while ((rc = db_fetch(st, "t", &t)) == 1)
        if (n < 256)
            at[n++] = t;
    db_done(st);
    if (rc < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        time_t end = stretch_end(f, at[i]);
        time_t due = end < 0 ? 0 : sla_next_update(d, p, at[i]);
        if (!due)
            continue;
        time_t stop = i + 1 < n ? at[i + 1] : 0;
        if (end > 0 && (!stop || end < stop))
            stop = end;
        f->update = (fclock_t){1, due, stop};
        if (!stop || stop > due)
            break;
    }
    return 0;
}

/* The R&D answer: per escalation, due by its answer_due_at, stopped by its
 * answer; the first answered late (or unanswered), else the latest. */
static int answer_clock(desk_t *d, long long id, facts_t *f)
{
    MYSQL_STMT *st = db_query(&d->db, sql_escalations, "i", id);
    if (!st)
        return -1;
    time_t due, answered;
    int rc;
    bool late = false;
    while ((rc = db_fetch(st, "tt", &due, &answered)) == 1)
        if (!late) {
            f->answer = (fclock_t){1, due, answered};
            late = !answered || answered > due;
        }
    db_done(st);
    return rc < 0 ? -1 : 0;
}

/* Business seconds in [from, to) outside the pauses (sorted, disjoint, the
 * last may be open); -1 on error. */
static long long business_seconds(const bizcal_t *c, time_t from, time_t to,
                                  const bizclock_pause_t *p, int n)
{
    long long s = bizclock_seconds(c, from, to);
    for (int i = 0; s >= 0 && i < n; i++) {
        time_t a = p[i].from > from ? p[i].from : from, b = p[i].to && p[i].to < to ? p[i].to : to;
        if (b > a) {
            long long paused = bizclock_seconds(c, a, b);
            s = paused < 0 ? -1 : s - paused;
        }
    }
    return s;
}

/* Business seconds of the first response and of the resolution (pauses of
 * the resolution clock left out), -1 where not reached. */
static int business(desk_t *d, long long id, const row_t *r, const priority_t *p,
                    long long *fr, long long *res)
{
    *fr = *res = -1;
    const bizcal_t *c = catalog_calendar(&d->catalog, p->calendar_id);
    if (!c)
        return 0;
    if (r->responded)
        *fr = bizclock_seconds(c, r->created, r->responded);
    if (r->resolved && !r->open) {
        bizclock_pause_t pauses[64];
        int n = sla_pauses(d, id, pauses, 64);
        if (n < 0)
            return -1;
        *res = business_seconds(c, r->created, r->resolved, pauses, n);
    }
    return 0;
}

/* The id of a product's name (0: none). */
static int product_id(desk_t *d, const char *name, long long *id)
{
    *id = 0;
    if (!name[0])
        return 0;
    int rc = db_row(&d->db, sql_product, "s", "i", name, id);
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    if (db_exec(&d->db, sql_put_product, "s", name) < 0)
        return -1;
    *id = (long long)d->db.last_id;
    return 0;
}

static int read_ticket(desk_t *d, long long id, row_t *r)
{
    memset(r, 0, sizeof *r);
    return db_row(&d->db, sql_ticket, "i", "iiiiiiisstttttittt", id, &r->team, &r->category,
                  &r->priority, &r->channel, &r->org, &r->customer, &r->owner, r->product,
                  sizeof r->product, r->status, sizeof r->status, &r->created, &r->responded,
                  &r->fr_due, &r->res_due, &r->resolved, &r->open, &r->classify_due,
                  &r->accept_due, &r->accepted);
}

/* The clocks of the classification and the acceptance: each stops when the
 * ticket leaves "new", when its owner accepts it, or at a resolution before
 * that. */
static void classify_accept(facts_t *f)
{
    const row_t *r = &f->r;
    time_t resolved = r->open ? 0 : r->resolved;
    f->classify = (fclock_t){r->classify_due != 0, r->classify_due,
                             f->classified ? f->classified : resolved};
    f->accept = (fclock_t){r->accept_due || r->accepted, r->accept_due,
                           r->accepted ? r->accepted : resolved};
}

static int put_fact(desk_t *d, long long id, const facts_t *f, long long product,
                    const priority_t *p, long long fr_biz, long long res_biz)
{
    const row_t *r = &f->r;
    time_t resolved = r->open ? 0 : r->resolved;
    long long fr_wall = r->responded ? (long long)(r->responded - r->created) : -1;
    long long res_wall = resolved ? (long long)(resolved - r->created) : -1;
    long long has_fr = p->first_response.amount > 0, has_res = p->resolution.amount > 0;
    const long long *s = f->in_status;
    char day[11];
    stats_local_day(r->created, day);
    return db_exec(&d->db, sql_put_fact,
                   "iiiiiiiiitstiiiitiiiiiititt" "ittittittitt" "iiiiiiiiii", id, r->team,
                   r->category, r->priority, r->channel, product, r->org, r->customer, r->owner,
                   r->created, day, r->responded, fr_wall, fr_wall, fr_biz, fr_biz, resolved,
                   res_wall, res_wall, res_biz, res_biz, (long long)(f->nspans - 1), has_fr,
                   r->fr_due, has_res, r->res_due, resolved, f->classify.has, f->classify.due,
                   f->classify.stop, f->accept.has, f->accept.due, f->accept.stop,
                   f->update.has, f->update.due, f->update.stop, f->answer.has, f->answer.due,
                   f->answer.stop, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8],
                   s[9]) < 0
               ? -1
               : 0;
}

int stats_ticket_changed(desk_t *d, long long id)
{
    facts_t *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    int rc = read_ticket(d, id, &f->r);
    if (rc != 1) {
        free(f);
        return rc == 0 ? 0 : -1;
    }
    const row_t *r = &f->r;
    const priority_t *base = catalog_priority_by_id(&d->catalog, r->priority);
    priority_t p; /* with the ticket's SLA policy */
    long long fr_biz, res_biz, product;
    rc = -1;
    if (!base || sla_ticket_targets(d, id, base, &p) || history(d, id, f) ||
        business(d, id, r, &p, &fr_biz, &res_biz) || update_clock(d, id, &p, f) ||
        answer_clock(d, id, f) || product_id(d, r->product, &product))
        goto out;
    classify_accept(f);
    /* the first response and resolution targets of the priority itself */
    if (put_fact(d, id, f, product, base, fr_biz, res_biz))
        goto out;
    for (int i = 0; i < f->nspans; i++) {
        char day[11], closed_day[11];
        stats_local_day(f->spans[i].opened, day);
        stats_local_day(f->spans[i].closed, closed_day);
        if (db_exec(&d->db, sql_put_span, "iiiiiiiiiitsts", id, (long long)(i + 1), r->team,
                    r->category, r->priority, r->channel, product, r->org, r->customer,
                    r->owner, f->spans[i].opened, day, f->spans[i].closed,
                    f->spans[i].closed ? closed_day : NULL) < 0)
            goto out;
    }
    rc = stats_quality_changed(d, id);
out:
    free(f);
    return rc;
}

int stats_rebuild(desk_t *d, bool missing_only, long *done)
{
    long long after = 0, ids[500];
    *done = 0;
    for (;;) {
        MYSQL_STMT *st = db_query(&d->db, missing_only ? sql_missing : sql_every, "i", after);
        if (!st)
            return -1;
        int n = 0, rc;
        while ((rc = db_fetch(st, "i", &ids[n])) == 1 && ++n < 500)
            ;
        db_done(st);
        if (rc < 0)
            return -1;
        if (n == 0)
            return 0;
        if (db_begin(&d->db) != OUTCOME_OK)
            return -1;
        for (int i = 0; i < n; i++)
            if (stats_ticket_changed(d, ids[i])) {
                db_rollback(&d->db);
                log_error("stats: cannot write the facts of ticket %lld", ids[i]);
                return -1;
            }
        if (db_commit(&d->db) != OUTCOME_OK)
            return -1;
        *done += n;
        after = ids[n - 1];
    }
}
