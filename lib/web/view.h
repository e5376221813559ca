/* view: ClearSilver templates, parsed once per worker, rendered per request
 * with HTML auto-escaping on (Config.VarEscapeMode = html).
 *
 * Each language has a global data set holding its strings (L.*, from
 * templates/lang/<code>.hdf), the site settings (Site.*) and whatever else is
 * the same for every request (the catalogue of categories). A request's own
 * data set is searched first, then the global one of its language. */
#ifndef DESK_VIEW_H
#define DESK_VIEW_H

#include <ClearSilver.h>
#include <stdbool.h>

#include "core/config.h"

typedef enum lang { LANG_ZH, LANG_EN, LANG_COUNT } lang_t;

#define VIEW_MAX_PAGES 96

typedef struct view {
    HDF *global[LANG_COUNT];
    struct {
        const char *name;
        CSPARSE *cs;
    } page[VIEW_MAX_PAGES];
    int npages;
    bool on_demand; /* parse each page when rendered, and free it after */
} view_t;

/* Loads the language files and parses the named templates (NULL-ended list
 * of paths relative to Templates.Dir). With on_demand, a page is only
 * checked to exist now and is parsed for each rendering and freed after it:
 * for a program whose pages are many and seldom used (the admin console),
 * whose workers then do not hold them all. 0, or -1 after logging why. */
int view_init(view_t *v, const config_t *cfg, const char *const *pages, bool on_demand);
void view_free(view_t *v);

/* Renders a page parsed by view_init into out (appended). 0 or -1. */
int view_render(view_t *v, const char *page, lang_t lang, HDF *data, STRING *out);
/* A language string such as "Err.required", "" when missing. */
const char *view_text(view_t *v, lang_t lang, const char *key);

lang_t lang_parse(const char *code); /* anything unknown is Chinese */
const char *lang_code(lang_t lang);

/* Logs a ClearSilver error and frees it; returns -1. */
int view_log_error(NEOERR *err, const char *what);



/* Sets key to t as "YYYY-MM-DD HH:MM" in the desk's time zone ("" for 0),
 * and key.iso to the UTC ISO 8601 form for <time datetime>. */
void view_set_time(HDF *hdf, const char *key, time_t t);
/* Sets key.hours and key.minutes of a duration in minutes (an amount of
 * business time, such as a promised response time: "24 小时"). */
void view_set_duration(HDF *hdf, const char *key, long long minutes);
/* Sets key.days, key.hours (0-23), key.minutes (0-59) and key.total (all
 * minutes) of a stretch of calendar time, such as the time left before a
 * deadline: shown as "3 天 5 小时", "2 小时 15 分". */
void view_set_span(HDF *hdf, const char *key, long long minutes);
#endif
