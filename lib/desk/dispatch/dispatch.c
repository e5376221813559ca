/* dispatch: see dispatch.h. The choice first (pure), then the queries that
 * feed it and the writes that carry it out. */
#include "desk/dispatch/dispatch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/notify/notify.h"
#include "desk/ticket/ticket_record.h"
#include "desk/ticket/ticket_state.h"

static const char *const mode_codes[DISPATCH_MODES] = {"claim", "least_open", "round_robin"};

const char *dispatch_mode_code(dispatch_mode_t m)
{
    return (unsigned)m < DISPATCH_MODES ? mode_codes[m] : "claim";
}

int dispatch_mode_parse(const char *code)
{
    for (int i = 0; code && i < DISPATCH_MODES; i++)
        if (strcmp(code, mode_codes[i]) == 0)
            return i;
    return -1;
}

/* ---- the choice ------------------------------------------------------------ */

static bool has_all(const dispatch_candidate_t *c, const long long *req, int nreq)
{
    for (int i = 0; i < nreq; i++) {
        bool found = false;
        for (int j = 0; j < c->nskills && !found; j++)
            found = c->skills[j] == req[i];
        if (!found)
            return false;
    }
    return true;
}

/* Whether candidate c may get the ticket; counts the reason when not. */
static bool eligible(const dispatch_policy_t *p, const dispatch_candidate_t *c,
                     dispatch_choice_t *out)
{
    if (p->exclude && c->agent_id == p->exclude)
        return out->excluded++, false;
    if (!c->available)
        return out->absent++, false;
    if (p->max_open > 0 && c->open >= p->max_open)
        return out->full++, false;
    if (!has_all(c, p->required, p->nrequired))
        return out->unskilled++, false;
    return true;
}

/* Whether a comes before b in the turn after cursor: ids above the cursor
 * first (lowest first), then the others (lowest first). */
static bool earlier_turn(long long a, long long b, long long cursor)
{
    bool a_after = a > cursor, b_after = b > cursor;
    if (a_after != b_after)
        return a_after;
    return a < b;
}

dispatch_choice_t dispatch_choose(const dispatch_policy_t *p, const dispatch_candidate_t *c,
                                  int n)
{
    dispatch_choice_t out = {.outcome = DISPATCH_MANUAL, .index = -1};
    if (p->mode != DISPATCH_LEAST_OPEN && p->mode != DISPATCH_ROUND_ROBIN)
        return out;
    out.outcome = DISPATCH_NOBODY;
    bool least = p->mode == DISPATCH_LEAST_OPEN;
    int best = -1, ties = 0;
    for (int i = 0; i < n; i++) {
        if (!eligible(p, &c[i], &out))
            continue;
        if (best < 0 || (least && c[i].open < c[best].open)) {
            best = i;
            ties = 1;
            continue;
        }
        if (least && c[i].open > c[best].open)
            continue;
        ties++;
        if (earlier_turn(c[i].agent_id, c[best].agent_id, p->cursor))
            best = i;
    }
    out.index = best;
    if (out.index >= 0) {
        out.outcome = DISPATCH_PICKED;
        out.agent_id = c[out.index].agent_id;
        out.open = c[out.index].open;
        out.tie = least && ties > 1;
    }
    return out;
}

/* ---- the queries ------------------------------------------------------------ */

static const char sql_rule[] =
    "SELECT r.id, r.team_id FROM routing_rules r JOIN teams t ON t.id = r.team_id"
    " WHERE r.category_id = ? AND r.active = 1 AND t.active = 1 LOCK IN SHARE MODE";
static const char sql_category_team[] =
    "SELECT COALESCE(c.team_id, 0) FROM categories c LEFT JOIN teams t ON t.id = c.team_id"
    " WHERE c.id = ? AND (c.team_id IS NULL OR t.active = 1) LOCK IN SHARE MODE";
/* a deactivated skill tag no longer narrows the choice */
static const char sql_rule_skills[] =
    "SELECT r.skill_id FROM routing_rule_skills r JOIN skills s ON s.id = r.skill_id"
    " WHERE r.rule_id = ? AND s.active = 1";
static const char sql_team[] =
    "SELECT dispatch_mode, COALESCE(accept_minutes, 0), COALESCE(max_open_per_agent, 0)"
    " FROM teams WHERE id = ? LOCK IN SHARE MODE";
static const char sql_cursor_row[] =
    "INSERT INTO dispatch_cursors (team_id) VALUES (?) ON DUPLICATE KEY UPDATE team_id = team_id";
static const char sql_cursor[] =
    "SELECT COALESCE(last_agent_id, 0) FROM dispatch_cursors WHERE team_id = ? FOR UPDATE";
/* one index range per member: ix_tickets_owner_queue (owner_id, is_open, ...) */
static const char sql_members[] =
    "SELECT a.id, a.name, a.available,"
    " (SELECT COUNT(*) FROM tickets t WHERE t.owner_id = a.id AND t.is_open = 1)"
    " FROM team_members m JOIN agents a ON a.id = m.agent_id"
    " WHERE m.team_id = ? AND a.active = 1 ORDER BY a.id";
static const char sql_member_skills[] =
    "SELECT s.agent_id, s.skill_id FROM team_members m"
    " JOIN agent_skills s ON s.agent_id = m.agent_id WHERE m.team_id = ?";
static const char sql_move_cursor[] =
    "UPDATE dispatch_cursors SET last_agent_id = ?, updated_at = ? WHERE team_id = ?";
static const char sql_assign[] =
    "UPDATE tickets SET owner_id = ?, team_id = ?, status = 'assigned', assigned_at = ?,"
    " accept_due_at = ?, accepted_at = NULL, version = version + 1, updated_at = ?"
    " WHERE id = ?";
static const char sql_to_team[] =
    "UPDATE tickets SET team_id = ?, version = version + 1, updated_at = ? WHERE id = ?";
static const char sql_accept_minutes[] =
    "SELECT COALESCE(accept_minutes, 0) FROM teams WHERE id = ?";
static const char sql_available[] = "SELECT available FROM agents WHERE id = ?";
static const char sql_set_available[] =
    "UPDATE agents SET available = ?, available_changed_at = ? WHERE id = ? AND available <> ?";

long dispatch_accept_minutes(desk_t *d, long long team_id)
{
    long long own = 0;
    if (team_id && db_row(&d->db, sql_accept_minutes, "i", "i", team_id, &own) == 1 && own > 0)
        return (long)own;
    return config_get_int(&d->cfg, CFG_SLA_ACCEPT_MINUTES);
}

typedef struct members {
    dispatch_candidate_t *c;
    char (*names)[401];
    long long *skills; /* DISPATCH_MAX_SKILLS per candidate */
    int n, cap;
} members_t;

static void members_free(members_t *m)
{
    free(m->c);
    free(m->names);
    free(m->skills);
}

static int members_grow(members_t *m)
{
    int cap = m->cap ? m->cap * 2 : 16;
    dispatch_candidate_t *c = realloc(m->c, (size_t)cap * sizeof *c);
    if (c)
        m->c = c;
    char(*names)[401] = realloc(m->names, (size_t)cap * sizeof *names);
    if (names)
        m->names = names;
    long long *skills = realloc(m->skills, (size_t)cap * DISPATCH_MAX_SKILLS * sizeof *skills);
    if (skills)
        m->skills = skills;
    if (!c || !names || !skills)
        return OUTCOME_UNAVAILABLE;
    m->cap = cap;
    return OUTCOME_OK;
}

/* The team's active members with their open tickets and skills. */
static int load_members(desk_t *d, long long team, members_t *m)
{
    MYSQL_STMT *st = db_query(&d->db, sql_members, "i", team);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long id, available, open;
    char name[401];
    int rc;
    while ((rc = db_fetch(st, "isii", &id, name, sizeof name, &available, &open)) == 1) {
        if (m->n == m->cap && members_grow(m)) {
            rc = OUTCOME_UNAVAILABLE;
            break;
        }
        m->c[m->n] = (dispatch_candidate_t){.agent_id = id, .open = open,
                                            .available = available != 0};
        snprintf(m->names[m->n], sizeof m->names[0], "%s", name);
        m->n++;
    }
    db_done(st);
    if (rc < 0 || !m->n)
        return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
    /* only now: members_grow may have moved the skills buffer */
    for (int i = 0; i < m->n; i++)
        m->c[i].skills = &m->skills[i * DISPATCH_MAX_SKILLS];
    st = db_query(&d->db, sql_member_skills, "i", team);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long agent, skill;
    while ((rc = db_fetch(st, "ii", &agent, &skill)) == 1)
        for (int i = 0; i < m->n; i++)
            if (m->c[i].agent_id == agent && m->c[i].nskills < DISPATCH_MAX_SKILLS)
                m->skills[i * DISPATCH_MAX_SKILLS + m->c[i].nskills++] = skill;
    db_done(st);
    return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
}

static int load_required(desk_t *d, long long rule, long long *req, int *n)
{
    *n = 0;
    if (!rule)
        return OUTCOME_OK;
    MYSQL_STMT *st = db_query(&d->db, sql_rule_skills, "i", rule);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long skill;
    int rc;
    while ((rc = db_fetch(st, "i", &skill)) == 1)
        if (*n < DISPATCH_MAX_SKILLS)
            req[(*n)++] = skill;
    db_done(st);
    return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
}

/* The route of a category: rule and team (rule 0: the category's own). */
static int route(desk_t *d, long long category_id, long long *rule, long long *team)
{
    *rule = *team = 0;
    int rc = db_row(&d->db, sql_rule, "i", "ii", category_id, rule, team);
    if (rc == 0)
        rc = db_row(&d->db, sql_category_team, "i", "i", category_id, team);
    return rc < 0 ? rc : OUTCOME_OK;
}

int dispatch_team_for(desk_t *d, long long category_id, long long *team_id)
{
    long long rule;
    return route(d, category_id, &rule, team_id);
}

int dispatch_plan(desk_t *d, long long category_id, long long team, long long exclude,
                  dispatch_plan_t *p)
{
    memset(p, 0, sizeof *p);
    p->choice = (dispatch_choice_t){.outcome = DISPATCH_MANUAL, .index = -1};
    long long rule = 0, routed = 0;
    int rc = route(d, category_id, &rule, &routed);
    if (rc != OUTCOME_OK)
        return rc;
    if (team > 0 && team != routed)
        rule = 0; /* sent to another team by hand: the rule's skills are not its own */
    p->team_id = team > 0 ? team : routed;
    p->rule_id = rule;
    if (!p->team_id)
        return OUTCOME_OK;
    char mode[16] = "";
    long long accept = 0, cap = 0;
    if ((rc = db_row(&d->db, sql_team, "i", "sii", p->team_id, mode, sizeof mode, &accept, &cap)) != 1)
        return rc < 0 ? rc : OUTCOME_OK;
    int m = dispatch_mode_parse(mode);
    p->mode = m < 0 ? DISPATCH_CLAIM : (dispatch_mode_t)m;
    p->accept_minutes = accept > 0 ? (long)accept : dispatch_accept_minutes(d, 0);
    if (p->mode == DISPATCH_CLAIM)
        return OUTCOME_OK;
    long long cursor = 0, required[DISPATCH_MAX_SKILLS];
    int nrequired = 0;
    /* the lock first: the counts below then see every dispatch before ours */
    if (db_exec(&d->db, sql_cursor_row, "i", p->team_id) < 0 ||
        db_row(&d->db, sql_cursor, "i", "i", p->team_id, &cursor) != 1)
        return OUTCOME_UNAVAILABLE;
    members_t mem = {0};
    rc = load_required(d, rule, required, &nrequired);
    if (rc == OUTCOME_OK)
        rc = load_members(d, p->team_id, &mem);
    if (rc == OUTCOME_OK) {
        dispatch_policy_t pol = {.mode = p->mode, .max_open = cap, .cursor = cursor,
                                 .exclude = exclude, .required = required,
                                 .nrequired = nrequired};
        p->choice = dispatch_choose(&pol, mem.c, mem.n);
        if (p->choice.index >= 0)
            snprintf(p->agent_name, sizeof p->agent_name, "%s", mem.names[p->choice.index]);
    }
    members_free(&mem);
    return rc;
}

/* ---- carrying it out -------------------------------------------------------- */

/* Appends text to a bounded buffer, "{n}" replaced by n. */
static void add(char *buf, size_t cap, const char *text, long long n)
{
    size_t len = strlen(buf);
    const char *at = strstr(text, "{n}");
    if (len >= cap)
        return;
    if (!at)
        snprintf(buf + len, cap - len, "%s", text);
    else
        snprintf(buf + len, cap - len, "%.*s%lld%s", (int)(at - text), text, n, at + 3);
}

/* The separator between parts: HDF trims values, so an ASCII one (",")
 * gets its space here; full-width CJK punctuation carries its own. */
static void add_sep(desk_t *d, char *buf, size_t cap)
{
    const char *sep = texts_get(&d->texts, d->default_lang, "Dispatch.Sep");
    add(buf, cap, sep, 0);
    if (*sep && !(sep[strlen(sep) - 1] & 0x80))
        add(buf, cap, " ", 0);
}

/* Why, in the desk's language: "auto: least open, 3 open". */
static void reason(desk_t *d, const dispatch_plan_t *p, char *buf, size_t cap)
{
    const texts_t *v = &d->texts;
    lang_t l = d->default_lang;
    const dispatch_choice_t *c = &p->choice;
    buf[0] = '\0';
    if (c->outcome == DISPATCH_PICKED) {
        add(buf, cap, texts_get(v, l, p->mode == DISPATCH_ROUND_ROBIN ? "Dispatch.RoundRobin"
                                      : c->tie                       ? "Dispatch.LeastOpenTie"
                                                                     : "Dispatch.LeastOpen"),
            c->open);
        return;
    }
    add(buf, cap, texts_get(v, l, "Dispatch.Nobody"), 0);
    static const char *const keys[] = {"Dispatch.Absent", "Dispatch.Full", "Dispatch.Unskilled",
                                       "Dispatch.Excluded"};
    const int counts[] = {c->absent, c->full, c->unskilled, c->excluded};
    bool any = false;
    for (int i = 0; i < 4; i++)
        if (counts[i]) {
            add_sep(d, buf, cap);
            add(buf, cap, texts_get(v, l, keys[i]), counts[i]);
            any = true;
        }
    if (!any) {
        add_sep(d, buf, cap);
        add(buf, cap, texts_get(v, l, "Dispatch.NoMembers"), 0);
    }
}

/* Automatic, but nobody fits: it waits in the team queue, and says why. */
static int to_queue(desk_t *d, long long ticket_id, const dispatch_plan_t *p, const actor_t *sys,
                    const char *why, time_t now)
{
    const team_t *t = catalog_team_by_id(&d->catalog, p->team_id);
    int rc = db_exec(&d->db, sql_to_team, "iti", p->team_id, now, ticket_id);
    if (rc >= 0)
        rc = ticket_event(d, ticket_id, "dispatch_queue", true, sys, "team", NULL,
                          t ? t->name[d->default_lang] : "", why, now);
    return rc < 0 ? rc : OUTCOME_OK;
}

int dispatch_apply(desk_t *d, long long ticket_id, const char *status, const dispatch_plan_t *p,
                   time_t now)
{
    const dispatch_choice_t *c = &p->choice;
    if (!p->team_id || c->outcome == DISPATCH_MANUAL) /* claimed by hand: nothing to do */
        return OUTCOME_OK;
    char why[400];
    reason(d, p, why, sizeof why);
    actor_t sys = {.type = "system", .name = texts_get(&d->texts, d->default_lang, "Dispatch.Actor")};
    int from = ticket_status_parse(status);
    if (c->outcome != DISPATCH_PICKED)
        return to_queue(d, ticket_id, p, &sys, why, now);
    if (from < 0 || !ticket_transition_allowed((ticket_status_t)from, TS_ASSIGNED))
        return OUTCOME_UNAVAILABLE; /* callers dispatch new, classified or handed-back tickets only */
    time_t due = now + p->accept_minutes * 60;
    int rc = ticket_event(d, ticket_id, "status", false, &sys, "status", status, "assigned", NULL,
                          now);
    if (rc == OUTCOME_OK)
        rc = ticket_event(d, ticket_id, "dispatch", true, &sys, "owner", "", p->agent_name, why,
                          now);
    if (rc == OUTCOME_OK && db_exec(&d->db, sql_assign, "iittti", c->agent_id, p->team_id, now, due,
                               now, ticket_id) != 1)
        rc = OUTCOME_UNAVAILABLE;
    if (rc == OUTCOME_OK && db_exec(&d->db, sql_move_cursor, "iti", c->agent_id, now, p->team_id) < 0)
        rc = OUTCOME_UNAVAILABLE;
    if (rc == OUTCOME_OK && notify_assignment(d, ticket_id, c->agent_id, due))
        rc = OUTCOME_UNAVAILABLE;
    return rc;
}

/* ---- presence -------------------------------------------------------------- */

int dispatch_available(desk_t *d, long long agent_id)
{
    long long v = 0;
    int rc = db_row(&d->db, sql_available, "i", "i", agent_id, &v);
    return rc == 1 ? v != 0 : rc < 0 ? rc : OUTCOME_UNAVAILABLE;
}

int dispatch_set_available(desk_t *d, long long agent_id, bool available, time_t now)
{
    int rc = db_exec(&d->db, sql_set_available, "itii", (long long)available, now, agent_id,
                     (long long)available);
    return rc < 0 ? rc : rc > 0;
}
