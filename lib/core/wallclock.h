/* wallclock: the desk's current time, the one place programs ask, so that
 * tests can move it: the system clock plus Clock.OffsetSeconds from the
 * config and, when Clock.OffsetFile is set (test stacks only), the number of
 * seconds written in that file, re-read whenever the file changes. */
#ifndef DESK_WALLCLOCK_H
#define DESK_WALLCLOCK_H

#include <time.h>

#include "core/config.h"

typedef struct wallclock {
    long offset;             /* Clock.OffsetSeconds */
    const char *offset_file; /* Clock.OffsetFile, or NULL */
    long file_offset;        /* read from it */
    struct timespec file_mtime;
} wallclock_t;

/* Reads Clock.OffsetSeconds and Clock.OffsetFile from cfg. */
void wallclock_init(wallclock_t *c, const config_t *cfg);
time_t wallclock_now(wallclock_t *c);

#endif
