/* customer: finding customers for agents (intake on a customer's behalf):
 * by exact email or phone through the blind index, or by name prefix. */
#ifndef DESK_CUSTOMER_H
#define DESK_CUSTOMER_H

#include "desk.h"

#define CUSTOMER_SEARCH_MAX 20

typedef struct customer_hit {
    long long id;
    char name[401], organisation[801], tags[256];
} customer_hit_t;

/* The form of an email (lower case) or phone (digits, leading +) that the
 * blind index is computed over. */
void contact_normalise(const char *kind, const char *in, char *out, size_t cap);

/* Returns the number of hits (at most max), or -1. */
int customer_search(desk_t *d, const char *query, customer_hit_t *hits, int max);

#endif
