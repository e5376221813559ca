/* web: what the HTML programs share: a page context, rendering with the
 * fallback for a broken template, and a route table (method, path prefix,
 * handler) instead of a chain of strcmp. */
#ifndef DESK_WEB_H
#define DESK_WEB_H

#include "desk/desk.h"
#include "desk/ticket/ticket.h"
#include "web/csrf.h"
#include "web/form.h"
#include "web/http.h"
#include "web/site.h"

typedef struct web {
    req_t *r;
    site_t *site; /* the worker's context */
    desk_t *d;    /* the domain's: &site->desk */
    lang_t lang;
    void *ctx; /* the program's own per-request data */
} web_t;

typedef struct web_route {
    const char *method;
    /* the path, exact, or with one '*' standing for one path segment that
     * the handler gets as arg, as in  /t/<*>  or  /agent/t/<*>/act
     * (written there without the angle brackets) */
    const char *pattern;
    void (*fn)(web_t *w, const char *arg);
} web_route_t;

/* The argument of a route pattern on a path (the path itself for an exact
 * pattern), or NULL when the path does not fit. */
const char *web_match(const char *pattern, const char *path);
/* Renders tpl into the response body; a template failure becomes a plain 500. */
void web_render(web_t *w, const char *tpl);
/* Finds the route; calls on_error(w, 404 or 405) when none fits. HEAD is
 * served by GET routes. */
void web_dispatch(web_t *w, const web_route_t *routes, size_t n,
                  void (*on_error)(web_t *w, int status));
/* The health check for load balancers: 200 "ok" when the database answers
 * a ping, 503 otherwise. A route handler. */
void web_health(web_t *w, const char *arg);
/* ticket_each_event / ticket_each_value callbacks: append the event or the
 * field value to Events.N.* / Values.N.* of the HDF given as ctx. */
void web_add_event(const ticket_event_t *e, void *hdf);
void web_add_value(const char *label, const char *value, void *hdf);
/* The service acceptance form of ticket id for a page: with archived, the
 * last signature (Signed.result, .remarks, .name, .at; Signed.form, the
 * text, for one signed before documents were kept) and the document signed;
 * else the document as the ticket stands now. The document goes under
 * Doc.* (strings as they are, times as tpl_set_time, the work log under
 * Doc.work.N). OUTCOME_OK, OUTCOME_NOT_FOUND (nothing signed) or a
 * failure. */
int web_acceptance(web_t *w, long long id, bool archived);
/* Sets Attach.MaxBytes, Attach.MaxFiles and Attach.Limit (the limits in
 * words) for a page with an attachments control. */
void web_attach_limits(web_t *w);
/* A row id written in a path segment or a query value: 1 to 18 digits
 * (no sign, no overflow), up to the next '/'; 0 for anything else. */
long long web_id(const char *s);
/* Copies one path segment arg (up to '/') into buf; NULL when empty/too long. */
const char *web_segment(const char *arg, char *buf, size_t cap);

#endif
