/* brand: see brand.h. */
#include "desk/brand.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "desk/attachment.h"

/* ---- colours --------------------------------------------------------------- */

bool brand_color_parse(const char *s, char out[8])
{
    if (!s || strlen(s) != 7 || s[0] != '#' || strspn(s + 1, "0123456789abcdefABCDEF") != 6)
        return false;
    out[0] = '#';
    for (int i = 1; i < 7; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    out[7] = '\0';
    return true;
}

static void rgb(const char *c, int v[3])
{
    for (int i = 0; i < 3; i++) {
        char two[3] = {c[1 + 2 * i], c[2 + 2 * i], '\0'};
        v[i] = (int)strtol(two, NULL, 16);
    }
}

/* x^2.4 for x in (0, 1] as x^2 times the fifth root of x^2 (Newton), so
 * that the library needs no libm. */
static double pow24(double x)
{
    double a = x * x, y = 1.0;
    for (int i = 0; i < 40; i++)
        y = (4.0 * y + a / (y * y * y * y)) / 5.0;
    return a * y;
}

/* WCAG 2 relative luminance. */
static double luminance(const char *c)
{
    int v[3];
    double l[3];
    rgb(c, v);
    for (int i = 0; i < 3; i++) {
        double s = v[i] / 255.0;
        l[i] = s <= 0.03928 ? s / 12.92 : pow24((s + 0.055) / 1.055);
    }
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

double brand_contrast(const char *a, const char *b)
{
    double x = luminance(a), y = luminance(b);
    return x > y ? (x + 0.05) / (y + 0.05) : (y + 0.05) / (x + 0.05);
}

void brand_mix(const char *a, const char *b, double t, char out[8])
{
    int x[3], y[3], m[3];
    rgb(a, x);
    rgb(b, y);
    for (int i = 0; i < 3; i++)
        m[i] = (int)(x[i] + (y[i] - x[i]) * t + 0.5); /* never negative */
    snprintf(out, 8, "#%02x%02x%02x", m[0], m[1], m[2]);
}

const char *brand_primary_error(const char *s)
{
    char c[8];
    if (!brand_color_parse(s, c))
        return "color_format";
    return brand_contrast(c, "#ffffff") < BRAND_MIN_CONTRAST ? "color_contrast" : NULL;
}

/* Appends to a bounded buffer; remembers when something did not fit. */
typedef struct sink {
    char *buf;
    size_t cap, len;
    bool full;
} sink_t;

__attribute__((format(printf, 2, 3))) static void put(sink_t *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = o->full ? -1 : vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= o->cap - o->len)
        o->full = true;
    else
        o->len += (size_t)n;
}

int brand_theme_css(const char *primary, const char *accent, bool has_logo, const char *scope,
                    char *out, size_t cap)
{
    char p[8], a[8], dark[8], tint[8], line[8];
    /* the built-in colours are portal.css's own: left to it */
    bool has_p = primary && brand_color_parse(primary, p) && strcmp(p, BRAND_PRIMARY_DEFAULT);
    bool has_a = accent && brand_color_parse(accent, a) && strcmp(a, BRAND_ACCENT_DEFAULT);
    sink_t o = {out, cap, 0, cap == 0};
    put(&o, "/* The portal's look, from its settings (admin console). */\n");
    if (has_p || has_a)
        put(&o, "%s {", scope ? scope : ":root");
    if (has_p) {
        brand_mix(p, "#000000", 0.2, dark);
        put(&o, " --brand: %s; --brand-dark: %s; --focus: %s;", p, dark, dark);
    }
    if (has_a) {
        brand_mix(a, "#ffffff", 0.93, tint);
        brand_mix(a, "#ffffff", 0.75, line);
        put(&o, " --accent: %s; --tint: %s; --tint-line: %s;", a, tint, line);
    }
    if (has_p || has_a)
        put(&o, " }\n");
    if (has_logo)
        put(&o, "%s%s.logo { background-image: url(\"/brand/logo\"); }\n", scope ? scope : "",
            scope ? " " : "");
    return o.full ? -1 : (int)o.len;
}

/* ---- the logo -------------------------------------------------------------- */

/* Only raster formats a browser shows and never runs: no SVG (scripts), no
 * GIF (animation), nothing libmagic does not recognise. */
static const char *const logo_types[] = {"image/png", "image/jpeg", "image/webp", NULL};

long long brand_logo_max_bytes(const desk_t *d)
{
    return config_get_int(&d->cfg, CFG_PORTAL_LOGO_MAX_BYTES);
}

static const char *logo_dir(const desk_t *d, char *out, size_t cap)
{
    snprintf(out, cap, "%s/brand", config_get_str(&d->cfg, CFG_ATTACHMENTS_DIR));
    return out;
}

/* The path of a stored logo; false for a key that is not one of ours. */
static bool logo_path(const desk_t *d, const char *key, char *out, size_t cap)
{
    char dir[1100];
    if (!key || strlen(key) != TOKEN_TEXT_LEN ||
        strspn(key, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") !=
            TOKEN_TEXT_LEN)
        return false;
    snprintf(out, cap, "%s/%s", logo_dir(d, dir, sizeof dir), key);
    return true;
}

const char *brand_logo_check(desk_t *d, int fd, long long size, char *type, size_t cap)
{
    if (size <= 0)
        return "logo_empty";
    if (size > brand_logo_max_bytes(d))
        return "logo_too_large";
    unsigned char head[65536];
    ssize_t got = pread(fd, head, sizeof head, 0);
    bool broken = false;
    const char *t = got > 0 ? attachment_sniff(d, head, (size_t)got, &broken) : NULL;
    if (broken)
        return "logo_store";
    for (int i = 0; t && logo_types[i]; i++)
        if (strcmp(t, logo_types[i]) == 0) {
            snprintf(type, cap, "%s", t);
            return NULL;
        }
    return "logo_type";
}

int brand_logo_store(desk_t *d, int fd, long long size, char key[TOKEN_TEXT_LEN + 1])
{
    char dir[1100], path[1200], buf[65536];
    if (mkdir(logo_dir(d, dir, sizeof dir), 0750) != 0 && errno != EEXIST) {
        log_error("brand: mkdir %s: %s", dir, strerror(errno));
        return -1;
    }
    token_new(key);
    logo_path(d, key, path, sizeof path);
    int out = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (out < 0) {
        log_error("brand: create %s: %s", path, strerror(errno));
        return -1;
    }
    long long at = 0;
    int rc = 0;
    while (rc == 0 && at < size) {
        ssize_t n = pread(fd, buf, sizeof buf, at);
        if (n <= 0 || write(out, buf, (size_t)n) != n)
            rc = -1;
        else
            at += n;
    }
    if (rc == 0 && fsync(out) != 0)
        rc = -1;
    close(out);
    if (rc) {
        log_error("brand: write %s: %s", path, strerror(errno));
        unlink(path);
    }
    return rc;
}

void brand_logo_remove(desk_t *d, const char *key)
{
    char path[1200];
    if (key && *key && logo_path(d, key, path, sizeof path) && unlink(path) != 0 &&
        errno != ENOENT)
        log_error("brand: unlink %s: %s", path, strerror(errno));
}

/* ---- public categories -------------------------------------------------------- */

static const char sql_cat_lock[] =
    "SELECT is_public, name_zh FROM categories WHERE id = ? AND active = 1 FOR UPDATE";
static const char sql_cat_public[] = "UPDATE categories SET is_public = ? WHERE id = ?";

int brand_set_public(desk_t *d, long long category_id, bool is_public, char *name, size_t cap)
{
    long long was = 0;
    int rc = db_row(&d->db, sql_cat_lock, "i", "is", category_id, &was, name, cap);
    if (rc != 1)
        return rc < 0 ? rc : OUTCOME_UNAVAILABLE;
    if ((was != 0) == is_public)
        return 0;
    rc = db_exec(&d->db, sql_cat_public, "ii", (long long)is_public, category_id);
    return rc < 0 ? rc : 1;
}

/* ---- the portal ------------------------------------------------------------- */

/* A setting's value, NULL when empty. */
static const char *setting(const desk_t *d, config_key_t key)
{
    const char *v = settings_get_str(&d->settings, &d->cfg, key);
    return v && *v ? v : NULL;
}

static bool logo_type_ok(const char *t)
{
    for (int i = 0; t && logo_types[i]; i++)
        if (strcmp(t, logo_types[i]) == 0)
            return true;
    return false;
}

static bool has_logo(const desk_t *d)
{
    return setting(d, CFG_PORTAL_LOGO) && logo_type_ok(setting(d, CFG_PORTAL_LOGO_TYPE));
}

int brand_theme(desk_t *d, const char *scope, char *out, size_t cap)
{
    return brand_theme_css(setting(d, CFG_PORTAL_PRIMARY_COLOR),
                           setting(d, CFG_PORTAL_ACCENT_COLOR), has_logo(d), scope, out, cap);
}

int brand_logo_open(desk_t *d, const char **type, long long *size)
{
    char path[1200];
    const char *set = setting(d, CFG_PORTAL_LOGO_TYPE);
    int fd = -1;
    struct stat st;
    if (has_logo(d) && logo_path(d, setting(d, CFG_PORTAL_LOGO), path, sizeof path) &&
        (fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0 && fstat(fd, &st) == 0) {
        *type = NULL;
        for (int i = 0; logo_types[i]; i++)
            if (strcmp(set, logo_types[i]) == 0)
                *type = logo_types[i];
        *size = (long long)st.st_size;
        return fd;
    }
    if (fd >= 0)
        close(fd);
    return -1;
}

void brand_publish(desk_t *d)
{
    static const config_key_t names[LANG_COUNT] = {CFG_SITE_NAME, CFG_SITE_NAME_EN};
    static const config_key_t welcome[LANG_COUNT] = {CFG_PORTAL_WELCOME, CFG_PORTAL_WELCOME_EN};
    for (int l = 0; l < LANG_COUNT; l++) {
        HDF *g = d->texts.global[l];
        if (!g)
            continue;
        const char *name = setting(d, names[l]);
        hdf_set_value(g, "Site.Name", name ? name : config_default(names[l]));
        const char *text = setting(d, welcome[l]);
        if (text)
            hdf_set_value(g, "Site.Welcome", text);
        else
            hdf_remove_tree(g, "Site.Welcome");
        hdf_set_int_value(g, "Site.Logo", has_logo(d));
    }
}
