/* progress: the progress tracking table (问题处理进度跟踪表):
 * tickets with their owner, every deadline and whether it was met, newest
 * first, paged by key (created_at, id), for screen and CSV. */
#ifndef DESK_PROGRESS_H
#define DESK_PROGRESS_H

#include "desk/people/auth.h"

#define PROGRESS_PAGE 100

typedef struct progress_filter {
    long long team_id, category_id, priority_id, owner_id;
    char status[24];
    time_t from, to; /* created in [from, to); 0 = open-ended */
} progress_filter_t;

typedef struct progress_row {
    long long id, category_id, priority_id, channel_id;
    char number[32], customer[401], status[24], owner[401], subject[801];
    time_t created_at, classify_due_at, first_response_due_at, first_responded_at;
    time_t resolution_due_at, resolved_at, accept_due_at, accepted_at, updated_at;
    long long minutes_spent; /* by everyone (lib/desk/ticket/time_spent.h) */
} progress_row_t;

typedef struct progress_page {
    progress_row_t rows[PROGRESS_PAGE];
    int n;
    bool more;
    char next_cursor[48];
} progress_page_t;

/* One page after cursor (NULL/"" first). 0 or -1. */
int progress_list(desk_t *d, const agent_t *a, const progress_filter_t *f, const char *cursor,
                  progress_page_t *page);

/* Whether a deadline was met: 1 met, 0 missed, -1 still open (not due or
 * not done yet), -2 no deadline. done is when it was done (0 = not yet). */
int progress_met(time_t due, time_t done, time_t now);

#endif
