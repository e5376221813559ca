/* evaluation_view: the requirement evaluation reports of a ticket
 * (lib/desk/ticket/evaluation.h) as template data, for the workspace and
 * the follow page alike (templates/evaluation.cs draws them). */
#ifndef DESK_EVALUATION_VIEW_H
#define DESK_EVALUATION_VIEW_H

#include <cs/cs.h>

#include "desk/ticket/evaluation.h"

/* One revision at key: revision, feasibility, state, effort ("2.5"), cycle,
 * the texts, author, decided_name, via, recorded_by, created, decided. */
void web_evaluation_set(HDF *h, const char *key, const evaluation_t *e);
/* Every revision, newest first, as Evaluations.N; Evaluation.count, and
 * Evaluation.pending when the newest waits for the customer. The number,
 * or <0. */
int web_evaluations(desk_t *d, HDF *h, long long ticket_id);

#endif
