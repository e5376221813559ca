/* evaluation: the requirement evaluation report (需求评估报告) of a
 * customisation request. A product manager (agents.is_product_manager, set
 * by admins) writes it: feasibility (feasible, partly, not) with the
 * reasons, the effort in person-days and the development cycle in days,
 * the resources, the risks and a proposed schedule. The customer approves
 * or declines it on the follow page (their name, the time and address
 * kept), or an agent records an approval or a decline that came by mail
 * with its copy attached. A declined report is revised as a new revision;
 * every revision is kept. Until one is approved, work on the ticket cannot
 * start (ticket_work_may_start, lib/desk/ticket/ticket_state.h, enforced by
 * every status move of lib/desk/ticket/ticket_work.c). */
#ifndef DESK_EVALUATION_H
#define DESK_EVALUATION_H

#include <stdbool.h>
#include <time.h>

#include "desk/people/auth.h"
#include "desk/ticket/ticket_record.h"

#define EVALUATION_EFFORT_MAX 99999 /* tenths of a person-day */
#define EVALUATION_CYCLE_MAX 3650   /* days */

/* feasible, partly, not; NULL-ended. */
extern const char *const evaluation_feasibilities[];

typedef struct evaluation_in {
    const char *feasibility, *reasons, *resources, *risks, *schedule;
    int effort_tenths; /* person-days x 10, 1 .. EVALUATION_EFFORT_MAX */
    int cycle_days;    /* 1 .. EVALUATION_CYCLE_MAX */
} evaluation_in_t;

typedef struct evaluation {
    long long id, ticket_id;
    int revision, effort_tenths, cycle_days;
    char feasibility[12], state[12], via[8];
    char author[401], decided_name[401], recorded_by[401];
    char *reasons, *resources, *risks, *schedule, *decline_reason; /* malloc'd */
    time_t created_at, decided_at;
} evaluation_t;

/* Parses person-days as the form gives them ("3", "2.5") into tenths;
 * false unless 0.1 .. 9999.9 with at most one decimal. Pure. */
bool evaluation_effort_parse(const char *s, int *tenths);
/* A product manager who may see the ticket writes a (new revision of the)
 * report; a pending earlier one is superseded. OUTCOME_FORBIDDEN for anyone
 * else, OUTCOME_BAD_TRANSITION when the ticket is no customisation request,
 * is done, or was approved already, OUTCOME_INVALID for a bad value. */
int evaluation_submit(desk_t *d, const agent_t *a, long long id, long long version,
                      const evaluation_in_t *in);
/* The customer's decision on the pending report: name required, a
 * decline's reason optional. OUTCOME_BAD_TRANSITION when none is pending. */
int evaluation_decide(desk_t *d, long long id, bool approve, const char *name, const char *ip,
                      const char *reason);
/* A decision that came by mail, recorded by whoever may work on the
 * ticket, with its copy attached (OUTCOME_EVIDENCE_REQUIRED without one). */
int evaluation_record_mail(desk_t *d, const agent_t *a, long long id, long long version,
                           bool approve, const char *name, const char *note,
                           const uploads_t *files);
/* Every revision of a ticket, the newest first. The number, or <0. */
int evaluation_each(desk_t *d, long long ticket_id, void (*fn)(const evaluation_t *e, void *ctx),
                    void *ctx);
/* One revision (0: the newest). OUTCOME_OK, OUTCOME_NOT_FOUND or a failure;
 * evaluation_free it after OUTCOME_OK. */
int evaluation_get(desk_t *d, long long ticket_id, int revision, evaluation_t *e);
void evaluation_free(evaluation_t *e);

#endif
