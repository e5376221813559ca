/* refusal: why a domain function turned a change down. Each reason names
 * the field of the change it is about ("_form": the change as a whole) and
 * an error key (L.Err.<key>); the page shows each next to its field. A
 * function that refuses writes nothing and returns CHANGE_REFUSED; one that
 * finds nothing to change writes nothing and returns CHANGE_UNCHANGED;
 * otherwise OUTCOME_OK or a negative outcome (lib/store/db.h). */
#ifndef DESK_REFUSAL_H
#define DESK_REFUSAL_H

#define REFUSAL_MAX 8

enum { CHANGE_REFUSED = 1, CHANGE_UNCHANGED = 2 };

typedef struct refusal {
    int n;
    struct {
        const char *field, *key; /* static strings */
    } why[REFUSAL_MAX];
} refusal_t;

/* Adds a reason (beyond REFUSAL_MAX the last one is replaced: the count
 * still says the change was refused). */
void refusal_add(refusal_t *r, const char *field, const char *key);

#endif
