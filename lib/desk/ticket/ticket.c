/* ticket: see ticket.h. */
#include "desk/ticket/ticket.h"

#include <ctype.h>
#include <stdio.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "desk/customer/customer.h"
#include "desk/dispatch/dispatch.h"
#include "core/log.h"
#include "core/text.h"
#include "desk/notify/notify.h"
#include "desk/sla/sla.h"
#include "desk/customer/tags.h"
#include "desk/ticket/ticket_internal.h"

static const char sql_by_submit[] =
    "SELECT id, number, submit_hash FROM tickets WHERE submit_key = ?";
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
static const char sql_insert_ticket[] =
    "INSERT INTO tickets (number, follow_hash, submit_key, submit_hash, status, channel_id,"
    " category_id,"
    " priority_id, customer_id, organisation_id, contact_name, contact_email_sealed,"
    " contact_phone_sealed, preferred_contact, language, subject, description, product,"
    " product_version, serial_number, impact, tried, error_message, keywords, started_at,"
    " expected_at, team_id, created_by_agent_id, created_by_api_key_id, created_at, updated_at,"
    " classify_due_at, first_response_due_at, first_response_warn_at, resolution_due_at,"
    " resolution_warn_at, next_due_at, next_alert_at)"
    " VALUES (?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_insert_value[] =
    "INSERT INTO ticket_field_values (ticket_id, field_id, value) VALUES (?, ?, ?)";
static const char sql_insert_event[] =
    "INSERT INTO ticket_events (ticket_id, kind, visibility, actor_type, actor_agent_id,"
    " actor_api_key_id, actor_name, field, old_value, new_value, body, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

#define TICKET_COLUMNS                                                                        \
    "SELECT id, version, category_id, priority_id, channel_id, customer_id,"                 \
    " COALESCE(organisation_id, 0), COALESCE(team_id, 0), COALESCE(owner_id, 0),"           \
    " COALESCE(created_by_api_key_id, 0), COALESCE(created_by_agent_id, 0), number, status,"\
    " subject, contact_name, product,"                                                       \
    " product_version, serial_number, COALESCE(impact, ''), preferred_contact, language,"    \
    " description, created_at, updated_at, classify_due_at, first_response_due_at,"         \
    " resolution_due_at, first_responded_at, resolved_at, closed_at, assigned_at,"            \
    " accept_due_at, accepted_at FROM tickets "
static const char sql_by_number[] = TICKET_COLUMNS "WHERE number = ?";
static const char sql_by_id[] = TICKET_COLUMNS "WHERE id = ?";
static const char sql_by_follow[] = TICKET_COLUMNS "WHERE follow_hash = ?";
static const char sql_by_id_for_update[] = TICKET_COLUMNS "WHERE id = ? FOR UPDATE";

static const char sql_events[] =
    "SELECT id, kind, visibility, actor_type, actor_name, COALESCE(field, ''),"
    " COALESCE(old_value, ''), COALESCE(new_value, ''), body, created_at"
    " FROM ticket_events WHERE ticket_id = ? AND (visibility = 'public' OR ? = 0) ORDER BY id";
/* Labels come from the field rows themselves, active or not: a field or
 * option deactivated since keeps showing on the tickets that used it. */
/* A ticket's own field values with their field's labels, in the field's
 * order; the stored rows are read (not the catalogue), so deactivated fields
 * and options keep their labels on old tickets. Two plain indexed lookups:
 * sorting and label joining happen in C. */
static const char sql_values[] =
    "SELECT v.field_id, f.sort_order, f.label_zh, f.label_en, f.field_type, v.value"
    " FROM ticket_field_values v JOIN category_fields f ON f.id = v.field_id"
    " WHERE v.ticket_id = ?";
static const char sql_value_options[] =
    "SELECT code, label_zh, label_en FROM category_field_options WHERE field_id = ?"
    " ORDER BY sort_order, id";
static const char sql_touch_status[] =
    "UPDATE tickets SET status = ?, is_open = ?, version = version + 1, updated_at = ?,"
    " resolved_at = COALESCE(?, resolved_at), closed_at = ? WHERE id = ?";
static const char sql_touch_priority[] =
    "UPDATE tickets SET priority_id = ?, version = version + 1, updated_at = ? WHERE id = ?";
static const char sql_touch_comment[] =
    "UPDATE tickets SET version = version + 1, updated_at = ? WHERE id = ?";

/* The earliest deadline still running: classification while new, acceptance
 * while assigned, first response until answered, resolution until done
 * (stopped while waiting on the customer or a third party). 9999-12-31 when
 * none runs, so every ticket has a place in the queues' key order. */
static const char sql_refresh_due[] =
    "UPDATE tickets SET next_due_at = LEAST("
    " IF(status = 'new', COALESCE(classify_due_at, '9999-12-31'), '9999-12-31'),"
    " IF(status = 'assigned', COALESCE(accept_due_at, '9999-12-31'), '9999-12-31'),"
    " IF(first_responded_at IS NULL AND is_open = 1,"
    "    COALESCE(first_response_due_at, '9999-12-31'), '9999-12-31'),"
    " IF(is_open = 1 AND status NOT IN ('waiting_customer', 'waiting_third_party'),"
    "    COALESCE(resolution_due_at, '9999-12-31'), '9999-12-31'))"
    " WHERE id = ?";

int ticket_refresh_due(desk_t *d, long long id)
{
    return db_exec(&d->db, sql_refresh_due, "i", id) < 0 ? TICKET_ERR : TICKET_OK;
}

const priority_t *ticket_initial_priority(const desk_t *d, const category_t *cat,
                                          const char *impact)
{
    static const char *const map[][2] = {{"company", "urgent"},
                                         {"department", "important"},
                                         {"individual", "general"},
                                         {"none", "low"}};
    for (size_t i = 0; impact && i < sizeof map / sizeof *map; i++)
        if (strcmp(impact, map[i][0]) == 0) {
            const priority_t *p = catalog_priority(&d->catalog, map[i][1]);
            if (p)
                return p;
        }
    return catalog_priority_by_id(&d->catalog, cat->default_priority_id);
}

void ticket_follow_token(const desk_t *d, const char *submit_key, char out[TOKEN_TEXT_LEN + 1])
{
    unsigned char raw[32];
    crypto_generichash_state st;
    crypto_generichash_init(&st, d->secrets.token_key, sizeof d->secrets.token_key, sizeof raw);
    crypto_generichash_update(&st, (const unsigned char *)"follow", 7);
    crypto_generichash_update(&st, (const unsigned char *)submit_key, strlen(submit_key));
    crypto_generichash_final(&st, raw, sizeof raw);
    sodium_bin2base64(out, TOKEN_TEXT_LEN + 1, raw, sizeof raw,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
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
        return DB_OK;
    contact_normalise(kind, value, norm, sizeof norm);
    secret_blind_index(&d->secrets, kind, norm, bidx);
    secret_seal(&d->secrets, value, strlen(value), sealed);
    int rc = db_exec(&d->db, sql_insert_contact, "isbbt", customer, kind, sealed,
                     SECRET_SEALED_LEN(strlen(value)), bidx, sizeof bidx, now);
    return rc < 0 ? rc : DB_OK;
}

static int organisation_id(desk_t *d, const char *name, time_t now, long long *id)
{
    *id = 0;
    if (!name)
        return DB_OK;
    int rc = db_row(&d->db, sql_find_org, "s", "i", name, id);
    if (rc != 0)
        return rc < 0 ? rc : DB_OK;
    rc = db_exec(&d->db, sql_insert_org, "st", name, now);
    *id = (long long)d->db.last_id;
    return rc < 0 ? rc : DB_OK;
}

/* A contact given with the ticket joins the customer unless someone holds it
 * already. */
static int link_contact(desk_t *d, long long customer, const char *kind, const char *value,
                        time_t now)
{
    long long holder = 0;
    int rc = value ? find_customer(d, kind, value, &holder) : 1;
    return rc < 0 ? rc : rc == 1 ? DB_OK : add_contact(d, customer, kind, value, now);
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
            return DB_ERR;
        rc = link_contact(d, *cust, "email", in->email, now);
        return rc != DB_OK ? rc : link_contact(d, *cust, "phone", in->phone, now);
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
        return db_row(&d->db, sql_customer_org, "i", "i", *cust, org) < 0 ? DB_ERR : DB_OK;
    }
    if ((rc = organisation_id(d, in->organisation, now, org)) != DB_OK)
        return rc;
    rc = db_exec(&d->db, sql_insert_customer, "jsst", *org, in->contact_name,
                 in->language ? in->language : "zh", now);
    if (rc < 0)
        return rc;
    *cust = (long long)d->db.last_id;
    if ((rc = add_contact(d, *cust, "email", in->email, now)) != DB_OK)
        return rc;
    /* a phone someone else holds stays theirs; the ticket keeps it */
    return by_phone ? DB_OK : add_contact(d, *cust, "phone", in->phone, now);
}

/* The number format: the admin's setting (from the next ticket on), else
 * the config file's Desk.TicketNumberFormat. */
static const char *number_pattern(const desk_t *d)
{
    const char *p = settings_get(&d->settings, NULL, "Desk.TicketNumberFormat", NULL);
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
            return DB_ERR;
        rc = db_exec(&d->db, sql_set_number, "si", number, id);
        if (rc != DB_DUP)
            return rc == 1 ? DB_OK : DB_ERR;
    }
    return DB_ERR;
}

int ticket_event(desk_t *d, long long ticket, const char *kind, bool internal,
                 const actor_t *who, const char *field, const char *old_value,
                 const char *new_value, const char *body, time_t now)
{
    int rc = db_exec(&d->db, sql_insert_event, "isssjjssssst", ticket, kind,
                     internal ? "internal" : "public", who->type, who->agent_id, who->api_key_id,
                     who->name ? who->name : "", field, old_value, new_value, body, now);
    return rc < 0 ? rc : DB_OK;
}

/* The earlier of two instants, 0 meaning none. */
static time_t earliest(time_t a, time_t b) { return !a ? b : !b ? a : a < b ? a : b; }

static int insert_ticket(desk_t *d, const ticket_new_t *in, const priority_t *p, long long cust,
                         long long org, long long team, time_t now, ticket_receipt_t *out,
                         sla_dues_t *due_out)
{
    unsigned char follow[SECRET_HASH_LEN];
    unsigned char email[SECRET_SEALED_LEN(256)], phone[SECRET_SEALED_LEN(64)];
    size_t elen = in->email ? SECRET_SEALED_LEN(strlen(in->email)) : 0;
    size_t plen = in->phone ? SECRET_SEALED_LEN(strlen(in->phone)) : 0;
    if (in->email)
        secret_seal(&d->secrets, in->email, strlen(in->email), email);
    if (in->phone)
        secret_seal(&d->secrets, in->phone, strlen(in->phone), phone);
    token_hash(&d->secrets, out->follow_token, follow);
    sla_dues_t due;
    priority_t targets; /* the priority with the ticket's SLA policy laid over it */
    if (sla_targets(d, p, in->category->id, cust, &targets) ||
        sla_dues(d, &targets, now, NULL, 0, &due))
        return DB_ERR;
    *due_out = due;
    time_t next = earliest(due.classify, due.first_response);
    time_t alert = earliest(earliest(due.classify, due.first_response_warn),
                            earliest(due.resolution_warn, due.resolution));
    int rc = db_exec(
        &d->db, sql_insert_ticket, "sbsbiiiijsbbsssssssssssttjjjttttttttt", out->number, follow,
        sizeof follow, in->submit_key, in->request_hash,
        in->request_hash ? (size_t)SUBMIT_HASH_LEN : 0, in->channel->id, in->category->id, p->id, cust, org,
        in->contact_name, in->email ? email : NULL, elen, in->phone ? phone : NULL, plen,
        in->preferred_contact ? in->preferred_contact : "any",
        in->language ? in->language : "zh", in->subject, in->description,
        in->product ? in->product : "", in->product_version ? in->product_version : "",
        in->serial_number ? in->serial_number : "", in->impact, in->tried, in->error_message,
        in->keywords ? in->keywords : "", in->started_at, in->expected_at, team,
        in->actor.agent_id, in->actor.api_key_id, now, now, due.classify, due.first_response,
        due.first_response_warn, due.resolution, due.resolution_warn, next, alert);
    out->id = (long long)d->db.last_id;
    return rc < 0 ? rc : DB_OK;
}

/* A VIP customer's ticket starts one level more urgent than it would
 * (Tags.VipRaisesPriority, default on), unless its priority was given. */
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
    if (rc == DB_OK) /* first: its team lock comes before any other read */
        rc = dispatch_plan(d, in->category->id, 0, 0, &plan);
    if (rc == DB_OK)
        rc = resolve_customer(d, in, now, &cust, &org);
    if (rc == DB_OK && !in->priority && vip_raise(d, cust, &p))
        rc = DB_ERR;
    /* The ticket goes in under a provisional number (from its random follow
     * token) and takes its real one last: the period's counter row, which
     * every creation locks until it commits, is then held only for the
     * rename, the dispatch, the notification and the commit. */
    snprintf(out->number, sizeof out->number, "~%.20s", out->follow_token);
    if (rc == DB_OK)
        rc = insert_ticket(d, in, p, cust, org, plan.team_id, now, out, &due);
    if (rc == DB_OK) /* counts this ticket too */
        rc = customer_apply_tag_rules(d, cust, in->category->code, now) ? DB_ERR : DB_OK;
    for (int i = 0; rc == DB_OK && i < in->nvalues; i++)
        if (in->values[i].value) {
            rc = db_exec(&d->db, sql_insert_value, "iis", out->id, in->values[i].field_id,
                         in->values[i].value);
            rc = rc < 0 ? rc : DB_OK;
        }
    if (rc == DB_OK)
        rc = ticket_event(d, out->id, "created", false, &in->actor, "status", NULL, "new", NULL, now);
    if (rc == DB_OK)
        rc = attachment_link(d, out->id, (long long)d->db.last_id, in->actor.type, in->files);
    if (rc == DB_OK)
        rc = set_number(d, out->id, now, out->number, sizeof out->number);
    if (rc == DB_OK)
        rc = dispatch_apply(d, out->id, "new", &plan, now);
    if (rc == DB_OK && plan.choice.outcome == DISPATCH_PICKED)
        rc = ticket_refresh_due(d, out->id) || sla_refresh_alert(d, out->id) ? DB_ERR : DB_OK;
    if (rc == DB_OK)
        rc = notify_ticket_created(d, out->id, in, p, out->number, out->follow_token, &due);
    if (rc == DB_OK)
        rc = db_commit(&d->db);
    if (rc != DB_OK)
        db_rollback(&d->db);
    return rc;
}

/* 1 when the submit key already made a ticket (out), 0 when not, 2 when it
 * made one from another request, <0 on error. */
static int find_duplicate(desk_t *d, const ticket_new_t *in, ticket_receipt_t *out)
{
    unsigned char hash[SUBMIT_HASH_LEN];
    size_t hlen = 0;
    int rc = db_row(&d->db, sql_by_submit, "s", "isb", in->submit_key, &out->id, out->number,
                    sizeof out->number, hash, sizeof hash, &hlen);
    out->duplicate = rc == 1;
    if (rc == 1 && in->request_hash && hlen == SUBMIT_HASH_LEN &&
        sodium_memcmp(hash, in->request_hash, SUBMIT_HASH_LEN) != 0)
        return 2;
    return rc;
}

int ticket_create(desk_t *d, const ticket_new_t *in, ticket_receipt_t *out)
{
    memset(out, 0, sizeof *out);
    const priority_t *p = in->priority ? in->priority
                                       : ticket_initial_priority(d, in->category, in->impact);
    long long org;
    if (!p || !in->channel || !in->category || !in->submit_key)
        return TICKET_INVALID;
    if (in->customer_id && db_row(&d->db, sql_customer_org, "i", "i", in->customer_id, &org) != 1)
        return TICKET_INVALID;
    ticket_follow_token(d, in->submit_key, out->follow_token);
    int rc = find_duplicate(d, in, out);
    if (rc != 0)
        return rc == 1 ? TICKET_OK : rc == 2 ? TICKET_KEY_REUSED : TICKET_ERR;
    for (int attempt = 0; attempt < 5; attempt++) {
        rc = create_once(d, in, p, out);
        if (rc == DB_OK)
            return TICKET_OK;
        if (rc != DB_DEADLOCK && rc != DB_DUP)
            break;
        /* a double submission racing this one may have won (its commit is
         * what broke our insert or our lock): answer with its ticket */
        int dup = find_duplicate(d, in, out);
        if (dup >= 1)
            return dup == 1 ? TICKET_OK : TICKET_KEY_REUSED;
        /* contenders that deadlocked together must not retry in step */
        usleep(1000 * (1 + randombytes_uniform(10u << attempt)));
    }
    log_error("ticket_create failed (%d)", rc);
    return TICKET_ERR;
}

#define TICKET_FETCH "iiiiiiiiiiissssssssssSttttttttttt"
#define TICKET_ARGS(t)                                                                        \
    &(t)->id, &(t)->version, &(t)->category_id, &(t)->priority_id, &(t)->channel_id,          \
        &(t)->customer_id, &(t)->organisation_id, &(t)->team_id, &(t)->owner_id,              \
        &(t)->api_key_id, &(t)->created_by_agent_id, (t)->number, sizeof (t)->number, (t)->status, sizeof (t)->status,   \
        (t)->subject, sizeof (t)->subject, (t)->contact_name, sizeof (t)->contact_name,       \
        (t)->product, sizeof (t)->product, (t)->product_version, sizeof (t)->product_version, \
        (t)->serial_number, sizeof (t)->serial_number, (t)->impact, sizeof (t)->impact,       \
        (t)->preferred_contact, sizeof (t)->preferred_contact, (t)->language,                 \
        sizeof (t)->language, &(t)->description, &(t)->created_at, &(t)->updated_at,          \
        &(t)->classify_due_at, &(t)->first_response_due_at, &(t)->resolution_due_at,          \
        &(t)->first_responded_at, &(t)->resolved_at, &(t)->closed_at, &(t)->assigned_at,      \
        &(t)->accept_due_at, &(t)->accepted_at

static int found(int rc) { return rc == 1 ? TICKET_OK : rc == 0 ? TICKET_NOT_FOUND : TICKET_ERR; }

int ticket_by_number(desk_t *d, const char *number, ticket_t *t)
{
    memset(t, 0, sizeof *t);
    return found(db_row(&d->db, sql_by_number, "s", TICKET_FETCH, number, TICKET_ARGS(t)));
}

int ticket_by_id(desk_t *d, long long id, ticket_t *t)
{
    memset(t, 0, sizeof *t);
    return found(db_row(&d->db, sql_by_id, "i", TICKET_FETCH, id, TICKET_ARGS(t)));
}

int ticket_by_follow_token(desk_t *d, const char *token, ticket_t *t)
{
    unsigned char hash[SECRET_HASH_LEN];
    memset(t, 0, sizeof *t);
    if (!token || strlen(token) != TOKEN_TEXT_LEN)
        return TICKET_NOT_FOUND;
    token_hash(&d->secrets, token, hash);
    return found(
        db_row(&d->db, sql_by_follow, "b", TICKET_FETCH, hash, sizeof hash, TICKET_ARGS(t)));
}

static int lock_ticket(desk_t *d, long long id, ticket_t *t)
{
    memset(t, 0, sizeof *t);
    return found(db_row(&d->db, sql_by_id_for_update, "i", TICKET_FETCH, id, TICKET_ARGS(t)));
}

void ticket_free(ticket_t *t)
{
    free(t->description);
    t->description = NULL;
}

int ticket_each_event(desk_t *d, long long ticket_id, bool public_only,
                      void (*fn)(const ticket_event_t *e, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_events, "ii", ticket_id, (long long)public_only);
    if (!st)
        return TICKET_ERR;
    ticket_event_t e;
    int rc;
    while (memset(&e, 0, sizeof e),
           (rc = db_fetch(st, "isssssssSt", &e.id, e.kind, sizeof e.kind, e.visibility,
                          sizeof e.visibility, e.actor_type, sizeof e.actor_type, e.actor_name,
                          sizeof e.actor_name, e.field, sizeof e.field, e.old_value,
                          sizeof e.old_value, e.new_value, sizeof e.new_value, &e.body,
                          &e.created_at)) == 1) {
        fn(&e, ctx);
        free(e.body);
    }
    db_done(st);
    return rc < 0 ? TICKET_ERR : TICKET_OK;
}

typedef struct shown_value {
    long long field_id, order;
    char label[LANG_COUNT][101], type[16];
    char *value;
} shown_value_t;

static int by_field_order(const void *a, const void *b)
{
    const shown_value_t *x = a, *y = b;
    return x->order != y->order ? (x->order > y->order) - (x->order < y->order)
                                : (x->field_id > y->field_id) - (x->field_id < y->field_id);
}

/* The labels of the chosen options in the reader's language, joined; NULL
 * on error. */
static char *option_labels(desk_t *d, const shown_value_t *v, lang_t lang)
{
    MYSQL_STMT *st = db_query(&d->db, sql_value_options, "i", v->field_id);
    if (!st)
        return NULL;
    char code[65], label[LANG_COUNT][201], *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    while (f && db_fetch(st, "sss", code, sizeof code, label[LANG_ZH], sizeof label[LANG_ZH],
                         label[LANG_EN], sizeof label[LANG_EN]) == 1)
        if (text_list_has(v->value, code))
            fprintf(f, "%s%s", ftell(f) ? (lang == LANG_ZH ? "、" : ", ") : "", label[lang]);
    db_done(st);
    if (f)
        fclose(f);
    return out;
}

int ticket_each_value(desk_t *d, const ticket_t *t, lang_t lang,
                      void (*fn)(const char *label, const char *value, void *ctx), void *ctx)
{
    static const char *const yes[LANG_COUNT] = {"是", "Yes"};
    MYSQL_STMT *st = db_query(&d->db, sql_values, "i", t->id);
    if (!st)
        return TICKET_ERR;
    shown_value_t v[64];
    int n = 0, rc;
    while (n < 64 && (rc = db_fetch(st, "iisssS", &v[n].field_id, &v[n].order,
                                    v[n].label[LANG_ZH], sizeof v[n].label[LANG_ZH],
                                    v[n].label[LANG_EN], sizeof v[n].label[LANG_EN], v[n].type,
                                    sizeof v[n].type, &v[n].value)) == 1)
        n++;
    db_done(st);
    qsort(v, (size_t)n, sizeof *v, by_field_order);
    rc = rc < 0 ? TICKET_ERR : TICKET_OK;
    for (int i = 0; i < n; i++) {
        /* choices by their labels in the reader's language, yes/no in words */
        bool choice = !strcmp(v[i].type, "choice") || !strcmp(v[i].type, "multichoice");
        char *labels = choice && v[i].value ? option_labels(d, &v[i], lang) : NULL;
        if (choice && v[i].value && !labels)
            rc = TICKET_ERR;
        const char *shown = labels && *labels ? labels
                            : !strcmp(v[i].type, "bool") && v[i].value && !strcmp(v[i].value, "1")
                                ? yes[lang]
                                : v[i].value;
        if (rc == TICKET_OK && shown && *shown)
            fn(v[i].label[lang], shown, ctx);
        free(labels);
        free(v[i].value);
    }
    return rc;
}

int ticket_with_locked(desk_t *d, long long id, long long version,
                       int (*apply)(desk_t *d, ticket_t *t, void *arg, time_t now), void *arg)
{
    ticket_t t;
    time_t now = desk_now(d);
    if (db_begin(&d->db) != DB_OK)
        return TICKET_ERR;
    int rc = lock_ticket(d, id, &t);
    if (rc == TICKET_OK && version && t.version != version)
        rc = TICKET_CONFLICT;
    if (rc == TICKET_OK)
        rc = apply(d, &t, arg, now);
    if (rc == TICKET_OK)
        rc = ticket_refresh_due(d, t.id);
    if (rc == TICKET_OK && sla_refresh_alert(d, t.id))
        rc = TICKET_ERR;
    if (rc == TICKET_OK && db_commit(&d->db) != DB_OK)
        rc = TICKET_ERR;
    if (rc != TICKET_OK)
        db_rollback(&d->db);
    ticket_free(&t);
    return rc;
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

static int ok(int rc) { return rc < 0 ? TICKET_ERR : TICKET_OK; }

static int apply_status(desk_t *d, ticket_t *t, void *arg, time_t now);

static int apply_comment(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    change_t *c = arg;
    const char *kind = !c->text ? "attachment" : c->internal ? "note" : "comment";
    if (ok(ticket_event(d, t->id, kind, c->internal, c->who, NULL, NULL, NULL, c->text, now)))
        return TICKET_ERR;
    if (attachment_link(d, t->id, (long long)d->db.last_id, c->who->type, c->files))
        return TICKET_ERR;
    if (ok(db_exec(&d->db, sql_touch_comment, "ti", now, t->id)))
        return TICKET_ERR;
    /* the customer answered: the ticket is back with the desk, its clock runs */
    if (!strcmp(c->who->type, "customer") && !strcmp(t->status, "waiting_customer")) {
        c->to = TS_IN_PROGRESS;
        return apply_status(d, t, c, now);
    }
    return TICKET_OK;
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
        return TICKET_BAD_TRANSITION;
    if (ok(ticket_event(d, t->id, "status", false, c->who, "status", t->status,
                     ticket_status_code(c->to), c->text, now)))
        return TICKET_ERR;
    if (c->to == TS_RESOLVED && notify_resolved(d, t->id, (long long)d->db.last_id, c->text))
        return TICKET_ERR;
    bool done = ticket_status_done(c->to);
    if (ok(db_exec(&d->db, sql_touch_status, "sittti", ticket_status_code(c->to),
                   (long long)!done, now, c->to == TS_RESOLVED ? now : 0,
                   c->to == TS_CLOSED ? now : 0, t->id)))
        return TICKET_ERR;
    return ticket_clock_after_status(d, t, t->status, c->to, now);
}

int ticket_set_priority_locked(desk_t *d, ticket_t *t, const priority_t *p, const actor_t *who,
                               const char *reason, time_t now)
{
    const priority_t *old = catalog_priority_by_id(&d->catalog, t->priority_id);
    if (old == p)
        return TICKET_OK;
    if (ok(ticket_event(d, t->id, "priority", false, who, "priority", old ? old->code : "",
                        p->code, reason, now)))
        return TICKET_ERR;
    /* deadlines count from intake under the new level, pauses left out */
    t->priority_id = p->id;
    if (ok(db_exec(&d->db, sql_touch_priority, "iti", p->id, now, t->id)))
        return TICKET_ERR;
    int st = ticket_status_parse(t->status);
    return sla_recompute(d, t->id, p, t->created_at, st >= 0 && ticket_status_paused(st), now)
               ? TICKET_ERR
               : TICKET_OK;
}

int ticket_clock_after_status(desk_t *d, ticket_t *t, const char *old_status,
                              ticket_status_t to, time_t now)
{
    int from = ticket_status_parse(old_status);
    bool was = from >= 0 && ticket_status_paused((ticket_status_t)from);
    if (was == ticket_status_paused(to))
        return TICKET_OK;
    const priority_t *p = catalog_priority_by_id(&d->catalog, t->priority_id);
    return p && sla_recompute(d, t->id, p, t->created_at, !was, now) ? TICKET_ERR : TICKET_OK;
}

static int apply_update(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    change_t *c = arg;
    int from = ticket_status_parse(t->status);
    if ((int)c->to >= 0 && (from < 0 || !ticket_transition_allowed((ticket_status_t)from, c->to)))
        return TICKET_BAD_TRANSITION;
    int rc = !c->priority ? TICKET_OK
             : c->ask     ? ticket_request_priority_locked(d, t, c->who, c->priority, c->text, now,
                                                           &c->request_id)
                          : ticket_set_priority_locked(d, t, c->priority, c->who, c->text, now);
    return rc == TICKET_OK && (int)c->to >= 0 ? apply_status(d, t, c, now) : rc;
}

int ticket_update(desk_t *d, long long ticket_id, const priority_t *p, int status,
                  const actor_t *who, const char *reason, bool ask_priority,
                  long long *request)
{
    change_t c = {.who = who, .text = reason, .to = (ticket_status_t)status, .priority = p,
                  .ask = ask_priority};
    int rc = ticket_with_locked(d, ticket_id, 0, apply_update, &c);
    if (request)
        *request = rc == TICKET_OK ? c.request_id : 0;
    return rc;
}

static const char sql_extra[] =
    "SELECT t.tried, t.error_message, t.keywords, COALESCE(t.nature, ''),"
    " COALESCE(o.name, ''), c.name, " TAGS_EFFECTIVE_SQL("c.id", "t.organisation_id") ","
    " t.started_at, t.expected_at FROM tickets t JOIN customers c ON c.id = t.customer_id"
    " LEFT JOIN organisations o ON o.id = t.organisation_id WHERE t.id = ?";
static const char sql_contacts[] =
    "SELECT contact_email_sealed, contact_phone_sealed FROM tickets WHERE id = ?";

int ticket_extra(desk_t *d, const ticket_t *t, ticket_extra_t *x)
{
    memset(x, 0, sizeof *x);
    int rc = db_row(&d->db, sql_extra, "i", "SSssssstt", t->id, &x->tried, &x->error_message,
                    x->keywords, sizeof x->keywords, x->nature, sizeof x->nature,
                    x->organisation, sizeof x->organisation, x->customer, sizeof x->customer,
                    x->tags, sizeof x->tags, &x->started_at, &x->expected_at);
    const team_t *team = catalog_team_by_id(&d->catalog, t->team_id);
    snprintf(x->team, sizeof x->team, "%s", team ? team->code : "");
    return found(rc);
}

void ticket_extra_free(ticket_extra_t *x)
{
    free(x->tried);
    free(x->error_message);
    x->tried = x->error_message = NULL;
}

int ticket_contacts(desk_t *d, long long id, char *email, size_t ecap, char *phone, size_t pcap)
{
    unsigned char e[SECRET_SEALED_LEN(256)], p[SECRET_SEALED_LEN(64)];
    size_t elen = 0, plen = 0;
    email[0] = phone[0] = '\0';
    int rc = db_row(&d->db, sql_contacts, "i", "bb", id, e, sizeof e, &elen, p, sizeof p, &plen);
    if (rc != 1)
        return found(rc);
    if ((elen && secret_open(&d->secrets, e, elen, email, ecap)) ||
        (plen && secret_open(&d->secrets, p, plen, phone, pcap)))
        return TICKET_ERR;
    return TICKET_OK;
}
