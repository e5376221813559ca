/* tpl: templates of text: ClearSilver's template language (cs) over its data
 * sets (HDF), in each language; ClearSilver's template and data set headers
 * only, never its cgi kit.
 *
 * texts_t holds each language's global data set: its strings (L.*, from
 * templates/lang/<code>.hdf and templates/lang/<area>.<code>.hdf), Lang.Code,
 * the site's name (Site.Name) and whatever else is the same for every
 * rendering (the catalogue, the portal's brand, the customer tags: the domain
 * publishes them there). HTML auto-escaping is on for every template
 * (Config.VarEscapeMode = html).
 *
 * tpl_t is a set of templates (paths under Templates.Dir), parsed against a
 * texts_t once per worker, or, on demand, at each rendering. A rendering's
 * own data set is searched first, then the global one of its language. */
#ifndef DESK_TPL_H
#define DESK_TPL_H

#include <cs/cs.h>
#include <stdbool.h>
#include <time.h>

#include "core/config.h"
#include "core/lang.h"

typedef struct texts {
    HDF *global[LANG_COUNT];
} texts_t;

/* Reads the language files of Templates.Dir. 0, or -1 after logging why. */
int texts_load(texts_t *t, const config_t *cfg);
void texts_free(texts_t *t);
/* A language string such as "Err.required" (L.Err.required), "" when
 * missing. */
const char *texts_get(const texts_t *t, lang_t lang, const char *key);

#define TPL_MAX_PAGES 96

/* Registers more functions in a parser (the cgi kit's url_escape, ...). */
typedef NEOERR *(*tpl_funcs_t)(CSPARSE *cs);

typedef struct tpl {
    const texts_t *texts;
    tpl_funcs_t funcs; /* or NULL */
    struct {
        const char *name;
        CSPARSE *cs;
    } page[TPL_MAX_PAGES];
    int npages;
    bool on_demand; /* parse each page when rendered, and free it after */
} tpl_t;

/* Parses the named templates (NULL-ended list of paths relative to
 * Templates.Dir) against texts, with funcs registered in each parser. With
 * on_demand, a page is only checked to exist now and is parsed for each
 * rendering and freed after it: for a program whose pages are many and
 * seldom used, whose workers then do not hold them all. 0, or -1 after
 * logging why. */
int tpl_init(tpl_t *t, const texts_t *texts, const config_t *cfg, const char *const *pages,
             bool on_demand, tpl_funcs_t funcs);
void tpl_free(tpl_t *t);
/* Renders a page of t in lang into out (appended). 0 or -1. */
int tpl_render(tpl_t *t, const char *page, lang_t lang, HDF *data, STRING *out);

/* Logs a ClearSilver error and frees it; returns -1. */
int tpl_log_error(NEOERR *err, const char *what);

/* Sets key to t as "YYYY-MM-DD HH:MM" in the desk's time zone ("" for 0),
 * and key.iso to the UTC ISO 8601 form for <time datetime>. */
void tpl_set_time(HDF *hdf, const char *key, time_t t);
/* Sets key.hours and key.minutes of a duration in minutes (an amount of
 * business time, such as a promised response time: "24 小时"). */
void tpl_set_duration(HDF *hdf, const char *key, long long minutes);
/* Sets key.days, key.hours (0-23), key.minutes (0-59) and key.total (all
 * minutes) of a stretch of calendar time, such as the time left before a
 * deadline: shown as "3 天 5 小时", "2 小时 15 分". */
void tpl_set_span(HDF *hdf, const char *key, long long minutes);

#endif
