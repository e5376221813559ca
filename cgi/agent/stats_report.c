/* agent_stats_report: snapshots of the statistics and the after-sales
 * analysis report (《售后问题分析报告》) printed from one
 * (lib/desk/stats/snapshot.h).
 *
 *   POST /agent/stats/reports              keeps the statistics page's period
 *                                          and filters as a new snapshot
 *   GET  /agent/stats/reports              the snapshots, newest first
 *                                          (keyset pages: ?before=ID)
 *   GET  /agent/stats/reports/ID           the report: the frozen tables and
 *                                          their charts, the conclusions; A4
 *                                          when printed
 *   POST /agent/stats/reports/ID           keeps the conclusions and status
 *   POST /agent/stats/reports/ID/recount   a new snapshot of the same period
 *                                          and filters from the live figures
 *   GET  /agent/stats/reports/ID/workbook  its tables as an .xlsx workbook
 *
 * Every POST is CSRF-checked. The page never counts anything: it draws
 * what the snapshot holds, with the charts of the statistics page
 * (templates/agent/stats_charts.cs). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agent/stats.h"
#include "core/log.h"
#include "core/tpl.h"
#include "desk/customer/orgtags.h"
#include "desk/customer/tags.h"
#include "desk/people/people.h"
#include "desk/stats/snapshot.h"
#include "desk/stats/workbook.h"
#include "web/form.h"
#include "web/status.h"

/* ---- the filters' names, kept with the snapshot ------------------------------ */

typedef struct find_name {
    long long id;
    lang_t lang;
    char name[801];
} find_name_t;

static void match_product(long long id, const char *name, void *ctx)
{
    find_name_t *f = ctx;
    if (id == f->id)
        snprintf(f->name, sizeof f->name, "%s", name);
}

static void match_tag(const tag_t *t, void *ctx)
{
    find_name_t *f = ctx;
    if (t->id == f->id)
        snprintf(f->name, sizeof f->name, "%s", t->name[f->lang]);
}

static void match_person(long long id, const char *name, const char *role, void *ctx)
{
    (void)role;
    match_product(id, name, ctx);
}

/* The name of a filter's value in lang ("#id" when it has none now). */
static void filter_name(web_t *w, const char *field, long long id, lang_t lang, char *out,
                        size_t cap)
{
    const catalog_t *c = &w->d->catalog;
    find_name_t f = {.id = id, .lang = lang};
    if (!strcmp(field, "team")) {
        const team_t *x = catalog_team_by_id(c, id);
        snprintf(f.name, sizeof f.name, "%s", x ? x->name[lang] : "");
    } else if (!strcmp(field, "category")) {
        const category_t *x = catalog_category_by_id(c, id);
        snprintf(f.name, sizeof f.name, "%s", x ? x->name[lang] : "");
    } else if (!strcmp(field, "priority")) {
        const priority_t *x = catalog_priority_by_id(c, id);
        snprintf(f.name, sizeof f.name, "%s", x ? x->name[lang] : "");
    } else if (!strcmp(field, "channel")) {
        const channel_t *x = catalog_channel_by_id(c, id);
        snprintf(f.name, sizeof f.name, "%s", x ? x->name[lang] : "");
    } else if (!strcmp(field, "product")) {
        stats_products_each(w->d, 500, match_product, &f);
    } else if (!strcmp(field, "organisation")) {
        org_t o;
        if (orgtags_get(w->d, id, &o) == OUTCOME_OK)
            snprintf(f.name, sizeof f.name, "%s", o.name);
    } else if (!strcmp(field, "tag")) {
        tags_each(w->d, false, match_tag, &f);
    } else {
        people_each_active(w->d, match_person, &f);
    }
    if (!*f.name)
        snprintf(f.name, sizeof f.name, "#%lld", id);
    snprintf(out, cap, "%s", f.name);
}

#define NFILTERS 8
static const char *const filter_fields[NFILTERS] = {"team",    "category",     "priority",
                                                    "channel", "product",      "organisation",
                                                    "tag",     "agent"};

static long long filter_id(const stats_filter_t *f, int i)
{
    const long long v[NFILTERS] = {f->team_id,    f->category_id,     f->priority_id,
                                   f->channel_id, f->product_id,      f->organisation_id,
                                   f->tag_id,     f->agent_id};
    return v[i];
}

/* Per language, {"team": name, ...} of the filters that narrow. */
static void filter_names(web_t *w, const stats_filter_t *f, json_t *out[LANG_COUNT])
{
    for (int l = 0; l < LANG_COUNT; l++) {
        out[l] = json_object();
        for (int i = 0; out[l] && i < NFILTERS; i++) {
            char name[801];
            if (!filter_id(f, i))
                continue;
            filter_name(w, filter_fields[i], filter_id(f, i), (lang_t)l, name, sizeof name);
            json_object_set_new(out[l], filter_fields[i], json_string(name));
        }
    }
}

/* Makes a snapshot in a transaction and sends the browser to it. */
static void make(web_t *w, const stats_filter_t *f, const stats_period_t *cur,
                 long long recount_of)
{
    json_t *names[LANG_COUNT];
    filter_names(w, f, names);
    long long id = 0;
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = stats_snapshot_make(w->d, ME(w), f, cur, names, recount_of, &id);
    if (rc == OUTCOME_OK)
        rc = db_commit(&w->d->db);
    else
        db_rollback(&w->d->db);
    for (int l = 0; l < LANG_COUNT; l++)
        json_decref(names[l]);
    if (rc != OUTCOME_OK) {
        log_error("statistics snapshot not made: %d", rc);
        return agent_fail(w, rc);
    }
    char where[96];
    snprintf(where, sizeof where, "/agent/stats/reports/%lld?done=%s", id,
             recount_of ? "recounted" : "made");
    req_redirect(w->r, where);
}

void agent_do_stats_snapshot(web_t *w, const char *arg)
{
    (void)arg;
    stats_view_t v;
    if (!agent_csrf_ok(w))
        return agent_error_page(w, 403, "expired");
    int rc = agent_stats_read_view(w, &v);
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    make(w, &v.filter, &v.per[CUR], 0);
}

/* ---- one snapshot ------------------------------------------------------------ */

/* The snapshot of the path, if the viewer may open it; false after
 * answering with an error. */
static bool open_snapshot(web_t *w, const char *arg, stats_snapshot_t *s)
{
    char seg[24];
    long long id = web_segment(arg, seg, sizeof seg) ? web_id(seg) : 0;
    int rc = id ? stats_snapshot_get(w->d, id, s) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK && !stats_snapshot_may_see(ME(w), s)) {
        stats_snapshot_free(s);
        rc = OUTCOME_FORBIDDEN;
    }
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc), false;
    return true;
}

static long long cell_int(json_t *row, const char *col)
{
    return json_integer_value(json_object_get(row, col));
}

/* One frozen table as Report.T.<code>: Title, Cols.K (code, label, kind)
 * and Rows.R (key, and per column: v, or h and m for a duration, or none). */
static void set_table(HDF *h, json_t *t)
{
    const char *code = json_string_value(json_object_get(t, "code"));
    json_t *cols = json_object_get(t, "columns"), *rows = json_object_get(t, "rows"), *c, *r;
    size_t i, k;
    char key[160];
    hdf_set_valuef(h, "Report.T.%s.title=%s", code,
                   json_string_value(json_object_get(t, "title")));
    json_array_foreach(cols, k, c) {
        hdf_set_valuef(h, "Report.T.%s.Cols.%zu.code=%s", code, k,
                       json_string_value(json_object_get(c, "code")));
        hdf_set_valuef(h, "Report.T.%s.Cols.%zu.label=%s", code, k,
                       json_string_value(json_object_get(c, "label")));
        hdf_set_valuef(h, "Report.T.%s.Cols.%zu.kind=%s", code, k,
                       json_string_value(json_object_get(c, "kind")));
    }
    json_array_foreach(rows, i, r) {
        hdf_set_valuef(h, "Report.T.%s.Rows.%zu.key=%s", code, i,
                       json_string_value(json_object_get(r, "key")));
        json_array_foreach(cols, k, c) {
            const char *col = json_string_value(json_object_get(c, "code"));
            const char *kind = json_string_value(json_object_get(c, "kind"));
            json_t *v = json_object_get(r, col);
            snprintf(key, sizeof key, "Report.T.%s.Rows.%zu.C.%zu", code, i, k);
            if (!v || json_is_null(v))
                continue;
            if (!strcmp(kind, "seconds"))
                agent_stats_set_seconds(h, key, json_integer_value(v));
            else if (json_is_real(v))
                hdf_set_valuef(h, "%s.v=%.1f", key, json_real_value(v));
            else if (json_is_integer(v))
                hdf_set_valuef(h, "%s.v=%lld", key, (long long)json_integer_value(v));
            else
                hdf_set_valuef(h, "%s.v=%s", key, json_string_value(v));
            hdf_set_valuef(h, "%s.set=1", key);
        }
    }
}

/* The daily bars from the table daily, over the snapshot's period. */
static void chart_daily(HDF *h, const stats_snapshot_t *s, json_t *t)
{
    stats_period_t p;
    if (stats_period_make(s->kind, s->first, s->kind == SK_RANGE ? s->last : NULL, 0, &p))
        return;
    long long *created = calloc((size_t)p.days + 1, sizeof *created);
    long long *closed = calloc((size_t)p.days + 1, sizeof *closed);
    json_t *r;
    size_t i;
    if (created && closed) {
        json_array_foreach(json_object_get(t, "rows"), i, r) {
            if ((int)i >= p.days)
                break;
            created[i] = cell_int(r, "created");
            closed[i] = cell_int(r, "closed");
        }
        agent_stats_set_daily(h, &p, created, closed);
    }
    free(created);
    free(closed);
}

/* The stacked bars of the SLA clocks, of the table sla (rows CLOCK.PERIOD). */
static void chart_sla(HDF *h, json_t *t)
{
    json_t *r;
    size_t i;
    int clocks = 0;
    json_array_foreach(json_object_get(t, "rows"), i, r) {
        stats_sla_t x = {cell_int(r, "met"), cell_int(r, "breached"), cell_int(r, "running")};
        char key[128];
        snprintf(key, sizeof key, "Sla.%s", json_string_value(json_object_get(r, "key")));
        agent_stats_set_sla(h, key, &x);
        clocks += strstr(key, ".cur") != NULL;
    }
    hdf_set_valuef(h, "SlaChart.h=%d", clocks * 36 + 4);
}

/* Where time goes, of the table status (rows by status code). */
static void chart_status(web_t *w, json_t *t)
{
    stats_status_time_t st;
    memset(&st, 0, sizeof st);
    json_t *r;
    size_t i;
    json_array_foreach(json_object_get(t, "rows"), i, r) {
        const char *code = json_string_value(json_object_get(r, "key"));
        for (int k = 0; code && k < STATS_STATUSES; k++)
            if (!strcmp(code, stats_status_codes[k])) {
                st.tickets[k] = cell_int(r, "tickets");
                st.seconds[k] = cell_int(r, "total");
            }
    }
    agent_stats_set_status(w, &st);
}

/* The bars of a table by a dimension (category, ..., agent), as By.<code>. */
static void chart_by(HDF *h, const char *code, json_t *t)
{
    json_t *rows = json_object_get(t, "rows"), *r;
    size_t i, n = json_array_size(rows);
    long long max = 1;
    json_array_foreach(rows, i, r) if (cell_int(r, "created") > max) max = cell_int(r, "created");
    hdf_set_valuef(h, "By.%s.n=%zu", code, n);
    hdf_set_valuef(h, "By.%s.h=%zu", code, n * 26 + 4);
    json_array_foreach(rows, i, r) {
        char row[64];
        snprintf(row, sizeof row, "By.%s.Rows.%zu", code, i);
        hdf_set_valuef(h, "%s.id=%s", row, json_string_value(json_object_get(r, "key")));
        hdf_set_valuef(h, "%s.name=%s", row, json_string_value(json_object_get(r, "name")));
        hdf_set_valuef(h, "%s.created=%lld", row, cell_int(r, "created"));
        hdf_set_valuef(h, "%s.closed=%lld", row, cell_int(r, "closed"));
        agent_stats_bar(h, row, (int)i, cell_int(r, "created"), max);
    }
}

static bool is_by(const char *code)
{
    return !strcmp(code, "category") || !strcmp(code, "priority") || !strcmp(code, "channel") ||
           !strcmp(code, "team") || !strcmp(code, "agent");
}

static void set_periods(HDF *h, json_t *rep)
{
    const char *keys[] = {"cur", "prev", "year"};
    for (int i = 0; i < 3; i++) {
        json_t *p = json_object_get(json_object_get(rep, "periods"), keys[i]);
        hdf_set_valuef(h, "Per.%s.first=%s", keys[i], json_string_value(json_object_get(p, "first")));
        hdf_set_valuef(h, "Per.%s.last=%s", keys[i], json_string_value(json_object_get(p, "last")));
    }
}

/* The report of snapshot s in the reader's language into the page's data. */
static void set_report(web_t *w, const stats_snapshot_t *s)
{
    HDF *h = w->r->hdf;
    json_t *rep = json_object_get(s->tables, lang_code(w->lang)), *t, *n;
    size_t i;
    const char *field;
    hdf_set_valuef(h, "Report.id=%lld", s->id);
    hdf_set_value(h, "Report.maker", s->maker);
    tpl_set_time(h, "Report.made_at", s->made_at);
    hdf_set_value(h, "Report.kind", stats_kind_code(s->kind));
    hdf_set_value(h, "Report.status", s->final ? "final" : "draft");
    hdf_set_value(h, "Report.conclusions", s->conclusions ? s->conclusions : "");
    if (s->concluded_by) {
        hdf_set_value(h, "Report.concluder", s->concluder);
        tpl_set_time(h, "Report.concluded_at", s->concluded_at);
    }
    if (s->recount_of)
        hdf_set_valuef(h, "Report.recount_of=%lld", s->recount_of);
    if (s->recounted_as)
        hdf_set_valuef(h, "Report.recounted_as=%lld", s->recounted_as);
    hdf_set_valuef(h, "Report.may_conclude=%d", stats_snapshot_may_conclude(ME(w), s));
    /* the statistics page of the same period and filters, live */
    char q[512];
    snprintf(q, sizeof q, "kind=%s&at=%s&until=%s&team=%lld&category=%lld&priority=%lld"
             "&channel=%lld&product=%lld&organisation=%lld&tag=%lld&agent=%lld",
             stats_kind_code(s->kind), s->first, s->kind == SK_RANGE ? s->last : "",
             s->filter.team_id, s->filter.category_id, s->filter.priority_id,
             s->filter.channel_id, s->filter.product_id, s->filter.organisation_id,
             s->filter.tag_id, s->filter.agent_id);
    hdf_set_value(h, "Report.q", q);
    set_periods(h, rep);
    json_object_foreach(json_object_get(rep, "filter_names"), field, n)
        hdf_set_valuef(h, "Report.Filters.%s=%s", field, json_string_value(n));
    bool agents = stats_snapshot_shows_agents(ME(w), s);
    json_array_foreach(json_object_get(rep, "tables"), i, t) {
        const char *code = json_string_value(json_object_get(t, "code"));
        if (!code || (stats_table_per_agent(code) && !agents))
            continue; /* the figures per agent: managers only */
        set_table(h, t);
        if (!strcmp(code, "daily"))
            chart_daily(h, s, t);
        else if (!strcmp(code, "sla"))
            chart_sla(h, t);
        else if (!strcmp(code, "status"))
            chart_status(w, t);
        else if (is_by(code))
            chart_by(h, code, t);
    }
    if (agents)
        hdf_set_value(h, "Report.agents", "1");
}

static void show(web_t *w, const stats_snapshot_t *s, int status)
{
    set_report(w, s);
    hdf_set_int_value(w->r->hdf, "Form.conclusions.max", SNAPSHOT_CONCLUSIONS_MAX);
    agent_set_nav(w);
    w->r->status = status;
    web_render(w, "agent/stats_report.cs");
}

void agent_page_stats_report(web_t *w, const char *arg)
{
    stats_snapshot_t s;
    if (!open_snapshot(w, arg, &s))
        return;
    hdf_set_value(w->r->hdf, "Form.conclusions.value", s.conclusions ? s.conclusions : "");
    hdf_set_value(w->r->hdf, "Form.status.value", s.final ? "final" : "draft");
    const char *done = req_query(w->r, "done");
    if (done && (!strcmp(done, "made") || !strcmp(done, "recounted") || !strcmp(done, "saved")))
        hdf_set_value(w->r->hdf, "Report.done", done);
    show(w, &s, 200);
    stats_snapshot_free(&s);
}

static const char *const status_codes[] = {"draft", "final", NULL};

void agent_do_stats_report(web_t *w, const char *arg)
{
    stats_snapshot_t s;
    if (!open_snapshot(w, arg, &s))
        return;
    HDF *h = w->r->hdf;
    if (!stats_snapshot_may_conclude(ME(w), &s)) {
        stats_snapshot_free(&s);
        return agent_fail(w, OUTCOME_FORBIDDEN);
    }
    const form_field_t fields[] = {
        {.name = "conclusions", .type = FT_LONGTEXT, .max_chars = SNAPSHOT_CONCLUSIONS_MAX},
        {.name = "status", .type = FT_CHOICE, .required = true, .max_chars = 5,
         .choices = status_codes},
    };
    int errors = form_validate(h, h, fields, 2);
    if (!agent_csrf_ok(w))
        form_set_error(h, "_form", "expired"), errors++;
    int rc = OUTCOME_OK;
    if (!errors) {
        const char *text = form_value(h, "conclusions");
        rc = stats_snapshot_conclude(w->d, ME(w), s.id, text ? text : "",
                                     !strcmp(form_value(h, "status"), "final"));
        if (rc != OUTCOME_OK) {
            log_error("snapshot conclusions not kept: %d", rc);
            form_set_error(h, "_form", "save_failed");
        }
    }
    if (errors || rc != OUTCOME_OK) {
        show(w, &s, errors ? 422 : status_of(rc));
        return stats_snapshot_free(&s);
    }
    char where[96];
    snprintf(where, sizeof where, "/agent/stats/reports/%lld?done=saved", s.id);
    stats_snapshot_free(&s);
    req_redirect(w->r, where);
}

void agent_do_stats_recount(web_t *w, const char *arg)
{
    stats_snapshot_t s;
    if (!open_snapshot(w, arg, &s))
        return;
    stats_period_t cur;
    stats_filter_t f = s.filter;
    long long id = s.id;
    int bad = stats_period_make(s.kind, s.first, s.kind == SK_RANGE ? s.last : NULL, 0, &cur);
    stats_snapshot_free(&s);
    if (!agent_csrf_ok(w))
        return agent_error_page(w, 403, "expired");
    if (bad)
        return agent_fail(w, OUTCOME_INVALID);
    /* the viewer's scope again: the snapshot's filters were in the maker's */
    int rc = stats_scope(ME(w), &f);
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    make(w, &f, &cur, id);
}

/* The workbook goes through a file (libxlsxwriter writes files), unlinked
 * once open: the response streams it and closing it frees it. */
void agent_page_stats_report_xlsx(web_t *w, const char *arg)
{
    stats_snapshot_t s;
    if (!open_snapshot(w, arg, &s))
        return;
    stats_figures_t *fig = malloc(sizeof *fig);
    stats_report_t rep;
    int rc = fig ? stats_snapshot_report(w->d, &s, w->lang, stats_snapshot_shows_agents(ME(w), &s),
                                         fig, &rep)
                 : -1;
    bool built = rc == 0;
    char disp[128];
    snprintf(disp, sizeof disp, "attachment; filename=\"report-%lld-%s-%s.xlsx\"", s.id, s.first,
             s.last);
    stats_snapshot_free(&s);
    const char *dir = getenv("TMPDIR");
    char path[512];
    snprintf(path, sizeof path, "%s/desk-report-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = rc ? -1 : mkstemp(path);
    if (rc == 0)
        rc = fd < 0 ? -1 : stats_workbook_write(&rep, path, dir && *dir ? dir : "/tmp");
    if (built)
        stats_report_free(&rep);
    free(fig);
    if (fd >= 0) {
        close(fd);
        fd = rc ? -1 : open(path, O_RDONLY | O_CLOEXEC);
        unlink(path);
    }
    struct stat st;
    if (fd < 0 || fstat(fd, &st)) {
        if (fd >= 0)
            close(fd);
        return agent_fail(w, OUTCOME_UNAVAILABLE);
    }
    w->r->content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    req_header(w->r, "Content-Disposition", disp);
    req_send_file(w->r, fd, (long long)st.st_size);
}

/* ---- the list ------------------------------------------------------------------ */

typedef struct list_ctx {
    web_t *w;
    int n;
    long long last;
} list_ctx_t;

static void add_row(const stats_snapshot_row_t *row, void *ctx)
{
    list_ctx_t *l = ctx;
    HDF *h = l->w->r->hdf;
    if (l->n == SNAPSHOT_PAGE) {
        hdf_set_valuef(h, "Next=%lld", l->last);
        return;
    }
    char key[48];
    hdf_set_valuef(h, "Rows.%d.id=%lld", l->n, row->id);
    hdf_set_valuef(h, "Rows.%d.kind=%s", l->n, stats_kind_code(row->kind));
    hdf_set_valuef(h, "Rows.%d.first=%s", l->n, row->first);
    hdf_set_valuef(h, "Rows.%d.last=%s", l->n, row->last);
    hdf_set_valuef(h, "Rows.%d.maker=%s", l->n, row->maker);
    hdf_set_valuef(h, "Rows.%d.team=%lld", l->n, row->team_id);
    hdf_set_valuef(h, "Rows.%d.status=%s", l->n, row->final ? "final" : "draft");
    hdf_set_valuef(h, "Rows.%d.concluded=%d", l->n, row->concluded);
    if (row->recount_of)
        hdf_set_valuef(h, "Rows.%d.recount_of=%lld", l->n, row->recount_of);
    snprintf(key, sizeof key, "Rows.%d.made_at", l->n);
    tpl_set_time(h, key, row->made_at);
    l->last = row->id;
    l->n++;
}

void agent_page_stats_reports(web_t *w, const char *arg)
{
    (void)arg;
    list_ctx_t l = {w, 0, 0};
    if (stats_snapshot_list(w->d, ME(w), web_id(req_query(w->r, "before")), SNAPSHOT_PAGE + 1,
                            add_row, &l) < 0)
        return agent_error_page(w, 503, "unavailable");
    hdf_set_int_value(w->r->hdf, "RowCount", l.n);
    agent_set_nav(w);
    web_render(w, "agent/stats_reports.cs");
}
