/* files: what the desk keeps as files, over HTTP.
 *
 * Uploads: the cgi kit writes each file of a multipart form to an unlinked
 * temporary file (in the site's upload_dir); files_take_uploads() hands them,
 * with the names the client gave them, to the domain's attachment store
 * (lib/desk/attachment.h), which checks and keeps them.
 *
 * Downloads: an attachment always goes out with nosniff, a Content-Security-
 * Policy that lets nothing run, and Content-Disposition: attachment (RFC 6266
 * name), except for raster images (PNG, JPEG, GIF, WebP), which may be shown
 * inline. Types a browser could execute (HTML, SVG, XML, scripts) go out as
 * application/octet-stream.
 *
 * The portal's look (lib/desk/brand.h): its theme stylesheet and its logo. */
#ifndef DESK_FILES_H
#define DESK_FILES_H

#include "desk/attachment.h"
#include "desk/desk.h"
#include "web/http.h"

/* Checks and stores every file uploaded with the request. 0 when all were
 * taken (possibly none), -1 when refused (u->error says why; nothing
 * stored). */
int files_take_uploads(desk_t *d, req_t *r, uploads_t *u);
/* Answers the request with the attachment's file (headers as above). */
void files_serve_attachment(desk_t *d, req_t *r, const attachment_t *a);
/* GET /brand/theme.css (scope NULL) and /brand/preview.css (scope
 * ".portal-preview"): the theme of the portal's settings. */
void files_serve_theme(desk_t *d, req_t *r, const char *scope);
/* GET /brand/logo: the logo set, 404 when there is none. */
void files_serve_logo(desk_t *d, req_t *r);

#endif
