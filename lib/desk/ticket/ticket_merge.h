/* ticket_merge: merging a duplicate into the ticket that carries on.
 *
 * The duplicate keeps its row, number and thread; its thread (messages,
 * notes, attachments, work log) is read with the survivor's, marked with
 * the old number (ticket_each_event, attachment_each). The duplicate is
 * closed as merged (ticket_state.h): every clock stops, it never changes
 * again, its pages and its API number lead to the survivor. Its customer is
 * told by mail ("ticket_merged") and their private link then shows the
 * survivor: so both tickets must be the same customer's, or a customer would
 * see another's ticket (link them instead). One transaction with its audit
 * entry and history on both tickets. */
#ifndef DESK_TICKET_MERGE_H
#define DESK_TICKET_MERGE_H

#include "desk/people/auth.h"
#include "desk/ticket/ticket_record.h"

/* Who changes tickets outside an agent's page: an agent (their rights on
 * the tickets are checked), or an API key (agent NULL: the caller checked
 * that the key sees every ticket named). ip for the audit log. */
typedef struct ticket_by {
    const agent_t *agent;
    long long api_key_id;
    const char *api_label;
    const char *ip;
} ticket_by_t;

/* Merges ticket dup into ticket into (reason: optional, for the audit log).
 * OUTCOME_INVALID with *why one of: "self" (into itself), "merged" (dup is
 * merged already), "into_merged" (into is merged), "into_closed" (into is
 * closed: reopen it first), "customers" (another customer's ticket);
 * OUTCOME_FORBIDDEN when the agent may not work on both. */
int ticket_merge(desk_t *d, const ticket_by_t *by, long long dup, long long into,
                 const char *reason, const char **why);

/* The ticket a merged ticket leads to (loaded into out), when t is merged:
 * OUTCOME_OK; OUTCOME_NOT_FOUND when t is not merged. */
int ticket_survivor(desk_t *d, const ticket_t *t, ticket_t *out);

/* The ticket behind a customer's private link: a merged ticket's link leads
 * to the survivor (from: the old number, "" otherwise), and only to the
 * same customer's ticket. As ticket_by_follow_token. */
int ticket_by_follow_token_merged(desk_t *d, const char *token, ticket_t *t,
                                  char from[TN_MAX]);

/* 1 when ticket_id is ticket `holder` or merged into it, 0 if not, < 0. */
int ticket_holds(desk_t *d, long long holder, long long ticket_id);

#endif
