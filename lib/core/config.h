/* config: the desk's one configuration file, an HDF file read with
 * ClearSilver's own parser once per process (before the workers fork).
 * Keys are documented in README.md and in conf/desk.hdf. */
#ifndef DESK_CONFIG_H
#define DESK_CONFIG_H

typedef struct _hdf HDF; /* ClearSilver's data set (util/neo_hdf.h) */

typedef struct config {
    HDF *hdf;
} config_t;

/* Reads `path`; returns 0, or -1 after logging why. */
int config_load(config_t *cfg, const char *path);
/* Reads HDF text (tests). */
int config_load_string(config_t *cfg, const char *text);
void config_free(config_t *cfg);

/* Value of `key`, or `def` when unset or empty. */
const char *config_str(const config_t *cfg, const char *key, const char *def);
/* Integer value of `key` clamped to [min, max], `def` when unset or invalid. */
long config_int(const config_t *cfg, const char *key, long def, long min, long max);

/* Path of the config file: -c PATH in argv, else $DESK_CONFIG, else
 * /etc/desk/desk.hdf. */
const char *config_path_from_args(int argc, char **argv);

#endif
