/* minutes: see minutes.h. */
#include "desk/review/minutes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "desk/notify/outbox.h"
#include "desk/review/meeting.h"

static const char sql_of_meeting[] = "SELECT id FROM review_minutes WHERE meeting_id = ?";
static const char sql_insert[] =
    "INSERT INTO review_minutes (meeting_id, organiser_id, content, due_at, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_get[] =
    "SELECT n.id, n.meeting_id, n.organiser_id, n.submitted_version, n.version, n.status,"
    " m.title, o.name, COALESCE(b.name, ''), m.starts_at, m.duration_minutes, n.due_at,"
    " n.approved_at, n.created_at, n.content FROM review_minutes n"
    " JOIN review_meetings m ON m.id = n.meeting_id JOIN agents o ON o.id = n.organiser_id"
    " LEFT JOIN agents b ON b.id = n.approved_by WHERE n.id = ?";
static const char sql_lock[] =
    "SELECT n.status, n.version, n.organiser_id, n.submitted_version, m.title"
    " FROM review_minutes n JOIN review_meetings m ON m.id = n.meeting_id WHERE n.id = ?"
    " FOR UPDATE";
static const char sql_save[] =
    "UPDATE review_minutes SET content = ?, updated_at = ?, version = version + 1 WHERE id = ?";
static const char sql_set_status[] =
    "UPDATE review_minutes SET status = ?, submitted_version = ?, approved_by = ?,"
    " approved_at = ?, updated_at = ?, version = version + 1 WHERE id = ?";
static const char sql_add_version[] =
    "INSERT INTO review_minutes_versions (minutes_id, number, content, submitted_by, submitted_at)"
    " SELECT id, ?, content, ?, ? FROM review_minutes WHERE id = ?";
static const char sql_add_decision[] =
    "INSERT INTO review_minutes_decisions (minutes_id, number, decision, decided_by, decided_at,"
    " comment) VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_versions[] =
    "SELECT v.number, s.name, v.submitted_at, COALESCE(c.decision, ''), COALESCE(b.name, ''),"
    " c.decided_at, c.comment FROM review_minutes_versions v JOIN agents s ON s.id = v.submitted_by"
    " LEFT JOIN review_minutes_decisions c ON c.minutes_id = v.minutes_id AND c.number = v.number"
    " LEFT JOIN agents b ON b.id = c.decided_by WHERE v.minutes_id = ? ORDER BY v.number";
static const char sql_version[] =
    "SELECT content FROM review_minutes_versions WHERE minutes_id = ? AND number = ?";
static const char sql_event[] =
    "INSERT INTO review_events (subject, subject_id, at, agent_id, kind, note, changes)"
    " VALUES ('minutes', ?, ?, ?, ?, ?, ?)";
static const char sql_events[] =
    "SELECT e.at, COALESCE(a.name, ''), e.kind, COALESCE(e.note, '') FROM review_events e"
    " LEFT JOIN agents a ON a.id = e.agent_id"
    " WHERE e.subject = 'minutes' AND e.subject_id = ? ORDER BY e.id";
#define LIST_COLUMNS                                                                           \
    "SELECT n.id, n.meeting_id, n.status, m.title, o.name, m.starts_at, n.due_at"              \
    " FROM review_minutes n JOIN review_meetings m ON m.id = n.meeting_id"                     \
    " JOIN agents o ON o.id = n.organiser_id "
static const char sql_list_awaiting[] =
    LIST_COLUMNS "WHERE n.status = 'submitted' AND n.id > ? ORDER BY n.id LIMIT ?";
static const char sql_list_mine[] =
    LIST_COLUMNS "WHERE n.organiser_id = ? AND n.id > ? ORDER BY n.id LIMIT ?";
/* review meetings begun in the last 30 days without minutes (those not yet
 * ended are skipped; older ones, from before minutes were kept, are left) */
static const char sql_unminuted[] =
    "SELECT m.id FROM review_meetings m WHERE m.kind = 'review' AND m.status <> 'cancelled'"
    " AND m.starts_at <= ? AND m.starts_at > ? - INTERVAL 30 DAY AND NOT EXISTS"
    " (SELECT 1 FROM review_minutes n WHERE n.meeting_id = m.id) ORDER BY m.starts_at, m.id"
    " LIMIT ?";
static const char sql_late[] =
    "SELECT id FROM review_minutes FORCE INDEX (ix_minutes_late) WHERE late_alerted_at IS NULL"
    " AND due_at < ? AND status = 'draft' ORDER BY due_at, id LIMIT ?";
static const char sql_late_claim[] =
    "UPDATE review_minutes SET late_alerted_at = ? WHERE id = ? AND late_alerted_at IS NULL"
    " AND status = 'draft'";
static const char sql_late_to[] =
    "SELECT id, email, language, name FROM agents WHERE active = 1 AND email IS NOT NULL"
    " AND (id = ? OR role = 'director') ORDER BY id";
/* the members of the departments the minutes concern */
static const char sql_team_members[] =
    "SELECT a.id, a.email, a.language, a.name FROM team_members tm JOIN agents a"
    " ON a.id = tm.agent_id WHERE tm.team_id = ? AND a.active = 1 AND a.email IS NOT NULL"
    " ORDER BY a.id";

static const char *nz(const char *s) { return s ? s : ""; }

#define DEPT_FIELDS(n) {"d" #n "_team", "d" #n "_highlights", "d" #n "_shortcomings"}
static const char *const dept_parts[] = {"team", "highlights", "shortcomings"};
static const char *const dept_fields[MINUTES_DEPTS][3] = {
    DEPT_FIELDS(1), DEPT_FIELDS(2), DEPT_FIELDS(3), DEPT_FIELDS(4), DEPT_FIELDS(5), DEPT_FIELDS(6)};

const char *minutes_dept_field(int row, const char *part)
{
    for (int i = 0; row >= 0 && row < MINUTES_DEPTS && i < 3; i++)
        if (strcmp(part, dept_parts[i]) == 0)
            return dept_fields[row][i];
    return "_form";
}

static json_t *to_json(const minutes_content_t *c)
{
    json_t *depts = json_array(), *measures = json_array();
    for (int i = 0; i < MINUTES_DEPTS; i++) {
        const minutes_dept_t *x = &c->depts[i];
        if (!x->team_id && !*nz(x->highlights) && !*nz(x->shortcomings))
            continue;
        json_array_append_new(depts, json_pack("{sI ss ss}", "team", (json_int_t)x->team_id,
                                               "highlights", nz(x->highlights), "shortcomings",
                                               nz(x->shortcomings)));
    }
    for (int i = 0; i < ACTION_ROWS; i++) {
        const action_plan_t *p = &c->measures[i];
        if (action_plan_blank(p))
            continue;
        json_array_append_new(measures,
                              json_pack("{ss ss ss sI sI ss ss}", "title", nz(p->title),
                                        "target", nz(p->target), "resources", nz(p->resources),
                                        "team", (json_int_t)p->team_id, "owner",
                                        (json_int_t)p->owner_id, "start", nz(p->starts_on),
                                        "due", nz(p->due_on)));
    }
    return json_pack("{ss ss ss so so}", "review", nz(c->review), "root_causes",
                     nz(c->root_causes), "directions", nz(c->directions), "departments", depts,
                     "measures", measures);
}

/* The measures of stored text content as plans (pointers into content). */
static int plans_of(json_t *content, action_plan_t *plans)
{
    json_t *ms = json_object_get(content, "measures"), *x;
    size_t i;
    int n = 0;
    json_array_foreach(ms, i, x)
    {
        if (n == ACTION_ROWS)
            break;
        plans[n++] = (action_plan_t){
            .title = json_string_value(json_object_get(x, "title")),
            .target = json_string_value(json_object_get(x, "target")),
            .resources = json_string_value(json_object_get(x, "resources")),
            .team_id = (long long)json_integer_value(json_object_get(x, "team")),
            .owner_id = (long long)json_integer_value(json_object_get(x, "owner")),
            .due_on = json_string_value(json_object_get(x, "due")),
            .starts_on = json_string_value(json_object_get(x, "start")),
        };
    }
    return n;
}

static bool filled(json_t *content, const char *key)
{
    const char *s = json_string_value(json_object_get(content, key));
    return s && *s;
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
    rc = audit_record(d, who, "minutes", key, title, kind, changes);
    return rc < 0 ? rc : OUTCOME_OK;
}

int minutes_of_meeting(desk_t *d, long long meeting_id, long long *id)
{
    *id = 0;
    return db_found(db_row(&d->db, sql_of_meeting, "i", "i", meeting_id, id));
}

void minutes_free(minutes_t *m)
{
    json_decref(m->content);
    memset(m, 0, sizeof *m);
}

int minutes_get(desk_t *d, long long id, minutes_t *m)
{
    memset(m, 0, sizeof *m);
    char *text = NULL;
    long long duration = 0;
    int rc = db_row(&d->db, sql_get, "i", "iiiiisssstitttS", id, &m->id, &m->meeting_id,
                    &m->organiser_id, &m->submitted_version, &m->version, m->status,
                    sizeof m->status, m->meeting_title, sizeof m->meeting_title, m->organiser,
                    sizeof m->organiser, m->approved_by, sizeof m->approved_by, &m->meeting_at,
                    &duration, &m->due_at, &m->approved_at, &m->created_at, &text);
    if (rc == 1) {
        m->meeting_end = m->meeting_at + (time_t)duration * 60;
        m->content = json_loads(text ? text : "{}", 0, NULL);
        if (!m->content)
            m->content = json_object();
        m->late = strcmp(m->status, "draft") == 0 && desk_now(d) > m->due_at;
    }
    free(text);
    return db_found(rc);
}

int minutes_visible(desk_t *d, const agent_t *a, const minutes_t *m, bool *visible)
{
    *visible = a->role == ROLE_DIRECTOR || a->id == m->organiser_id;
    if (*visible)
        return OUTCOME_OK;
    meeting_t mt;
    int rc = meeting_get(d, m->meeting_id, &mt);
    if (rc != OUTCOME_OK)
        return rc;
    rc = meeting_visible(d, a, &mt, visible);
    meeting_free(&mt);
    return rc;
}

/* Opens the minutes of a review meeting that has begun. */
static int open_minutes(desk_t *d, const meeting_t *mt, long long *id)
{
    const bizcal_t *cal = NULL;
    long long cal_id = 0;
    int rc = meeting_calendar(d, mt->organiser_id, &cal, &cal_id);
    if (rc != OUTCOME_OK)
        return rc;
    time_t end = mt->starts_at + (time_t)mt->duration_minutes * 60;
    time_t due = bizclock_workdays_due(cal, end, MINUTES_DUE_WORKDAYS);
    if (due < 0)
        return OUTCOME_UNAVAILABLE;
    time_t now = desk_now(d);
    rc = db_exec(&d->db, sql_insert, "iistt" "t", mt->id, mt->organiser_id,
                 "{\"review\":\"\",\"root_causes\":\"\",\"directions\":\"\","
                 "\"departments\":[],\"measures\":[]}",
                 due, now, now);
    if (rc < 0)
        return rc;
    *id = (long long)d->db.last_id;
    json_t *ch = audit_changes();
    audit_int(ch, "meeting", 0, mt->id);
    audit_int(ch, "due_at", 0, (long long)due);
    audit_who_t sys = {0, NULL};
    rc = record(d, &sys, *id, mt->title, "opened", NULL, ch);
    json_decref(ch);
    return rc;
}

static void check_content(desk_t *d, const minutes_content_t *c, const char *not_before,
                          refusal_t *r, int *rc)
{
    for (int i = 0; i < MINUTES_DEPTS; i++) {
        const minutes_dept_t *x = &c->depts[i];
        if (!x->team_id && (*nz(x->highlights) || *nz(x->shortcomings)))
            refusal_add(r, minutes_dept_field(i, "team"), "required");
    }
    for (int i = 0; i < ACTION_ROWS && *rc >= 0; i++)
        if (!action_plan_blank(&c->measures[i]))
            *rc = action_plan_check(d, i, &c->measures[i], not_before, r);
}

int minutes_save(desk_t *d, const agent_t *a, const audit_who_t *who, long long meeting_id,
                 long long version, const minutes_content_t *c, long long *id, refusal_t *r)
{
    meeting_t mt;
    int rc = meeting_get(d, meeting_id, &mt);
    if (rc != OUTCOME_OK)
        return rc;
    time_t now = desk_now(d);
    if (a->id != mt.organiser_id)
        refusal_add(r, "_form", "forbidden");
    else if (strcmp(mt.kind, "review") != 0 || strcmp(mt.status, "cancelled") == 0 ||
             mt.starts_at > now)
        refusal_add(r, "_form", "not_held");
    if (r->n) {
        meeting_free(&mt);
        return CHANGE_REFUSED;
    }
    rc = minutes_of_meeting(d, meeting_id, id);
    if (rc == OUTCOME_NOT_FOUND)
        rc = open_minutes(d, &mt, id);
    meeting_free(&mt);
    if (rc != OUTCOME_OK)
        return rc;
    char status[12], title[801];
    long long cur = 0, organiser = 0, submitted = 0;
    if ((rc = db_found(db_row(&d->db, sql_lock, "i", "siiis", *id, status, sizeof status, &cur,
                              &organiser, &submitted, title, sizeof title))) != OUTCOME_OK)
        return rc;
    minutes_status_t s = (minutes_status_t)minutes_status_parse(status);
    if (!minutes_may_edit(minutes_role_of(a, organiser), s))
        refusal_add(r, "_form", "read_only");
    else if (version && version != cur)
        refusal_add(r, "_form", "stale");
    char today[11];
    action_today(d, today);
    rc = OUTCOME_OK;
    check_content(d, c, today, r, &rc);
    if (rc < 0)
        return rc;
    if (r->n)
        return CHANGE_REFUSED;
    json_t *content = to_json(c);
    char *text = content ? json_dumps(content, JSON_COMPACT) : NULL;
    json_decref(content);
    if (!text)
        return OUTCOME_UNAVAILABLE;
    rc = db_exec(&d->db, sql_save, "sti", text, now, *id);
    json_t *ch = audit_changes();
    audit_mark(ch, "content");
    if (rc >= 0)
        rc = record(d, who, *id, title, "saved", NULL, ch);
    json_decref(ch);
    free(text);
    return rc < 0 ? rc : OUTCOME_OK;
}

/* The members of the departments named on the minutes, each mailed once. */
static int publish(desk_t *d, const minutes_t *m)
{
    long long teams[MINUTES_DEPTS + ACTION_ROWS];
    int nt = 0;
    json_t *x;
    size_t i;
    const char *lists[] = {"departments", "measures"};
    for (int l = 0; l < 2; l++)
        json_array_foreach(json_object_get(m->content, lists[l]), i, x)
        {
            long long t = (long long)json_integer_value(json_object_get(x, "team"));
            bool seen = false;
            for (int k = 0; k < nt; k++)
                seen = seen || teams[k] == t;
            if (t && !seen && nt < (int)(sizeof teams / sizeof *teams))
                teams[nt++] = t;
        }
    HDF *h;
    if (hdf_init(&h) != STATUS_OK)
        return OUTCOME_UNAVAILABLE;
    hdf_set_value(h, "Meeting.title", m->meeting_title);
    tpl_set_time(h, "Meeting.starts_at", m->meeting_at);
    hdf_set_value(h, "Minutes.organiser", m->organiser);
    hdf_set_valuef(h, "Minutes.link=%s/agent/minutes/%lld", d->base_url, m->id);
    hdf_set_valuef(h, "Minutes.measures=%d",
                   (int)json_array_size(json_object_get(m->content, "measures")));
    int rc = OUTCOME_OK;
    for (int t = 0; t < nt && rc == OUTCOME_OK; t++) {
        MYSQL_STMT *st = db_query(&d->db, sql_team_members, "i", teams[t]);
        if (!st) {
            rc = OUTCOME_UNAVAILABLE;
            break;
        }
        long long who = 0;
        char email[255], lang[3], name[401], key[96];
        while (rc == OUTCOME_OK && db_fetch(st, "isss", &who, email, sizeof email, lang,
                                            sizeof lang, name, sizeof name) == 1) {
            hdf_set_value(h, "Recipient.name", name);
            snprintf(key, sizeof key, "minutes_published:minutes=%lld:agent=%lld", m->id, who);
            outbox_msg_t msg = {.channel = OUTBOX_EMAIL, .recipient = email,
                                .lang = lang_parse(lang), .kind = "minutes_published", .data = h,
                                .dedupe_key = key};
            /* not queued: the approval rolls back and says so */
            int q = outbox_add(d, &msg);
            rc = q == OUTCOME_DUPLICATE ? OUTCOME_OK : q;
        }
        db_done(st);
    }
    hdf_destroy(&h);
    return rc;
}

/* On approval: the measures become actions and the departments are told. */
static int approve(desk_t *d, const audit_who_t *who, long long id)
{
    minutes_t m;
    int rc = minutes_get(d, id, &m);
    if (rc != OUTCOME_OK)
        return rc;
    action_plan_t plans[ACTION_ROWS];
    int n = plans_of(m.content, plans);
    rc = action_create_all(d, who, id, 0, m.organiser_id, plans, n);
    if (rc >= 0)
        rc = publish(d, &m);
    minutes_free(&m);
    return rc < 0 ? rc : OUTCOME_OK;
}

int minutes_act(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                minutes_action_t act, long long version, const char *comment, refusal_t *r)
{
    char status[12], title[801];
    long long cur = 0, organiser = 0, submitted = 0;
    int rc = db_found(db_row(&d->db, sql_lock, "i", "siiis", id, status, sizeof status, &cur,
                             &organiser, &submitted, title, sizeof title));
    if (rc != OUTCOME_OK)
        return rc;
    minutes_status_t from = (minutes_status_t)minutes_status_parse(status);
    int to = minutes_action_target(act, from);
    if (!minutes_action_allowed(act, minutes_role_of(a, organiser)))
        refusal_add(r, "_form", "forbidden");
    else if (to < 0)
        refusal_add(r, "_form", "wrong_state");
    else if (version && version != cur)
        refusal_add(r, "_form", "stale");
    if (act == MA_RETURN && !*nz(comment))
        refusal_add(r, "comment", "required");
    if (!r->n && act == MA_SUBMIT) {
        minutes_t m;
        if ((rc = minutes_get(d, id, &m)) != OUTCOME_OK)
            return rc;
        if (!filled(m.content, "review") || !filled(m.content, "root_causes") ||
            !filled(m.content, "directions") ||
            json_array_size(json_object_get(m.content, "measures")) == 0)
            refusal_add(r, "_form", "incomplete");
        minutes_free(&m);
    }
    if (r->n)
        return CHANGE_REFUSED;
    time_t now = desk_now(d);
    long long number = act == MA_SUBMIT ? submitted + 1 : submitted;
    if (act == MA_SUBMIT)
        rc = db_exec(&d->db, sql_add_version, "iiti", number, a->id, now, id);
    else
        rc = db_exec(&d->db, sql_add_decision, "iisits", id, number,
                     act == MA_APPROVE ? "approved" : "returned", a->id, now, nz(comment));
    if (rc < 0)
        return rc;
    bool approving = act == MA_APPROVE;
    rc = db_exec(&d->db, sql_set_status, "sijtti", minutes_status_code((minutes_status_t)to),
                 number, approving ? a->id : 0LL, approving ? now : (time_t)0, now, id);
    if (rc < 0)
        return rc;
    json_t *ch = audit_changes();
    audit_str(ch, "status", status, minutes_status_code((minutes_status_t)to));
    audit_int(ch, "version", 0, number);
    if (*nz(comment))
        audit_str(ch, "comment", NULL, comment);
    rc = record(d, who, id, title, minutes_action_code(act), *nz(comment) ? comment : NULL, ch);
    json_decref(ch);
    if (rc == OUTCOME_OK && approving)
        rc = approve(d, who, id);
    return rc;
}

int minutes_each_version(desk_t *d, long long id,
                         void (*fn)(const minutes_version_t *v, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_versions, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    minutes_version_t v;
    char *comment = NULL;
    int n = 0, rc;
    memset(&v, 0, sizeof v);
    while ((rc = db_fetch(st, "istsstS", &v.number, v.by, sizeof v.by, &v.submitted_at,
                          v.decision, sizeof v.decision, v.decided_by, sizeof v.decided_by,
                          &v.decided_at, &comment)) == 1) {
        v.comment = nz(comment);
        fn(&v, ctx), n++;
        free(comment);
        comment = NULL;
    }
    db_done(st);
    return rc < 0 ? rc : n;
}

int minutes_version_content(desk_t *d, long long id, long long number, json_t **content)
{
    char *text = NULL;
    *content = NULL;
    int rc = db_row(&d->db, sql_version, "ii", "S", id, number, &text);
    if (rc == 1) {
        *content = json_loads(text ? text : "{}", 0, NULL);
        if (!*content)
            *content = json_object();
    }
    free(text);
    return db_found(rc);
}

int minutes_each_event(desk_t *d, long long id,
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

int minutes_list(desk_t *d, const agent_t *a, bool awaiting, long long after, int limit,
                 void (*fn)(const minutes_row_t *row, void *ctx), void *ctx)
{
    if (awaiting && a->role != ROLE_DIRECTOR)
        return 0;
    MYSQL_STMT *st = awaiting ? db_query(&d->db, sql_list_awaiting, "ii", after, (long long)limit)
                              : db_query(&d->db, sql_list_mine, "iii", a->id, after,
                                         (long long)limit);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    minutes_row_t row;
    time_t now = desk_now(d);
    int n = 0, rc;
    memset(&row, 0, sizeof row);
    while ((rc = db_fetch(st, "iissstt", &row.id, &row.meeting_id, row.status, sizeof row.status,
                          row.meeting_title, sizeof row.meeting_title, row.organiser,
                          sizeof row.organiser, &row.meeting_at, &row.due_at)) == 1) {
        row.late = strcmp(row.status, "draft") == 0 && now > row.due_at;
        fn(&row, ctx), n++;
    }
    db_done(st);
    return rc < 0 ? rc : n;
}

static int collect(desk_t *d, const char *sql, long long *ids, int limit)
{
    time_t now = desk_now(d);
    MYSQL_STMT *st = sql == sql_unminuted
                         ? db_query(&d->db, sql, "tti", now, now, (long long)limit)
                         : db_query(&d->db, sql, "ti", now, (long long)limit);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    int n = 0, rc;
    while (n < limit && (rc = db_fetch(st, "i", &ids[n])) == 1)
        n++;
    db_done(st);
    return n;
}

static int open_ended(desk_t *d, long long meeting_id)
{
    meeting_t mt;
    long long id = 0;
    int rc = meeting_get(d, meeting_id, &mt);
    if (rc != OUTCOME_OK)
        return rc;
    if (mt.starts_at + (time_t)mt.duration_minutes * 60 <= desk_now(d))
        rc = open_minutes(d, &mt, &id);
    meeting_free(&mt);
    return rc;
}

static int mail_late(desk_t *d, long long id)
{
    minutes_t m;
    int rc = minutes_get(d, id, &m);
    if (rc != OUTCOME_OK)
        return rc;
    MYSQL_STMT *st = db_query(&d->db, sql_late_to, "i", m.organiser_id);
    HDF *h;
    if (!st || hdf_init(&h) != STATUS_OK) {
        db_done(st);
        minutes_free(&m);
        return OUTCOME_UNAVAILABLE;
    }
    hdf_set_value(h, "Meeting.title", m.meeting_title);
    tpl_set_time(h, "Meeting.starts_at", m.meeting_at);
    tpl_set_time(h, "Minutes.due", m.due_at);
    hdf_set_value(h, "Minutes.organiser", m.organiser);
    hdf_set_valuef(h, "Minutes.link=%s/agent/minutes/%lld", d->base_url, id);
    long long who = 0, mailed = 0;
    char email[255], lang[3], name[401], key[96];
    while (rc == OUTCOME_OK && db_fetch(st, "isss", &who, email, sizeof email, lang, sizeof lang,
                                        name, sizeof name) == 1) {
        mailed++;
        hdf_set_value(h, "Recipient.name", name);
        snprintf(key, sizeof key, "minutes_late:minutes=%lld:agent=%lld", id, who);
        outbox_msg_t msg = {.channel = OUTBOX_EMAIL, .recipient = email, .lang = lang_parse(lang),
                            .kind = "minutes_late", .data = h, .dedupe_key = key};
        /* a mail not queued is not sent: the claim rolls back, the next pass retries */
        int q = outbox_add(d, &msg);
        rc = q == OUTCOME_DUPLICATE ? OUTCOME_OK : q;
    }
    db_done(st);
    hdf_destroy(&h);
    if (rc == OUTCOME_OK) { /* the history and the audit say the desk alerted */
        audit_who_t system = {0, NULL};
        json_t *ch = audit_changes();
        audit_int(ch, "recipients", 0, mailed);
        rc = record(d, &system, id, m.meeting_title, "late_alerted", NULL, ch);
        json_decref(ch);
    }
    minutes_free(&m);
    return rc;
}

/* Runs fn(d, id) for each id in its own transaction; the number done. */
static int each_in_tx(desk_t *d, const long long *ids, int n, const char *claim,
                      int (*fn)(desk_t *d, long long id), const char *what)
{
    int done = 0, rc;
    for (int i = 0; i < n; i++) {
        if ((rc = db_begin(&d->db)) != OUTCOME_OK)
            return rc;
        rc = claim ? db_exec(&d->db, claim, "ti", desk_now(d), ids[i]) : 1;
        if (rc == 1)
            rc = fn(d, ids[i]);
        if (rc >= 0 && db_commit(&d->db) == OUTCOME_OK) {
            done += rc == OUTCOME_OK;
            continue;
        }
        db_rollback(&d->db);
        log_error("%s %lld: %d", what, ids[i], rc);
    }
    return done;
}

int minutes_late_pass(desk_t *d, int limit)
{
    long long ids[100];
    if (limit > 100)
        limit = 100;
    int n = collect(d, sql_unminuted, ids, limit);
    if (n < 0)
        return n;
    each_in_tx(d, ids, n, NULL, open_ended, "minutes not opened for meeting");
    n = collect(d, sql_late, ids, limit);
    if (n < 0)
        return n;
    return each_in_tx(d, ids, n, sql_late_claim, mail_late, "late minutes not alerted");
}
