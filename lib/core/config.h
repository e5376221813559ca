/* config: the desk's one configuration file, an HDF file read with
 * ClearSilver's own parser once per process (before the workers fork).
 *
 * Every key the desk reads is declared once, in the table of
 * lib/core/config_keys.h: its name, type, default, range and meaning, in the
 * manner of nginx's ngx_command_t. Code reads a key by its config_key_t with
 * the typed getters below, which take the default and the range from the
 * table; no caller writes a default. config_check() holds a file to the table
 * at start-up. README.md's configuration table and the sample conf/desk.hdf
 * list the same keys (tests/unit/test_config_keys.c keeps them in step). */
#ifndef DESK_CONFIG_H
#define DESK_CONFIG_H

#include <stdbool.h>

#include "core/config_keys.h"

typedef struct _hdf HDF; /* ClearSilver's data set (util/neo_hdf.h) */

typedef struct config {
    HDF *hdf;
} config_t;

/* ---- the file ---------------------------------------------------------------- */

/* Reads `path`; returns 0, or -1 after logging why. */
int config_load(config_t *cfg, const char *path);
/* Reads HDF text (tests). */
int config_load_string(config_t *cfg, const char *text);
void config_free(config_t *cfg);

/* Holds the file to the table, logging one line per fault: a key a block of
 * the table does not have (blocks of no key are left to others), or a value
 * that is not of the key's type or out of its range. Empty values are unset.
 * 0, or -1 when the program must not start. */
int config_check(const config_t *cfg);

/* ---- typed getters: the value, else the table's default ---------------------- */

/* STRING, PATH, ENUM (and any key as text): the value, or the default when
 * unset or empty (NULL when the key has none). */
const char *config_get_str(const config_t *cfg, config_key_t key);
/* INT, DURATION, BOOL: the value clamped to the key's range; the default
 * when unset, empty or not a number (CONFIG_UNSET when the key has none). */
long config_get_int(const config_t *cfg, config_key_t key);
bool config_get_bool(const config_t *cfg, config_key_t key);
/* DURATION: config_get_int() in seconds. */
long config_get_seconds(const config_t *cfg, config_key_t key);
/* A CONFIG_PROGRAM key in the block of `program` ("Portal"). */
const char *config_get_program_str(const config_t *cfg, const char *program, config_key_t key);
long config_get_program_int(const config_t *cfg, const char *program, config_key_t key);

/* ---- by name: the lookups under the getters ---------------------------------- */

/* Value of `key`, or `def` when unset or empty. */
const char *config_str(const config_t *cfg, const char *key, const char *def);
/* Integer value of `key` clamped to [min, max], `def` when unset or invalid. */
long config_int(const config_t *cfg, const char *key, long def, long min, long max);

/* Path of the config file: -c PATH in argv, else $DESK_CONFIG, else
 * /etc/desk/desk.hdf. */
const char *config_path_from_args(int argc, char **argv);

#endif
