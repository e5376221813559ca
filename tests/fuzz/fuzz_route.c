/* libFuzzer target: routes and ids from paths, as the programs take them.
 * The first line is a request path (as lib/web/http.c keeps it: up to '?'
 * and at most 511 bytes), the rest a value a handler may redirect to
 * ("back=..."). The path goes through web_match() against every route
 * pattern of the programs' tables, web_id() and web_segment() on what it
 * gives, and both through http_local_path().
 *
 * Checked: a match's argument lies inside the path, is one non-empty
 * segment and gives back the path with the pattern; an id is 1 to 18
 * digits; a segment fits and holds no '/'; a local path starts with one
 * '/' and holds nothing a browser could read as another site. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/http.h"
#include "web/web.h"

/* the patterns of cgi/portal.c, cgi/api.c, cgi/agent/ and cgi/admin/ */
static const char *const patterns[] = {
    "/",
    "/admin",
    "/admin/",
    "/admin/api-keys",
    "/admin/api-keys/*/revoke",
    "/admin/audit",
    "/admin/calendars",
    "/admin/calendars/*",
    "/admin/calendars/*/activate",
    "/admin/calendars/*/days",
    "/admin/calendars/*/days-remove",
    "/admin/calendars/*/deactivate",
    "/admin/calendars/*/import",
    "/admin/calendars/*/import-confirm",
    "/admin/categories",
    "/admin/categories/*",
    "/admin/categories/*/activate",
    "/admin/categories/*/common",
    "/admin/categories/*/deactivate",
    "/admin/categories/*/fields",
    "/admin/fields/*",
    "/admin/fields/*/activate",
    "/admin/fields/*/deactivate",
    "/admin/fields/*/down",
    "/admin/fields/*/options",
    "/admin/fields/*/up",
    "/admin/options/*/activate",
    "/admin/options/*/deactivate",
    "/admin/people",
    "/admin/people/*",
    "/admin/people/*/activate",
    "/admin/people/*/deactivate",
    "/admin/people/*/password",
    "/admin/people/*/unlock",
    "/admin/people/contact-roles",
    "/admin/people/new",
    "/admin/portal",
    "/admin/portal/logo",
    "/admin/portal/logo/remove",
    "/admin/priorities",
    "/admin/priorities/*",
    "/admin/priorities/*/activate",
    "/admin/priorities/*/deactivate",
    "/admin/priorities/*/policies",
    "/admin/routing",
    "/admin/routing/agents/*/availability",
    "/admin/routing/rules/*",
    "/admin/routing/rules/*/activate",
    "/admin/routing/rules/*/deactivate",
    "/admin/routing/teams/*",
    "/admin/skills",
    "/admin/skills/*",
    "/admin/skills/*/activate",
    "/admin/skills/*/deactivate",
    "/admin/sla-policies/*",
    "/admin/sla-policies/*/activate",
    "/admin/sla-policies/*/deactivate",
    "/admin/tags",
    "/admin/tags/*",
    "/admin/tags/*/activate",
    "/admin/tags/*/deactivate",
    "/admin/tags/customers/*",
    "/admin/tags/customers/*/add",
    "/admin/tags/customers/*/remove",
    "/admin/tags/organisations/*",
    "/admin/tags/organisations/*/add",
    "/admin/tags/organisations/*/remove",
    "/admin/tags/rules",
    "/admin/teams",
    "/admin/teams/*",
    "/admin/teams/*/activate",
    "/admin/teams/*/deactivate",
    "/admin/teams/*/members",
    "/admin/teams/*/remove",
    "/agent/",
    "/agent/approvals",
    "/agent/approvals/*",
    "/agent/availability",
    "/agent/files/*",
    "/agent/health",
    "/agent/login",
    "/agent/logout",
    "/agent/new",
    "/agent/outbox",
    "/agent/outbox/*/retry",
    "/agent/progress",
    "/agent/progress.csv",
    "/agent/q/*",
    "/agent/search",
    "/agent/t/*",
    "/agent/t/*/acceptance",
    "/agent/t/*/act",
    "/agent/t/*/solution",
    "/api/v1/attachments/*",
    "/api/v1/health",
    "/api/v1/tickets",
    "/api/v1/tickets/*",
    "/api/v1/tickets/*/attachments",
    "/api/v1/tickets/*/comments",
    "/brand/logo",
    "/brand/preview.css",
    "/brand/theme.css",
    "/health",
    "/lang/*",
    "/lost",
    "/new/*",
    "/t/*",
    "/t/*/accept",
    "/t/*/acceptance",
    "/t/*/close",
    "/t/*/confirm",
    "/t/*/file",
    "/t/*/question",
    "/t/*/reply",
    "/t/*/survey",
};

static void check_match(const char *pattern, const char *path)
{
    const char *arg = web_match(pattern, path);
    if (!arg)
        return;
    size_t plen = strlen(path);
    if (arg < path || arg > path + plen)
        abort();
    const char *star = strchr(pattern, '*');
    if (!star) {
        if (strcmp(pattern, path) != 0)
            abort();
        return;
    }
    size_t seg = strcspn(arg, "/");
    if (seg == 0 || strncmp(path, pattern, (size_t)(star - pattern)) != 0 ||
        strcmp(arg + seg, star + 1) != 0)
        abort();
    long long id = web_id(arg);
    if (id < 0 || (id > 0 && (strspn(arg, "0123456789") == 0 || strspn(arg, "0123456789") > 18)))
        abort();
    char buf[32];
    const char *s = web_segment(arg, buf, sizeof buf);
    if (s && (s != buf || strlen(s) != seg || strchr(s, '/')))
        abort();
    if (!s && seg < sizeof buf)
        abort();
}

static void check_local(const char *s)
{
    if (!http_local_path(s))
        return;
    if (s[0] != '/' || s[1] == '/' || strlen(s) > HTTP_LOCAL_PATH_MAX || strpbrk(s, "\\ \t\r\n#\"<>"))
        abort();
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x21 || *p > 0x7e)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[512], back[HTTP_LOCAL_PATH_MAX + 16];
    const uint8_t *nl = memchr(data, '\n', size);
    size_t n = nl ? (size_t)(nl - data) : size;
    size_t plen = 0;
    while (plen < n && data[plen] != '?' && data[plen] != '#' && data[plen] != '\0')
        plen++;
    if (plen >= sizeof path)
        plen = sizeof path - 1;
    memcpy(path, data, plen);
    path[plen] = '\0';
    size_t blen = nl ? size - n - 1 : 0;
    if (blen >= sizeof back)
        blen = sizeof back - 1;
    if (nl)
        memcpy(back, nl + 1, blen);
    back[blen] = '\0';
    for (size_t i = 0; i < sizeof patterns / sizeof *patterns; i++)
        check_match(patterns[i], path);
    web_id(path);
    check_local(path);
    check_local(back);
    return 0;
}
