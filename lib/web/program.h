/* program: the main() every FastCGI program of the desk shares: read the
 * config, then run the pre-forked server whose workers each open their own
 * context (lib/web/site.h: database, keys, catalogue, the program's pages)
 * and serve requests with the program's handler. */
#ifndef DESK_PROGRAM_H
#define DESK_PROGRAM_H

#include <fcgiapp.h>
#include <stdbool.h>

typedef struct program {
    const char *name;   /* for the log: "portal" */
    const char *prefix; /* its config section: "Portal" (Listen, Workers, MaxBody) */
    const char *const *pages; /* its templates, NULL-ended, or NULL */
    void (*handle)(FCGX_Request *rq, void *site); /* site: the worker's site_t */
    bool pages_on_demand; /* many seldom-used pages: parse each when rendered */
} program_t;

/* Runs the program; returns the process exit code. */
int program_main(int argc, char **argv, const program_t *p);

#endif
