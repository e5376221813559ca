/* Unit tests of the report as tables (lib/desk/stats/tables.h) and of its
 * exports (export.h: CSV and JSON; workbook.h: .xlsx), from figures given
 * by hand, labelled by the desk's language files and catalogue
 * (tests/unit/dbtest.h): the tables in the report's order with their typed
 * columns and language-free row keys; no value for a time over no tickets
 * or a rate with nothing to rate; the CSV cells (numbers bare: minutes to a
 * tenth, percentages, decimals, a negative change; dates, a header with
 * units in either language); the JSON's seconds, percentages, decimals,
 * dates and nulls; the quality tables; a workbook written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dbtest.h"
#include "desk/stats/export.h"
#include "desk/stats/tables.h"
#include "desk/stats/workbook.h"

/* March 2027: 5 created, first responses of n 4 (mean 5550 s = 92.5 min),
 * first response SLA 3 met and 2 breached, 2 tickets on the 1st in the
 * "usage" category, both without a team; a year earlier nothing. */
static stats_figures_t *figures(desk_t *d)
{
    stats_figures_t *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(stats_period_make(SK_MONTH, "2027-03-15", NULL, 0, &f->per[STATS_CUR]), 0);
    stats_period_previous(&f->per[STATS_CUR], &f->per[STATS_PREV]);
    stats_period_year_before(&f->per[STATS_CUR], &f->per[STATS_YEAR]);
    stats_summary_t *s = &f->sum[STATS_CUR];
    s->created = 5, s->closed = 4, s->reopened = 1, s->backlog_start = 1, s->backlog_end = 3;
    s->first_response_biz = (stats_times_t){4, 5550, 1800, 12600, 12600};
    s->sla_first_response = (stats_sla_t){3, 2, 0};
    f->sum[STATS_PREV].created = 2;
    const category_t *usage = catalog_category(&d->catalog, "usage");
    assert_non_null(usage);
    f->by[SD_CATEGORY][0] = (stats_count_t){usage->id, 5, 4};
    f->nby[SD_CATEGORY] = 1;
    f->by[SD_TEAM][0] = (stats_count_t){0, 5, 4};
    f->nby[SD_TEAM] = 1;
    f->created[0] = 2;
    return f;
}

static const stats_row_t *row_of(const stats_table_t *t, const char *key)
{
    for (int i = 0; i < t->nrows; i++)
        if (!strcmp(t->rows[i].key, key))
            return &t->rows[i];
    fail_msg("no row %s in %s", key, t->code);
    return NULL;
}

static void the_tables_of_the_report(void **state)
{
    desk_t *d = *state;
    stats_figures_t *f = figures(d);
    stats_report_t r;
    assert_int_equal(stats_report_build(d, f, LANG_ZH, &r), 0);
    /* every table but those per agent, which need fig->per_agent; the
     * quality tables last */
    assert_int_equal(r.ntables, 17);
    assert_string_equal(r.tables[9].code, "repeat");
    assert_string_equal(r.tables[16].code, "lowest");
    for (int i = 0, k = 0; i < r.ntables; i++, k++) {
        while (stats_table_per_agent(stats_table_codes[k]))
            k++;
        assert_string_equal(r.tables[i].code, stats_table_codes[k]);
    }
    assert_null(stats_report_table(&r, "agent"));
    assert_null(stats_report_table(&r, "agents"));

    const stats_table_t *vol = stats_report_table(&r, "volume");
    assert_string_equal(vol->title, "工单量");
    assert_int_equal(vol->ncols, 4);
    assert_int_equal(vol->cols[1].kind, SC_COUNT);
    assert_string_equal(vol->cols[3].label, "去年同期");
    const stats_row_t *created = row_of(vol, "created");
    assert_string_equal(created->cells[0].text, "新建工单");
    assert_int_equal(created->cells[1].v, 5);
    assert_int_equal(created->cells[2].v, 2);
    assert_true(created->cells[3].set);
    assert_int_equal(created->cells[3].v, 0);

    const stats_table_t *times = stats_report_table(&r, "times");
    assert_int_equal(times->nrows, 12);
    assert_int_equal(times->cols[4].kind, SC_SECONDS);
    const stats_row_t *fr = row_of(times, "first_response.biz.cur");
    assert_string_equal(fr->cells[1].text, "工作时间");
    assert_int_equal(fr->cells[3].v, 4);
    assert_int_equal(fr->cells[4].v, 5550);
    assert_int_equal(fr->cells[7].v, 12600);
    const stats_row_t *none = row_of(times, "first_response.biz.year");
    assert_true(none->cells[3].set); /* 0 tickets, and no time over them */
    assert_false(none->cells[4].set);

    const stats_table_t *sla = stats_report_table(&r, "sla");
    assert_int_equal(sla->nrows, 6 * 3); /* every clock in each period */
    assert_string_equal(sla->rows[0].key, "classify.cur");
    assert_string_equal(row_of(sla, "update.cur")->cells[0].text, "进展更新");
    assert_false(row_of(sla, "answer.cur")->cells[5].set);
    assert_int_equal(row_of(sla, "first_response.cur")->cells[5].v, 600);
    assert_false(row_of(sla, "first_response.year")->cells[5].set);

    const stats_table_t *daily = stats_report_table(&r, "daily");
    assert_int_equal(daily->nrows, 31);
    assert_int_equal(daily->cols[0].kind, SC_DATE);
    assert_int_equal(row_of(daily, "2027-03-01")->cells[0].v, 20270301);
    assert_int_equal(row_of(daily, "2027-03-01")->cells[1].v, 2);
    assert_int_equal(row_of(daily, "2027-03-31")->cells[0].v, 20270331);

    assert_string_equal(row_of(stats_report_table(&r, "category"), "usage")->cells[0].text, "使用咨询");
    assert_string_equal(row_of(stats_report_table(&r, "team"), "none")->cells[0].text, "未分配团队");
    assert_null(stats_report_table(&r, "secrets"));
    stats_report_free(&r);
    free(f);
}

/* Where time goes, and the tables per agent when the reader sees them. */
static void status_and_per_agent(void **state)
{
    desk_t *d = *state;
    stats_figures_t *f = figures(d);
    stats_status_time_t *st = &f->status;
    st->resolved = 4;
    st->tickets[3] = 4, st->seconds[3] = 3 * 3600; /* accepted */
    st->tickets[4] = 1, st->seconds[4] = 3600;     /* in progress */
    f->per_agent = true;
    f->by[SD_AGENT][0] = (stats_count_t){42, 5, 4};
    f->by[SD_AGENT][1] = (stats_count_t){0, 1, 0};
    f->nby[SD_AGENT] = 2;
    f->agents[0] = (stats_agent_row_t){42, 5, 4, 3, 600, 900, 4, 7200, 9000, 90};
    f->agents[1] = (stats_agent_row_t){43, 1, 0, 0, 0, 0, 0, 0, 0, 0};
    f->nagents = 2;
    f->names[0] = (stats_name_t){42, "王工"};
    f->nnames = 1;
    stats_report_t r;
    assert_int_equal(stats_report_build(d, f, LANG_ZH, &r), 0);
    assert_int_equal(r.ntables, 19);

    const stats_table_t *t = stats_report_table(&r, "status");
    assert_int_equal(t->nrows, STATS_STATUSES);
    const stats_row_t *acc = row_of(t, "accepted");
    assert_string_equal(acc->cells[0].text, "已签收");
    assert_int_equal(acc->cells[1].v, 4);
    assert_int_equal(acc->cells[2].v, 3 * 3600);
    assert_int_equal(acc->cells[3].v, 2700);
    assert_int_equal(acc->cells[4].v, 750); /* 75.0 % of all the time */
    assert_false(row_of(t, "new")->cells[3].set); /* no mean over no tickets */

    t = stats_report_table(&r, "agent");
    assert_string_equal(row_of(t, "42")->cells[0].text, "王工");
    assert_int_equal(row_of(t, "42")->cells[2].v, 4);
    assert_string_equal(row_of(t, "none")->cells[0].text, "未分配处理人");

    t = stats_report_table(&r, "agents");
    assert_int_equal(t->ncols, 10);
    const stats_row_t *a = row_of(t, "42");
    assert_int_equal(a->cells[3].v, 3);
    assert_int_equal(a->cells[4].v, 600);
    assert_int_equal(a->cells[8].v, 9000);
    assert_int_equal(a->cells[9].v, 90 * 60); /* the time spent, in seconds */
    const stats_row_t *gone = row_of(t, "43"); /* no longer active: named by id */
    assert_string_equal(gone->cells[0].text, "#43");
    assert_false(gone->cells[4].set); /* no median over no tickets */
    assert_true(gone->cells[6].set);
    stats_report_free(&r);
    free(f);
}

static char *csv_of(const stats_report_t *r, const char *table)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    stats_csv_write(r, stats_report_table(r, table), out);
    assert_int_equal(fclose(out), 0);
    return buf;
}

static void the_csv_files(void **state)
{
    desk_t *d = *state;
    stats_figures_t *f = figures(d);
    stats_report_t r;
    assert_int_equal(stats_report_build(d, f, LANG_ZH, &r), 0);
    char *csv = csv_of(&r, "times");
    assert_memory_equal(csv, "\xEF\xBB\xBF\"指标\",\"口径\",\"周期\",\"工单数\",\"平均(分钟)\","
                             "\"中位数(分钟)\",\"90分位(分钟)\",\"最长(分钟)\"\r\n",
                        strlen("\xEF\xBB\xBF\"指标\",\"口径\",\"周期\",\"工单数\",\"平均(分钟)\","
                               "\"中位数(分钟)\",\"90分位(分钟)\",\"最长(分钟)\"\r\n"));
    /* numbers bare, text quoted, no value an empty cell */
    assert_non_null(strstr(csv, "\"首次响应时长\",\"工作时间\",\"本期\",4,92.5,30.0,210.0,210.0\r\n"));
    assert_non_null(strstr(csv, "\"首次响应时长\",\"工作时间\",\"去年同期\",0,\"\",\"\",\"\",\"\"\r\n"));
    free(csv);
    csv = csv_of(&r, "sla");
    assert_non_null(strstr(csv, "\"达成率(%)\"\r\n"));
    assert_non_null(strstr(csv, "\"首次响应时长\",\"本期\",3,2,0,60.0\r\n"));
    free(csv);
    csv = csv_of(&r, "daily");
    assert_non_null(strstr(csv, "\r\n\"2027-03-01\",2,0\r\n"));
    free(csv);
    stats_report_free(&r);

    assert_int_equal(stats_report_build(d, f, LANG_EN, &r), 0);
    csv = csv_of(&r, "times");
    assert_non_null(strstr(csv, "\"Tickets\",\"Mean (min)\",\"Median (min)\""));
    assert_non_null(strstr(csv, "\"First response time\",\"Business time\",\"This period\""));
    free(csv);
    stats_report_free(&r);
    free(f);
}

static void the_json(void **state)
{
    desk_t *d = *state;
    stats_figures_t *f = figures(d);
    f->filter.team_id = 7;
    stats_report_t r;
    assert_int_equal(stats_report_build(d, f, LANG_EN, &r), 0);
    json_t *all = stats_report_json(&r, NULL);
    assert_non_null(all);
    assert_string_equal(json_string_value(json_object_get(all, "report")), "summary");
    assert_int_equal(json_array_size(json_object_get(all, "tables")), 17);
    json_decref(all);
    json_t *doc = stats_report_json(&r, stats_report_table(&r, "sla"));
    char *text = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(15));
    assert_non_null(strstr(text, "\"report\":\"sla\""));
    assert_non_null(strstr(text, "\"cur\":{\"kind\":\"month\",\"first\":\"2027-03-01\",\"last\":"
                                 "\"2027-03-31\",\"from\":\"2027-02-28T16:00:00Z\",\"to\":"
                                 "\"2027-03-31T16:00:00Z\",\"days\":31}"));
    assert_non_null(strstr(text, "\"filters\":{\"team\":7,"));
    assert_non_null(strstr(text, "{\"code\":\"rate\",\"label\":\"Compliance\",\"kind\":\"percent\","
                                 "\"unit\":\"percent\"}"));
    assert_non_null(strstr(text, "{\"key\":\"first_response.cur\",\"clock\":\"First response "
                                 "time\",\"period\":\"This period\",\"met\":3,\"breached\":2,"
                                 "\"running\":0,\"rate\":60.0}"));
    assert_non_null(strstr(text, "\"period\":\"A year earlier\",\"met\":0,\"breached\":0,"
                                 "\"running\":0,\"rate\":null}"));
    free(text);
    json_decref(doc);
    doc = stats_report_json(&r, stats_report_table(&r, "times"));
    text = json_dumps(doc, JSON_COMPACT);
    assert_non_null(strstr(text, "\"n\":4,\"mean\":5550,\"median\":1800,\"p90\":12600,\"max\":12600}"));
    assert_non_null(strstr(text, "{\"code\":\"mean\",\"label\":\"Mean\",\"kind\":\"seconds\","
                                 "\"unit\":\"seconds\"}"));
    free(text);
    json_decref(doc);
    stats_report_free(&r);
    free(f);
}

/* The quality tables: rates and means with nothing to rate have no value,
 * means in hundredths (CSV 3.50, JSON 3.5), a change below zero a bare
 * negative number, a missing fault kind no value. */
static void the_quality_tables(void **state)
{
    desk_t *d = *state;
    stats_figures_t *f = figures(d);
    stats_quality_t *q = &f->q[STATS_CUR];
    q->closed = 3, q->answered = 2;
    q->score_sum[SQ_RESOLUTION] = 7, q->score_sum[SQ_SPEED] = 8, q->score_sum[SQ_ATTITUDE] = 9;
    q->created = 3, q->reassigned = 1, q->reassignments = 2;
    const category_t *usage = catalog_category(&d->catalog, "usage");
    f->combos[0] = (stats_combo_t){.category_id = usage->id, .product = "X1", .n = {1, 3, 0}};
    f->ncombos = 1;
    stats_report_t r;
    assert_int_equal(stats_report_build(d, f, LANG_ZH, &r), 0);
    char *csv = csv_of(&r, "satisfaction");
    assert_non_null(strstr(csv, "\"周期\",\"已关闭\",\"已回访\",\"回访率(%)\",\"解决效果\","));
    assert_non_null(strstr(csv, "\"本期\",3,2,66.7,3.50,4.00,4.50\r\n"));
    assert_non_null(strstr(csv, "\"上期\",0,0,\"\",\"\",\"\",\"\"\r\n"));
    free(csv);
    csv = csv_of(&r, "combos");
    assert_non_null(strstr(csv, "\"使用咨询\",\"X1\",\"\",1,3,0,-2\r\n"));
    free(csv);
    csv = csv_of(&r, "cross");
    assert_non_null(strstr(csv, "\"改派\",\"本期\",3,1,2,0.67\r\n"));
    free(csv);
    json_t *doc = stats_report_json(&r, stats_report_table(&r, "satisfaction"));
    char *text = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(15));
    assert_non_null(strstr(text, "{\"key\":\"cur\",\"period\":\"本期\",\"closed\":3,"
                                 "\"answered\":2,\"rate\":66.7,\"resolution\":3.5,\"speed\":4.0,"
                                 "\"attitude\":4.5}"));
    assert_non_null(strstr(text, "\"kind\":\"decimal\""));
    free(text);
    json_decref(doc);
    const stats_table_t *t = stats_report_table(&r, "combos");
    assert_string_equal(t->rows[0].key, "1");
    assert_false(t->rows[0].cells[2].set);
    stats_report_free(&r);
    free(f);
}

static void a_workbook_is_written(void **state)
{
    desk_t *d = *state;
    stats_figures_t *f = figures(d);
    stats_report_t r;
    assert_int_equal(stats_report_build(d, f, LANG_ZH, &r), 0);
    char path[] = "/tmp/desk-unit-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(stats_workbook_write(&r, path, "/tmp"), 0);
    FILE *in = fopen(path, "rb");
    char head[4] = "";
    assert_non_null(in);
    assert_int_equal(fread(head, 1, 4, in), 4);
    fclose(in);
    assert_memory_equal(head, "PK\x03\x04", 4); /* a zip file, as .xlsx is */
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(st.st_size > 4000);
    unlink(path);
    assert_int_equal(stats_workbook_write(&r, "/nonexistent/dir/x.xlsx", "/tmp"), -1);
    stats_report_free(&r);
    free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(the_tables_of_the_report),
        DBTEST(status_and_per_agent),
        DBTEST(the_csv_files),
        DBTEST(the_json),
        DBTEST(the_quality_tables),
        DBTEST(a_workbook_is_written),
    };
    return DBTEST_RUN("stats_tables", tests);
}
