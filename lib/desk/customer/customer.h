/* customer: finding customers for agents (intake on a customer's behalf):
 * by exact email or phone through the blind index, or by name prefix. */
#ifndef DESK_CUSTOMER_H
#define DESK_CUSTOMER_H

#include <stdbool.h>
#include <time.h>

#include "desk/desk.h"

#define CUSTOMER_SEARCH_MAX 20
#define CUSTOMER_QUERY_MAX 100 /* characters of a search */

typedef struct customer_hit {
    long long id;
    char name[401], organisation[801], tags[256];
} customer_hit_t;

/* The form of an email (lower case) or phone (digits, leading +) that the
 * blind index is computed over. */
void contact_normalise(const char *kind, const char *in, char *out, size_t cap);

/* The automatic tag rule (inside the caller's transaction, after a ticket
 * of category category_code was registered for the customer): with
 * Tags.ComplaintCount tickets of Tags.ComplaintCategories within
 * Tags.ComplaintDays the customer is tagged frequent_complainer, with the
 * reason. Settings, lib/desk/customer/tags.h. */
int customer_apply_tag_rules(desk_t *d, long long customer_id, const char *category_code,
                             time_t now);
/* True when the customer carries the tag (code), their own or their
 * organisation's (lib/desk/customer/orgtags.h). */
bool customer_has_tag(desk_t *d, long long customer_id, const char *code);

/* Creates the organisation of that name unless it exists. OUTCOME_OK or a code. */
int customer_organisation_ensure(desk_t *d, const char *name);

/* Returns the number of hits (at most max), or -1. */
int customer_search(desk_t *d, const char *query, customer_hit_t *hits, int max);

#endif
