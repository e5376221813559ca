/* outbox: see outbox.h.
 *
 * Three parts: rendering (a mail template to subject and body), queueing
 * (one INSERT in the caller's transaction) and the sender (claim, deliver,
 * record, one message at a time, each step its own autocommitted
 * statement). The claim is the only thing that decides who sends a message:
 * an UPDATE whose WHERE holds only for an unclaimed or abandoned row, so of
 * two senders exactly one sees one affected row. Every later update of the
 * row carries the claim's lease end as a token, so a sender whose lease was
 * taken over records nothing. */
#include "desk/notify/outbox.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/text.h"
#include "desk/notify/mailer.h"

#define TICKET_PAGES                                                                           \
    "mail/ticket_created.cs", "mail/ticket_reply.cs", "mail/solution_to_confirm.cs",             \
        "mail/progress_update.cs", "mail/ticket_resolved.cs", "mail/acceptance_request.cs",      \
        "mail/survey_invitation.cs", "mail/new_assignment.cs", "mail/acceptance_reminder.cs",    \
        "mail/sla_warning.cs", "mail/sla_breach.cs", "mail/escalation_due.cs",                    \
        "mail/escalation_request.cs", "mail/ticket_merged.cs"
/* built-in texts only: a meeting's calendar mail, the review loop's mails, the
 * monthly report */
#define FIXED_PAGES                                                                            \
    "mail/meeting_invitation.cs", "mail/meeting_cancelled.cs", "mail/meeting_reminder.cs",       \
        "mail/minutes_late.cs", "mail/minutes_published.cs", "mail/action_overdue.cs",  \
        "mail/stats_monthly.cs", "mail/emergency_team.cs", "mail/emergency_alert.cs"

const char *const outbox_pages[] = {TICKET_PAGES, NULL};
const char *const outbox_fixed_pages[] = {FIXED_PAGES, NULL};
static const char *const every_page[] = {TICKET_PAGES, FIXED_PAGES, NULL};

#define SUBJECT_MAX_CHARS 500 /* outbox.subject VARCHAR(500) */
#define DEDUPE_MAX 190        /* outbox.dedupe_key VARBINARY(200) less the channel prefix */
#define LEASE_MIN 60
#define BACKOFF_FIRST 60
#define BACKOFF_MAX 3600

static const char sql_insert[] =
    "INSERT INTO outbox (channel, recipient_sealed, language, kind, ticket_id, subject, body,"
    " status, attempts, next_attempt_at, dedupe_key, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)";
static const char sql_add_attachment[] =
    "INSERT INTO outbox_attachments (outbox_id, position, name, content_type, bytes)"
    " VALUES (?, ?, ?, ?, ?)";
static const char sql_attachments[] =
    "SELECT position, name, content_type, LENGTH(bytes) FROM outbox_attachments"
    " WHERE outbox_id = ? ORDER BY position";
static const char sql_attachment_bytes[] =
    "SELECT bytes FROM outbox_attachments WHERE outbox_id = ? AND position = ?";
static const char sql_due[] = "SELECT id FROM outbox FORCE INDEX (ix_outbox_due)"
                              " WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?"
                              " ORDER BY next_attempt_at, id LIMIT ?";
static const char sql_claim[] =
    "UPDATE outbox SET status = 'sending', attempts = attempts + 1, lease_until = ?,"
    " next_attempt_at = ? WHERE id = ? AND ((status = 'pending' AND next_attempt_at <= ?)"
    " OR (status = 'sending' AND lease_until < ?))";
static const char sql_load[] =
    "SELECT channel, recipient_sealed, subject, body, COALESCE(ticket_id, 0), attempts,"
    " handed_over_at FROM outbox WHERE id = ?";
/* the hand-over, before and after (sql/migrations/026_outbox_handover.sql) */
static const char sql_handing_over[] =
    "UPDATE outbox SET handed_over_at = ? WHERE id = ? AND status = 'sending' AND lease_until = ?";
static const char sql_unconfirmed[] =
    "UPDATE outbox SET unconfirmed_handovers = unconfirmed_handovers + 1, handed_over_at = NULL"
    " WHERE id = ? AND status = 'sending' AND lease_until = ?";
static const char sql_sent[] =
    "UPDATE outbox SET status = 'sent', sent_at = ?, lease_until = NULL, handed_over_at = NULL"
    " WHERE id = ? AND status = 'sending' AND lease_until = ?";
/* a hand-over whose answer never came counts as unconfirmed (1, else 0) */
static const char sql_unsent[] =
    "UPDATE outbox SET status = ?, next_attempt_at = ?, lease_until = NULL, last_error = ?,"
    " handed_over_at = NULL, unconfirmed_handovers = unconfirmed_handovers + ?"
    " WHERE id = ? AND status = 'sending' AND lease_until = ?";
static const char sql_failed[] =
    "SELECT id, COALESCE(ticket_id, 0), channel, kind, language, recipient_sealed, subject,"
    " COALESCE(last_error, ''), attempts, created_at, next_attempt_at"
    " FROM outbox FORCE INDEX (ix_outbox_due) WHERE status = 'failed'"
    " ORDER BY next_attempt_at DESC, id DESC LIMIT ?";
static const char sql_retry[] =
    "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL"
    " WHERE id = ? AND status = 'failed'";

int outbox_open(desk_t *d)
{
    return tpl_init(&d->mail, &d->texts, &d->cfg, every_page, false, NULL);
}

/* ---- rendering ----------------------------------------------------------- */

/* Fields that subject lines print: a line break in one of them would end the
 * subject early and spill the rest into the body. */
static const char *const one_line_fields[] = {
    "Ticket.number", "Ticket.subject", "Ticket.category", "Ticket.priority",
    "Agent.name",    "Customer.name",  "Recipient.name",  NULL};

static bool kind_valid(const char *kind)
{
    size_t n = kind ? strlen(kind) : 0;
    return n > 0 && n <= 40 && strspn(kind, "abcdefghijklmnopqrstuvwxyz_") == n;
}

static int flatten_fields(HDF *data)
{
    for (int i = 0; one_line_fields[i]; i++) {
        const char *v = hdf_get_value(data, one_line_fields[i], NULL);
        if (!v || !strpbrk(v, "\r\n\t"))
            continue;
        char *copy = strdup(v);
        if (!copy)
            return -1;
        for (char *p = copy; *p; p++)
            if (*p == '\r' || *p == '\n' || *p == '\t')
                *p = ' ';
        NEOERR *err = hdf_set_value(data, one_line_fields[i], copy);
        free(copy);
        if (err)
            return tpl_log_error(err, "outbox: flatten");
    }
    return 0;
}

/* The body as plain text: line ends LF, no trailing spaces on a line, at most
 * one blank line in a row, none at either end, one final newline. The final
 * newline may be one byte more than the text had: *body is grown first.
 * 0, or -1 when out of memory (*body is then left as it was). */
static int tidy_body(char **body)
{
    char *s = realloc(*body, strlen(*body) + 2);
    if (!s)
        return -1;
    *body = s;
    char *o = s;
    int newlines = 2; /* drops blank lines at the start */
    for (char *p = s; *p; p++) {
        char c = *p;
        if (c == '\r') {
            if (p[1] == '\n')
                continue;
            c = '\n';
        }
        if (c == '\n') {
            while (o > s && (o[-1] == ' ' || o[-1] == '\t'))
                o--;
            if (++newlines > 2)
                continue;
        } else {
            newlines = 0;
        }
        *o++ = c;
    }
    while (o > s && (o[-1] == '\n' || o[-1] == ' ' || o[-1] == '\t'))
        o--;
    if (o > s)
        *o++ = '\n';
    *o = '\0';
    return 0;
}

/* Cuts s after max UTF-8 characters. */
static void cut_chars(char *s, size_t max)
{
    size_t chars = 0;
    for (char *p = s; *p; p++)
        if (((unsigned char)*p & 0xc0) != 0x80 && chars++ == max) {
            *p = '\0';
            return;
        }
}

/* Drops an incomplete UTF-8 sequence at the end of s (a cut copy). */
static void trim_partial_utf8(char *s)
{
    size_t n = strlen(s), i = n;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80 && n - i < 3)
        i--;
    if (i == 0)
        return;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t want = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    if (n - (i - 1) < want)
        s[i - 1] = '\0';
}

/* An admin's active text for this email (lib/desk/notify/mailtpl.h): 1 used, 0 none,
 * -1 out of memory. */
static int render_override(desk_t *d, const char *kind, lang_t lang, HDF *data, char **subject,
                           char **body)
{
    const mailtpl_t *o = mailtpl_find(&d->mailtpls, kind, lang);
    if (!o || strcmp(hdf_get_value(data, "Channel", "email"), "email") != 0)
        return 0;
    if (mailtpl_fill(&d->texts, lang, o->event, o->subject, o->body, data, subject, body))
        return -1;
    return tidy_body(body) ? -1 : 1;
}

int outbox_render(desk_t *d, const char *kind, lang_t lang, HDF *data, char **subject,
                  char **body)
{
    *subject = *body = NULL;
    if (!kind_valid(kind)) {
        log_error("outbox: invalid message kind");
        return -1;
    }
    if (flatten_fields(data))
        return -1;
    int over = render_override(d, kind, lang, data, subject, body);
    if (over)
        return over < 0 ? -1 : 0;
    return outbox_render_shipped(d, kind, lang, data, subject, body);
}

int outbox_render_shipped(desk_t *d, const char *kind, lang_t lang, HDF *data, char **subject,
                          char **body)
{
    *subject = *body = NULL;
    if (!kind_valid(kind)) {
        log_error("outbox: invalid message kind");
        return -1;
    }
    char page[64];
    snprintf(page, sizeof page, "mail/%s.cs", kind);
    STRING out;
    string_init(&out);
    if (tpl_render(&d->mail, page, lang, data, &out)) {
        string_clear(&out);
        return -1;
    }
    if (!out.buf) {
        log_error("outbox: %s rendered nothing", page);
        return -1;
    }
    const char *p = out.buf + strspn(out.buf, " \t\r\n");
    if (strncmp(p, "Subject:", 8) != 0) {
        log_error("outbox: %s does not begin with a Subject: line", page);
        string_clear(&out);
        return -1;
    }
    p += 8;
    p += strspn(p, " \t");
    size_t n = strcspn(p, "\r\n");
    *subject = strndup(p, n);
    *body = strdup(p + n);
    string_clear(&out);
    if (!*subject || !*body) {
        free(*subject);
        free(*body);
        *subject = *body = NULL;
        return -1;
    }
    while (n > 0 && ((*subject)[n - 1] == ' ' || (*subject)[n - 1] == '\t'))
        (*subject)[--n] = '\0';
    return tidy_body(body);
}

/* ---- queueing ------------------------------------------------------------ */

static bool attachments_valid(const outbox_msg_t *m)
{
    if (m->nattachments == 0)
        return true;
    if (m->channel != OUTBOX_EMAIL || m->nattachments < 0 ||
        m->nattachments > MAIL_ATTACHMENTS_MAX || !m->attachments)
        return false;
    for (int i = 0; i < m->nattachments; i++) {
        const mail_attachment_t *a = &m->attachments[i];
        if (!a->name || !*a->name || strlen(a->name) > 255 || !text_is_plain_name(a->name) ||
            !mail_content_type_valid(a->content_type) || a->len > MAIL_ATTACHMENT_BYTES_MAX ||
            (a->len && !a->bytes))
            return false;
    }
    return true;
}

static int add_attachments(desk_t *d, long long id, const outbox_msg_t *m)
{
    for (int i = 0; i < m->nattachments; i++) {
        const mail_attachment_t *a = &m->attachments[i];
        int rc = db_exec(&d->db, sql_add_attachment, "iissb", id, (long long)i, a->name,
                         a->content_type, a->bytes ? a->bytes : "", a->len);
        if (rc < 0)
            return rc;
    }
    return OUTCOME_OK;
}

int outbox_add(desk_t *d, const outbox_msg_t *m)
{
    bool sms = m->channel == OUTBOX_SMS;
    const char *channel = sms ? "sms" : "email";
    if (!kind_valid(m->kind) || !m->recipient ||
        (sms ? !sms_number_valid(m->recipient) : !mail_address_valid(m->recipient)) ||
        strlen(m->recipient) > 320) {
        log_error("outbox: %s %s for ticket %lld has no valid recipient", channel,
                  kind_valid(m->kind) ? m->kind : "?", m->ticket_id);
        return OUTCOME_UNAVAILABLE;
    }
    if (!attachments_valid(m)) {
        log_error("outbox: %s %s has an invalid attachment", channel, m->kind);
        return OUTCOME_UNAVAILABLE;
    }
    char key[DEDUPE_MAX + 16];
    if (m->dedupe_key) {
        if (strlen(m->dedupe_key) > DEDUPE_MAX) {
            log_error("outbox: dedupe key of %s longer than %d bytes", m->kind, DEDUPE_MAX);
            return OUTCOME_UNAVAILABLE;
        }
        snprintf(key, sizeof key, "%s:%s", channel, m->dedupe_key);
    }
    char *subject = NULL, *body = NULL;
    if (m->body) {
        subject = strdup(m->subject ? m->subject : "");
        body = strdup(m->body);
        if (!subject || !body) {
            free(subject);
            free(body);
            return OUTCOME_UNAVAILABLE;
        }
    } else {
        NEOERR *err = m->data ? hdf_set_value(m->data, "Channel", channel) : STATUS_OK;
        if (err)
            tpl_log_error(err, "outbox: Channel");
        if (!m->data || err || outbox_render(d, m->kind, m->lang, m->data, &subject, &body))
            return OUTCOME_UNAVAILABLE;
    }
    for (char *p = subject; *p; p++) /* a given subject could hold a line break */
        if (*p == '\r' || *p == '\n')
            *p = ' ';
    if (sms) /* one line of text, no final newline */
        for (size_t n = strlen(body); n > 0 && (body[n - 1] == '\n' || body[n - 1] == '\r');)
            body[--n] = '\0';
    cut_chars(subject, SUBJECT_MAX_CHARS);
    unsigned char sealed[SECRET_SEALED_LEN(320)];
    size_t rlen = strlen(m->recipient);
    secret_seal(&d->secrets, m->recipient, rlen, sealed);
    time_t now = desk_now(d);
    int rc = db_exec(&d->db, sql_insert, "sbssjsstst", channel, sealed, SECRET_SEALED_LEN(rlen),
                     lang_code(m->lang), m->kind, m->ticket_id, subject, body, now,
                     m->dedupe_key ? key : NULL, now);
    free(subject);
    free(body);
    if (rc >= 0 && m->nattachments > 0)
        rc = add_attachments(d, (long long)d->db.last_id, m);
    return rc < 0 ? rc : OUTCOME_OK; /* OUTCOME_DUPLICATE too */
}

/* ---- sending ------------------------------------------------------------- */

static time_t backoff(long long attempts)
{
    time_t delay = BACKOFF_FIRST;
    for (long long i = 1; i < attempts && delay < BACKOFF_MAX; i++)
        delay *= 2;
    return delay < BACKOFF_MAX ? delay : BACKOFF_MAX;
}

/* The message in hand, for the hand-over hook. */
typedef struct handover {
    desk_t *d;
    long long id;
    time_t lease;
} handover_t;

/* Records that the message is about to be taken by the server; the mailer
 * sends it only if this is recorded, under this sender's claim. */
static int record_handover(void *arg)
{
    handover_t *h = arg;
    int rc = db_exec(&h->d->db, sql_handing_over, "tit", desk_now(h->d), h->id, h->lease);
    if (rc != 1)
        log_error("outbox: message %lld not handed over: its hand-over could not be recorded (%d)",
                  h->id, rc);
    return rc == 1 ? 0 : -1;
}

/* How long a sender that has delivered a message tries to record it, when
 * the database is gone at that moment, before leaving it to the lease. */
#define RECORD_WAIT_SECONDS 10

/* Records a delivery; the server has the message, so a lost connection is
 * retried over a new one: giving up would send the message again later. */
static int record_sent(desk_t *d, long long id, time_t lease)
{
    int rc = db_exec(&d->db, sql_sent, "tit", desk_now(d), id, lease);
    if (rc == OUTCOME_LOST && db_reconnect_within(&d->db, RECORD_WAIT_SECONDS) == OUTCOME_OK)
        rc = db_exec(&d->db, sql_sent, "tit", desk_now(d), id, lease);
    if (rc == 0)
        log_error("outbox: message %lld sent after its lease ran out", id);
    else if (rc < 0)
        log_error("outbox: message %lld was delivered but its delivery could not be recorded:"
                  " it will be sent again when its lease ends", id);
    return rc;
}

/* A message's attachments, read for one attempt. */
typedef struct loaded {
    mail_attachment_t att[MAIL_ATTACHMENTS_MAX];
    char name[MAIL_ATTACHMENTS_MAX][256], type[MAIL_ATTACHMENTS_MAX][201];
    int n;
} loaded_t;

static void loaded_free(loaded_t *l)
{
    for (int i = 0; i < l->n; i++)
        free((void *)l->att[i].bytes);
    l->n = 0;
}

static int load_attachments(desk_t *d, long long id, loaded_t *l)
{
    long long pos[MAIL_ATTACHMENTS_MAX], len = 0, p = 0;
    int rc = 0;
    memset(l, 0, sizeof *l);
    MYSQL_STMT *st = db_query(&d->db, sql_attachments, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    while (l->n < MAIL_ATTACHMENTS_MAX &&
           (rc = db_fetch(st, "issi", &p, l->name[l->n], sizeof l->name[0], l->type[l->n],
                          sizeof l->type[0], &len)) == 1) {
        pos[l->n] = p;
        l->att[l->n] = (mail_attachment_t){l->name[l->n], l->type[l->n], NULL, (size_t)len};
        l->n++;
    }
    db_done(st);
    if (rc < 0)
        return rc;
    for (int i = 0; i < l->n; i++) {
        size_t got = 0, want = l->att[i].len;
        void *bytes = malloc(want ? want : 1);
        if (!bytes)
            return OUTCOME_UNAVAILABLE;
        l->att[i].bytes = bytes;
        rc = db_row(&d->db, sql_attachment_bytes, "ii", "b", id, pos[i], bytes, want, &got);
        if (rc != 1 || got != want)
            return rc < 0 ? rc : OUTCOME_UNAVAILABLE;
    }
    return OUTCOME_OK;
}

/* Delivers one claimed message and records the outcome. 1 sent, 0 not sent,
 * or a negative outcome. */
static int deliver_one(desk_t *d, mailer_t *mailer, long long id, time_t lease, long max_attempts)
{
    char channel[8], to[321], err[512] = "";
    unsigned char sealed[600];
    size_t slen = 0;
    char *subject = NULL, *body = NULL;
    long long ticket_id = 0, attempts = 0;
    time_t handed = 0;
    int rc = db_row(&d->db, sql_load, "i", "sbSSiit", id, channel, sizeof channel, sealed,
                    sizeof sealed, &slen, &subject, &body, &ticket_id, &attempts, &handed);
    if (rc == 1 && handed) {
        /* the last sender reached the hand-over and was never heard of again */
        log_error("outbox: message %lld: its hand-over of %lld s ago was never confirmed (the"
                  " sender stopped); sending it again with the same Message-ID, so the"
                  " recipient may get it twice", id, (long long)(desk_now(d) - handed));
        rc = db_exec(&d->db, sql_unconfirmed, "it", id, lease) == 1 ? 1 : OUTCOME_UNAVAILABLE;
    }
    if (rc != 1) {
        free(subject);
        free(body);
        return rc < 0 ? rc : 0;
    }
    loaded_t files;
    if ((rc = load_attachments(d, id, &files)) != OUTCOME_OK) {
        loaded_free(&files);
        free(subject);
        free(body);
        return rc;
    }
    handover_t h = {d, id, lease};
    mailer->handing_over = record_handover;
    mailer->handing_over_arg = &h;
    int sent;
    if (secret_open(&d->secrets, sealed, slen, to, sizeof to)) {
        snprintf(err, sizeof err, "cannot open the sealed recipient (key changed?)");
        sent = OUTCOME_REJECTED;
    } else if (strcmp(channel, "sms") == 0) {
        sent = mailer_send_sms(mailer, to, body ? body : "", err, sizeof err);
    } else {
        sent = mailer_send_mail_with(mailer, to, subject ? subject : "", body ? body : "",
                                     files.att, files.n, id, ticket_id, desk_now(d), err,
                                     sizeof err);
    }
    loaded_free(&files);
    mailer->handing_over = NULL;
    free(subject);
    free(body);
    sodium_memzero(to, sizeof to);
    time_t now = desk_now(d);
    if (sent == OUTCOME_OK) {
        rc = record_sent(d, id, lease);
        return rc < 0 ? rc : 1;
    }
    bool final = sent == OUTCOME_REJECTED || attempts >= max_attempts;
    bool unconfirmed = sent == OUTCOME_UNKNOWN;
    time_t next = final ? now : now + backoff(attempts);
    if (unconfirmed)
        log_error("outbox: message %lld (%s) was handed over but the server's answer never"
                  " came (attempt %lld: %s); it may have been delivered: %s%s, so the"
                  " recipient may get it twice", id, channel, attempts, err,
                  final ? "failed for good" : "sending it again later",
                  strcmp(channel, "sms") == 0 ? "" : " with the same Message-ID");
    else
        log_error("outbox: message %lld (%s) attempt %lld %s: %s", id, channel, attempts,
                  final ? "failed for good" : "failed, will retry", err);
    rc = db_exec(&d->db, sql_unsent, "stsiit", final ? "failed" : "pending", next, err,
                 (long long)unconfirmed, id, lease);
    return rc < 0 ? rc : 0;
}

int outbox_deliver_due(desk_t *d, int max, int *sent, int *failed)
{
    *sent = *failed = 0;
    if (d->db.in_tx) {
        log_error("outbox: outbox_deliver_due called inside a transaction");
        return OUTCOME_UNAVAILABLE;
    }
    max = max < 1 ? 1 : max > 1000 ? 1000 : max;
    long long *ids = malloc(sizeof *ids * (size_t)max);
    if (!ids)
        return OUTCOME_UNAVAILABLE;
    int n = 0, rc = 0;
    MYSQL_STMT *st = db_query(&d->db, sql_due, "ti", desk_now(d), (long long)max);
    if (!st) {
        free(ids);
        return OUTCOME_UNAVAILABLE;
    }
    while (n < max && (rc = db_fetch(st, "i", &ids[n])) == 1)
        n++;
    db_done(st);
    if (rc < 0) {
        free(ids);
        return rc;
    }
    /* the settings admins edit win over the config file (lib/desk/settings.h) */
    long timeout = settings_get_int(&d->settings, &d->cfg, CFG_MAIL_TIMEOUT_SECONDS);
    long lease_seconds = 2 * timeout + 10 > LEASE_MIN ? 2 * timeout + 10 : LEASE_MIN;
    long max_attempts = settings_get_int(&d->settings, &d->cfg, CFG_MAIL_MAX_ATTEMPTS);
    mailer_t mailer;
    mailer_init(&mailer, &d->cfg);
    mailer_use_settings(&mailer, &d->settings, &d->secrets);
    int claimed = 0;
    rc = 0;
    for (int i = 0; i < n; i++) {
        time_t now = desk_now(d), lease = now + lease_seconds;
        rc = db_exec(&d->db, sql_claim, "ttitt", lease, lease, ids[i], now, now);
        if (rc < 0)
            break;
        if (rc != 1) /* another sender has it, or it is no longer due */
            continue;
        claimed++;
        rc = deliver_one(d, &mailer, ids[i], lease, max_attempts);
        if (rc < 0)
            break;
        if (rc == 1)
            (*sent)++;
        else
            (*failed)++;
    }
    mailer_free(&mailer);
    free(ids);
    if (claimed)
        log_info("outbox: %d sent, %d failed of %d claimed", *sent, *failed, claimed);
    return rc < 0 ? rc : claimed;
}

/* ---- administration ------------------------------------------------------ */

int outbox_failed_list(desk_t *d, outbox_failed_t *out, int max)
{
    max = max < 0 ? 0 : max > 500 ? 500 : max;
    MYSQL_STMT *st = db_query(&d->db, sql_failed, "i", (long long)max);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    int n = 0, rc = 0;
    while (n < max) {
        outbox_failed_t *f = &out[n];
        unsigned char sealed[600];
        size_t slen = 0;
        memset(f, 0, sizeof *f);
        rc = db_fetch(st, "iisssbssitt", &f->id, &f->ticket_id, f->channel, sizeof f->channel,
                      f->kind, sizeof f->kind, f->language, sizeof f->language, sealed,
                      sizeof sealed, &slen, f->subject, sizeof f->subject, f->last_error,
                      sizeof f->last_error, &f->attempts, &f->created_at, &f->failed_at);
        if (rc != 1)
            break;
        if (secret_open(&d->secrets, sealed, slen, f->recipient, sizeof f->recipient))
            f->recipient[0] = '\0';
        trim_partial_utf8(f->subject);
        trim_partial_utf8(f->last_error);
        n++;
    }
    db_done(st);
    return rc < 0 ? rc : n;
}

int outbox_retry(desk_t *d, long long id)
{
    int rc = db_exec(&d->db, sql_retry, "ti", desk_now(d), id);
    return rc < 0 ? rc : rc == 1;
}
