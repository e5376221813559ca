/* snapshot: see snapshot.h. */
#include "desk/stats/snapshot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "desk/stats/export.h"
#include "desk/stats/tables.h"

#define COLS_FILTER " team_id, category_id, priority_id, channel_id, product_id, organisation_id," \
                    " tag_id, agent_id"

static const char sql_insert[] =
    "INSERT INTO stats_snapshots (made_by, made_at, kind, first_day, last_day," COLS_FILTER
    ", per_agent, recount_of, conclusions, tables)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)";
static const char sql_get[] =
    "SELECT s.id, s.made_by, a.name, s.made_at, s.kind, DATE_FORMAT(s.first_day, '%Y-%m-%d'),"
    " DATE_FORMAT(s.last_day, '%Y-%m-%d')," COLS_FILTER ", s.per_agent, s.recount_of,"
    " s.status = 'final', s.conclusions, s.concluded_by, c.name, s.concluded_at, s.tables,"
    " (SELECT MAX(r.id) FROM stats_snapshots r WHERE r.recount_of = s.id)"
    " FROM stats_snapshots s JOIN agents a ON a.id = s.made_by"
    " LEFT JOIN agents c ON c.id = s.concluded_by WHERE s.id = ?";
static const char sql_conclude[] =
    "UPDATE stats_snapshots SET conclusions = ?, status = ?, concluded_by = ?, concluded_at = ?"
    " WHERE id = ?";

#define COLS_ROW                                                                             \
    "SELECT s.id, s.team_id, s.agent_id, s.recount_of, a.name, s.kind,"                      \
    " DATE_FORMAT(s.first_day, '%Y-%m-%d'), DATE_FORMAT(s.last_day, '%Y-%m-%d'), s.made_at," \
    " s.status = 'final', s.conclusions <> '' FROM stats_snapshots s"                       \
    " JOIN agents a ON a.id = s.made_by"
static const char sql_list_all[] = COLS_ROW " WHERE s.id < ? ORDER BY s.id DESC LIMIT ?";
/* an agent's teams, as many as AUTH_MAX_TEAMS (the first repeated to fill) */
static const char sql_list_teams[] =
    COLS_ROW " WHERE s.team_id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
             " AND (s.agent_id = 0 OR s.agent_id = ?) AND s.id < ? ORDER BY s.id DESC LIMIT ?";
_Static_assert(AUTH_MAX_TEAMS == 16, "one placeholder a team in sql_list_teams");

/* The report of the figures in one language, with the filters' names. */
static json_t *report_in(desk_t *d, const stats_figures_t *fig, lang_t lang, json_t *names)
{
    stats_report_t rep;
    if (stats_report_build(d, fig, lang, &rep))
        return NULL;
    json_t *j = stats_report_json(&rep, NULL);
    stats_report_free(&rep);
    if (j && json_object_set(j, "filter_names", names ? names : json_object()) == 0)
        return j;
    json_decref(j);
    return NULL;
}

int stats_snapshot_make(desk_t *d, const agent_t *by, const stats_filter_t *f,
                        const stats_period_t *cur, json_t *names[LANG_COUNT],
                        long long recount_of, long long *id)
{
    time_t now = desk_now(d);
    bool per_agent = stats_sees_agents(by);
    stats_figures_t *fig = malloc(sizeof *fig);
    json_t *all = json_object();
    int rc = fig && all ? stats_figures_load(d, f, cur, now, per_agent, fig) : -1;
    for (int l = 0; rc == 0 && l < LANG_COUNT; l++) {
        json_t *j = report_in(d, fig, (lang_t)l, names ? names[l] : NULL);
        rc = j ? json_object_set_new(all, lang_code((lang_t)l), j) : -1;
    }
    free(fig);
    /* the percentages to a tenth read back as written */
    char *text = rc == 0 ? json_dumps(all, JSON_COMPACT | JSON_REAL_PRECISION(15)) : NULL;
    json_decref(all);
    if (!text)
        return OUTCOME_UNAVAILABLE;
    char first[11], last[11];
    stats_period_days(cur, first, last);
    rc = db_exec(&d->db, sql_insert, "itsssiiiiiiiiijs", by->id, now, stats_kind_code(cur->kind),
                 first, last, f->team_id, f->category_id, f->priority_id, f->channel_id,
                 f->product_id, f->organisation_id, f->tag_id, f->agent_id,
                 (long long)per_agent, recount_of, text);
    free(text);
    if (rc < 0)
        return rc;
    *id = (long long)d->db.last_id;
    return OUTCOME_OK;
}

void stats_snapshot_free(stats_snapshot_t *s)
{
    free(s->conclusions);
    json_decref(s->tables);
    memset(s, 0, sizeof *s);
}

int stats_snapshot_get(desk_t *d, long long id, stats_snapshot_t *s)
{
    memset(s, 0, sizeof *s);
    char kind[12];
    long long per_agent = 0, final = 0;
    char *tables = NULL;
    stats_filter_t *f = &s->filter;
    int rc = db_row(&d->db, sql_get, "i", "iistsssiiiiiiiiiiiSistSi", id, &s->id, &s->made_by,
                    s->maker, sizeof s->maker, &s->made_at, kind, sizeof kind, s->first,
                    sizeof s->first, s->last, sizeof s->last, &f->team_id, &f->category_id,
                    &f->priority_id, &f->channel_id, &f->product_id, &f->organisation_id,
                    &f->tag_id, &f->agent_id, &per_agent, &s->recount_of, &final,
                    &s->conclusions, &s->concluded_by, s->concluder, sizeof s->concluder,
                    &s->concluded_at, &tables, &s->recounted_as);
    if (rc == 1) {
        int k = stats_kind_parse(kind);
        s->kind = k < 0 ? SK_RANGE : (stats_kind_t)k;
        s->per_agent = per_agent, s->final = final;
        s->tables = tables ? json_loads(tables, 0, NULL) : NULL;
        if (!s->tables)
            rc = OUTCOME_UNAVAILABLE;
    }
    free(tables);
    if (rc != 1)
        stats_snapshot_free(s);
    return db_found(rc);
}

bool stats_snapshot_may_see(const agent_t *a, const stats_snapshot_t *s)
{
    if (agent_is_supervisor(a))
        return true;
    return s->filter.team_id && agent_in_team(a, s->filter.team_id) &&
           (!s->filter.agent_id || s->filter.agent_id == a->id);
}

bool stats_snapshot_may_conclude(const agent_t *a, const stats_snapshot_t *s)
{
    return stats_snapshot_may_see(a, s) && (agent_is_supervisor(a) || s->made_by == a->id);
}

bool stats_snapshot_shows_agents(const agent_t *a, const stats_snapshot_t *s)
{
    return s->per_agent && stats_sees_agents(a);
}

/* One frozen cell back as it was counted. */
static int cell_from_json(stats_row_t *row, int col, stats_col_kind_t kind, json_t *v)
{
    int y, m, dd;
    if (!v || json_is_null(v))
        return 0;
    switch (kind) {
    case SC_TEXT: return stats_cell_text(row, col, json_string_value(v));
    case SC_PERCENT: stats_cell_set(row, col, (long long)(json_number_value(v) * 10.0 + 0.5)); break;
    case SC_DATE:
        if (json_string_value(v) && sscanf(json_string_value(v), "%4d-%2d-%2d", &y, &m, &dd) == 3)
            stats_cell_set(row, col, y * 10000LL + m * 100 + dd);
        break;
    default: stats_cell_set(row, col, json_integer_value(v)); break;
    }
    return 0;
}

static int table_from_json(json_t *jt, stats_table_t *t)
{
    json_t *c, *r;
    size_t i;
    snprintf(t->code, sizeof t->code, "%s", json_string_value(json_object_get(jt, "code")));
    snprintf(t->title, sizeof t->title, "%s", json_string_value(json_object_get(jt, "title")));
    json_array_foreach(json_object_get(jt, "columns"), i, c) {
        if (t->ncols == STATS_MAX_COLS)
            return -1;
        stats_col_t *col = &t->cols[t->ncols++];
        const char *kind = json_string_value(json_object_get(c, "kind"));
        snprintf(col->code, sizeof col->code, "%s", json_string_value(json_object_get(c, "code")));
        snprintf(col->label, sizeof col->label, "%s", json_string_value(json_object_get(c, "label")));
        col->kind = SC_TEXT;
        for (int k = 0; kind && k < SC_NKINDS; k++)
            if (!strcmp(kind, stats_col_kind_codes[k]))
                col->kind = (stats_col_kind_t)k;
    }
    json_array_foreach(json_object_get(jt, "rows"), i, r) {
        stats_row_t *row = stats_table_row(t, json_string_value(json_object_get(r, "key")));
        for (int k = 0; row && k < t->ncols; k++)
            if (cell_from_json(row, k, t->cols[k].kind, json_object_get(r, t->cols[k].code)))
                return -1;
        if (!row)
            return -1;
    }
    return 0;
}

int stats_snapshot_report(desk_t *d, const stats_snapshot_t *s, lang_t lang, bool per_agent,
                          stats_figures_t *fig, stats_report_t *out)
{
    memset(fig, 0, sizeof *fig);
    memset(out, 0, sizeof *out);
    fig->filter = s->filter;
    if (stats_period_make(s->kind, s->first, s->kind == SK_RANGE ? s->last : NULL, 0,
                          &fig->per[STATS_CUR]))
        return -1;
    stats_period_previous(&fig->per[STATS_CUR], &fig->per[STATS_PREV]);
    stats_period_year_before(&fig->per[STATS_CUR], &fig->per[STATS_YEAR]);
    json_t *rep = json_object_get(s->tables, lang_code(lang)), *jt;
    const char *agent = json_string_value(
        json_object_get(json_object_get(rep, "filter_names"), "agent"));
    if (agent && s->filter.agent_id) { /* the agent filter's name as it was */
        fig->names[0].id = s->filter.agent_id;
        snprintf(fig->names[0].name, sizeof fig->names[0].name, "%s", agent);
        fig->nnames = 1;
    }
    out->d = d, out->lang = lang, out->fig = fig;
    size_t i;
    json_array_foreach(json_object_get(rep, "tables"), i, jt) {
        const char *code = json_string_value(json_object_get(jt, "code"));
        if (!code || (stats_table_per_agent(code) && !per_agent))
            continue;
        if (out->ntables == STATS_MAX_TABLES ||
            table_from_json(jt, &out->tables[out->ntables++])) {
            stats_report_free(out);
            return -1;
        }
    }
    return 0;
}

int stats_snapshot_conclude(desk_t *d, const agent_t *by, long long id, const char *text,
                            bool final)
{
    size_t n = strlen(text);
    if (!text_is_clean_utf8(text, n) || text_chars(text) > SNAPSHOT_CONCLUSIONS_MAX)
        return OUTCOME_INVALID;
    int rc = db_exec(&d->db, sql_conclude, "ssiti", text, final ? "final" : "draft", by->id,
                     desk_now(d), id);
    return rc < 0 ? rc : OUTCOME_OK;
}

int stats_snapshot_list(desk_t *d, const agent_t *a, long long before, int limit,
                        void (*fn)(const stats_snapshot_row_t *row, void *ctx), void *ctx)
{
    long long below = before > 0 ? before : (long long)1 << 62;
    MYSQL_STMT *st;
    if (agent_is_supervisor(a)) {
        st = db_query(&d->db, sql_list_all, "ii", below, (long long)limit);
    } else {
        if (a->nteams < 1)
            return 0;
        long long t[AUTH_MAX_TEAMS];
        for (int i = 0; i < AUTH_MAX_TEAMS; i++)
            t[i] = a->teams[i < a->nteams ? i : 0];
        st = db_query(&d->db, sql_list_teams, "iiiiiiiiiiiiiiiiiii", t[0], t[1], t[2], t[3],
                      t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12], t[13], t[14],
                      t[15], a->id, below, (long long)limit);
    }
    if (!st)
        return OUTCOME_UNAVAILABLE;
    stats_snapshot_row_t row;
    long long final, concluded;
    char kind[12];
    int n = 0, rc;
    memset(&row, 0, sizeof row);
    while ((rc = db_fetch(st, "iiiisssstii", &row.id, &row.team_id, &row.agent_id,
                          &row.recount_of, row.maker, sizeof row.maker, kind, sizeof kind,
                          row.first, sizeof row.first, row.last, sizeof row.last, &row.made_at,
                          &final, &concluded)) == 1) {
        int k = stats_kind_parse(kind);
        row.kind = k < 0 ? SK_RANGE : (stats_kind_t)k;
        row.final = final, row.concluded = concluded;
        fn(&row, ctx), n++;
    }
    db_done(st);
    return rc < 0 ? rc : n;
}
