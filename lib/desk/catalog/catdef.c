/* catdef: see catdef.h. */
#include "desk/catalog/catdef.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

/* ---- checks without the database ---------------------------------------- */

static const char *const types[] = {"text",   "longtext", "number",      "date",
                                    "datetime", "choice", "multichoice", "bool"};
#define NTYPES (sizeof types / sizeof *types)

bool catdef_code_ok(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    return n > 0 && n <= CATDEF_CODE_MAX && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

bool catdef_type_ok(const char *type)
{
    for (size_t i = 0; type && i < NTYPES; i++)
        if (strcmp(type, types[i]) == 0)
            return true;
    return false;
}

bool catdef_type_has_options(const char *type)
{
    return type && (strcmp(type, "choice") == 0 || strcmp(type, "multichoice") == 0);
}

bool catdef_type_has_length(const char *type)
{
    return type && (strcmp(type, "text") == 0 || strcmp(type, "longtext") == 0);
}

long long catdef_length_limit(const char *type)
{
    return type && strcmp(type, "longtext") == 0 ? 10000 : 1000;
}

long long catdef_default_max(const char *type)
{
    static const struct { const char *type; long long max; } defaults[] = {
        {"text", 200},    {"longtext", 5000}, {"number", 30},       {"date", 10},
        {"datetime", 16}, {"choice", 40},     {"multichoice", 2100}, {"bool", 1},
    };
    for (size_t i = 0; type && i < sizeof defaults / sizeof *defaults; i++)
        if (strcmp(type, defaults[i].type) == 0)
            return defaults[i].max;
    return 200;
}

/* Splits one line at "|" or the full-width "｜" into at most 4 parts (in place). */
static int split_line(char *line, char *parts[4])
{
    int n = 0;
    parts[n++] = line;
    for (char *p = line; *p && n < 4;) {
        size_t sep = *p == '|' ? 1 : strncmp(p, "\xef\xbd\x9c", 3) == 0 ? 3 : 0;
        if (sep) {
            *p = '\0';
            p += sep;
            parts[n++] = p;
        } else {
            p++;
        }
    }
    for (int i = 0; i < n; i++)
        text_trim(parts[i]);
    return n;
}

/* At most 100 bytes: what the catalogue keeps of a label (33 Chinese characters). */
static bool label_ok(const char *s)
{
    return *s && strlen(s) < sizeof ((optline_t *)0)->label[0] && text_is_clean_utf8(s, strlen(s));
}

/* One line into o; NULL or an error key. */
static const char *parse_line(char *line, optline_t *o)
{
    char *parts[4];
    if (split_line(line, parts) != 3)
        return "option_line";
    if (!catdef_code_ok(parts[0]))
        return "option_code";
    if (!label_ok(parts[1]) || !label_ok(parts[2]))
        return "option_label";
    snprintf(o->code, sizeof o->code, "%s", parts[0]);
    snprintf(o->label[LANG_ZH], sizeof o->label[LANG_ZH], "%s", parts[1]);
    snprintf(o->label[LANG_EN], sizeof o->label[LANG_EN], "%s", parts[2]);
    return NULL;
}

int catdef_parse_options(const char *text, optline_t *out, int cap, const char **err, int *line)
{
    char *copy = strdup(text ? text : "");
    int n = 0, at = 0;
    *err = NULL;
    *line = 0;
    if (!copy) {
        *err = "unavailable";
        return -1;
    }
    /* strsep keeps empty lines, so the line numbers are right */
    for (char *rest = copy, *l; !*err && (l = strsep(&rest, "\n")) != NULL;) {
        at++;
        if (!*text_trim(l))
            continue;
        if (n == cap) {
            *err = "too_many_options";
            break;
        }
        if ((*err = parse_line(l, &out[n])) != NULL)
            break;
        for (int i = 0; i < n && !*err; i++)
            if (strcmp(out[i].code, out[n].code) == 0)
                *err = "option_dup";
        if (!*err)
            n++;
    }
    free(copy);
    if (*err) {
        *line = at;
        return -1;
    }
    return n;
}

/* ---- categories ----------------------------------------------------------- */

#define CATEGORY_COLUMNS                                                                      \
    "SELECT c.id, c.code, c.name_zh, c.name_en, c.summary_zh, c.summary_en,"                 \
    " c.default_priority_id, COALESCE(c.team_id, 0), c.sort_order, c.is_public, c.active"
static const char sql_cat_list[] = CATEGORY_COLUMNS
    ", (SELECT COUNT(*) FROM category_fields f WHERE f.category_id = c.id AND f.active = 1)"
    " FROM categories c ORDER BY c.active DESC, c.sort_order, c.id LIMIT 500";
static const char sql_cat_get[] = CATEGORY_COLUMNS ", 0 FROM categories c WHERE c.id = ?";
static const char sql_cat_get_lock[] =
    CATEGORY_COLUMNS ", 0 FROM categories c WHERE c.id = ? FOR UPDATE";
static const char sql_cat_code[] = "SELECT 1 FROM categories WHERE code = ? AND id <> ?";
static const char sql_cat_insert[] =
    "INSERT INTO categories (code, name_zh, name_en, summary_zh, summary_en,"
    " default_priority_id, team_id, sort_order, is_public, active)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
static const char sql_cat_update[] =
    "UPDATE categories SET code = ?, name_zh = ?, name_en = ?, summary_zh = ?, summary_en = ?,"
    " default_priority_id = ?, team_id = ?, sort_order = ?, is_public = ? WHERE id = ?";
static const char sql_cat_active[] = "UPDATE categories SET active = ? WHERE id = ?";

static int fetch_category(MYSQL_STMT *st, catdef_t *c)
{
    long long pub, active;
    memset(c, 0, sizeof *c);
    int rc = db_fetch(st, "isssssiiiiii", &c->id, c->code, sizeof c->code, c->name[LANG_ZH],
                      sizeof c->name[LANG_ZH], c->name[LANG_EN], sizeof c->name[LANG_EN],
                      c->summary[LANG_ZH], sizeof c->summary[LANG_ZH], c->summary[LANG_EN],
                      sizeof c->summary[LANG_EN], &c->priority_id, &c->team_id, &c->sort_order,
                      &pub, &active, &c->nfields);
    c->is_public = pub != 0;
    c->active = active != 0;
    return rc;
}

int catdef_each(desk_t *d, void (*fn)(const catdef_t *c, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_cat_list, "");
    if (!st)
        return -1;
    catdef_t c;
    int rc, n = 0;
    while ((rc = fetch_category(st, &c)) == 1) {
        fn(&c, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int catdef_get(desk_t *d, long long id, bool lock, catdef_t *c)
{
    MYSQL_STMT *st = db_query(&d->db, lock ? sql_cat_get_lock : sql_cat_get, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    int rc = fetch_category(st, c);
    db_done(st);
    return db_found(rc);
}

int catdef_code_taken(desk_t *d, const char *code, long long except_id)
{
    long long one;
    return db_row(&d->db, sql_cat_code, "si", "i", code, except_id, &one);
}

static int done(int rc) { return rc < 0 ? rc : OUTCOME_OK; }

/* What a write of c's code says: CHANGE_REFUSED when another category had
 * the code (taken: catdef_code_taken before it; rc: the write's outcome). */
static int code_outcome(int taken, int rc)
{
    if (taken == 1 || rc == OUTCOME_DUPLICATE) /* taken before, or just now */
        return CHANGE_REFUSED;
    return taken < 0 ? taken : rc;
}

int catdef_insert(desk_t *d, const catdef_t *c)
{
    int taken = catdef_code_taken(d, c->code, 0);
    if (taken != 0)
        return code_outcome(taken, OUTCOME_OK);
    return code_outcome(0, done(db_exec(&d->db, sql_cat_insert, "sssssijii", c->code,
                                        c->name[LANG_ZH], c->name[LANG_EN], c->summary[LANG_ZH],
                                        c->summary[LANG_EN], c->priority_id, c->team_id,
                                        c->sort_order, (long long)c->is_public)));
}

int catdef_update(desk_t *d, const catdef_t *c)
{
    int taken = catdef_code_taken(d, c->code, c->id);
    if (taken != 0)
        return code_outcome(taken, OUTCOME_OK);
    return code_outcome(0, done(db_exec(&d->db, sql_cat_update, "sssssijiii", c->code,
                                        c->name[LANG_ZH], c->name[LANG_EN], c->summary[LANG_ZH],
                                        c->summary[LANG_EN], c->priority_id, c->team_id,
                                        c->sort_order, (long long)c->is_public, c->id)));
}

int catdef_set_active(desk_t *d, long long id, bool active)
{
    return done(db_exec(&d->db, sql_cat_active, "ii", (long long)active, id));
}

/* ---- the common fields a category asks for -------------------------------------- */

static const char sql_common_get[] =
    "SELECT field, mode FROM category_common_fields WHERE category_id = ?";
static const char sql_common_set[] =
    "INSERT INTO category_common_fields (category_id, field, mode) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE mode = VALUES(mode)";

int catdef_common_get(desk_t *d, long long category_id, unsigned char *modes)
{
    for (int i = 0; i < COMMON_COUNT; i++)
        modes[i] = (unsigned char)common_default(i);
    MYSQL_STMT *st = db_query(&d->db, sql_common_get, "i", category_id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    char field[41], mode[16];
    int rc;
    while ((rc = db_fetch(st, "ss", field, sizeof field, mode, sizeof mode)) == 1) {
        int i = common_index(field), m = common_mode_parse(mode);
        if (i >= 0 && m >= 0)
            modes[i] = (unsigned char)m;
    }
    db_done(st);
    return rc < 0 ? rc : OUTCOME_OK;
}

int catdef_common_set(desk_t *d, long long category_id, int i, common_mode_t mode)
{
    return done(db_exec(&d->db, sql_common_set, "iss", category_id, common_field(i)->name,
                        common_mode_name(mode)));
}

/* ---- fields --------------------------------------------------------------- */

#define FIELD_COLUMNS                                                                         \
    "SELECT f.id, f.category_id, f.name, f.field_type, f.label_zh, f.label_en, f.help_zh,"   \
    " f.help_en, f.required, f.active, f.max_length, f.sort_order"
static const char sql_field_list[] = FIELD_COLUMNS
    ", (SELECT COUNT(*) FROM category_field_options o WHERE o.field_id = f.id AND o.active = 1)"
    " FROM category_fields f WHERE f.category_id = ? ORDER BY f.sort_order, f.id";
static const char sql_field_get[] = FIELD_COLUMNS ", 0 FROM category_fields f WHERE f.id = ?";
static const char sql_field_get_lock[] =
    FIELD_COLUMNS ", 0 FROM category_fields f WHERE f.id = ? FOR UPDATE";
static const char sql_field_name[] =
    "SELECT 1 FROM category_fields WHERE category_id = ? AND name = ?";
static const char sql_field_insert[] =
    "INSERT INTO category_fields (category_id, name, field_type, label_zh, label_en, help_zh,"
    " help_en, required, max_length, sort_order, active)"
    " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(MAX(sort_order), 0) + 1, 1"
    " FROM category_fields WHERE category_id = ?";
static const char sql_field_update[] =
    "UPDATE category_fields SET label_zh = ?, label_en = ?, help_zh = ?, help_en = ?,"
    " required = ?, max_length = ? WHERE id = ?";
static const char sql_field_active[] = "UPDATE category_fields SET active = ? WHERE id = ?";
static const char sql_field_order[] = "UPDATE category_fields SET sort_order = ? WHERE id = ?";
static const char sql_field_count[] =
    "SELECT COUNT(*) FROM category_fields WHERE category_id = ? AND active = 1";
/* every field of the category, locked: moves are serialised per category */
static const char sql_field_ids[] =
    "SELECT id, active, sort_order FROM category_fields WHERE category_id = ?"
    " ORDER BY sort_order, id FOR UPDATE";

static int fetch_field(MYSQL_STMT *st, fielddef_t *f)
{
    long long req, active;
    memset(f, 0, sizeof *f);
    int rc = db_fetch(st, "iissssssiiiii", &f->id, &f->category_id, f->name, sizeof f->name,
                      f->type, sizeof f->type, f->label[LANG_ZH], sizeof f->label[LANG_ZH],
                      f->label[LANG_EN], sizeof f->label[LANG_EN], f->help[LANG_ZH],
                      sizeof f->help[LANG_ZH], f->help[LANG_EN], sizeof f->help[LANG_EN], &req,
                      &active, &f->max_length, &f->sort_order, &f->noptions);
    f->required = req != 0;
    f->active = active != 0;
    return rc;
}

int fielddef_each(desk_t *d, long long category_id, void (*fn)(const fielddef_t *f, void *ctx),
                  void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_field_list, "i", category_id);
    if (!st)
        return -1;
    fielddef_t f;
    int rc, n = 0;
    while ((rc = fetch_field(st, &f)) == 1) {
        fn(&f, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int fielddef_get(desk_t *d, long long id, bool lock, fielddef_t *f)
{
    MYSQL_STMT *st = db_query(&d->db, lock ? sql_field_get_lock : sql_field_get, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    int rc = fetch_field(st, f);
    db_done(st);
    return db_found(rc);
}

int fielddef_name_taken(desk_t *d, long long category_id, const char *name)
{
    long long one;
    return db_row(&d->db, sql_field_name, "is", "i", category_id, name, &one);
}


int fielddef_update(desk_t *d, const fielddef_t *f)
{
    return done(db_exec(&d->db, sql_field_update, "ssssiii", f->label[LANG_ZH],
                        f->label[LANG_EN], f->help[LANG_ZH], f->help[LANG_EN],
                        (long long)f->required, f->max_length, f->id));
}

static int optdef_insert(desk_t *d, optdef_t *o);

int fielddef_add(desk_t *d, fielddef_t *f, const optline_t *opts, int nopts, refusal_t *why)
{
    int taken = fielddef_name_taken(d, f->category_id, f->name);
    int n = taken == 0 ? fielddef_active_count(d, f->category_id) : 0;
    if (taken == 1 || n >= CATDEF_MAX_FIELDS) {
        refusal_add(why, taken == 1 ? "name" : "_form",
                    taken == 1 ? "cat_taken" : "cat_too_many_fields");
        return CHANGE_REFUSED;
    }
    int rc = taken < 0  ? taken
             : n < 0    ? n
                        : done(db_exec(&d->db, sql_field_insert, "issssssiii", f->category_id,
                                       f->name, f->type, f->label[LANG_ZH], f->label[LANG_EN],
                                       f->help[LANG_ZH], f->help[LANG_EN], (long long)f->required,
                                       f->max_length, f->category_id));
    if (rc == OUTCOME_DUPLICATE) { /* taken just now */
        refusal_add(why, "name", "cat_taken");
        return CHANGE_REFUSED;
    }
    f->id = rc == OUTCOME_OK ? (long long)d->db.last_id : 0;
    for (int i = 0; rc == OUTCOME_OK && i < nopts; i++) {
        optdef_t o = {.field_id = f->id};
        snprintf(o.code, sizeof o.code, "%s", opts[i].code);
        memcpy(o.label, opts[i].label, sizeof o.label);
        rc = optdef_insert(d, &o);
    }
    return rc;
}

int fielddef_set_active(desk_t *d, const fielddef_t *f, bool active, const char **why)
{
    *why = NULL;
    if (active) { /* back on the form: within the limit, and a choice needs an option */
        int n = fielddef_active_count(d, f->category_id);
        int opts = catdef_type_has_options(f->type) ? optdef_active_count(d, f->id) : 1;
        if (n < 0 || opts < 0)
            return n < 0 ? n : opts;
        if (n >= CATDEF_MAX_FIELDS)
            *why = "cat_too_many_fields";
        else if (opts == 0)
            *why = "cat_needs_option";
        if (*why)
            return CHANGE_REFUSED;
    }
    return done(db_exec(&d->db, sql_field_active, "ii", (long long)active, f->id));
}

int fielddef_active_count(desk_t *d, long long category_id)
{
    long long n = 0;
    int rc = db_row(&d->db, sql_field_count, "i", "i", category_id, &n);
    return rc < 0 ? rc : (int)n;
}

typedef struct slot {
    long long id, order;
    bool active;
} slot_t;

/* The category's fields in form order, locked; count or <0. */
static int load_slots(desk_t *d, long long category_id, slot_t *s, int cap)
{
    MYSQL_STMT *st = db_query(&d->db, sql_field_ids, "i", category_id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long id, active, order;
    int rc, n = 0;
    while ((rc = db_fetch(st, "iii", &id, &active, &order)) == 1)
        if (n < cap)
            s[n++] = (slot_t){id, order, active != 0};
    db_done(st);
    return rc < 0 ? rc : n;
}

/* Index of the next active slot from i in direction dir, or -1. */
static int next_active(const slot_t *s, int n, int i, int dir)
{
    for (int j = i + dir; j >= 0 && j < n; j += dir)
        if (s[j].active)
            return j;
    return -1;
}

int fielddef_move(desk_t *d, const fielddef_t *f, int dir, long long *from, long long *to)
{
    enum { CAP = 512 };
    slot_t *s = malloc(CAP * sizeof *s);
    if (!s)
        return OUTCOME_UNAVAILABLE;
    int n = load_slots(d, f->category_id, s, CAP), at = -1;
    for (int i = 0; i < n; i++)
        if (s[i].id == f->id)
            at = i;
    int other = at < 0 || !s[at].active ? -1 : next_active(s, n, at, dir);
    int rc = n < 0 ? n : other < 0 ? 0 : 1;
    if (rc == 1) {
        slot_t t = s[at];
        s[at] = s[other];
        s[other] = t;
        *from = at + 1;
        /* 1..n in the new order: rows whose number is already right are left alone */
        for (int i = 0; rc == 1 && i < n; i++)
            if (s[i].order != i + 1 && db_exec(&d->db, sql_field_order, "ii", (long long)i + 1,
                                                s[i].id) < 0)
                rc = OUTCOME_UNAVAILABLE;
        *to = other + 1;
    }
    free(s);
    return rc;
}

/* ---- options -------------------------------------------------------------- */

#define OPTION_COLUMNS                                                                        \
    "SELECT id, field_id, code, label_zh, label_en, sort_order, active FROM"                 \
    " category_field_options"
static const char sql_opt_list[] = OPTION_COLUMNS " WHERE field_id = ? ORDER BY sort_order, id";
static const char sql_opt_get[] = OPTION_COLUMNS " WHERE id = ?";
static const char sql_opt_get_lock[] = OPTION_COLUMNS " WHERE id = ? FOR UPDATE";
static const char sql_opt_code[] =
    "SELECT 1 FROM category_field_options WHERE field_id = ? AND code = ?";
static const char sql_opt_count[] =
    "SELECT COUNT(*) FROM category_field_options WHERE field_id = ? AND active = 1";
static const char sql_opt_insert[] =
    "INSERT INTO category_field_options (field_id, code, label_zh, label_en, sort_order, active)"
    " SELECT ?, ?, ?, ?, COALESCE(MAX(sort_order), 0) + 1, 1 FROM category_field_options"
    " WHERE field_id = ?";
static const char sql_opt_active[] = "UPDATE category_field_options SET active = ? WHERE id = ?";

static int fetch_option(MYSQL_STMT *st, optdef_t *o)
{
    long long active;
    memset(o, 0, sizeof *o);
    int rc = db_fetch(st, "iisssii", &o->id, &o->field_id, o->code, sizeof o->code,
                      o->label[LANG_ZH], sizeof o->label[LANG_ZH], o->label[LANG_EN],
                      sizeof o->label[LANG_EN], &o->sort_order, &active);
    o->active = active != 0;
    return rc;
}

int optdef_each(desk_t *d, long long field_id, void (*fn)(const optdef_t *o, void *ctx),
                void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_opt_list, "i", field_id);
    if (!st)
        return -1;
    optdef_t o;
    int rc, n = 0;
    while ((rc = fetch_option(st, &o)) == 1) {
        fn(&o, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int optdef_get(desk_t *d, long long id, bool lock, optdef_t *o)
{
    MYSQL_STMT *st = db_query(&d->db, lock ? sql_opt_get_lock : sql_opt_get, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    int rc = fetch_option(st, o);
    db_done(st);
    return db_found(rc);
}

int optdef_code_taken(desk_t *d, long long field_id, const char *code)
{
    long long one;
    return db_row(&d->db, sql_opt_code, "is", "i", field_id, code, &one);
}

int optdef_active_count(desk_t *d, long long field_id)
{
    long long n = 0;
    int rc = db_row(&d->db, sql_opt_count, "i", "i", field_id, &n);
    return rc < 0 ? rc : (int)n;
}

static int optdef_insert(desk_t *d, optdef_t *o)
{
    int rc = done(db_exec(&d->db, sql_opt_insert, "isssi", o->field_id, o->code,
                          o->label[LANG_ZH], o->label[LANG_EN], o->field_id));
    o->id = rc == OUTCOME_OK ? (long long)d->db.last_id : 0;
    return rc;
}

int optdef_add(desk_t *d, optdef_t *o, refusal_t *why)
{
    int taken = optdef_code_taken(d, o->field_id, o->code);
    int n = taken == 0 ? optdef_active_count(d, o->field_id) : 0;
    if (taken == 1 || n >= CATDEF_MAX_OPTIONS) {
        refusal_add(why, taken == 1 ? "code" : "_form",
                    taken == 1 ? "cat_taken" : "cat_too_many_options");
        return CHANGE_REFUSED;
    }
    int rc = taken < 0 ? taken : n < 0 ? n : optdef_insert(d, o);
    if (rc == OUTCOME_DUPLICATE) { /* taken just now */
        refusal_add(why, "code", "cat_taken");
        return CHANGE_REFUSED;
    }
    return rc;
}

int optdef_set_active(desk_t *d, const fielddef_t *f, const optdef_t *o, bool active)
{
    int n = active ? 0 : optdef_active_count(d, f->id);
    if (!active && f->active && n >= 0 && n <= 1)
        return CHANGE_REFUSED;
    return n < 0 ? n : done(db_exec(&d->db, sql_opt_active, "ii", (long long)active, o->id));
}
