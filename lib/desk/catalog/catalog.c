/* catalog: see catalog.h. */
#include "desk/catalog/catalog.h"

#include <stdlib.h>
#include <string.h>

#include "core/log.h"

static const char sql_categories[] =
    "SELECT id, code, name_zh, name_en, summary_zh, summary_en, default_priority_id,"
    " COALESCE(team_id, 0), is_public, active FROM categories ORDER BY sort_order, id";
static const char sql_fields[] =
    "SELECT id, category_id, name, field_type, label_zh, label_en, help_zh, help_en, required,"
    " max_length FROM category_fields WHERE active = 1 ORDER BY category_id, sort_order, id";
static const char sql_options[] =
    "SELECT o.field_id, o.code, o.label_zh, o.label_en FROM category_field_options o"
    " JOIN category_fields f ON f.id = o.field_id WHERE o.active = 1 AND f.active = 1"
    " ORDER BY o.field_id, o.sort_order, o.id";
static const char sql_common[] =
    "SELECT category_id, field, mode FROM category_common_fields";
/* a target: its amount (0 = none) and unit */
#define TARGET(col) " COALESCE(" col ", 0), " col "_unit"
#define TARGETS TARGET("classify") "," TARGET("first_response") "," TARGET("resolution") "," \
    TARGET("update_interval")
static const char sql_priorities[] =
    "SELECT id, code, name_zh, name_en, color, rank_order, calendar_id," TARGETS ","
    " warning_percent FROM priorities WHERE active = 1 ORDER BY rank_order";
static const char sql_channels[] =
    "SELECT id, code, name_zh, name_en, hours_zh, hours_en FROM channels WHERE active = 1"
    " ORDER BY sort_order, id";

static const char sql_teams[] =
    "SELECT id, code, name_zh, name_en, answers_escalations FROM teams WHERE active = 1"
    " ORDER BY id";

static const char sql_policies[] =
    "SELECT id, priority_id, COALESCE(category_id, 0), COALESCE(tag_id, 0),"
    " COALESCE(calendar_id, 0)," TARGETS ", COALESCE(warning_percent, 0)"
    " FROM sla_policies WHERE active = 1 ORDER BY id";

static const char sql_calendars[] =
    "SELECT id, time_zone FROM business_calendars WHERE active = 1 ORDER BY id";
static const char sql_spans[] =
    "SELECT calendar_id, weekday, start_minute, end_minute FROM calendar_spans"
    " ORDER BY calendar_id, weekday, start_minute";
static const char sql_days[] =
    "SELECT calendar_id, CAST(day AS CHAR), kind = 'workday' FROM calendar_days"
    " ORDER BY calendar_id, day";

static void *grow(void *arr, int n, size_t size)
{
    return realloc(arr, (size_t)(n + 1) * size);
}

static int load_categories(catalog_t *c, db_t *db)
{
    MYSQL_STMT *st = db_query(db, sql_categories, "");
    if (!st)
        return -1;
    category_t k;
    long long pub, active;
    int r;
    while (memset(&k, 0, sizeof k),
           (r = db_fetch(st, "isssssiiii", &k.id, k.code, sizeof k.code, k.name[0],
                         sizeof k.name[0], k.name[1], sizeof k.name[1], k.summary[0],
                         sizeof k.summary[0], k.summary[1], sizeof k.summary[1],
                         &k.default_priority_id, &k.team_id, &pub, &active)) == 1) {
        k.is_public = pub != 0;
        k.active = active != 0;
        for (int i = 0; i < COMMON_COUNT; i++)
            k.common[i] = (unsigned char)common_default(i);
        if (k.active) {
            c->cats = grow(c->cats, c->ncats, sizeof k);
            c->cats[c->ncats++] = k;
        } else {
            c->retired = grow(c->retired, c->nretired, sizeof k);
            c->retired[c->nretired++] = k;
        }
    }
    db_done(st);
    return r < 0 ? -1 : 0;
}

static int load_fields(catalog_t *c, db_t *db)
{
    MYSQL_STMT *st = db_query(db, sql_fields, "");
    if (!st)
        return -1;
    cat_field_t f;
    long long cat_id, req, maxlen;
    char type[16];
    int r;
    while (memset(&f, 0, sizeof f),
           (r = db_fetch(st, "iissssssii", &f.id, &cat_id, f.name, sizeof f.name, type,
                         sizeof type, f.label[0], sizeof f.label[0], f.label[1],
                         sizeof f.label[1], f.help[0], sizeof f.help[0], f.help[1],
                         sizeof f.help[1], &req, &maxlen)) == 1) {
        category_t *k = NULL; /* active categories only */
        for (int i = 0; i < c->ncats && !k; i++)
            if (c->cats[i].id == cat_id)
                k = &c->cats[i];
        if (!k)
            continue;
        f.form.type = (field_type_t)field_type_parse(type);
        f.form.required = req != 0;
        f.form.max_chars = (int)maxlen;
        k->fields = grow(k->fields, k->nfields, sizeof f);
        k->fields[k->nfields++] = f;
    }
    db_done(st);
    return r < 0 ? -1 : 0;
}

/* The admins' choice of common fields per category (the defaults stay
 * where they chose nothing). */
static int load_common(catalog_t *c, db_t *db)
{
    MYSQL_STMT *st = db_query(db, sql_common, "");
    if (!st)
        return -1;
    long long cat_id;
    char field[41], mode[16];
    int r;
    while ((r = db_fetch(st, "iss", &cat_id, field, sizeof field, mode, sizeof mode)) == 1) {
        int i = common_index(field), m = common_mode_parse(mode);
        for (int j = 0; j < c->ncats && i >= 0 && m >= 0; j++)
            if (c->cats[j].id == cat_id)
                c->cats[j].common[i] = (unsigned char)m;
    }
    db_done(st);
    return r < 0 ? -1 : 0;
}

static cat_field_t *field_by_id(catalog_t *c, long long id)
{
    for (int i = 0; i < c->ncats; i++)
        for (int j = 0; j < c->cats[i].nfields; j++)
            if (c->cats[i].fields[j].id == id)
                return &c->cats[i].fields[j];
    return NULL;
}

static int load_options(catalog_t *c, db_t *db)
{
    MYSQL_STMT *st = db_query(db, sql_options, "");
    if (!st)
        return -1;
    long long fid;
    char code[41], zh[101], en[101];
    int r;
    while ((r = db_fetch(st, "isss", &fid, code, sizeof code, zh, sizeof zh, en, sizeof en)) ==
           1) {
        cat_field_t *f = field_by_id(c, fid);
        if (!f)
            continue;
        f->choices = realloc(f->choices, (size_t)(f->nchoices + 2) * sizeof *f->choices);
        f->choice_label = grow(f->choice_label, f->nchoices, sizeof *f->choice_label);
        f->choices[f->nchoices] = strdup(code);
        f->choices[f->nchoices + 1] = NULL;
        memcpy(f->choice_label[f->nchoices][LANG_ZH], zh, sizeof zh);
        memcpy(f->choice_label[f->nchoices][LANG_EN], en, sizeof en);
        f->nchoices++;
    }
    db_done(st);
    return r < 0 ? -1 : 0;
}

/* The four targets' units as fetched ("minute", "hour", "workday"). */
typedef struct units {
    char u[4][8];
} units_t;
#define UNITS_FETCH(t, x)                                                                     \
    &(t).classify.amount, (x).u[0], sizeof (x).u[0], &(t).first_response.amount, (x).u[1],   \
        sizeof (x).u[1], &(t).resolution.amount, (x).u[2], sizeof (x).u[2],                  \
        &(t).update.amount, (x).u[3], sizeof (x).u[3]
#define UNITS_FMT "isisisis"

static sla_unit_t unit_of(const char *code)
{
    int u = sla_unit_parse(code);
    return u < 0 ? SLA_MINUTE : (sla_unit_t)u;
}

static void set_units(const units_t *x, sla_target_t *const t[4])
{
    for (int i = 0; i < 4; i++)
        t[i]->unit = unit_of(x->u[i]);
}
#define TARGET_PTRS(t)                                                                        \
    ((sla_target_t *const[]){&(t).classify, &(t).first_response, &(t).resolution, &(t).update})

static int load_priorities(catalog_t *c, db_t *db)
{
    MYSQL_STMT *st = db_query(db, sql_priorities, "");
    if (!st)
        return -1;
    priority_t p;
    units_t u;
    long long rank;
    int r;
    while (memset(&p, 0, sizeof p),
           (r = db_fetch(st, "issssii" UNITS_FMT "i", &p.id, p.code, sizeof p.code, p.name[0],
                         sizeof p.name[0], p.name[1], sizeof p.name[1], p.color, sizeof p.color,
                         &rank, &p.calendar_id, UNITS_FETCH(p, u), &p.warning_percent)) == 1) {
        set_units(&u, TARGET_PTRS(p));
        p.rank = (int)rank;
        c->prios = grow(c->prios, c->nprios, sizeof p);
        c->prios[c->nprios++] = p;
    }
    db_done(st);
    return r < 0 ? -1 : 0;
}

static int load_channels(catalog_t *c, db_t *db)
{
    MYSQL_STMT *st = db_query(db, sql_channels, "");
    if (!st)
        return -1;
    channel_t h;
    int r;
    while (memset(&h, 0, sizeof h),
           (r = db_fetch(st, "isssss", &h.id, h.code, sizeof h.code, h.name[0], sizeof h.name[0],
                         h.name[1], sizeof h.name[1], h.hours[0], sizeof h.hours[0], h.hours[1],
                         sizeof h.hours[1])) == 1) {
        c->chans = grow(c->chans, c->nchans, sizeof h);
        c->chans[c->nchans++] = h;
    }
    db_done(st);
    return r < 0 ? -1 : 0;
}

static int load_teams(catalog_t *c, db_t *db)
{
    MYSQL_STMT *st = db_query(db, sql_teams, "");
    if (!st)
        return -1;
    team_t t;
    long long rnd;
    int r;
    while (memset(&t, 0, sizeof t),
           (r = db_fetch(st, "isssi", &t.id, t.code, sizeof t.code, t.name[0], sizeof t.name[0],
                         t.name[1], sizeof t.name[1], &rnd)) == 1) {
        t.answers_escalations = rnd != 0;
        c->teams = grow(c->teams, c->nteams, sizeof t);
        c->teams[c->nteams++] = t;
    }
    db_done(st);
    return r < 0 ? -1 : 0;
}

static int load_policies(catalog_t *c, db_t *db)
{
    MYSQL_STMT *st = db_query(db, sql_policies, "");
    if (!st)
        return -1;
    sla_policy_t p;
    units_t u;
    int r;
    while (memset(&p, 0, sizeof p),
           (r = db_fetch(st, "iiiii" UNITS_FMT "i", &p.id, &p.priority_id, &p.category_id,
                         &p.tag_id, &p.calendar_id, UNITS_FETCH(p, u), &p.warning_percent)) == 1) {
        set_units(&u, TARGET_PTRS(p));
        c->pols = grow(c->pols, c->npols, sizeof p);
        c->pols[c->npols++] = p;
    }
    db_done(st);
    return r < 0 ? -1 : 0;
}

static bizcal_t *calendar_slot(catalog_t *c, long long id)
{
    for (int i = 0; i < c->ncals; i++)
        if (c->cal_ids[i] == id)
            return &c->cals[i];
    return NULL;
}

static int load_calendar_rules(catalog_t *c, db_t *db)
{
    long long cal, weekday, from, to, workday;
    char day[16];
    int r;
    MYSQL_STMT *st = db_query(db, sql_spans, "");
    if (!st)
        return -1;
    while ((r = db_fetch(st, "iiii", &cal, &weekday, &from, &to)) == 1) {
        bizcal_t *b = calendar_slot(c, cal);
        if (b && bizcal_add_span(b, (int)weekday, (int)from, (int)to))
            log_error("calendar %lld: span %lld %lld-%lld refused", cal, weekday, from, to);
    }
    db_done(st);
    if (r < 0 || !(st = db_query(db, sql_days, "")))
        return -1;
    while ((r = db_fetch(st, "isi", &cal, day, sizeof day, &workday)) == 1) {
        bizcal_t *b = calendar_slot(c, cal);
        if (b && bizcal_add_day(b, day, workday != 0))
            log_error("calendar %lld: day %s refused", cal, day);
    }
    db_done(st);
    return r < 0 ? -1 : 0;
}

/* Calendars are counted first and then built in place: a bizcal_t owns
 * memory and must not move once built. */
static int load_calendars(catalog_t *c, db_t *db)
{
    MYSQL_STMT *st = db_query(db, sql_calendars, "");
    if (!st)
        return -1;
    long long id;
    char tz[BIZCAL_TZ_MAX];
    char(*zones)[BIZCAL_TZ_MAX] = NULL;
    int r;
    while ((r = db_fetch(st, "is", &id, tz, sizeof tz)) == 1) {
        c->cal_ids = grow(c->cal_ids, c->ncals, sizeof *c->cal_ids);
        zones = grow(zones, c->ncals, sizeof *zones);
        c->cal_ids[c->ncals] = id;
        memcpy(zones[c->ncals++], tz, sizeof tz);
    }
    db_done(st);
    c->cals = calloc((size_t)(c->ncals ? c->ncals : 1), sizeof *c->cals);
    for (int i = 0; r == 0 && c->cals && i < c->ncals; i++)
        if (bizcal_init(&c->cals[i], zones[i])) {
            log_error("calendar %lld: unknown time zone %s", c->cal_ids[i], zones[i]);
            r = -1;
        }
    free(zones);
    return r < 0 || !c->cals ? -1 : load_calendar_rules(c, db);
}

int catalog_load(catalog_t *c, db_t *db)
{
    memset(c, 0, sizeof *c);
    if (load_priorities(c, db) || load_categories(c, db) || load_fields(c, db) ||
        load_options(c, db) || load_common(c, db) || load_channels(c, db) || load_teams(c, db) ||
        load_calendars(c, db) || load_policies(c, db))
        return -1;
    /* pointers into the arrays are fixed only now that loading is done */
    for (int i = 0; i < c->ncats; i++)
        for (int j = 0; j < c->cats[i].nfields; j++) {
            cat_field_t *f = &c->cats[i].fields[j];
            f->form.name = f->name;
            f->form.choices = (const char *const *)f->choices;
        }
    return 0;
}

void catalog_free(catalog_t *c)
{
    for (int i = 0; i < c->ncats; i++) {
        for (int j = 0; j < c->cats[i].nfields; j++) {
            cat_field_t *f = &c->cats[i].fields[j];
            for (int k = 0; k < f->nchoices; k++)
                free(f->choices[k]);
            free(f->choices);
            free(f->choice_label);
        }
        free(c->cats[i].fields);
    }
    free(c->cats);
    free(c->retired);
    free(c->prios);
    free(c->chans);
    free(c->teams);
    for (int i = 0; c->cals && i < c->ncals; i++)
        bizcal_free(&c->cals[i]);
    free(c->cals);
    free(c->cal_ids);
    free(c->pols);
    memset(c, 0, sizeof *c);
}

/* The category's active fields under <base>.<i>.Fields (base: Catalog.Categories,
 * the portal's, or Catalog.AllCategories, the agents'), and under
 * <base>.<i>.Common.<name> the mode of each common field. */
static void publish_fields(const category_t *k, HDF *g, const char *base, int i, lang_t l)
{
    for (int j = 0; j < COMMON_COUNT; j++)
        hdf_set_valuef(g, "%s.%d.Common.%s=%s", base, i, common_field(j)->name,
                       common_mode_name((common_mode_t)k->common[j]));
    for (int j = 0; j < k->nfields; j++) {
        const cat_field_t *f = &k->fields[j];
        hdf_set_valuef(g, "%s.%d.Fields.%d.name=%s", base, i, j, f->name);
        hdf_set_valuef(g, "%s.%d.Fields.%d.type=%s", base, i, j, field_type_code(f->form.type));
        hdf_set_valuef(g, "%s.%d.Fields.%d.label=%s", base, i, j, f->label[l]);
        hdf_set_valuef(g, "%s.%d.Fields.%d.help=%s", base, i, j, f->help[l]);
        hdf_set_valuef(g, "%s.%d.Fields.%d.required=%d", base, i, j, f->form.required);
        hdf_set_valuef(g, "%s.%d.Fields.%d.max=%d", base, i, j, f->form.max_chars);
        for (int o = 0; o < f->nchoices; o++) {
            hdf_set_valuef(g, "%s.%d.Fields.%d.Options.%d.code=%s", base, i, j, o,
                           f->choices[o]);
            hdf_set_valuef(g, "%s.%d.Fields.%d.Options.%d.label=%s", base, i, j, o,
                           f->choice_label[o][l]);
        }
    }
}

/* Catalog.Priorities.<code>.<name> = amount (0 = none), .unit = its unit. */
static void publish_target(HDF *g, const char *code, const char *name, const sla_target_t *t)
{
    hdf_set_valuef(g, "Catalog.Priorities.%s.%s=%lld", code, name, t->amount);
    hdf_set_valuef(g, "Catalog.Priorities.%s.%s.unit=%s", code, name, sla_unit_code(t->unit));
}

void catalog_publish(const catalog_t *c, texts_t *t)
{
    for (int l = 0; l < LANG_COUNT; l++) {
        HDF *g = t->global[l];
        hdf_remove_tree(g, "Catalog");
        for (int i = 0; i < c->ncats; i++) {
            const category_t *k = &c->cats[i];
            if (!k->is_public)
                continue;
            hdf_set_valuef(g, "Catalog.Categories.%d.code=%s", i, k->code);
            hdf_set_valuef(g, "Catalog.Categories.%d.name=%s", i, k->name[l]);
            hdf_set_valuef(g, "Catalog.Categories.%d.summary=%s", i, k->summary[l]);
            publish_fields(k, g, "Catalog.Categories", i, (lang_t)l);
        }
        for (int i = 0; i < c->nprios; i++) {
            const priority_t *p = &c->prios[i];
            hdf_set_valuef(g, "Catalog.Priorities.%s.name=%s", p->code, p->name[l]);
            hdf_set_valuef(g, "Catalog.Priorities.%s.color=%s", p->code, p->color);
            publish_target(g, p->code, "first_response", &p->first_response);
            publish_target(g, p->code, "resolution", &p->resolution);
        }
        for (int i = 0; i < c->nretired; i++) /* old tickets keep showing their names */
            hdf_set_valuef(g, "Catalog.CategoryName.%lld=%s", c->retired[i].id,
                           c->retired[i].name[l]);
        for (int i = 0; i < c->ncats; i++) {
            hdf_set_valuef(g, "Catalog.CategoryName.%lld=%s", c->cats[i].id, c->cats[i].name[l]);
            publish_fields(&c->cats[i], g, "Catalog.AllCategories", i, (lang_t)l);
            hdf_set_valuef(g, "Catalog.AllCategories.%d.id=%lld", i, c->cats[i].id);
            hdf_set_valuef(g, "Catalog.AllCategories.%d.code=%s", i, c->cats[i].code);
            hdf_set_valuef(g, "Catalog.AllCategories.%d.name=%s", i, c->cats[i].name[l]);
        }
        for (int i = 0; i < c->nprios; i++) {
            hdf_set_valuef(g, "Catalog.PriorityList.%d.id=%lld", i, c->prios[i].id);
            hdf_set_valuef(g, "Catalog.PriorityList.%d.code=%s", i, c->prios[i].code);
            hdf_set_valuef(g, "Catalog.PriorityList.%d.name=%s", i, c->prios[i].name[l]);
            hdf_set_valuef(g, "Catalog.PriorityList.%d.color=%s", i, c->prios[i].color);
        }
        for (int i = 0; i < c->nteams; i++) {
            hdf_set_valuef(g, "Catalog.Teams.%d.id=%lld", i, c->teams[i].id);
            hdf_set_valuef(g, "Catalog.Teams.%d.name=%s", i, c->teams[i].name[l]);
            hdf_set_valuef(g, "Catalog.TeamName.%lld=%s", c->teams[i].id, c->teams[i].name[l]);
            if (c->teams[i].answers_escalations)
                hdf_set_valuef(g, "Catalog.RndTeams.%d.id=%lld", i, c->teams[i].id);
        }
        for (int i = 0; i < c->nchans; i++) {
            hdf_set_valuef(g, "Catalog.Channels.%d.id=%lld", i, c->chans[i].id);
            hdf_set_valuef(g, "Catalog.ChannelName.%lld=%s", c->chans[i].id, c->chans[i].name[l]);
            hdf_set_valuef(g, "Catalog.Channels.%d.code=%s", i, c->chans[i].code);
            hdf_set_valuef(g, "Catalog.Channels.%d.name=%s", i, c->chans[i].name[l]);
            hdf_set_valuef(g, "Catalog.Channels.%d.hours=%s", i, c->chans[i].hours[l]);
        }
    }
}

#define FIND(arr, n, cond)                                                                    \
    for (int i = 0; i < (n); i++)                                                             \
        if (cond)                                                                             \
            return &(arr)[i];                                                                 \
    return NULL

const category_t *catalog_category(const catalog_t *c, const char *code)
{
    FIND(c->cats, c->ncats, code && strcmp(c->cats[i].code, code) == 0);
}
const category_t *catalog_category_by_id(const catalog_t *c, long long id)
{
    for (int i = 0; i < c->ncats; i++)
        if (c->cats[i].id == id)
            return &c->cats[i];
    FIND(c->retired, c->nretired, c->retired[i].id == id);
}
const priority_t *catalog_priority(const catalog_t *c, const char *code)
{
    FIND(c->prios, c->nprios, code && strcmp(c->prios[i].code, code) == 0);
}
const priority_t *catalog_priority_by_id(const catalog_t *c, long long id)
{
    FIND(c->prios, c->nprios, c->prios[i].id == id);
}
const channel_t *catalog_channel(const catalog_t *c, const char *code)
{
    FIND(c->chans, c->nchans, code && strcmp(c->chans[i].code, code) == 0);
}
const channel_t *catalog_channel_by_id(const catalog_t *c, long long id)
{
    FIND(c->chans, c->nchans, c->chans[i].id == id);
}
const bizcal_t *catalog_calendar(const catalog_t *c, long long id)
{
    FIND(c->cals, c->ncals, c->cal_ids[i] == id);
}
const team_t *catalog_team_by_id(const catalog_t *c, long long id)
{
    FIND(c->teams, c->nteams, c->teams[i].id == id);
}
