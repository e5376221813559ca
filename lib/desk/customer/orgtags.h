/* orgtags: tags on organisations (table organisation_tags), as admins give
 * and take them on /admin/tags (cgi/admin/orgtags.c).
 *
 * Every customer of the organisation carries them as if they were their own:
 * on the tag chips (TAGS_EFFECTIVE_SQL in tags.h), in the VIP priority raise
 * (customer_has_tag) and in the SLA tag overrides (sla_targets). A
 * deactivated tag stays on the organisation but is shown nowhere, as for
 * customers. */
#ifndef DESK_ORGTAGS_H
#define DESK_ORGTAGS_H

#include <time.h>

#include "desk/desk.h"
#include "desk/customer/tags.h"

#define ORG_SEARCH_MAX 20

typedef struct org {
    long long id;
    char name[801];
    char tags[256];      /* tag codes, comma-separated (orgtags_search) */
    long long customers; /* how many customers belong to it (orgtags_get) */
} org_t;

/* Organisations whose name starts with prefix (taken literally), by name,
 * with their tags. Returns the number of hits (at most max), or -1. */
int orgtags_search(desk_t *d, const char *prefix, org_t *hits, int max);
/* One organisation with its customer count: OUTCOME_OK, OUTCOME_NOT_FOUND or
 * a failure. */
int orgtags_get(desk_t *d, long long id, org_t *o);
/* Its tags (active and not) with when each was given, oldest first. 0 or <0. */
int orgtags_each(desk_t *d, long long org_id, void (*fn)(const tag_t *t, time_t at, void *ctx),
                 void *ctx);
/* Tags an organisation: 1 added, 0 already there, <0 error. */
int orgtags_assign(desk_t *d, long long org_id, long long tag_id, time_t now);
/* Removes a tag from an organisation: 1 removed, 0 was not there, <0 error. */
int orgtags_unassign(desk_t *d, long long org_id, long long tag_id);

#endif
