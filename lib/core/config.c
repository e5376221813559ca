/* config: see config.h. */
#include "core/config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* ClearSilver's data sets alone, not ClearSilver.h (the cgi kit, and macros
 * such as HASH and hash_init) */
#include <util/neo_err.h>
#include <util/neo_files.h>
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

/* The first line (1-based) that is a link ("A : B"), a copy ("A := B") or
 * has attributes ("A [x] = v"), in or out of a multi-line value; 0 when
 * none. ClearSilver follows links without a bound (a link to itself
 * overflows the stack, at the first lookup or at a copy while reading) and
 * loses the attributes of a line it then refuses; the desk's configuration
 * uses none of them. */
static int unsupported_line(const char *text)
{
    int lineno = 0;
    for (const char *line = text; *line;) {
        size_t len = strcspn(line, "\n");
        const char *end = line + len, *p = line;
        lineno++;
        while (p < end && isspace((unsigned char)*p))
            p++;
        if (p < end && *p != '#') {
            while (p < end && (isalnum((unsigned char)*p) || *p == '_' || *p == '.'))
                p++;
            while (p < end && isspace((unsigned char)*p))
                p++;
            if (p < end && (*p == ':' || *p == '['))
                return lineno;
        }
        line = *end ? end + 1 : end;
    }
    return 0;
}

/* Reads text as the configuration (from `what`): includes are refused
 * (hdf_read_string), and so are the lines unsupported_line() finds. */
static int load_text(config_t *cfg, const char *text, const char *what)
{
    int bad = unsupported_line(text);
    if (bad) {
        log_error("config %s: line %d: links (A : B), copies (A := B) and attributes "
                  "(A [x] = v) are not used in the desk's configuration",
                  what, bad);
        return -1;
    }
    NEOERR *err = hdf_init(&cfg->hdf);
    if (err == STATUS_OK)
        err = hdf_read_string(cfg->hdf, text);
    return err ? config_fail(err, what) : 0;
}

int config_load(config_t *cfg, const char *path)
{
    char *text = NULL;
    NEOERR *err = ne_load_file(path, &text);
    if (err)
        return config_fail(err, path);
    int rc = load_text(cfg, text, path);
    free(text);
    return rc;
}

int config_load_string(config_t *cfg, const char *text)
{
    return load_text(cfg, text, "string");
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

/* ---- typed getters: the lookups above with the table's default and range ------- */

const char *config_get_str(const config_t *cfg, config_key_t key)
{
    const config_def_t *k = config_def(key);
    return config_str(cfg, k->name, k->def);
}

long config_get_int(const config_t *cfg, config_key_t key)
{
    const config_def_t *k = config_def(key);
    return config_int(cfg, k->name, config_default_int(key), k->min, k->max);
}

bool config_get_bool(const config_t *cfg, config_key_t key)
{
    return config_get_int(cfg, key) != 0;
}

long config_get_seconds(const config_t *cfg, config_key_t key)
{
    return config_get_int(cfg, key) * config_def(key)->unit;
}

/* "Portal.Workers" of CFG_PROGRAM_WORKERS and "Portal" into out. */
static const char *program_key(const char *program, config_key_t key, char *out, size_t cap)
{
    snprintf(out, cap, "%s.%s", program, config_def(key)->name);
    return out;
}

const char *config_get_program_str(const config_t *cfg, const char *program, config_key_t key)
{
    char name[96];
    return config_str(cfg, program_key(program, key, name, sizeof name), config_default(key));
}

long config_get_program_int(const config_t *cfg, const char *program, config_key_t key)
{
    char name[96];
    const config_def_t *k = config_def(key);
    return config_int(cfg, program_key(program, key, name, sizeof name), config_default_int(key),
                      k->min, k->max);
}

/* ---- the file against the table ------------------------------------------------- */

/* Why value v does not fit key k, or NULL when it does. */
static const char *misfit(const config_def_t *k, const char *v, char *why, size_t cap)
{
    if (!*v)
        return NULL; /* unset: the default */
    switch (k->type) {
    case CONFIG_BOOL:
        if (strcmp(v, "0") == 0 || strcmp(v, "1") == 0)
            return NULL;
        snprintf(why, cap, "is neither 0 nor 1");
        return why;
    case CONFIG_INT:
    case CONFIG_DURATION: {
        char *end;
        errno = 0;
        long n = strtol(v, &end, 10);
        if (*end || end == v)
            snprintf(why, cap, "is not a whole number");
        else if (errno || n < k->min || n > k->max)
            snprintf(why, cap, "is out of range: %ld to %ld", k->min, k->max);
        else
            return NULL;
        return why;
    }
    case CONFIG_ENUM: {
        for (int i = 0; k->choices[i]; i++)
            if (strcmp(v, k->choices[i]) == 0)
                return NULL;
        int n = snprintf(why, cap, "is not one of");
        for (int i = 0; k->choices[i] && n > 0 && (size_t)n < cap; i++)
            n += snprintf(why + n, cap - (size_t)n, " %s", k->choices[i]);
        return why;
    }
    default:
        return NULL;
    }
}

/* Is block the first part of a key of the table? */
static bool known_block(const char *block)
{
    size_t len = strlen(block);
    for (int i = 0; config_programs[i]; i++)
        if (strcmp(config_programs[i], block) == 0)
            return true;
    for (int k = 0; k < CONFIG_KEY_COUNT; k++) {
        const config_def_t *d = config_def((config_key_t)k);
        if (!(d->flags & CONFIG_PROGRAM) && strncmp(d->name, block, len) == 0 &&
            d->name[len] == '.')
            return true;
    }
    return false;
}

/* Checks node (full name `name`) and what is under it; the number of faults. */
static int check_node(HDF *node, const char *name)
{
    int bad = 0;
    const char *v = hdf_obj_value(node);
    int key = config_key_by_name(name);
    if (key < 0 && v) {
        log_error("config: unknown key %s (README.md, section Configuration, lists the keys)",
                  name);
        bad++;
    } else if (key >= 0 && v) {
        char why[160];
        const config_def_t *k = config_def((config_key_t)key);
        const char *w = misfit(k, v, why, sizeof why);
        if (w) { /* a secret's value stays out of the log */
            log_error("config: %s = %s %s", name, k->flags & CONFIG_SECRET ? "(secret)" : v, w);
            bad++;
        }
    }
    for (HDF *c = hdf_obj_child(node); c; c = hdf_obj_next(c)) {
        char sub[256];
        snprintf(sub, sizeof sub, "%s.%s", name, hdf_obj_name(c));
        bad += check_node(c, sub);
    }
    return bad;
}

int config_check(const config_t *cfg)
{
    int bad = 0;
    for (HDF *b = hdf_obj_child(cfg->hdf); b; b = hdf_obj_next(b)) {
        const char *block = hdf_obj_name(b);
        if (!known_block(block))
            continue;
        for (HDF *c = hdf_obj_child(b); c; c = hdf_obj_next(c)) {
            char name[256];
            snprintf(name, sizeof name, "%s.%s", block, hdf_obj_name(c));
            bad += check_node(c, name);
        }
    }
    return bad ? -1 : 0;
}

/* ---- where the file is ---------------------------------------------------------- */

const char *config_path_from_args(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "-c") == 0)
            return argv[i + 1];
    const char *env = getenv("DESK_CONFIG");
    return env && *env ? env : "/etc/desk/desk.hdf";
}
