/* quality: the statistics of what went wrong and how customers felt, for
 * the monthly review, kept beside the volume and time figures of
 * lib/desk/stats/report.h and read the same way: each figure a range scan of
 * an index of rows rewritten in the ticket's own transaction
 * (stats_quality_changed, called by stats_ticket_changed) and by
 * `deskctl stats-rebuild`. For a period [from, to):
 *
 *   repeat problems   of the tickets resolved in the period (and still
 *                     resolved), those followed within N days of that
 *                     resolution (Stats.RepeatDays) by another ticket of the
 *                     same customer, or of the same organisation, in the
 *                     same category and for the same product
 *   reopen rate       of the resolutions in the period, those the ticket
 *                     was reopened after (by now)
 *   high frequency    tickets created in the period per category x product
 *                     x fault kind (问题性质), and per keyword of their
 *                     subjects (lib/desk/stats/terms.h), each beside the
 *                     previous period and a year earlier
 *   cross-team work   over the tickets created in the period: those
 *                     reassigned (a supervisor's assignment of a ticket
 *                     someone had owned), handed back, escalated to R&D,
 *                     moved to another team, with collaborators; the times
 *                     in all; the moves per pair of teams
 *   satisfaction      over the tickets closed in the period (and still
 *                     closed): those whose survey is answered, the mean and
 *                     the distribution of each score, the lowest scored
 *
 * Filters and scope as in report.h (the ticket's current team, category,
 * priority, channel, product, organisation, the customer's tags now, the
 * owner). Each figure is one grouped query over the three periods of the
 * report at once (the period, the one before, a year earlier), a range of
 * an index per period. The functions give 0 or -1 unless they say. */
#ifndef DESK_STATS_QUALITY_H
#define DESK_STATS_QUALITY_H

#include "desk/stats/report.h"
#include "desk/stats/terms.h"

/* Rewrites the quality row of a ticket (and its transfers and terms) from
 * its row and history, inside the caller's transaction. */
int stats_quality_changed(desk_t *d, long long ticket_id);

/* The repeat window in days (the setting Stats.RepeatDays). */
long stats_repeat_days(desk_t *d);

enum { SQ_RESOLUTION, SQ_SPEED, SQ_ATTITUDE, SQ_SCORES };
extern const char *const stats_score_codes[SQ_SCORES + 1]; /* NULL-ended */

typedef struct stats_quality {
    long long resolved, repeated;          /* repeat problems */
    long long resolutions, reopened_after; /* reopen rate */
    long long created;                     /* the cross-team cohort */
    long long reassigned, reassignments, handed_back, hand_backs, escalated, escalations,
        transferred, transfers, collaborated, collaborators;
    long long closed, answered;            /* satisfaction */
    long long score_sum[SQ_SCORES], dist[SQ_SCORES][5];
} stats_quality_t;

/* The figures of the three periods per[0..2] into out[0..2]. */
int stats_quality_periods(desk_t *d, const stats_filter_t *f, const stats_period_t per[3],
                          long repeat_days, stats_quality_t out[3]);
/* The figures of one period. */
int stats_quality(desk_t *d, const stats_filter_t *f, const stats_period_t *p, time_t now,
                  long repeat_days, stats_quality_t *out);

/* The rankings: counts in the period (n[0]), the period before (n[1]) and a
 * year earlier (n[2]), most in the period first. Their number (at most max)
 * or -1. */
typedef struct stats_combo {
    long long category_id;
    char product[201], nature[16];
    long long n[3];
} stats_combo_t;
int stats_top_combos(desk_t *d, const stats_filter_t *f, const stats_period_t per[3],
                     stats_combo_t *rows, int max);

typedef struct stats_term {
    char term[STATS_TERM_MAX + 1];
    long long n[3];
} stats_term_t;
int stats_top_terms(desk_t *d, const stats_filter_t *f, const stats_period_t per[3],
                    stats_term_t *rows, int max);

typedef struct stats_pair {
    long long from_team, to_team, n[3];
} stats_pair_t;
int stats_team_pairs(desk_t *d, const stats_filter_t *f, const stats_period_t per[3],
                     stats_pair_t *rows, int max);

/* The answered surveys of the tickets closed in the period, lowest total
 * score first (then by ticket id), with their comments; never a contact. */
typedef struct stats_low {
    long long ticket_id;
    char number[32], subject[801];
    int score[SQ_SCORES];
    char suggestions[2001], unmet_needs[2001];
} stats_low_t;
int stats_lowest(desk_t *d, const stats_filter_t *f, const stats_period_t *p, stats_low_t *rows,
                 int max);

/* The tickets behind a quality figure. */
typedef enum stats_qfig {
    QF_REPEATED, QF_REOPENED_AFTER, QF_REASSIGNED, QF_HANDED_BACK, QF_ESCALATED,
    QF_TRANSFERRED, QF_COLLABORATED, QF_CLOSED, QF_ANSWERED, QF_SCORE, QF_COMBO, QF_TERM,
    QF_PAIR, QF_COUNT
} stats_qfig_t;
extern const char *const stats_qfig_codes[QF_COUNT + 1]; /* NULL-ended */
int stats_qfig_parse(const char *s);

/* What a figure of a row picks: a combination, a term, a pair of teams,
 * a score (SQ_* and 1-5). */
typedef struct stats_qkey {
    long long category_id, from_team, to_team;
    char product[201], nature[16], term[STATS_TERM_MAX + 1];
    int score_of, score;
} stats_qkey_t;

int stats_quality_tickets(desk_t *d, const stats_filter_t *f, const stats_period_t *p,
                          stats_qfig_t fig, const stats_qkey_t *key, long repeat_days,
                          long long after, stats_tickets_t *out);

#endif
