/* mailer: see mailer.h.
 *
 * The message is built in memory (open_memstream) and uploaded to libcurl,
 * which speaks SMTP and dot-stuffs the body itself. The body is base64: it
 * keeps the message 7-bit clean for any relay, and no line of user text can
 * end the DATA phase or be read as a header. Headers carry no raw user text:
 * the subject and display name are always sanitised and, unless they are short
 * plain ASCII, RFC 2047 encoded-words. */
#include "desk/notify/mailer.h"

#include <curl/curl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"

/* Bytes of text per encoded-word: "=?UTF-8?B?" + base64(39) = 52 + "?=" is
 * 64 characters, so even the first line ("Subject: " + word) stays under 76. */
#define WORD_BYTES 39

/* ---- pure parts ---------------------------------------------------------- */

static bool domain_valid(const char *d)
{
    size_t n = strlen(d);
    if (n == 0 || n > 253 || d[0] == '.' || d[0] == '-' || d[n - 1] == '.' || strstr(d, ".."))
        return false;
    return strspn(d, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") == n;
}

bool mail_address_valid(const char *addr)
{
    if (!addr)
        return false;
    size_t n = strlen(addr);
    const char *at = strchr(addr, '@');
    if (n == 0 || n > 254 || !at || at == addr || strchr(at + 1, '@'))
        return false;
    for (const char *p = addr; p < at; p++)
        if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f || strchr("\"(),:;<>[\\]", *p))
            return false;
    return domain_valid(at + 1);
}

bool sms_number_valid(const char *number)
{
    if (!number)
        return false;
    const char *p = number + (number[0] == '+');
    size_t digits = 0, n = strlen(p);
    if (n == 0 || n > 20 || strspn(p, "0123456789 -") != n)
        return false;
    for (; *p; p++)
        digits += (*p >= '0' && *p <= '9');
    return digits >= 5;
}

/* A copy of s with every control character (C0, DEL) replaced by a space and
 * runs of spaces collapsed, trimmed: a header value can never hold a line
 * break. */
static char *header_text(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    bool space = true; /* drops leading spaces */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        bool is_space = *p < 0x20 || *p == 0x7f || *p == ' ';
        if (is_space) {
            if (!space)
                *o++ = ' ';
            space = true;
        } else {
            *o++ = (char)*p;
            space = false;
        }
    }
    while (o > out && o[-1] == ' ')
        o--;
    *o = '\0';
    return out;
}

/* Length of the UTF-8 sequence that starts at p (1 for a stray byte), never
 * past the end of the string. */
static size_t utf8_len(const unsigned char *p)
{
    size_t n = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : *p >= 0xc0 ? 2 : 1;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xc0) != 0x80)
            return i;
    return n;
}

static bool plain_ascii(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n > max || strstr(s, "=?"))
        return false;
    for (const char *p = s; *p; p++)
        if (*p < 0x20 || *p >= 0x7f)
            return false;
    return true;
}

/* Writes text (already sanitised) as RFC 2047 B encoded-words of at most
 * WORD_BYTES bytes each, cut only between UTF-8 characters, one per line. */
static void write_words(FILE *f, const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    bool first = true;
    while (*p) {
        size_t n = 0;
        while (p[n]) {
            size_t c = utf8_len(p + n);
            if (n + c > WORD_BYTES)
                break;
            n += c;
        }
        if (n == 0) /* cannot happen: a character is at most 4 bytes */
            n = 1;
        char b64[sodium_base64_ENCODED_LEN(WORD_BYTES, sodium_base64_VARIANT_ORIGINAL)];
        sodium_bin2base64(b64, sizeof b64, p, n, sodium_base64_VARIANT_ORIGINAL);
        fprintf(f, "%s=?UTF-8?B?%s?=", first ? "" : "\r\n ", b64);
        first = false;
        p += n;
    }
}

/* "Name: value\r\n": plain when value is short printable ASCII, else
 * encoded-words. An empty value stays empty. */
static void write_text_field(FILE *f, const char *name, const char *clean)
{
    fprintf(f, "%s: ", name);
    if (plain_ascii(clean, 76 - strlen(name) - 2))
        fputs(clean, f);
    else
        write_words(f, clean);
    fputs("\r\n", f);
}

char *mail_subject_header(const char *subject)
{
    char *clean = header_text(subject ? subject : ""), *out = NULL;
    size_t len;
    FILE *f = clean ? open_memstream(&out, &len) : NULL;
    if (f) {
        write_text_field(f, "Subject", clean);
        if (fclose(f)) {
            free(out);
            out = NULL;
        }
    }
    free(clean);
    return out;
}

static void write_date(FILE *f, time_t t)
{
    static const char days[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    struct tm tm;
    gmtime_r(&t, &tm);
    fprintf(f, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n", days[tm.tm_wday], tm.tm_mday,
            months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* bytes in base64, lines of 76. */
static void write_base64(FILE *f, const unsigned char *bytes, size_t len)
{
    for (size_t off = 0; off < len; off += 57) { /* 57 bytes -> 76 characters */
        size_t k = len - off < 57 ? len - off : 57;
        char line[sodium_base64_ENCODED_LEN(57, sodium_base64_VARIANT_ORIGINAL)];
        sodium_bin2base64(line, sizeof line, bytes + off, k, sodium_base64_VARIANT_ORIGINAL);
        fprintf(f, "%s\r\n", line);
    }
}

/* The body in canonical form (every line end CRLF), base64 in lines of 76. */
static int write_body(FILE *f, const char *body)
{
    size_t n = strlen(body), cap = 2 * n + 2, len = 0;
    unsigned char *crlf = malloc(cap);
    if (!crlf)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (body[i] == '\r' || body[i] == '\n') {
            crlf[len++] = '\r';
            crlf[len++] = '\n';
            if (body[i] == '\r' && body[i + 1] == '\n')
                i++;
        } else {
            crlf[len++] = (unsigned char)body[i];
        }
    }
    write_base64(f, crlf, len);
    free(crlf);
    return 0;
}

bool mail_content_type_valid(const char *type)
{
    size_t n = type ? strlen(type) : 0;
    const char *slash = n ? strchr(type, '/') : NULL;
    if (n == 0 || n > 200 || !slash || slash == type || !slash[1])
        return false;
    for (const char *p = type; *p; p++)
        if (*p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\')
            return false;
    return true;
}

static bool plain_filename(const char *s)
{
    size_t n = strlen(s);
    return n > 0 && n <= 60 &&
           strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._- ") == n;
}

static void percent_encode(FILE *f, const char *s);

/* Content-Disposition with the name: quoted when plain, else RFC 2231. */
static void write_disposition(FILE *f, const char *name)
{
    char *clean = header_text(name && *name ? name : "attachment");
    const char *n = clean && *clean ? clean : "attachment";
    fputs("Content-Disposition: attachment;\r\n", f);
    if (plain_filename(n)) {
        fprintf(f, " filename=\"%s\"\r\n", n);
    } else {
        fputs(" filename*=utf-8''", f);
        percent_encode(f, n);
        fputs("\r\n", f);
    }
    free(clean);
}

static int write_parts(FILE *f, const mail_t *m)
{
    fprintf(f, "Content-Type: multipart/mixed; boundary=\"=_desk_%lld\"\r\n", m->id);
    fputs("Auto-Submitted: auto-generated\r\n"
          "X-Auto-Response-Suppress: All\r\n"
          "\r\n",
          f);
    fprintf(f, "--=_desk_%lld\r\nContent-Type: text/plain; charset=utf-8\r\n"
               "Content-Transfer-Encoding: base64\r\n\r\n", m->id);
    if (write_body(f, m->body ? m->body : ""))
        return -1;
    for (int i = 0; i < m->nattachments; i++) {
        const mail_attachment_t *a = &m->attachments[i];
        fprintf(f, "--=_desk_%lld\r\nContent-Type: %s\r\n", m->id, a->content_type);
        write_disposition(f, a->name);
        fputs("Content-Transfer-Encoding: base64\r\n\r\n", f);
        write_base64(f, a->bytes, a->len);
    }
    fprintf(f, "--=_desk_%lld--\r\n", m->id);
    return 0;
}

char *mail_build(const mail_t *m, size_t *len)
{
    if (!mail_address_valid(m->from) || !mail_address_valid(m->to) || m->nattachments < 0 ||
        m->nattachments > MAIL_ATTACHMENTS_MAX || (m->nattachments && !m->attachments))
        return NULL;
    for (int i = 0; i < m->nattachments; i++)
        if (!mail_content_type_valid(m->attachments[i].content_type) ||
            (m->attachments[i].len && !m->attachments[i].bytes))
            return NULL;
    const char *domain = strchr(m->from, '@') + 1;
    char *out = NULL, *subject = header_text(m->subject ? m->subject : "");
    char *name = header_text(m->from_name ? m->from_name : "");
    size_t n = 0;
    FILE *f = subject && name ? open_memstream(&out, &n) : NULL;
    int rc = f ? 0 : -1;
    if (f) {
        write_date(f, m->date);
        if (*name) {
            fputs("From: ", f);
            if (strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ") ==
                    strlen(name) &&
                strlen(name) <= 40)
                fputs(name, f);
            else
                write_words(f, name);
            fprintf(f, "\r\n <%s>\r\n", m->from);
        } else {
            fprintf(f, "From: %s\r\n", m->from);
        }
        fprintf(f, "To: %s\r\n", m->to);
        write_text_field(f, "Subject", subject);
        fprintf(f, "Message-ID: <desk.outbox.%lld@%s>\r\n", m->id, domain);
        if (m->thread_id > 0)
            fprintf(f, "References: <desk.ticket.%lld@%s>\r\n", m->thread_id, domain);
        fputs("MIME-Version: 1.0\r\n", f);
        if (m->nattachments > 0) {
            rc = write_parts(f, m);
        } else {
            fputs("Content-Type: text/plain; charset=utf-8\r\n"
                  "Content-Transfer-Encoding: base64\r\n"
                  "Auto-Submitted: auto-generated\r\n"
                  "X-Auto-Response-Suppress: All\r\n"
                  "\r\n",
                  f);
            rc = write_body(f, m->body ? m->body : "");
        }
        if (fclose(f))
            rc = -1;
    }
    free(subject);
    free(name);
    if (rc) {
        free(out);
        return NULL;
    }
    if (len)
        *len = n;
    return out;
}

static void percent_encode(FILE *f, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '.' || *p == '_' || *p == '~')
            fputc(*p, f);
        else
            fprintf(f, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
    }
}

char *sms_build_url(const char *tmpl, const char *to, const char *text)
{
    char *out = NULL;
    size_t n;
    FILE *f = open_memstream(&out, &n);
    if (!f)
        return NULL;
    for (const char *p = tmpl; *p;) {
        if (strncmp(p, "{to}", 4) == 0) {
            percent_encode(f, to);
            p += 4;
        } else if (strncmp(p, "{text}", 6) == 0) {
            percent_encode(f, text);
            p += 6;
        } else {
            fputc(*p++, f);
        }
    }
    if (fclose(f)) {
        free(out);
        return NULL;
    }
    return out;
}

/* ---- delivery ------------------------------------------------------------ */

int mailer_init(mailer_t *m, const config_t *cfg)
{
    memset(m, 0, sizeof *m);
    m->cfg = cfg;
    return 0;
}

void mailer_use_settings(mailer_t *m, const settings_t *s, const secrets_t *k)
{
    m->settings = s;
    m->secrets = k;
}

/* A key's value: the setting, else the config file, else the default; NULL
 * when that is empty. */
static const char *opt(const mailer_t *m, config_key_t key)
{
    const char *v = settings_get_str(m->settings, m->cfg, key);
    if (!v || !*v)
        v = config_default(key);
    return v && *v ? v : NULL;
}

static long opt_int(const mailer_t *m, config_key_t key)
{
    return settings_get_int(m->settings, m->cfg, key);
}

/* A secret key's value in clear into out; "" when unset or unreadable. */
static void opt_secret(const mailer_t *m, config_key_t key, char *out, size_t cap)
{
    if (!m->settings || !m->secrets) {
        snprintf(out, cap, "%s", config_get_str(m->cfg, key));
        return;
    }
    if (settings_get_secret(m->settings, m->cfg, m->secrets, key, out, cap))
        log_error("mailer: %s does not open (master key changed?)", config_def(key)->name);
}

void mailer_free(mailer_t *m)
{
    if (m->curl)
        curl_easy_cleanup(m->curl);
    m->curl = NULL;
}

/* The answer's body is not used; without this libcurl prints it on stdout. */
static size_t discard(char *data, size_t size, size_t nmemb, void *ud)
{
    (void)data;
    (void)ud;
    return size * nmemb;
}

/* A reset handle with the settings both channels share, or NULL. */
static CURL *handle(mailer_t *m, char *errbuf, const char *protocols)
{
    if (!m->curl) {
        static bool global_done;
        if (!global_done && curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            return NULL;
        global_done = true;
        m->curl = curl_easy_init();
        if (!m->curl)
            return NULL;
    }
    CURL *h = m->curl;
    curl_easy_reset(h); /* keeps the connection cache */
    long timeout = opt_int(m, CFG_MAIL_TIMEOUT_SECONDS);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, timeout);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, timeout < 10 ? timeout : 10L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, protocols);
#else
    curl_easy_setopt(h, CURLOPT_PROTOCOLS,
                     strncmp(protocols, "smtp", 4) == 0
                         ? (long)(CURLPROTO_SMTP | CURLPROTO_SMTPS)
                         : (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    return h;
}

/* Writes "what[: detail][ (answer N)]" into err and returns code. */
static int fail(char *err, size_t cap, int code, const char *what, const char *detail, long resp)
{
    snprintf(err, cap, "%s%s%s", what, detail ? ": " : "", detail ? detail : "");
    size_t n = strlen(err);
    if (resp && n < cap)
        snprintf(err + n, cap - n, " (answer %ld)", resp);
    return code;
}

typedef struct upload {
    const char *p;
    size_t left;
    mailer_t *m;
    bool ended;    /* the hand-over hook ran */
    bool refused;  /* it said no */
} upload_t;

/* Gives libcurl the message. When it asks for the last bytes (then only the
 * final "." of DATA is left to send), the hand-over hook runs first, and may
 * cancel the transfer. Not later: with the size set (CURLOPT_INFILESIZE)
 * libcurl never asks again once it has the last bytes. */
static size_t read_upload(char *buf, size_t size, size_t nitems, void *ud)
{
    upload_t *u = ud;
    size_t n = size * nitems < u->left ? size * nitems : u->left;
    if (n == u->left && !u->ended) {
        u->ended = true;
        if (u->m->handing_over && u->m->handing_over(u->m->handing_over_arg) != 0) {
            u->refused = true;
            return CURL_READFUNC_ABORT;
        }
    }
    memcpy(buf, u->p, n);
    u->p += n;
    u->left -= n;
    return n;
}

int mailer_send_mail(mailer_t *m, const char *to, const char *subject, const char *body,
                     long long id, long long thread_id, time_t date, char *err, size_t errcap)
{
    return mailer_send_mail_with(m, to, subject, body, NULL, 0, id, thread_id, date, err, errcap);
}

int mailer_send_mail_with(mailer_t *m, const char *to, const char *subject, const char *body,
                          const mail_attachment_t *att, int n, long long id, long long thread_id,
                          time_t date, char *err, size_t errcap)
{
    const char *from = opt(m, CFG_MAIL_FROM);
    if (!mail_address_valid(from))
        return fail(err, errcap, OUTCOME_REJECTED, "Mail.From is not set to an address", NULL, 0);
    if (!mail_address_valid(to))
        return fail(err, errcap, OUTCOME_REJECTED, "not a valid email address", NULL, 0);
    mail_t msg = {.from = from,
                  .from_name = opt(m, CFG_MAIL_FROM_NAME),
                  .to = to,
                  .subject = subject,
                  .body = body,
                  .id = id,
                  .thread_id = thread_id,
                  .date = date,
                  .attachments = att,
                  .nattachments = n};
    size_t len;
    char *text = mail_build(&msg, &len);
    char errbuf[CURL_ERROR_SIZE] = "";
    CURL *h = text ? handle(m, errbuf, "smtp,smtps") : NULL;
    if (!h) {
        free(text);
        return fail(err, errcap, OUTCOME_UNAVAILABLE, "out of memory", NULL, 0);
    }
    char env_from[300], env_to[300];
    snprintf(env_from, sizeof env_from, "<%s>", from);
    snprintf(env_to, sizeof env_to, "<%s>", to);
    struct curl_slist *rcpt = curl_slist_append(NULL, env_to);
    upload_t up = {text, len, m, false, false};
    const char *user = opt(m, CFG_MAIL_USER);
    char password[256] = "";
    curl_easy_setopt(h, CURLOPT_URL, opt(m, CFG_MAIL_SMTP_URL));
    curl_easy_setopt(h, CURLOPT_USE_SSL,
                     opt_int(m, CFG_MAIL_START_TLS) ? (long)CURLUSESSL_ALL
                                                                  : (long)CURLUSESSL_NONE);
    if (user) {
        curl_easy_setopt(h, CURLOPT_USERNAME, user);
        opt_secret(m, CFG_MAIL_PASSWORD, password, sizeof password);
        curl_easy_setopt(h, CURLOPT_PASSWORD, password);
    }
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, env_from);
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(h, CURLOPT_READDATA, &up);
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
    CURLcode rc = rcpt ? curl_easy_perform(h) : CURLE_OUT_OF_MEMORY;
    long resp = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &resp);
    curl_slist_free_all(rcpt);
    free(text);
    sodium_memzero(password, sizeof password);
    if (rc == CURLE_OK)
        return OUTCOME_OK;
    if (up.refused)
        return fail(err, errcap, OUTCOME_UNAVAILABLE, "not handed over: the hand-over could not be recorded",
                    NULL, 0);
    /* The whole message was given and the last answer seen is still DATA's
     * 354: the answer to the final "." never came (the server or the
     * connection died, or it took longer than the timeout). A server that
     * keeps a message before it answers may have taken it. */
    if (up.ended && resp == 354)
        return fail(err, errcap, OUTCOME_UNKNOWN, "SMTP: no answer to the end of the message",
                    errbuf[0] ? errbuf : curl_easy_strerror(rc), 0);
    bool permanent = resp == 550 || resp == 551 || resp == 553;
    return fail(err, errcap, permanent ? OUTCOME_REJECTED : OUTCOME_UNAVAILABLE, "SMTP",
                errbuf[0] ? errbuf : curl_easy_strerror(rc), resp);
}

int mailer_send_sms(mailer_t *m, const char *to, const char *text, char *err, size_t errcap)
{
    const char *tmpl = opt(m, CFG_SMS_URL);
    if (!tmpl)
        return fail(err, errcap, OUTCOME_REJECTED, "Sms.URL is not configured", NULL, 0);
    if (!sms_number_valid(to))
        return fail(err, errcap, OUTCOME_REJECTED, "not a valid phone number", NULL, 0);
    char secret[256];
    opt_secret(m, CFG_SMS_KEY, secret, sizeof secret);
    const char *key = *secret ? secret : NULL;
    const char *key_header = opt(m, CFG_SMS_KEY_HEADER);
    if (strpbrk(key_header, "\r\n: ") || (key && strpbrk(key, "\r\n"))) {
        sodium_memzero(secret, sizeof secret);
        return fail(err, errcap, OUTCOME_REJECTED, "Sms.Key or Sms.KeyHeader holds a line break",
                    NULL, 0);
    }
    const char *body_tmpl = opt(m, CFG_SMS_BODY);
    char *url = sms_build_url(tmpl, to, text);
    char *body = body_tmpl ? sms_build_url(body_tmpl, to, text) : NULL;
    char errbuf[CURL_ERROR_SIZE] = "";
    CURL *h = url && (body || !body_tmpl) ? handle(m, errbuf, "http,https") : NULL;
    if (!h) {
        sodium_memzero(secret, sizeof secret);
        free(url);
        free(body);
        return fail(err, errcap, OUTCOME_UNAVAILABLE, "out of memory", NULL, 0);
    }
    struct curl_slist *headers = NULL;
    char line[512];
    if (key) {
        snprintf(line, sizeof line, "%s: %s", key_header, key);
        headers = curl_slist_append(headers, line);
        sodium_memzero(line, sizeof line);
        sodium_memzero(secret, sizeof secret);
    }
    if (body)
        headers = curl_slist_append(headers, "Content-Type: application/x-www-form-urlencoded");
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    if (body)
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    if (m->handing_over && m->handing_over(m->handing_over_arg) != 0) {
        curl_slist_free_all(headers);
        free(url);
        free(body);
        return fail(err, errcap, OUTCOME_UNAVAILABLE,
                    "not handed over: the hand-over could not be recorded", NULL, 0);
    }
    CURLcode rc = curl_easy_perform(h);
    long resp = 0, sent = 0;
    curl_off_t body_sent = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &resp);
    curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &sent);
    curl_easy_getinfo(h, CURLINFO_SIZE_UPLOAD_T, &body_sent);
    bool whole = sent > 0 && (!body || body_sent == (curl_off_t)strlen(body));
    curl_slist_free_all(headers);
    free(url);
    free(body);
    /* The whole request went out and no status line came back (the gateway
     * or the connection died, or it took longer than the timeout): a gateway
     * that acts before it answers may have sent the message. */
    if (rc != CURLE_OK && whole && resp == 0)
        return fail(err, errcap, OUTCOME_UNKNOWN, "SMS gateway: no answer to the request",
                    errbuf[0] ? errbuf : curl_easy_strerror(rc), 0);
    if (rc != CURLE_OK)
        return fail(err, errcap, OUTCOME_UNAVAILABLE, "SMS gateway",
                    errbuf[0] ? errbuf : curl_easy_strerror(rc), 0);
    if (resp >= 200 && resp < 300)
        return OUTCOME_OK;
    bool permanent = resp >= 400 && resp < 500 && resp != 408 && resp != 429;
    return fail(err, errcap, permanent ? OUTCOME_REJECTED : OUTCOME_UNAVAILABLE,
                "SMS gateway refused the message", NULL, resp);
}
