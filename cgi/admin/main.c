/* admin: the admin console (/admin/...) as a FastCGI program of its own, so
 * that the workspace's workers never carry the console's templates. Signing
 * in and out stay with the agent program (/agent/login); the session cookie
 * is shared. The pages and the admin-only gate are in cgi/admin*.c. */
#include <sodium.h>
#include <string.h>

#include "agent/web.h"
#include "web/program.h"

static void handle(FCGX_Request *fx, void *ctx)
{
    site_t *site = ctx;
    desk_t *d = &site->desk;
    req_t r;
    session_t s;
    memset(&s, 0, sizeof s);
    int status = req_start(&r, fx, &site->limits, true);
    web_t w = {.r = &r, .site = site, .d = d, .lang = d->default_lang, .ctx = &s};
    const char *lc = req_cookie(&r, "lang");
    if (lc)
        w.lang = lang_parse(lc);
    if (status)
        agent_error_page(&w, status, status == 413 ? "too_large" : "bad_request");
    else if (!strcmp(r.path, "/admin/health"))
        web_health(&w, NULL);
    else if (agent_signed_in(&w, &s))
        admin_handle(&w);
    sodium_memzero(&s, sizeof s);
    req_finish(&r);
}

int main(int argc, char **argv)
{
    /* admins are few: their pages are parsed when asked for, not held */
    static const program_t p = {"admin", "Admin", admin_pages, handle, true};
    return program_main(argc, argv, &p);
}
