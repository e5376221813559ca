/* csrf: the one check that a state-changing form was sent from one of our
 * own pages. Every such form repeats a token in its "csrf" field; the
 * request goes on only when that field equals the token the program
 * expects, compared in constant time. A signed-in person's token is bound
 * to the session (auth_csrf_token); before sign-in, and on the portal
 * where nobody signs in, it is a random value in a SameSite=Strict cookie
 * that the form repeats (double submit). */
#ifndef DESK_CSRF_H
#define DESK_CSRF_H

#include <stdbool.h>

#include "web/http.h"

/* The double-submit token for the page's forms: the one in cookie, or a
 * fresh one set there as a SameSite=Strict session cookie. Put in Csrf. */
void csrf_issue(req_t *r, const char *cookie);
/* True when the form's csrf field is expected, a token of TOKEN_TEXT_LEN
 * characters (NULL or any other length never matches). */
bool csrf_ok(req_t *r, const char *expected);
/* csrf_ok against the token in cookie (the double submit). */
bool csrf_cookie_ok(req_t *r, const char *cookie);

#endif
