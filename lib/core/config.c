/* config: see config.h. */
#include "core/config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
/* ClearSilver's data sets alone, not ClearSilver.h (the cgi kit, and macros
 * such as HASH and hash_init) */
#include <util/neo_err.h>
#include <util/neo_hdf.h>
#include <util/neo_str.h>

#include "core/log.h"

static int config_fail(NEOERR *err, const char *what)
{
    STRING s;
    string_init(&s);
    nerr_error_string(err, &s);
    log_error("config %s: %s", what, s.buf ? s.buf : "error");
    string_clear(&s);
    nerr_ignore(&err);
    return -1;
}

int config_load(config_t *cfg, const char *path)
{
    NEOERR *err = hdf_init(&cfg->hdf);
    if (err == STATUS_OK)
        err = hdf_read_file(cfg->hdf, path);
    return err ? config_fail(err, path) : 0;
}

int config_load_string(config_t *cfg, const char *text)
{
    NEOERR *err = hdf_init(&cfg->hdf);
    if (err == STATUS_OK)
        err = hdf_read_string(cfg->hdf, text);
    return err ? config_fail(err, "string") : 0;
}

void config_free(config_t *cfg)
{
    if (cfg->hdf)
        hdf_destroy(&cfg->hdf);
}

const char *config_str(const config_t *cfg, const char *key, const char *def)
{
    const char *v = hdf_get_value(cfg->hdf, key, NULL);
    return (v && *v) ? v : def;
}

long config_int(const config_t *cfg, const char *key, long def, long min, long max)
{
    const char *v = config_str(cfg, key, NULL);
    if (!v)
        return def;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || *end || end == v)
        return def;
    return n < min ? min : n > max ? max : n;
}

const char *config_path_from_args(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "-c") == 0)
            return argv[i + 1];
    const char *env = getenv("DESK_CONFIG");
    return env && *env ? env : "/etc/desk/desk.hdf";
}
