/* mailer: hands one message to the outside world, by SMTP or through an HTTP
 * SMS gateway, both with libcurl. No database and no templates: the outbox
 * (lib/desk/notify/outbox.c) decides what to send and when, and records the outcome.
 *
 * The parts that turn a message into bytes are pure functions, tested without
 * a network (tests/unit/test_mailer.c):
 *   mail_build()     an RFC 5322 message: UTF-8 subject as RFC 2047
 *                    encoded-words, text/plain; charset=utf-8 body in base64,
 *                    CRLF line ends, a Message-ID derived from the outbox id;
 *                    with attachments, multipart/mixed: the text first, then
 *                    each attachment in base64 under its name and type;
 *   sms_build_url()  the gateway URL (or body) with {to} and {text} filled in.
 *
 * Configuration (read at each send from the desk's config, or from the
 * settings admins edit, see mailer_use_settings; defaults and ranges in
 * lib/core/config_keys.c):
 *   Mail.SMTPURL          smtp://host:port, or smtps://host:port for TLS from
 *                         the first byte
 *   Mail.StartTLS         1: require STARTTLS on smtp:// (CURLOPT_USE_SSL)
 *   Mail.User, Mail.Password   SMTP login, none when User is empty
 *   Mail.From             envelope sender and From: address (required to send)
 *   Mail.FromName         display name of From:, may be Chinese
 *   Mail.TimeoutSeconds   whole-transfer limit of one message
 *   Sms.URL               gateway URL template, {to} and {text} are replaced
 *                         by their percent-encoded values; no URL, no SMS
 *   Sms.Body              optional body template (same placeholders): when
 *                         set, the request is a POST of
 *                         application/x-www-form-urlencoded, else a GET
 *   Sms.Key               sent as the header named by Sms.KeyHeader when set
 * Both channels use Mail.TimeoutSeconds. */
#ifndef DESK_MAILER_H
#define DESK_MAILER_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/config.h"
#include "core/outcome.h"
#include "desk/settings.h"

/* A file sent with a mail: name (UTF-8, shown to the reader), content type
 * as sent ("text/calendar; method=REQUEST; charset=utf-8"), bytes. */
typedef struct mail_attachment {
    const char *name;
    const char *content_type;
    const void *bytes;
    size_t len;
} mail_attachment_t;

#define MAIL_ATTACHMENTS_MAX 8
#define MAIL_ATTACHMENT_BYTES_MAX (10 * 1024 * 1024)

/* A content type fit for a header: printable ASCII, "type/subtype" then
 * parameters, no quotes or backslashes, at most 200 bytes. */
bool mail_content_type_valid(const char *type);

typedef struct mail {
    const char *from;      /* address: desk@example.com */
    const char *from_name; /* display name (UTF-8) or NULL */
    const char *to;        /* address */
    const char *subject;   /* UTF-8; CR, LF, tab and other controls become spaces */
    const char *body;      /* UTF-8 plain text; LF, CRLF or CR line ends */
    long long id;          /* outbox id: Message-ID <desk.outbox.ID@domain> */
    long long thread_id;   /* ticket id: References <desk.ticket.ID@domain>; 0 none */
    time_t date;           /* Date: (written in UTC) */
    const mail_attachment_t *attachments; /* NULL or nattachments of them */
    int nattachments;
} mail_t;

/* True for a plain mailbox address: printable ASCII without spaces, quotes,
 * angle brackets, commas, semicolons or backslashes, one '@' with a non-empty
 * local part and a domain of letters, digits, '-' and '.'; at most 254 bytes.
 * Anything else is refused before it can reach a header or an SMTP command. */
bool mail_address_valid(const char *addr);

/* Builds the whole message (headers, blank line, base64 body), every line
 * ended by CRLF: subject and display name as encoded-words folded to lines of
 * at most 76 characters, the body in base64 lines of 76. Returns a malloc'd,
 * NUL-terminated text and its length in *len, or NULL when from or to is not
 * a valid address, an attachment has an invalid content type, there are more
 * than MAIL_ATTACHMENTS_MAX of them (or out of memory). The Message-ID's
 * domain is from's; the multipart boundary is derived from the outbox id,
 * so every attempt sends the same bytes, and cannot occur in base64. An
 * attachment's name is a quoted filename when it is plain ASCII, else an
 * RFC 2231 filename* in UTF-8. */
char *mail_build(const mail_t *m, size_t *len);

/* The subject header field alone ("Subject: ...\r\n", folded), as in
 * mail_build. malloc'd or NULL. */
char *mail_subject_header(const char *subject);

/* Replaces every {to} and {text} in tmpl by the percent-encoded (RFC 3986
 * unreserved characters kept) value. malloc'd or NULL. */
char *sms_build_url(const char *tmpl, const char *to, const char *text);

/* True for a phone number as the SMS gateway takes it: an optional '+', then
 * 5 to 20 digits, spaces or '-' (at least 5 digits). */
bool sms_number_valid(const char *number);

typedef struct mailer {
    const config_t *cfg;
    const settings_t *settings; /* NULL: the config file alone */
    const secrets_t *secrets;   /* opens Mail.Password / Sms.Key stored sealed */
    void *curl; /* CURL *, made on first use and kept for connection reuse */
    /* Called once per message at the moment it is handed over: for mail,
     * when the whole text has been given to libcurl and only the final "."
     * of DATA is left to send (the server takes the message when it answers
     * that); for SMS, before the request. Nonzero cancels the sending
     * (OUTCOME_UNAVAILABLE): nothing is handed over that the caller could not
     * record. NULL: none. */
    int (*handing_over)(void *arg);
    void *handing_over_arg;
} mailer_t;

/* Remembers cfg (read at each send, so it must outlive the mailer). 0. */
int mailer_init(mailer_t *m, const config_t *cfg);
/* From now on the keys above are read from the settings admins edit
 * (lib/desk/settings.h: a stored value wins over the config key of the same
 * name), secrets opened with k; both must outlive the mailer. */
void mailer_use_settings(mailer_t *m, const settings_t *s, const secrets_t *k);
void mailer_free(mailer_t *m);

/* Sends one email from Mail.From (and Mail.FromName) to `to`. OUTCOME_OK, or
 * with a one-line reason in err OUTCOME_UNAVAILABLE (not taken: try again
 * later), OUTCOME_UNKNOWN (the whole message was handed over and the
 * server's answer to its final "." never came: the server may have taken
 * it) or OUTCOME_REJECTED (never: the outbox marks the message failed at
 * once): an invalid address, no Mail.From, or the server refused the
 * recipient with 550, 551 or 553. */
int mailer_send_mail(mailer_t *m, const char *to, const char *subject, const char *body,
                     long long id, long long thread_id, time_t date, char *err, size_t errcap);
/* The same with attachments (n of them, NULL when none). */
int mailer_send_mail_with(mailer_t *m, const char *to, const char *subject, const char *body,
                          const mail_attachment_t *att, int n, long long id, long long thread_id,
                          time_t date, char *err, size_t errcap);

/* Sends one SMS through the gateway. OUTCOME_OK on a 2xx answer; OUTCOME_REJECTED on
 * an invalid number, no Sms.URL, or a 4xx answer other than 408 and 429;
 * OUTCOME_UNKNOWN when the whole request went out and no status line came
 * back (the gateway may have sent it); OUTCOME_UNAVAILABLE otherwise. */
int mailer_send_sms(mailer_t *m, const char *to, const char *text, char *err, size_t errcap);

#endif
