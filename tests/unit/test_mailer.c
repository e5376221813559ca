/* Unit tests for the pure parts of lib/desk/notify/mailer.c: the RFC 5322 message
 * (headers, RFC 2047 subject, CRLF line ends, base64 body, no header
 * injection), address and phone checks, the SMS gateway URL, and what the
 * SMS gateway's answer (or its silence) means, from a gateway on loopback. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/config.h"
#include "core/outcome.h"
#include "desk/notify/mailer.h"

/* 2026-11-25T00:05:09Z, a Wednesday */
#define NOV25 ((time_t)1795564800 + 5 * 60 + 9)

static const char subject_zh[] =
    "[工单 20261125-0001] 已受理：生产环境数据库连接池耗尽，订单服务不可用，请尽快处理";

static char *build(const char *subject, const char *body)
{
    mail_t m = {.from = "desk@example.com",
                .from_name = "售后服务中心",
                .to = "li@example.cn",
                .subject = subject,
                .body = body,
                .id = 42,
                .thread_id = 7,
                .date = NOV25};
    size_t len = 0;
    char *text = mail_build(&m, &len);
    assert_non_null(text);
    assert_int_equal(len, strlen(text));
    return text;
}

/* The header block (up to the blank line) as a copy; *body points after it. */
static char *headers_of(const char *msg, const char **body)
{
    const char *end = strstr(msg, "\r\n\r\n");
    assert_non_null(end);
    *body = end + 4;
    return strndup(msg, (size_t)(end - msg) + 2);
}

/* Decodes every =?UTF-8?B?...?= word of a header value in order, checking
 * each word is whole UTF-8 characters; the concatenated text is returned. */
static char *decode_words(const char *value)
{
    char *out = calloc(1, 4096);
    size_t n = 0;
    const char *p = value;
    while ((p = strstr(p, "=?UTF-8?B?")) != NULL) {
        p += 10;
        const char *e = strstr(p, "?=");
        assert_non_null(e);
        size_t bin_len = 0;
        assert_int_equal(sodium_base642bin((unsigned char *)out + n, 4096 - n - 1, p,
                                           (size_t)(e - p), NULL, &bin_len, NULL,
                                           sodium_base64_VARIANT_ORIGINAL),
                         0);
        /* a word never starts with a continuation byte */
        assert_int_not_equal((unsigned char)out[n] & 0xc0, 0x80);
        n += bin_len;
        p = e + 2;
    }
    out[n] = '\0';
    return out;
}

/* The unfolded value of header `name` ("Subject"), or NULL. */
static char *header_value(const char *headers, const char *name)
{
    char key[64];
    snprintf(key, sizeof key, "\r\n%s: ", name);
    char *copy = malloc(strlen(headers) + 3);
    snprintf(copy, strlen(headers) + 3, "\r\n%s", headers);
    const char *p = strstr(copy, key);
    if (!p) {
        free(copy);
        return NULL;
    }
    p += strlen(key);
    char *out = calloc(1, strlen(p) + 1), *o = out;
    for (; *p; p++) {
        if (p[0] == '\r' && p[1] == '\n') {
            if (p[2] != ' ' && p[2] != '\t')
                break;
            p++; /* unfold: drop CRLF, keep the space */
            continue;
        }
        *o++ = *p;
    }
    free(copy);
    return out;
}

static void assert_crlf_lines(const char *msg, size_t max)
{
    size_t line = 0;
    for (const char *p = msg; *p; p++) {
        if (*p == '\r') {
            assert_int_equal(p[1], '\n');
            p++;
            line = 0;
            continue;
        }
        assert_int_not_equal(*p, '\n'); /* a bare LF */
        line++;
        assert_true(line <= max);
    }
    assert_true(strlen(msg) >= 2 && strcmp(msg + strlen(msg) - 2, "\r\n") == 0);
}

static void headers_are_complete(void **state)
{
    (void)state;
    char *msg = build("Hello", "Body\n");
    const char *body;
    char *h = headers_of(msg, &body);
    assert_non_null(strstr(h, "Date: Wed, 25 Nov 2026 00:05:09 +0000\r\n"));
    assert_non_null(strstr(h, "\r\n <desk@example.com>\r\n"));
    assert_non_null(strstr(h, "\r\nTo: li@example.cn\r\n"));
    assert_non_null(strstr(h, "\r\nSubject: Hello\r\n"));
    assert_non_null(strstr(h, "\r\nMessage-ID: <desk.outbox.42@example.com>\r\n"));
    assert_non_null(strstr(h, "\r\nReferences: <desk.ticket.7@example.com>\r\n"));
    assert_non_null(strstr(h, "\r\nMIME-Version: 1.0\r\n"));
    assert_non_null(strstr(h, "\r\nContent-Type: text/plain; charset=utf-8\r\n"));
    assert_non_null(strstr(h, "\r\nContent-Transfer-Encoding: base64\r\n"));
    assert_non_null(strstr(h, "\r\nAuto-Submitted: auto-generated\r\n"));
    char *from = header_value(h, "From");
    char *name = decode_words(from);
    assert_string_equal(name, "售后服务中心");
    free(name);
    free(from);
    free(h);
    free(msg);
}

static void plain_from_without_name(void **state)
{
    (void)state;
    mail_t m = {.from = "desk@example.com",
                .to = "a@b.example",
                .subject = "x",
                .body = "y",
                .id = 1,
                .date = NOV25};
    char *msg = mail_build(&m, NULL);
    assert_non_null(msg);
    assert_non_null(strstr(msg, "\r\nFrom: desk@example.com\r\n"));
    assert_null(strstr(msg, "References:")); /* no ticket, no thread */
    free(msg);
}

static void message_id_is_stable_per_outbox_id(void **state)
{
    (void)state;
    char *a = build("one", "x"), *b = build("two", "y");
    const char *ba, *bb;
    char *ha = headers_of(a, &ba), *hb = headers_of(b, &bb);
    char *ida = header_value(ha, "Message-ID"), *idb = header_value(hb, "Message-ID");
    assert_string_equal(ida, idb);
    mail_t m = {.from = "desk@example.com",
                .to = "a@b.example",
                .subject = "x",
                .body = "y",
                .id = 43,
                .date = NOV25};
    char *c = mail_build(&m, NULL);
    assert_non_null(strstr(c, "Message-ID: <desk.outbox.43@example.com>"));
    free(c);
    free(ida);
    free(idb);
    free(ha);
    free(hb);
    free(a);
    free(b);
}

static void chinese_subject_is_encoded_words(void **state)
{
    (void)state;
    char *msg = build(subject_zh, "x");
    const char *body;
    char *h = headers_of(msg, &body);
    char *v = header_value(h, "Subject");
    assert_non_null(v);
    assert_non_null(strstr(v, "=?UTF-8?B?"));
    /* no raw 8-bit byte anywhere in the headers */
    for (const char *p = h; *p; p++)
        assert_true((unsigned char)*p < 0x80);
    char *decoded = decode_words(v);
    assert_string_equal(decoded, subject_zh);
    /* several words, each on its own line of at most 76 characters */
    assert_non_null(strstr(h, "?=\r\n =?UTF-8?B?"));
    assert_crlf_lines(h, 76);
    free(decoded);
    free(v);
    free(h);
    free(msg);
}

static void subject_header_alone(void **state)
{
    (void)state;
    char *s = mail_subject_header("Ticket 20261125-0001 received");
    assert_string_equal(s, "Subject: Ticket 20261125-0001 received\r\n");
    free(s);
    s = mail_subject_header("中");
    assert_string_equal(s, "Subject: =?UTF-8?B?5Lit?=\r\n");
    free(s);
    s = mail_subject_header("");
    assert_string_equal(s, "Subject: \r\n");
    free(s);
}

static void long_ascii_subject_is_folded(void **state)
{
    (void)state;
    char subject[301];
    memset(subject, 'a', 300);
    subject[300] = '\0';
    char *s = mail_subject_header(subject);
    assert_crlf_lines(s, 76);
    char *v = header_value(s, "Subject");
    char *d = decode_words(v);
    assert_string_equal(d, subject);
    free(d);
    free(v);
    free(s);
}

static void encoded_word_lookalike_is_encoded(void **state)
{
    (void)state;
    char *s = mail_subject_header("=?UTF-8?B?5Lit?=");
    char *v = header_value(s, "Subject");
    char *d = decode_words(v);
    assert_string_equal(d, "=?UTF-8?B?5Lit?=");
    free(d);
    free(v);
    free(s);
}

static void subject_line_breaks_cannot_inject_headers(void **state)
{
    (void)state;
    static const char *const evil[] = {
        "Hi\r\nBcc: victim@example.org",   "Hi\nBcc: victim@example.org",
        "Hi\rBcc: victim@example.org",     "Hi\r\n\r\nfake body",
        "你好\r\nBcc: victim@example.org", "Hi\x0b\x0c\x7f\tBcc: x@y.z",
    };
    for (size_t i = 0; i < sizeof evil / sizeof *evil; i++) {
        char *msg = build(evil[i], "real body");
        const char *body;
        char *h = headers_of(msg, &body);
        assert_null(strstr(h, "\r\nBcc:"));
        assert_null(strstr(msg, "\r\n\r\nfake body"));
        assert_crlf_lines(msg, 78);
        /* every header line is a known field or a continuation */
        char *line = h;
        while (*line) {
            char *end = strstr(line, "\r\n");
            assert_non_null(end);
            assert_true(
                line[0] == ' ' || strncmp(line, "Date: ", 6) == 0 ||
                strncmp(line, "From: ", 6) == 0 || strncmp(line, "To: ", 4) == 0 ||
                strncmp(line, "Subject: ", 9) == 0 || strncmp(line, "Message-ID: ", 12) == 0 ||
                strncmp(line, "References: ", 12) == 0 ||
                strncmp(line, "MIME-Version: ", 14) == 0 || strncmp(line, "Content-", 8) == 0 ||
                strncmp(line, "Auto-Submitted: ", 16) == 0 ||
                strncmp(line, "X-Auto-Response-Suppress: ", 26) == 0);
            line = end + 2;
        }
        /* the text survives, on one line */
        char *v = header_value(h, "Subject");
        char *d = strstr(v, "=?") ? decode_words(v) : strdup(v);
        assert_null(strpbrk(d, "\r\n"));
        assert_non_null(strstr(d, "Bcc: ") ? d : strstr(d, "fake body"));
        free(d);
        free(v);
        free(h);
        free(msg);
    }
}

static void from_name_line_breaks_cannot_inject(void **state)
{
    (void)state;
    mail_t m = {.from = "desk@example.com",
                .from_name = "Desk\r\nBcc: x@y.z",
                .to = "a@b.example",
                .subject = "x",
                .body = "y",
                .id = 1,
                .date = NOV25};
    char *msg = mail_build(&m, NULL);
    assert_non_null(msg);
    assert_null(strstr(msg, "\r\nBcc:"));
    assert_crlf_lines(msg, 78);
    free(msg);
}

static void body_is_base64_of_crlf_text(void **state)
{
    (void)state;
    static const char text[] = "您好，张三：\n\n工单 20261125-0001 已受理。\r\n.\nEnd\rline";
    static const char canon[] =
        "您好，张三：\r\n\r\n工单 20261125-0001 已受理。\r\n.\r\nEnd\r\nline";
    char *msg = build("x", text);
    const char *body;
    char *h = headers_of(msg, &body);
    assert_crlf_lines(body, 76);
    char *joined = calloc(1, strlen(body) + 1), *o = joined;
    for (const char *p = body; *p; p++)
        if (*p != '\r' && *p != '\n')
            *o++ = *p;
    unsigned char bin[512];
    size_t n = 0;
    assert_int_equal(sodium_base642bin(bin, sizeof bin, joined, strlen(joined), NULL, &n, NULL,
                                       sodium_base64_VARIANT_ORIGINAL),
                     0);
    assert_int_equal(n, strlen(canon));
    assert_memory_equal(bin, canon, n);
    free(joined);
    free(h);
    free(msg);
}

static void long_body_lines_are_76(void **state)
{
    (void)state;
    char body[4001];
    for (int i = 0; i < 4000; i++)
        body[i] = (char)('a' + i % 26);
    body[4000] = '\0';
    char *msg = build("x", body);
    const char *b;
    char *h = headers_of(msg, &b);
    assert_crlf_lines(b, 76);
    assert_non_null(strstr(b, "\r\n")); /* several lines */
    assert_int_equal(strcspn(b, "\r"), 76);
    free(h);
    free(msg);
}

static void empty_body_is_valid(void **state)
{
    (void)state;
    mail_t m = {
        .from = "desk@example.com", .to = "a@b.example", .subject = "x", .id = 1, .date = NOV25};
    char *msg = mail_build(&m, NULL);
    assert_non_null(msg);
    assert_non_null(strstr(msg, "\r\n\r\n"));
    free(msg);
}

static void bad_addresses_are_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",
        "plain",
        "@example.com",
        "a@",
        "a@@b.example",
        "a b@example.com",
        "a@example.com\r\nBcc: x@y.z",
        "a@example.com, b@example.com",
        "<a@example.com>",
        "a@exa mple.com",
        "a@-example.com",
        "a@example..com",
        "a\"b@example.com",
        "a;b@example.com",
        "张@example.com",
        "a@例子.中国",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_false(mail_address_valid(bad[i]));
        mail_t m = {.from = "desk@example.com",
                    .to = bad[i],
                    .subject = "x",
                    .body = "y",
                    .id = 1,
                    .date = NOV25};
        assert_null(mail_build(&m, NULL));
        m.to = "ok@example.com";
        m.from = bad[i];
        assert_null(mail_build(&m, NULL));
    }
    assert_false(mail_address_valid(NULL));
    static const char *const good[] = {"a@b.example", "li.ming+desk@example.com.cn",
                                       "x_y-z@mail-1.example.org"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        assert_true(mail_address_valid(good[i]));
}

static void sms_url_is_percent_encoded(void **state)
{
    (void)state;
    char *u = sms_build_url("https://sms.example.com/send?to={to}&msg={text}&to2={to}",
                            "+86 138-0000-0000", "工单 A&B=1/2?#");
    assert_string_equal(u, "https://sms.example.com/send?to=%2B86%20138-0000-0000"
                           "&msg=%E5%B7%A5%E5%8D%95%20A%26B%3D1%2F2%3F%23"
                           "&to2=%2B86%20138-0000-0000");
    free(u);
    u = sms_build_url("no placeholders {x}", "1", "2");
    assert_string_equal(u, "no placeholders {x}");
    free(u);
    u = sms_build_url("{text}", "1", "line\r\nX-Evil: 1");
    assert_string_equal(u, "line%0D%0AX-Evil%3A%201");
    free(u);
}

static void sms_numbers(void **state)
{
    (void)state;
    assert_true(sms_number_valid("13800000000"));
    assert_true(sms_number_valid("+86 138-0000-0000"));
    assert_false(sms_number_valid(""));
    assert_false(sms_number_valid("+"));
    assert_false(sms_number_valid("123"));
    assert_false(sms_number_valid("138\n0000000"));
    assert_false(sms_number_valid("1380000000a"));
    assert_false(sms_number_valid("+86+13800000000"));
    assert_false(sms_number_valid(NULL));
}

/* With attachments: multipart/mixed, the text first, then each file in
 * base64 under its name (RFC 2231 for a Chinese one) and type; the same
 * bytes on every attempt (the boundary comes from the outbox id); no
 * boundary line inside a part; a bad content type refuses the message. */
static void attachments_make_a_multipart_message(void **state)
{
    (void)state;
    unsigned char bin[300];
    for (size_t i = 0; i < sizeof bin; i++)
        bin[i] = (unsigned char)(i * 7);
    const char ics[] = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
    mail_attachment_t att[] = {
        {"invite.ics", "text/calendar; method=REQUEST; charset=utf-8", ics, sizeof ics - 1},
        {"月报 2026-11.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         bin, sizeof bin}};
    mail_t m = {.from = "desk@example.com", .to = "li@example.cn", .subject = "会议邀请",
                .body = "请参加\n", .id = 77, .date = NOV25, .attachments = att,
                .nattachments = 2};
    char *a = mail_build(&m, NULL), *b = mail_build(&m, NULL);
    assert_non_null(a);
    assert_string_equal(a, b);
    const char *body;
    char *h = headers_of(a, &body);
    assert_non_null(strstr(h, "MIME-Version: 1.0\r\n"));
    assert_non_null(strstr(h, "Content-Type: multipart/mixed; boundary=\"=_desk_77\"\r\n"));
    assert_non_null(strstr(h, "Message-ID: <desk.outbox.77@example.com>\r\n"));
    assert_null(strstr(h, "text/plain"));
    const char *p1 = strstr(body, "--=_desk_77\r\nContent-Type: text/plain; charset=utf-8\r\n");
    const char *p2 = strstr(body, "--=_desk_77\r\nContent-Type: text/calendar; method=REQUEST;"
                                  " charset=utf-8\r\nContent-Disposition: attachment;\r\n"
                                  " filename=\"invite.ics\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
    const char *p3 = strstr(body, "Content-Disposition: attachment;\r\n filename*=utf-8''"
                                  "%E6%9C%88%E6%8A%A5%202026-11.xlsx\r\n");
    const char *end = strstr(body, "\r\n--=_desk_77--\r\n");
    assert_true(p1 && p2 && p3 && end && p1 < p2 && p2 < p3 && p3 < end);
    assert_string_equal(end, "\r\n--=_desk_77--\r\n");
    /* the calendar's bytes come back from its base64 */
    const char *b64 = strstr(p2, "\r\n\r\n") + 4;
    unsigned char out[200];
    size_t n = 0;
    assert_int_equal(sodium_base642bin(out, sizeof out, b64, strcspn(b64, "-"), "\r\n", &n, NULL,
                                       sodium_base64_VARIANT_ORIGINAL), 0);
    assert_int_equal(n, sizeof ics - 1);
    assert_memory_equal(out, ics, n);
    /* the binary too, in lines of at most 76 */
    b64 = strstr(p3, "\r\n\r\n") + 4;
    unsigned char back[400];
    assert_int_equal(sodium_base642bin(back, sizeof back, b64, (size_t)(end - b64), "\r\n", &n,
                                       NULL, sodium_base64_VARIANT_ORIGINAL), 0);
    assert_int_equal(n, sizeof bin);
    assert_memory_equal(back, bin, n);
    for (const char *l = b64; l < end; l = strstr(l, "\r\n") + 2)
        assert_true(strstr(l, "\r\n") - l <= 76);
    for (const char *l = a; *l; l = strstr(l, "\r\n") + 2)
        assert_true(strstr(l, "\r\n") - l <= 998);
    free(h);
    free(a);
    free(b);
    att[0].content_type = "text/calendar\r\nBcc: x@evil.example";
    assert_null(mail_build(&m, NULL));
    att[0].content_type = "calendar";
    assert_null(mail_build(&m, NULL));
}

/* ---- the SMS gateway's answers, from a gateway in a child process -------- */

typedef enum { GW_ANSWER_200, GW_HANG_UP_AFTER_REQUEST } gateway_mode_t;

/* Reads one request (headers and a Content-Length body) from fd. */
static void read_request(int fd)
{
    char buf[8192];
    size_t n = 0;
    char *end = NULL;
    while (!end && n < sizeof buf - 1) {
        ssize_t r = read(fd, buf + n, sizeof buf - 1 - n);
        if (r <= 0)
            return;
        n += (size_t)r;
        buf[n] = '\0';
        end = strstr(buf, "\r\n\r\n");
    }
    const char *cl = strcasestr(buf, "Content-Length: ");
    size_t want = cl ? strtoul(cl + 16, NULL, 10) : 0;
    size_t have = end ? n - (size_t)(end + 4 - buf) : 0;
    while (have < want) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r <= 0)
            return;
        have += (size_t)r;
    }
}

/* A gateway on a free port that serves one request the way mode says; its
 * pid in *pid. Returns the port. */
static int gateway_start(gateway_mode_t mode, pid_t *pid)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    assert_int_equal(bind(s, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(listen(s, 4), 0);
    assert_int_equal(getsockname(s, (struct sockaddr *)&a, &len), 0);
    *pid = fork();
    assert_true(*pid >= 0);
    if (*pid == 0) {
        int c = accept(s, NULL, NULL);
        read_request(c);
        if (mode == GW_ANSWER_200) {
            static const char ok[] = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
            (void)!write(c, ok, sizeof ok - 1);
        }
        close(c);
        _exit(0);
    }
    close(s);
    return ntohs(a.sin_port);
}

static int send_sms_to(int port, bool post, char *err, size_t errcap)
{
    char conf[512];
    snprintf(conf, sizeof conf,
             "Sms.URL = http://127.0.0.1:%d/send?to={to}\n%s", port,
             post ? "Sms.Body = to={to}&text={text}\n" : "");
    config_t cfg;
    assert_int_equal(config_load_string(&cfg, conf), 0);
    mailer_t m;
    mailer_init(&m, &cfg);
    int rc = mailer_send_sms(&m, "+86 138-0000-0000", "工单 20261125-0001 已受理", err, errcap);
    mailer_free(&m);
    config_free(&cfg);
    return rc;
}

/* A gateway that takes the whole request and dies before its status line
 * may have sent the SMS: the outcome is unknown (counted, retried with
 * care), not an ordinary failure; one that answers 200 took it; one that
 * nobody listens on took nothing. */
static void sms_without_an_answer_is_unknown(void **state)
{
    (void)state;
    char err[256];
    for (int post = 0; post < 2; post++) {
        pid_t pid;
        int port = gateway_start(GW_HANG_UP_AFTER_REQUEST, &pid);
        assert_int_equal(send_sms_to(port, post, err, sizeof err), OUTCOME_UNKNOWN);
        assert_non_null(strstr(err, "no answer"));
        waitpid(pid, NULL, 0);
        port = gateway_start(GW_ANSWER_200, &pid);
        assert_int_equal(send_sms_to(port, post, err, sizeof err), OUTCOME_OK);
        waitpid(pid, NULL, 0);
        /* the last gateway's port, now closed: refused at connect */
        assert_int_equal(send_sms_to(port, post, err, sizeof err), OUTCOME_UNAVAILABLE);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(headers_are_complete),
        cmocka_unit_test(plain_from_without_name),
        cmocka_unit_test(message_id_is_stable_per_outbox_id),
        cmocka_unit_test(chinese_subject_is_encoded_words),
        cmocka_unit_test(subject_header_alone),
        cmocka_unit_test(long_ascii_subject_is_folded),
        cmocka_unit_test(encoded_word_lookalike_is_encoded),
        cmocka_unit_test(subject_line_breaks_cannot_inject_headers),
        cmocka_unit_test(from_name_line_breaks_cannot_inject),
        cmocka_unit_test(body_is_base64_of_crlf_text),
        cmocka_unit_test(long_body_lines_are_76),
        cmocka_unit_test(empty_body_is_valid),
        cmocka_unit_test(bad_addresses_are_refused),
        cmocka_unit_test(sms_url_is_percent_encoded),
        cmocka_unit_test(sms_numbers),
        cmocka_unit_test(sms_without_an_answer_is_unknown),
        cmocka_unit_test(attachments_make_a_multipart_message),
    };
    return cmocka_run_group_tests_name("mailer", tests, NULL, NULL);
}
