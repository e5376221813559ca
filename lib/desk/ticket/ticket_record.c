/* ticket_record: see ticket_record.h. */
#include "desk/ticket/ticket_record.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "desk/customer/tags.h"
#include "desk/sla/sla.h"
#include "desk/stats/facts.h"
#include "desk/ticket/workaround.h"

static const char sql_insert_event[] =
    "INSERT INTO ticket_events (ticket_id, kind, visibility, actor_type, actor_agent_id,"
    " actor_api_key_id, actor_name, field, old_value, new_value, body, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

/* The columns of a ticket's row beside its core fields (ticket_sql.h), in
 * the order of bind_row's results. */
static const char row_columns[] =
    "id, version, category_id, priority_id, channel_id, customer_id,"
    " COALESCE(organisation_id, 0), COALESCE(team_id, 0), COALESCE(owner_id, 0),"
    " COALESCE(created_by_api_key_id, 0), COALESCE(created_by_agent_id, 0), number, status,"
    " created_at, updated_at, classify_due_at, first_response_due_at, resolution_due_at,"
    " first_responded_at, resolved_at, closed_at, assigned_at, accept_due_at, accepted_at,"
    " COALESCE(merged_into_id, 0)";

/* The ticket's own events and those of the tickets merged into it, in the
 * order they happened (ix_tickets_merged_into, ix_events_ticket). */
static const char sql_events[] =
    "SELECT e.id, e.kind, e.visibility, e.actor_type, e.actor_name, COALESCE(e.field, ''),"
    " COALESCE(e.old_value, ''), COALESCE(e.new_value, ''),"
    /* a merged ticket's first message is its subject and description */
    " IF(t.id <> ? AND e.kind = 'created', CONCAT(t.subject, '\n\n', t.description), e.body),"
    " e.created_at, IF(t.id = ?, '', t.number)"
    " FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id"
    " WHERE (t.id = ? OR t.merged_into_id = ?) AND (e.visibility = 'public' OR ? = 0)"
    " ORDER BY e.id";
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
static const char sql_touch_priority[] =
    "UPDATE tickets SET priority_id = ?, version = version + 1, updated_at = ? WHERE id = ?";

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
    return db_exec(&d->db, sql_refresh_due, "i", id) < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
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

int ticket_event(desk_t *d, long long ticket, const char *kind, bool internal,
                 const actor_t *who, const char *field, const char *old_value,
                 const char *new_value, const char *body, time_t now)
{
    int rc = db_exec(&d->db, sql_insert_event, "isssjjssssst", ticket, kind,
                     internal ? "internal" : "public", who->type, who->agent_id, who->api_key_id,
                     who->name ? who->name : "", field, old_value, new_value, body, now);
    return rc < 0 ? rc : OUTCOME_OK;
}

/* The results of a ticket's row into t: row_columns, then the core fields. */
static int bind_row(ticket_t *t, db_col_t *c)
{
    long long *ids[] = {&t->id, &t->version, &t->category_id, &t->priority_id, &t->channel_id,
                        &t->customer_id, &t->organisation_id, &t->team_id, &t->owner_id,
                        &t->api_key_id, &t->created_by_agent_id};
    time_t *times[] = {&t->created_at, &t->updated_at, &t->classify_due_at,
                       &t->first_response_due_at, &t->resolution_due_at, &t->first_responded_at,
                       &t->resolved_at, &t->closed_at, &t->assigned_at, &t->accept_due_at,
                       &t->accepted_at};
    int n = 0;
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
        c[n++] = (db_col_t){'i', .dst = ids[i]};
    c[n++] = (db_col_t){'s', .dst = t->number, .cap = sizeof t->number};
    c[n++] = (db_col_t){'s', .dst = t->status, .cap = sizeof t->status};
    for (size_t i = 0; i < sizeof times / sizeof *times; i++)
        c[n++] = (db_col_t){'t', .dst = times[i]};
    c[n++] = (db_col_t){'i', .dst = &t->merged_into};
    int core = ticket_sql_back_cols(&t->core, c + n, DB_MAX_BIND - n);
    return core < 0 ? -1 : n + core;
}

static int found(int rc) { return rc == 1 ? OUTCOME_OK : rc == 0 ? OUTCOME_NOT_FOUND : OUTCOME_UNAVAILABLE; }

/* The ticket whose row statement which finds with key. */
static int load(desk_t *d, int which, const char *tail, db_param_t key, ticket_t *t)
{
    db_col_t cols[DB_MAX_BIND];
    memset(t, 0, sizeof *t);
    const char *sql = ticket_sql_select(&d->ticket_sql, which, row_columns, tail);
    int n = bind_row(t, cols);
    if (!sql || n < 0)
        return OUTCOME_UNAVAILABLE;
    return found(db_row_params(&d->db, sql, &key, 1, cols, n));
}

int ticket_by_number(desk_t *d, const char *number, ticket_t *t)
{
    return load(d, TICKET_SQL_BY_NUMBER, "WHERE number = ?", (db_param_t){'s', .s = number}, t);
}

int ticket_by_id(desk_t *d, long long id, ticket_t *t)
{
    return load(d, TICKET_SQL_BY_ID, "WHERE id = ?", (db_param_t){'i', .i = id}, t);
}

int ticket_by_follow_token(desk_t *d, const char *token, ticket_t *t)
{
    unsigned char hash[SECRET_HASH_LEN];
    memset(t, 0, sizeof *t);
    if (!token || strlen(token) != TOKEN_TEXT_LEN)
        return OUTCOME_NOT_FOUND;
    token_hash(&d->secrets, token, hash);
    return load(d, TICKET_SQL_BY_FOLLOW, "WHERE follow_hash = ?",
                (db_param_t){'b', .s = hash, .len = sizeof hash}, t);
}

static int lock_ticket(desk_t *d, long long id, ticket_t *t)
{
    return load(d, TICKET_SQL_BY_ID_LOCKED, "WHERE id = ? FOR UPDATE",
                (db_param_t){'i', .i = id}, t);
}

void ticket_free(ticket_t *t)
{
    ticket_fields_free(&t->core);
}

int ticket_each_event(desk_t *d, long long ticket_id, bool public_only,
                      void (*fn)(const ticket_event_t *e, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_events, "iiiii", ticket_id, ticket_id, ticket_id,
                              ticket_id, (long long)public_only);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    ticket_event_t e;
    int rc;
    while (memset(&e, 0, sizeof e),
           (rc = db_fetch(st, "isssssssSts", &e.id, e.kind, sizeof e.kind, e.visibility,
                          sizeof e.visibility, e.actor_type, sizeof e.actor_type, e.actor_name,
                          sizeof e.actor_name, e.field, sizeof e.field, e.old_value,
                          sizeof e.old_value, e.new_value, sizeof e.new_value, &e.body,
                          &e.created_at, e.merged_from, sizeof e.merged_from)) == 1) {
        fn(&e, ctx);
        free(e.body);
    }
    db_done(st);
    return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
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
        return OUTCOME_UNAVAILABLE;
    shown_value_t v[64];
    int n = 0, rc;
    while (n < 64 && (rc = db_fetch(st, "iisssS", &v[n].field_id, &v[n].order,
                                    v[n].label[LANG_ZH], sizeof v[n].label[LANG_ZH],
                                    v[n].label[LANG_EN], sizeof v[n].label[LANG_EN], v[n].type,
                                    sizeof v[n].type, &v[n].value)) == 1)
        n++;
    db_done(st);
    qsort(v, (size_t)n, sizeof *v, by_field_order);
    rc = rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
    for (int i = 0; i < n; i++) {
        /* choices by their labels in the reader's language, yes/no in words */
        bool choice = !strcmp(v[i].type, "choice") || !strcmp(v[i].type, "multichoice");
        char *labels = choice && v[i].value ? option_labels(d, &v[i], lang) : NULL;
        if (choice && v[i].value && !labels)
            rc = OUTCOME_UNAVAILABLE;
        const char *shown = labels && *labels ? labels
                            : !strcmp(v[i].type, "bool") && v[i].value && !strcmp(v[i].value, "1")
                                ? yes[lang]
                                : v[i].value;
        if (rc == OUTCOME_OK && shown && *shown)
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
    if (db_begin(&d->db) != OUTCOME_OK)
        return OUTCOME_UNAVAILABLE;
    int rc = lock_ticket(d, id, &t);
    if (rc == OUTCOME_OK && ((version && t.version != version) || t.merged_into))
        rc = OUTCOME_CONFLICT;
    if (rc == OUTCOME_OK)
        rc = apply(d, &t, arg, now);
    if (rc == OUTCOME_OK)
        rc = ticket_refresh_due(d, t.id);
    if (rc == OUTCOME_OK && sla_refresh_alert(d, t.id))
        rc = OUTCOME_UNAVAILABLE;
    if (rc == OUTCOME_OK && stats_ticket_changed(d, t.id))
        rc = OUTCOME_UNAVAILABLE;
    if (rc == OUTCOME_OK && db_commit(&d->db) != OUTCOME_OK)
        rc = OUTCOME_UNAVAILABLE;
    if (rc != OUTCOME_OK)
        db_rollback(&d->db);
    ticket_free(&t);
    return rc;
}

static int ok(int rc) { return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK; }

int ticket_set_priority_locked(desk_t *d, ticket_t *t, const priority_t *p, const actor_t *who,
                               const char *reason, time_t now)
{
    const priority_t *old = catalog_priority_by_id(&d->catalog, t->priority_id);
    if (old == p)
        return OUTCOME_OK;
    if (ok(ticket_event(d, t->id, "priority", false, who, "priority", old ? old->code : "",
                        p->code, reason, now)))
        return OUTCOME_UNAVAILABLE;
    /* deadlines count from intake under the new level, pauses left out */
    t->priority_id = p->id;
    if (ok(db_exec(&d->db, sql_touch_priority, "iti", p->id, now, t->id)))
        return OUTCOME_UNAVAILABLE;
    int st = ticket_status_parse(t->status);
    return sla_recompute(d, t->id, p, t->created_at, st >= 0 && ticket_status_paused(st), now) ||
                   workaround_clock_refresh(d, t->id)
               ? OUTCOME_UNAVAILABLE
               : OUTCOME_OK;
}

int ticket_clock_after_status(desk_t *d, ticket_t *t, const char *old_status,
                              ticket_status_t to, time_t now)
{
    int from = ticket_status_parse(old_status);
    bool was = from >= 0 && ticket_status_paused((ticket_status_t)from);
    if (was == ticket_status_paused(to))
        return OUTCOME_OK;
    const priority_t *p = catalog_priority_by_id(&d->catalog, t->priority_id);
    return p && sla_recompute(d, t->id, p, t->created_at, !was, now) ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
}

static const char sql_extra[] =
    "SELECT COALESCE(t.nature, ''), COALESCE(o.name, ''), c.name, "
    TAGS_EFFECTIVE_SQL("c.id", "t.organisation_id")
    " FROM tickets t JOIN customers c ON c.id = t.customer_id"
    " LEFT JOIN organisations o ON o.id = t.organisation_id WHERE t.id = ?";
static const char sql_contacts[] =
    "SELECT contact_email_sealed, contact_phone_sealed FROM tickets WHERE id = ?";

int ticket_extra(desk_t *d, const ticket_t *t, ticket_extra_t *x)
{
    memset(x, 0, sizeof *x);
    int rc = db_row(&d->db, sql_extra, "i", "ssss", t->id, x->nature, sizeof x->nature,
                    x->organisation, sizeof x->organisation, x->customer, sizeof x->customer,
                    x->tags, sizeof x->tags);
    const team_t *team = catalog_team_by_id(&d->catalog, t->team_id);
    snprintf(x->team, sizeof x->team, "%s", team ? team->code : "");
    return found(rc);
}

void ticket_extra_free(ticket_extra_t *x)
{
    (void)x; /* nothing of it is allocated */
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
        return OUTCOME_UNAVAILABLE;
    return OUTCOME_OK;
}
