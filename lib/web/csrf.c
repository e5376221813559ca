/* csrf: see csrf.h. */
#include "web/csrf.h"

#include <sodium.h>
#include <string.h>
#include <util/neo_hdf.h>

#include "core/secret.h"

static bool is_token(const char *s) { return s && strlen(s) == TOKEN_TEXT_LEN; }

void csrf_issue(req_t *r, const char *cookie)
{
    const char *have = req_cookie(r, cookie);
    char fresh[TOKEN_TEXT_LEN + 1];
    if (!is_token(have)) {
        token_new(fresh);
        req_set_cookie(r, cookie, fresh, -1, "Strict");
        have = fresh;
    }
    hdf_set_value(r->hdf, "Csrf", have);
}

bool csrf_ok(req_t *r, const char *expected)
{
    const char *sent = req_query(r, "csrf");
    return is_token(expected) && is_token(sent) &&
           sodium_memcmp(sent, expected, TOKEN_TEXT_LEN) == 0;
}

bool csrf_cookie_ok(req_t *r, const char *cookie) { return csrf_ok(r, req_cookie(r, cookie)); }
