/* worker: a worker's domain made ready for its first request, after fork:
 * the context opened (keys, database, language data sets: lib/desk/desk.h),
 * the notification templates parsed (lib/desk/notify/outbox.h), the
 * catalogue, settings and notification texts loaded and published to the
 * language data sets (lib/desk/confver.h). Every program runs it; a web
 * program then adds its pages (lib/web/site.h). */
#ifndef DESK_WORKER_H
#define DESK_WORKER_H

#include "desk/desk.h"

/* After desk_configure(), in the worker. 0, or -1 after logging why;
 * desk_close() frees what was opened either way. */
int worker_open(desk_t *d);

#endif
