/* queue: the agents' work lists. Each queue is an index range read in
 * next-due order (most urgent first) and paged by key (next_due_at, id),
 * never by OFFSET. Team-scoped queues run one small indexed query per team
 * the reader belongs to (all teams for supervisors and admins) and merge
 * them, so a page costs the same with 10,000 or 1,000,000 tickets. Counts
 * for the dashboard are indexed and capped (QUEUE_COUNT_CAP shows as 99+). */
#ifndef DESK_QUEUE_H
#define DESK_QUEUE_H

#include "desk/people/auth.h"

#define QUEUE_PAGE 30
#define QUEUE_COUNT_CAP 100

typedef enum queue_kind {
    Q_UNASSIGNED, /* open, no owner, in my teams */
    Q_MINE,       /* open, mine */
    Q_TO_ACCEPT,  /* assigned to me, not yet accepted */
    Q_TEAM,       /* everything open in a team (filter.team_id) or my teams */
    Q_COLLAB,     /* open, I am a collaborator */
    Q_WAITING,    /* waiting on the customer, my teams */
    Q_AT_RISK,    /* a deadline falls within Queue.AtRiskMinutes */
    Q_OVERDUE,    /* a deadline has passed */
    Q_CLOSED,     /* resolved or closed, most recently resolved first */
    Q_COUNT
} queue_kind_t;

#define QUEUE_KEYWORD_MAX 100 /* characters */

typedef struct queue_filter {
    long long team_id, category_id, priority_id, owner_id, channel_id;
    char status[24];
    char keyword[QUEUE_KEYWORD_MAX * 4 + 1];
} queue_filter_t;

typedef struct queue_row {
    long long id, category_id, priority_id, channel_id, customer_id;
    char number[32];
    char subject[801];
    char customer[401];
    char tags[256]; /* the customer's tag codes and their organisation's, comma-separated */
    char status[24];
    char owner[401];
    time_t next_due_at, created_at, closed_at; /* closed_at: when resolved */
    time_t workaround_due_at; /* the running workaround clock's due, 0: none */
} queue_row_t;

typedef struct queue_page {
    queue_row_t rows[QUEUE_PAGE];
    int n;
    bool more;             /* another page follows */
    char next_cursor[48];  /* opaque "after" value of the next page */
} queue_page_t;

const char *queue_code(queue_kind_t k);
int queue_parse(const char *code); /* -1 when unknown */

/* Lists one page after cursor (NULL or "" for the first). 0 or -1. */
int queue_list(desk_t *d, const agent_t *a, queue_kind_t k, const queue_filter_t *f,
               const char *cursor, queue_page_t *page);
/* Capped counts of every queue without filters, in one query; counts[k] is
 * -1 when they could not be read. 0 or -1. */
int queue_counts(desk_t *d, const agent_t *a, long counts[Q_COUNT]);

/* True when t is the "no deadline runs" marker (9999-12-31). */
bool queue_no_deadline(time_t t);

#endif
