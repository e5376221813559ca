/* problem: problem records (根因分析报告), the root-cause analysis of one or
 * more tickets, and the only module that reads or writes their tables
 * (problems, problem_tickets, problem_whys, problem_factors,
 * problem_participants, problem_events).
 *
 * A record holds the title, symptoms, impact and scope, the timeline; a
 * 5-Why chain (1 to PROBLEM_WHYS_MAX why/because pairs in order, the last
 * answer being the root cause); fishbone factors under 人 机 料 法 环 测 (each
 * a list of items); the responsibility dimensions (one or more); the
 * responsible party; the conclusion; the workaround and the permanent fix
 * (together a known error); its status (problem_state.h); its owner and
 * participants. Every change, made inside the caller's transaction, appends
 * an entry to the record's history (never changed or removed) and a row to
 * the audit trail (lib/desk/audit.h), both with the fields changed.
 *
 * Writing functions check who may (problem_state.h) and what may be saved,
 * and refuse with reasons (lib/desk/refusal.h): they return OUTCOME_OK,
 * CHANGE_REFUSED, CHANGE_UNCHANGED or a negative outcome. A refusal with
 * the key "forbidden" means the person may not do it at all. */
#ifndef DESK_PROBLEM_H
#define DESK_PROBLEM_H

#include <stdbool.h>
#include <time.h>

#include "desk/audit.h"
#include "desk/desk.h"
#include "desk/people/auth.h"
#include "desk/refusal.h"
#include "desk/review/problem_state.h"

#define PROBLEM_WHYS_MAX 7
#define PROBLEM_FACTOR_KINDS 6
#define PROBLEM_ITEMS_MAX 20        /* items of one fishbone factor */
#define PROBLEM_TICKETS_MAX 20
#define PROBLEM_PARTICIPANTS_MAX 20
#define PROBLEM_TITLE_MAX 200       /* characters */
#define PROBLEM_TEXT_MAX 4000       /* characters of a long text */
#define PROBLEM_STEP_MAX 500        /* characters of a why or a because */
#define PROBLEM_ITEM_MAX 300        /* characters of a fishbone item */
#define PROBLEM_PAGE 25             /* rows of a list page */

/* people machine material method environment measurement (人 机 料 法 环 测) */
extern const char *const problem_factor_kinds[];
/* human_error process_gap system_defect external */
extern const char *const problem_responsibilities[];
/* internal customer third_party */
extern const char *const problem_parties[];

typedef struct problem_why {
    char *why, *because;
} problem_why_t;

typedef struct problem {
    long long id, owner_id, version;
    char title[801];
    char owner_name[401];
    char *symptoms, *impact, *timeline, *conclusion, *workaround, *permanent_fix;
    char responsibility[64]; /* "human_error,process_gap" */
    char party[16];          /* "" not said yet */
    problem_status_t status;
    time_t created_at, updated_at;
    int nwhys;
    problem_why_t whys[PROBLEM_WHYS_MAX];
    char *factors[PROBLEM_FACTOR_KINDS]; /* items, one a line ("" none) */
} problem_t;

/* What an edit saves: validated form values, NULL for empty. */
typedef struct problem_content {
    const char *title, *symptoms, *impact, *timeline, *conclusion, *workaround, *permanent_fix;
    const char *responsibility; /* codes, "a,b" */
    const char *party;
    const char *why[PROBLEM_WHYS_MAX], *because[PROBLEM_WHYS_MAX];
    const char *factors[PROBLEM_FACTOR_KINDS]; /* items, one a line */
    const char *tickets;      /* ticket numbers, separated by spaces, commas or lines */
    const char *participants; /* person ids, "3,5" */
    long long owner_id;       /* 0: whoever makes it */
} problem_content_t;

/* "PRB-000012": how a record is named. */
void problem_number(long long id, char out[16]);
/* The record id of "PRB-000012" or "12"; 0 when it is neither. */
long long problem_number_parse(const char *s);

/* ---- rules (no database) ---- */

/* Checks the chain: filled levels run from 1 without a gap, each with
 * both its why and its because. The number of levels (0 to
 * PROBLEM_WHYS_MAX), or -1 with the reasons in r (fields "why_N" /
 * "because_N", keys "why_gap", "because_needed", "why_needed"). */
int problem_chain_check(const char *const why[PROBLEM_WHYS_MAX],
                        const char *const because[PROBLEM_WHYS_MAX], refusal_t *r);
/* The items of a factor as typed (one a line): trimmed, blank lines left
 * out, "\n"-joined; malloc'd, NULL when there are more than
 * PROBLEM_ITEMS_MAX or one is longer than PROBLEM_ITEM_MAX (*err then
 * "too_many_items" or "item_too_long"). */
char *problem_items_normalise(const char *text, const char **err);
/* What the record still lacks before action a (submit: symptoms, a 5-Why
 * chain, a responsibility, the party; confirm: also the conclusion;
 * close: also the permanent fix), as reasons in r; whether it lacks any. */
bool problem_incomplete(const problem_t *p, problem_action_t a, refusal_t *r);

/* ---- reading ---- */

/* A record, all of it (FOR UPDATE when lock): OUTCOME_OK, OUTCOME_NOT_FOUND
 * or a failure. problem_free() it when found. */
int problem_get(desk_t *d, long long id, bool lock, problem_t *p);
void problem_free(problem_t *p);
/* How agent a stands to record p (participant looked up): OUTCOME_OK or <0. */
int problem_role(desk_t *d, const agent_t *a, const problem_t *p, problem_role_t *out);

/* The tickets of a record, by id: number, subject, status. Count or <0. */
int problem_each_ticket(desk_t *d, long long id,
                        void (*fn)(const char *number, const char *subject, const char *status,
                                   void *ctx),
                        void *ctx);
/* Its owner first, then its participants by name: id, name, role, their
 * teams' names in lang ("售后组, 研发组"), whether the owner. Count or <0. */
int problem_each_person(desk_t *d, long long id, lang_t lang,
                        void (*fn)(long long person, const char *name, const char *role,
                                   const char *teams, bool owner, void *ctx),
                        void *ctx);
/* Its history, oldest first: when, who, kind (created, edited, or an
 * action code), the changes as JSON text. Count or <0. */
int problem_each_event(desk_t *d, long long id,
                       void (*fn)(time_t at, const char *who, const char *kind,
                                  const char *changes, void *ctx),
                       void *ctx);
/* The records made from ticket_id, newest first: id, title, status.
 * Count or <0. */
int problem_each_for_ticket(desk_t *d, long long ticket_id,
                            void (*fn)(long long id, const char *title, const char *status,
                                       void *ctx),
                            void *ctx);

/* Where a record came from: "tickets" (chosen by hand; the rest empty), or
 * a high-frequency row of the statistics, "stats_combo" (category x
 * product x fault kind) or "stats_term" (a keyword): the row as it read
 * (key), its period's first and last days, the number of tickets behind
 * it then (of which at most PROBLEM_TICKETS_MAX were linked), and the
 * query of its drill-down on the statistics page. */
typedef struct problem_origin {
    char kind[16];
    char key[2001];
    char first[11], last[11];
    long long behind;
    char query[1001];
} problem_origin_t;

/* OUTCOME_OK or OUTCOME_NOT_FOUND or a failure. */
int problem_origin_get(desk_t *d, long long id, problem_origin_t *o);
/* Notes a statistics origin on record id (inside the caller's transaction,
 * right after problem_create). OUTCOME_INVALID for another kind. */
int problem_set_origin(desk_t *d, long long id, const problem_origin_t *o);

/* The records not closed (draft, in review, confirmed) made before `before`,
 * counted per team of their tickets (a record with tickets in two teams
 * counts in both; 0: tickets without a team): fn gets the team and the
 * count. The number of teams, or <0. */
int problem_open_by_team(desk_t *d, time_t before,
                         void (*fn)(long long team_id, long long n, void *ctx), void *ctx);

typedef struct problem_row {
    long long id;
    char title[801], owner[401], status[16], responsibility[64];
    long long tickets;
    time_t updated_at;
} problem_row_t;

/* A page of the records agent a may see (managers all, others those they
 * own or take part in), of status (-1 any), newest first, ids below before
 * (0: from the newest), at most limit: count or <0. */
int problem_list(desk_t *d, const agent_t *a, int status, long long before, int limit,
                 void (*fn)(const problem_row_t *row, void *ctx), void *ctx);

/* ---- changes (inside the caller's transaction) ---- */

/* A new draft by a from content (title and at least one ticket a may see
 * needed); its id to *id. */
int problem_create(desk_t *d, const agent_t *a, const audit_who_t *who,
                   const problem_content_t *c, long long *id, refusal_t *r);
/* Saves content over record id as it stood at version (a later version:
 * refused with "stale"). */
int problem_update(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                   long long version, const problem_content_t *c, refusal_t *r);
/* Takes action act on record id (problem_state.h). */
int problem_act(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                problem_action_t act, refusal_t *r);

#endif
