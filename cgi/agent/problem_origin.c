/* agent_problem_origin: a problem record opened from a high-frequency row
 * of the statistics (a category x product x fault kind combination, or a
 * keyword): the row is named by the statistics' query (period, filters,
 * scope: agent/stats.h) and its key, read again on the form's submission
 * so that what the record says it came from is what the desk counted, never
 * what the form claimed. The tickets behind the row are read in the
 * drill-down's keyset pages; the first PROBLEM_TICKETS_MAX (by ticket id)
 * are linked, the rest named by their number. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/problem_origin.h"
#include "agent/stats.h"
#include "desk/review/problem.h"
#include "desk/stats/quality.h"
#include "desk/ticket/ticket_work.h"
#include "web/form.h"

/* At most this many pages of the row's tickets are counted. */
#define ORIGIN_PAGES 40

static const char *const origin_figs[] = {"combo", "term", NULL};

static const form_field_t origin_fields[] = {
    {.name = "qfig", .type = FT_CHOICE, .required = true, .max_chars = 8, .choices = origin_figs},
    {.name = "ccat", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "cprod", .type = FT_TEXT, .max_chars = 200},
    {.name = "nature", .type = FT_CHOICE, .max_chars = 16, .choices = ticket_natures},
    {.name = "term", .type = FT_TEXT, .max_chars = STATS_TERM_MAX},
};

/* The fields that name the row, carried by the form as they came. */
static const char *const carried[] = {"src", "qfig", "kind", "at", "until", "team", "category",
                                      "priority", "channel", "product", "organisation", "tag",
                                      "agent", "ccat", "cprod", "nature", "term", NULL};

static const char *val(web_t *w, const char *name)
{
    const char *v = form_value(w->r->hdf, name);
    return v ? v : "";
}

static const char *text(web_t *w, const char *key) { return texts_get(&w->d->texts, w->lang, key); }

bool agent_problem_from_stats(web_t *w)
{
    const char *src = req_query(w->r, "src");
    return src && !strcmp(src, "stats");
}

/* The row as a reader names it: "使用咨询 · DeskPro 5 · 功能" or the keyword. */
static void row_name(web_t *w, bool combo, const stats_qkey_t *k, char *out, size_t cap)
{
    if (!combo) {
        snprintf(out, cap, "%s", k->term);
        return;
    }
    char nature[48];
    snprintf(nature, sizeof nature, "Agent.Natures.%s", k->nature);
    snprintf(out, cap, "%s · %s · %s", agent_stats_dim_name(w, SD_CATEGORY, k->category_id),
             *k->product ? k->product : text(w, "Stats.Q.NoProduct"),
             *k->nature ? text(w, nature) : text(w, "Stats.Q.NoNature"));
}

/* The drill-down's query of the row. */
static void row_query(const stats_view_t *v, bool combo, const stats_qkey_t *k, char *out,
                      size_t cap)
{
    char *e = NULL;
    if (cgi_url_escape(combo ? k->product : k->term, &e) != STATUS_OK)
        e = NULL;
    if (combo)
        snprintf(out, cap, "qfig=combo&of=cur&%s&ccat=%lld&cprod=%s&nature=%s", v->qs,
                 k->category_id, e ? e : "", k->nature);
    else
        snprintf(out, cap, "qfig=term&of=cur&%s&term=%s", v->qs, e ? e : "");
    free(e);
}

int agent_problem_origin(web_t *w, problem_origin_t *o, char *numbers, size_t ncap, int *linked)
{
    stats_view_t v;
    memset(o, 0, sizeof *o);
    numbers[0] = '\0';
    *linked = 0;
    int rc = agent_stats_read_view(w, &v);
    if (rc != OUTCOME_OK)
        return rc;
    if (form_validate(w->r->hdf, w->r->hdf, origin_fields,
                      sizeof origin_fields / sizeof *origin_fields))
        return OUTCOME_INVALID;
    bool combo = !strcmp(val(w, "qfig"), "combo");
    stats_qkey_t k;
    memset(&k, 0, sizeof k);
    k.category_id = form_int(w->r->hdf, "ccat");
    snprintf(k.product, sizeof k.product, "%s", val(w, "cprod"));
    snprintf(k.nature, sizeof k.nature, "%s", val(w, "nature"));
    snprintf(k.term, sizeof k.term, "%s", val(w, "term"));
    if (combo ? !k.category_id : !*k.term)
        return OUTCOME_INVALID;
    stats_tickets_t *page = malloc(sizeof *page);
    if (!page)
        return OUTCOME_UNAVAILABLE;
    long long after = 0, days = stats_repeat_days(w->d);
    for (int i = 0; i < ORIGIN_PAGES; i++) {
        if (stats_quality_tickets(w->d, &v.filter, &v.per[CUR], combo ? QF_COMBO : QF_TERM, &k,
                                  days, after, page)) {
            free(page);
            return OUTCOME_UNAVAILABLE;
        }
        for (int j = 0; j < page->n; j++, o->behind++) {
            if (*linked >= PROBLEM_TICKETS_MAX)
                continue;
            size_t len = strlen(numbers);
            snprintf(numbers + len, ncap - len, "%s%s", len ? " " : "", page->rows[j].number);
            (*linked)++;
        }
        if (!page->more)
            break;
        after = page->next_after;
    }
    free(page);
    if (!o->behind) /* no such row in the period: nothing to analyse */
        return OUTCOME_INVALID;
    snprintf(o->kind, sizeof o->kind, "%s", combo ? "stats_combo" : "stats_term");
    row_name(w, combo, &k, o->key, sizeof o->key);
    stats_period_days(&v.per[CUR], o->first, o->last);
    row_query(&v, combo, &k, o->query, sizeof o->query);
    return OUTCOME_OK;
}

void agent_problem_origin_show(web_t *w, const problem_origin_t *o, int linked)
{
    HDF *h = w->r->hdf;
    hdf_set_value(h, "Origin.kind", o->kind);
    hdf_set_value(h, "Origin.key", o->key);
    hdf_set_value(h, "Origin.first", o->first);
    hdf_set_value(h, "Origin.last", o->last);
    hdf_set_valuef(h, "Origin.behind=%lld", o->behind);
    hdf_set_valuef(h, "Origin.linked=%d", linked);
    hdf_set_valuef(h, "Origin.limit=%d", PROBLEM_TICKETS_MAX);
    hdf_set_value(h, "Origin.query", o->query);
}

void agent_problem_origin_carry(web_t *w)
{
    for (int i = 0, n = 0; carried[i]; i++) {
        const char *v = req_query(w->r, carried[i]);
        if (!v || !*v)
            continue;
        hdf_set_valuef(w->r->hdf, "Carry.%d.name=%s", n, carried[i]);
        hdf_set_valuef(w->r->hdf, "Carry.%d.value=%s", n, v);
        n++;
    }
}

void agent_problem_origin_prefill(web_t *w, const problem_origin_t *o, const char *numbers,
                                  int linked)
{
    HDF *h = w->r->hdf;
    const char *what = text(w, !strcmp(o->kind, "stats_combo") ? "Review.Problem.Origin.Combo"
                                                                 : "Review.Problem.Origin.Term");
    const char *prefix = text(w, "Review.Problem.Origin.TitlePrefix");
    size_t len = strlen(prefix); /* "高频问题：" runs on; "…problem:" takes a space */
    bool spaced = len && (unsigned char)prefix[len - 1] < 0x80;
    hdf_set_valuef(h, "Form.title.value=%s%s%s", prefix, spaced ? " " : "", o->key);
    hdf_set_value(h, "Form.tickets.value", numbers);
    /* "，" and "：" run on; ", " and ": " take their space */
    bool zh = w->lang == LANG_ZH;
    const char *sep = zh ? "，" : ", ", *colon = zh ? "：" : ": ";
    hdf_set_valuef(h, "Form.timeline.value=%s %s – %s%s%s «%s»%s%s %lld%s%s %d",
                   text(w, "Review.Problem.Origin.Period"), o->first, o->last, colon, what, o->key,
                   sep, text(w, "Review.Problem.Origin.Behind"), o->behind, sep,
                   text(w, "Review.Problem.Origin.Linked"), linked);
}
