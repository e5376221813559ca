/* status: what an outcome of the domain (core/outcome.h) means over HTTP,
 * the one place where lib/ outcomes become statuses: a kind gives one
 * status and the key of its error page (the Error.<key> texts), a detailed
 * outcome those of its kind.
 *
 *   OK 200, UNAVAILABLE 503, NOT_FOUND 404, CONFLICT 409, INVALID 422,
 *   FORBIDDEN 403, DUPLICATE 422 (a value taken: the form says which),
 *   LIMITED 429 */
#ifndef DESK_WEB_STATUS_H
#define DESK_WEB_STATUS_H

#include "core/outcome.h"

/* The HTTP status of an outcome (200 for a count or id >= 0). */
int status_of(int rc);
/* The key of its error page: "unavailable", "not_found", "conflict",
 * "invalid", "forbidden", "limited"; NULL for OK. */
const char *status_key(int rc);

#endif
