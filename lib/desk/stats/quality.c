/* quality: see quality.h. The rows (ticket_quality, ticket_transfers,
 * ticket_terms) are derived whole from the ticket, its history, its team
 * moves, collaborators and survey; the figures read them by range scans.
 * Each figure's count and its list of tickets share one WHERE clause. */
#include "desk/stats/quality.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "desk/settings.h"

/* ---- the rows of a ticket ------------------------------------------------ */

static const char sql_ticket[] =
    "SELECT COALESCE(team_id, 0), category_id, priority_id, channel_id, customer_id,"
    " COALESCE(organisation_id, 0), TRIM(product), COALESCE(nature, ''), created_at,"
    " IF(is_open = 1, NULL, resolved_at), IF(status = 'closed', closed_at, NULL), subject"
    " FROM tickets WHERE id = ?";
static const char sql_owners[] =
    "SELECT kind, COALESCE(new_value, '') FROM ticket_events WHERE ticket_id = ?"
    " AND kind IN ('claim', 'assign', 'dispatch', 'hand_back', 'escalation') ORDER BY id";
static const char sql_moves[] =
    "SELECT from_team_id, to_team_id, moved_at FROM ticket_team_moves WHERE ticket_id = ?"
    " AND from_team_id IS NOT NULL AND to_team_id IS NOT NULL ORDER BY id";
static const char sql_collaborators[] =
    "SELECT COUNT(*) FROM ticket_collaborators WHERE ticket_id = ?";
static const char sql_survey[] =
    "SELECT resolution_score, speed_score, attitude_score FROM surveys WHERE ticket_id = ?";
/* the product's id and the owner, as the fact row written just before has them */
static const char sql_fact[] =
    "SELECT product_id, owner_id FROM ticket_facts WHERE ticket_id = ?";
static const char sql_was[] =
    "SELECT subject_crc, team_id, category_id, priority_id, channel_id, product_id,"
    " organisation_id, customer_id, owner_id FROM ticket_quality WHERE ticket_id = ?";
/* the filters beyond team, category, priority and channel */
#define DIMS_UPDATE                                                                           \
    ", product_id = VALUES(product_id), organisation_id = VALUES(organisation_id),"           \
    " customer_id = VALUES(customer_id), owner_id = VALUES(owner_id)"
/* written over in place, as the fact rows are (facts.c) */
static const char sql_put[] =
    "INSERT INTO ticket_quality (ticket_id, team_id, category_id, priority_id, channel_id,"
    " customer_id, organisation_id, product, product_id, owner_id, nature, created_at,"
    " resolved_at, closed_at, reassignments, hand_backs, escalations, transfers,"
    " collaborators, surveyed, score_resolution, score_speed, score_attitude, subject_crc)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE team_id = VALUES(team_id), category_id = VALUES(category_id),"
    " priority_id = VALUES(priority_id), channel_id = VALUES(channel_id),"
    " customer_id = VALUES(customer_id), organisation_id = VALUES(organisation_id),"
    " product = VALUES(product), product_id = VALUES(product_id),"
    " owner_id = VALUES(owner_id), nature = VALUES(nature), created_at = VALUES(created_at),"
    " resolved_at = VALUES(resolved_at), closed_at = VALUES(closed_at),"
    " reassignments = VALUES(reassignments), hand_backs = VALUES(hand_backs),"
    " escalations = VALUES(escalations), transfers = VALUES(transfers),"
    " collaborators = VALUES(collaborators), surveyed = VALUES(surveyed),"
    " score_resolution = VALUES(score_resolution), score_speed = VALUES(score_speed),"
    " score_attitude = VALUES(score_attitude), subject_crc = VALUES(subject_crc)";
static const char sql_put_transfer[] =
    "INSERT INTO ticket_transfers (ticket_id, seq, from_team_id, to_team_id, moved_at,"
    " created_at, team_id, category_id, priority_id, channel_id, product_id, organisation_id,"
    " customer_id, owner_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE from_team_id = VALUES(from_team_id),"
    " to_team_id = VALUES(to_team_id), moved_at = VALUES(moved_at),"
    " created_at = VALUES(created_at), team_id = VALUES(team_id),"
    " category_id = VALUES(category_id), priority_id = VALUES(priority_id),"
    " channel_id = VALUES(channel_id)" DIMS_UPDATE;
static const char sql_drop_terms[] = "DELETE FROM ticket_terms WHERE ticket_id = ?";
static const char sql_put_term[] =
    "INSERT INTO ticket_terms (ticket_id, term, created_at, team_id, category_id, priority_id,"
    " channel_id, product_id, organisation_id, customer_id, owner_id)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE created_at = VALUES(created_at), team_id = VALUES(team_id),"
    " category_id = VALUES(category_id), priority_id = VALUES(priority_id),"
    " channel_id = VALUES(channel_id)" DIMS_UPDATE;
static const char sql_move_terms[] =
    "UPDATE ticket_terms SET team_id = ?, category_id = ?, priority_id = ?, channel_id = ?,"
    " product_id = ?, organisation_id = ?, customer_id = ?, owner_id = ? WHERE ticket_id = ?";

typedef struct qrow {
    long long team, category, priority, channel, customer, org, product_id, owner;
    char product[201], nature[16], subject[801];
    time_t created, resolved, closed;
    long long reassignments, hand_backs, escalations, transfers, collaborators;
    long long surveyed, score[SQ_SCORES];
} qrow_t;

/* Reassignments (an assignment of a ticket someone had owned), hand-backs
 * and escalations from the history. */
static int owners(desk_t *d, long long id, qrow_t *r)
{
    MYSQL_STMT *st = db_query(&d->db, sql_owners, "i", id);
    if (!st)
        return -1;
    char kind[41], to[256];
    bool owned = false;
    int rc;
    while ((rc = db_fetch(st, "ss", kind, sizeof kind, to, sizeof to)) == 1) {
        if (!strcmp(kind, "hand_back"))
            r->hand_backs++;
        else if (!strcmp(kind, "escalation"))
            r->escalations++;
        else {
            if (!strcmp(kind, "assign") && owned)
                r->reassignments++;
            owned |= to[0] != '\0';
        }
    }
    db_done(st);
    return rc < 0 ? -1 : 0;
}

static int transfers(desk_t *d, long long id, qrow_t *r)
{
    MYSQL_STMT *st = db_query(&d->db, sql_moves, "i", id);
    if (!st)
        return -1;
    long long from, to;
    time_t at;
    int rc;
    while ((rc = db_fetch(st, "iit", &from, &to, &at)) == 1) {
        if (r->transfers >= 1000)
            continue;
        r->transfers++;
        if (db_exec(&d->db, sql_put_transfer, "iiiittiiiiiiii", id, r->transfers, from, to, at,
                    r->created, r->team, r->category, r->priority, r->channel, r->product_id,
                    r->org, r->customer, r->owner) < 0) {
            rc = -1;
            break;
        }
    }
    db_done(st);
    return rc < 0 ? -1 : 0;
}

/* The subject's terms, written only when the subject or the dimensions
 * changed (a ticket's rows are otherwise left alone: a DELETE would lock
 * the gap where the next tickets' rows go). */
static int terms(desk_t *d, long long id, const qrow_t *r, long long crc)
{
    long long was_crc = -1, w[8] = {0};
    int rc = db_row(&d->db, sql_was, "i", "iiiiiiiii", id, &was_crc, &w[0], &w[1], &w[2], &w[3],
                    &w[4], &w[5], &w[6], &w[7]);
    if (rc < 0)
        return -1;
    const long long now[8] = {r->team, r->category, r->priority, r->channel,
                              r->product_id, r->org, r->customer, r->owner};
    if (rc == 1 && was_crc == crc) {
        if (!memcmp(w, now, sizeof w))
            return 0;
        return db_exec(&d->db, sql_move_terms, "iiiiiiiii", now[0], now[1], now[2], now[3],
                       now[4], now[5], now[6], now[7], id) < 0 ? -1 : 0;
    }
    if (rc == 1 && db_exec(&d->db, sql_drop_terms, "i", id) < 0)
        return -1;
    char t[STATS_TERMS_MAX][STATS_TERM_MAX + 1];
    int n = stats_terms(r->subject, t, STATS_TERMS_MAX);
    for (int i = 0; i < n; i++)
        if (db_exec(&d->db, sql_put_term, "istiiiiiiii", id, t[i], r->created, r->team,
                    r->category, r->priority, r->channel, r->product_id, r->org, r->customer,
                    r->owner) < 0)
            return -1;
    return 0;
}

int stats_quality_changed(desk_t *d, long long id)
{
    qrow_t r;
    memset(&r, 0, sizeof r);
    int rc = db_row(&d->db, sql_ticket, "i", "iiiiiissttts", id, &r.team, &r.category,
                    &r.priority, &r.channel, &r.customer, &r.org, r.product, sizeof r.product,
                    r.nature, sizeof r.nature, &r.created, &r.resolved, &r.closed, r.subject,
                    sizeof r.subject);
    if (rc != 1)
        return rc == 0 ? 0 : -1;
    long long crc = (long long)crc32(0, (const unsigned char *)r.subject, (uInt)strlen(r.subject));
    if (db_row(&d->db, sql_fact, "i", "ii", id, &r.product_id, &r.owner) < 0)
        return -1;
    if (owners(d, id, &r) || transfers(d, id, &r) || terms(d, id, &r, crc))
        return -1;
    if (db_row(&d->db, sql_collaborators, "i", "i", id, &r.collaborators) < 0)
        return -1;
    rc = db_row(&d->db, sql_survey, "i", "iii", id, &r.score[0], &r.score[1], &r.score[2]);
    if (rc < 0)
        return -1;
    r.surveyed = rc == 1;
    return db_exec(&d->db, sql_put, "iiiiiiisiisttt" "iiiiiiiiii", id, r.team, r.category,
                   r.priority, r.channel, r.customer, r.org, r.product, r.product_id, r.owner,
                   r.nature, r.created, r.resolved,
                   r.closed, r.reassignments, r.hand_backs, r.escalations, r.transfers,
                   r.collaborators, r.surveyed, r.score[0], r.score[1], r.score[2], crc) < 0
               ? -1
               : 0;
}

long stats_repeat_days(desk_t *d)
{
    return settings_get_int(&d->settings, &d->cfg, CFG_STATS_REPEAT_DAYS);
}

/* ---- the figures ----------------------------------------------------------- */

/* The filters, as the report's (report.c); the customer tag through the
 * customers' tags now. */
#define F_FILTER                                                                              \
    " AND (? = 0 OR x.team_id = ?) AND (? = 0 OR x.category_id = ?)"                         \
    " AND (? = 0 OR x.priority_id = ?) AND (? = 0 OR x.channel_id = ?)"                      \
    " AND (? = 0 OR x.product_id = ?) AND (? = 0 OR x.organisation_id = ?)"                  \
    " AND (? = 0 OR x.owner_id = ?) AND (? = 0 OR x.customer_id IN"                          \
    " (SELECT ct.customer_id FROM customer_tags ct WHERE ct.tag_id = ?))"
#define FARGS(f)                                                                              \
    (f)->team_id, (f)->team_id, (f)->category_id, (f)->category_id, (f)->priority_id,         \
        (f)->priority_id, (f)->channel_id, (f)->channel_id, (f)->product_id, (f)->product_id, \
        (f)->organisation_id, (f)->organisation_id, (f)->agent_id, (f)->agent_id, (f)->tag_id, \
        (f)->tag_id
#define FF "iiiiiiiiiiiiiiii" /* the formats of FARGS */

#define FOLLOWED(by)                                                                          \
    "EXISTS (SELECT 1 FROM ticket_quality y WHERE y." by " = x." by                          \
    " AND y.category_id = x.category_id AND y.product = x.product"                            \
    " AND y.created_at > x.resolved_at AND y.created_at <= x.resolved_at + INTERVAL ? DAY)"
/* days, days */
#define REPEATED                                                                              \
    "(" FOLLOWED("customer_id") " OR (x.organisation_id <> 0 AND " FOLLOWED("organisation_id") "))"
#define REOPENED "EXISTS (SELECT 1 FROM ticket_spans y WHERE y.ticket_id = x.ticket_id AND y.seq = x.seq + 1)"

#define C_RESOLVED "ticket_quality x WHERE x.resolved_at >= ? AND x.resolved_at < ?" F_FILTER
#define C_RESOLUTIONS "ticket_spans x WHERE x.closed_at >= ? AND x.closed_at < ?" F_FILTER
#define C_CREATED "ticket_quality x WHERE x.created_at >= ? AND x.created_at < ?" F_FILTER
#define C_CLOSED "ticket_quality x WHERE x.closed_at >= ? AND x.closed_at < ?" F_FILTER
#define C_COMBO                                                                               \
    "ticket_quality x WHERE x.category_id = ? AND x.product = ? AND x.nature = ?"             \
    " AND x.created_at >= ? AND x.created_at < ?" F_FILTER
#define C_TERM "ticket_terms x WHERE x.term = ? AND x.created_at >= ? AND x.created_at < ?" F_FILTER
#define C_PAIR                                                                                \
    "ticket_transfers x WHERE x.from_team_id = ? AND x.to_team_id = ?"                        \
    " AND x.created_at >= ? AND x.created_at < ?" F_FILTER

/* The three periods at once: the rows of table t whose column col falls in
 * one of them, joined to its number p.k (0, 1, 2), one range of t's index
 * on col per period; a row in two periods (a year's previous year is the
 * year a year earlier) counts in both. Takes from and to of each period,
 * then the filters. */
#define IN_PERIODS(t, col)                                                                    \
    " FROM (SELECT 0 AS k, CAST(? AS DATETIME) AS f, CAST(? AS DATETIME) AS u"                \
    " UNION ALL SELECT 1, ?, ? UNION ALL SELECT 2, ?, ?) p"                                   \
    " JOIN " t " x ON x." col " >= p.f AND x." col " < p.u WHERE 1 = 1" F_FILTER
#define PERARGS(per)                                                                          \
    (per)[0].from, (per)[0].to, (per)[1].from, (per)[1].to, (per)[2].from, (per)[2].to
#define PF "tttttt"

#define SUMOF(e) ", CAST(COALESCE(SUM(" e "), 0) AS SIGNED)"
static const char sql_repeat[] =
    "SELECT p.k, COUNT(*)" SUMOF(REPEATED) IN_PERIODS("ticket_quality", "resolved_at")
    " GROUP BY p.k";
static const char sql_reopen[] =
    "SELECT p.k, COUNT(*)" SUMOF(REOPENED) IN_PERIODS("ticket_spans", "closed_at") " GROUP BY p.k";
static const char sql_cross[] =
    "SELECT p.k, COUNT(*)" SUMOF("x.reassignments > 0") SUMOF("x.reassignments")
    SUMOF("x.hand_backs > 0") SUMOF("x.hand_backs") SUMOF("x.escalations > 0")
    SUMOF("x.escalations") SUMOF("x.transfers > 0") SUMOF("x.transfers")
    SUMOF("x.collaborators > 0") SUMOF("x.collaborators")
    IN_PERIODS("ticket_quality", "created_at") " GROUP BY p.k";
#define DIST(c) SUMOF(c " = 1") SUMOF(c " = 2") SUMOF(c " = 3") SUMOF(c " = 4") SUMOF(c " = 5")
static const char sql_survey_figs[] =
    "SELECT p.k, COUNT(*)" SUMOF("x.surveyed") SUMOF("x.score_resolution") SUMOF("x.score_speed")
    SUMOF("x.score_attitude") DIST("x.score_resolution") DIST("x.score_speed")
    DIST("x.score_attitude") IN_PERIODS("ticket_quality", "closed_at") " GROUP BY p.k";

const char *const stats_score_codes[SQ_SCORES + 1] = {"resolution", "speed", "attitude", NULL};

/* The rows of a figure per period: k and then the fields of q[k] at the
 * offsets given. */
static int per_period(MYSQL_STMT *st, stats_quality_t q[3], const size_t *at, int n)
{
    if (!st)
        return -1;
    long long k, v[24];
    int rc;
    char fmt[32];
    memset(fmt, 'i', sizeof fmt);
    fmt[n + 1] = '\0';
    while ((rc = db_fetch(st, fmt, &k, v, v + 1, v + 2, v + 3, v + 4, v + 5, v + 6, v + 7, v + 8,
                          v + 9, v + 10, v + 11, v + 12, v + 13, v + 14, v + 15, v + 16, v + 17,
                          v + 18, v + 19, v + 20, v + 21, v + 22)) == 1)
        for (int i = 0; k >= 0 && k < 3 && i < n; i++)
            *(long long *)((char *)&q[k] + at[i]) = v[i];
    db_done(st);
    return rc < 0 ? -1 : 0;
}

#define AT(field) offsetof(stats_quality_t, field)

int stats_quality_periods(desk_t *d, const stats_filter_t *f, const stats_period_t per[3],
                          long repeat_days, stats_quality_t q[3])
{
    memset(q, 0, sizeof *q * 3);
    long long days = repeat_days;
    static const size_t repeat[] = {AT(resolved), AT(repeated)};
    static const size_t reopen[] = {AT(resolutions), AT(reopened_after)};
    static const size_t cross[] = {AT(created),     AT(reassigned),  AT(reassignments),
                                   AT(handed_back), AT(hand_backs),  AT(escalated),
                                   AT(escalations), AT(transferred), AT(transfers),
                                   AT(collaborated), AT(collaborators)};
    size_t survey[20] = {AT(closed), AT(answered), AT(score_sum[0]), AT(score_sum[1]),
                         AT(score_sum[2])};
    for (int i = 0; i < 15; i++)
        survey[5 + i] = AT(dist[0][0]) + sizeof(long long) * (size_t)i;
    if (per_period(db_query(&d->db, sql_repeat, "ii" PF FF, days, days, PERARGS(per), FARGS(f)),
                   q, repeat, 2) ||
        per_period(db_query(&d->db, sql_reopen, PF FF, PERARGS(per), FARGS(f)), q, reopen, 2) ||
        per_period(db_query(&d->db, sql_cross, PF FF, PERARGS(per), FARGS(f)), q, cross, 11))
        return -1;
    return per_period(db_query(&d->db, sql_survey_figs, PF FF, PERARGS(per), FARGS(f)), q, survey,
                      20);
}

int stats_quality(desk_t *d, const stats_filter_t *f, const stats_period_t *p, time_t now,
                  long repeat_days, stats_quality_t *out)
{
    (void)now; /* the rows are as they are now: no figure runs on a clock */
    const stats_period_t per[3] = {*p, *p, *p};
    stats_quality_t q[3];
    if (stats_quality_periods(d, f, per, repeat_days, q))
        return -1;
    *out = q[0];
    return 0;
}

/* ---- the rankings ------------------------------------------------------------ */

/* Each ranks the keys by their rows in the first period and counts them in
 * the other two in the same query: the rows of the three periods are three
 * ranges of the index on created_at (here, not a join to the periods as
 * above: grouped by other columns, a join had the optimizer scan a whole
 * index in their order). Takes from and to of each period twice, then the
 * filters. */
#define IN(k) "x.created_at >= ? AND x.created_at < ?"
#define N3 ", SUM(" IN(0) ") AS n0, SUM(" IN(1) "), SUM(" IN(2) ")"
#define RANKED(t) " FROM " t " x WHERE (" IN(0) " OR " IN(1) " OR " IN(2) ")" F_FILTER
static const char sql_top_combos[] =
    "SELECT x.category_id, x.product, x.nature" N3 RANKED("ticket_quality")
    " GROUP BY x.category_id, x.product, x.nature HAVING n0 > 0"
    " ORDER BY n0 DESC, x.category_id, x.product, x.nature LIMIT ?";
static const char sql_top_terms[] =
    "SELECT x.term" N3 RANKED("ticket_terms")
    " GROUP BY x.term HAVING n0 > 0 ORDER BY n0 DESC, x.term LIMIT ?";
static const char sql_top_pairs[] =
    "SELECT x.from_team_id, x.to_team_id" N3 RANKED("ticket_transfers")
    " GROUP BY x.from_team_id, x.to_team_id HAVING n0 > 0"
    " ORDER BY n0 DESC, x.from_team_id, x.to_team_id LIMIT ?";

int stats_top_combos(desk_t *d, const stats_filter_t *f, const stats_period_t per[3],
                     stats_combo_t *rows, int max)
{
    MYSQL_STMT *st = db_query(&d->db, sql_top_combos, PF PF FF "i", PERARGS(per),
                              PERARGS(per), FARGS(f), (long long)max);
    if (!st)
        return -1;
    int n = 0, rc;
    stats_combo_t c;
    while (memset(&c, 0, sizeof c),
           (rc = db_fetch(st, "issiii", &c.category_id, c.product, sizeof c.product, c.nature,
                          sizeof c.nature, &c.n[0], &c.n[1], &c.n[2])) == 1)
        if (n < max)
            rows[n++] = c;
    db_done(st);
    return rc < 0 ? -1 : n;
}

int stats_top_terms(desk_t *d, const stats_filter_t *f, const stats_period_t per[3],
                    stats_term_t *rows, int max)
{
    MYSQL_STMT *st = db_query(&d->db, sql_top_terms, PF PF FF "i", PERARGS(per),
                              PERARGS(per), FARGS(f), (long long)max);
    if (!st)
        return -1;
    int n = 0, rc;
    stats_term_t t;
    while (memset(&t, 0, sizeof t),
           (rc = db_fetch(st, "siii", t.term, sizeof t.term, &t.n[0], &t.n[1], &t.n[2])) == 1)
        if (n < max)
            rows[n++] = t;
    db_done(st);
    return rc < 0 ? -1 : n;
}

int stats_team_pairs(desk_t *d, const stats_filter_t *f, const stats_period_t per[3],
                     stats_pair_t *rows, int max)
{
    MYSQL_STMT *st = db_query(&d->db, sql_top_pairs, PF PF FF "i", PERARGS(per),
                              PERARGS(per), FARGS(f), (long long)max);
    if (!st)
        return -1;
    int n = 0, rc;
    stats_pair_t x;
    while (memset(&x, 0, sizeof x),
           (rc = db_fetch(st, "iiiii", &x.from_team, &x.to_team, &x.n[0], &x.n[1], &x.n[2])) == 1)
        if (n < max)
            rows[n++] = x;
    db_done(st);
    return rc < 0 ? -1 : n;
}

static const char sql_lowest[] =
    "SELECT t.id, t.number, t.subject, x.score_resolution, x.score_speed, x.score_attitude,"
    " COALESCE(s.suggestions, ''), COALESCE(s.unmet_needs, '')"
    " FROM ticket_quality x JOIN tickets t ON t.id = x.ticket_id"
    " JOIN surveys s ON s.ticket_id = x.ticket_id"
    " WHERE x.closed_at >= ? AND x.closed_at < ?" F_FILTER " AND x.surveyed = 1"
    " ORDER BY x.score_resolution + x.score_speed + x.score_attitude, x.ticket_id LIMIT ?";

int stats_lowest(desk_t *d, const stats_filter_t *f, const stats_period_t *p, stats_low_t *rows,
                 int max)
{
    MYSQL_STMT *st = db_query(&d->db, sql_lowest, "tt" FF "i", p->from, p->to, FARGS(f),
                              (long long)max);
    if (!st)
        return -1;
    int n = 0, rc;
    stats_low_t *r = malloc(sizeof *r);
    long long s[SQ_SCORES];
    while (r && (memset(r, 0, sizeof *r),
                 rc = db_fetch(st, "issiiiss", &r->ticket_id, r->number, sizeof r->number,
                               r->subject, sizeof r->subject, &s[0], &s[1], &s[2],
                               r->suggestions, sizeof r->suggestions, r->unmet_needs,
                               sizeof r->unmet_needs)) == 1)
        if (n < max) {
            for (int k = 0; k < SQ_SCORES; k++)
                r->score[k] = (int)s[k];
            rows[n++] = *r;
        }
    db_done(st);
    free(r);
    return !r || rc < 0 ? -1 : n;
}

/* ---- the tickets behind a figure ------------------------------------------------ */

const char *const stats_qfig_codes[QF_COUNT + 1] = {
    "repeated",  "reopened_after", "reassigned", "handed_back", "escalated",
    "transferred", "collaborated", "closed_q",   "answered",    "score",
    "combo",     "term",           "pair",       NULL,
};

int stats_qfig_parse(const char *s)
{
    for (int i = 0; s && i < QF_COUNT; i++)
        if (strcmp(s, stats_qfig_codes[i]) == 0)
            return i;
    return -1;
}

#define LIST(c)                                                                               \
    "SELECT t.id, t.category_id, t.priority_id, t.channel_id, COALESCE(t.team_id, 0),"       \
    " t.number, t.status, t.subject, t.created_at FROM tickets t"                             \
    " WHERE t.id IN (SELECT x.ticket_id FROM " c ") AND t.id > ? ORDER BY t.id LIMIT ?"
#define SCORE_OF                                                                              \
    "(CASE ? WHEN 0 THEN x.score_resolution WHEN 1 THEN x.score_speed"                        \
    " ELSE x.score_attitude END)"
/* each takes the period's two instants and the filters, then what it names */
static const char *const list_sql[QF_COUNT] = {
    [QF_REPEATED] = LIST(C_RESOLVED " AND " REPEATED),
    [QF_REOPENED_AFTER] = LIST(C_RESOLUTIONS " AND " REOPENED),
    [QF_REASSIGNED] = LIST(C_CREATED " AND x.reassignments > 0"),
    [QF_HANDED_BACK] = LIST(C_CREATED " AND x.hand_backs > 0"),
    [QF_ESCALATED] = LIST(C_CREATED " AND x.escalations > 0"),
    [QF_TRANSFERRED] = LIST(C_CREATED " AND x.transfers > 0"),
    [QF_COLLABORATED] = LIST(C_CREATED " AND x.collaborators > 0"),
    [QF_CLOSED] = LIST(C_CLOSED),
    [QF_ANSWERED] = LIST(C_CLOSED " AND x.surveyed = 1"),
    [QF_SCORE] = LIST(C_CLOSED " AND x.surveyed = 1 AND " SCORE_OF " = ?"),
    [QF_COMBO] = LIST(C_COMBO),
    [QF_TERM] = LIST(C_TERM),
    [QF_PAIR] = LIST(C_PAIR),
};

static MYSQL_STMT *list_query(desk_t *d, const stats_filter_t *f, const stats_period_t *p,
                              stats_qfig_t fig, const stats_qkey_t *k, long long days,
                              long long after)
{
    const char *sql = list_sql[fig];
    long long lim = STATS_PAGE + 1;
    switch (fig) {
    case QF_REPEATED:
        return db_query(&d->db, sql, "tt" FF "iiii", p->from, p->to, FARGS(f), days, days,
                        after, lim);
    case QF_SCORE:
        return db_query(&d->db, sql, "tt" FF "iiii", p->from, p->to, FARGS(f),
                        (long long)k->score_of, (long long)k->score, after, lim);
    case QF_COMBO:
        return db_query(&d->db, sql, "isstt" FF "ii", k->category_id, k->product, k->nature,
                        p->from, p->to, FARGS(f), after, lim);
    case QF_TERM:
        return db_query(&d->db, sql, "stt" FF "ii", k->term, p->from, p->to, FARGS(f), after,
                        lim);
    case QF_PAIR:
        return db_query(&d->db, sql, "iitt" FF "ii", k->from_team, k->to_team, p->from, p->to,
                        FARGS(f), after, lim);
    default:
        return db_query(&d->db, sql, "tt" FF "ii", p->from, p->to, FARGS(f), after, lim);
    }
}

int stats_quality_tickets(desk_t *d, const stats_filter_t *f, const stats_period_t *p,
                          stats_qfig_t fig, const stats_qkey_t *key, long repeat_days,
                          long long after, stats_tickets_t *out)
{
    memset(out, 0, sizeof *out);
    if ((unsigned)fig >= QF_COUNT)
        return -1;
    MYSQL_STMT *st = list_query(d, f, p, fig, key, repeat_days, after);
    if (!st)
        return -1;
    return stats_tickets_read(st, out);
}
