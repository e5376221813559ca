/* brand: how the customers' portal looks, as admins set it on /admin/portal
 * (settings, lib/desk/settings.h): its name and welcome text in both languages,
 * two colours, and a logo.
 *
 * Colours are "#rrggbb". The primary colour carries white text (buttons, the
 * language switch), so it must reach WCAG AA against white (4.5:1); the
 * accent only tints backgrounds and lines. The portal serves them as a small
 * stylesheet of CSS custom properties (GET /brand/theme.css), never inline:
 * the Content-Security-Policy forbids inline styles.
 *
 * The logo is a PNG, JPEG or WebP, recognised by libmagic from its bytes
 * (never the client's name or type; SVG and everything else refused), at
 * most Portal.LogoMaxBytes. It is stored under a random name in
 * Attachments.Dir/brand, outside the web root, and served at the fixed URL
 * GET /brand/logo with its detected type, nosniff and a sandboxing CSP
 * (lib/web/files.h serves both).
 *
 * Settings (each falls back to the config key of the same name):
 *   Site.Name, Site.NameEn          the portal's name (zh, en)
 *   Portal.Welcome, Portal.WelcomeEn  welcome text; empty: the built-in one
 *   Portal.PrimaryColor, Portal.AccentColor
 *   Portal.Logo, Portal.LogoType    storage key and detected type; empty: none */
#ifndef DESK_BRAND_H
#define DESK_BRAND_H

#include <stdbool.h>
#include <stddef.h>

#include "desk/desk.h"

/* The built-in colours (portal.css's own): the keys' defaults. */
#define BRAND_PRIMARY_DEFAULT config_default(CFG_PORTAL_PRIMARY_COLOR)
#define BRAND_ACCENT_DEFAULT config_default(CFG_PORTAL_ACCENT_COLOR)
#define BRAND_MIN_CONTRAST 4.5

/* ---- colours (pure functions) ---- */

/* True for "#rrggbb" (either case); writes the lower-case form to out. */
bool brand_color_parse(const char *s, char out[8]);
/* WCAG 2 contrast ratio of two valid colours, 1..21. */
double brand_contrast(const char *a, const char *b);
/* a mixed with b: t = 0 gives a, t = 1 gives b. */
void brand_mix(const char *a, const char *b, double t, char out[8]);
/* Why a colour cannot be the primary one: NULL when fine, else an error key
 * (L.Err.<key>): "color_format" or "color_contrast". */
const char *brand_primary_error(const char *s);
/* The theme stylesheet for the given colours (either may be NULL, or the
 * built-in default: left to portal.css) and logo (has_logo), for the whole
 * page (scope NULL: :root) or only inside scope (a selector of ours, for
 * the admin page's preview). Returns the length, or -1 when cap is too
 * small. */
int brand_theme_css(const char *primary, const char *accent, bool has_logo, const char *scope,
                    char *out, size_t cap);

/* ---- the logo ---- */

/* Portal.LogoMaxBytes. */
long long brand_logo_max_bytes(const desk_t *d);
/* Checks the bytes behind fd (size bytes): NULL when it is an acceptable
 * logo (its detected type in type), else an error key: "logo_empty",
 * "logo_too_large", "logo_type" (SVG, GIF, anything else), "logo_store". */
const char *brand_logo_check(desk_t *d, int fd, long long size, char *type, size_t cap);
/* Copies the bytes behind fd under a fresh random name (key). 0 or -1. */
int brand_logo_store(desk_t *d, int fd, long long size, char key[TOKEN_TEXT_LEN + 1]);
/* Removes a stored logo file (after the setting stopped pointing at it). */
void brand_logo_remove(desk_t *d, const char *key);

/* ---- which categories the portal offers ---- */

/* Inside the caller's transaction: sets categories.is_public of one active
 * category (locked first). 1 changed, 0 already so, <0 an outcome
 * (OUTCOME_UNAVAILABLE also for an unknown or inactive id). The category's Chinese name
 * goes to name (for the audit). */
int brand_set_public(desk_t *d, long long category_id, bool is_public, char *name, size_t cap);

/* ---- the portal ---- */

/* The theme stylesheet of the portal's settings (brand_theme_css), for the
 * whole page (scope NULL) or the admin page's preview (".portal-preview").
 * Its length, or -1 when cap is too small. */
int brand_theme(desk_t *d, const char *scope, char *out, size_t cap);
/* Opens the logo set: its fd, *size and *type (one of the types a logo may
 * have, never the setting's own string), or -1 when none is set or it
 * cannot be read. */
int brand_logo_open(desk_t *d, const char **type, long long *size);
/* Writes Site.Name, Site.Welcome and Site.Logo into each language's data
 * set (d->texts); at start and after every settings reload. */
void brand_publish(desk_t *d);

#endif
