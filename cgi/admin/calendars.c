/* admin_calendars: the business calendars SLA targets are counted in
 * (lib/core/bizclock.h; lib/desk/catalog/catalog.c loads the active ones into every worker):
 * weekly working spans, an IANA time zone, holidays and make-up working
 * days (调休), and the import of a holiday list from an iCalendar file.
 *
 *   GET  /admin/calendars                     the calendars, and the new-calendar form
 *   POST /admin/calendars                     create
 *   GET  /admin/calendars/ID                  edit; its days (?from=YYYY-MM-DD)
 *   POST /admin/calendars/ID                  save names, zone and spans
 *   POST /admin/calendars/ID/deactivate       refused while a level or override uses it
 *   POST /admin/calendars/ID/activate
 *   POST /admin/calendars/ID/days             add (or change) a holiday / make-up day
 *   POST /admin/calendars/ID/days-remove      remove one
 *   POST /admin/calendars/ID/import           an .ics upload: shows what would change
 *   POST /admin/calendars/ID/import-confirm   writes what the preview showed */
#include "admin/admin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin/sla.h"
#include "core/calrules.h"
#include "core/ics.h"

#define DAYS_PAGE 60
#define ICS_MAX_BYTES (1024 * 1024)
#define IMPORT_MAX_DAYS 400
#define SPAN_TEXT 160

static const char *const day_keys[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
static const char *const kinds[] = {"holiday", "workday", NULL};

/* ---- reading -------------------------------------------------------------------- */

typedef struct cal_row {
    long long id, active;
    char code[41], name_zh[401], name_en[401], zone[BIZCAL_TZ_MAX]; /* VARCHAR(100), utf8mb4 */
    char spans[7][SPAN_TEXT];
} cal_row_t;

#define CAL_COLS "SELECT id, code, name_zh, name_en, time_zone, active FROM business_calendars"
static const char sql_cal_list[] = CAL_COLS " ORDER BY active DESC, id LIMIT 200";
static const char sql_cal_get[] = CAL_COLS " WHERE id = ?";
static const char sql_cal_lock[] = CAL_COLS " WHERE id = ? FOR UPDATE";
#define CAL_FETCH(r)                                                                           \
    &(r)->id, (r)->code, sizeof (r)->code, (r)->name_zh, sizeof (r)->name_zh, (r)->name_en,    \
        sizeof (r)->name_en, (r)->zone, sizeof (r)->zone, &(r)->active
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
static const char sql_code_taken[] = "SELECT COUNT(*) FROM business_calendars WHERE code = ?";
static const char sql_insert_cal[] =
    "INSERT INTO business_calendars (code, name_zh, name_en, time_zone) VALUES (?, ?, ?, ?)";
static const char sql_update_cal[] =
    "UPDATE business_calendars SET name_zh = ?, name_en = ?, time_zone = ? WHERE id = ?";
static const char sql_cal_active[] = "UPDATE business_calendars SET active = ? WHERE id = ?";
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

/* The weekly spans of a calendar as one text per weekday. */
static int read_spans(web_t *w, cal_row_t *r)
{
    bizcal_span_t s[7][BIZCAL_MAX_SPANS];
    int n[7] = {0};
    long long wd, a, b;
    int rc;
    MYSQL_STMT *st = db_query(&w->d->db, sql_spans, "i", r->id);
    if (!st)
        return -1;
    while ((rc = db_fetch(st, "iii", &wd, &a, &b)) == 1)
        if (wd >= 0 && wd < 7 && n[wd] < BIZCAL_MAX_SPANS)
            s[wd][n[wd]++] = (bizcal_span_t){(int16_t)a, (int16_t)b};
    db_done(st);
    for (int d = 0; d < 7; d++)
        calrules_format_spans(s[d], n[d], r->spans[d], sizeof r->spans[d]);
    return rc < 0 ? -1 : 0;
}

static int cal_get(web_t *w, long long id, bool lock, cal_row_t *r)
{
    memset(r, 0, sizeof *r);
    int rc = db_row(&w->d->db, lock ? sql_cal_lock : sql_cal_get, "i", "issssi", id, CAL_FETCH(r));
    return rc == 1 && read_spans(w, r) ? -1 : rc;
}

static void today(web_t *w, char out[11])
{
    time_t now = desk_now(w->d);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Per calendar: weekly working minutes, days to come, the levels using it. */
static int list_facts(web_t *w)
{
    HDF *h = w->r->hdf;
    long long id, a, b;
    char text[1024], from[11];
    MYSQL_STMT *st = db_query(&w->d->db, sql_week_minutes, "");
    if (!st)
        return -1;
    while (db_fetch(st, "ii", &id, &a) == 1)
        hdf_set_valuef(h, "CalFacts.%lld.week=%lld", id, a);
    db_done(st);
    today(w, from);
    if (!(st = db_query(&w->d->db, sql_day_counts, "s", from)))
        return -1;
    while (db_fetch(st, "iii", &id, &a, &b) == 1) {
        hdf_set_valuef(h, "CalFacts.%lld.holidays=%lld", id, a);
        hdf_set_valuef(h, "CalFacts.%lld.workdays=%lld", id, b);
    }
    db_done(st);
    if (!(st = db_query(&w->d->db, sql_users, "")))
        return -1;
    while (db_fetch(st, "is", &id, text, sizeof text) == 1)
        hdf_set_valuef(h, "CalFacts.%lld.users=%s", id, text);
    db_done(st);
    return 0;
}

static void set_cal(HDF *h, const char *key, const cal_row_t *r)
{
    hdf_set_valuef(h, "%s.id=%lld", key, r->id);
    hdf_set_valuef(h, "%s.code=%s", key, r->code);
    hdf_set_valuef(h, "%s.name_zh=%s", key, r->name_zh);
    hdf_set_valuef(h, "%s.name_en=%s", key, r->name_en);
    hdf_set_valuef(h, "%s.zone=%s", key, r->zone);
    hdf_set_valuef(h, "%s.state=%s", key, r->active ? "active" : "inactive");
}

static int list_calendars(web_t *w)
{
    MYSQL_STMT *st = db_query(&w->d->db, sql_cal_list, "");
    if (!st)
        return -1;
    cal_row_t r;
    int i = 0, rc;
    while (memset(&r, 0, sizeof r), (rc = db_fetch(st, "issssi", CAL_FETCH(&r))) == 1) {
        char key[32];
        snprintf(key, sizeof key, "Cals.%d", i++);
        set_cal(w->r->hdf, key, &r);
    }
    db_done(st);
    return rc < 0 || list_facts(w) ? -1 : 0;
}

/* ---- the calendar form ------------------------------------------------------------ */

static const form_field_t cal_fields[] = {
    {"name_zh", FT_TEXT, true, 100, NULL},
    {"name_en", FT_TEXT, true, 100, NULL},
    {"zone", FT_TEXT, true, BIZCAL_TZ_MAX - 1, NULL},
};
#define NCAL ((int)(sizeof cal_fields / sizeof *cal_fields))
static const form_field_t code_field[] = {{"code", FT_TEXT, true, 40, NULL}};

typedef struct cal_in {
    const char *code, *name_zh, *name_en, *zone;
    bizcal_span_t spans[7][BIZCAL_MAX_SPANS];
    int nspans[7];
    char texts[7][SPAN_TEXT];
} cal_in_t;

/* Validates the calendar form; the errors are next to the fields. */
static bool read_cal(web_t *w, bool create, cal_in_t *in)
{
    HDF *h = w->r->hdf;
    memset(in, 0, sizeof *in);
    int errors = form_validate(h, h, cal_fields, NCAL);
    if (create)
        errors += form_validate(h, h, code_field, 1);
    in->code = form_value(h, "code");
    in->name_zh = form_value(h, "name_zh");
    in->name_en = form_value(h, "name_en");
    in->zone = form_value(h, "zone");
    if (create && in->code && !admin_sla_code_ok(in->code))
        errors += (form_set_error(h, "code", "code_format"), 1);
    if (in->zone && !calrules_zone_ok(in->zone))
        errors += (form_set_error(h, "zone", "zone_unknown"), 1);
    for (int d = 0; d < 7; d++) {
        char name[16];
        const char *err;
        snprintf(name, sizeof name, "span_%s", day_keys[d]);
        form_field_t f = {name, FT_TEXT, false, SPAN_TEXT - 1, NULL};
        if (form_validate(h, h, &f, 1)) {
            errors++;
            continue;
        }
        in->nspans[d] = calrules_parse_spans(form_value(h, name), in->spans[d],
                                             BIZCAL_MAX_SPANS, &err);
        if (in->nspans[d] < 0)
            errors += (form_set_error(h, name, err), 1);
        else
            calrules_format_spans(in->spans[d], in->nspans[d], in->texts[d], SPAN_TEXT);
    }
    return errors == 0;
}

static void fill_form(HDF *h, const cal_row_t *r)
{
    hdf_set_value(h, "Form.name_zh.value", r->name_zh);
    hdf_set_value(h, "Form.name_en.value", r->name_en);
    hdf_set_value(h, "Form.zone.value", r->zone);
    for (int d = 0; d < 7; d++)
        hdf_set_valuef(h, "Form.span_%s.value=%s", day_keys[d], r->spans[d]);
}

static void show_list(web_t *w, int status)
{
    HDF *h = w->r->hdf;
    if (list_calendars(w))
        return admin_error(w, 503, "unavailable");
    if (!hdf_get_value(h, "Form.zone.value", NULL)) { /* a new calendar: the usual week */
        hdf_set_value(h, "Form.zone.value", "Asia/Shanghai");
        for (int d = 1; d <= 5; d++)
            hdf_set_valuef(h, "Form.span_%s.value=09:00-12:00, 13:30-18:00", day_keys[d]);
    }
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/calendars.cs", "calendars");
}

static void page_list(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    show_list(w, 200);
}

static int write_spans(web_t *w, long long id, const cal_in_t *in)
{
    if (db_exec(&w->d->db, sql_clear_spans, "i", id) < 0)
        return DB_ERR;
    for (int d = 0; d < 7; d++)
        for (int i = 0; i < in->nspans[d]; i++)
            if (db_exec(&w->d->db, sql_insert_span, "iiii", id, (long long)d,
                        (long long)in->spans[d][i].start, (long long)in->spans[d][i].end) < 0)
                return DB_ERR;
    return DB_OK;
}

static void redirect_cal(web_t *w, long long id, const char *done)
{
    char where[64];
    snprintf(where, sizeof where, "/admin/calendars/%lld", id);
    admin_redirect_done(w, where, done);
}

static void do_create(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    cal_in_t in;
    long long n = 0;
    if (!read_cal(w, true, &in)) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_list(w, 422);
    }
    if (db_begin(&w->d->db) != DB_OK)
        return admin_error(w, 503, "unavailable");
    int rc = db_row(&w->d->db, sql_code_taken, "s", "i", in.code, &n) == 1 && n
                 ? DB_DUP
                 : db_exec(&w->d->db, sql_insert_cal, "ssss", in.code, in.name_zh, in.name_en,
                           in.zone);
    if (rc == DB_DUP) {
        db_rollback(&w->d->db);
        form_set_error(h, "code", "taken");
        return show_list(w, 422);
    }
    long long id = (long long)w->d->db.last_id;
    json_t *c = audit_changes();
    audit_str(c, "code", NULL, in.code);
    audit_str(c, "name_zh", NULL, in.name_zh);
    audit_str(c, "name_en", NULL, in.name_en);
    audit_str(c, "time_zone", NULL, in.zone);
    for (int d = 0; d < 7; d++)
        if (in.texts[d][0])
            audit_str(c, day_keys[d], NULL, in.texts[d]);
    rc = rc < 0 ? rc : write_spans(w, id, &in);
    rc = rc < 0 ? rc : admin_audit_id(w, "calendar", id, in.name_zh, "create", c);
    json_decref(c);
    if (admin_finish(w, rc) != DB_OK)
        return admin_error(w, 503, "unavailable");
    redirect_cal(w, id, "calendar_created");
}

/* ---- the edit page ------------------------------------------------------------------ */

/* "mon" for a date "YYYY-MM-DD" (checked before). */
static const char *weekday_key(const char *day)
{
    struct tm tm = {0};
    if (!strptime(day, "%Y-%m-%d", &tm))
        return "";
    time_t t = timegm(&tm);
    gmtime_r(&t, &tm);
    return day_keys[tm.tm_wday];
}

static void add_day_row(HDF *h, int i, const char *day, const char *kind, const char *name)
{
    hdf_set_valuef(h, "Days.%d.date=%s", i, day);
    hdf_set_valuef(h, "Days.%d.kind=%s", i, kind);
    hdf_set_valuef(h, "Days.%d.name=%s", i, name);
    hdf_set_valuef(h, "Days.%d.weekday=%s", i, weekday_key(day));
}

static int list_days(web_t *w, long long id)
{
    HDF *h = w->r->hdf;
    const char *q = req_query(w->r, "from");
    char from[11], day[16], kind[16], name[401];
    if (q && calrules_date_ok(q))
        snprintf(from, sizeof from, "%s", q);
    else {
        today(w, from);
        memcpy(from + 4, "-01-01", 7); /* this year's, from January */
    }
    hdf_set_value(h, "DaysFrom", from);
    MYSQL_STMT *st = db_query(&w->d->db, sql_days, "isi", id, from, (long long)DAYS_PAGE + 1);
    if (!st)
        return -1;
    int i = 0, rc;
    while ((rc = db_fetch(st, "sss", day, sizeof day, kind, sizeof kind, name, sizeof name)) == 1) {
        if (i == DAYS_PAGE) {
            hdf_set_value(h, "DaysNext", day);
            continue;
        }
        add_day_row(h, i++, day, kind, name);
    }
    db_done(st);
    return rc < 0 ? -1 : 0;
}

static void show_edit(web_t *w, const cal_row_t *r, int status)
{
    HDF *h = w->r->hdf;
    set_cal(h, "Cal", r);
    if (!hdf_get_value(h, "Form.name_zh.value", NULL))
        fill_form(h, r);
    if (!hdf_get_value(h, "Form.d_kind.value", NULL))
        hdf_set_value(h, "Form.d_kind.value", "holiday");
    if (list_days(w, r->id))
        return admin_error(w, 503, "unavailable");
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/calendars.cs", "calendars");
}

static long long id_of(web_t *w, const char *arg)
{
    long long id = admin_sla_id(arg);
    if (!id)
        admin_error(w, 404, "not_found");
    return id;
}

static void page_edit(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    cal_row_t r;
    long long id = id_of(w, arg);
    if (!id)
        return;
    int rc = cal_get(w, id, false, &r);
    if (rc != 1)
        return admin_error(w, rc < 0 ? 503 : 404, rc < 0 ? "unavailable" : "not_found");
    show_edit(w, &r, 200);
}

/* Locks the calendar of the URL in a new transaction: 1, or 0 after answering. */
static int lock_cal(web_t *w, const char *arg, cal_row_t *r)
{
    long long id = id_of(w, arg);
    if (!id)
        return 0;
    int rc = db_begin(&w->d->db) == DB_OK ? cal_get(w, id, true, r) : -1;
    if (rc == 1)
        return 1;
    db_rollback(&w->d->db);
    admin_error(w, rc < 0 ? 503 : 404, rc < 0 ? "unavailable" : "not_found");
    return 0;
}

static void do_update(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    cal_row_t old;
    cal_in_t in;
    if (!lock_cal(w, arg, &old))
        return;
    if (!read_cal(w, false, &in)) {
        db_rollback(&w->d->db);
        hdf_set_int_value(w->r->hdf, "Form.HasErrors", 1);
        return show_edit(w, &old, 422);
    }
    json_t *c = audit_changes();
    audit_str(c, "name_zh", old.name_zh, in.name_zh);
    audit_str(c, "name_en", old.name_en, in.name_en);
    audit_str(c, "time_zone", old.zone, in.zone);
    bool spans_changed = false;
    for (int d = 0; d < 7; d++)
        if (strcmp(old.spans[d], in.texts[d])) {
            audit_str(c, day_keys[d], old.spans[d], in.texts[d]);
            spans_changed = true;
        }
    if (!audit_any(c)) {
        json_decref(c);
        db_rollback(&w->d->db);
        return redirect_cal(w, old.id, "unchanged");
    }
    int rc = db_exec(&w->d->db, sql_update_cal, "sssi", in.name_zh, in.name_en, in.zone, old.id);
    rc = rc < 0 ? rc : spans_changed ? write_spans(w, old.id, &in) : DB_OK;
    rc = rc < 0 ? rc : admin_audit_id(w, "calendar", old.id, in.name_zh, "update", c);
    json_decref(c);
    if (admin_finish(w, rc) != DB_OK)
        return admin_error(w, 503, "unavailable");
    redirect_cal(w, old.id, "calendar_saved");
}

static void set_active(web_t *w, const char *arg, bool active)
{
    ADMIN_ONLY(w);
    cal_row_t r;
    long long users = 0;
    if (!lock_cal(w, arg, &r))
        return;
    if (r.active == active) {
        db_rollback(&w->d->db);
        return redirect_cal(w, r.id, "unchanged");
    }
    if (!active && (db_row(&w->d->db, sql_in_use, "ii", "i", r.id, r.id, &users) != 1 || users)) {
        db_rollback(&w->d->db);
        form_set_error(w->r->hdf, "_form", "calendar_in_use");
        return show_edit(w, &r, 409);
    }
    if (active && !calrules_zone_ok(r.zone)) { /* the zone files changed since */
        db_rollback(&w->d->db);
        form_set_error(w->r->hdf, "_form", "zone_unknown");
        return show_edit(w, &r, 409);
    }
    json_t *c = audit_changes();
    audit_bool(c, "active", r.active, active);
    int rc = db_exec(&w->d->db, sql_cal_active, "ii", (long long)active, r.id);
    rc = rc < 0 ? rc
                : admin_audit_id(w, "calendar", r.id, r.name_zh, active ? "activate" : "deactivate",
                                 c);
    json_decref(c);
    if (admin_finish(w, rc) != DB_OK)
        return admin_error(w, 503, "unavailable");
    redirect_cal(w, r.id, active ? "calendar_activated" : "calendar_deactivated");
}

static void do_deactivate(web_t *w, const char *arg) { set_active(w, arg, false); }
static void do_activate(web_t *w, const char *arg) { set_active(w, arg, true); }

/* ---- days ------------------------------------------------------------------------------ */

/* "holiday 国庆节": a day as the audit log shows it; NULL when absent. */
static const char *day_text(const char *kind, const char *name, char *out, size_t cap)
{
    if (!kind || !*kind)
        return NULL;
    snprintf(out, cap, "%s%s%s", kind, *name ? " " : "", name);
    return out;
}

/* Writes one day (kind NULL: removes it) with its change in c; 1 when it
 * changed, 0 when it was so already, <0 on error. */
static int put_day(web_t *w, long long id, const char *day, const char *kind, const char *name,
                   json_t *c)
{
    char okind[16] = "", oname[401] = "", a[420], b[420], field[24];
    int rc = db_row(&w->d->db, sql_day_get, "is", "ss", id, day, okind, sizeof okind, oname,
                    sizeof oname);
    if (rc < 0)
        return rc;
    const char *was = day_text(okind, oname, a, sizeof a);
    const char *now = kind ? day_text(kind, name, b, sizeof b) : NULL;
    if ((!was && !now) || (was && now && !strcmp(was, now)))
        return 0;
    snprintf(field, sizeof field, "day %s", day);
    audit_str(c, field, was, now);
    rc = kind ? db_exec(&w->d->db, sql_put_day, "isss", id, day, kind, *name ? name : NULL)
              : db_exec(&w->d->db, sql_del_day, "is", id, day);
    return rc < 0 ? rc : 1;
}

static const form_field_t day_fields[] = {
    {"d_date", FT_TEXT, true, 10, NULL},
    {"d_kind", FT_CHOICE, true, 0, kinds},
    {"d_name", FT_TEXT, false, 100, NULL},
};

static void change_days(web_t *w, const char *arg, bool add)
{
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    cal_row_t r;
    if (!lock_cal(w, arg, &r))
        return;
    int errors = form_validate(h, h, day_fields, add ? 3 : 1);
    const char *day = form_value(h, "d_date");
    if (!errors && !calrules_date_ok(day))
        errors += (form_set_error(h, "d_date", "invalid_date"), 1);
    if (errors) {
        db_rollback(&w->d->db);
        hdf_set_int_value(h, "Form.HasErrors", 1);
        hdf_set_int_value(h, "DayForm", 1);
        return show_edit(w, &r, 422);
    }
    const char *name = form_value(h, "d_name");
    json_t *c = audit_changes();
    int rc = put_day(w, r.id, day, add ? form_value(h, "d_kind") : NULL, name ? name : "", c);
    if (rc == 0) {
        json_decref(c);
        db_rollback(&w->d->db);
        return redirect_cal(w, r.id, "unchanged");
    }
    rc = rc < 0 ? rc : admin_audit_id(w, "calendar", r.id, r.name_zh, "update", c);
    json_decref(c);
    if (admin_finish(w, rc) != DB_OK)
        return admin_error(w, 503, "unavailable");
    redirect_cal(w, r.id, add ? "day_saved" : "day_removed");
}

static void do_add_day(web_t *w, const char *arg) { change_days(w, arg, true); }
static void do_remove_day(web_t *w, const char *arg) { change_days(w, arg, false); }

/* ---- import ------------------------------------------------------------------------------ */

/* The uploaded file's bytes (NUL-ended), or NULL with *err set. */
static char *read_upload(web_t *w, size_t *len, const char **err)
{
    FILE *fp = w->r->cgi ? cgi_filehandle(w->r->cgi, "ics") : NULL;
    struct stat st;
    if (!fp || fstat(fileno(fp), &st) || st.st_size == 0)
        return *err = "ics_missing", NULL;
    if (st.st_size > ICS_MAX_BYTES)
        return *err = "ics_too_large", NULL;
    char *buf = malloc((size_t)st.st_size + 1);
    if (!buf || pread(fileno(fp), buf, (size_t)st.st_size, 0) != st.st_size) {
        free(buf);
        return *err = "ics_missing", NULL;
    }
    buf[st.st_size] = '\0';
    *len = (size_t)st.st_size;
    return buf;
}

/* What an imported day does to the calendar: new, same, or changed. */
static const char *day_status(web_t *w, long long id, const ics_day_t *d)
{
    char kind[16] = "", name[401] = "";
    if (db_row(&w->d->db, sql_day_get, "is", "ss", id, d->date, kind, sizeof kind, name,
               sizeof name) != 1)
        return "new";
    return !strcmp(kind, d->workday ? "workday" : "holiday") && !strcmp(name, d->name) ? "same"
                                                                                         : "changed";
}

/* The preview: Import.Days.N.*, counts, and the items the confirm form carries. */
static void set_preview(web_t *w, long long id, const ics_result_t *res)
{
    HDF *h = w->r->hdf;
    STRING items;
    string_init(&items);
    int counts[3] = {0};
    for (int i = 0; i < res->n; i++) {
        const ics_day_t *d = &res->days[i];
        const char *status = day_status(w, id, d);
        hdf_set_valuef(h, "Import.Days.%d.date=%s", i, d->date);
        hdf_set_valuef(h, "Import.Days.%d.weekday=%s", i, weekday_key(d->date));
        hdf_set_valuef(h, "Import.Days.%d.kind=%s", i, d->workday ? "workday" : "holiday");
        hdf_set_valuef(h, "Import.Days.%d.name=%s", i, d->name);
        hdf_set_valuef(h, "Import.Days.%d.status=%s", i, status);
        counts[!strcmp(status, "new") ? 0 : !strcmp(status, "same") ? 1 : 2]++;
        string_appendf(&items, "%s\t%s\t%s\n", d->date, d->workday ? "workday" : "holiday",
                       d->name);
    }
    hdf_set_int_value(h, "Import.new", counts[0]);
    hdf_set_int_value(h, "Import.same", counts[1]);
    hdf_set_int_value(h, "Import.changed", counts[2]);
    hdf_set_int_value(h, "Import.timed", res->skipped_timed);
    hdf_set_int_value(h, "Import.repeating", res->skipped_repeating);
    hdf_set_value(h, "Import.items", items.buf ? items.buf : "");
    hdf_set_int_value(h, "Import.On", 1);
    string_clear(&items);
}

static void do_import(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    cal_row_t r;
    long long id = id_of(w, arg);
    if (!id)
        return;
    int rc = cal_get(w, id, false, &r);
    if (rc != 1)
        return admin_error(w, rc < 0 ? 503 : 404, rc < 0 ? "unavailable" : "not_found");
    const char *err = NULL;
    size_t len = 0;
    char *data = read_upload(w, &len, &err);
    ics_result_t res = {0};
    if (data && ics_parse_days(data, len, IMPORT_MAX_DAYS, &res))
        err = res.error;
    free(data);
    if (err) {
        form_set_error(h, "ics", err);
        if (res.line)
            hdf_set_int_value(h, "Form.ics.line", res.line);
        hdf_set_int_value(h, "ImportForm", 1);
        ics_result_free(&res);
        return show_edit(w, &r, 422);
    }
    set_preview(w, r.id, &res);
    ics_result_free(&res);
    show_edit(w, &r, 200);
}

/* One line "YYYY-MM-DD<TAB>kind<TAB>name" of the confirm form, checked
 * again: it came back from the browser. */
static bool parse_item(char *line, const char **day, const char **kind, const char **name)
{
    char *save;
    *day = strtok_r(line, "\t", &save);
    *kind = strtok_r(NULL, "\t", &save);
    *name = strtok_r(NULL, "\t", &save);
    if (!*name)
        *name = "";
    return *day && *kind && calrules_date_ok(*day) &&
           (!strcmp(*kind, "holiday") || !strcmp(*kind, "workday")) &&
           text_is_clean_utf8(*name, strlen(*name)) && text_chars(*name) <= 100;
}

static void do_import_confirm(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    cal_row_t r;
    const char *items = req_query(w->r, "items");
    char *copy = items ? strdup(items) : NULL;
    if (!lock_cal(w, arg, &r)) {
        free(copy);
        return;
    }
    json_t *c = audit_changes();
    int rc = DB_OK, n = 0, changed = 0;
    bool tampered = !copy || !*copy;
    char *save;
    for (char *line = tampered ? NULL : strtok_r(copy, "\r\n", &save); rc == DB_OK && line;
         line = strtok_r(NULL, "\r\n", &save)) {
        const char *day, *kind, *name;
        if (++n > IMPORT_MAX_DAYS || !parse_item(line, &day, &kind, &name)) {
            tampered = true; /* not what the preview showed */
            break;
        }
        int x = put_day(w, r.id, day, kind, name, c);
        rc = x < 0 ? x : DB_OK;
        changed += x > 0;
    }
    free(copy);
    if (tampered || rc != DB_OK || !changed) {
        json_decref(c);
        db_rollback(&w->d->db);
        if (rc != DB_OK)
            return admin_error(w, 503, "unavailable");
        if (!tampered)
            return redirect_cal(w, r.id, "import_nothing");
        form_set_error(w->r->hdf, "ics", "ics_tampered");
        hdf_set_int_value(w->r->hdf, "ImportForm", 1);
        return show_edit(w, &r, 422);
    }
    rc = admin_audit_id(w, "calendar", r.id, r.name_zh, "import", c);
    json_decref(c);
    if (admin_finish(w, rc) != DB_OK)
        return admin_error(w, 503, "unavailable");
    redirect_cal(w, r.id, "imported");
}

static const web_route_t routes[] = {
    {"GET", "/admin/calendars", page_list},
    {"POST", "/admin/calendars", do_create},
    {"GET", "/admin/calendars/*", page_edit},
    {"POST", "/admin/calendars/*", do_update},
    {"POST", "/admin/calendars/*/deactivate", do_deactivate},
    {"POST", "/admin/calendars/*/activate", do_activate},
    {"POST", "/admin/calendars/*/days", do_add_day},
    {"POST", "/admin/calendars/*/days-remove", do_remove_day},
    {"POST", "/admin/calendars/*/import", do_import},
    {"POST", "/admin/calendars/*/import-confirm", do_import_confirm},
};

const admin_module_t admin_mod_calendars = {"calendars", "/admin/calendars", routes,
                                            sizeof routes / sizeof *routes};
