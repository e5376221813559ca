/* ticket_link: links between tickets, shown on both sides.
 *
 * A link is read from either end: seen from a ticket it is one of
 *   related            (either way)
 *   duplicate_of   /   duplicated_by
 *   caused_by      /   causes
 *   parent_of      /   child_of
 * and stored once (the left-hand names). Agents add and remove links
 * between tickets they may both see; each change is audited and noted in
 * both tickets' internal history, in one transaction. Readers show a link
 * only when the reader may see the ticket at its other end. */
#ifndef DESK_TICKET_LINK_H
#define DESK_TICKET_LINK_H

#include <stdbool.h>

#include "desk/ticket/ticket_merge.h"

/* Every kind as seen from a ticket, NULL-ended. */
extern const char *const ticket_link_kinds[];

/* The stored kind of a link seen as `kind` from its ticket (NULL when kind
 * is unknown), *swap true when it is stored from the other end. */
const char *ticket_link_stored(const char *kind, bool *swap);
/* The same link seen from the other end (NULL when kind is unknown). */
const char *ticket_link_inverse(const char *kind);

/* Links ticket id to other as `kind` (seen from id). OUTCOME_INVALID for an
 * unknown kind or a link to itself, OUTCOME_DUPLICATE when it exists,
 * OUTCOME_FORBIDDEN when the agent may not see both, OUTCOME_NOT_FOUND. */
int ticket_link_add(desk_t *d, const ticket_by_t *by, long long id, long long other,
                    const char *kind);
/* Removes that link: OUTCOME_NOT_FOUND when there is none. */
int ticket_link_remove(desk_t *d, const ticket_by_t *by, long long id, long long other,
                       const char *kind);

typedef struct ticket_link {
    const char *kind; /* seen from the ticket read */
    long long other_id;
    char number[TN_MAX], subject[801], status[24];
} ticket_link_t;

#define TICKET_LINKS_MAX 200 /* read per ticket */

/* Calls fn for each link of ticket id (both ends), oldest first. The
 * number, or < 0. Callers check the reader may see other_id. */
int ticket_links_each(desk_t *d, long long id, void (*fn)(const ticket_link_t *l, void *ctx),
                      void *ctx);

#endif
