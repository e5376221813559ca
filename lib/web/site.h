/* site: a web program's per-worker context: the domain's (desk, first) and
 * what only serving HTTP needs: the program's pages and the limits of its
 * request bodies. Built by site_open() after fork. */
#ifndef DESK_SITE_H
#define DESK_SITE_H

#include <stdbool.h>
#include <stddef.h>

#include "desk/desk.h"
#include "web/http.h"
#include "web/view.h"

typedef struct site {
    desk_t desk;
    view_t view;           /* the program's pages */
    size_t max_body;       /* <Prefix>.MaxBody: a request body's limit */
    req_limits_t limits;   /* a form's and a form with files' body limits */
    char upload_dir[1024]; /* where the cgi kit writes uploads: Attachments.Dir/.incoming */
} site_t;

/* After fork, with s->desk configured: the limits of the requests of the
 * program whose config section is prefix, the worker's domain
 * (lib/desk/worker.h), then the program's pages (NULL-ended, or NULL;
 * on_demand as view_init). 0 or -1. */
int site_open(site_t *s, const char *prefix, const char *const *pages, bool on_demand);
void site_close(site_t *s);

#endif
