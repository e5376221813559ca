/* monthly: see monthly.h. A pass lists the recipients, then for each one
 * not yet served this month makes the report in their scope and language
 * (outside any transaction: a workbook takes a while), and queues it in a
 * short transaction with the row that says it is done. */
#include "desk/stats/monthly.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "desk/notify/mailer.h"
#include "desk/notify/outbox.h"
#include "desk/people/auth.h"
#include "desk/people/people.h"
#include "desk/settings.h"
#include "desk/stats/quality.h"
#include "desk/stats/tables.h"
#include "desk/stats/workbook.h"

#define MAX_RECIPIENTS 500

static const char sql_done[] =
    "SELECT 1 FROM stats_monthly_mail WHERE month = ? AND agent_id = ?";
static const char sql_claim[] =
    "INSERT INTO stats_monthly_mail (month, agent_id, queued_at) VALUES (?, ?, ?)";

static const char xlsx_type[] =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

bool stats_monthly_due(desk_t *d, time_t now, stats_period_t *out)
{
    long hour = settings_get_int(&d->settings, &d->cfg, CFG_STATS_MONTHLY_HOUR);
    struct tm tm;
    localtime_r(&now, &tm);
    int y = tm.tm_year + 1900, m = tm.tm_mon; /* the month before, 1-based */
    if (m == 0)
        y--, m = 12;
    char first[32];
    snprintf(first, sizeof first, "%04d-%02d-01", y, m);
    stats_period_make(SK_MONTH, first, NULL, now, out);
    return tm.tm_mday > 1 || tm.tm_hour >= hour;
}

/* ---- who gets it ------------------------------------------------------------ */

typedef struct recipients {
    const char *roles; /* Stats.MonthlyRoles */
    long long ids[MAX_RECIPIENTS];
    int n;
} recipients_t;

static bool listed(const char *list, const char *word)
{
    size_t len = strlen(word);
    for (const char *p = list; p && *p;) {
        p += strspn(p, " ,");
        size_t n = strcspn(p, " ,");
        if (n == len && !strncmp(p, word, n))
            return true;
        p += n;
    }
    return false;
}

static void add_id(recipients_t *r, long long id)
{
    for (int i = 0; i < r->n; i++)
        if (r->ids[i] == id)
            return;
    if (r->n < MAX_RECIPIENTS)
        r->ids[r->n++] = id;
}

static void add_of_role(long long id, const char *name, const char *role, void *ctx)
{
    (void)name;
    recipients_t *r = ctx;
    if (listed(r->roles, role))
        add_id(r, id);
}

static int recipients(desk_t *d, recipients_t *r)
{
    r->n = 0;
    r->roles = settings_get_str(&d->settings, &d->cfg, CFG_STATS_MONTHLY_ROLES);
    if (people_each_active(d, add_of_role, r) < 0)
        return OUTCOME_UNAVAILABLE;
    const char *people = settings_get_str(&d->settings, &d->cfg, CFG_STATS_MONTHLY_PEOPLE);
    for (const char *p = people ? people : ""; *p;) {
        char *end;
        long long id = strtoll(p, &end, 10);
        if (end == p) {
            p++;
            continue;
        }
        if (id > 0)
            add_id(r, id);
        p = end;
    }
    return OUTCOME_OK;
}

/* The person as the statistics' scope sees them. */
static void as_agent(const person_t *p, agent_t *a)
{
    memset(a, 0, sizeof *a);
    a->id = p->id;
    snprintf(a->name, sizeof a->name, "%s", p->name);
    snprintf(a->language, sizeof a->language, "%s", p->language);
    a->role = !strcmp(p->role, "admin")        ? ROLE_ADMIN
              : !strcmp(p->role, "director")   ? ROLE_DIRECTOR
              : !strcmp(p->role, "supervisor") ? ROLE_SUPERVISOR
                                               : ROLE_AGENT;
    for (const char *t = p->teams; *t && a->nteams < AUTH_MAX_TEAMS;) {
        char *end;
        long long id = strtoll(t, &end, 10);
        if (end == t)
            break;
        a->teams[a->nteams++] = id;
        t = *end == ',' ? end + 1 : end;
    }
}

/* ---- the report ------------------------------------------------------------- */

typedef struct mail_report {
    char *xlsx;
    size_t len;
    HDF *data;
} mail_report_t;

/* The workbook of rep as bytes (libxlsxwriter writes a file). */
static int workbook_bytes(const stats_report_t *rep, mail_report_t *out)
{
    const char *dir = getenv("TMPDIR");
    dir = dir && *dir ? dir : "/tmp";
    char path[512];
    snprintf(path, sizeof path, "%s/desk-monthly-XXXXXX", dir);
    int fd = mkstemp(path);
    if (fd < 0)
        return OUTCOME_UNAVAILABLE;
    close(fd);
    int rc = stats_workbook_write(rep, path, dir) ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
    FILE *f = rc == OUTCOME_OK ? fopen(path, "rb") : NULL;
    unlink(path);
    struct stat st;
    if (!f || fstat(fileno(f), &st) || st.st_size <= 0 || st.st_size > MAIL_ATTACHMENT_BYTES_MAX ||
        !(out->xlsx = malloc((size_t)st.st_size)) ||
        fread(out->xlsx, 1, (size_t)st.st_size, f) != (size_t)st.st_size)
        rc = OUTCOME_UNAVAILABLE;
    else
        out->len = (size_t)st.st_size;
    if (f)
        fclose(f);
    return rc;
}

/* A rate in tenths of a percent as "97.5%", "—" when nothing to rate. */
static void rate_text(long long part, long long whole, char *out, size_t cap)
{
    if (whole <= 0) {
        snprintf(out, cap, "—");
        return;
    }
    long long tenths = (part * 1000 + whole / 2) / whole;
    snprintf(out, cap, "%lld.%lld%%", tenths / 10, tenths % 10);
}

/* The mean of the three scores over the answered surveys, as "4.3". */
static void score_text(const stats_quality_t *q, char *out, size_t cap)
{
    long long sum = 0, n = q->answered * SQ_SCORES;
    for (int k = 0; k < SQ_SCORES; k++)
        sum += q->score_sum[k];
    if (n <= 0) {
        snprintf(out, cap, "—");
        return;
    }
    long long tenths = (sum * 10 + n / 2) / n;
    snprintf(out, cap, "%lld.%lld", tenths / 10, tenths % 10);
}

/* The headline figures of one period (cur or prev) into Report.<per>.*. */
static void headline(HDF *h, const char *per, const stats_summary_t *s, const stats_quality_t *q)
{
    char text[32];
    hdf_set_valuef(h, "Report.%s.created=%lld", per, s->created);
    hdf_set_valuef(h, "Report.%s.closed=%lld", per, s->closed);
    hdf_set_valuef(h, "Report.%s.backlog=%lld", per, s->backlog_end);
    rate_text(s->sla_first_response.met,
              s->sla_first_response.met + s->sla_first_response.breached, text, sizeof text);
    hdf_set_valuef(h, "Report.%s.sla_first_response=%s", per, text);
    rate_text(s->sla_resolution.met, s->sla_resolution.met + s->sla_resolution.breached, text,
              sizeof text);
    hdf_set_valuef(h, "Report.%s.sla_resolution=%s", per, text);
    score_text(q, text, sizeof text);
    hdf_set_valuef(h, "Report.%s.score=%s", per, text);
    hdf_set_valuef(h, "Report.%s.answered=%lld", per, q->answered);
}

/* The report of month for a, in lang: the workbook and the mail's data. */
static int make_report(desk_t *d, const agent_t *a, lang_t lang, const stats_period_t *month,
                       time_t now, mail_report_t *out)
{
    stats_filter_t f = {0};
    int rc = stats_scope(a, &f);
    if (rc != OUTCOME_OK)
        return rc; /* an agent of no team: nothing they may see */
    stats_figures_t *fig = calloc(1, sizeof *fig);
    stats_quality_t q[2] = {{0}};
    stats_report_t rep;
    long days = stats_repeat_days(d);
    if (!fig || stats_figures_load(d, &f, month, now, stats_sees_agents(a), fig) ||
        stats_quality(d, &f, &fig->per[STATS_CUR], now, days, &q[0]) ||
        stats_quality(d, &f, &fig->per[STATS_PREV], now, days, &q[1])) {
        free(fig);
        return OUTCOME_UNAVAILABLE;
    }
    if (stats_report_build(d, fig, lang, &rep)) {
        free(fig);
        return OUTCOME_UNAVAILABLE;
    }
    rc = workbook_bytes(&rep, out);
    stats_report_free(&rep);
    if (rc == OUTCOME_OK && hdf_init(&out->data) != STATUS_OK)
        rc = OUTCOME_UNAVAILABLE;
    if (rc == OUTCOME_OK) {
        HDF *h = out->data;
        char first[11], last[11], prev_first[11], prev_last[11];
        stats_period_days(month, first, last);
        stats_period_days(&fig->per[STATS_PREV], prev_first, prev_last);
        hdf_set_value(h, "Recipient.name", a->name);
        hdf_set_valuef(h, "Report.month=%.7s", first);
        hdf_set_valuef(h, "Report.prev_month=%.7s", prev_first);
        hdf_set_valuef(h, "Report.first=%s", first);
        hdf_set_valuef(h, "Report.last=%s", last);
        hdf_set_int_value(h, "Report.all_teams", f.team_id == 0);
        char team[32] = "";
        if (f.team_id)
            snprintf(team, sizeof team, "&team=%lld", f.team_id);
        hdf_set_valuef(h, "Report.link=%s/agent/stats?kind=month&at=%s%s", d->base_url, first,
                       team);
        headline(h, "cur", &fig->sum[STATS_CUR], &q[0]);
        headline(h, "prev", &fig->sum[STATS_PREV], &q[1]);
    }
    free(fig);
    return rc;
}

/* ---- queueing ---------------------------------------------------------------- */

/* Queues the report for p with the row that says so: 1 queued, 0 someone
 * else did, or <0. */
static int queue(desk_t *d, const person_t *p, const stats_period_t *month, time_t now,
                 const mail_report_t *rep)
{
    char day[11], name[64], key[80];
    snprintf(day, sizeof day, "%04d-%02d-%02d", month->y, month->m, month->d);
    snprintf(name, sizeof name, "report-%04d-%02d.xlsx", month->y, month->m);
    snprintf(key, sizeof key, "stats_monthly:month=%.7s:p=%lld", day, p->id);
    mail_attachment_t file = {name, xlsx_type, rep->xlsx, rep->len};
    outbox_msg_t msg = {.channel = OUTBOX_EMAIL,
                        .recipient = p->email,
                        .lang = lang_parse(p->language),
                        .kind = "stats_monthly",
                        .data = rep->data,
                        .dedupe_key = key,
                        .attachments = &file,
                        .nattachments = 1};
    int rc = db_begin(&d->db);
    if (rc == OUTCOME_OK)
        rc = db_exec(&d->db, sql_claim, "sit", day, p->id, now);
    if (rc >= 0)
        rc = outbox_add(d, &msg);
    if (rc == OUTCOME_OK)
        return db_commit(&d->db) == OUTCOME_OK ? 1 : OUTCOME_UNAVAILABLE;
    db_rollback(&d->db);
    return rc == OUTCOME_DUPLICATE ? 0 : rc;
}

/* One recipient: 1 queued, 0 nothing to do, or <0. */
static int serve(desk_t *d, long long id, const stats_period_t *month, time_t now)
{
    char day[11];
    snprintf(day, sizeof day, "%04d-%02d-%02d", month->y, month->m, month->d);
    long long one;
    int rc = db_row(&d->db, sql_done, "si", "i", day, id, &one);
    if (rc != 0)
        return rc < 0 ? rc : 0;
    person_t p;
    rc = people_get(d, id, false, &p);
    if (rc != OUTCOME_OK)
        return rc == OUTCOME_NOT_FOUND ? 0 : rc;
    if (!p.active || !mail_address_valid(p.email))
        return 0;
    agent_t a;
    as_agent(&p, &a);
    mail_report_t rep = {0};
    rc = make_report(d, &a, lang_parse(p.language), month, now, &rep);
    if (rc == OUTCOME_OK)
        rc = queue(d, &p, month, now, &rep);
    else if (rc == OUTCOME_FORBIDDEN)
        rc = 0;
    free(rep.xlsx);
    if (rep.data)
        hdf_destroy(&rep.data);
    return rc;
}

int stats_monthly_pass(desk_t *d, int max, int *queued)
{
    *queued = 0;
    if (!settings_get_bool(&d->settings, &d->cfg, CFG_STATS_MONTHLY_MAIL))
        return OUTCOME_OK;
    time_t now = desk_now(d);
    stats_period_t month;
    if (!stats_monthly_due(d, now, &month))
        return OUTCOME_OK;
    recipients_t *r = malloc(sizeof *r);
    int rc = r ? recipients(d, r) : OUTCOME_UNAVAILABLE, failed = OUTCOME_OK;
    /* one recipient's failure does not hold back the others */
    for (int i = 0; rc >= 0 && i < r->n && *queued < max; i++) {
        int one = serve(d, r->ids[i], &month, now);
        if (one > 0)
            (*queued)++;
        else if (one < 0) {
            log_error("monthly report for person %lld not queued (%d); next pass", r->ids[i], one);
            failed = one;
        }
    }
    free(r);
    return rc < 0 ? rc : failed;
}
