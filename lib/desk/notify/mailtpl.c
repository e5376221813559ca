/* mailtpl: see mailtpl.h. Three parts: the events and their placeholders,
 * the per-worker cache with the substitution that outbox_render uses, and
 * the table's rows for the admin page. */
#include "desk/notify/mailtpl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/textfill.h"

#define NO_DUE {NULL, NULL}

const mailtpl_event_t mailtpl_events[] = {
    {"ticket_created", "Created", true, {"Due.first_response", NULL}, false, false, false},
    {"ticket_reply", "Reply", true, NO_DUE, true, false, false},
    {"solution_to_confirm", "Solution", true, {"Due.confirm", NULL}, true, false, false},
    {"ticket_resolved", "Resolved", true, NO_DUE, true, false, false},
    {"ticket_merged", "Merged", true, NO_DUE, true, false, false},
    {"acceptance_request", "Acceptance", true, {"Due.acceptance", NULL}, true, false, false},
    {"survey_invitation", "Survey", true, NO_DUE, false, true, false},
    {"new_assignment", "Assignment", false, {"Due.accept", NULL}, false, false, false},
    {"acceptance_reminder", "AcceptReminder", false, {"Due.at", NULL}, false, false, true},
    {"sla_warning", "Warning", false, {"Due.at", NULL}, false, false, true},
    {"sla_breach", "Breach", false, {"Due.at", NULL}, false, false, true},
    {"progress_update", "Progress", false, {"Due.next_update", "Due.at"}, true, false, true},
    {"escalation_request", "EscalationRequest", false, {"Due.answer", NULL}, false, false, false},
    {"escalation_due", "Escalation", false, {"Due.answer", "Due.at"}, true, false, true},
};
const int mailtpl_nevents = (int)(sizeof mailtpl_events / sizeof *mailtpl_events);

const mailtpl_event_t *mailtpl_event(const char *kind)
{
    for (int i = 0; kind && i < mailtpl_nevents; i++)
        if (strcmp(mailtpl_events[i].kind, kind) == 0)
            return &mailtpl_events[i];
    return NULL;
}

int mailtpl_names(const mailtpl_event_t *e, const char **names)
{
    static const char *const common[] = {"number",   "subject", "customer", "agent", "recipient",
                                         "category", "priority", "link",    "site"};
    int n = 0;
    for (size_t i = 0; i < sizeof common / sizeof *common; i++)
        names[n++] = common[i];
    if (e->due[0])
        names[n++] = "due";
    if (e->body)
        names[n++] = "body";
    if (e->survey)
        names[n++] = "survey_link";
    if (e->clock)
        names[n++] = "clock";
    names[n] = NULL;
    return n;
}

/* ---- the cache ------------------------------------------------------------ */

static const char sql_active[] =
    "SELECT kind, language, subject, body FROM mail_templates WHERE active = 1 ORDER BY id";

void mailtpl_free(mailtpls_t *t)
{
    for (int i = 0; i < t->n; i++) {
        free(t->items[i].subject);
        free(t->items[i].body);
    }
    free(t->items);
    t->items = NULL;
    t->n = 0;
}

int mailtpl_load(mailtpls_t *t, db_t *db)
{
    mailtpls_t fresh = {NULL, 0};
    MYSQL_STMT *st = db_query(db, sql_active, "");
    if (!st)
        return -1;
    char kind[41], language[3];
    char *subject = NULL, *body = NULL;
    int rc;
    while ((rc = db_fetch(st, "ssSS", kind, sizeof kind, language, sizeof language, &subject,
                          &body)) == 1) {
        const mailtpl_event_t *e = mailtpl_event(kind);
        mailtpl_t *grown = e ? realloc(fresh.items, (size_t)(fresh.n + 1) * sizeof *grown) : NULL;
        if (grown) {
            fresh.items = grown;
            grown[fresh.n++] = (mailtpl_t){e, lang_parse(language), subject, body};
        } else {
            free(subject);
            free(body);
            if (e) { /* out of memory, not an unknown kind */
                rc = -1;
                break;
            }
        }
        subject = body = NULL;
    }
    db_done(st);
    if (rc != 0) {
        mailtpl_free(&fresh);
        return -1;
    }
    mailtpl_free(t);
    *t = fresh;
    return 0;
}

const mailtpl_t *mailtpl_find(const mailtpls_t *t, const char *kind, lang_t lang)
{
    for (int i = 0; t && i < t->n; i++)
        if (t->items[i].lang == lang && strcmp(t->items[i].event->kind, kind) == 0)
            return &t->items[i];
    return NULL;
}

/* ---- substitution --------------------------------------------------------- */

static const char *global(const texts_t *v, lang_t lang, const char *key)
{
    return v && v->global[lang] ? hdf_get_value(v->global[lang], key, NULL) : NULL;
}

static const char *value(HDF *data, const char *key)
{
    const char *s = hdf_get_value(data, key, NULL);
    return s && *s ? s : NULL;
}

/* The placeholders' values for one notification (names as mailtpl_names). */
static int collect(const texts_t *v, lang_t lang, const mailtpl_event_t *e, HDF *data,
                   textfill_var_t *vars)
{
    char key[160];
    int n = 0;
    const char *customer = value(data, "Customer.name");
    if (!customer && e->to_customer)
        customer = value(data, "Recipient.name");
    const char *category = value(data, "Ticket.category");
    if (!category) {
        snprintf(key, sizeof key, "Catalog.CategoryName.%s",
                 hdf_get_value(data, "Ticket.category_id", "0"));
        category = global(v, lang, key);
    }
    const char *prio = value(data, "Ticket.priority"), *prio_name = NULL;
    if (prio) {
        snprintf(key, sizeof key, "Catalog.Priorities.%s.name", prio);
        prio_name = global(v, lang, key);
    }
    vars[n++] = (textfill_var_t){"number", value(data, "Ticket.number")};
    vars[n++] = (textfill_var_t){"subject", value(data, "Ticket.subject")};
    vars[n++] = (textfill_var_t){"customer", customer};
    const char *agent = value(data, "Agent.name");
    vars[n++] = (textfill_var_t){"agent", agent ? agent : value(data, "Owner.name")};
    vars[n++] = (textfill_var_t){"recipient", value(data, "Recipient.name")};
    vars[n++] = (textfill_var_t){"category", category};
    vars[n++] = (textfill_var_t){"priority", prio_name ? prio_name : prio};
    vars[n++] = (textfill_var_t){"link", value(data, "Ticket.link")};
    vars[n++] = (textfill_var_t){"site", global(v, lang, "Site.Name")};
    if (e->due[0]) {
        const char *due = value(data, e->due[0]);
        if (!due && e->due[1])
            due = value(data, e->due[1]);
        vars[n++] = (textfill_var_t){"due", due};
    }
    if (e->body)
        vars[n++] = (textfill_var_t){"body", value(data, "Body")};
    if (e->survey) {
        const char *s = value(data, "Survey.link");
        vars[n++] = (textfill_var_t){"survey_link", s ? s : value(data, "Ticket.link")};
    }
    if (e->clock) {
        const char *k = value(data, "Clock.kind"), *name = NULL;
        if (k) {
            snprintf(key, sizeof key, "L.Mail.Clock.%s", k);
            name = global(v, lang, key);
        }
        vars[n++] = (textfill_var_t){"clock", name ? name : k};
    }
    return n;
}

int mailtpl_fill(const texts_t *v, lang_t lang, const mailtpl_event_t *e, const char *subject_tmpl,
                 const char *body_tmpl, HDF *data, char **subject, char **body)
{
    textfill_var_t vars[MAILTPL_MAX_NAMES];
    size_t n = (size_t)collect(v, lang, e, data, vars);
    *subject = textfill_render(subject_tmpl, vars, n);
    *body = textfill_render(body_tmpl, vars, n);
    if (!*subject || !*body) {
        free(*subject);
        free(*body);
        *subject = *body = NULL;
        return -1;
    }
    for (char *p = *subject; *p; p++) /* a value with a line break stays on the line */
        if (*p == '\r' || *p == '\n' || *p == '\t')
            *p = ' ';
    return 0;
}

/* ---- previews and starting texts ---------------------------------------------- */

void mailtpl_sample(HDF *h, const mailtpl_event_t *e, lang_t lang, time_t now,
                    const char *base_url)
{
    bool en = lang == LANG_EN;
    struct tm tm;
    localtime_r(&now, &tm);
    hdf_set_value(h, "Channel", "email");
    hdf_set_valuef(h, "Ticket.number=%04d%02d%02d-0042", tm.tm_year + 1900, tm.tm_mon + 1,
                   tm.tm_mday);
    hdf_set_value(h, "Ticket.subject", en ? "Printer jams on page 2" : "打印机打印第二页时卡纸");
    hdf_set_value(h, "Ticket.category", en ? "System fault" : "系统故障");
    hdf_set_value(h, "Ticket.priority", "important");
    hdf_set_value(h, "Customer.name", en ? "Zhang San" : "张三");
    hdf_set_value(h, "Agent.name", en ? "Li Ming" : "李明");
    hdf_set_value(h, "Recipient.name", e->to_customer ? (en ? "Zhang San" : "张三")
                                                      : (en ? "Li Ming" : "李明"));
    if (e->to_customer)
        hdf_set_valuef(h, "Ticket.link=%s/t/SAMPLE-private-link", base_url ? base_url : "");
    else
        hdf_set_valuef(h, "Ticket.link=%s/agent/t/%s", base_url ? base_url : "",
                       hdf_get_value(h, "Ticket.number", ""));
    if (e->survey)
        hdf_set_valuef(h, "Survey.link=%s/t/SAMPLE-private-link/survey", base_url ? base_url : "");
    if (e->body)
        hdf_set_value(h, "Body", en ? "Please replace the paper tray and try again."
                                    : "请更换纸盒后重试。");
    if (e->clock)
        hdf_set_value(h, "Clock.kind", "first_response");
    if (e->due[0])
        tpl_set_time(h, e->due[0], now + 2 * 3600);
    tpl_set_time(h, "Due.classify", now + 2 * 3600);
    tpl_set_time(h, "Due.resolution", now + 3 * 86400);
    tpl_set_time(h, "Assigned.at", now - 3600);
    tpl_set_span(h, "Clock.left", 90);
}

int mailtpl_default_text(const texts_t *v, lang_t lang, const mailtpl_event_t *e, char **subject,
                         char **body)
{
    bool en = lang == LANG_EN;
    const char *sep = en ? ": " : "：";
    char key[96];
#define L_(k) (global(v, lang, k) ? global(v, lang, k) : "")
#define SECTION(k) (snprintf(key, sizeof key, "L.Mail.%s.%s", e->section, k), L_(key))
    *subject = *body = NULL;
    if (asprintf(subject, "[%s {number}] %s%s{subject}", L_("L.Mail.Ticket"), SECTION("Subject"),
                 sep) < 0) {
        *subject = NULL;
        return -1;
    }
    size_t len;
    FILE *f = open_memstream(body, &len);
    if (!f) {
        free(*subject);
        *subject = NULL;
        return -1;
    }
    fprintf(f, "%s%s{recipient}%s\n\n%s\n\n", L_("L.Mail.Dear"), en ? " " : "",
            L_("L.Mail.DearEnd"), SECTION("Intro"));
    if (e->body)
        fputs("{body}\n\n", f);
    fprintf(f, "  %s%s{number}\n  %s%s{subject}\n", L_("L.Mail.Number"), sep,
            L_("L.Mail.Summary"), sep);
    if (!e->to_customer)
        fprintf(f, "  %s%s{customer}\n", L_("L.Mail.Customer"), sep);
    if (e->clock)
        fprintf(f, "  %s%s{clock}\n", L_("L.Mail.Warning.Clock"), sep);
    if (e->due[0])
        fprintf(f, "  %s%s%s {due}\n", L_("L.Mail.Warning.DueAt"), sep, L_("L.Mail.By"));
    if (e->survey)
        fputs("\n{survey_link}\n", f);
    fprintf(f, "\n%s\n{link}\n\n{site}\n%s\n",
            e->to_customer ? L_("L.Mail.FollowLink") : L_("L.Mail.OpenTicket"),
            L_("L.Mail.AutoNote"));
#undef SECTION
#undef L_
    if (fclose(f)) {
        free(*subject);
        free(*body);
        *subject = *body = NULL;
        return -1;
    }
    return 0;
}

/* ---- rows ------------------------------------------------------------------------ */

static const char sql_get[] =
    "SELECT m.id, m.kind, m.language, m.subject, m.body, m.active, m.updated_at,"
    " COALESCE(a.name, '') FROM mail_templates m LEFT JOIN agents a ON a.id = m.updated_by"
    " WHERE m.kind = ? AND m.language = ?";
static const char sql_get_lock[] =
    "SELECT m.id, m.kind, m.language, m.subject, m.body, m.active, m.updated_at, ''"
    " FROM mail_templates m WHERE m.kind = ? AND m.language = ? FOR UPDATE";
static const char sql_all[] =
    "SELECT m.id, m.kind, m.language, m.subject, m.body, m.active, m.updated_at,"
    " COALESCE(a.name, '') FROM mail_templates m LEFT JOIN agents a ON a.id = m.updated_by"
    " ORDER BY m.id";
static const char sql_save[] =
    "INSERT INTO mail_templates (kind, language, subject, body, active, updated_at, updated_by)"
    " VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE subject = VALUES(subject),"
    " body = VALUES(body), active = VALUES(active), updated_at = VALUES(updated_at),"
    " updated_by = VALUES(updated_by)";

#define ROW_FMT "issSSits"
#define ROW_ARGS(r)                                                                           \
    &(r)->id, (r)->kind, sizeof (r)->kind, (r)->language, sizeof (r)->language, &(r)->subject, \
        &(r)->body, &active, &(r)->updated_at, (r)->updated_by, sizeof (r)->updated_by

void mailtpl_row_free(mailtpl_row_t *r)
{
    free(r->subject);
    free(r->body);
    r->subject = r->body = NULL;
}

int mailtpl_get(db_t *db, const char *kind, lang_t lang, bool lock, mailtpl_row_t *r)
{
    long long active = 0;
    memset(r, 0, sizeof *r);
    int rc = db_row(db, lock ? sql_get_lock : sql_get, "ss", ROW_FMT, kind, lang_code(lang),
                    ROW_ARGS(r));
    r->active = active != 0;
    if (rc != 1)
        mailtpl_row_free(r);
    return db_found(rc);
}

int mailtpl_each(db_t *db, void (*fn)(const mailtpl_row_t *r, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(db, sql_all, "");
    if (!st)
        return OUTCOME_UNAVAILABLE;
    int n = 0, rc;
    mailtpl_row_t row, *r = &row;
    long long active = 0;
    memset(r, 0, sizeof *r);
    while ((rc = db_fetch(st, ROW_FMT, ROW_ARGS(r))) == 1) {
        r->active = active != 0;
        fn(r, ctx);
        mailtpl_row_free(r);
        n++;
    }
    mailtpl_row_free(r);
    db_done(st);
    return rc < 0 ? rc : n;
}

int mailtpl_save(db_t *db, const char *kind, lang_t lang, const char *subject, const char *body,
                 bool active, long long agent_id, time_t now)
{
    int rc = db_exec(db, sql_save, "ssssitj", kind, lang_code(lang), subject, body,
                     (long long)active, now, agent_id);
    return rc < 0 ? rc : OUTCOME_OK;
}
