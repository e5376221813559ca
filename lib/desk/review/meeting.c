/* meeting: see meeting.h. */
#include "desk/review/meeting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "desk/people/people.h"
#include "desk/review/problem.h"

const char *const meeting_kinds[] = {"review", "weekly", "drill", NULL};

static const char sql_insert[] =
    "INSERT INTO review_meetings (kind, title, starts_at, duration_minutes, location, agenda,"
    " organiser_id, calendar_id, earliest_at, override_reason, override_by, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_add_attendee[] =
    "INSERT INTO review_meeting_attendees (meeting_id, agent_id) VALUES (?, ?)";
static const char sql_add_team[] =
    "INSERT INTO review_meeting_teams (meeting_id, team_id) VALUES (?, ?)";
static const char sql_team_ok[] = "SELECT COUNT(*) FROM teams WHERE id = ? AND active = 1";
static const char sql_teams[] =
    "SELECT t.id, IF(? = 'en', t.name_en, t.name_zh) FROM review_meeting_teams mt"
    " JOIN teams t ON t.id = mt.team_id WHERE mt.meeting_id = ? ORDER BY t.id";
/* everyone invited, in person or as a member of a department invited */
static const char sql_invitees[] =
    "SELECT agent_id FROM review_meeting_attendees WHERE meeting_id = ?"
    " UNION SELECT tm.agent_id FROM review_meeting_teams mt"
    " JOIN team_members tm ON tm.team_id = mt.team_id JOIN agents a ON a.id = tm.agent_id"
    " WHERE mt.meeting_id = ? AND a.active = 1 ORDER BY 1";
static const char sql_add_problem[] =
    "INSERT INTO review_meeting_problems (meeting_id, problem_id) VALUES (?, ?)";
static const char sql_add_event[] = "INSERT INTO review_meeting_events"
                                    " (meeting_id, at, agent_id, kind, changes) VALUES (?, ?, ?, ?, ?)";
static const char sql_get[] =
    "SELECT m.id, m.kind, m.status, m.title, m.location, m.agenda, m.starts_at,"
    " m.duration_minutes, m.organiser_id, a.name, m.calendar_id, m.earliest_at,"
    " m.override_reason, COALESCE(m.override_by, 0), m.created_at, m.version"
    " FROM review_meetings m JOIN agents a ON a.id = m.organiser_id WHERE m.id = ?";
static const char sql_is_attendee[] =
    "SELECT (SELECT COUNT(*) FROM review_meeting_attendees WHERE meeting_id = ? AND agent_id = ?)"
    " + (SELECT COUNT(*) FROM review_meeting_teams mt JOIN team_members tm"
    " ON tm.team_id = mt.team_id WHERE mt.meeting_id = ? AND tm.agent_id = ?)";
static const char sql_attendees[] =
    "SELECT a.id, a.name,"
    " COALESCE(GROUP_CONCAT(IF(? = 'en', tm.name_en, tm.name_zh) ORDER BY tm.id SEPARATOR ', '),"
    " '') FROM review_meeting_attendees ma JOIN agents a ON a.id = ma.agent_id"
    " LEFT JOIN team_members m ON m.agent_id = a.id"
    " LEFT JOIN teams tm ON tm.id = m.team_id AND tm.active = 1"
    " WHERE ma.meeting_id = ? GROUP BY a.id, a.name ORDER BY a.name";
static const char sql_problems[] =
    "SELECT p.id, p.title, p.status FROM review_meeting_problems mp"
    " JOIN problems p ON p.id = mp.problem_id WHERE mp.meeting_id = ? ORDER BY p.id";
static const char sql_events[] =
    "SELECT e.at, a.name, e.kind FROM review_meeting_events e"
    " JOIN agents a ON a.id = e.agent_id WHERE e.meeting_id = ? ORDER BY e.id";
#define LIST_COLUMNS                                                                           \
    "SELECT m.id, m.kind, m.status, m.title, a.name, m.starts_at,"                             \
    " m.override_reason IS NOT NULL FROM review_meetings m"                                    \
    " JOIN agents a ON a.id = m.organiser_id "
static const char sql_list_all[] = LIST_COLUMNS "WHERE m.id < ? ORDER BY m.id DESC LIMIT ?";
/* organised by, or inviting, in person or with a department, agent ? */
#define MINE                                                                                   \
    " AND (m.organiser_id = ? OR EXISTS (SELECT 1 FROM review_meeting_attendees ma"            \
    " WHERE ma.meeting_id = m.id AND ma.agent_id = ?) OR EXISTS (SELECT 1 FROM"                \
    " review_meeting_teams mt JOIN team_members tm ON tm.team_id = mt.team_id"                 \
    " WHERE mt.meeting_id = m.id AND tm.agent_id = ?))"
static const char sql_list_mine[] =
    LIST_COLUMNS "WHERE m.id < ?" MINE " ORDER BY m.id DESC LIMIT ?";
static const char sql_problem_exists[] = "SELECT COUNT(*) FROM problems WHERE id = ?";

static const char *nz(const char *s) { return s ? s : ""; }

static bool is_manager(const agent_t *a)
{
    return a->role == ROLE_SUPERVISOR || a->role == ROLE_DIRECTOR || a->role == ROLE_ADMIN;
}

time_t meeting_earliest(const bizcal_t *cal, time_t now)
{
    time_t due = cal ? bizclock_workdays_due(cal, now, MEETING_LEAD_WORKDAYS) : -1;
    return due > 0 ? due - due % 60 : -1; /* starts are chosen to the minute */
}

int meeting_calendar(desk_t *d, long long organiser_id, const bizcal_t **cal,
                     long long *calendar_id)
{
    long long own = 0;
    int rc = people_calendar(d, organiser_id, &own);
    if (rc < 0)
        return rc;
    *calendar_id = own ? own : d->catalog.ncals ? d->catalog.cal_ids[0] : 0;
    *cal = catalog_calendar(&d->catalog, *calendar_id);
    if (!*cal && own && d->catalog.ncals) { /* their calendar was deactivated */
        *calendar_id = d->catalog.cal_ids[0];
        *cal = catalog_calendar(&d->catalog, *calendar_id);
    }
    return *cal ? OUTCOME_OK : OUTCOME_UNAVAILABLE;
}

static bool have(const long long *ids, int n, long long id)
{
    for (int i = 0; i < n; i++)
        if (ids[i] == id)
            return true;
    return false;
}

/* Attendees: active people, each once. */
static int read_attendees(desk_t *d, const char *list, long long *ids, int *n, refusal_t *r)
{
    char copy[1024], *save;
    snprintf(copy, sizeof copy, "%s", nz(list));
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        long long id = atoll(t);
        person_t p;
        int rc = id > 0 ? people_get(d, id, false, &p) : OUTCOME_NOT_FOUND;
        if (rc != OUTCOME_OK && rc != OUTCOME_NOT_FOUND)
            return rc;
        bool gone = rc == OUTCOME_NOT_FOUND || !p.active;
        if (gone || *n == MEETING_ATTENDEES_MAX) {
            refusal_add(r, "attendees", gone ? "unknown_person" : "too_many");
            break;
        }
        if (!have(ids, *n, id))
            ids[(*n)++] = id;
    }
    return OUTCOME_OK;
}

/* Departments invited as a whole: active teams, each once. */
static int read_teams(desk_t *d, const char *list, long long *ids, int *n, refusal_t *r)
{
    char copy[512], *save;
    snprintf(copy, sizeof copy, "%s", nz(list));
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        long long id = atoll(t), found = 0;
        int rc = id > 0 ? db_row(&d->db, sql_team_ok, "i", "i", id, &found) : 1;
        if (rc < 0)
            return rc;
        if (!found || *n == MEETING_TEAMS_MAX) {
            refusal_add(r, "teams", !found ? "invalid_choice" : "too_many");
            break;
        }
        if (!have(ids, *n, id))
            ids[(*n)++] = id;
    }
    return OUTCOME_OK;
}

/* Problem records by number or id, each existing, each once. */
static int read_problems(desk_t *d, const char *list, long long *ids, int *n, refusal_t *r)
{
    char copy[1024], *save;
    snprintf(copy, sizeof copy, "%s", nz(list));
    for (char *t = strtok_r(copy, " ,;\r\n\t", &save); t; t = strtok_r(NULL, " ,;\r\n\t", &save)) {
        long long id = problem_number_parse(t), found = 0;
        int rc = id ? db_row(&d->db, sql_problem_exists, "i", "i", id, &found) : 1;
        if (rc < 0)
            return rc;
        if (!found || *n == MEETING_PROBLEMS_MAX) {
            refusal_add(r, "problems", !found ? "unknown_problem" : "too_many");
            break;
        }
        if (!have(ids, *n, id))
            ids[(*n)++] = id;
    }
    return OUTCOME_OK;
}

/* The lead rule: refusals in r, *earliest set. */
static void check_start(desk_t *d, const agent_t *a, const meeting_content_t *c,
                        const bizcal_t *cal, time_t *earliest, refusal_t *r)
{
    time_t now = desk_now(d);
    *earliest = meeting_earliest(cal, now);
    bool reason = c->override_reason && *c->override_reason;
    if (reason && a->role != ROLE_DIRECTOR)
        refusal_add(r, "override_reason", "override_forbidden");
    if (!c->starts_at)
        refusal_add(r, "starts_at", "required");
    else if (c->starts_at <= now)
        refusal_add(r, "starts_at", "in_past");
    else if (*earliest < 0 || (c->starts_at < *earliest && !(reason && a->role == ROLE_DIRECTOR)))
        refusal_add(r, "starts_at", "too_soon");
}

static int record(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                  const char *title, const char *kind, json_t *changes)
{
    char *text = json_dumps(changes, JSON_COMPACT);
    if (!text)
        return OUTCOME_UNAVAILABLE;
    int rc = db_exec(&d->db, sql_add_event, "itiss", id, desk_now(d), a->id, kind, text);
    free(text);
    if (rc < 0)
        return rc;
    char key[24];
    snprintf(key, sizeof key, "%lld", id);
    return audit_record(d, who, "meeting", key, title, "create", changes);
}

static int write_teams(desk_t *d, long long id, const long long *teams, int nt)
{
    int rc = OUTCOME_OK;
    for (int i = 0; i < nt && rc >= 0; i++)
        rc = db_exec(&d->db, sql_add_team, "ii", id, teams[i]);
    return rc < 0 ? rc : OUTCOME_OK;
}

static int write_links(desk_t *d, long long id, const long long *people, int np,
                       const long long *problems, int nq)
{
    int rc = OUTCOME_OK;
    for (int i = 0; i < np && rc >= 0; i++)
        rc = db_exec(&d->db, sql_add_attendee, "ii", id, people[i]);
    for (int i = 0; i < nq && rc >= 0; i++)
        rc = db_exec(&d->db, sql_add_problem, "ii", id, problems[i]);
    return rc < 0 ? rc : OUTCOME_OK;
}

int meeting_create(desk_t *d, const agent_t *a, const audit_who_t *who,
                   const meeting_content_t *c, long long *id, time_t *earliest, refusal_t *r)
{
    *earliest = 0;
    if (!is_manager(a)) {
        refusal_add(r, "_form", "forbidden");
        return CHANGE_REFUSED;
    }
    const bizcal_t *cal = NULL;
    long long cal_id = 0, people[MEETING_ATTENDEES_MAX], problems[MEETING_PROBLEMS_MAX];
    long long teams[MEETING_TEAMS_MAX];
    int np = 0, nq = 0, nt = 0;
    int rc = meeting_calendar(d, a->id, &cal, &cal_id);
    if (rc != OUTCOME_OK)
        return rc;
    if (!c->title || !*c->title)
        refusal_add(r, "title", "required");
    bool kind_ok = false;
    for (int i = 0; meeting_kinds[i]; i++)
        kind_ok = kind_ok || (c->kind && strcmp(c->kind, meeting_kinds[i]) == 0);
    if (!kind_ok)
        refusal_add(r, "kind", "invalid_choice");
    check_start(d, a, c, cal, earliest, r);
    if ((rc = read_attendees(d, c->attendees, people, &np, r)) < 0 ||
        (rc = read_teams(d, c->teams, teams, &nt, r)) < 0 ||
        (rc = read_problems(d, c->problems, problems, &nq, r)) < 0)
        return rc;
    if (r->n)
        return CHANGE_REFUSED;
    bool early = c->starts_at < *earliest;
    rc = db_exec(&d->db, sql_insert, "sstissiitsjt", c->kind, c->title, c->starts_at,
                 c->duration_minutes > 0 ? c->duration_minutes : 60LL, nz(c->location),
                 nz(c->agenda), a->id, cal_id, *earliest, early ? c->override_reason : NULL,
                 early ? a->id : 0LL, desk_now(d));
    if (rc < 0)
        return rc;
    *id = (long long)d->db.last_id;
    if ((rc = write_links(d, *id, people, np, problems, nq)) != OUTCOME_OK ||
        (rc = write_teams(d, *id, teams, nt)) != OUTCOME_OK)
        return rc;
    json_t *ch = audit_changes();
    audit_str(ch, "kind", NULL, c->kind);
    audit_str(ch, "title", NULL, c->title);
    audit_int(ch, "starts_at", 0, (long long)c->starts_at);
    audit_str(ch, "agenda", NULL, c->agenda);
    audit_str(ch, "attendees", NULL, c->attendees);
    audit_str(ch, "teams", NULL, c->teams);
    audit_str(ch, "problems", NULL, c->problems);
    if (early)
        audit_str(ch, "override_reason", NULL, c->override_reason);
    rc = record(d, a, who, *id, c->title, "created", ch);
    json_decref(ch);
    return rc;
}

void meeting_free(meeting_t *m)
{
    free(m->agenda);
    free(m->override_reason);
    memset(m, 0, sizeof *m);
}

int meeting_get(desk_t *d, long long id, meeting_t *m)
{
    memset(m, 0, sizeof *m);
    int rc = db_row(&d->db, sql_get, "i", "issssStiisitSiti", id, &m->id, m->kind, sizeof m->kind,
                    m->status, sizeof m->status, m->title, sizeof m->title, m->location,
                    sizeof m->location, &m->agenda, &m->starts_at, &m->duration_minutes,
                    &m->organiser_id, m->organiser, sizeof m->organiser, &m->calendar_id,
                    &m->earliest_at, &m->override_reason, &m->override_by, &m->created_at,
                    &m->version);
    if (rc != 1)
        meeting_free(m);
    return db_found(rc);
}

int meeting_visible(desk_t *d, const agent_t *a, const meeting_t *m, bool *visible)
{
    long long n = 0;
    *visible = is_manager(a) || a->id == m->organiser_id;
    if (*visible)
        return OUTCOME_OK;
    int rc = db_row(&d->db, sql_is_attendee, "iiii", "i", m->id, a->id, m->id, a->id, &n);
    *visible = n > 0;
    return rc < 0 ? rc : OUTCOME_OK;
}

int meeting_each_attendee(desk_t *d, long long id, lang_t lang,
                          void (*fn)(long long person, const char *name, const char *teams,
                                     void *ctx),
                          void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_attendees, "si", lang_code(lang), id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long person = 0;
    char name[401], teams[1024];
    int n = 0, rc;
    while ((rc = db_fetch(st, "iss", &person, name, sizeof name, teams, sizeof teams)) == 1)
        fn(person, name, teams, ctx), n++;
    db_done(st);
    return rc < 0 ? rc : n;
}

int meeting_each_team(desk_t *d, long long id, lang_t lang,
                      void (*fn)(long long team, const char *name, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_teams, "si", lang_code(lang), id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long team = 0;
    char name[401];
    int n = 0, rc;
    while ((rc = db_fetch(st, "is", &team, name, sizeof name)) == 1)
        fn(team, name, ctx), n++;
    db_done(st);
    return rc < 0 ? rc : n;
}

int meeting_each_invitee(desk_t *d, long long id, void (*fn)(long long person, void *ctx),
                         void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_invitees, "ii", id, id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long person = 0;
    int n = 0, rc;
    while ((rc = db_fetch(st, "i", &person)) == 1)
        fn(person, ctx), n++;
    db_done(st);
    return rc < 0 ? rc : n;
}

int meeting_each_problem(desk_t *d, long long id,
                         void (*fn)(long long problem, const char *title, const char *status,
                                    void *ctx),
                         void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_problems, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long problem = 0;
    char title[801], status[16];
    int n = 0, rc;
    while ((rc = db_fetch(st, "iss", &problem, title, sizeof title, status, sizeof status)) == 1)
        fn(problem, title, status, ctx), n++;
    db_done(st);
    return rc < 0 ? rc : n;
}

int meeting_each_event(desk_t *d, long long id,
                       void (*fn)(time_t at, const char *who, const char *kind, void *ctx),
                       void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_events, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    time_t at = 0;
    char who[401], kind[24];
    int n = 0, rc;
    while ((rc = db_fetch(st, "tss", &at, who, sizeof who, kind, sizeof kind)) == 1)
        fn(at, who, kind, ctx), n++;
    db_done(st);
    return rc < 0 ? rc : n;
}

/* The rows of a meeting list query (sql_list_*), each handed to fn: their
 * number, or OUTCOME_UNAVAILABLE when the query failed. */
static int each_row(MYSQL_STMT *st, void (*fn)(const meeting_row_t *row, void *ctx), void *ctx)
{
    if (!st)
        return OUTCOME_UNAVAILABLE;
    meeting_row_t row;
    long long over = 0;
    int n = 0, rc;
    memset(&row, 0, sizeof row);
    while ((rc = db_fetch(st, "issssti", &row.id, row.kind, sizeof row.kind, row.status,
                          sizeof row.status, row.title, sizeof row.title, row.organiser,
                          sizeof row.organiser, &row.starts_at, &over)) == 1) {
        row.overridden = over != 0;
        fn(&row, ctx), n++;
    }
    db_done(st);
    return rc < 0 ? rc : n;
}

int meeting_list(desk_t *d, const agent_t *a, long long before, int limit,
                 void (*fn)(const meeting_row_t *row, void *ctx), void *ctx)
{
    long long below = before > 0 ? before : (long long)1 << 62;
    MYSQL_STMT *st = is_manager(a)
                         ? db_query(&d->db, sql_list_all, "ii", below, (long long)limit)
                         : db_query(&d->db, sql_list_mine, "iiiii", below, a->id, a->id,
                                    a->id, (long long)limit);
    return each_row(st, fn, ctx);
}

/* ---- after scheduling ---------------------------------------------------- */

const char *const meeting_statuses[] = {"scheduled", "held", "cancelled", NULL};

static const char sql_lock[] = "SELECT version FROM review_meetings WHERE id = ? FOR UPDATE";
static const char sql_update[] =
    "UPDATE review_meetings SET kind = ?, title = ?, starts_at = ?, duration_minutes = ?,"
    " location = ?, agenda = ?, earliest_at = ?, override_reason = ?, override_by = ?,"
    " ics_sequence = ics_sequence + 1, version = version + 1 WHERE id = ?";
static const char sql_set_cancelled[] =
    "UPDATE review_meetings SET status = 'cancelled', cancel_reason = ?,"
    " ics_sequence = ics_sequence + 1, version = version + 1 WHERE id = ?";
static const char sql_set_held[] =
    "UPDATE review_meetings SET status = 'held', version = version + 1 WHERE id = ?";
static const char sql_attendee_ids[] =
    "SELECT agent_id FROM review_meeting_attendees WHERE meeting_id = ? ORDER BY agent_id";
static const char sql_problem_ids[] =
    "SELECT problem_id FROM review_meeting_problems WHERE meeting_id = ? ORDER BY problem_id";
static const char sql_drop_attendee[] =
    "DELETE FROM review_meeting_attendees WHERE meeting_id = ? AND agent_id = ?";
static const char sql_drop_problems[] = "DELETE FROM review_meeting_problems WHERE meeting_id = ?";
static const char sql_team_ids[] =
    "SELECT team_id FROM review_meeting_teams WHERE meeting_id = ? ORDER BY team_id";
static const char sql_drop_teams[] = "DELETE FROM review_meeting_teams WHERE meeting_id = ?";
static const char sql_mail_state[] =
    "SELECT ics_sequence, COALESCE(cancel_reason, '') FROM review_meetings WHERE id = ?";
static const char sql_due_reminders[] =
    "SELECT id, starts_at FROM review_meetings FORCE INDEX (ix_meetings_status_starts)"
    " WHERE status = 'scheduled' AND starts_at > ? AND starts_at <= ?"
    " AND (reminded_for IS NULL OR reminded_for <> starts_at) ORDER BY starts_at, id LIMIT ?";
static const char sql_take_reminder[] =
    "UPDATE review_meetings SET reminded_for = starts_at WHERE id = ? AND status = 'scheduled'"
    " AND starts_at = ? AND (reminded_for IS NULL OR reminded_for <> starts_at)";
static const char sql_list_kind_all[] =
    LIST_COLUMNS "WHERE m.kind = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?";
static const char sql_list_kind_mine[] =
    LIST_COLUMNS "WHERE m.kind = ? AND m.id < ?" MINE " ORDER BY m.id DESC LIMIT ?";

bool meeting_may_change(const agent_t *a, const meeting_t *m)
{
    return a->id == m->organiser_id || a->role == ROLE_DIRECTOR || a->role == ROLE_ADMIN;
}

static int record_change(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                         const char *title, const char *kind, const char *action,
                         json_t *changes)
{
    char *text = json_dumps(changes, JSON_COMPACT);
    if (!text)
        return OUTCOME_UNAVAILABLE;
    int rc = db_exec(&d->db, sql_add_event, "itiss", id, desk_now(d), a->id, kind, text);
    free(text);
    if (rc < 0)
        return rc;
    char key[24];
    snprintf(key, sizeof key, "%lld", id);
    return audit_record(d, who, "meeting", key, title, action, changes);
}

/* Locks meeting id, loads it into m and checks that a may change it as it
 * stood at version while it is scheduled. OUTCOME_OK (m to free),
 * CHANGE_REFUSED (reasons in r, m freed) or a failure. */
static int open_change(desk_t *d, const agent_t *a, long long id, long long version, meeting_t *m,
                       refusal_t *r)
{
    long long current = 0;
    int rc = db_row(&d->db, sql_lock, "i", "i", id, &current);
    if (rc != 1)
        return rc < 0 ? rc : OUTCOME_NOT_FOUND;
    if ((rc = meeting_get(d, id, m)) != OUTCOME_OK)
        return rc;
    if (!meeting_may_change(a, m))
        refusal_add(r, "_form", "forbidden");
    else if (strcmp(m->status, "scheduled") != 0)
        refusal_add(r, "_form", "not_scheduled");
    else if (version != current)
        refusal_add(r, "_form", "stale");
    if (r->n) {
        meeting_free(m);
        return CHANGE_REFUSED;
    }
    return OUTCOME_OK;
}

static int read_ids(desk_t *d, const char *sql, long long id, long long *out, int max)
{
    MYSQL_STMT *st = db_query(&d->db, sql, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    int n = 0, rc;
    long long v = 0;
    while ((rc = db_fetch(st, "i", &v)) == 1)
        if (n < max)
            out[n++] = v;
    db_done(st);
    return rc < 0 ? rc : n;
}

static bool same_set(const long long *a, int na, const long long *b, int nb)
{
    if (na != nb)
        return false;
    for (int i = 0; i < na; i++)
        if (!have(b, nb, a[i]))
            return false;
    return true;
}

static bool same_text(const char *a, const char *b) { return strcmp(nz(a), nz(b)) == 0; }

static void collect_id(long long person, void *ctx)
{
    long long *ids = ctx; /* ids[0]: their number */
    if (ids[0] < MEETING_INVITEES_MAX)
        ids[1 + ids[0]++] = person;
}

/* The new attendee, department and problem links: removed people out, new
 * ones in, the departments and problem records replaced. */
static int relink(desk_t *d, long long id, const long long *was, int nwas, const long long *now,
                  int nnow, const long long *teams, int nt, const long long *problems, int nq)
{
    int rc = OUTCOME_OK;
    for (int i = 0; i < nwas && rc >= 0; i++)
        if (!have(now, nnow, was[i]))
            rc = db_exec(&d->db, sql_drop_attendee, "ii", id, was[i]);
    for (int i = 0; i < nnow && rc >= 0; i++)
        if (!have(was, nwas, now[i]))
            rc = db_exec(&d->db, sql_add_attendee, "ii", id, now[i]);
    if (rc >= 0)
        rc = db_exec(&d->db, sql_drop_teams, "i", id);
    if (rc >= 0)
        rc = write_teams(d, id, teams, nt);
    if (rc >= 0)
        rc = db_exec(&d->db, sql_drop_problems, "i", id);
    for (int i = 0; i < nq && rc >= 0; i++)
        rc = db_exec(&d->db, sql_add_problem, "ii", id, problems[i]);
    return rc < 0 ? rc : OUTCOME_OK;
}

/* The changes of an edit, for the history and the audit. */
static json_t *edit_changes(const meeting_t *old, const meeting_content_t *c, long long duration,
                            bool people, bool teams, bool records)
{
    json_t *ch = audit_changes();
    if (strcmp(old->kind, nz(c->kind)))
        audit_str(ch, "kind", old->kind, c->kind);
    if (strcmp(old->title, nz(c->title)))
        audit_str(ch, "title", old->title, c->title);
    if (old->starts_at != c->starts_at)
        audit_int(ch, "starts_at", (long long)old->starts_at, (long long)c->starts_at);
    if (old->duration_minutes != duration)
        audit_int(ch, "duration_minutes", old->duration_minutes, duration);
    if (!same_text(old->location, c->location))
        audit_str(ch, "location", old->location, c->location);
    if (!same_text(old->agenda, c->agenda))
        audit_str(ch, "agenda", old->agenda, c->agenda);
    if (people)
        audit_str(ch, "attendees", NULL, c->attendees);
    if (teams)
        audit_str(ch, "teams", NULL, c->teams);
    if (records)
        audit_str(ch, "problems", NULL, c->problems);
    return ch;
}

int meeting_update(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                   long long version, const meeting_content_t *c, time_t *earliest,
                   long long *removed, int *nremoved, refusal_t *r)
{
    meeting_t m;
    *earliest = 0;
    *nremoved = 0;
    int rc = open_change(d, a, id, version, &m, r);
    if (rc != OUTCOME_OK)
        return rc;
    long long people[MEETING_ATTENDEES_MAX], problems[MEETING_PROBLEMS_MAX];
    long long was[MEETING_ATTENDEES_MAX], had[MEETING_PROBLEMS_MAX];
    long long teams[MEETING_TEAMS_MAX], teams_was[MEETING_TEAMS_MAX];
    int np = 0, nq = 0, nwas = 0, nhad = 0, nt = 0, ntwas = 0;
    if (!c->title || !*c->title)
        refusal_add(r, "title", "required");
    bool kind_ok = false;
    for (int i = 0; meeting_kinds[i]; i++)
        kind_ok = kind_ok || (c->kind && strcmp(c->kind, meeting_kinds[i]) == 0);
    if (!kind_ok)
        refusal_add(r, "kind", "invalid_choice");
    bool moved = c->starts_at != m.starts_at;
    *earliest = m.earliest_at;
    if (moved) { /* a new time is held to the rule again, from now */
        const bizcal_t *cal = NULL;
        long long cal_id = 0;
        if ((rc = meeting_calendar(d, m.organiser_id, &cal, &cal_id)) != OUTCOME_OK)
            goto out;
        check_start(d, a, c, cal, earliest, r);
    }
    if ((rc = read_attendees(d, c->attendees, people, &np, r)) < 0 ||
        (rc = read_teams(d, c->teams, teams, &nt, r)) < 0 ||
        (rc = read_problems(d, c->problems, problems, &nq, r)) < 0 ||
        (rc = ntwas = read_ids(d, sql_team_ids, id, teams_was, MEETING_TEAMS_MAX)) < 0 ||
        (rc = nwas = read_ids(d, sql_attendee_ids, id, was, MEETING_ATTENDEES_MAX)) < 0 ||
        (rc = nhad = read_ids(d, sql_problem_ids, id, had, MEETING_PROBLEMS_MAX)) < 0)
        goto out;
    if (r->n) {
        rc = CHANGE_REFUSED;
        goto out;
    }
    long long duration = c->duration_minutes > 0 ? c->duration_minutes : m.duration_minutes;
    bool people_changed = !same_set(was, nwas, people, np);
    bool records_changed = !same_set(had, nhad, problems, nq);
    bool teams_changed = !same_set(teams_was, ntwas, teams, nt);
    json_t *ch = edit_changes(&m, c, duration, people_changed, teams_changed, records_changed);
    if (!audit_any(ch)) {
        json_decref(ch);
        rc = CHANGE_UNCHANGED;
        goto out;
    }
    bool early = moved && c->starts_at < *earliest;
    const char *reason = moved ? (early ? c->override_reason : NULL) : m.override_reason;
    long long by = moved ? (early ? a->id : 0) : m.override_by;
    if (early)
        audit_str(ch, "override_reason", m.override_reason, c->override_reason);
    rc = db_exec(&d->db, sql_update, "sstisstsji", c->kind, c->title, c->starts_at, duration,
                 nz(c->location), nz(c->agenda), *earliest, reason, by, id);
    long long *before = calloc(2 * (MEETING_INVITEES_MAX + 1), sizeof *before);
    long long *after = before ? before + MEETING_INVITEES_MAX + 1 : NULL;
    if (!before)
        rc = OUTCOME_UNAVAILABLE;
    if (rc >= 0)
        rc = meeting_each_invitee(d, id, collect_id, before);
    if (rc >= 0)
        rc = relink(d, id, was, nwas, people, np, teams, nt, problems, nq);
    if (rc >= 0)
        rc = meeting_each_invitee(d, id, collect_id, after);
    for (long long i = 0; rc >= 0 && i < before[0]; i++) /* no longer invited at all */
        if (!have(after + 1, (int)after[0], before[1 + i]))
            removed[(*nremoved)++] = before[1 + i];
    if (rc >= 0)
        rc = record_change(d, a, who, id, c->title, "edited", "update", ch);
    free(before);
    json_decref(ch);
out:
    meeting_free(&m);
    return rc;
}

int meeting_cancel(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                   long long version, const char *reason, refusal_t *r)
{
    meeting_t m;
    int rc = open_change(d, a, id, version, &m, r);
    if (rc != OUTCOME_OK)
        return rc;
    if (!reason || !*reason) {
        refusal_add(r, "reason", "required");
        meeting_free(&m);
        return CHANGE_REFUSED;
    }
    rc = db_exec(&d->db, sql_set_cancelled, "si", reason, id);
    json_t *ch = audit_changes();
    audit_str(ch, "status", m.status, "cancelled");
    audit_str(ch, "cancel_reason", NULL, reason);
    if (rc >= 0)
        rc = record_change(d, a, who, id, m.title, "cancelled", "cancel", ch);
    json_decref(ch);
    meeting_free(&m);
    return rc < 0 ? rc : OUTCOME_OK;
}

int meeting_mark_held(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                      long long version, refusal_t *r)
{
    meeting_t m;
    int rc = open_change(d, a, id, version, &m, r);
    if (rc != OUTCOME_OK)
        return rc;
    if (m.starts_at > desk_now(d)) {
        refusal_add(r, "_form", "not_started");
        meeting_free(&m);
        return CHANGE_REFUSED;
    }
    rc = db_exec(&d->db, sql_set_held, "i", id);
    json_t *ch = audit_changes();
    audit_str(ch, "status", m.status, "held");
    if (rc >= 0)
        rc = record_change(d, a, who, id, m.title, "held", "held", ch);
    json_decref(ch);
    meeting_free(&m);
    return rc < 0 ? rc : OUTCOME_OK;
}

int meeting_mail_state(desk_t *d, long long id, long long *sequence, char *cancel_reason,
                       size_t cap)
{
    return db_found(db_row(&d->db, sql_mail_state, "i", "is", id, sequence, cancel_reason, cap));
}

int meeting_due_reminders(desk_t *d, time_t now, time_t within, long long *ids,
                          time_t *starts, int max)
{
    MYSQL_STMT *st = db_query(&d->db, sql_due_reminders, "tti", now, now + within,
                              (long long)max);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    int n = 0, rc = 0;
    while (n < max && (rc = db_fetch(st, "it", &ids[n], &starts[n])) == 1)
        n++;
    db_done(st);
    return rc < 0 ? rc : n;
}

int meeting_take_reminder(desk_t *d, long long id, time_t starts_at)
{
    return db_exec(&d->db, sql_take_reminder, "it", id, starts_at);
}

int meeting_list_kind(desk_t *d, const agent_t *a, const char *kind, long long before, int limit,
                      void (*fn)(const meeting_row_t *row, void *ctx), void *ctx)
{
    if (!kind || !*kind)
        return meeting_list(d, a, before, limit, fn, ctx);
    long long below = before > 0 ? before : (long long)1 << 62;
    MYSQL_STMT *st =
        is_manager(a)
            ? db_query(&d->db, sql_list_kind_all, "sii", kind, below, (long long)limit)
            : db_query(&d->db, sql_list_kind_mine, "siiiii", kind, below, a->id, a->id,
                       a->id, (long long)limit);
    return each_row(st, fn, ctx);
}
