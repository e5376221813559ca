/* export: see export.h. */
#include "desk/stats/export.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"

/* "YYYY-MM-DD" of a date cell. */
static void date_text(long long ymd, char *b, size_t cap)
{
    snprintf(b, cap, "%04lld-%02lld-%02lld", ymd / 10000, ymd / 100 % 100, ymd % 100);
}

/* ---- CSV ------------------------------------------------------------------------ */

/* A number of our own making is written bare: a spreadsheet reads it as a
 * number (through csv_cell a negative one, a change against the previous
 * period, would be taken for a formula and turned into text). */
static void csv_value(FILE *out, const stats_col_t *c, const stats_cell_t *v)
{
    char b[64] = "";
    if (!v->set)
        return csv_cell(out, "");
    long long a = v->v < 0 ? -v->v : v->v;
    const char *sign = v->v < 0 ? "-" : "";
    switch (c->kind) {
    case SC_TEXT: return csv_cell(out, v->text);
    case SC_COUNT: snprintf(b, sizeof b, "%lld", v->v); break;
    case SC_SECONDS: snprintf(b, sizeof b, "%.1f", (double)v->v / 60.0); break;
    case SC_PERCENT: snprintf(b, sizeof b, "%s%lld.%lld", sign, a / 10, a % 10); break;
    case SC_DECIMAL: snprintf(b, sizeof b, "%s%lld.%02lld", sign, a / 100, a % 100); break;
    case SC_DATE: date_text(v->v, b, sizeof b); return csv_cell(out, b);
    default: break;
    }
    fputs(b, out);
}

void stats_csv_write(const stats_report_t *r, const stats_table_t *t, FILE *out)
{
    fputs("\xEF\xBB\xBF", out); /* BOM: Excel then reads the file as UTF-8 */
    for (int c = 0; c < t->ncols; c++) {
        char label[192];
        const char *unit = t->cols[c].kind == SC_SECONDS   ? stats_word(r, "Stats.Unit.minutes")
                           : t->cols[c].kind == SC_PERCENT ? stats_word(r, "Stats.Unit.percent")
                                                           : "";
        size_t n = strlen(t->cols[c].label);
        /* "Mean (min)", "平均(分钟)": a space after a Latin word only */
        bool latin = n && *unit && (unsigned char)t->cols[c].label[n - 1] < 0x80;
        snprintf(label, sizeof label, "%s%s%s", t->cols[c].label, latin ? " " : "", unit);
        if (c)
            fputc(',', out);
        csv_cell(out, label);
    }
    fputs("\r\n", out);
    for (int i = 0; i < t->nrows; i++) {
        for (int c = 0; c < t->ncols; c++) {
            if (c)
                fputc(',', out);
            csv_value(out, &t->cols[c], &t->rows[i].cells[c]);
        }
        fputs("\r\n", out);
    }
}

/* ---- JSON ----------------------------------------------------------------------- */

static json_t *instant(time_t t)
{
    char buf[32];
    struct tm tm;
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
    return json_string(buf);
}

static json_t *period_json(const stats_period_t *p)
{
    char first[11], last[11];
    stats_period_days(p, first, last);
    return json_pack("{s:s, s:s, s:s, s:o, s:o, s:i}", "kind", stats_kind_code(p->kind), "first",
                     first, "last", last, "from", instant(p->from), "to", instant(p->to), "days",
                     p->days);
}

static json_t *cell_json(const stats_col_t *c, const stats_cell_t *v)
{
    if (!v->set)
        return json_null();
    switch (c->kind) {
    case SC_TEXT: return json_string(v->text);
    case SC_PERCENT: return json_real((double)v->v / 10.0);
    case SC_DECIMAL: return json_real((double)v->v / 100.0);
    case SC_DATE: {
        char b[64];
        date_text(v->v, b, sizeof b);
        return json_string(b);
    }
    default: return json_integer(v->v);
    }
}

static const char *unit_of(stats_col_kind_t k)
{
    return k == SC_SECONDS ? "seconds" : k == SC_PERCENT ? "percent" : NULL;
}

static json_t *table_json(const stats_table_t *t)
{
    json_t *cols = json_array(), *rows = json_array();
    for (int c = 0; c < t->ncols; c++) {
        const stats_col_t *col = &t->cols[c];
        json_t *jc = json_pack("{s:s, s:s, s:s}", "code", col->code, "label", col->label, "kind",
                               stats_col_kind_codes[col->kind]);
        const char *unit = unit_of(col->kind);
        json_object_set_new(jc, "unit", unit ? json_string(unit) : json_null());
        json_array_append_new(cols, jc);
    }
    for (int i = 0; i < t->nrows; i++) {
        json_t *row = json_pack("{s:s}", "key", t->rows[i].key);
        for (int c = 0; c < t->ncols; c++)
            json_object_set_new(row, t->cols[c].code, cell_json(&t->cols[c], &t->rows[i].cells[c]));
        json_array_append_new(rows, row);
    }
    return json_pack("{s:s, s:s, s:o, s:o}", "code", t->code, "title", t->title, "columns", cols,
                     "rows", rows);
}

json_t *stats_report_json(const stats_report_t *r, const stats_table_t *only)
{
    const stats_figures_t *f = r->fig;
    json_t *tables = json_array();
    for (int i = 0; i < r->ntables; i++)
        if (!only || only == &r->tables[i])
            json_array_append_new(tables, table_json(&r->tables[i]));
    return json_pack(
        "{s:s, s:s, s:{s:o, s:o, s:o}, s:{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I},"
        " s:{s:s, s:s, s:s, s:s}, s:o}",
        "report", only ? only->code : "summary", "language", lang_code(r->lang), "periods",
        "cur", period_json(&f->per[STATS_CUR]), "prev", period_json(&f->per[STATS_PREV]),
        "year", period_json(&f->per[STATS_YEAR]), "filters", "team",
        (json_int_t)f->filter.team_id, "category", (json_int_t)f->filter.category_id,
        "priority", (json_int_t)f->filter.priority_id, "channel",
        (json_int_t)f->filter.channel_id, "product", (json_int_t)f->filter.product_id,
        "organisation", (json_int_t)f->filter.organisation_id, "tag",
        (json_int_t)f->filter.tag_id, "agent", (json_int_t)f->filter.agent_id, "units", "seconds",
        "durations are whole seconds", "percent", "percentages to a tenth (47.4 is 47.4 %)",
        "decimal", "means and ratios to a hundredth (3.5 is 3.50)",
        "date", "local dates of the desk's zone, YYYY-MM-DD", "tables", tables);
}
