/* ratelimit: how many tickets may be submitted on the portal, as admins set
 * it on /admin/portal (the web server's POST limit stays in front of every
 * POST; this is the stricter, configurable limit on submissions).
 *
 * Two allowances per Portal.SubmitWindowMinutes:
 *   - Portal.SubmitLimit submissions per browser (0: no limit of our own).
 *     A browser is the client address (REMOTE_ADDR, as the web server
 *     passes it) with the portal's csrf cookie, which every submission
 *     carries: colleagues behind one office address each have their own.
 *   - Portal.SubmitAddressLimit per client address, whatever the cookies
 *     (unset: 10 x SubmitLimit; 0: none): the ceiling a client inventing a
 *     new cookie for every submission runs into.
 * A browser over its allowance is refused without counting against its
 * address, so one person retrying does not use up the colleagues' ceiling.
 *
 * Counted in MariaDB (table portal_rate), not per worker: a client's
 * requests land on any worker of any host, so a per-worker count would let
 * through the limit times the number of workers. Each attempt increments the
 * row (key, fixed window) and reads it back in one transaction, under the
 * row's lock, so concurrent attempts are counted one after the other and
 * never more than the limit get through in a window. The windows are fixed
 * (aligned on multiples of their length): across a boundary a client may
 * send up to twice the limit within one window's length. Rows of windows
 * that ended a day ago are deleted as new windows start. A browser's row is
 * keyed by a keyed hash of address and cookie, never the cookie itself. */
#ifndef DESK_RATELIMIT_H
#define DESK_RATELIMIT_H

#include <stdbool.h>
#include <time.h>

#include "desk/desk.h"

/* Counts one attempt of client at now against limit per window_minutes.
 * 1 allowed, 0 over the limit, <0 an outcome. limit <= 0 allows at once
 * without counting. */
int ratelimit_hit(desk_t *d, const char *client, time_t now, long limit, long window_minutes);

/* Portal.SubmitAddressLimit as in force (its default follows SubmitLimit). */
long ratelimit_address_limit(desk_t *d);
/* The portal's submission limits from the settings: true when this attempt
 * of client (address) from browser (its csrf cookie) may go on (also when
 * the count cannot be read: the database being down fails the submission
 * anyway, with its own message). */
bool ratelimit_portal_submit(desk_t *d, const char *client, const char *browser);

#endif
