/* view: a web program's pages: templates of lib/core/tpl.h, parsed against
 * the desk's language data sets, with the cgi kit's string functions that
 * pages use in URLs and scripts (url_escape, js_escape, ...). */
#ifndef DESK_VIEW_H
#define DESK_VIEW_H

#include <stdbool.h>

#include "core/config.h"
#include "core/tpl.h"

typedef struct view {
    tpl_t pages;
} view_t;

/* Parses the named pages (NULL-ended list of paths relative to
 * Templates.Dir) against texts; on_demand as tpl_init. 0, or -1 after
 * logging why. */
int view_init(view_t *v, const texts_t *texts, const config_t *cfg, const char *const *pages,
              bool on_demand);
void view_free(view_t *v);
/* Renders a page parsed by view_init into out (appended). 0 or -1. */
int view_render(view_t *v, const char *page, lang_t lang, HDF *data, STRING *out);

#endif
