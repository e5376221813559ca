/* ticket_record: a ticket as stored: its row, read by number, follow token
 * or id, its history (every change is an entry: ticket_event), its field
 * values and contact details; and the one shape every change takes
 * (ticket_with_locked: one transaction that locks the row, checks the
 * version the user saw, applies the change and refreshes the deadlines).
 *
 * The modules that change tickets sit above it: creation and the changes of
 * customers and API clients (ticket.h), agents' work (ticket_work.h),
 * priority requests, dispatch, notifications, surveys and the SLA alerts;
 * the SLA clocks (lib/desk/sla/sla.h) sit below it. */
#ifndef DESK_TICKET_RECORD_H
#define DESK_TICKET_RECORD_H

#include <stdbool.h>
#include <time.h>

#include "core/outcome.h"
#include "desk/attachment.h"
#include "desk/desk.h"
#include "desk/ticket/ticket_fields.h"
#include "desk/ticket/ticket_state.h"

typedef struct actor {
    const char *type; /* "customer", "agent", "api", "system" */
    long long agent_id, api_key_id;
    const char *name;
} actor_t;

typedef struct field_value {
    long long field_id;
    const char *value;
} field_value_t;

typedef struct ticket_new {
    const channel_t *channel;
    const category_t *category;
    const priority_t *priority; /* NULL: from impact, else the category default */
    TICKET_CORE_IN /* the core fields (ticket_fields.h); NULL or 0: none */
    const char *submit_key; /* idempotency key; the same key gives the same ticket */
    const unsigned char *request_hash; /* SUBMIT_HASH_LEN bytes, or NULL: when given, the
                                          same key with another hash is OUTCOME_KEY_REUSED */
    long long customer_id;  /* a known customer (agent intake); 0: find or create */
    actor_t actor;
    const field_value_t *values;
    int nvalues;
    const uploads_t *files; /* stored attachments to record with it, or NULL */
} ticket_new_t;

#define SUBMIT_HASH_LEN 32

typedef struct ticket {
    long long id, version, category_id, priority_id, channel_id, customer_id;
    long long organisation_id, team_id, owner_id, api_key_id, created_by_agent_id;
    char number[TN_MAX];
    char status[24];
    TICKET_CORE /* the core fields kept in the row (ticket_fields.h) */
    time_t created_at, updated_at, classify_due_at, first_response_due_at, resolution_due_at;
    time_t first_responded_at, resolved_at, closed_at;
    time_t assigned_at, accept_due_at, accepted_at;
    long long merged_into; /* the ticket it was merged into (ticket_merge.h), 0 when none */
} ticket_t;

typedef struct ticket_event {
    long long id;
    char kind[41], visibility[10], actor_type[10], actor_name[401];
    char field[41], old_value[1021], new_value[1021]; /* VARCHAR(255) in utf8mb4 */
    char *body;
    time_t created_at;
    char merged_from[TN_MAX]; /* the merged ticket's number it came from, "" for its own */
} ticket_event_t;

/* The follow token belonging to a submit key (keyed hash, so the same form
 * submitted twice shows the same private link). */
void ticket_follow_token(const desk_t *d, const char *submit_key,
                         char out[TOKEN_TEXT_LEN + 1]);

/* Loads by number or by follow token; free with ticket_free(). */
int ticket_by_number(desk_t *d, const char *number, ticket_t *t);
int ticket_by_follow_token(desk_t *d, const char *token, ticket_t *t);
int ticket_by_id(desk_t *d, long long id, ticket_t *t);
void ticket_free(ticket_t *t);

/* What the agent page shows beyond ticket_t. */
typedef struct ticket_extra {
    char nature[16], organisation[801], customer[401], tags[256];
    char team[101];
} ticket_extra_t;

int ticket_extra(desk_t *d, const ticket_t *t, ticket_extra_t *x);
void ticket_extra_free(ticket_extra_t *x);
/* The contact email and phone given with the ticket, decrypted ("" when
 * none). Callers check the reader's right first (ticket_work.h). */
int ticket_contacts(desk_t *d, long long id, char *email, size_t ecap, char *phone,
                    size_t pcap);

/* Calls fn for each event in order, those of the tickets merged into it
 * among them (merged_from set); public_only hides internal notes. */
int ticket_each_event(desk_t *d, long long ticket_id, bool public_only,
                      void (*fn)(const ticket_event_t *e, void *ctx), void *ctx);
/* Field values as (label by language, value) pairs via fn. */
int ticket_each_value(desk_t *d, const ticket_t *t, lang_t lang,
                      void (*fn)(const char *label, const char *value, void *ctx), void *ctx);

/* Appends one history entry. */
int ticket_event(desk_t *d, long long ticket, const char *kind, bool internal,
                 const actor_t *who, const char *field, const char *old_value,
                 const char *new_value, const char *body, time_t now);
/* One transaction around a change: lock the row, check the version the user
 * saw (0: do not check; a merged ticket is never changed: OUTCOME_CONFLICT), apply, recompute next_due_at and next_alert_at,
 * rewrite the ticket's statistics rows (lib/desk/stats/facts.h), commit;
 * anything but OUTCOME_OK rolls everything back. */
int ticket_with_locked(desk_t *d, long long id, long long version,
                       int (*apply)(desk_t *d, ticket_t *t, void *arg, time_t now), void *arg);
/* Changes the priority of a locked ticket and its deadlines, with history. */
int ticket_set_priority_locked(desk_t *d, ticket_t *t, const priority_t *p, const actor_t *who,
                               const char *reason, time_t now);
/* After a status change from old_status to `to`: pausing or resuming the
 * resolution clock recomputes its due from the ticket's history. */
int ticket_clock_after_status(desk_t *d, ticket_t *t, const char *old_status,
                              ticket_status_t to, time_t now);
/* Recomputes the ticket's next deadline from its due columns and state. */
int ticket_refresh_due(desk_t *d, long long id);

#endif
