/* admin_calendars: the business calendars SLA targets are counted in
 * (lib/desk/sla/calendars.h; lib/desk/catalog/catalog.c loads the active ones into every worker):
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
#include "desk/sla/calendars.h"

#define DAYS_PAGE 60
#define ICS_MAX_BYTES (1024 * 1024)
#define IMPORT_MAX_DAYS 400

/* ---- reading -------------------------------------------------------------------- */

static void today(web_t *w, char out[11])
{
    time_t now = desk_now(w->d);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

static void fact_week(long long id, long long minutes, void *ctx)
{
    hdf_set_valuef(ctx, "CalFacts.%lld.week=%lld", id, minutes);
}

static void fact_days(long long id, long long holidays, long long workdays, void *ctx)
{
    hdf_set_valuef(ctx, "CalFacts.%lld.holidays=%lld", id, holidays);
    hdf_set_valuef(ctx, "CalFacts.%lld.workdays=%lld", id, workdays);
}

static void fact_users(long long id, const char *levels, void *ctx)
{
    hdf_set_valuef(ctx, "CalFacts.%lld.users=%s", id, levels);
}

/* Per calendar: weekly working minutes, days to come, the levels using it. */
static int list_facts(web_t *w)
{
    HDF *h = w->r->hdf;
    char from[11];
    today(w, from);
    return calendars_week_minutes(w->d, fact_week, h) ||
                   calendars_days_ahead(w->d, from, fact_days, h) ||
                   calendars_users(w->d, fact_users, h)
               ? -1
               : 0;
}

static void set_cal(HDF *h, const char *key, const calendar_def_t *r)
{
    hdf_set_valuef(h, "%s.id=%lld", key, r->id);
    hdf_set_valuef(h, "%s.code=%s", key, r->code);
    hdf_set_valuef(h, "%s.name_zh=%s", key, r->name_zh);
    hdf_set_valuef(h, "%s.name_en=%s", key, r->name_en);
    hdf_set_valuef(h, "%s.zone=%s", key, r->zone);
    hdf_set_valuef(h, "%s.state=%s", key, r->active ? "active" : "inactive");
}

/* The rows of a list: where they go and how many so far. */
typedef struct rows {
    HDF *h;
    int n;
} rows_t;

static void add_cal(const calendar_def_t *c, void *ctx)
{
    rows_t *r = ctx;
    char key[32];
    snprintf(key, sizeof key, "Cals.%d", r->n++);
    set_cal(r->h, key, c);
}

static int list_calendars(web_t *w)
{
    rows_t rows = {w->r->hdf, 0};
    return calendars_each(w->d, 200, add_cal, &rows) < 0 || list_facts(w) ? -1 : 0;
}

/* ---- the calendar form ------------------------------------------------------------ */

static const form_field_t cal_fields[] = {
    {.name = "name_zh", .type = FT_TEXT, .required = true, .max_chars = 100},
    {.name = "name_en", .type = FT_TEXT, .required = true, .max_chars = 100},
    {.name = "zone", .type = FT_TEXT, .required = true, .max_chars = BIZCAL_TZ_MAX - 1},
};
#define NCAL ((int)(sizeof cal_fields / sizeof *cal_fields))
static const form_field_t code_field[] = {{.name = "code", .type = FT_TEXT, .required = true,
                                           .max_chars = 40}};

/* Validates the calendar form; the errors are next to the fields. */
static bool read_cal(web_t *w, bool create, calendar_in_t *in)
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
    if (create && in->code && !sla_code_ok(in->code))
        errors += (form_set_error(h, "code", "code_format"), 1);
    if (in->zone && !calrules_zone_ok(in->zone))
        errors += (form_set_error(h, "zone", "zone_unknown"), 1);
    for (int d = 0; d < 7; d++) {
        char name[16];
        const char *err;
        snprintf(name, sizeof name, "span_%s", calendar_weekdays[d]);
        form_field_t f = {.name = name, .type = FT_TEXT, .max_chars = CALENDAR_SPAN_TEXT - 1};
        if (form_validate(h, h, &f, 1)) {
            errors++;
            continue;
        }
        in->nspans[d] = calrules_parse_spans(form_value(h, name), in->spans[d],
                                             BIZCAL_MAX_SPANS, &err);
        if (in->nspans[d] < 0)
            errors += (form_set_error(h, name, err), 1);
    }
    return errors == 0;
}

static void fill_form(HDF *h, const calendar_def_t *r)
{
    hdf_set_value(h, "Form.name_zh.value", r->name_zh);
    hdf_set_value(h, "Form.name_en.value", r->name_en);
    hdf_set_value(h, "Form.zone.value", r->zone);
    for (int d = 0; d < 7; d++)
        hdf_set_valuef(h, "Form.span_%s.value=%s", calendar_weekdays[d], r->spans[d]);
}

static void show_list(web_t *w, int status)
{
    HDF *h = w->r->hdf;
    if (list_calendars(w))
        return admin_error(w, 503, "unavailable");
    if (!hdf_get_value(h, "Form.zone.value", NULL)) { /* a new calendar: the usual week */
        hdf_set_value(h, "Form.zone.value", "Asia/Shanghai");
        for (int d = 1; d <= 5; d++)
            hdf_set_valuef(h, "Form.span_%s.value=09:00-12:00, 13:30-18:00",
                           calendar_weekdays[d]);
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
    calendar_in_t in;
    refusal_t why = {0};
    long long id = 0;
    if (!read_cal(w, true, &in)) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        return show_list(w, 422);
    }
    if (db_begin(&w->d->db) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    json_t *c = audit_changes();
    int rc = calendar_create(w->d, &in, &id, c, &why);
    if (rc == CHANGE_REFUSED) {
        json_decref(c);
        db_rollback(&w->d->db);
        admin_refused(w, &why, "");
        return show_list(w, 422);
    }
    rc = rc < 0 ? rc : admin_audit_id(w, "calendar", id, in.name_zh, "create", c);
    json_decref(c);
    if (admin_finish(w, rc) != OUTCOME_OK)
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
    return calendar_weekdays[tm.tm_wday];
}

static void add_day_row(const char *day, const char *kind, const char *name, void *ctx)
{
    rows_t *r = ctx;
    if (r->n == DAYS_PAGE) { /* one more than a page: where the next page starts */
        hdf_set_value(r->h, "DaysNext", day);
        return;
    }
    int i = r->n++;
    hdf_set_valuef(r->h, "Days.%d.date=%s", i, day);
    hdf_set_valuef(r->h, "Days.%d.kind=%s", i, kind);
    hdf_set_valuef(r->h, "Days.%d.name=%s", i, name);
    hdf_set_valuef(r->h, "Days.%d.weekday=%s", i, weekday_key(day));
}

static int list_days(web_t *w, long long id)
{
    HDF *h = w->r->hdf;
    const char *q = req_query(w->r, "from");
    char from[11];
    if (q && calrules_date_ok(q))
        snprintf(from, sizeof from, "%s", q);
    else {
        today(w, from);
        memcpy(from + 4, "-01-01", 7); /* this year's, from January */
    }
    hdf_set_value(h, "DaysFrom", from);
    rows_t rows = {h, 0};
    return calendar_days_each(w->d, id, from, DAYS_PAGE + 1, add_day_row, &rows) < 0 ? -1 : 0;
}

static void show_edit(web_t *w, const calendar_def_t *r, int status)
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
    long long id = web_id(arg);
    if (!id)
        admin_error(w, 404, "not_found");
    return id;
}

static void page_edit(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    calendar_def_t r;
    long long id = id_of(w, arg);
    if (!id)
        return;
    int rc = calendar_get(w->d, id, false, &r);
    if (rc != OUTCOME_OK)
        return admin_fail(w, rc);
    show_edit(w, &r, 200);
}

/* Locks the calendar of the URL in a new transaction: 1, or 0 after answering. */
static int lock_cal(web_t *w, const char *arg, calendar_def_t *r)
{
    long long id = id_of(w, arg);
    if (!id)
        return 0;
    int rc = db_begin(&w->d->db) == OUTCOME_OK ? calendar_get(w->d, id, true, r) : OUTCOME_UNAVAILABLE;
    if (rc == OUTCOME_OK)
        return 1;
    db_rollback(&w->d->db);
    admin_fail(w, rc);
    return 0;
}

static void do_update(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    calendar_def_t old;
    calendar_in_t in;
    if (!lock_cal(w, arg, &old))
        return;
    if (!read_cal(w, false, &in)) {
        db_rollback(&w->d->db);
        hdf_set_int_value(w->r->hdf, "Form.HasErrors", 1);
        return show_edit(w, &old, 422);
    }
    json_t *c = audit_changes();
    int rc = calendar_update(w->d, &old, &in, c);
    if (rc == CHANGE_UNCHANGED) {
        json_decref(c);
        db_rollback(&w->d->db);
        return redirect_cal(w, old.id, "unchanged");
    }
    rc = rc < 0 ? rc : admin_audit_id(w, "calendar", old.id, in.name_zh, "update", c);
    json_decref(c);
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    redirect_cal(w, old.id, "calendar_saved");
}

static void set_active(web_t *w, const char *arg, bool active)
{
    ADMIN_ONLY(w);
    calendar_def_t r;
    refusal_t why = {0};
    if (!lock_cal(w, arg, &r))
        return;
    json_t *c = audit_changes();
    int rc = calendar_set_active(w->d, &r, active, c, &why);
    if (rc == CHANGE_UNCHANGED || rc == CHANGE_REFUSED) {
        json_decref(c);
        db_rollback(&w->d->db);
        if (rc == CHANGE_UNCHANGED)
            return redirect_cal(w, r.id, "unchanged");
        admin_refused(w, &why, "");
        return show_edit(w, &r, 409);
    }
    rc = rc < 0 ? rc
                : admin_audit_id(w, "calendar", r.id, r.name_zh, active ? "activate" : "deactivate",
                                 c);
    json_decref(c);
    if (admin_finish(w, rc) != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    redirect_cal(w, r.id, active ? "calendar_activated" : "calendar_deactivated");
}

static void do_deactivate(web_t *w, const char *arg) { set_active(w, arg, false); }
static void do_activate(web_t *w, const char *arg) { set_active(w, arg, true); }

/* ---- days ------------------------------------------------------------------------------ */

static const form_field_t day_fields[] = {
    {.name = "d_date", .type = FT_TEXT, .required = true, .max_chars = 10},
    {.name = "d_kind", .type = FT_CHOICE, .required = true, .choices = calendar_day_kinds},
    {.name = "d_name", .type = FT_TEXT, .max_chars = CALENDAR_DAY_NAME_MAX},
};

static void change_days(web_t *w, const char *arg, bool add)
{
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    calendar_def_t r;
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
    int rc = calendar_put_day(w->d, r.id, day, add ? form_value(h, "d_kind") : NULL,
                              name ? name : "", c);
    if (rc == 0) {
        json_decref(c);
        db_rollback(&w->d->db);
        return redirect_cal(w, r.id, "unchanged");
    }
    rc = rc < 0 ? rc : admin_audit_id(w, "calendar", r.id, r.name_zh, "update", c);
    json_decref(c);
    if (admin_finish(w, rc) != OUTCOME_OK)
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

/* The preview: Import.Days.N.*, counts, and the items the confirm form carries. */
static void set_preview(web_t *w, long long id, const ics_result_t *res)
{
    HDF *h = w->r->hdf;
    STRING items;
    string_init(&items);
    int counts[3] = {0};
    for (int i = 0; i < res->n; i++) {
        const ics_day_t *d = &res->days[i];
        const char *kind = d->workday ? "workday" : "holiday";
        const char *status = calendar_day_status(w->d, id, d->date, kind, d->name);
        hdf_set_valuef(h, "Import.Days.%d.date=%s", i, d->date);
        hdf_set_valuef(h, "Import.Days.%d.weekday=%s", i, weekday_key(d->date));
        hdf_set_valuef(h, "Import.Days.%d.kind=%s", i, kind);
        hdf_set_valuef(h, "Import.Days.%d.name=%s", i, d->name);
        hdf_set_valuef(h, "Import.Days.%d.status=%s", i, status);
        counts[!strcmp(status, "new") ? 0 : !strcmp(status, "same") ? 1 : 2]++;
        string_appendf(&items, "%s\t%s\t%s\n", d->date, kind, d->name);
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
    calendar_def_t r;
    long long id = id_of(w, arg);
    if (!id)
        return;
    int rc = calendar_get(w->d, id, false, &r);
    if (rc != OUTCOME_OK)
        return admin_fail(w, rc);
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
    return calendar_day_valid(*day, *kind, *name);
}

static void do_import_confirm(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    calendar_def_t r;
    const char *items = req_query(w->r, "items");
    char *copy = items ? strdup(items) : NULL;
    if (!lock_cal(w, arg, &r)) {
        free(copy);
        return;
    }
    json_t *c = audit_changes();
    int rc = OUTCOME_OK, n = 0, changed = 0;
    bool tampered = !copy || !*copy;
    char *save;
    for (char *line = tampered ? NULL : strtok_r(copy, "\r\n", &save); rc == OUTCOME_OK && line;
         line = strtok_r(NULL, "\r\n", &save)) {
        const char *day, *kind, *name;
        if (++n > IMPORT_MAX_DAYS || !parse_item(line, &day, &kind, &name)) {
            tampered = true; /* not what the preview showed */
            break;
        }
        int x = calendar_put_day(w->d, r.id, day, kind, name, c);
        rc = x < 0 ? x : OUTCOME_OK;
        changed += x > 0;
    }
    free(copy);
    if (tampered || rc != OUTCOME_OK || !changed) {
        json_decref(c);
        db_rollback(&w->d->db);
        if (rc != OUTCOME_OK)
            return admin_error(w, 503, "unavailable");
        if (!tampered)
            return redirect_cal(w, r.id, "import_nothing");
        form_set_error(w->r->hdf, "ics", "ics_tampered");
        hdf_set_int_value(w->r->hdf, "ImportForm", 1);
        return show_edit(w, &r, 422);
    }
    rc = admin_audit_id(w, "calendar", r.id, r.name_zh, "import", c);
    json_decref(c);
    if (admin_finish(w, rc) != OUTCOME_OK)
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
