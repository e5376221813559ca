/* admin_audit: the trail of configuration changes (lib/desk/audit.h).
 *
 *   GET /admin/audit?entity=&agent=&from=YYYY-MM-DD&to=YYYY-MM-DD&before=ID
 * Newest first, keyset pages ("before" is the last id shown); from/to are
 * days in the desk's time zone, both included. */
#include "admin/admin.h"
#include "admin/sla.h"
#include "desk/people/people.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE 50

/* How a field's values read on the page: codes of the catalogue become
 * names, minutes a duration, yes/no words; anything else as stored, with a
 * label from L.Admin.AuditValue.<field>.<value> when there is one. */
typedef enum value_kind { VK_TEXT, VK_TEAM, VK_TEAMS, VK_ROLES, VK_CATEGORY, VK_PRIORITY,
                          VK_CALENDAR, VK_MINUTES, VK_PERCENT, VK_DAY, VK_TARGET } value_kind_t;

static value_kind_t kind_of(const char *field)
{
    static const struct { const char *field; value_kind_t kind; } kinds[] = {
        {"team", VK_TEAM},          {"teams", VK_TEAMS},      {"roles", VK_ROLES},
        {"category", VK_CATEGORY},  {"priority", VK_PRIORITY},
        {"calendar_id", VK_CALENDAR}, {"warning_percent", VK_PERCENT},
        {"classify", VK_TARGET},      {"first_response", VK_TARGET},
        {"resolution", VK_TARGET},    {"update_interval", VK_TARGET},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (!strcmp(field, kinds[i].field))
            return kinds[i].kind;
    int key = config_key_by_name(field); /* a setting's field is its key */
    if (key >= 0 && config_def((config_key_t)key)->unit == 60)
        return VK_MINUTES;
    size_t n = strlen(field);
    if (n > 8 && !strcmp(field + n - 8, "_minutes"))
        return VK_MINUTES;
    return strncmp(field, "day ", 4) == 0 ? VK_DAY : VK_TEXT;
}

/* A value's word from the language file (the field's own, else one any
 * field may take), or NULL: only for short plain codes ("least_open",
 * "set by admin" as set_by_admin). */
static const char *value_word(web_t *w, const char *field, const char *value)
{
    char code[48], key[160];
    size_t n = strlen(value);
    if (n == 0 || n >= sizeof code || strspn(value, "abcdefghijklmnopqrstuvwxyz0123456789_ ") != n)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        code[i] = value[i] == ' ' ? '_' : value[i];
    snprintf(key, sizeof key, "Admin.AuditValue.%s.%s", field, code);
    const char *word = texts_get(&w->d->texts, w->lang, key);
    if (!*word) { /* words any field may take: a common field's "hidden", ... */
        snprintf(key, sizeof key, "Admin.AuditValue.Any.%s", code);
        word = texts_get(&w->d->texts, w->lang, key);
    }
    return *word ? word : NULL;
}

static const char *team_name(web_t *w, const char *code)
{
    const catalog_t *c = &w->d->catalog;
    for (int i = 0; i < c->nteams; i++)
        if (!strcmp(c->teams[i].code, code))
            return c->teams[i].name[w->lang];
    return code;
}

/* A stored value in words, into out. */
static void value_text(web_t *w, const char *field, value_kind_t kind, json_t *v, char *out,
                       size_t cap)
{
    const char *s = json_string_value(v);
    char raw[64] = "";
    *out = '\0';
    if (json_is_boolean(v)) {
        snprintf(out, cap, "%s", texts_get(&w->d->texts, w->lang,
                                           json_is_true(v) ? "Admin.Audit.Yes" : "Admin.Audit.No"));
        return;
    }
    if (json_is_integer(v)) {
        snprintf(raw, sizeof raw, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        s = raw;
    }
    if (!s) {
        char *dump = v && !json_is_null(v) ? json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
        snprintf(out, cap, "%s", dump ? dump : "");
        free(dump);
        return;
    }
    const priority_t *p;
    const category_t *k;
    switch (kind) {
    case VK_TEAM:
        snprintf(out, cap, "%s", team_name(w, s));
        return;
    case VK_TEAMS: /* "aftersales, training" */
    case VK_ROLES: /* "agent,supervisor" */
        for (const char *q = s; *q;) {
            size_t len = strcspn(q, ",");
            char code[48];
            snprintf(code, sizeof code, "%.*s", (int)(len < sizeof code ? len : sizeof code - 1), q);
            const char *word = kind == VK_TEAMS ? team_name(w, code) : value_word(w, "role", code);
            size_t at = strlen(out);
            snprintf(out + at, cap - at, "%s%s", at ? "、" : "", word ? word : code);
            q += len;
            q += strspn(q, ", ");
        }
        return;
    case VK_CATEGORY:
        k = catalog_category(&w->d->catalog, s);
        for (int i = 0; !k && i < w->d->catalog.nretired; i++)
            if (!strcmp(w->d->catalog.retired[i].code, s))
                k = &w->d->catalog.retired[i];
        snprintf(out, cap, "%s", k ? k->name[w->lang] : s);
        return;
    case VK_PRIORITY:
        p = catalog_priority(&w->d->catalog, s);
        snprintf(out, cap, "%s", p ? p->name[w->lang] : s);
        return;
    case VK_CALENDAR: {
        const char *name = hdf_get_valuef(w->r->hdf, "CalendarName.%s", s);
        snprintf(out, cap, "%s", name ? name : strcmp(s, "0") ? s : "");
        return;
    }
    case VK_TARGET: { /* an SLA target: "3 workday" */
        long long amount = 0;
        char unit[16] = "", key[64];
        if (sscanf(s, "%lld %15s", &amount, unit) != 2)
            break;
        snprintf(key, sizeof key, "Admin.AuditValue.Unit.%s", unit);
        const char *word = texts_get(&w->d->texts, w->lang, key);
        snprintf(out, cap, "%lld %s", amount, *word ? word : unit);
        return;
    }
    case VK_DAY: { /* "holiday 国庆节" */
        size_t len = strcspn(s, " ");
        char word[24];
        snprintf(word, sizeof word, "%.*s", (int)(len < sizeof word ? len : sizeof word - 1), s);
        const char *label = value_word(w, "day", word);
        snprintf(out, cap, "%s%s", label ? label : word, s + len);
        return;
    }
    default:
        break;
    }
    const char *word = value_word(w, field, s);
    snprintf(out, cap, "%s", word ? word : s);
}

/* Nothing to say: a field that was empty and stays empty (a form's blank
 * field when something is created). */
static bool blank(json_t *v)
{
    return !v || json_is_null(v) || (json_is_string(v) && !*json_string_value(v));
}

static void set_change(web_t *w, int i, int m, const char *field, json_t *pair)
{
    HDF *h = w->r->hdf;
    json_t *o = json_array_get(pair, 0), *n = json_array_get(pair, 1);
    value_kind_t kind = kind_of(field);
    const char *shown = kind == VK_MINUTES ? "minutes" : kind == VK_PERCENT ? "percent" : "text";
    char key[96], *text = malloc(20000);
    if (!text)
        return;
    snprintf(key, sizeof key, "Admin.AuditField.%s", kind == VK_DAY ? "day" : field);
    const char *label = texts_get(&w->d->texts, w->lang, key);
    if (kind == VK_DAY)
        hdf_set_valuef(h, "Rows.%d.Changes.%d.label=%s%s", i, m, label, field + 3);
    else
        hdf_set_valuef(h, "Rows.%d.Changes.%d.label=%s", i, m, *label ? label : field);
    hdf_set_valuef(h, "Rows.%d.Changes.%d.field=%s", i, m, field);
    hdf_set_valuef(h, "Rows.%d.Changes.%d.kind=%s", i, m, shown);
    hdf_set_valuef(h, "Rows.%d.Changes.%d.null_old=%d", i, m, blank(o));
    hdf_set_valuef(h, "Rows.%d.Changes.%d.null_new=%d", i, m, blank(n));
    value_text(w, field, kind, o, text, 20000);
    snprintf(key, sizeof key, "Rows.%d.Changes.%d.old", i, m);
    hdf_set_value(h, key, text);
    value_text(w, field, kind, n, text, 20000);
    snprintf(key, sizeof key, "Rows.%d.Changes.%d.new", i, m);
    hdf_set_value(h, key, text);
    free(text);
}

static void add_row(const audit_row_t *r, void *ctx)
{
    web_t *w = ctx;
    HDF *h = w->r->hdf;
    int i = hdf_get_int_value(h, "RowCount", 0), m = 0;
    char key[64];
    hdf_set_valuef(h, "Rows.%d.id=%lld", i, r->id);
    snprintf(key, sizeof key, "Rows.%d.at", i);
    tpl_set_time(h, key, r->at);
    hdf_set_valuef(h, "Rows.%d.who=%s", i, r->agent_name);
    hdf_set_valuef(h, "Rows.%d.ip=%s", i, r->ip);
    hdf_set_valuef(h, "Rows.%d.entity=%s", i, r->entity);
    hdf_set_valuef(h, "Rows.%d.entity_id=%s", i, r->entity_id);
    hdf_set_valuef(h, "Rows.%d.title=%s", i, r->title);
    hdf_set_valuef(h, "Rows.%d.action=%s", i, r->action);
    if (!strcmp(r->entity, "setting")) { /* its name is a key: say what it is */
        char skey[160];
        snprintf(skey, sizeof skey, "Admin.AuditField.%s", r->entity_id);
        const char *label = texts_get(&w->d->texts, w->lang, skey);
        hdf_set_valuef(h, "Rows.%d.setting=%s", i, *label ? label : r->entity_id);
    }
    const char *field;
    json_t *pair;
    json_object_foreach(r->changes, field, pair) {
        if (blank(json_array_get(pair, 0)) && blank(json_array_get(pair, 1)))
            continue;
        set_change(w, i, m++, field, pair);
    }
    hdf_set_int_value(h, "RowCount", i + 1);
}

static void add_entity(const char *entity, void *ctx)
{
    HDF *h = ctx;
    int i = hdf_get_int_value(h, "EntityCount", 0);
    hdf_set_valuef(h, "Entities.%d=%s", i, entity);
    hdf_set_int_value(h, "EntityCount", i + 1);
}

static void add_admin(long long id, const char *name, void *ctx)
{
    HDF *h = ctx;
    int i = hdf_get_int_value(h, "AdminCount", 0);
    hdf_set_valuef(h, "Admins.%d.id=%lld", i, id);
    hdf_set_valuef(h, "Admins.%d.name=%s", i, name);
    hdf_set_int_value(h, "AdminCount", i + 1);
}

static void set_admins(web_t *w)
{
    people_each_admin(w->d, add_admin, w->r->hdf);
}

/* Reads the filter from the query; false (with Filter.error set) when a date
 * does not parse. */
static bool read_filter(web_t *w, audit_filter_t *f)
{
    HDF *h = w->r->hdf;
    const char *entity = req_query(w->r, "entity");
    const char *from = req_query(w->r, "from"), *to = req_query(w->r, "to");
    memset(f, 0, sizeof *f);
    f->limit = PAGE + 1;
    f->before = admin_query_id(w, "before");
    f->agent_id = admin_query_id(w, "agent");
    if (entity && strlen(entity) < sizeof f->entity &&
        strspn(entity, "abcdefghijklmnopqrstuvwxyz_") == strlen(entity))
        snprintf(f->entity, sizeof f->entity, "%s", entity);
    hdf_set_value(h, "Filter.entity", f->entity);
    hdf_set_valuef(h, "Filter.agent=%lld", f->agent_id);
    bool ok = true;
    if (from && *from) {
        f->from = strlen(from) == 10 ? form_parse_local_time(from) : 0;
        ok &= f->from != 0;
        hdf_set_value(h, "Filter.from", from);
    }
    if (to && *to) {
        time_t t = strlen(to) == 10 ? form_parse_local_time(to) : 0;
        f->to = t ? t + 86400 : 0; /* the whole day (a DST day is off by an hour: none here) */
        ok &= t != 0;
        hdf_set_value(h, "Filter.to", to);
    }
    if (!ok)
        hdf_set_value(h, "Filter.error", "date");
    return ok;
}

static void page_audit(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    audit_filter_t f;
    bool ok = read_filter(w, &f);
    if (admin_sla_calendar_choices(w) < 0) /* CalendarName.<id>: calendar_id in words */
        return admin_error(w, 503, "unavailable");
    int n = ok ? audit_each(w->d, &f, add_row, w) : 0;
    if (n < 0)
        return admin_error(w, 503, "unavailable");
    if (n > PAGE) {
        hdf_set_value(h, "Next", hdf_get_valuef(h, "Rows.%d.id", PAGE - 1));
        char key[24];
        snprintf(key, sizeof key, "Rows.%d", PAGE);
        hdf_remove_tree(h, key);
    }
    audit_entities(w->d, add_entity, h);
    set_admins(w);
    w->r->status = ok ? 200 : 422;
    admin_render(w, "admin/audit.cs", "audit");
}

static const web_route_t routes[] = {
    {"GET", "/admin/audit", page_audit},
};

const admin_module_t admin_mod_audit = {"audit", "/admin/audit", routes,
                                        sizeof routes / sizeof *routes};
