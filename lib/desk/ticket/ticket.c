/* ticket: see ticket.h. */
#include "desk/ticket/ticket.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"
#include "core/text.h"
#include "desk/customer/customer.h"
#include "desk/customer/tags.h"
#include "desk/dispatch/dispatch.h"
#include "desk/notify/notify.h"
#include "desk/sla/sla.h"
#include "desk/ticket/workaround.h"
#include "desk/stats/facts.h"
#include "desk/ticket/evaluation_gate.h"
#include "desk/ticket/priority_request.h"
#include "desk/ticket/ticket_fields.h"

static const char sql_by_submit[] =
    "SELECT id, number, submit_hash FROM tickets WHERE submit_key = ?";
/* the same, waiting for a transaction still holding the key to end */
static const char sql_by_submit_settled[] =
    "SELECT id, number, submit_hash FROM tickets WHERE submit_key = ? LOCK IN SHARE MODE";
static const char sql_find_contact[] =
    "SELECT customer_id FROM customer_contacts WHERE kind = ? AND value_bidx IN " SECRET_LOOKUP_IN
    " ORDER BY id LIMIT 1";
static const char sql_find_org[] = "SELECT id FROM organisations WHERE name = ?";
static const char sql_insert_org[] = "INSERT INTO organisations (name, created_at) VALUES (?, ?)";
static const char sql_customer_org[] =
    "SELECT COALESCE(organisation_id, 0) FROM customers WHERE id = ?";
static const char sql_customer_emails[] =
    "SELECT COUNT(*) FROM customer_contacts WHERE customer_id = ? AND kind = 'email'";
static const char sql_insert_customer[] =
    "INSERT INTO customers (organisation_id, name, language, created_at) VALUES (?, ?, ?, ?)";
static const char sql_insert_contact[] =
    "INSERT INTO customer_contacts (customer_id, kind, value_sealed, value_bidx, is_primary,"
    " created_at) VALUES (?, ?, ?, ?, 1, ?)";
/* The new serial comes back as the statement's insert id (LAST_INSERT_ID(expr)
 * is sent in the OK packet): one round trip under the counter's lock. */
static const char sql_bump_counter[] =
    "INSERT INTO ticket_counters (period, serial) VALUES (?, LAST_INSERT_ID(1))"
    " ON DUPLICATE KEY UPDATE serial = LAST_INSERT_ID(serial + 1)";
static const char sql_set_number[] = "UPDATE tickets SET number = ? WHERE id = ?";
/* The columns of a new ticket's row beside its core fields (ticket_sql.h),
 * in the order of insert_ticket's parameters. */
static const char insert_columns[] =
    "number, follow_hash, submit_key, submit_hash, status, channel_id, category_id,"
    " priority_id, customer_id, organisation_id, team_id, created_by_agent_id,"
    " created_by_api_key_id, created_at, updated_at, classify_due_at, first_response_due_at,"
    " first_response_warn_at, resolution_due_at, resolution_warn_at, next_due_at, next_alert_at";
#define INSERT_FIXED 22
static const char sql_insert_value[] =
    "INSERT INTO ticket_field_values (ticket_id, field_id, value) VALUES (?, ?, ?)";
static const char sql_touch_status[] =
    "UPDATE tickets SET status = ?, is_open = ?, version = version + 1, updated_at = ?,"
    " resolved_at = COALESCE(?, resolved_at), closed_at = ? WHERE id = ?";
static const char sql_touch_comment[] =
    "UPDATE tickets SET version = version + 1, updated_at = ? WHERE id = ?";

const priority_t *ticket_initial_priority(const desk_t *d, const category_t *cat,
                                          const char *impact)
{
    const char *level = ticket_impact_priority(impact);
    const priority_t *p = level ? catalog_priority(&d->catalog, level) : NULL;
    return p ? p : catalog_priority_by_id(&d->catalog, cat->default_priority_id);
}

static int find_customer(desk_t *d, const char *kind, const char *value, long long *id)
{
    char norm[256];
    secret_lookup_t l;
    if (!value)
        return 0;
    contact_normalise(kind, value, norm, sizeof norm);
    secret_lookup(&d->secrets, kind, norm, &l);
    return db_row(&d->db, sql_find_contact, "s" SECRET_LOOKUP_FMT, "i", kind, SECRET_LOOKUP_ARGS(&l),
                  id);
}

static int add_contact(desk_t *d, long long customer, const char *kind, const char *value,
                       time_t now)
{
    char norm[256];
    unsigned char bidx[SECRET_HASH_LEN], sealed[SECRET_SEALED_LEN(256)];
    if (!value)
        return OUTCOME_OK;
    contact_normalise(kind, value, norm, sizeof norm);
    secret_blind_index(&d->secrets, kind, norm, bidx);
    secret_seal(&d->secrets, value, strlen(value), sealed);
    int rc = db_exec(&d->db, sql_insert_contact, "isbbt", customer, kind, sealed,
                     SECRET_SEALED_LEN(strlen(value)), bidx, sizeof bidx, now);
    return rc < 0 ? rc : OUTCOME_OK;
}

static int organisation_id(desk_t *d, const char *name, time_t now, long long *id)
{
    *id = 0;
    if (!name)
        return OUTCOME_OK;
    int rc = db_row(&d->db, sql_find_org, "s", "i", name, id);
    if (rc != 0)
        return rc < 0 ? rc : OUTCOME_OK;
    rc = db_exec(&d->db, sql_insert_org, "st", name, now);
    *id = (long long)d->db.last_id;
    return rc < 0 ? rc : OUTCOME_OK;
}

/* A contact given with the ticket joins the customer unless someone holds it
 * already. */
static int link_contact(desk_t *d, long long customer, const char *kind, const char *value,
                        time_t now)
{
    long long holder = 0;
    int rc = value ? find_customer(d, kind, value, &holder) : 1;
    return rc < 0 ? rc : rc == 1 ? OUTCOME_OK : add_contact(d, customer, kind, value, now);
}

/* Whose ticket it is: the customer an agent chose (the contacts given with
 * it join them: only an agent links a contact to a known customer); else
 * the one with this e-mail; else the one with this phone, unless they are
 * known by an e-mail, which this is not (someone else on a shared phone);
 * else a new customer. */
static int resolve_customer(desk_t *d, const ticket_new_t *in, time_t now, long long *cust,
                            long long *org)
{
    int rc;
    if (in->customer_id) {
        *cust = in->customer_id;
        if (db_row(&d->db, sql_customer_org, "i", "i", *cust, org) != 1)
            return OUTCOME_UNAVAILABLE;
        rc = link_contact(d, *cust, "email", in->email, now);
        return rc != OUTCOME_OK ? rc : link_contact(d, *cust, "phone", in->phone, now);
    }
    long long by_phone = 0, emails = 0;
    *cust = 0;
    rc = find_customer(d, "email", in->email, cust);
    if (rc == 0 && (rc = find_customer(d, "phone", in->phone, &by_phone)) == 1 && in->email &&
        (rc = db_row(&d->db, sql_customer_emails, "i", "i", by_phone, &emails)) == 1)
        rc = emails ? 0 : 1;
    if (rc < 0)
        return rc;
    if (rc == 1) {
        *cust = *cust ? *cust : by_phone;
        return db_row(&d->db, sql_customer_org, "i", "i", *cust, org) < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
    }
    if ((rc = organisation_id(d, in->organisation, now, org)) != OUTCOME_OK)
        return rc;
    rc = db_exec(&d->db, sql_insert_customer, "jsst", *org, in->contact_name,
                 in->language ? in->language : "zh", now);
    if (rc < 0)
        return rc;
    *cust = (long long)d->db.last_id;
    if ((rc = add_contact(d, *cust, "email", in->email, now)) != OUTCOME_OK)
        return rc;
    /* a phone someone else holds stays theirs; the ticket keeps it */
    return by_phone ? OUTCOME_OK : add_contact(d, *cust, "phone", in->phone, now);
}

/* The number format: the admin's setting (from the next ticket on), else
 * the config file's Desk.TicketNumberFormat. */
static const char *number_pattern(const desk_t *d)
{
    const char *p = settings_get_str(&d->settings, &d->cfg, CFG_DESK_TICKET_NUMBER_FORMAT);
    return p && tn_pattern_valid(p) ? p : d->number_pattern;
}

/* Gives the ticket the period's next serial. A number already given out
 * (a format changed back) fails the rename on the unique index, which undoes
 * that statement only: the next serial is tried. */
static int set_number(desk_t *d, long long id, time_t now, char *number, size_t cap)
{
    struct tm local;
    char period[9];
    const char *pattern = number_pattern(d);
    localtime_r(&now, &local);
    tn_period(pattern, &local, period);
    for (int tries = 0; tries < 1000; tries++) {
        int rc = db_exec(&d->db, sql_bump_counter, "s", period);
        if (rc < 0)
            return rc;
        if (tn_render(pattern, &local, (long)d->db.last_id, number, cap))
            return OUTCOME_UNAVAILABLE;
        rc = db_exec(&d->db, sql_set_number, "si", number, id);
        if (rc != OUTCOME_DUPLICATE)
            return rc == 1 ? OUTCOME_OK : OUTCOME_UNAVAILABLE;
    }
    return OUTCOME_UNAVAILABLE;
}

/* The earlier of two instants, 0 meaning none. */
static time_t earliest(time_t a, time_t b) { return !a ? b : !b ? a : a < b ? a : b; }

static int insert_ticket(desk_t *d, const ticket_new_t *in, const priority_t *p, long long cust,
                         long long org, long long team, time_t now, ticket_receipt_t *out,
                         sla_dues_t *due_out)
{
    unsigned char follow[SECRET_HASH_LEN], seal[TICKET_SQL_SEALED_MAX];
    token_hash(&d->secrets, out->follow_token, follow);
    sla_dues_t due;
    priority_t targets; /* the priority with the ticket's SLA policy laid over it */
    if (sla_targets(d, p, in->category->id, cust, &targets) ||
        sla_dues(d, &targets, now, NULL, 0, &due))
        return OUTCOME_UNAVAILABLE;
    *due_out = due;
    time_t next = earliest(due.classify, due.first_response);
    time_t alert = earliest(earliest(due.classify, due.first_response_warn),
                            earliest(due.resolution_warn, due.resolution));
    db_param_t v[DB_MAX_BIND] = {
        {'s', .s = out->number},
        {'b', .s = follow, .len = sizeof follow},
        {'s', .s = in->submit_key},
        {'b', .s = in->request_hash, .len = in->request_hash ? SUBMIT_HASH_LEN : 0},
        {'s', .s = "new"},
        {'i', .i = in->channel->id},
        {'i', .i = in->category->id},
        {'i', .i = p->id},
        {'i', .i = cust},
        {'j', .i = org},
        {'j', .i = team},
        {'j', .i = in->actor.agent_id},
        {'j', .i = in->actor.api_key_id},
        {'t', .t = now},
        {'t', .t = now},
        {'t', .t = due.classify},
        {'t', .t = due.first_response},
        {'t', .t = due.first_response_warn},
        {'t', .t = due.resolution},
        {'t', .t = due.resolution_warn},
        {'t', .t = next},
        {'t', .t = alert},
    };
    int n = ticket_sql_in_params(&in->core, &d->secrets, v + INSERT_FIXED, DB_MAX_BIND - INSERT_FIXED,
                                 seal);
    const char *sql = ticket_sql_insert(&d->ticket_sql, TICKET_SQL_INSERT, insert_columns,
                                        INSERT_FIXED);
    if (n < 0 || !sql)
        return OUTCOME_UNAVAILABLE;
    int rc = db_exec_params(&d->db, sql, v, INSERT_FIXED + n);
    sodium_memzero(seal, sizeof seal);
    out->id = (long long)d->db.last_id;
    return rc < 0 ? rc : OUTCOME_OK;
}

/* A VIP customer's ticket starts one level more urgent than it would
 * (Tags.VipRaisesPriority), unless its priority was given. */
static int vip_raise(desk_t *d, long long customer, const priority_t **p)
{
    tag_rules_t rules; /* the admin's setting (lib/desk/customer/tags.h), else the config file's */
    tags_rules(d, &rules);
    if (!rules.vip_raises_priority || !customer_has_tag(d, customer, "vip"))
        return 0;
    const priority_t *best = NULL;
    for (int i = 0; i < d->catalog.nprios; i++) {
        const priority_t *q = &d->catalog.prios[i];
        if (q->rank < (*p)->rank && (!best || q->rank > best->rank))
            best = q;
    }
    if (best)
        *p = best;
    return 0;
}

/* One attempt at the whole creation transaction. */
static int create_once(desk_t *d, const ticket_new_t *in, const priority_t *p,
                       ticket_receipt_t *out)
{
    time_t now = desk_now(d);
    long long cust = 0, org = 0;
    sla_dues_t due;
    dispatch_plan_t plan;
    int rc = db_begin(&d->db);
    if (rc == OUTCOME_OK) /* first: its team lock comes before any other read */
        rc = dispatch_plan(d, in->category->id, 0, 0, &plan);
    if (rc == OUTCOME_OK)
        rc = resolve_customer(d, in, now, &cust, &org);
    if (rc == OUTCOME_OK && !in->priority && vip_raise(d, cust, &p))
        rc = OUTCOME_UNAVAILABLE;
    /* The ticket goes in under a provisional number (from its random follow
     * token) and takes its real one last: the period's counter row, which
     * every creation locks until it commits, is then held only for the
     * rename, the dispatch, the notification and the commit. */
    snprintf(out->number, sizeof out->number, "~%.20s", out->follow_token);
    if (rc == OUTCOME_OK)
        rc = insert_ticket(d, in, p, cust, org, plan.team_id, now, out, &due);
    if (rc == OUTCOME_OK && workaround_clock_refresh(d, out->id))
        rc = OUTCOME_UNAVAILABLE;
    if (rc == OUTCOME_OK) /* counts this ticket too */
        rc = customer_apply_tag_rules(d, cust, in->category->code, now) ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
    for (int i = 0; rc == OUTCOME_OK && i < in->nvalues; i++)
        if (in->values[i].value) {
            rc = db_exec(&d->db, sql_insert_value, "iis", out->id, in->values[i].field_id,
                         in->values[i].value);
            rc = rc < 0 ? rc : OUTCOME_OK;
        }
    if (rc == OUTCOME_OK)
        rc = ticket_event(d, out->id, "created", false, &in->actor, "status", NULL, "new", NULL, now);
    if (rc == OUTCOME_OK)
        rc = attachment_link(d, out->id, (long long)d->db.last_id, in->actor.type, in->files);
    if (rc == OUTCOME_OK)
        rc = set_number(d, out->id, now, out->number, sizeof out->number);
    if (rc == OUTCOME_OK)
        rc = dispatch_apply(d, out->id, "new", &plan, now);
    if (rc == OUTCOME_OK && plan.choice.outcome == DISPATCH_PICKED)
        rc = ticket_refresh_due(d, out->id) || sla_refresh_alert(d, out->id) ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
    if (rc == OUTCOME_OK)
        rc = notify_ticket_created(d, out->id, in, p, out->number, out->follow_token, &due);
    if (rc == OUTCOME_OK)
        rc = stats_ticket_changed(d, out->id) ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
    if (rc == OUTCOME_OK)
        rc = db_commit(&d->db);
    /* a step that reports any failure alike may have lost a lock race:
     * that is worth another try, as when the ticket's own insert loses one */
    if (rc == OUTCOME_UNAVAILABLE && db_deadlocked(&d->db)) {
        log_info("ticket creation: a step lost a lock race; trying again");
        rc = OUTCOME_DEADLOCK;
    }
    if (rc != OUTCOME_OK)
        db_rollback(&d->db);
    return rc;
}

/* 1 when the submit key already made a ticket (out), 0 when not, 2 when it
 * made one from another request, <0 on error. settled: read the committed
 * row once any transaction that holds the key has ended. */
static int find_submission(desk_t *d, const ticket_new_t *in, ticket_receipt_t *out, bool settled)
{
    unsigned char hash[SUBMIT_HASH_LEN];
    size_t hlen = 0;
    int rc = db_row(&d->db, settled ? sql_by_submit_settled : sql_by_submit, "s", "isb",
                    in->submit_key, &out->id, out->number, sizeof out->number, hash, sizeof hash,
                    &hlen);
    out->duplicate = rc == 1;
    if (rc == 1 && in->request_hash && hlen == SUBMIT_HASH_LEN &&
        sodium_memcmp(hash, in->request_hash, SUBMIT_HASH_LEN) != 0)
        return 2;
    return rc;
}

static int find_duplicate(desk_t *d, const ticket_new_t *in, ticket_receipt_t *out)
{
    return find_submission(d, in, out, false);
}

/* How long a creation whose COMMIT went unanswered waits for the database
 * to answer again before saying it does not know: a MariaDB restarted
 * after a crash answers within a few seconds. */
#define OUTCOME_WAIT_SECONDS 15

/* What became of a creation whose connection was lost at COMMIT, asked
 * over a new connection by its submit key: 1 committed (out holds the
 * ticket), 2 the key's ticket came from another request, 0 not committed,
 * OUTCOME_UNKNOWN when the database did not answer in time. */
static int commit_outcome(desk_t *d, const ticket_new_t *in, ticket_receipt_t *out)
{
    long long mine = out->id;
    if (db_reconnect_within(&d->db, OUTCOME_WAIT_SECONDS) != OUTCOME_OK)
        return OUTCOME_UNKNOWN;
    int rc = find_submission(d, in, out, true);
    if (rc < 0)
        return OUTCOME_UNKNOWN;
    /* this request's own insert, or a twin submission's that took the key */
    out->duplicate = rc == 1 && out->id != mine;
    log_info("ticket creation: the commit's answer was lost; the database says it was %s",
             rc == 0 ? "not committed" : "committed");
    return rc;
}

int ticket_create(desk_t *d, const ticket_new_t *in, ticket_receipt_t *out)
{
    memset(out, 0, sizeof *out);
    const priority_t *p = in->priority ? in->priority
                                       : ticket_initial_priority(d, in->category, in->impact);
    long long org;
    if (!p || !in->channel || !in->category || !in->submit_key)
        return OUTCOME_INVALID;
    if (in->customer_id && db_row(&d->db, sql_customer_org, "i", "i", in->customer_id, &org) != 1)
        return OUTCOME_INVALID;
    ticket_follow_token(d, in->submit_key, out->follow_token);
    int rc = find_duplicate(d, in, out);
    if (rc != 0)
        return rc == 1 ? OUTCOME_OK : rc == 2 ? OUTCOME_KEY_REUSED : OUTCOME_UNAVAILABLE;
    for (int attempt = 0; attempt < 5; attempt++) {
        rc = create_once(d, in, p, out);
        if (rc == OUTCOME_OK)
            return OUTCOME_OK;
        if (rc == OUTCOME_UNKNOWN) {
            int got = commit_outcome(d, in, out);
            if (got == OUTCOME_UNKNOWN) {
                log_error("ticket creation: no answer from the database within %d s; whether"
                          " the ticket was stored is unknown", OUTCOME_WAIT_SECONDS);
                return OUTCOME_UNKNOWN;
            }
            if (got >= 1)
                return got == 1 ? OUTCOME_OK : OUTCOME_KEY_REUSED;
            continue; /* not stored, and the database answers again */
        }
        /* lost before COMMIT: the server rolled it back; again if it answers */
        if (rc == OUTCOME_LOST && db_is_open(&d->db))
            continue;
        if (rc != OUTCOME_DEADLOCK && rc != OUTCOME_DUPLICATE)
            break;
        /* a double submission racing this one may have won (its commit is
         * what broke our insert or our lock): answer with its ticket */
        int dup = find_duplicate(d, in, out);
        if (dup >= 1)
            return dup == 1 ? OUTCOME_OK : OUTCOME_KEY_REUSED;
        /* contenders that deadlocked together must not retry in step */
        usleep(1000 * (1 + randombytes_uniform(10u << attempt)));
    }
    if (rc != OUTCOME_LOST) /* a lost connection is logged where it is seen */
        log_error("ticket_create failed (%d)", rc);
    return OUTCOME_UNAVAILABLE;
}

typedef struct change {
    const actor_t *who;
    const uploads_t *files;
    const char *text;
    bool internal;
    ticket_status_t to;
    const priority_t *priority;
    bool ask;              /* the priority is asked for, not set */
    long long request_id;  /* the request filed */
} change_t;

static int ok(int rc) { return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK; }

static int apply_status(desk_t *d, ticket_t *t, void *arg, time_t now);

static int apply_comment(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    change_t *c = arg;
    const char *kind = !c->text ? "attachment" : c->internal ? "note" : "comment";
    if (ok(ticket_event(d, t->id, kind, c->internal, c->who, NULL, NULL, NULL, c->text, now)))
        return OUTCOME_UNAVAILABLE;
    if (attachment_link(d, t->id, (long long)d->db.last_id, c->who->type, c->files))
        return OUTCOME_UNAVAILABLE;
    if (ok(db_exec(&d->db, sql_touch_comment, "ti", now, t->id)))
        return OUTCOME_UNAVAILABLE;
    /* the customer answered: the ticket is back with the desk, its clock runs */
    if (!strcmp(c->who->type, "customer") && !strcmp(t->status, "waiting_customer")) {
        c->to = TS_IN_PROGRESS;
        return apply_status(d, t, c, now);
    }
    return OUTCOME_OK;
}

int ticket_add_comment(desk_t *d, long long ticket_id, const actor_t *who, const char *body,
                       bool internal, const uploads_t *files)
{
    change_t c = {.who = who, .text = body, .internal = internal, .files = files};
    return ticket_with_locked(d, ticket_id, 0, apply_comment, &c);
}

static int apply_status(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    change_t *c = arg;
    int from = ticket_status_parse(t->status);
    if (from < 0 || !ticket_transition_allowed((ticket_status_t)from, c->to))
        return OUTCOME_BAD_TRANSITION;
    int gate = evaluation_gate(d, t, c->to);
    if (gate != OUTCOME_OK)
        return gate;
    if (ok(ticket_event(d, t->id, "status", false, c->who, "status", t->status,
                     ticket_status_code(c->to), c->text, now)))
        return OUTCOME_UNAVAILABLE;
    if (c->to == TS_RESOLVED && notify_resolved(d, t->id, (long long)d->db.last_id, c->text))
        return OUTCOME_UNAVAILABLE;
    bool done = ticket_status_done(c->to);
    if (ok(db_exec(&d->db, sql_touch_status, "sittti", ticket_status_code(c->to),
                   (long long)!done, now, c->to == TS_RESOLVED ? now : 0,
                   c->to == TS_CLOSED ? now : 0, t->id)))
        return OUTCOME_UNAVAILABLE;
    return ticket_clock_after_status(d, t, t->status, c->to, now);
}

static int apply_update(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    change_t *c = arg;
    int from = ticket_status_parse(t->status);
    if ((int)c->to >= 0 && (from < 0 || !ticket_transition_allowed((ticket_status_t)from, c->to)))
        return OUTCOME_BAD_TRANSITION;
    int rc = !c->priority ? OUTCOME_OK
             : c->ask     ? ticket_request_priority_locked(d, t, c->who, c->priority, c->text, now,
                                                           &c->request_id)
                          : ticket_set_priority_locked(d, t, c->priority, c->who, c->text, now);
    return rc == OUTCOME_OK && (int)c->to >= 0 ? apply_status(d, t, c, now) : rc;
}

int ticket_update(desk_t *d, long long ticket_id, const priority_t *p, int status,
                  const actor_t *who, const char *reason, bool ask_priority,
                  long long *request)
{
    change_t c = {.who = who, .text = reason, .to = (ticket_status_t)status, .priority = p,
                  .ask = ask_priority};
    int rc = ticket_with_locked(d, ticket_id, 0, apply_update, &c);
    if (request)
        *request = rc == OUTCOME_OK ? c.request_id : 0;
    return rc;
}

