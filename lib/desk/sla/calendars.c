/* calendars: see calendars.h. */
#include "desk/sla/calendars.h"

#include <stdio.h>
#include <string.h>

#include "core/calrules.h"
#include "core/text.h"
#include "desk/audit.h"

const char *const calendar_weekdays[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
const char *const calendar_day_kinds[] = {"holiday", "workday", NULL};

#define CAL_COLS "SELECT id, code, name_zh, name_en, time_zone, active FROM business_calendars"
static const char sql_list[] = CAL_COLS " ORDER BY active DESC, id LIMIT ?";
static const char sql_get[] = CAL_COLS " WHERE id = ?";
static const char sql_lock[] = CAL_COLS " WHERE id = ? FOR UPDATE";
#define CAL_FMT "issssi"
#define CAL_FETCH(c)                                                                           \
    &(c)->id, (c)->code, sizeof (c)->code, (c)->name_zh, sizeof (c)->name_zh, (c)->name_en,    \
        sizeof (c)->name_en, (c)->zone, sizeof (c)->zone, &active
static const char sql_spans[] =
    "SELECT weekday, start_minute, end_minute FROM calendar_spans WHERE calendar_id = ?"
    " ORDER BY weekday, start_minute";
static const char sql_week_minutes[] =
    "SELECT calendar_id, SUM(end_minute - start_minute) FROM calendar_spans GROUP BY calendar_id";
static const char sql_day_counts[] =
    "SELECT calendar_id, SUM(kind = 'holiday'), SUM(kind = 'workday') FROM calendar_days"
    " WHERE day >= ? GROUP BY calendar_id";
static const char sql_users[] =
    "SELECT calendar_id, GROUP_CONCAT(name_zh ORDER BY rank_order SEPARATOR '、') FROM priorities"
    " WHERE active = 1 GROUP BY calendar_id";
static const char sql_days[] =
    "SELECT CAST(day AS CHAR), kind, COALESCE(name, '') FROM calendar_days"
    " WHERE calendar_id = ? AND day >= ? ORDER BY day LIMIT ?";
static const char sql_day_get[] =
    "SELECT kind, COALESCE(name, '') FROM calendar_days WHERE calendar_id = ? AND day = ?";
static const char sql_usable[] =
    "SELECT active FROM business_calendars WHERE id = ? LOCK IN SHARE MODE";
static const char sql_code_taken[] = "SELECT COUNT(*) FROM business_calendars WHERE code = ?";
static const char sql_insert[] =
    "INSERT INTO business_calendars (code, name_zh, name_en, time_zone) VALUES (?, ?, ?, ?)";
static const char sql_update[] =
    "UPDATE business_calendars SET name_zh = ?, name_en = ?, time_zone = ? WHERE id = ?";
static const char sql_active[] = "UPDATE business_calendars SET active = ? WHERE id = ?";
static const char sql_clear_spans[] = "DELETE FROM calendar_spans WHERE calendar_id = ?";
static const char sql_insert_span[] =
    "INSERT INTO calendar_spans (calendar_id, weekday, start_minute, end_minute)"
    " VALUES (?, ?, ?, ?)";
static const char sql_put_day[] =
    "INSERT INTO calendar_days (calendar_id, day, kind, name) VALUES (?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name)";
static const char sql_del_day[] = "DELETE FROM calendar_days WHERE calendar_id = ? AND day = ?";
static const char sql_in_use[] =
    "SELECT (SELECT COUNT(*) FROM priorities WHERE calendar_id = ? AND active = 1) +"
    " (SELECT COUNT(*) FROM sla_policies WHERE calendar_id = ? AND active = 1)";

/* ---- rules ------------------------------------------------------------------------ */

bool calendar_day_valid(const char *day, const char *kind, const char *name)
{
    return day && kind && name && calrules_date_ok(day) &&
           (!strcmp(kind, "holiday") || !strcmp(kind, "workday")) &&
           text_is_clean_utf8(name, strlen(name)) && text_chars(name) <= CALENDAR_DAY_NAME_MAX;
}

/* ---- reading ---------------------------------------------------------------------- */

int calendars_each(desk_t *d, int limit, void (*fn)(const calendar_def_t *c, void *ctx),
                   void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_list, "i", (long long)limit);
    if (!st)
        return -1;
    calendar_def_t c;
    long long active;
    int n = 0, rc;
    while (memset(&c, 0, sizeof c), (rc = db_fetch(st, CAL_FMT, CAL_FETCH(&c))) == 1) {
        c.active = active != 0;
        fn(&c, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

/* The weekly spans of c as one text per weekday. */
static int read_spans(desk_t *d, calendar_def_t *c)
{
    bizcal_span_t s[7][BIZCAL_MAX_SPANS];
    int n[7] = {0};
    long long wd, a, b;
    int rc;
    MYSQL_STMT *st = db_query(&d->db, sql_spans, "i", c->id);
    if (!st)
        return -1;
    while ((rc = db_fetch(st, "iii", &wd, &a, &b)) == 1)
        if (wd >= 0 && wd < 7 && n[wd] < BIZCAL_MAX_SPANS)
            s[wd][n[wd]++] = (bizcal_span_t){(int16_t)a, (int16_t)b};
    db_done(st);
    for (int i = 0; i < 7; i++)
        calrules_format_spans(s[i], n[i], c->spans[i], sizeof c->spans[i]);
    return rc < 0 ? -1 : 0;
}

int calendar_get(desk_t *d, long long id, bool lock, calendar_def_t *c)
{
    long long active = 0;
    memset(c, 0, sizeof *c);
    int rc = db_row(&d->db, lock ? sql_lock : sql_get, "i", CAL_FMT, id, CAL_FETCH(c));
    c->active = active != 0;
    return rc == 1 && read_spans(d, c) ? OUTCOME_UNAVAILABLE : db_found(rc);
}

int calendars_week_minutes(desk_t *d, void (*fn)(long long id, long long minutes, void *ctx),
                           void *ctx)
{
    long long id, minutes;
    MYSQL_STMT *st = db_query(&d->db, sql_week_minutes, "");
    if (!st)
        return -1;
    while (db_fetch(st, "ii", &id, &minutes) == 1)
        fn(id, minutes, ctx);
    db_done(st);
    return 0;
}

int calendars_days_ahead(desk_t *d, const char *from,
                         void (*fn)(long long id, long long holidays, long long workdays,
                                    void *ctx),
                         void *ctx)
{
    long long id, holidays, workdays;
    MYSQL_STMT *st = db_query(&d->db, sql_day_counts, "s", from);
    if (!st)
        return -1;
    while (db_fetch(st, "iii", &id, &holidays, &workdays) == 1)
        fn(id, holidays, workdays, ctx);
    db_done(st);
    return 0;
}

int calendars_users(desk_t *d, void (*fn)(long long id, const char *levels, void *ctx),
                    void *ctx)
{
    long long id;
    char text[1024];
    MYSQL_STMT *st = db_query(&d->db, sql_users, "");
    if (!st)
        return -1;
    while (db_fetch(st, "is", &id, text, sizeof text) == 1)
        fn(id, text, ctx);
    db_done(st);
    return 0;
}

int calendar_days_each(desk_t *d, long long id, const char *from, int limit,
                       void (*fn)(const char *day, const char *kind, const char *name,
                                  void *ctx),
                       void *ctx)
{
    char day[16], kind[16], name[401];
    MYSQL_STMT *st = db_query(&d->db, sql_days, "isi", id, from, (long long)limit);
    if (!st)
        return -1;
    int n = 0, rc;
    while ((rc = db_fetch(st, "sss", day, sizeof day, kind, sizeof kind, name, sizeof name)) ==
           1) {
        fn(day, kind, name, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

/* The stored kind and name of a day: 1, 0 none, <0 error. */
static int day_get(desk_t *d, long long id, const char *day, char kind[16], char name[401])
{
    return db_row(&d->db, sql_day_get, "is", "ss", id, day, kind, (size_t)16, name, (size_t)401);
}

const char *calendar_day_status(desk_t *d, long long id, const char *day, const char *kind,
                                const char *name)
{
    char okind[16] = "", oname[401] = "";
    if (day_get(d, id, day, okind, oname) != 1)
        return "new";
    return !strcmp(okind, kind) && !strcmp(oname, name) ? "same" : "changed";
}

bool calendar_usable(desk_t *d, long long id)
{
    long long active = 0;
    return id > 0 && db_row(&d->db, sql_usable, "i", "i", id, &active) == 1 && active;
}

/* ---- changes ---------------------------------------------------------------------- */

static void span_texts(const calendar_in_t *in, char texts[7][CALENDAR_SPAN_TEXT])
{
    for (int i = 0; i < 7; i++)
        calrules_format_spans(in->spans[i], in->nspans[i], texts[i], CALENDAR_SPAN_TEXT);
}

static int write_spans(desk_t *d, long long id, const calendar_in_t *in)
{
    if (db_exec(&d->db, sql_clear_spans, "i", id) < 0)
        return OUTCOME_UNAVAILABLE;
    for (int i = 0; i < 7; i++)
        for (int k = 0; k < in->nspans[i]; k++)
            if (db_exec(&d->db, sql_insert_span, "iiii", id, (long long)i,
                        (long long)in->spans[i][k].start, (long long)in->spans[i][k].end) < 0)
                return OUTCOME_UNAVAILABLE;
    return OUTCOME_OK;
}

int calendar_create(desk_t *d, const calendar_in_t *in, long long *id, json_t *changes,
                    refusal_t *why)
{
    long long n = 0;
    int rc = db_row(&d->db, sql_code_taken, "s", "i", in->code, &n) == 1 && n
                 ? OUTCOME_DUPLICATE
                 : db_exec(&d->db, sql_insert, "ssss", in->code, in->name_zh, in->name_en,
                           in->zone);
    if (rc == OUTCOME_DUPLICATE) { /* taken before, or just now by someone else */
        refusal_add(why, "code", "taken");
        return CHANGE_REFUSED;
    }
    if (rc < 0)
        return rc;
    *id = (long long)d->db.last_id;
    char texts[7][CALENDAR_SPAN_TEXT];
    span_texts(in, texts);
    audit_str(changes, "code", NULL, in->code);
    audit_str(changes, "name_zh", NULL, in->name_zh);
    audit_str(changes, "name_en", NULL, in->name_en);
    audit_str(changes, "time_zone", NULL, in->zone);
    for (int i = 0; i < 7; i++)
        if (texts[i][0])
            audit_str(changes, calendar_weekdays[i], NULL, texts[i]);
    return write_spans(d, *id, in);
}

int calendar_update(desk_t *d, const calendar_def_t *old, const calendar_in_t *in,
                    json_t *changes)
{
    char texts[7][CALENDAR_SPAN_TEXT];
    span_texts(in, texts);
    audit_str(changes, "name_zh", old->name_zh, in->name_zh);
    audit_str(changes, "name_en", old->name_en, in->name_en);
    audit_str(changes, "time_zone", old->zone, in->zone);
    bool spans_changed = false;
    for (int i = 0; i < 7; i++)
        if (strcmp(old->spans[i], texts[i])) {
            audit_str(changes, calendar_weekdays[i], old->spans[i], texts[i]);
            spans_changed = true;
        }
    if (!audit_any(changes))
        return CHANGE_UNCHANGED;
    int rc = db_exec(&d->db, sql_update, "sssi", in->name_zh, in->name_en, in->zone, old->id);
    if (rc < 0)
        return rc;
    return spans_changed ? write_spans(d, old->id, in) : OUTCOME_OK;
}

int calendar_set_active(desk_t *d, const calendar_def_t *c, bool active, json_t *changes,
                        refusal_t *why)
{
    long long users = 0;
    if (c->active == active)
        return CHANGE_UNCHANGED;
    if (!active && (db_row(&d->db, sql_in_use, "ii", "i", c->id, c->id, &users) != 1 || users)) {
        refusal_add(why, "_form", "calendar_in_use");
        return CHANGE_REFUSED;
    }
    if (active && !calrules_zone_ok(c->zone)) { /* the zone files changed since */
        refusal_add(why, "_form", "zone_unknown");
        return CHANGE_REFUSED;
    }
    audit_bool(changes, "active", c->active, active);
    int rc = db_exec(&d->db, sql_active, "ii", (long long)active, c->id);
    return rc < 0 ? rc : OUTCOME_OK;
}

/* "holiday 国庆节": a day as the audit log shows it; NULL when absent. */
static const char *day_text(const char *kind, const char *name, char *out, size_t cap)
{
    if (!kind || !*kind)
        return NULL;
    snprintf(out, cap, "%s%s%s", kind, *name ? " " : "", name);
    return out;
}

int calendar_put_day(desk_t *d, long long id, const char *day, const char *kind,
                     const char *name, json_t *changes)
{
    char okind[16] = "", oname[401] = "", a[420], b[420], field[24];
    int rc = day_get(d, id, day, okind, oname);
    if (rc < 0)
        return rc;
    const char *was = day_text(okind, oname, a, sizeof a);
    const char *now = kind ? day_text(kind, name, b, sizeof b) : NULL;
    if ((!was && !now) || (was && now && !strcmp(was, now)))
        return 0;
    snprintf(field, sizeof field, "day %s", day);
    audit_str(changes, field, was, now);
    rc = kind ? db_exec(&d->db, sql_put_day, "isss", id, day, kind, *name ? name : NULL)
              : db_exec(&d->db, sql_del_day, "is", id, day);
    return rc < 0 ? rc : 1;
}
