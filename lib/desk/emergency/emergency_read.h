/* emergency_read: the parts of one emergency (team, tickets, plan
 * versions, timeline, tasks), the emergencies of a ticket that a viewer may
 * see, and the list: what the team and managers see, open ones first, each
 * part newest first, in keyset pages (emergency.h says who sees what). */
#ifndef DESK_EMERGENCY_READ_H
#define DESK_EMERGENCY_READ_H

#include "desk/emergency/emergency.h"

int emergency_each_member(desk_t *d, long long id,
                          void (*fn)(long long agent_id, const char *name, bool lead, void *ctx),
                          void *ctx);
int emergency_each_ticket(desk_t *d, long long id,
                          void (*fn)(const char *number, const char *subject, const char *status,
                                     void *ctx),
                          void *ctx);
int emergency_each_plan(desk_t *d, long long id,
                        void (*fn)(long long version, const char *body, const char *by,
                                   time_t at, void *ctx),
                        void *ctx);
int emergency_each_event(desk_t *d, long long id,
                         void (*fn)(time_t at, const char *who, const char *kind,
                                    const char *note, void *ctx),
                         void *ctx);
int emergency_each_task(desk_t *d, long long id,
                        void (*fn)(long long task_id, const char *title, const char *owner,
                                   time_t done_at, void *ctx),
                        void *ctx);
/* The emergencies of a ticket that a may see. */
int emergency_each_of_ticket(desk_t *d, const agent_t *a, long long ticket_id,
                             void (*fn)(long long id, const char *title, bool open, void *ctx),
                             void *ctx);

/* ---- the list ---- */
typedef struct emergency_row {
    long long id, tickets;
    bool open;
    char title[801], lead[401];
    time_t declared_at, plan_due_at, plan_done_at, feedback_due_at, feedback_done_at;
} emergency_row_t;

typedef struct emergency_page {
    emergency_row_t rows[EMERGENCY_PAGE];
    int n;
    bool more;
    char next_cursor[64];
} emergency_page_t;

/* One page of what a may see: open ones first, each part newest first,
 * after cursor (NULL or "" for the first). 0, or -1 (also for a cursor
 * that is not one of ours). */
int emergency_list(desk_t *d, const agent_t *a, const char *cursor, emergency_page_t *page);

#endif
