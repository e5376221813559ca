/* outbox: the durable queue of notifications (table outbox in
 * sql/migrations/004_outbox.sql) and its sender.
 *
 * Queueing: outbox_add() renders the message from templates/mail/<kind>.cs
 * in the recipient's language and inserts it inside the caller's open
 * transaction, so the message exists exactly when the change that caused it
 * is committed. A dedupe key makes queueing the same event twice a no-op.
 *
 * Sending: outbox_deliver_due() claims due messages one at a time with a
 * lease (an UPDATE that only one process can win; the lease lasts
 * max(60 s, 2 x Mail.TimeoutSeconds + 10 s), longer than one delivery can
 * take), delivers each through lib/desk/notify/mailer.c and records the outcome: sent;
 * or retried later with exponential back-off (1, 2, 4 ... minutes, at most an
 * hour); or failed for good after Mail.MaxAttempts tries or a
 * permanent refusal, listed by outbox_failed_list() for admins.
 *
 * Delivery is at least once: a message is never lost, and is sent twice only
 * when the server took it and the row could not record that: its sender
 * stopped (crash, kill -9, the database lost) in the instant between the
 * server taking it and the row recording it, or the server's answer to the
 * final "." never came (the server or the connection died after it kept the
 * message, or it answered later than Mail.TimeoutSeconds). The hand-over is
 * recorded on both sides of that instant (handed_over_at, written just
 * before the final "." of DATA, and the sent record after the server's
 * answer; the message goes out only if the first write succeeds, and a
 * delivery whose record fails is recorded again over a new connection). A
 * message whose sender stopped before the final "." is known not to have
 * been taken and is sent again, once, when its lease runs out; one whose
 * sender stopped after it is sent again too, counted in
 * unconfirmed_handovers and logged; so is one whose final "." went
 * unanswered, sent again after the usual back-off. Those copies are the only
 * possible duplicates. Its Message-ID is derived from the outbox id, the same
 * on every attempt, so the receiving side can drop it.
 *
 * Templates: each kind is one ClearSilver file whose output's first line is
 * "Subject: ..." and the rest the plain-text body; see the header comment of
 * each file for the data it reads. The same file serves both channels: the
 * data set's Channel is "email" or "sms", and templates keep SMS text short.
 * Time is always desk_now(d). */
#ifndef DESK_OUTBOX_H
#define DESK_OUTBOX_H

#include <stddef.h>
#include <time.h>

#include "desk/desk.h"
#include "desk/notify/mailer.h"

/* The mail templates (paths under Templates.Dir), NULL-ended: those whose
 * texts admins may replace (lib/desk/notify/mailtpl.h), and those with
 * built-in texts only (a meeting's calendar mail, the review loop's mails). */
extern const char *const outbox_pages[];
extern const char *const outbox_fixed_pages[];
/* Parses them into d->mail, against d->texts (after desk_open): every
 * program may queue notifications. 0, or -1 after logging why. */
int outbox_open(desk_t *d);

typedef enum outbox_channel { OUTBOX_EMAIL, OUTBOX_SMS } outbox_channel_t;

typedef struct outbox_msg {
    outbox_channel_t channel;
    const char *recipient;  /* email address, or phone number for SMS */
    lang_t lang;            /* the recipient's language */
    const char *kind;       /* template name: [a-z_]{1,40}, e.g. "ticket_created" */
    long long ticket_id;    /* 0 for none */
    HDF *data;              /* template data (outbox_add sets Channel in it) */
    const char *dedupe_key; /* NULL, or at most 190 bytes naming the event,
                               e.g. "sla_breach:ticket=12:clock=resolution:agent=3";
                               per channel: an email and an SMS of one event
                               may share a key */
    /* Pre-rendered text instead of a template: when body is not NULL, data is
       not used and subject/body are queued as given. */
    const char *subject;
    const char *body;
    /* Files sent with an email (name, content type, bytes), stored with the
       message in the same transaction and sent on every attempt as a
       multipart/mixed mail: at most MAIL_ATTACHMENTS_MAX, each at most
       MAIL_ATTACHMENT_BYTES_MAX bytes, named in plain UTF-8 (no controls,
       at most 255 bytes), a content type mail_content_type_valid() takes.
       NULL / 0 for none; not for SMS. */
    const mail_attachment_t *attachments;
    int nattachments;
} outbox_msg_t;

/* Queues one message. Call it inside the caller's transaction (db_begin done,
 * commit or rollback left to the caller); in autocommit mode the message is
 * simply committed at once. Returns OUTCOME_OK, OUTCOME_DUPLICATE when a
 * message with the same channel and dedupe key is already queued (nothing
 * inserted, not an error), or a negative outcome: OUTCOME_UNAVAILABLE for an invalid
 * message (bad recipient, unknown kind, template error; the transaction is
 * still usable), OUTCOME_LOST or OUTCOME_DEADLOCK when the transaction is lost and must
 * be rolled back and retried by the caller. The subject is cut to 500
 * characters. An invalid attachment makes the message invalid. */
int outbox_add(desk_t *d, const outbox_msg_t *m);

/* Renders kind (templates/mail/<kind>.cs, parsed by view_init from
 * outbox_pages) in lang with data. The output's first line must be
 * "Subject: ..."; *subject gets its text and *body the rest (blank lines at
 * either end dropped, no more than one blank line in a row, ending with one
 * newline). Both are malloc'd; the caller frees them. The values of the
 * fields subject lines use (Ticket.number, Ticket.subject, Ticket.category,
 * Ticket.priority, Agent.name, Customer.name, Recipient.name) are made
 * single-line in data first, so no field can push text out of the subject.
 * HTML escaping is off inside these templates only: the output is plain text
 * (see templates/mail/macros.cs). 0, or -1 after logging why. */
int outbox_render(desk_t *d, const char *kind, lang_t lang, HDF *data, char **subject,
                  char **body);
/* outbox_render uses an admin's active text for an email of kind in lang
 * when there is one (lib/desk/notify/mailtpl.h: placeholders filled from data, the same
 * tidying of the body); this one always renders the shipped template
 * (previews on the admin page). Same results. */
int outbox_render_shipped(desk_t *d, const char *kind, lang_t lang, HDF *data, char **subject,
                          char **body);

/* Delivers up to max due messages (max is clamped to 1..1000). Must be called
 * outside any transaction. Counts the messages delivered in *sent and the
 * failed attempts (retry scheduled or failed for good) in *failed. Returns
 * the number of messages this call claimed (so a caller may loop while it
 * equals max), or a negative outcome when the database failed. Reads
 * Mail.MaxAttempts and the mailer's keys (lib/desk/notify/mailer.h). */
int outbox_deliver_due(desk_t *d, int max, int *sent, int *failed);

/* A message that failed for good, for the admins' page. */
typedef struct outbox_failed {
    long long id;
    long long ticket_id; /* 0 for none */
    char channel[8];     /* "email" or "sms" */
    char kind[41];
    char language[3];
    char recipient[321]; /* opened; "" when it cannot be opened */
    char subject[501];   /* cut at 500 bytes */
    char last_error[501];
    long long attempts;
    time_t created_at;
    time_t failed_at;
} outbox_failed_t;

/* The most recently failed messages, newest first, up to max (at most 500)
 * into out. Returns how many, or a negative outcome. */
int outbox_failed_list(desk_t *d, outbox_failed_t *out, int max);

/* Puts a failed message back in the queue, due now, with its attempts reset
 * (after an admin fixed the address or the mail settings). 1 requeued, 0 not
 * a failed message, or a negative outcome. */
int outbox_retry(desk_t *d, long long id);

#endif
