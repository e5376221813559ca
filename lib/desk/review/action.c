/* action: see action.h. */
#include "desk/review/action.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/text.h"
#include "desk/notify/outbox.h"
#include "desk/people/people.h"

const char *const action_views[] = {"mine", "team", "overdue", "week", "verify", "all", NULL};

static const char sql_insert[] =
    "INSERT INTO review_actions (minutes_id, drill_id, verifier_id, title, target, resources,"
    " owner_id, team_id, starts_on, due_on, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_event[] =
    "INSERT INTO review_events (subject, subject_id, at, agent_id, kind, note, changes)"
    " VALUES ('action', ?, ?, ?, ?, ?, ?)";
static const char sql_member[] =
    "SELECT COUNT(*) FROM team_members WHERE agent_id = ? AND team_id = ?";
static const char sql_team_ok[] = "SELECT COUNT(*) FROM teams WHERE id = ? AND active = 1";
/* the meeting of the minutes, for a link back */
static const char sql_get[] =
    "SELECT x.id, COALESCE(x.minutes_id, 0), COALESCE(x.drill_id, 0), COALESCE(n.meeting_id, 0),"
    " x.verifier_id, x.owner_id, x.team_id, x.version, x.title, x.target, x.resources, o.name,"
    " v.name, IF(? = 'en', t.name_en, t.name_zh), DATE_FORMAT(x.starts_on, '%Y-%m-%d'),"
    " DATE_FORMAT(x.due_on, '%Y-%m-%d'), x.status, COALESCE(x.cancel_reason, ''),"
    " COALESCE(x.figure, ''), COALESCE(x.before_value, ''), COALESCE(x.after_value, ''),"
    " COALESCE(b.name, ''), x.verified_at, x.created_at"
    " FROM review_actions x JOIN agents o ON o.id = x.owner_id JOIN agents v ON v.id = x.verifier_id"
    " JOIN teams t ON t.id = x.team_id LEFT JOIN agents b ON b.id = x.verified_by"
    " LEFT JOIN review_minutes n ON n.id = x.minutes_id WHERE x.id = ?";
static const char sql_lock[] = "SELECT status, version, owner_id, verifier_id, title"
                               " FROM review_actions WHERE id = ? FOR UPDATE";
static const char sql_step[] =
    "UPDATE review_actions SET status = ?, cancel_reason = COALESCE(?, cancel_reason),"
    " figure = COALESCE(?, figure), before_value = COALESCE(?, before_value),"
    " after_value = COALESCE(?, after_value), verified_by = COALESCE(?, verified_by),"
    " verified_at = COALESCE(?, verified_at), updated_at = ?, version = version + 1"
    " WHERE id = ?";
static const char sql_touch[] =
    "UPDATE review_actions SET updated_at = ?, version = version + 1 WHERE id = ?";
static const char sql_add_file[] =
    "INSERT INTO review_action_files (action_id, filename, content_type, size_bytes, sha256,"
    " storage_key, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_files[] =
    "SELECT id, action_id, filename, content_type, size_bytes, storage_key"
    " FROM review_action_files WHERE action_id = ? ORDER BY id";
static const char sql_file[] =
    "SELECT id, action_id, filename, content_type, size_bytes, storage_key"
    " FROM review_action_files WHERE id = ?";
static const char sql_events[] =
    "SELECT e.at, COALESCE(a.name, ''), e.kind, COALESCE(e.note, '') FROM review_events e"
    " LEFT JOIN agents a ON a.id = e.agent_id"
    " WHERE e.subject = 'action' AND e.subject_id = ? ORDER BY e.id";

#define LIST_COLUMNS                                                                           \
    "SELECT x.id, x.owner_id, x.title, o.name, IF(? = 'en', t.name_en, t.name_zh),"            \
    " DATE_FORMAT(x.due_on, '%Y-%m-%d'), x.status,"                                            \
    " IF(x.status IN ('not_started', 'in_progress') AND x.due_on < ?,"                         \
    " DATEDIFF(?, x.due_on), 0), x.target, x.resources, DATE_FORMAT(x.starts_on, '%Y-%m-%d'),"  \
    " COALESCE(x.figure, ''), COALESCE(x.before_value, ''), COALESCE(x.after_value, '')"       \
    " FROM review_actions x JOIN agents o ON o.id = x.owner_id"                                \
    " JOIN teams t ON t.id = x.team_id WHERE x.id < ? "
/* who else may see a list that is not the whole desk's: their own, theirs to
 * verify, their departments' */
#define VISIBLE                                                                                \
    " AND (? = 1 OR x.owner_id = ? OR x.verifier_id = ? OR x.team_id IN"                       \
    " (SELECT team_id FROM team_members WHERE agent_id = ?))"
#define PAGE " ORDER BY x.id DESC LIMIT ?"
static const char sql_list_mine[] = LIST_COLUMNS "AND x.owner_id = ?" PAGE;
static const char sql_list_team[] =
    LIST_COLUMNS "AND x.team_id IN (SELECT team_id FROM team_members WHERE agent_id = ?)" PAGE;
static const char sql_list_overdue[] =
    LIST_COLUMNS "AND x.status IN ('not_started', 'in_progress') AND x.due_on < ?" VISIBLE PAGE;
static const char sql_list_week[] = LIST_COLUMNS
    "AND x.status IN ('not_started', 'in_progress') AND x.due_on BETWEEN ? AND ?" VISIBLE PAGE;
static const char sql_list_verify[] =
    LIST_COLUMNS "AND x.status = 'done' AND (? = 1 OR x.verifier_id = ?)" PAGE;
static const char sql_list_all[] = LIST_COLUMNS "AND 1 = 1" VISIBLE PAGE;
static const char sql_list_minutes[] = LIST_COLUMNS "AND x.minutes_id = ?" PAGE;
static const char sql_list_drill[] = LIST_COLUMNS "AND x.drill_id = ?" PAGE;

static const char sql_overdue_by_team[] =
    "SELECT team_id, COUNT(*) FROM review_actions FORCE INDEX (ix_actions_due_team)"
    " WHERE status IN ('not_started', 'in_progress') AND due_on < ? GROUP BY team_id";

static const char sql_overdue_due[] =
    "SELECT id FROM review_actions FORCE INDEX (ix_actions_due)"
    " WHERE status IN ('not_started', 'in_progress') AND due_on < ?"
    " AND overdue_mailed_at IS NULL ORDER BY id LIMIT ?";
static const char sql_overdue_claim[] =
    "UPDATE review_actions SET overdue_mailed_at = ? WHERE id = ? AND overdue_mailed_at IS NULL"
    " AND status IN ('not_started', 'in_progress') AND due_on < ?";
/* the owner, and the owner's own supervisors: the leads and supervisors of
 * the teams the owner belongs to (not of the action's department, which may
 * be another's) */
#define OWNER_SUPERVISORS                                                                      \
    "SELECT m.agent_id FROM team_members m JOIN agents s ON s.id = m.agent_id"                 \
    " WHERE m.team_id IN (SELECT o.team_id FROM team_members o WHERE o.agent_id = ?)"          \
    " AND s.active = 1 AND s.id <> ? AND (m.is_lead = 1 OR s.role IN ('supervisor', 'director'))"
static const char sql_overdue_to[] =
    "SELECT a.id, a.email, a.language, a.name FROM agents a WHERE a.active = 1"
    " AND a.email IS NOT NULL AND (a.id = ? OR a.id IN (" OWNER_SUPERVISORS ")) ORDER BY a.id";
/* when the owner's teams have no lead nor supervisor: every supervisor */
static const char sql_supervisors[] =
    "SELECT a.id, a.email, a.language, a.name FROM agents a WHERE a.active = 1"
    " AND a.email IS NOT NULL AND (a.id = ? OR a.role = 'supervisor') ORDER BY a.id";
static const char sql_lead_count[] = "SELECT COUNT(*) FROM (" OWNER_SUPERVISORS ") l";

static const char *nz(const char *s) { return s ? s : ""; }

static bool is_manager(const agent_t *a)
{
    return a->role == ROLE_SUPERVISOR || a->role == ROLE_DIRECTOR || a->role == ROLE_ADMIN;
}

#define ROW_FIELDS(n)                                                                          \
    {"m" #n "_title", "m" #n "_target", "m" #n "_resources", "m" #n "_team", "m" #n "_owner",  \
     "m" #n "_start", "m" #n "_due"}
static const char *const row_parts[] = {"title", "target", "resources", "team",
                                        "owner", "start",  "due"};
#define NPARTS ACTION_ROW_PARTS
static const char *const row_fields[ACTION_ROWS][NPARTS] = {ROW_FIELDS(1), ROW_FIELDS(2),
                                                            ROW_FIELDS(3), ROW_FIELDS(4),
                                                            ROW_FIELDS(5), ROW_FIELDS(6)};

const char *action_row_field(int row, const char *part)
{
    for (int i = 0; row >= 0 && row < ACTION_ROWS && i < NPARTS; i++)
        if (strcmp(part, row_parts[i]) == 0)
            return row_fields[row][i];
    return "_form";
}

bool action_plan_blank(const action_plan_t *p)
{
    return !*nz(p->title) && !*nz(p->target) && !*nz(p->resources) && !p->team_id &&
           !p->owner_id && !*nz(p->due_on) && !*nz(p->starts_on);
}

void action_today(desk_t *d, char out[11])
{
    time_t now = desk_now(d);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

static bool date_valid(const char *s)
{
    int y, m, dd;
    char extra;
    if (!s || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &dd, &extra) != 3)
        return false;
    struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = dd, .tm_hour = 12};
    time_t t = timegm(&tm);
    struct tm back;
    gmtime_r(&t, &back);
    return y >= 2000 && y <= 2999 && back.tm_mday == dd && back.tm_mon == m - 1;
}

int action_plan_check(desk_t *d, int row, const action_plan_t *p, const char *not_before,
                      refusal_t *r)
{
    if (!*nz(p->title))
        refusal_add(r, action_row_field(row, "title"), "required");
    if (!p->owner_id) {
        refusal_add(r, action_row_field(row, "owner"), "required");
    } else {
        person_t who;
        int rc = people_get(d, p->owner_id, false, &who);
        if (rc < 0 && rc != OUTCOME_NOT_FOUND)
            return rc;
        if (rc == OUTCOME_NOT_FOUND || !who.active)
            refusal_add(r, action_row_field(row, "owner"), "unknown_person");
    }
    long long team = 0;
    int rc = p->team_id ? db_row(&d->db, sql_team_ok, "i", "i", p->team_id, &team) : 1;
    if (rc < 0)
        return rc;
    if (!team)
        refusal_add(r, action_row_field(row, "team"), p->team_id ? "invalid_choice" : "required");
    if (!*nz(p->due_on))
        refusal_add(r, action_row_field(row, "due"), "required");
    else if (!date_valid(p->due_on))
        refusal_add(r, action_row_field(row, "due"), "invalid_date");
    else if (not_before && strcmp(p->due_on, not_before) < 0)
        refusal_add(r, action_row_field(row, "due"), "in_past");
    if (*nz(p->starts_on) && !date_valid(p->starts_on))
        refusal_add(r, action_row_field(row, "start"), "invalid_date");
    else if (*nz(p->starts_on) && date_valid(p->due_on) && strcmp(p->starts_on, p->due_on) > 0)
        refusal_add(r, action_row_field(row, "start"), "start_after_due");
    return OUTCOME_OK;
}

static int record(desk_t *d, const audit_who_t *who, long long id, const char *title,
                  const char *kind, const char *note, json_t *changes)
{
    char *text = json_dumps(changes, JSON_COMPACT);
    if (!text)
        return OUTCOME_UNAVAILABLE;
    int rc = db_exec(&d->db, sql_event, "itjsss", id, desk_now(d), who->agent_id, kind, note,
                     text);
    free(text);
    if (rc < 0)
        return rc;
    char key[24];
    snprintf(key, sizeof key, "%lld", id);
    rc = audit_record(d, who, "action", key, title, kind, changes);
    return rc < 0 ? rc : OUTCOME_OK;
}

int action_create_all(desk_t *d, const audit_who_t *who, long long minutes_id,
                      long long drill_id, long long verifier_id, const action_plan_t *plans,
                      int n)
{
    char today[11];
    action_today(d, today);
    time_t now = desk_now(d);
    int made = 0;
    for (int i = 0; i < n; i++) {
        const action_plan_t *p = &plans[i];
        if (action_plan_blank(p))
            continue;
        const char *starts = *nz(p->starts_on)               ? p->starts_on
                             : strcmp(today, p->due_on) <= 0 ? today
                                                             : p->due_on;
        int rc = db_exec(&d->db, sql_insert, "jjisssiisstt", minutes_id, drill_id, verifier_id,
                         p->title, nz(p->target), nz(p->resources), p->owner_id, p->team_id,
                         starts, p->due_on, now, now);
        if (rc < 0)
            return rc;
        long long id = (long long)d->db.last_id;
        json_t *ch = audit_changes();
        audit_str(ch, "title", NULL, p->title);
        audit_str(ch, "target", NULL, p->target);
        audit_int(ch, "owner", 0, p->owner_id);
        audit_int(ch, "team", 0, p->team_id);
        audit_str(ch, "starts_on", NULL, starts);
        audit_str(ch, "due_on", NULL, p->due_on);
        rc = record(d, who, id, p->title, "created", NULL, ch);
        json_decref(ch);
        if (rc < 0)
            return rc;
        made++;
    }
    return made;
}

int action_get(desk_t *d, long long id, lang_t lang, action_t *x)
{
    memset(x, 0, sizeof *x);
    int rc = db_row(&d->db, sql_get, "si", "iiiiiiiisssssssssssssstt", lang_code(lang), id,
                    &x->id, &x->minutes_id, &x->drill_id, &x->meeting_id, &x->verifier_id,
                    &x->owner_id, &x->team_id, &x->version, x->title, sizeof x->title, x->target,
                    sizeof x->target, x->resources, sizeof x->resources, x->owner,
                    sizeof x->owner, x->verifier, sizeof x->verifier, x->team, sizeof x->team,
                    x->starts_on, sizeof x->starts_on, x->due_on, sizeof x->due_on, x->status,
                    sizeof x->status, x->cancel_reason, sizeof x->cancel_reason, x->figure,
                    sizeof x->figure, x->before_value, sizeof x->before_value, x->after_value,
                    sizeof x->after_value, x->verified_by, sizeof x->verified_by, &x->verified_at,
                    &x->created_at);
    if (rc == 1) {
        char today[11];
        action_today(d, today);
        x->overdue = action_open(action_status_parse(x->status)) && strcmp(x->due_on, today) < 0;
    }
    return db_found(rc);
}

int action_visible(desk_t *d, const agent_t *a, const action_t *x, bool *visible)
{
    long long n = 0;
    *visible = is_manager(a) || a->id == x->owner_id || a->id == x->verifier_id;
    if (*visible)
        return OUTCOME_OK;
    int rc = db_row(&d->db, sql_member, "ii", "i", a->id, x->team_id, &n);
    *visible = n > 0;
    return rc < 0 ? rc : OUTCOME_OK;
}

typedef struct locked {
    char status[16], title[2001];
    long long version, owner_id, verifier_id;
} locked_t;

static int lock(desk_t *d, long long id, locked_t *l)
{
    int rc = db_row(&d->db, sql_lock, "i", "siiis", id, l->status, sizeof l->status, &l->version,
                    &l->owner_id, &l->verifier_id, l->title, sizeof l->title);
    return db_found(rc);
}

static const char *blank_null(const char *s) { return s && *s ? s : NULL; }

int action_take_step(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                     const action_step_in_t *in, refusal_t *r)
{
    locked_t l;
    int rc = lock(d, id, &l);
    if (rc != OUTCOME_OK)
        return rc;
    action_status_t from = (action_status_t)action_status_parse(l.status);
    int to = action_step_target(in->step, from);
    if (!action_step_allowed(in->step, action_role_of(a, l.owner_id, l.verifier_id)))
        refusal_add(r, "_form", "forbidden");
    else if (to < 0)
        refusal_add(r, "_form", "wrong_state");
    else if (in->version && in->version != l.version)
        refusal_add(r, "_form", "stale");
    const char *reason = NULL, *figure = NULL, *before = NULL, *after = NULL;
    if (in->step == AT_CANCEL && !(reason = blank_null(in->reason)))
        refusal_add(r, "reason", "required");
    if (in->step == AT_VERIFY) {
        figure = blank_null(in->figure), before = blank_null(in->before),
        after = blank_null(in->after);
        if ((figure || before || after) && !before)
            refusal_add(r, "before", "required");
        if ((figure || before || after) && !after)
            refusal_add(r, "after", "required");
    }
    if (r->n)
        return CHANGE_REFUSED;
    time_t now = desk_now(d);
    bool verify = in->step == AT_VERIFY;
    rc = db_exec(&d->db, sql_step, "sssssjtti", action_status_code((action_status_t)to), reason,
                 figure, before, after, verify ? a->id : 0LL, verify ? now : (time_t)0, now, id);
    if (rc < 0)
        return rc;
    json_t *ch = audit_changes();
    audit_str(ch, "status", l.status, action_status_code((action_status_t)to));
    if (reason)
        audit_str(ch, "cancel_reason", NULL, reason);
    if (figure)
        audit_str(ch, "figure", NULL, figure);
    if (before)
        audit_str(ch, "before", NULL, before);
    if (after)
        audit_str(ch, "after", NULL, after);
    rc = record(d, who, id, l.title, action_step_code(in->step), reason, ch);
    json_decref(ch);
    return rc;
}

int action_add_note(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                    const char *note, const uploads_t *u, refusal_t *r)
{
    locked_t l;
    int rc = lock(d, id, &l);
    if (rc != OUTCOME_OK)
        return rc;
    action_role_t role = action_role_of(a, l.owner_id, l.verifier_id);
    action_status_t s = (action_status_t)action_status_parse(l.status);
    bool files = u && u->n > 0;
    if (!role.owner && !role.verifier && !role.manager)
        refusal_add(r, "_form", "forbidden");
    else if (s == AS_VERIFIED || s == AS_CANCELLED)
        refusal_add(r, "_form", "read_only");
    else if (!*nz(note) && !files)
        refusal_add(r, "note", "required");
    if (r->n)
        return CHANGE_REFUSED;
    time_t now = desk_now(d);
    json_t *ch = audit_changes();
    for (int i = 0; files && i < u->n; i++) {
        const upload_t *f = &u->items[i];
        rc = db_exec(&d->db, sql_add_file, "issibsit", id, f->filename, f->content_type, f->size,
                     f->sha256, sizeof f->sha256, f->storage_key, a->id, now);
        if (rc < 0) {
            json_decref(ch);
            return rc;
        }
        audit_str(ch, "evidence", NULL, f->filename);
    }
    if (*nz(note))
        audit_str(ch, "note", NULL, note);
    rc = db_exec(&d->db, sql_touch, "ti", now, id);
    if (rc >= 0)
        rc = record(d, who, id, l.title, files ? "evidence" : "note", blank_null(note), ch);
    json_decref(ch);
    return rc < 0 ? rc : OUTCOME_OK;
}

int action_each_event(desk_t *d, long long id,
                      void (*fn)(time_t at, const char *who, const char *kind, const char *note,
                                 void *ctx),
                      void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_events, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    time_t at = 0;
    char who[401], kind[24];
    char *note = NULL;
    int n = 0, rc;
    while ((rc = db_fetch(st, "tssS", &at, who, sizeof who, kind, sizeof kind, &note)) == 1) {
        fn(at, who, kind, nz(note), ctx), n++;
        free(note);
        note = NULL;
    }
    db_done(st);
    return rc < 0 ? rc : n;
}

static int fetch_file(MYSQL_STMT *st, action_file_t *f)
{
    return db_fetch(st, "iissis", &f->id, &f->action_id, f->filename, sizeof f->filename,
                    f->content_type, sizeof f->content_type, &f->size, f->storage_key,
                    sizeof f->storage_key);
}

int action_each_file(desk_t *d, long long id, void (*fn)(const action_file_t *f, void *ctx),
                     void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_files, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    action_file_t f;
    int n = 0, rc;
    memset(&f, 0, sizeof f);
    while ((rc = fetch_file(st, &f)) == 1)
        fn(&f, ctx), n++;
    db_done(st);
    return rc < 0 ? rc : n;
}

int action_file_get(desk_t *d, long long file_id, attachment_t *a)
{
    memset(a, 0, sizeof *a);
    MYSQL_STMT *st = db_query(&d->db, sql_file, "i", file_id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    action_file_t f;
    int rc = fetch_file(st, &f);
    db_done(st);
    if (rc != 1)
        return db_found(rc);
    a->id = f.id;
    a->ticket_id = f.action_id;
    a->size = f.size;
    snprintf(a->filename, sizeof a->filename, "%s", f.filename);
    snprintf(a->content_type, sizeof a->content_type, "%s", f.content_type);
    snprintf(a->storage_key, sizeof a->storage_key, "%s", f.storage_key);
    snprintf(a->uploaded_by, sizeof a->uploaded_by, "agent");
    a->internal = true;
    return OUTCOME_OK;
}

/* Sunday of the week of today ("YYYY-MM-DD"), weeks starting on Monday. */
static void week_end(const char *today, char out[11])
{
    struct tm tm = {0};
    sscanf(today, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
    tm.tm_year -= 1900, tm.tm_mon -= 1, tm.tm_hour = 12;
    time_t t = timegm(&tm);
    gmtime_r(&t, &tm);
    t += (time_t)((7 - tm.tm_wday) % 7) * 86400;
    gmtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

int action_list(desk_t *d, const agent_t *a, action_view_t v, long long minutes_id,
                long long drill_id, long long before, int limit, lang_t lang,
                void (*fn)(const action_row_t *row, void *ctx), void *ctx)
{
    long long below = before > 0 ? before : (long long)1 << 62, lim = limit;
    long long all = is_manager(a), director = a->role == ROLE_DIRECTOR;
    char today[11], sunday[11];
    action_today(d, today);
    week_end(today, sunday);
    const char *lc = lang_code(lang);
    MYSQL_STMT *st;
    if (minutes_id)
        st = db_query(&d->db, sql_list_minutes, "sssiii", lc, today, today, below, minutes_id, lim);
    else if (drill_id)
        st = db_query(&d->db, sql_list_drill, "sssiii", lc, today, today, below, drill_id, lim);
    else if (v == AV_MINE)
        st = db_query(&d->db, sql_list_mine, "sssiii", lc, today, today, below, a->id, lim);
    else if (v == AV_TEAM)
        st = db_query(&d->db, sql_list_team, "sssiii", lc, today, today, below, a->id, lim);
    else if (v == AV_OVERDUE)
        st = db_query(&d->db, sql_list_overdue, "sssisiiiii", lc, today, today, below, today,
                      all, a->id, a->id, a->id, lim);
    else if (v == AV_WEEK)
        st = db_query(&d->db, sql_list_week, "sssissiiiii", lc, today, today, below, today,
                      sunday, all, a->id, a->id, a->id, lim);
    else if (v == AV_TO_VERIFY)
        st = db_query(&d->db, sql_list_verify, "sssiiii", lc, today, today, below, director,
                      a->id, lim);
    else
        st = db_query(&d->db, sql_list_all, "sssiiiiii", lc, today, today, below, all, a->id,
                      a->id, a->id, lim);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    action_row_t row;
    int n = 0, rc;
    memset(&row, 0, sizeof row);
    while ((rc = db_fetch(st, "iisssssissssss", &row.id, &row.owner_id, row.title,
                          sizeof row.title, row.owner, sizeof row.owner, row.team, sizeof row.team,
                          row.due_on, sizeof row.due_on, row.status, sizeof row.status,
                          &row.days_over, row.target, sizeof row.target, row.resources,
                          sizeof row.resources, row.starts_on, sizeof row.starts_on, row.figure,
                          sizeof row.figure, row.before_value, sizeof row.before_value,
                          row.after_value, sizeof row.after_value)) == 1) {
        row.overdue = row.days_over > 0;
        fn(&row, ctx), n++;
    }
    db_done(st);
    return rc < 0 ? rc : n;
}

int action_overdue_by_team(desk_t *d, const char *day,
                           void (*fn)(long long team_id, long long n, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_overdue_by_team, "s", day);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long team = 0, n = 0;
    int rc, rows = 0;
    while ((rc = db_fetch(st, "ii", &team, &n)) == 1)
        fn(team, n, ctx), rows++;
    db_done(st);
    return rc < 0 ? rc : rows;
}

/* Queues the overdue mail of action id to its owner and the owner's
 * supervisors. */
static int mail_overdue(desk_t *d, long long id)
{
    action_t x;
    int rc = action_get(d, id, LANG_ZH, &x);
    if (rc != OUTCOME_OK)
        return rc;
    long long leads = 0;
    if ((rc = db_row(&d->db, sql_lead_count, "ii", "i", x.owner_id, x.owner_id, &leads)) < 0)
        return rc;
    MYSQL_STMT *st = leads ? db_query(&d->db, sql_overdue_to, "iii", x.owner_id, x.owner_id,
                                      x.owner_id)
                           : db_query(&d->db, sql_supervisors, "i", x.owner_id);
    HDF *h;
    if (!st || hdf_init(&h) != STATUS_OK) {
        db_done(st);
        return OUTCOME_UNAVAILABLE;
    }
    char today[11];
    action_today(d, today);
    hdf_set_value(h, "Action.title", x.title);
    hdf_set_value(h, "Action.target", x.target);
    hdf_set_value(h, "Action.owner", x.owner);
    hdf_set_value(h, "Action.due_on", x.due_on);
    hdf_set_valuef(h, "Action.link=%s/agent/actions/%lld", d->base_url, id);
    long long who = 0, mailed = 0;
    char email[255], lang[3], name[401], key[96];
    rc = OUTCOME_OK;
    while (rc == OUTCOME_OK && db_fetch(st, "isss", &who, email, sizeof email, lang, sizeof lang,
                                        name, sizeof name) == 1) {
        mailed++;
        hdf_set_value(h, "Recipient.name", name);
        snprintf(key, sizeof key, "action_overdue:action=%lld:agent=%lld", id, who);
        outbox_msg_t m = {.channel = OUTBOX_EMAIL, .recipient = email, .lang = lang_parse(lang),
                          .kind = "action_overdue", .data = h, .dedupe_key = key};
        /* a mail not queued is not sent: the claim rolls back, the next pass retries */
        int q = outbox_add(d, &m);
        rc = q == OUTCOME_DUPLICATE ? OUTCOME_OK : q;
    }
    db_done(st);
    hdf_destroy(&h);
    if (rc == OUTCOME_OK) { /* the history and the audit say the desk sent it */
        audit_who_t system = {0, NULL};
        json_t *ch = audit_changes();
        audit_int(ch, "recipients", 0, mailed);
        rc = record(d, &system, id, x.title, "overdue_mailed", NULL, ch);
        json_decref(ch);
    }
    return rc;
}

int action_overdue_pass(desk_t *d, int limit)
{
    char today[11];
    action_today(d, today);
    long long ids[200];
    if (limit > 200)
        limit = 200;
    MYSQL_STMT *st = db_query(&d->db, sql_overdue_due, "si", today, (long long)limit);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    int n = 0, rc;
    while (n < limit && (rc = db_fetch(st, "i", &ids[n])) == 1)
        n++;
    db_done(st);
    int mailed = 0;
    for (int i = 0; i < n; i++) {
        if ((rc = db_begin(&d->db)) != OUTCOME_OK)
            return rc;
        rc = db_exec(&d->db, sql_overdue_claim, "tis", desk_now(d), ids[i], today);
        if (rc == 1)
            rc = mail_overdue(d, ids[i]);
        if (rc >= 0 && db_commit(&d->db) == OUTCOME_OK) {
            mailed += rc == OUTCOME_OK;
            continue;
        }
        db_rollback(&d->db);
        log_error("overdue action %lld not mailed: %d", ids[i], rc);
    }
    return mailed;
}
