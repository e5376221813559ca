/* settings: configuration admins change through the web (portal name,
 * colours, welcome text, ...), stored in the `settings` table as name/value
 * pairs. A setting's name is the config key it overrides ("Site.Name", a
 * key flagged CONFIG_WEB in lib/core/config_keys.c): a name not in the
 * settings table falls back to the HDF config file. Loaded per worker
 * when the config version changes (lib/desk/confver.h), never per request. */
#ifndef DESK_SETTINGS_H
#define DESK_SETTINGS_H

#include "core/config.h"
#include "store/db.h"
#include "core/secret.h"

#define SETTING_NAME_MAX 100

typedef struct setting {
    char name[SETTING_NAME_MAX + 1];
    char *value;
} setting_t;

typedef struct settings {
    setting_t *items; /* sorted by name */
    int n;
} settings_t;

/* Loads every row; on failure s is left as it was. 0 or -1. */
int settings_load(settings_t *s, db_t *db);
void settings_free(settings_t *s);

/* A key of lib/core/config.h: the stored setting (even when empty), else the
 * config file's value, else the table's default. s may be NULL: the config
 * file alone. */
const char *settings_get_str(const settings_t *s, const config_t *cfg, config_key_t key);
/* The same as a number clamped to the key's range; the default when unset,
 * empty or not a number (CONFIG_UNSET when the key has none). */
long settings_get_int(const settings_t *s, const config_t *cfg, config_key_t key);
bool settings_get_bool(const settings_t *s, const config_t *cfg, config_key_t key);

/* By name, with the caller's default: the lookups under the getters. */
const char *settings_get(const settings_t *s, const config_t *cfg, const char *name,
                         const char *def);
long settings_int(const settings_t *s, const config_t *cfg, const char *name, long def, long min,
                  long max);
/* Stores a value inside the caller's transaction (audit and bump the config
 * version there too). Returns 1 changed, 0 unchanged, <0 an outcome. The old
 * value (NULL when there was none) goes to *old, malloc'd, when old != NULL. */
int settings_put(db_t *db, const char *name, const char *value, char **old);

/* Secret settings (an SMTP password, a gateway key) are stored sealed
 * (lib/core/secret.h) as "sealed:" + base64, never in clear, and never shown. */
#define SETTINGS_SEALED_PREFIX "sealed:"
/* The stored form of a secret value: malloc'd, or NULL (out of memory). */
char *settings_seal(const secrets_t *k, const char *plain);
/* The value of a secret setting in clear into out (cap bytes): opened when
 * sealed, else the plain value (from the config file) or "" when unset.
 * 0, or -1 when a sealed value does not open (out is then ""). */
int settings_secret(const settings_t *s, const config_t *cfg, const secrets_t *k, const char *name,
                    char *out, size_t cap);
/* The same for a CONFIG_SECRET key. */
int settings_get_secret(const settings_t *s, const config_t *cfg, const secrets_t *k,
                        config_key_t key, char *out, size_t cap);

#endif
