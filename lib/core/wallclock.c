/* wallclock: see wallclock.h. */
#include "core/wallclock.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

void wallclock_init(wallclock_t *c, const config_t *cfg)
{
    memset(c, 0, sizeof *c);
    c->offset_file = config_get_str(cfg, CFG_CLOCK_OFFSET_FILE);
    c->offset = config_get_int(cfg, CFG_CLOCK_OFFSET_SECONDS);
}

static void reread_offset(wallclock_t *c, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        c->file_offset = 0;
        return;
    }
    if (st.st_mtim.tv_sec == c->file_mtime.tv_sec && st.st_mtim.tv_nsec == c->file_mtime.tv_nsec)
        return;
    FILE *f = fopen(path, "r");
    long v = 0;
    if (f && fscanf(f, "%ld", &v) == 1)
        c->file_offset = v;
    if (f)
        fclose(f);
    c->file_mtime = st.st_mtim;
}

time_t wallclock_now(wallclock_t *c)
{
    if (c->offset_file)
        reread_offset(c, c->offset_file);
    return time(NULL) + c->offset + (c->offset_file ? c->file_offset : 0);
}
