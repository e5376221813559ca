/* view: see view.h. */
#include "web/view.h"

#include <glob.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"

static const char *const lang_codes[LANG_COUNT] = {"zh", "en"};

lang_t lang_parse(const char *code)
{
    return code && strcmp(code, "en") == 0 ? LANG_EN : LANG_ZH;
}

const char *lang_code(lang_t lang) { return lang_codes[lang]; }

int view_log_error(NEOERR *err, const char *what)
{
    STRING s;
    string_init(&s);
    nerr_error_traceback(err, &s);
    log_error("%s: %s", what, s.buf ? s.buf : "error");
    string_clear(&s);
    nerr_ignore(&err);
    return -1;
}

static int load_language(view_t *v, lang_t lang, const config_t *cfg, const char *dir)
{
    char path[512];
    HDF *g;
    NEOERR *err = hdf_init(&g);
    if (err)
        return view_log_error(err, "hdf_init");
    v->global[lang] = g;
    snprintf(path, sizeof path, "%s/lang/%s.hdf", dir, lang_codes[lang]);
    err = hdf_set_value(g, "Config.VarEscapeMode", "html");
    if (!err)
        err = hdf_set_value(g, "hdf.loadpaths.0", dir);
    if (!err)
        err = hdf_set_value(g, "Lang.Code", lang_codes[lang]);
    if (!err)
        err = hdf_set_value(g, "Site.Name",
                            config_str(cfg, lang == LANG_EN ? "Site.NameEn" : "Site.Name",
                                       lang == LANG_EN ? "Service Desk" : "售后服务中心"));
    if (!err)
        err = hdf_read_file(g, path);
    if (err)
        return view_log_error(err, path);
    /* each program area may keep its strings in lang/<area>.<code>.hdf */
    glob_t more;
    snprintf(path, sizeof path, "%s/lang/*.%s.hdf", dir, lang_codes[lang]);
    if (glob(path, 0, NULL, &more) == 0) {
        for (size_t i = 0; i < more.gl_pathc && !err; i++)
            if ((err = hdf_read_file(g, more.gl_pathv[i])) != STATUS_OK)
                view_log_error(err, more.gl_pathv[i]);
        globfree(&more);
    }
    return err ? -1 : 0;
}

static int parse(view_t *v, const char *name, CSPARSE **out)
{
    CSPARSE *cs;
    NEOERR *err = cs_init(&cs, v->global[LANG_ZH]);
    if (err)
        return view_log_error(err, "cs_init");
    err = cgi_register_strfuncs(cs);
    if (!err)
        err = cs_parse_file(cs, name);
    if (err) {
        cs_destroy(&cs);
        return view_log_error(err, name);
    }
    *out = cs;
    return 0;
}

static int add_page(view_t *v, const char *dir, const char *name)
{
    CSPARSE *cs = NULL;
    if (v->on_demand) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        if (access(path, R_OK) != 0) {
            log_error("view: no template %s", path);
            return -1;
        }
    } else if (parse(v, name, &cs))
        return -1;
    v->page[v->npages].name = name;
    v->page[v->npages].cs = cs;
    v->npages++;
    return 0;
}

int view_init(view_t *v, const config_t *cfg, const char *const *pages, bool on_demand)
{
    memset(v, 0, sizeof *v);
    v->on_demand = on_demand;
    const char *dir = config_str(cfg, "Templates.Dir", "/usr/share/desk/templates");
    for (int l = 0; l < LANG_COUNT; l++)
        if (load_language(v, (lang_t)l, cfg, dir))
            return -1;
    for (int i = 0; pages[i]; i++)
        if (v->npages == VIEW_MAX_PAGES || add_page(v, dir, pages[i]))
            return -1;
    return 0;
}

void view_free(view_t *v)
{
    for (int i = 0; i < v->npages; i++)
        cs_destroy(&v->page[i].cs);
    for (int l = 0; l < LANG_COUNT; l++)
        if (v->global[l])
            hdf_destroy(&v->global[l]);
}

static NEOERR *append_output(void *ctx, char *s) { return string_append(ctx, s); }

int view_render(view_t *v, const char *page, lang_t lang, HDF *data, STRING *out)
{
    for (int i = 0; i < v->npages; i++) {
        if (strcmp(v->page[i].name, page) != 0)
            continue;
        CSPARSE *cs = v->page[i].cs;
        if (!cs && parse(v, page, &cs))
            return -1;
        cs->hdf = data;
        cs->global_hdf = v->global[lang];
        NEOERR *err = cs_render(cs, out, append_output);
        cs->hdf = v->global[LANG_ZH];
        cs->global_hdf = NULL;
        if (!v->page[i].cs)
            cs_destroy(&cs);
        return err ? view_log_error(err, page) : 0;
    }
    log_error("view: no page %s", page);
    return -1;
}

const char *view_text(view_t *v, lang_t lang, const char *key)
{
    char path[128];
    snprintf(path, sizeof path, "L.%s", key);
    return hdf_get_value(v->global[lang], path, "");
}

void view_set_time(HDF *hdf, const char *key, time_t t)
{
    char local[32] = "", iso[32] = "";
    struct tm tm;
    if (t) {
        strftime(local, sizeof local, "%Y-%m-%d %H:%M", localtime_r(&t, &tm));
        strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
    }
    hdf_set_valuef(hdf, "%s=%s", key, local);
    hdf_set_valuef(hdf, "%s.iso=%s", key, iso);
}

void view_set_duration(HDF *hdf, const char *key, long long minutes)
{
    hdf_set_valuef(hdf, "%s.hours=%lld", key, minutes / 60);
    hdf_set_valuef(hdf, "%s.minutes=%lld", key, minutes % 60);
}

void view_set_span(HDF *hdf, const char *key, long long minutes)
{
    if (minutes < 0)
        minutes = 0;
    hdf_set_valuef(hdf, "%s.total=%lld", key, minutes);
    hdf_set_valuef(hdf, "%s.days=%lld", key, minutes / (24 * 60));
    hdf_set_valuef(hdf, "%s.hours=%lld", key, minutes / 60 % 24);
    hdf_set_valuef(hdf, "%s.minutes=%lld", key, minutes % 60);
}
