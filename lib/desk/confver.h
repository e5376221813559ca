/* confver: configuration changes reach every worker without a restart.
 *
 * The catalogue (lib/desk/catalog/catalog.h) and the settings (lib/desk/settings.h) are loaded
 * once per worker together with the number in table config_version. Every
 * admin change bumps that number in its own transaction (confver_bump) and,
 * after the commit, rewrites the stamp file Desk.StampFile (confver_touch:
 * tmp + rename). Before each request a worker stat()s the stamp file (no
 * database work); when the file changed, or at the latest every
 * Config.CheckSeconds (for workers on other hosts), it reads the
 * number from MariaDB and reloads catalogue and settings when it differs. */
#ifndef DESK_CONFVER_H
#define DESK_CONFVER_H

#include <stdbool.h>

#include "desk/desk.h"

/* Increments the version inside the caller's transaction. 0 or an outcome. */
int confver_bump(desk_t *d);
/* After the commit: rewrites the stamp file so every worker on this host
 * re-checks on its next request. Harmless without Desk.StampFile. */
void confver_touch(desk_t *d);
/* Per request (lib/web/program.c, the scheduler's pass): cheap unless the
 * configuration changed. */
void confver_refresh(desk_t *d);
/* Loads the version, catalogue, settings and notification texts, and
 * publishes them to the language data sets (lib/desk/worker.h). 0 or -1. */
int confver_load(desk_t *d);
/* The version in the database, or -1. */
long long confver_read(desk_t *d);
/* Whether the stamp file changed since the last call (and remembers it). */
bool confver_stamp_changed(desk_t *d);

#endif
