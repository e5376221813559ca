/* tags: see tags.h. */
#include "desk/customer/tags.h"

#include <stdio.h>
#include <string.h>

#include "core/log.h"

const char *const tag_colors[] = {"neutral", "gold", "purple", "blue", "green", "red", "orange",
                                  NULL};

#define TAG_COLUMNS "SELECT g.id, g.code, g.name_zh, g.name_en, g.color, g.is_system, g.active"
#define TAG_FETCH "issssii"
#define TAG_ARGS(t)                                                                           \
    &(t)->id, (t)->code, sizeof (t)->code, (t)->name[LANG_ZH], sizeof (t)->name[LANG_ZH],   \
        (t)->name[LANG_EN], sizeof (t)->name[LANG_EN], (t)->color, sizeof (t)->color, &sys, \
        &act

static const char sql_each[] =
    TAG_COLUMNS ", (SELECT COUNT(*) FROM customer_tags ct WHERE ct.tag_id = g.id) FROM tags g"
                " ORDER BY g.is_system DESC, g.active DESC, g.id";
/* for every worker's reload: no counts (they read the index of each tag) */
static const char sql_each_light[] =
    TAG_COLUMNS ", 0 FROM tags g ORDER BY g.is_system DESC, g.active DESC, g.id";
static const char sql_by_id[] = TAG_COLUMNS ", 0 FROM tags g ORDER BY g.id LIMIT ?";
static const char sql_get[] = TAG_COLUMNS " FROM tags g WHERE g.id = ?";
static const char sql_get_lock[] = TAG_COLUMNS " FROM tags g WHERE g.id = ? FOR UPDATE";
static const char sql_insert[] =
    "INSERT INTO tags (code, name_zh, name_en, color, is_system, active) VALUES (?, ?, ?, ?, 0, 1)";
static const char sql_update[] =
    "UPDATE tags SET name_zh = ?, name_en = ?, color = ?, active = ? WHERE id = ?";
static const char sql_customer[] =
    "SELECT c.name, COALESCE(o.name, ''), COALESCE(c.organisation_id, 0) FROM customers c"
    " LEFT JOIN organisations o ON o.id = c.organisation_id WHERE c.id = ?";
static const char sql_of_customer[] =
    TAG_COLUMNS ", ct.source, COALESCE(ct.reason, ''), ct.created_at FROM customer_tags ct"
                " JOIN tags g ON g.id = ct.tag_id WHERE ct.customer_id = ?"
                " ORDER BY ct.created_at, g.id";
static const char sql_assign[] =
    "INSERT IGNORE INTO customer_tags (customer_id, tag_id, source, reason, created_at)"
    " VALUES (?, ?, 'manual', NULL, ?)";
static const char sql_unassign[] = "DELETE FROM customer_tags WHERE customer_id = ? AND tag_id = ?";

/* ---- rules -------------------------------------------------------------- */

void tags_rules(const desk_t *d, tag_rules_t *r)
{
    const settings_t *s = &d->settings;
    r->complaint_count = settings_get_int(s, &d->cfg, CFG_TAGS_COMPLAINT_COUNT);
    r->complaint_days = settings_get_int(s, &d->cfg, CFG_TAGS_COMPLAINT_DAYS);
    r->vip_raises_priority = settings_get_bool(s, &d->cfg, CFG_TAGS_VIP_RAISES_PRIORITY);
    snprintf(r->complaint_categories, sizeof r->complaint_categories, "%s",
             settings_get_str(s, &d->cfg, CFG_TAGS_COMPLAINT_CATEGORIES));
}

bool tag_code_valid(const char *code)
{
    size_t n = code ? strlen(code) : 0;
    return n >= 2 && n <= TAG_CODE_MAX && code[0] >= 'a' && code[0] <= 'z' &&
           strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

/* ---- tags --------------------------------------------------------------- */

/* The tags of st (TAG_COLUMNS and a count) into fn; the number or -1. */
static int each_row(MYSQL_STMT *st, void (*fn)(const tag_t *t, void *ctx), void *ctx)
{
    if (!st)
        return -1;
    tag_t t;
    long long sys, act;
    int n = 0, rc;
    while (memset(&t, 0, sizeof t),
           (rc = db_fetch(st, TAG_FETCH "i", TAG_ARGS(&t), &t.customers)) == 1) {
        t.system = sys != 0;
        t.active = act != 0;
        fn(&t, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int tags_each(desk_t *d, bool with_counts, void (*fn)(const tag_t *t, void *ctx), void *ctx)
{
    return each_row(db_query(&d->db, with_counts ? sql_each : sql_each_light, ""), fn, ctx);
}

int tags_each_by_id(desk_t *d, int limit, void (*fn)(const tag_t *t, void *ctx), void *ctx)
{
    return each_row(db_query(&d->db, sql_by_id, "i", (long long)limit), fn, ctx);
}

static int get_one(desk_t *d, const char *sql, const char *pfmt, const void *arg, tag_t *t)
{
    long long sys = 0, act = 0;
    int rc;
    memset(t, 0, sizeof *t);
    if (pfmt[0] == 'i')
        rc = db_row(&d->db, sql, "i", TAG_FETCH, *(const long long *)arg, TAG_ARGS(t));
    else
        rc = db_row(&d->db, sql, "s", TAG_FETCH, (const char *)arg, TAG_ARGS(t));
    t->system = sys != 0;
    t->active = act != 0;
    return rc;
}

int tags_get(desk_t *d, long long id, bool lock, tag_t *t)
{
    return db_found(get_one(d, lock ? sql_get_lock : sql_get, "i", &id, t));
}

int tags_create(desk_t *d, tag_t *t)
{
    int rc = db_exec(&d->db, sql_insert, "ssss", t->code, t->name[LANG_ZH], t->name[LANG_EN],
                     t->color);
    if (rc < 0)
        return rc;
    t->id = (long long)d->db.last_id;
    t->active = true;
    return OUTCOME_OK;
}

int tags_update(desk_t *d, const tag_t *t)
{
    int rc = db_exec(&d->db, sql_update, "sssii", t->name[LANG_ZH], t->name[LANG_EN], t->color,
                     (long long)t->active, t->id);
    return rc < 0 ? rc : OUTCOME_OK;
}

int tags_set_active(desk_t *d, const tag_t *t, bool active)
{
    if (t->system)
        return CHANGE_REFUSED;
    if (t->active == active)
        return CHANGE_UNCHANGED;
    tag_t changed = *t;
    changed.active = active;
    return tags_update(d, &changed);
}

/* ---- on customers ---------------------------------------------------------- */

int tags_customer(desk_t *d, long long customer_id, char *name, size_t name_cap, char *org,
                  size_t org_cap, long long *org_id)
{
    return db_found(db_row(&d->db, sql_customer, "i", "ssi", customer_id, name, name_cap, org,
                           org_cap, org_id));
}

int tags_of_customer(desk_t *d, long long customer_id,
                     void (*fn)(const customer_tag_t *t, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_of_customer, "i", customer_id);
    if (!st)
        return -1;
    customer_tag_t c;
    long long sys, act;
    int rc;
    while (memset(&c, 0, sizeof c),
           (rc = db_fetch(st, TAG_FETCH "sst", TAG_ARGS(&c.tag), c.source, sizeof c.source,
                          c.reason, sizeof c.reason, &c.at)) == 1) {
        c.tag.system = sys != 0;
        c.tag.active = act != 0;
        fn(&c, ctx);
    }
    db_done(st);
    return rc < 0 ? -1 : 0;
}

int tags_assign(desk_t *d, long long customer_id, long long tag_id, time_t now)
{
    int rc = db_exec(&d->db, sql_assign, "iit", customer_id, tag_id, now);
    return rc < 0 ? rc : rc > 0;
}

int tags_unassign(desk_t *d, long long customer_id, long long tag_id)
{
    int rc = db_exec(&d->db, sql_unassign, "ii", customer_id, tag_id);
    return rc < 0 ? rc : rc > 0;
}

/* ---- for the templates ------------------------------------------------------ */

#define PUBLISH_MAX 256

typedef struct collected {
    tag_t items[PUBLISH_MAX];
    int n;
} collected_t;

static void collect(const tag_t *t, void *ctx)
{
    collected_t *c = ctx;
    if (c->n < PUBLISH_MAX)
        c->items[c->n++] = *t;
}

void tags_publish(desk_t *d)
{
    if (!d->texts.global[0])
        return;
    tag_rules_t r;
    tags_rules(d, &r);
    static collected_t got; /* about 130 KB: not on the stack */
    got.n = 0;
    bool ok = tags_each(d, false, collect, &got) >= 0;
    if (!ok) /* the old list stays */
        log_error("cannot read the customer tags (run deskctl migrate?)");
    for (int l = 0; l < LANG_COUNT; l++) {
        HDF *g = d->texts.global[l];
        hdf_set_valuef(g, "Rules.complaints=%ld", r.complaint_count);
        hdf_set_valuef(g, "Rules.days=%ld", r.complaint_days);
        if (!ok)
            continue;
        hdf_remove_tree(g, "TagDefs");
        for (int i = 0; i < got.n; i++) {
            const tag_t *t = &got.items[i];
            hdf_set_valuef(g, "TagDefs.%s.name=%s", t->code, t->name[l]);
            hdf_set_valuef(g, "TagDefs.%s.color=%s", t->code, t->color);
            if (!t->active) /* shown nowhere any more */
                hdf_set_valuef(g, "TagDefs.%s.off=1", t->code);
        }
    }
}
