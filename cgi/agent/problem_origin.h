/* agent_problem_origin: a problem record opened from a high-frequency row
 * of the statistics (cgi/agent/problem_origin.c), for the new-record pages
 * of cgi/agent/problems.c. */
#ifndef DESK_AGENT_PROBLEM_ORIGIN_H
#define DESK_AGENT_PROBLEM_ORIGIN_H

#include <stdbool.h>
#include <stddef.h>

#include "agent/web.h"
#include "desk/review/problem.h"

/* Whether the request opens a record from the statistics (src=stats). */
bool agent_problem_from_stats(web_t *w);
/* Reads the row the request names (the statistics' period and filters in
 * the viewer's scope, qfig=combo with ccat, cprod, nature, or qfig=term
 * with term): its origin, the numbers of its first tickets (at most
 * PROBLEM_TICKETS_MAX, space-separated) and how many those are.
 * OUTCOME_OK, OUTCOME_INVALID, OUTCOME_FORBIDDEN or OUTCOME_UNAVAILABLE. */
int agent_problem_origin(web_t *w, problem_origin_t *o, char *numbers, size_t ncap, int *linked);
/* Origin.* of a page. */
void agent_problem_origin_show(web_t *w, const problem_origin_t *o, int linked);
/* Carry.N.name/value: the fields naming the row, for the form to send back. */
void agent_problem_origin_carry(web_t *w);
/* The new form's title, tickets and timeline, from the row. */
void agent_problem_origin_prefill(web_t *w, const problem_origin_t *o, const char *numbers,
                                  int linked);

#endif
