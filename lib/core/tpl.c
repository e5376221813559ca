/* tpl: see tpl.h. */
#include "core/tpl.h"

#include <glob.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"

int tpl_log_error(NEOERR *err, const char *what)
{
    STRING s;
    string_init(&s);
    nerr_error_traceback(err, &s);
    log_error("%s: %s", what, s.buf ? s.buf : "error");
    string_clear(&s);
    nerr_ignore(&err);
    return -1;
}

static const char *templates_dir(const config_t *cfg)
{
    return config_get_str(cfg, CFG_TEMPLATES_DIR);
}

/* ---- the language data sets ------------------------------------------------ */

static int load_language(texts_t *t, lang_t lang, const config_t *cfg, const char *dir)
{
    char path[512];
    HDF *g;
    NEOERR *err = hdf_init(&g);
    if (err)
        return tpl_log_error(err, "hdf_init");
    t->global[lang] = g;
    snprintf(path, sizeof path, "%s/lang/%s.hdf", dir, lang_code(lang));
    err = hdf_set_value(g, "Config.VarEscapeMode", "html");
    if (!err)
        err = hdf_set_value(g, "hdf.loadpaths.0", dir);
    if (!err)
        err = hdf_set_value(g, "Lang.Code", lang_code(lang));
    if (!err)
        err = hdf_set_value(g, "Site.Name",
                            config_get_str(cfg, lang == LANG_EN ? CFG_SITE_NAME_EN
                                                               : CFG_SITE_NAME));
    if (!err)
        err = hdf_read_file(g, path);
    if (err)
        return tpl_log_error(err, path);
    /* each program area may keep its strings in lang/<area>.<code>.hdf */
    glob_t more;
    snprintf(path, sizeof path, "%s/lang/*.%s.hdf", dir, lang_code(lang));
    if (glob(path, 0, NULL, &more) == 0) {
        for (size_t i = 0; i < more.gl_pathc && !err; i++)
            if ((err = hdf_read_file(g, more.gl_pathv[i])) != STATUS_OK)
                tpl_log_error(err, more.gl_pathv[i]);
        globfree(&more);
    }
    return err ? -1 : 0;
}

int texts_load(texts_t *t, const config_t *cfg)
{
    memset(t, 0, sizeof *t);
    for (int l = 0; l < LANG_COUNT; l++)
        if (load_language(t, (lang_t)l, cfg, templates_dir(cfg)))
            return -1;
    return 0;
}

void texts_free(texts_t *t)
{
    for (int l = 0; l < LANG_COUNT; l++)
        if (t->global[l])
            hdf_destroy(&t->global[l]);
}

const char *texts_get(const texts_t *t, lang_t lang, const char *key)
{
    char path[128];
    snprintf(path, sizeof path, "L.%s", key);
    return hdf_get_value(t->global[lang], path, "");
}

/* ---- templates --------------------------------------------------------------- */

static int parse(tpl_t *t, const char *name, CSPARSE **out)
{
    CSPARSE *cs;
    NEOERR *err = cs_init(&cs, t->texts->global[LANG_ZH]);
    if (err)
        return tpl_log_error(err, "cs_init");
    if (t->funcs)
        err = t->funcs(cs);
    if (!err)
        err = cs_parse_file(cs, name);
    if (err) {
        cs_destroy(&cs);
        return tpl_log_error(err, name);
    }
    *out = cs;
    return 0;
}

static int add_page(tpl_t *t, const char *dir, const char *name)
{
    CSPARSE *cs = NULL;
    if (t->on_demand) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        if (access(path, R_OK) != 0) {
            log_error("templates: no template %s", path);
            return -1;
        }
    } else if (parse(t, name, &cs))
        return -1;
    t->page[t->npages].name = name;
    t->page[t->npages].cs = cs;
    t->npages++;
    return 0;
}

int tpl_init(tpl_t *t, const texts_t *texts, const config_t *cfg, const char *const *pages,
             bool on_demand, tpl_funcs_t funcs)
{
    memset(t, 0, sizeof *t);
    t->texts = texts;
    t->funcs = funcs;
    t->on_demand = on_demand;
    for (int i = 0; pages && pages[i]; i++)
        if (t->npages == TPL_MAX_PAGES || add_page(t, templates_dir(cfg), pages[i]))
            return -1;
    return 0;
}

void tpl_free(tpl_t *t)
{
    for (int i = 0; i < t->npages; i++)
        cs_destroy(&t->page[i].cs);
    t->npages = 0;
}

static NEOERR *append_output(void *ctx, char *s) { return string_append(ctx, s); }

int tpl_render(tpl_t *t, const char *page, lang_t lang, HDF *data, STRING *out)
{
    for (int i = 0; i < t->npages; i++) {
        if (strcmp(t->page[i].name, page) != 0)
            continue;
        CSPARSE *cs = t->page[i].cs;
        if (!cs && parse(t, page, &cs))
            return -1;
        cs->hdf = data;
        cs->global_hdf = t->texts->global[lang];
        NEOERR *err = cs_render(cs, out, append_output);
        cs->hdf = t->texts->global[LANG_ZH];
        cs->global_hdf = NULL;
        if (!t->page[i].cs)
            cs_destroy(&cs);
        return err ? tpl_log_error(err, page) : 0;
    }
    log_error("templates: no page %s", page);
    return -1;
}

/* ---- values for templates ------------------------------------------------------ */

void tpl_set_time(HDF *hdf, const char *key, time_t t)
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

void tpl_set_duration(HDF *hdf, const char *key, long long minutes)
{
    hdf_set_valuef(hdf, "%s.hours=%lld", key, minutes / 60);
    hdf_set_valuef(hdf, "%s.minutes=%lld", key, minutes % 60);
}

void tpl_set_span(HDF *hdf, const char *key, long long minutes)
{
    if (minutes < 0)
        minutes = 0;
    hdf_set_valuef(hdf, "%s.total=%lld", key, minutes);
    hdf_set_valuef(hdf, "%s.days=%lld", key, minutes / (24 * 60));
    hdf_set_valuef(hdf, "%s.hours=%lld", key, minutes / 60 % 24);
    hdf_set_valuef(hdf, "%s.minutes=%lld", key, minutes % 60);
}
