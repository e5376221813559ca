/* view: see view.h. */
#include "web/view.h"

#include <cgi/cgi.h>

int view_init(view_t *v, const texts_t *texts, const config_t *cfg, const char *const *pages,
              bool on_demand)
{
    return tpl_init(&v->pages, texts, cfg, pages, on_demand, cgi_register_strfuncs);
}

void view_free(view_t *v) { tpl_free(&v->pages); }

int view_render(view_t *v, const char *page, lang_t lang, HDF *data, STRING *out)
{
    return tpl_render(&v->pages, page, lang, data, out);
}
