/* ticket_work: see ticket_work.h. */
#include "desk/ticket/ticket_work.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/catalog/catalog.h"
#include "desk/dispatch/dispatch.h"
#include "desk/emergency/emergency_member.h"
#include "desk/notify/notify.h"
#include "desk/sla/sla.h"
#include "desk/survey.h"
#include "desk/ticket/escalation.h"
#include "desk/ticket/evaluation_gate.h"
#include "desk/ticket/ticket_acceptance.h"
#include "desk/ticket/ticket_next.h"
#include "desk/ticket/workaround.h"
#include "desk/ticket/time_spent.h"

static const char sql_is_collaborator[] =
    "SELECT COUNT(*) FROM ticket_collaborators WHERE ticket_id = ? AND agent_id = ?";
static const char sql_set_owner[] =
    "UPDATE tickets SET owner_id = ?, team_id = COALESCE(?, team_id), status = ?,"
    " assigned_at = ?, accept_due_at = ?, accepted_at = ?, version = version + 1,"
    " updated_at = ? WHERE id = ?";
static const char sql_set_status[] =
    "UPDATE tickets SET status = ?, is_open = ?, accepted_at = COALESCE(?, accepted_at),"
    " resolved_at = IF(? = 1, ?, resolved_at), closed_at = ?, version = version + 1,"
    " updated_at = ? WHERE id = ?";
static const char sql_first_response[] =
    "UPDATE tickets SET first_responded_at = COALESCE(first_responded_at, ?),"
    " next_update_due_at = ?, version = version + 1, updated_at = ? WHERE id = ?";
static const char sql_touch[] =
    "UPDATE tickets SET version = version + 1, updated_at = ? WHERE id = ?";
static const char sql_agent_active[] =
    "SELECT name FROM agents WHERE id = ? AND active = 1";
static const char sql_agent_team[] =
    "SELECT team_id FROM team_members WHERE agent_id = ? ORDER BY team_id LIMIT 1";
static const char sql_add_collab[] =
    "INSERT INTO ticket_collaborators (ticket_id, agent_id, role, added_at) VALUES (?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE role = VALUES(role)";
static const char sql_collaborators[] =
    "SELECT a.id, a.name, c.role FROM ticket_collaborators c JOIN agents a ON a.id = c.agent_id"
    " WHERE c.ticket_id = ? ORDER BY c.added_at";
static const char sql_remove_collab[] =
    "DELETE FROM ticket_collaborators WHERE ticket_id = ? AND agent_id = ?";
static const char sql_classify[] =
    "UPDATE tickets SET category_id = ?, team_id = COALESCE(?, team_id), nature = ?,"
    " status = IF(status = 'new', 'classified', status), version = version + 1,"
    " updated_at = ? WHERE id = ?";

static bool is_collaborator(desk_t *d, long long ticket, long long agent)
{
    long long n = 0;
    return db_row(&d->db, sql_is_collaborator, "ii", "i", ticket, agent, &n) == 1 && n > 0;
}

bool ticket_classifiable_by(desk_t *d, const agent_t *a, const ticket_t *t)
{
    return agent_is_supervisor(a) || t->owner_id == a->id || agent_in_team(a, t->team_id) ||
           t->created_by_agent_id == a->id || is_collaborator(d, t->id, a->id);
}

bool ticket_visible_to(desk_t *d, const agent_t *a, const ticket_t *t)
{
    return ticket_classifiable_by(d, a, t) || escalation_asked_of(d, a, t->id) ||
           emergency_member_sees(d, a->id, t->id);
}

bool ticket_workable_by(desk_t *d, const agent_t *a, const ticket_t *t)
{
    return agent_is_supervisor(a) || t->owner_id == a->id || is_collaborator(d, t->id, a->id);
}

static actor_t actor_of(const agent_t *a)
{
    return (actor_t){.type = "agent", .agent_id = a->id, .name = a->name};
}

static int ok(int rc) { return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK; }

static bool blank(const char *s) { return !s || !*s; }

typedef struct action {
    const agent_t *a;
    long long target_agent, target_team;
    const char *text, *kind;
    bool flag;
    ticket_status_t to;
    const category_t *cat;
    const uploads_t *files;
    int minutes; /* spent on it, 0: not given */
} action_t;

/* Moves status along the workflow and records it; refuses illegal moves. */
static int move(desk_t *d, ticket_t *t, const actor_t *who, ticket_status_t to,
                const char *reason, time_t now)
{
    int from = ticket_status_parse(t->status);
    if (from < 0 || !ticket_transition_allowed((ticket_status_t)from, to))
        return OUTCOME_BAD_TRANSITION;
    int gate = evaluation_gate(d, t, to);
    if (gate != OUTCOME_OK)
        return gate;
    if (ok(ticket_event(d, t->id, "status", false, who, "status", t->status,
                        ticket_status_code(to), reason, now)))
        return OUTCOME_UNAVAILABLE;
    if (to == TS_RESOLVED && notify_resolved(d, t->id, (long long)d->db.last_id, reason))
        return OUTCOME_UNAVAILABLE;
    bool done = ticket_status_done(to);
    int rc = db_exec(&d->db, sql_set_status, "sitittti", ticket_status_code(to),
                     (long long)!done, to == TS_ACCEPTED ? now : 0, (long long)(to == TS_RESOLVED),
                     now, to == TS_CLOSED ? now : 0, now, t->id);
    char old[sizeof t->status];
    snprintf(old, sizeof old, "%s", t->status);
    snprintf(t->status, sizeof t->status, "%s", ticket_status_code(to));
    return rc < 0 ? OUTCOME_UNAVAILABLE : ticket_clock_after_status(d, t, old, to, now);
}

static int set_owner(desk_t *d, ticket_t *t, long long owner, long long team, ticket_status_t st,
                     time_t now)
{
    bool assigned = st == TS_ASSIGNED;
    long accept = assigned ? dispatch_accept_minutes(d, team ? team : t->team_id) : 0;
    if (ok(db_exec(&d->db, sql_set_owner, "jjstttti", owner, team, ticket_status_code(st),
                   owner ? now : 0, assigned ? now + accept * 60 : 0,
                   st == TS_ACCEPTED ? now : 0, now, t->id)))
        return OUTCOME_UNAVAILABLE;
    return assigned && owner && notify_assignment(d, t->id, owner, now + accept * 60)
               ? OUTCOME_UNAVAILABLE
               : OUTCOME_OK;
}

static int apply_claim(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    action_t *x = arg;
    actor_t who = actor_of(x->a);
    if (t->owner_id || !(agent_is_supervisor(x->a) || agent_in_team(x->a, t->team_id)))
        return OUTCOME_FORBIDDEN;
    int st = ticket_status_parse(t->status);
    if (st != TS_NEW && st != TS_CLASSIFIED)
        return OUTCOME_BAD_TRANSITION;
    if (ok(ticket_event(d, t->id, "claim", true, &who, "owner", "", x->a->name, NULL, now)))
        return OUTCOME_UNAVAILABLE;
    /* a claim is an assignment to oneself, accepted at once */
    if (move(d, t, &who, TS_ASSIGNED, NULL, now) || move(d, t, &who, TS_ACCEPTED, NULL, now))
        return OUTCOME_BAD_TRANSITION;
    return set_owner(d, t, x->a->id, 0, TS_ACCEPTED, now);
}

int ticket_claim(desk_t *d, const agent_t *a, long long id, long long version)
{
    action_t x = {.a = a};
    return ticket_with_locked(d, id, version, apply_claim, &x);
}

static int apply_accept(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    action_t *x = arg;
    actor_t who = actor_of(x->a);
    if (t->owner_id != x->a->id)
        return OUTCOME_FORBIDDEN;
    return move(d, t, &who, TS_ACCEPTED, NULL, now);
}

int ticket_accept(desk_t *d, const agent_t *a, long long id, long long version)
{
    action_t x = {.a = a};
    return ticket_with_locked(d, id, version, apply_accept, &x);
}

static int apply_assign(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    action_t *x = arg;
    actor_t who = actor_of(x->a);
    char name[401] = "";
    long long team = x->target_team;
    if (!agent_is_supervisor(x->a))
        return OUTCOME_FORBIDDEN;
    if (x->target_agent && db_row(&d->db, sql_agent_active, "i", "s", x->target_agent, name,
                                  sizeof name) != 1)
        return OUTCOME_NO_SUCH_AGENT;
    if (team && !catalog_team_by_id(&d->catalog, team))
        return OUTCOME_NO_SUCH_TEAM;
    if (x->target_agent && !team && db_row(&d->db, sql_agent_team, "i", "i", x->target_agent,
                                           &team) < 0)
        return OUTCOME_UNAVAILABLE;
    int from = ticket_status_parse(t->status);
    ticket_status_t to = x->target_agent ? TS_ASSIGNED : TS_CLASSIFIED;
    /* to a team queue: the team's dispatcher may hand it on at once */
    dispatch_plan_t plan = {0};
    if (!x->target_agent && dispatch_plan(d, t->category_id, team ? team : t->team_id,
                                          t->owner_id, &plan))
        return OUTCOME_UNAVAILABLE;
    /* the reason is for colleagues: it goes on the internal assign entry */
    if (from != (int)to && move(d, t, &who, to, NULL, now))
        return OUTCOME_BAD_TRANSITION;
    if (ok(ticket_event(d, t->id, "assign", true, &who, "owner", "", name, x->text, now)))
        return OUTCOME_UNAVAILABLE;
    int rc = set_owner(d, t, x->target_agent, team, to, now);
    if (rc == OUTCOME_OK && !x->target_agent)
        rc = ok(dispatch_apply(d, t->id, ticket_status_code(to), &plan, now));
    return rc;
}

int ticket_assign(desk_t *d, const agent_t *a, long long id, long long version,
                  long long to_agent, long long to_team, const char *reason)
{
    if (blank(reason))
        return OUTCOME_REASON_REQUIRED;
    action_t x = {.a = a, .target_agent = to_agent, .target_team = to_team, .text = reason};
    return ticket_with_locked(d, id, version, apply_assign, &x);
}

static int apply_hand_back(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    action_t *x = arg;
    actor_t who = actor_of(x->a);
    dispatch_plan_t plan;
    if (t->owner_id != x->a->id)
        return OUTCOME_FORBIDDEN;
    /* re-dispatched in its team, to anyone but the one handing it back */
    if (dispatch_plan(d, t->category_id, t->team_id, x->a->id, &plan))
        return OUTCOME_UNAVAILABLE;
    if (move(d, t, &who, TS_CLASSIFIED, NULL, now))
        return OUTCOME_BAD_TRANSITION;
    if (ok(ticket_event(d, t->id, "hand_back", true, &who, "owner", x->a->name, "", x->text,
                        now)))
        return OUTCOME_UNAVAILABLE;
    int rc = set_owner(d, t, 0, 0, TS_CLASSIFIED, now);
    return rc == OUTCOME_OK ? ok(dispatch_apply(d, t->id, "classified", &plan, now)) : rc;
}

int ticket_hand_back(desk_t *d, const agent_t *a, long long id, long long version,
                     const char *reason)
{
    if (blank(reason))
        return OUTCOME_REASON_REQUIRED;
    action_t x = {.a = a, .text = reason};
    return ticket_with_locked(d, id, version, apply_hand_back, &x);
}

static int apply_message(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    action_t *x = arg;
    actor_t who = actor_of(x->a);
    bool internal = x->flag;
    if (internal ? !ticket_visible_to(d, x->a, t) : !ticket_workable_by(d, x->a, t))
        return OUTCOME_FORBIDDEN;
    if (ok(ticket_event(d, t->id, internal ? "note" : "reply", internal, &who, NULL, NULL, NULL,
                        x->text, now)))
        return OUTCOME_UNAVAILABLE;
    long long event = (long long)d->db.last_id;
    if (attachment_link(d, t->id, event, "agent", x->files) ||
        time_spent_record(d, t->id, event, x->a->id, x->minutes, now))
        return OUTCOME_UNAVAILABLE;
    if (!internal && notify_customer_reply(d, t->id, event, x->text))
        return OUTCOME_UNAVAILABLE;
    if (internal)
        return ok(db_exec(&d->db, sql_touch, "ti", now, t->id));
    const priority_t *p = catalog_priority_by_id(&d->catalog, t->priority_id);
    priority_t targets; /* with the ticket's SLA policy (update cadence, calendar) */
    time_t next = p && !sla_ticket_targets(d, t->id, p, &targets)
                      ? sla_next_update(d, &targets, now) : 0;
    return ok(db_exec(&d->db, sql_first_response, "ttti", now, next, now, t->id));
}

int ticket_agent_message(desk_t *d, const agent_t *a, long long id, long long version,
                         const char *body, bool internal, const uploads_t *files)
{
    return ticket_agent_message_spent(d, a, id, version, body, internal, files, 0);
}

int ticket_agent_message_spent(desk_t *d, const agent_t *a, long long id, long long version,
                               const char *body, bool internal, const uploads_t *files,
                               int minutes)
{
    if (blank(body) || minutes < 0 || minutes > TIME_SPENT_MAX)
        return OUTCOME_INVALID;
    action_t x = {.a = a, .text = body, .flag = internal, .files = files, .minutes = minutes};
    return ticket_with_locked(d, id, version, apply_message, &x);
}

/* A status set by hand: the workflow's step, unless the step has a form of
 * its own (a proposal, the customer's confirmation, an owner change). */
static int hand_move(desk_t *d, ticket_t *t, const actor_t *who, ticket_status_t to,
                     const char *reason, time_t now)
{
    int from = ticket_status_parse(t->status);
    if (from < 0 || !ticket_agent_may_move((ticket_status_t)from, to))
        return OUTCOME_BAD_TRANSITION;
    return move(d, t, who, to, reason, now);
}

static int apply_reply(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    action_t *x = arg;
    actor_t who = actor_of(x->a);
    int rc = apply_message(d, t, arg, now);
    return rc == OUTCOME_OK ? hand_move(d, t, &who, x->to, NULL, now) : rc;
}

int ticket_agent_reply(desk_t *d, const agent_t *a, long long id, long long version,
                       const char *body, const uploads_t *files, int to)
{
    return ticket_agent_reply_spent(d, a, id, version, body, files, to, 0);
}

int ticket_agent_reply_spent(desk_t *d, const agent_t *a, long long id, long long version,
                             const char *body, const uploads_t *files, int to, int minutes)
{
    if (to < 0)
        return ticket_agent_message_spent(d, a, id, version, body, false, files, minutes);
    if (blank(body) || to >= TS_COUNT || minutes < 0 || minutes > TIME_SPENT_MAX)
        return OUTCOME_INVALID;
    action_t x = {.a = a, .text = body, .files = files, .to = (ticket_status_t)to,
                  .minutes = minutes};
    return ticket_with_locked(d, id, version, apply_reply, &x);
}

static const char *const finding_kinds[] = {"fault_code",     "error_log",        "reproduction",
                                            "operation_path", "knowledge_gap",
                                            "course_of_events", "responsible_party", NULL};

bool ticket_finding_kind_valid(const char *kind)
{
    for (int i = 0; kind && finding_kinds[i]; i++)
        if (strcmp(kind, finding_kinds[i]) == 0)
            return true;
    return false;
}

static int apply_finding(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    action_t *x = arg;
    actor_t who = actor_of(x->a);
    if (!ticket_workable_by(d, x->a, t))
        return OUTCOME_FORBIDDEN;
    if (ok(ticket_event(d, t->id, "finding", true, &who, x->kind, NULL, NULL, x->text, now)))
        return OUTCOME_UNAVAILABLE;
    return ok(db_exec(&d->db, sql_touch, "ti", now, t->id));
}

int ticket_add_finding(desk_t *d, const agent_t *a, long long id, long long version,
                       const char *kind, const char *text)
{
    if (!ticket_finding_kind_valid(kind) || blank(text))
        return OUTCOME_INVALID;
    action_t x = {.a = a, .kind = kind, .text = text};
    return ticket_with_locked(d, id, version, apply_finding, &x);
}

static int apply_collab(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    action_t *x = arg;
    actor_t who = actor_of(x->a);
    char name[401] = "";
    if (t->owner_id != x->a->id && !agent_is_supervisor(x->a))
        return OUTCOME_FORBIDDEN;
    if (db_row(&d->db, sql_agent_active, "i", "s", x->target_agent, name, sizeof name) != 1)
        return OUTCOME_NO_SUCH_AGENT;
    if (x->target_agent == t->owner_id)
        return OUTCOME_INVALID;
    int rc = x->flag ? db_exec(&d->db, sql_add_collab, "iist", t->id, x->target_agent, x->text,
                               now)
                     : db_exec(&d->db, sql_remove_collab, "ii", t->id, x->target_agent);
    if (rc < 0 || ok(ticket_event(d, t->id, x->flag ? "collaborator_added" : "collaborator_removed",
                                  true, &who, "collaborator", x->flag ? "" : name,
                                  x->flag ? name : "", x->text, now)))
        return OUTCOME_UNAVAILABLE;
    return ok(db_exec(&d->db, sql_touch, "ti", now, t->id));
}

int ticket_add_collaborator(desk_t *d, const agent_t *a, long long id, long long version,
                            long long agent_id, const char *role)
{
    if (blank(role))
        return OUTCOME_REASON_REQUIRED;
    action_t x = {.a = a, .target_agent = agent_id, .text = role, .flag = true};
    return ticket_with_locked(d, id, version, apply_collab, &x);
}

int ticket_each_collaborator(desk_t *d, long long id,
                             void (*fn)(long long agent_id, const char *name, const char *role,
                                        void *ctx),
                             void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_collaborators, "i", id);
    if (!st)
        return -1;
    long long agent;
    char name[401], role[401]; /* VARCHAR(100) each, in utf8mb4 */
    int n = 0, rc;
    while ((rc = db_fetch(st, "iss", &agent, name, sizeof name, role, sizeof role)) == 1) {
        fn(agent, name, role, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int ticket_remove_collaborator(desk_t *d, const agent_t *a, long long id, long long version,
                               long long agent_id)
{
    action_t x = {.a = a, .target_agent = agent_id, .flag = false};
    return ticket_with_locked(d, id, version, apply_collab, &x);
}

static int apply_status_change(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    action_t *x = arg;
    actor_t who = actor_of(x->a);
    if (!ticket_workable_by(d, x->a, t))
        return OUTCOME_FORBIDDEN;
    return hand_move(d, t, &who, x->to, x->text, now);
}

int ticket_change_status(desk_t *d, const agent_t *a, long long id, long long version,
                         ticket_status_t to, const char *reason)
{
    action_t x = {.a = a, .to = to, .text = reason};
    return ticket_with_locked(d, id, version, apply_status_change, &x);
}

static int apply_classify(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    action_t *x = arg;
    actor_t who = actor_of(x->a);
    if (!ticket_classifiable_by(d, x->a, t))
        return OUTCOME_FORBIDDEN;
    const category_t *old = catalog_category_by_id(&d->catalog, t->category_id);
    if (!x->cat->active && x->cat != old) /* deactivated: kept by old tickets, given to none */
        return OUTCOME_INVALID;
    if (strcmp(t->status, "new") == 0 &&
        ok(ticket_event(d, t->id, "status", false, &who, "status", "new", "classified", NULL, now)))
        return OUTCOME_UNAVAILABLE;
    if (old != x->cat && ok(ticket_event(d, t->id, "classify", false, &who, "category",
                                         old ? old->code : "", x->cat->code, NULL, now)))
        return OUTCOME_UNAVAILABLE;
    long long team = 0; /* a new category goes to its team under the routing rules */
    if (old != x->cat && dispatch_team_for(d, x->cat->id, &team))
        return OUTCOME_UNAVAILABLE;
    if (ok(db_exec(&d->db, sql_classify, "ijsti", x->cat->id, team, x->kind, now, t->id)))
        return OUTCOME_UNAVAILABLE;
    return old != x->cat && workaround_clock_refresh(d, t->id) ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
}

const char *const ticket_natures[] = {"functional", "performance", "compatibility", "usage",
                                     "question", NULL};

bool ticket_nature_valid(const char *nature)
{
    for (int i = 0; nature && ticket_natures[i]; i++)
        if (strcmp(nature, ticket_natures[i]) == 0)
            return true;
    return false;
}

int ticket_classify(desk_t *d, const agent_t *a, long long id, long long version,
                    const category_t *cat, const char *nature)
{
    if (!cat || (nature && !ticket_nature_valid(nature)))
        return OUTCOME_INVALID;
    action_t x = {.a = a, .cat = cat, .kind = nature};
    return ticket_with_locked(d, id, version, apply_classify, &x);
}

typedef struct reveal {
    const agent_t *a;
    char *email, *phone;
    size_t ecap, pcap;
} reveal_t;

static int apply_reveal(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    reveal_t *x = arg;
    actor_t who = actor_of(x->a);
    if (!x->a->can_see_contacts || !ticket_visible_to(d, x->a, t))
        return OUTCOME_FORBIDDEN;
    if (ok(ticket_event(d, t->id, "contact_revealed", true, &who, "contact", NULL, NULL, NULL,
                        now)))
        return OUTCOME_UNAVAILABLE;
    return ticket_contacts(d, t->id, x->email, x->ecap, x->phone, x->pcap);
}

int ticket_reveal_contacts(desk_t *d, const agent_t *a, long long id, char *email, size_t ecap,
                           char *phone, size_t pcap)
{
    reveal_t x = {.a = a, .email = email, .phone = phone, .ecap = ecap, .pcap = pcap};
    return ticket_with_locked(d, id, 0, apply_reveal, &x);
}

static const char sql_recent_reveal[] =
    "SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND kind = 'contact_revealed'"
    " AND actor_agent_id = ? AND created_at >= ?";

int ticket_revealed_contacts(desk_t *d, const agent_t *a, long long id, char *email,
                             size_t ecap, char *phone, size_t pcap)
{
    long shown = config_get_seconds(&d->cfg, CFG_CONTACTS_SHOW_MINUTES);
    long long n = 0;
    if (!a->can_see_contacts)
        return OUTCOME_NOT_FOUND;
    int rc = db_row(&d->db, sql_recent_reveal, "iit", "i", id, a->id,
                    desk_now(d) - shown, &n);
    if (rc < 0)
        return OUTCOME_UNAVAILABLE;
    return n > 0 ? ticket_contacts(d, id, email, ecap, phone, pcap) : OUTCOME_NOT_FOUND;
}

static const char sql_set_escalation_due[] =
    "UPDATE tickets SET escalation_due_at = ?, version = version + 1, updated_at = ? WHERE id = ?";

typedef struct escalate_args {
    const agent_t *a;
    const char *reason, *impact;
    long long team;
    time_t expected;
} escalate_args_t;

static int apply_escalate(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    escalate_args_t *x = arg;
    actor_t who = actor_of(x->a);
    if (!ticket_workable_by(d, x->a, t))
        return OUTCOME_FORBIDDEN;
    const priority_t *p = catalog_priority_by_id(&d->catalog, t->priority_id);
    const bizcal_t *c = p ? catalog_calendar(&d->catalog, p->calendar_id) : NULL;
    long minutes = config_get_int(&d->cfg, CFG_SLA_ESCALATION_MINUTES);
    time_t due = c ? bizclock_due(c, now, minutes) : now + minutes * 60;
    long long id;
    if (due <= 0 ||
        (id = escalation_add(d, t->id, x->a->id, x->team, x->reason, x->impact, x->expected,
                             due, now)) < 0 ||
        ok(ticket_event(d, t->id, "escalation", true, &who, "escalation", NULL, NULL, x->reason,
                        now)) ||
        ok(ticket_event(d, t->id, "escalated", false, &who, NULL, NULL, NULL, NULL, now)) ||
        notify_escalation(d, t->id, id, x->team, due))
        return OUTCOME_UNAVAILABLE;
    return ok(db_exec(&d->db, sql_set_escalation_due, "tti", due, now, t->id));
}

int ticket_escalate(desk_t *d, const agent_t *a, long long id, long long version,
                    const char *reason, const char *impact, time_t expected, long long team)
{
    if (blank(reason) || blank(impact))
        return OUTCOME_REASON_REQUIRED;
    if (!team)
        team = escalation_default_team(d);
    else if (!escalation_team_ok(d, team))
        return OUTCOME_INVALID;
    escalate_args_t x = {.a = a, .reason = reason, .impact = impact, .team = team,
                         .expected = expected};
    return ticket_with_locked(d, id, version, apply_escalate, &x);
}

/* Whether a may answer the ticket's open escalation: a member of the team
 * it went to, or a supervisor. */
static bool may_answer(const agent_t *a, long long team)
{
    return agent_is_supervisor(a) || (team && agent_in_team(a, team));
}

static int apply_answer(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    escalate_args_t *x = arg;
    actor_t who = actor_of(x->a);
    escalation_t e;
    int found = escalation_latest(d, t->id, &e);
    if (found < 0)
        return OUTCOME_UNAVAILABLE;
    bool open = found == 1 && !e.answered_at;
    long long team = e.team_id;
    if (found == 1)
        escalation_free(&e);
    if (!open)
        return OUTCOME_BAD_TRANSITION; /* nothing escalated, or already answered */
    if (!may_answer(x->a, team))
        return OUTCOME_FORBIDDEN;
    int rc = escalation_answer_open(d, t->id, x->a->id, x->reason, now);
    if (rc == 0)
        return OUTCOME_BAD_TRANSITION;
    if (rc < 0 || ok(ticket_event(d, t->id, "escalation_answer", true, &who, "escalation", NULL,
                                  NULL, x->reason, now)))
        return OUTCOME_UNAVAILABLE;
    return ok(db_exec(&d->db, sql_set_escalation_due, "tti", (time_t)0, now, t->id));
}

int ticket_answer_escalation(desk_t *d, const agent_t *a, long long id, long long version,
                             const char *plan)
{
    if (blank(plan))
        return OUTCOME_REASON_REQUIRED;
    escalate_args_t x = {.a = a, .reason = plan};
    return ticket_with_locked(d, id, version, apply_answer, &x);
}

typedef struct workaround_args {
    const agent_t *a;
    const char *measures, *compensation;
    time_t fix_expected;
} workaround_args_t;

/* The workaround as the customer reads it, labelled in their language. */
static char *workaround_text(desk_t *d, const ticket_t *t, const workaround_args_t *x)
{
    lang_t l = lang_parse(t->language);
    char when[32] = "", *out = NULL;
    struct tm tm;
    if (x->fix_expected)
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime_r(&x->fix_expected, &tm));
    bool comp = x->compensation && *x->compensation;
    if (asprintf(&out, "%s\n%s:\n%s%s%s%s%s\n%s: %s", texts_get(&d->texts, l, "Workaround.Intro"),
                 texts_get(&d->texts, l, "Workaround.Measures"), x->measures,
                 comp ? "\n" : "", comp ? texts_get(&d->texts, l, "Workaround.Compensation") : "",
                 comp ? ":\n" : "", comp ? x->compensation : "",
                 texts_get(&d->texts, l, "Workaround.FixExpected"),
                 *when ? when : texts_get(&d->texts, l, "Workaround.FixUnknown")) < 0)
        return NULL;
    return out;
}

static int apply_workaround(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    workaround_args_t *x = arg;
    actor_t who = actor_of(x->a);
    if (!ticket_workable_by(d, x->a, t))
        return OUTCOME_FORBIDDEN;
    int st = ticket_status_parse(t->status);
    if (st < 0 || ticket_status_done((ticket_status_t)st))
        return OUTCOME_BAD_TRANSITION;
    char *text = workaround_text(d, t, x);
    if (!text)
        return OUTCOME_UNAVAILABLE;
    /* the event says whether the clock was met: "met", "missed", or nothing
     * when the ticket had no clock running */
    static const char *const met_code[] = {"missed", "met"};
    time_t due, sent;
    int met = -1, rc = workaround_clock(d, t->id, &due, &sent) ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
    if (rc == OUTCOME_OK && due && !sent)
        met = now <= due;
    if (rc == OUTCOME_OK)
        rc = ok(ticket_event(d, t->id, "workaround", false, &who, "workaround", NULL,
                             met >= 0 ? met_code[met] : NULL, text, now));
    long long event = (long long)d->db.last_id;
    if (rc == OUTCOME_OK &&
        (workaround_record(d, t->id, x->a->id, event, x->measures, x->compensation,
                           x->fix_expected, now, &met) < 0 ||
         notify_customer_reply(d, t->id, event, text)))
        rc = OUTCOME_UNAVAILABLE;
    free(text);
    if (rc != OUTCOME_OK)
        return rc;
    /* a workaround answers the customer like a reply does */
    const priority_t *p = catalog_priority_by_id(&d->catalog, t->priority_id);
    priority_t targets;
    time_t next = p && !sla_ticket_targets(d, t->id, p, &targets)
                      ? sla_next_update(d, &targets, now) : 0;
    return ok(db_exec(&d->db, sql_first_response, "ttti", now, next, now, t->id));
}

int ticket_send_workaround(desk_t *d, const agent_t *a, long long id, long long version,
                           const char *measures, const char *compensation, time_t fix_expected)
{
    if (blank(measures))
        return OUTCOME_INVALID;
    workaround_args_t x = {.a = a, .measures = measures, .compensation = compensation,
                           .fix_expected = fix_expected};
    return ticket_with_locked(d, id, version, apply_workaround, &x);
}

static const char sql_new_solution[] =
    "INSERT INTO ticket_solutions (ticket_id, proposed_by, delivery, steps, expected, risks,"
    " proposal_text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_pending_solution[] =
    "SELECT id, proposal_text FROM ticket_solutions WHERE ticket_id = ? AND state = 'pending'"
    " ORDER BY id DESC LIMIT 1";
static const char sql_confirm_solution[] =
    "UPDATE ticket_solutions SET state = 'confirmed', confirmed_name = ?, confirmed_ip = ?,"
    " confirmed_at = ?, confirmed_text = proposal_text WHERE id = ? AND state = 'pending'";
static const char sql_record_confirmation[] =
    "UPDATE ticket_solutions SET state = 'confirmed', confirmed_name = ?, confirmed_ip = '',"
    " confirmed_at = ?, confirmed_text = proposal_text, confirmed_via = ?, recorded_by = ?"
    " WHERE id = ? AND state = 'pending'";
static const char sql_question_solution[] =
    "UPDATE ticket_solutions SET state = 'questioned' WHERE id = ? AND state = 'pending'";

typedef struct proposal {
    const agent_t *a;
    const char *delivery, *steps, *expected, *risks, *name, *ip, *question;
} proposal_t;

/* The proposal as the customer reads it, labelled in their language. */
static char *proposal_text(desk_t *d, const ticket_t *t, const proposal_t *x)
{
    lang_t l = lang_parse(t->language);
    char key[64];
    snprintf(key, sizeof key, "Solution.Delivery.%s", x->delivery);
    char *out = NULL;
    if (asprintf(&out, "%s: %s\n%s:\n%s\n%s:\n%s\n%s:\n%s",
                 texts_get(&d->texts, l, "Solution.DeliveryLabel"), texts_get(&d->texts, l, key),
                 texts_get(&d->texts, l, "Solution.Steps"), x->steps,
                 texts_get(&d->texts, l, "Solution.Expected"), x->expected,
                 texts_get(&d->texts, l, "Solution.Risks"), x->risks) < 0)
        return NULL;
    return out;
}

static int apply_propose(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    proposal_t *x = arg;
    actor_t who = actor_of(x->a);
    if (!ticket_workable_by(d, x->a, t))
        return OUTCOME_FORBIDDEN;
    char *text = proposal_text(d, t, x);
    if (!text)
        return OUTCOME_UNAVAILABLE;
    int rc = move(d, t, &who, TS_SOLUTION_PROPOSED, NULL, now);
    if (rc == OUTCOME_OK &&
        (db_exec(&d->db, sql_new_solution, "iisssss" "t", t->id, x->a->id, x->delivery, x->steps,
                 x->expected, x->risks, text, now) < 0 ||
         ok(ticket_event(d, t->id, "solution", false, &who, NULL, NULL, NULL, text, now)) ||
         notify_solution(d, t->id, (long long)d->db.last_id, text)))
        rc = OUTCOME_UNAVAILABLE;
    free(text);
    return rc;
}

int ticket_propose_solution(desk_t *d, const agent_t *a, long long id, long long version,
                            const char *delivery, const char *steps, const char *expected,
                            const char *risks)
{
    static const char *const ways[] = {"remote", "onsite", "documentation", "patch", NULL};
    bool known = false;
    for (int i = 0; delivery && ways[i]; i++)
        known |= !strcmp(delivery, ways[i]);
    if (!known || blank(steps) || blank(expected) || blank(risks))
        return OUTCOME_INVALID;
    proposal_t x = {.a = a, .delivery = delivery, .steps = steps, .expected = expected,
                    .risks = risks};
    return ticket_with_locked(d, id, version, apply_propose, &x);
}

static int apply_customer_answer(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    proposal_t *x = arg;
    long long sid = 0;
    char *text = NULL;
    actor_t who = {.type = "customer", .name = x->name};
    int rc = db_row(&d->db, sql_pending_solution, "i", "iS", t->id, &sid, &text);
    free(text);
    if (rc != 1 || strcmp(t->status, "solution_proposed") != 0)
        return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_BAD_TRANSITION;
    if (x->question) {
        if (db_exec(&d->db, sql_question_solution, "i", sid) != 1 ||
            ok(ticket_event(d, t->id, "comment", false, &who, NULL, NULL, NULL, x->question, now)))
            return OUTCOME_UNAVAILABLE;
        return move(d, t, &who, TS_IN_PROGRESS, NULL, now);
    }
    if (db_exec(&d->db, sql_confirm_solution, "ssti", x->name, x->ip, now, sid) != 1 ||
        ok(ticket_event(d, t->id, "solution_confirmed", false, &who, "confirmed_by", NULL,
                        x->name, NULL, now)))
        return OUTCOME_UNAVAILABLE;
    return move(d, t, &who, TS_IN_EXECUTION, NULL, now);
}

int ticket_confirm_solution(desk_t *d, long long id, const char *name, const char *ip)
{
    if (blank(name))
        return OUTCOME_INVALID;
    proposal_t x = {.name = name, .ip = ip ? ip : ""};
    return ticket_with_locked(d, id, 0, apply_customer_answer, &x);
}

typedef struct received {
    const agent_t *a;
    const char *via, *name, *note, *serial;
    const uploads_t *files;
    int minutes; /* a work step's time spent, 0: not given */
} received_t;

static int apply_received(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    received_t *x = arg;
    actor_t who = actor_of(x->a);
    long long sid = 0;
    char *text = NULL;
    if (!ticket_workable_by(d, x->a, t))
        return OUTCOME_FORBIDDEN;
    int rc = db_row(&d->db, sql_pending_solution, "i", "iS", t->id, &sid, &text);
    free(text);
    if (rc != 1 || strcmp(t->status, "solution_proposed") != 0)
        return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_BAD_TRANSITION;
    if (db_exec(&d->db, sql_record_confirmation, "stsii", x->name, now, x->via, x->a->id, sid) != 1 ||
        ok(ticket_event(d, t->id, "solution_confirmed", false, &who, "confirmed_via", x->name,
                        x->via, x->note, now)) ||
        attachment_link(d, t->id, (long long)d->db.last_id, "agent", x->files))
        return OUTCOME_UNAVAILABLE;
    return move(d, t, &who, TS_IN_EXECUTION, NULL, now);
}

int ticket_record_confirmation(desk_t *d, const agent_t *a, long long id, long long version,
                               const char *via, const char *name, const char *note,
                               const uploads_t *files)
{
    static const char *const ways[] = {"email", "signature", "phone", NULL};
    bool known = false;
    for (int i = 0; via && ways[i]; i++)
        known |= !strcmp(via, ways[i]);
    if (!known || blank(name))
        return OUTCOME_INVALID;
    /* a written confirmation comes with its copy; a call is noted in words */
    if (strcmp(via, "phone") != 0 ? !files || files->n == 0 : blank(note))
        return OUTCOME_EVIDENCE_REQUIRED;
    received_t x = {.a = a, .via = via, .name = name, .note = note, .files = files};
    return ticket_with_locked(d, id, version, apply_received, &x);
}

int ticket_question_solution(desk_t *d, long long id, const char *name, const char *question)
{
    if (blank(question))
        return OUTCOME_INVALID;
    proposal_t x = {.name = name, .question = question};
    return ticket_with_locked(d, id, 0, apply_customer_answer, &x);
}

static int apply_close_request(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    received_t *x = arg;
    actor_t who = {.type = "customer", .name = x->name};
    if (!strcmp(t->status, "resolved") || !strcmp(t->status, "closed"))
        return OUTCOME_BAD_TRANSITION;
    if (ok(ticket_event(d, t->id, "close_requested", false, &who, NULL, NULL, NULL, x->note,
                        now)))
        return OUTCOME_UNAVAILABLE;
    return ok(db_exec(&d->db, sql_touch, "ti", now, t->id));
}

int ticket_request_close(desk_t *d, long long id, const char *name, const char *reason)
{
    received_t x = {.name = name, .note = reason};
    return ticket_with_locked(d, id, 0, apply_close_request, &x);
}

int ticket_pending_solution(desk_t *d, long long id, char **text)
{
    long long sid;
    *text = NULL;
    int rc = db_row(&d->db, sql_pending_solution, "i", "iS", id, &sid, text);
    return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
}

static const char sql_form_facts[] =
    "SELECT t.subject, t.description, t.language,"
    " COALESCE((SELECT confirmed_text FROM ticket_solutions WHERE ticket_id = t.id AND"
    " state = 'confirmed' ORDER BY id DESC LIMIT 1), ''),"
    " COALESCE((SELECT body FROM ticket_events WHERE ticket_id = t.id AND kind = 'status'"
    " AND new_value = 'resolved' ORDER BY id DESC LIMIT 1), '') FROM tickets t WHERE t.id = ?";
static const char sql_sign[] =
    "INSERT INTO ticket_acceptances (ticket_id, form_text, form_json, result, remarks,"
    " signed_name, signed_ip, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

static const char sql_work_steps[] =
    "SELECT field, old_value, new_value, body FROM ticket_events"
    " WHERE ticket_id = ? AND kind = 'work' ORDER BY id";

static const char *const work_kinds[] = {"part_replaced", "backup", "upgrade", "step", NULL};

/* The resolution note followed by the logged steps, one line each, with
 * the serial numbers of replaced parts. malloc'd, or NULL on error. */
static char *work_done(desk_t *d, long long id, lang_t l, const char *note)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    MYSQL_STMT *st = f ? db_query(&d->db, sql_work_steps, "i", id) : NULL;
    if (!st) {
        if (f)
            fclose(f);
        free(out);
        return NULL;
    }
    fputs(note && *note ? note : "", f);
    char kind[41], old_serial[1021], new_serial[1021], key[64]; /* VARCHAR(255), utf8mb4 */
    char *body = NULL;
    while (db_fetch(st, "sssS", kind, sizeof kind, old_serial, sizeof old_serial, new_serial,
                    sizeof new_serial, &body) == 1) {
        snprintf(key, sizeof key, "Work.Kind.%s", kind);
        fprintf(f, "%s· %s: %s", ftell(f) ? "\n" : "", texts_get(&d->texts, l, key),
                body ? body : "");
        if (*old_serial || *new_serial)
            fprintf(f, " (%s %s → %s)", texts_get(&d->texts, l, "Work.Serial"),
                    *old_serial ? old_serial : "-", *new_serial ? new_serial : "-");
        free(body);
        body = NULL;
    }
    db_done(st);
    fclose(f);
    return out;
}

/* The form as the customer reads it, labelled in their language. */
static char *acceptance_text(desk_t *d, long long id)
{
    char subject[801], lang[3];
    char *description = NULL, *solution = NULL, *work = NULL, *out = NULL;
    if (db_row(&d->db, sql_form_facts, "i", "sSsSS", id, subject, sizeof subject, &description,
               lang, sizeof lang, &solution, &work) != 1)
        return NULL;
    lang_t l = lang_parse(lang);
    char *steps = work_done(d, id, l, work);
    free(work);
    work = steps;
    if (work && asprintf(&out, "%s: %s\n%s\n\n%s:\n%s\n\n%s:\n%s",
                 texts_get(&d->texts, l, "Acceptance.Problem"), subject,
                 description ? description : "", texts_get(&d->texts, l, "Acceptance.Solution"),
                 solution && *solution ? solution : "-", texts_get(&d->texts, l, "Acceptance.Work"),
                 work && *work ? work : "-") < 0)
        out = NULL;
    free(description);
    free(solution);
    free(work);
    return out;
}

static int apply_work(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    received_t *x = arg;
    actor_t who = actor_of(x->a);
    if (!ticket_workable_by(d, x->a, t))
        return OUTCOME_FORBIDDEN;
    if (!strcmp(t->status, "closed"))
        return OUTCOME_BAD_TRANSITION;
    if (ok(ticket_event(d, t->id, "work", false, &who, x->via, x->name, x->serial, x->note, now)) ||
        time_spent_record(d, t->id, (long long)d->db.last_id, x->a->id, x->minutes, now))
        return OUTCOME_UNAVAILABLE;
    return ok(db_exec(&d->db, sql_touch, "ti", now, t->id));
}

int ticket_log_work(desk_t *d, const agent_t *a, long long id, long long version,
                    const char *kind, const char *text, const char *old_serial,
                    const char *new_serial)
{
    return ticket_log_work_spent(d, a, id, version, kind, text, old_serial, new_serial, 0);
}

int ticket_log_work_spent(desk_t *d, const agent_t *a, long long id, long long version,
                          const char *kind, const char *text, const char *old_serial,
                          const char *new_serial, int minutes)
{
    bool known = false;
    for (int i = 0; kind && work_kinds[i]; i++)
        known |= !strcmp(kind, work_kinds[i]);
    if (!known || blank(text) || minutes < 0 || minutes > TIME_SPENT_MAX)
        return OUTCOME_INVALID;
    received_t x = {.a = a, .via = kind, .note = text, .name = old_serial, .serial = new_serial,
                    .minutes = minutes};
    return ticket_with_locked(d, id, version, apply_work, &x);
}

typedef struct signature {
    bool accepted;
    const char *remarks, *name, *ip;
} signature_t;

static int apply_sign(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    signature_t *x = arg;
    actor_t who = {.type = "customer", .name = x->name};
    if (strcmp(t->status, "resolved") != 0)
        return OUTCOME_BAD_TRANSITION;
    char *form = acceptance_text(d, t->id);
    json_t *facts = form ? ticket_acceptance_doc(d, t->id) : NULL;
    char *doc = facts ? json_dumps(facts, JSON_COMPACT) : NULL;
    json_decref(facts);
    int rc = doc ? db_exec(&d->db, sql_sign, "isssssst", t->id, form, doc,
                           x->accepted ? "accepted" : "rejected", x->remarks, x->name, x->ip, now)
                 : OUTCOME_UNAVAILABLE;
    free(form);
    free(doc);
    if (rc < 0 || ok(ticket_event(d, t->id, x->accepted ? "acceptance_signed" : "reopen", false,
                                  &who, "signed_by", NULL, x->name, x->remarks, now)))
        return OUTCOME_UNAVAILABLE;
    return move(d, t, &who, x->accepted ? TS_CLOSED : TS_IN_PROGRESS, NULL, now);
}

int ticket_sign_acceptance(desk_t *d, long long id, bool accepted, const char *remarks,
                           const char *name, const char *ip)
{
    if (blank(name) || (!accepted && blank(remarks)))
        return OUTCOME_INVALID;
    signature_t x = {.accepted = accepted, .remarks = remarks, .name = name, .ip = ip ? ip : ""};
    return ticket_with_locked(d, id, 0, apply_sign, &x);
}

static const char sql_signed[] =
    "SELECT form_text, form_json, result, remarks, signed_name, signed_at FROM ticket_acceptances"
    " WHERE ticket_id = ? ORDER BY id DESC LIMIT 1";

int ticket_signed_acceptance(desk_t *d, long long id, acceptance_t *a)
{
    memset(a, 0, sizeof *a);
    return db_found(db_row(&d->db, sql_signed, "i", "SSsSst", id, &a->form, &a->doc, a->result,
                           sizeof a->result, &a->remarks, a->name, sizeof a->name,
                           &a->signed_at));
}

static const char sql_pending_count[] =
    "SELECT COUNT(*) FROM ticket_solutions WHERE ticket_id = ? AND state = 'pending'";
static const char sql_status_before[] =
    "SELECT old_value FROM ticket_events WHERE ticket_id = ? AND kind = 'status'"
    " ORDER BY id DESC LIMIT 1";

int ticket_situation(desk_t *d, const agent_t *a, const ticket_t *t, ticket_situation_t *s)
{
    int st = ticket_status_parse(t->status);
    long long pending = 0;
    char before[24] = "";
    escalation_t e;
    if (st < 0)
        return OUTCOME_INVALID;
    *s = (ticket_situation_t){
        .status = (ticket_status_t)st,
        .can_work = ticket_workable_by(d, a, t),
        .can_claim = !t->owner_id && (agent_is_supervisor(a) || agent_in_team(a, t->team_id)),
        .can_accept = t->owner_id == a->id && st == TS_ASSIGNED,
        .mine = t->owner_id == a->id,
        .owned = t->owner_id != 0,
    };
    int answered = st == TS_CLOSED ? survey_answered(d, t->id) : 0;
    int found = escalation_latest(d, t->id, &e);
    if (found < 0 || db_row(&d->db, sql_pending_count, "i", "i", t->id, &pending) < 0 ||
        db_row(&d->db, sql_status_before, "i", "s", t->id, before, sizeof before) < 0 ||
        answered < 0) {
        if (found == 1)
            escalation_free(&e);
        return OUTCOME_UNAVAILABLE;
    }
    s->before = ticket_status_parse(before);
    s->escalation_open = found == 1 && !e.answered_at;
    s->escalation_due = s->escalation_open ? e.answer_due_at : 0;
    s->can_answer_escalation = s->escalation_open && may_answer(a, e.team_id);
    if (found == 1)
        escalation_free(&e);
    s->proposal_pending = pending > 0;
    s->survey_answered = answered == 1;
    return OUTCOME_OK;
}
