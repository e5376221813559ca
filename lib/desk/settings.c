/* settings: see settings.h. */
#include "desk/settings.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char sql_all[] = "SELECT name, value FROM settings ORDER BY name";
static const char sql_one[] = "SELECT value FROM settings WHERE name = ? FOR UPDATE";
static const char sql_put[] =
    "INSERT INTO settings (name, value) VALUES (?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)";

static int cmp_items(const void *a, const void *b);

void settings_free(settings_t *s)
{
    for (int i = 0; i < s->n; i++)
        free(s->items[i].value);
    free(s->items);
    s->items = NULL;
    s->n = 0;
}

int settings_load(settings_t *s, db_t *db)
{
    settings_t fresh = {NULL, 0};
    int cap = 0, rc;
    MYSQL_STMT *st = db_query(db, sql_all, "");
    if (!st)
        return -1;
    setting_t row;
    while ((rc = db_fetch(st, "sS", row.name, sizeof row.name, &row.value)) == 1) {
        if (fresh.n == cap) {
            cap = cap ? cap * 2 : 16;
            setting_t *grown = realloc(fresh.items, (size_t)cap * sizeof *grown);
            if (!grown) {
                free(row.value);
                rc = -1;
                break;
            }
            fresh.items = grown;
        }
        if (!row.value)
            row.value = strdup("");
        fresh.items[fresh.n++] = row;
    }
    db_done(st);
    if (rc != 0) {
        settings_free(&fresh);
        return -1;
    }
    if (fresh.n) /* the DB's collation need not be strcmp's order */
        qsort(fresh.items, (size_t)fresh.n, sizeof *fresh.items, cmp_items);
    settings_free(s);
    *s = fresh;
    return 0;
}

static int by_name(const void *key, const void *item)
{
    return strcmp(key, ((const setting_t *)item)->name);
}

static int cmp_items(const void *a, const void *b)
{
    return strcmp(((const setting_t *)a)->name, ((const setting_t *)b)->name);
}

const char *settings_get(const settings_t *s, const config_t *cfg, const char *name,
                         const char *def)
{
    const setting_t *hit =
        s && s->n ? bsearch(name, s->items, (size_t)s->n, sizeof *s->items, by_name) : NULL;
    if (hit)
        return hit->value;
    return cfg ? config_str(cfg, name, def) : def;
}

long settings_int(const settings_t *s, const config_t *cfg, const char *name, long def, long min,
                  long max)
{
    const char *v = settings_get(s, cfg, name, NULL);
    char *end;
    if (!v || !*v)
        return def;
    long n = strtol(v, &end, 10);
    if (*end)
        return def;
    return n < min ? min : n > max ? max : n;
}

const char *settings_get_str(const settings_t *s, const config_t *cfg, config_key_t key)
{
    return settings_get(s, cfg, config_def(key)->name, config_default(key));
}

long settings_get_int(const settings_t *s, const config_t *cfg, config_key_t key)
{
    const config_def_t *k = config_def(key);
    return settings_int(s, cfg, k->name, config_default_int(key), k->min, k->max);
}

bool settings_get_bool(const settings_t *s, const config_t *cfg, config_key_t key)
{
    return settings_get_int(s, cfg, key) != 0;
}

int settings_put(db_t *db, const char *name, const char *value, char **old)
{
    char *was = NULL;
    int rc = db_row(db, sql_one, "s", "S", name, &was);
    if (rc < 0)
        return rc;
    int changed = !was || strcmp(was, value) != 0;
    if (changed && (rc = db_exec(db, sql_put, "ss", name, value)) < 0) {
        free(was);
        return rc;
    }
    if (old)
        *old = was;
    else
        free(was);
    return changed;
}

char *settings_seal(const secrets_t *k, const char *plain)
{
    size_t n = strlen(plain), slen = SECRET_SEALED_LEN(n);
    size_t b64 = sodium_base64_ENCODED_LEN(slen, sodium_base64_VARIANT_ORIGINAL);
    unsigned char *sealed = malloc(slen);
    char *out = malloc(sizeof SETTINGS_SEALED_PREFIX + b64);
    if (!sealed || !out) {
        free(sealed);
        free(out);
        return NULL;
    }
    secret_seal(k, plain, n, sealed);
    memcpy(out, SETTINGS_SEALED_PREFIX, sizeof SETTINGS_SEALED_PREFIX - 1);
    sodium_bin2base64(out + sizeof SETTINGS_SEALED_PREFIX - 1, b64, sealed, slen,
                      sodium_base64_VARIANT_ORIGINAL);
    free(sealed);
    return out;
}

int settings_secret(const settings_t *s, const config_t *cfg, const secrets_t *k, const char *name,
                    char *out, size_t cap)
{
    const char *v = settings_get(s, cfg, name, "");
    size_t plen = sizeof SETTINGS_SEALED_PREFIX - 1;
    if (strncmp(v, SETTINGS_SEALED_PREFIX, plen) != 0) {
        snprintf(out, cap, "%s", v);
        return 0;
    }
    v += plen;
    size_t max = strlen(v), len = 0;
    unsigned char *bin = malloc(max + 1);
    int rc = bin && sodium_base642bin(bin, max, v, max, NULL, &len, NULL,
                                      sodium_base64_VARIANT_ORIGINAL) == 0
                 ? secret_open(k, bin, len, out, cap)
                 : -1;
    free(bin);
    if (rc && cap)
        out[0] = '\0';
    return rc;
}

int settings_get_secret(const settings_t *s, const config_t *cfg, const secrets_t *k,
                        config_key_t key, char *out, size_t cap)
{
    return settings_secret(s, cfg, k, config_def(key)->name, out, cap);
}
