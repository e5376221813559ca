/* ratelimit: how many tickets one client address may submit on the portal,
 * as admins set it on /admin/portal (nginx's limit_req stays in front of
 * every POST; this is the stricter, configurable limit on submissions).
 *
 * Settings: Portal.SubmitLimit submissions (0: no limit of our own) per
 * Portal.SubmitWindowMinutes (default 60) per client address (REMOTE_ADDR,
 * as nginx passes it).
 *
 * Counted in MariaDB (table portal_rate), not per worker: a client's
 * requests land on any worker of any host, so a per-worker count would let
 * through the limit times the number of workers. Each attempt increments the
 * row (address, fixed window) and reads it back in one transaction, under
 * the row's lock, so concurrent attempts are counted one after the other and
 * never more than the limit get through in a window. The windows are fixed
 * (aligned on multiples of their length): across a boundary a client may
 * send up to twice the limit within one window's length. Rows of windows
 * that ended a day ago are deleted as new windows start. */
#ifndef DESK_RATELIMIT_H
#define DESK_RATELIMIT_H

#include <stdbool.h>
#include <time.h>

#include "desk.h"

/* Counts one attempt of client at now against limit per window_minutes.
 * 1 allowed, 0 over the limit, <0 a DB_* code. limit <= 0 allows at once
 * without counting. */
int ratelimit_hit(desk_t *d, const char *client, time_t now, long limit, long window_minutes);

/* The portal's submission limit from the settings: true when this attempt
 * may go on (also when the count cannot be read: the database being down
 * fails the submission anyway, with its own message). */
bool ratelimit_portal_submit(desk_t *d, const char *client);

#endif
