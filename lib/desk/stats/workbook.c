/* workbook: see workbook.h. */
#include "desk/stats/workbook.h"

#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "desk/customer/orgtags.h"
#include "desk/customer/tags.h"

typedef struct formats {
    lxw_format *head, *count, *seconds, *percent, *decimal, *date, *title;
} formats_t;

static lxw_format *numfmt(lxw_workbook *wb, const char *f)
{
    lxw_format *x = workbook_add_format(wb);
    format_set_num_format(x, f);
    return x;
}

static void make_formats(lxw_workbook *wb, formats_t *f)
{
    f->head = workbook_add_format(wb);
    format_set_bold(f->head);
    format_set_bottom(f->head, LXW_BORDER_THIN);
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    f->count = numfmt(wb, "0");
    f->seconds = numfmt(wb, "[h]:mm:ss");
    f->percent = numfmt(wb, "0.0%");
    f->decimal = numfmt(wb, "0.00");
    f->date = numfmt(wb, "yyyy-mm-dd");
}

static lxw_datetime date_of(long long ymd)
{
    return (lxw_datetime){(int)(ymd / 10000), (int)(ymd / 100 % 100), (int)(ymd % 100), 0, 0, 0};
}

static void write_cell(lxw_worksheet *ws, int row, int col, const stats_col_t *c,
                       const stats_cell_t *v, const formats_t *f)
{
    if (!v->set)
        return;
    switch (c->kind) {
    case SC_TEXT: worksheet_write_string(ws, row, col, v->text, NULL); break;
    case SC_COUNT: worksheet_write_number(ws, row, col, (double)v->v, f->count); break;
    case SC_SECONDS: worksheet_write_number(ws, row, col, (double)v->v / 86400.0, f->seconds); break;
    case SC_PERCENT: worksheet_write_number(ws, row, col, (double)v->v / 1000.0, f->percent); break;
    case SC_DECIMAL: worksheet_write_number(ws, row, col, (double)v->v / 100.0, f->decimal); break;
    case SC_DATE: {
        lxw_datetime dt = date_of(v->v);
        worksheet_write_datetime(ws, row, col, &dt, f->date);
        break;
    }
    default: break;
    }
}

/* A sheet named after the table (its code when the title cannot be one:
 * over 31 characters, or holding a character sheet names refuse). */
static lxw_worksheet *sheet(lxw_workbook *wb, const char *title, const char *code)
{
    lxw_worksheet *ws = NULL;
    if (*title && workbook_validate_sheet_name(wb, title) == LXW_NO_ERROR)
        ws = workbook_add_worksheet(wb, title);
    return ws ? ws : workbook_add_worksheet(wb, code);
}

static void write_table(lxw_workbook *wb, const stats_table_t *t, const formats_t *f)
{
    lxw_worksheet *ws = sheet(wb, t->title, t->code);
    if (!ws)
        return;
    for (int c = 0; c < t->ncols; c++) {
        worksheet_write_string(ws, 0, c, t->cols[c].label, f->head);
        worksheet_set_column(ws, c, c, t->cols[c].kind == SC_TEXT ? 22 : 14, NULL);
    }
    worksheet_freeze_panes(ws, 1, 0);
    for (int i = 0; i < t->nrows; i++)
        for (int c = 0; c < t->ncols; c++)
            write_cell(ws, i + 1, c, &t->cols[c], &t->rows[i].cells[c], f);
}

static const char *filter_name(const stats_report_t *r, stats_dim_t dim, long long id)
{
    const catalog_t *c = &r->d->catalog;
    if (!id)
        return stats_word(r, "Stats.All");
    if (dim == SD_CATEGORY) {
        const category_t *x = catalog_category_by_id(c, id);
        return x ? x->name[r->lang] : "";
    }
    if (dim == SD_PRIORITY) {
        const priority_t *x = catalog_priority_by_id(c, id);
        return x ? x->name[r->lang] : "";
    }
    if (dim == SD_CHANNEL) {
        const channel_t *x = catalog_channel_by_id(c, id);
        return x ? x->name[r->lang] : "";
    }
    const team_t *x = catalog_team_by_id(c, id);
    return x ? x->name[r->lang] : "";
}

typedef struct product_find {
    long long id;
    char name[256];
} product_find_t;

static void find_product(long long id, const char *name, void *ctx)
{
    product_find_t *x = ctx;
    if (id == x->id)
        snprintf(x->name, sizeof x->name, "%s", name);
}

/* The filters beyond the catalogue's, from row: product, organisation,
 * customer tag and agent, each by its name ("#id" when it has none now). */
static void write_more_filters(lxw_worksheet *ws, const stats_report_t *r, int row)
{
    const stats_filter_t *fl = &r->fig->filter;
    static const char *const keys[] = {"Stats.Book.product", "Stats.Book.organisation",
                                       "Stats.Book.tag", "Stats.Book.agent"};
    const long long ids[] = {fl->product_id, fl->organisation_id, fl->tag_id, fl->agent_id};
    for (int k = 0; k < 4; k++) {
        char name[808] = "";
        if (k == 0 && ids[k]) {
            product_find_t x = {ids[k], ""};
            if (stats_products_each(r->d, 500, find_product, &x) >= 0)
                snprintf(name, sizeof name, "%s", x.name);
        } else if (k == 1 && ids[k]) {
            org_t o;
            if (orgtags_get(r->d, ids[k], &o) == OUTCOME_OK)
                snprintf(name, sizeof name, "%s", o.name);
        } else if (k == 2 && ids[k]) {
            tag_t t;
            if (tags_get(r->d, ids[k], false, &t) == OUTCOME_OK)
                snprintf(name, sizeof name, "%s", t.name[r->lang]);
        } else if (k == 3 && ids[k]) {
            snprintf(name, sizeof name, "%s", stats_figures_name(r->fig, ids[k]));
        }
        if (!ids[k])
            snprintf(name, sizeof name, "%s", stats_word(r, "Stats.All"));
        else if (!name[0])
            snprintf(name, sizeof name, "#%lld", ids[k]);
        worksheet_write_string(ws, row + k, 0, stats_word(r, keys[k]), NULL);
        worksheet_write_string(ws, row + k, 1, name, NULL);
    }
}

/* The first sheet: what the report covers. */
static void write_cover(lxw_workbook *wb, const stats_report_t *r, const formats_t *f)
{
    lxw_worksheet *ws = sheet(wb, stats_word(r, "Stats.Book.Sheet"), "report");
    if (!ws)
        return;
    const stats_figures_t *fig = r->fig;
    worksheet_set_column(ws, 0, 0, 22, NULL);
    worksheet_set_column(ws, 1, 2, 14, NULL);
    worksheet_write_string(ws, 0, 0, stats_word(r, "Stats.Book.Title"), f->title);
    worksheet_write_string(ws, 2, 0, stats_word(r, "Stats.Of"), f->head);
    worksheet_write_string(ws, 2, 1, stats_word(r, "Stats.Book.First"), f->head);
    worksheet_write_string(ws, 2, 2, stats_word(r, "Stats.Book.Last"), f->head);
    for (int p = 0; p < STATS_NPER; p++) {
        char key[48];
        const stats_period_t *x = &fig->per[p];
        lxw_datetime first = {x->y, x->m, x->d, 0, 0, 0}, last = {x->ly, x->lm, x->ld, 0, 0, 0};
        snprintf(key, sizeof key, "Stats.Per.%s", stats_per_codes[p]);
        worksheet_write_string(ws, 3 + p, 0, stats_word(r, key), NULL);
        worksheet_write_datetime(ws, 3 + p, 1, &first, f->date);
        worksheet_write_datetime(ws, 3 + p, 2, &last, f->date);
    }
    static const char *const keys[] = {"Stats.Book.category", "Stats.Book.priority",
                                       "Stats.Book.channel", "Stats.Book.team"};
    const long long ids[] = {fig->filter.category_id, fig->filter.priority_id,
                             fig->filter.channel_id, fig->filter.team_id};
    worksheet_write_string(ws, 7, 0, stats_word(r, "Stats.Book.Filters"), f->head);
    for (int k = 0; k < 4; k++) {
        worksheet_write_string(ws, 8 + k, 0, stats_word(r, keys[k]), NULL);
        worksheet_write_string(ws, 8 + k, 1, filter_name(r, (stats_dim_t)k, ids[k]), NULL);
    }
    write_more_filters(ws, r, 12);
}

int stats_workbook_write(const stats_report_t *r, const char *path, const char *tmpdir)
{
    lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = (char *)tmpdir};
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    if (!wb)
        return -1;
    formats_t f;
    make_formats(wb, &f);
    write_cover(wb, r, &f);
    for (int i = 0; i < r->ntables; i++)
        write_table(wb, &r->tables[i], &f);
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}
