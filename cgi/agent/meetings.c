/* agent_meetings: review meetings (复盘会议, lib/desk/review/meeting.h).
 *
 *   GET  /agent/meetings          the meetings one may see, newest first,
 *                                 keyset pages (?before=ID)
 *   GET  /agent/meetings/new      a new one (?problems=PRB-000012)
 *   POST /agent/meetings/new      schedules it: at least three working days
 *                                 ahead on the organiser's calendar, or a
 *                                 director's reason
 *   GET  /agent/meetings/ID       the meeting: agenda, attendees, records
 *   GET  /agent/meetings/ID/edit  its form again (organiser, director, admin)
 *   POST /agent/meetings/ID/edit  saves it: a new time is held to the rule
 *   POST /agent/meetings/ID/cancel  calls it off with a reason
 *   POST /agent/meetings/ID/held  records that it took place
 * (?kind=review|weekly|drill filters the list.) Each POST is CSRF-checked
 * and runs in one transaction with the calendar mail it causes
 * (lib/desk/review/meeting_mail.h); a refusal comes back on the form with
 * what was typed kept and, for a start too soon, the earliest allowed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/coordination.h"
#include "agent/review.h"
#include "agent/web.h"
#include "core/log.h"
#include "desk/people/people.h"
#include "desk/review/meeting.h"
#include "desk/review/meeting_mail.h"
#include "desk/review/problem.h"
#include "web/status.h"

static const form_field_t fields[] = {
    {.name = "kind", .type = FT_CHOICE, .required = true, .choices = meeting_kinds},
    {.name = "title", .type = FT_TEXT, .required = true, .max_chars = 200},
    {.name = "starts_at", .type = FT_DATETIME, .required = true},
    {.name = "duration", .type = FT_INTEGER, .min = 15, .max = 600},
    {.name = "location", .type = FT_TEXT, .max_chars = 200},
    {.name = "agenda", .type = FT_LONGTEXT, .max_chars = 4000},
    {.name = "problems", .type = FT_TEXT, .max_chars = 400},
    {.name = "override_reason", .type = FT_TEXT, .max_chars = 500},
};
#define NFIELDS (int)(sizeof fields / sizeof *fields)

static bool manager(const agent_t *a)
{
    return a->role == ROLE_SUPERVISOR || a->role == ROLE_DIRECTOR || a->role == ROLE_ADMIN;
}

static void add_person(long long id, const char *name, const char *role, void *ctx)
{
    web_t *w = ctx;
    int i = hdf_get_int_value(w->r->hdf, "PeopleCount", 0);
    hdf_set_valuef(w->r->hdf, "People.%d.id=%lld", i, id);
    hdf_set_valuef(w->r->hdf, "People.%d.name=%s", i, name);
    hdf_set_valuef(w->r->hdf, "People.%d.role=%s", i, role);
    hdf_set_int_value(w->r->hdf, "PeopleCount", i + 1);
}

static void show_form(web_t *w, int status)
{
    HDF *h = w->r->hdf;
    char key[48];
    for (int i = 0; meeting_kinds[i]; i++) {
        snprintf(key, sizeof key, "Review.Meeting.Kind.%s", meeting_kinds[i]);
        hdf_set_valuef(h, "KindOpts.%d.code=%s", i, meeting_kinds[i]);
        hdf_set_valuef(h, "KindOpts.%d.label=%s", i, texts_get(&w->d->texts, w->lang, key));
    }
    if (!*hdf_get_value(h, "Form.kind.value", ""))
        hdf_set_value(h, "Form.kind.value", "review");
    if (people_each_active(w->d, add_person, w) < 0)
        return agent_error_page(w, 503, "unavailable");
    const catalog_t *cat = &w->d->catalog;
    for (int i = 0; i < cat->nteams; i++) {
        hdf_set_valuef(h, "TeamOpts.%d.id=%lld", i, cat->teams[i].id);
        hdf_set_valuef(h, "TeamOpts.%d.name=%s", i, cat->teams[i].name[w->lang]);
    }
    const bizcal_t *cal = NULL;
    long long cal_id = 0;
    if (meeting_calendar(w->d, ME(w)->id, &cal, &cal_id) == OUTCOME_OK)
        tpl_set_time(h, "Lead.earliest", meeting_earliest(cal, desk_now(w->d)));
    hdf_set_int_value(h, "Lead.days", MEETING_LEAD_WORKDAYS);
    hdf_set_int_value(h, "Me.director", ME(w)->role == ROLE_DIRECTOR);
    agent_set_nav(w);
    w->r->status = status;
    web_render(w, "agent/meeting_edit.cs");
}

/* The form of meeting id, for its edit (Edit.id, Edit.version). */
static void show_edit_form(web_t *w, int status, long long id, long long version)
{
    hdf_set_valuef(w->r->hdf, "Edit.id=%lld", id);
    hdf_set_valuef(w->r->hdf, "Edit.version=%lld", version);
    show_form(w, status);
}

void agent_page_meeting_new(web_t *w, const char *arg)
{
    (void)arg;
    if (!manager(ME(w)))
        return agent_error_page(w, 403, "forbidden");
    form_field_t f = {.name = "problems", .type = FT_TEXT, .max_chars = 400};
    if (req_query(w->r, "problems") && !form_validate(w->r->hdf, w->r->hdf, &f, 1))
        hdf_set_value(w->r->hdf, "Form.problems.value", form_value(w->r->hdf, "problems"));
    hdf_remove_tree(w->r->hdf, "Form.problems.error");
    show_form(w, 200);
}

/* The chosen ids of a multiple choice as "3,5". */
static void id_list(HDF *h, const char *name, int cap_ids, char *out, size_t cap)
{
    long long ids[MEETING_ATTENDEES_MAX + 1];
    int n = form_ids(h, name, ids, cap_ids < MEETING_ATTENDEES_MAX + 1 ? cap_ids
                                                                      : MEETING_ATTENDEES_MAX + 1);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t len = strlen(out);
        snprintf(out + len, cap - len, "%s%lld", len ? "," : "", ids[i]);
    }
}

/* The departments one may invite, as choices. */
typedef struct team_choices {
    char ids[MEETING_TEAMS_MAX * 3][24];
    const char *codes[MEETING_TEAMS_MAX * 3 + 1];
} team_choices_t;

static void team_choices(web_t *w, team_choices_t *t)
{
    const catalog_t *cat = &w->d->catalog;
    int n = 0;
    for (int i = 0; i < cat->nteams && n < MEETING_TEAMS_MAX * 3; i++, n++) {
        snprintf(t->ids[n], sizeof t->ids[n], "%lld", cat->teams[i].id);
        t->codes[n] = t->ids[n];
    }
    t->codes[n] = NULL;
}

/* Validates the form, the attendees (active people) to out as "3,5" and
 * the departments to teams: the number of fields in error. */
static int validate(web_t *w, char *out, size_t cap, char *teams, size_t tcap)
{
    HDF *h = w->r->hdf;
    form_field_t all[NFIELDS + 2];
    memcpy(all, fields, sizeof fields);
    all[NFIELDS] = (form_field_t){.name = "attendees", .type = FT_MULTICHOICE};
    team_choices_t tc;
    team_choices(w, &tc);
    all[NFIELDS + 1] = (form_field_t){.name = "teams", .type = FT_MULTICHOICE, .choices = tc.codes};
    people_choices_t *people = malloc(sizeof *people);
    int errors = 0;
    if (!people || agent_people_choices(w, people) < 0)
        form_set_error(h, "_form", "save_failed"), errors++;
    else
        all[NFIELDS].choices = people->codes;
    errors += form_validate(h, h, all, NFIELDS + 2);
    free(people);
    id_list(h, "attendees", MEETING_ATTENDEES_MAX + 1, out, cap);
    id_list(h, "teams", MEETING_TEAMS_MAX + 1, teams, tcap);
    if (!agent_csrf_ok(w))
        form_set_error(h, "_form", "expired"), errors++;
    return errors;
}

/* The validated form as a meeting's content. */
static meeting_content_t read_content(HDF *h, const char *attendees, const char *teams)
{
    const char *starts = form_value(h, "starts_at");
    long long duration = form_int(h, "duration");
    return (meeting_content_t){
        .kind = form_value(h, "kind"),
        .title = form_value(h, "title"),
        .location = form_value(h, "location"),
        .agenda = form_value(h, "agenda"),
        .starts_at = starts ? form_parse_local_time(starts) : 0,
        .duration_minutes = duration ? duration : 60,
        .attendees = attendees,
        .teams = teams,
        .problems = form_value(h, "problems"),
        .override_reason = form_value(h, "override_reason"),
    };
}

/* A refusal's reasons on the form; the earliest start when too soon. */
static void show_refusal(HDF *h, const refusal_t *r, time_t earliest)
{
    for (int i = 0; i < r->n && i < REFUSAL_MAX; i++)
        form_set_error(h, r->why[i].field, r->why[i].key);
    if (earliest > 0)
        tpl_set_time(h, "Form.starts_at.earliest", earliest);
}

void agent_do_meeting_new(web_t *w, const char *arg)
{
    (void)arg;
    HDF *h = w->r->hdf;
    if (!manager(ME(w)))
        return agent_error_page(w, 403, "forbidden");
    char attendees[1024], teams[512];
    if (validate(w, attendees, sizeof attendees, teams, sizeof teams))
        return show_form(w, 422);
    meeting_content_t c = read_content(h, attendees, teams);
    refusal_t r = {0};
    audit_who_t who = {ME(w)->id, req_env(w->r, "REMOTE_ADDR")};
    long long id = 0;
    time_t earliest = 0;
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = meeting_create(w->d, ME(w), &who, &c, &id, &earliest, &r);
    if (rc == OUTCOME_OK)
        rc = meeting_mail_invite(w->d, id, NULL, 0);
    if (rc == OUTCOME_OK)
        rc = db_commit(&w->d->db);
    else
        db_rollback(&w->d->db);
    if (rc != OUTCOME_OK) {
        for (int i = 0; i < r.n && i < REFUSAL_MAX; i++)
            form_set_error(h, r.why[i].field, r.why[i].key);
        if (earliest > 0)
            tpl_set_time(h, "Form.starts_at.earliest", earliest);
        if (rc != CHANGE_REFUSED) {
            log_error("meeting not scheduled: %d", rc);
            form_set_error(h, "_form", "save_failed");
        }
        return show_form(w, rc == CHANGE_REFUSED ? 422 : status_of(rc));
    }
    char where[80];
    snprintf(where, sizeof where, "/agent/meetings/%lld?done=meeting_created", id);
    req_redirect(w->r, where);
}

static void add_attendee(long long person, const char *name, const char *teams, void *ctx)
{
    HDF *h = ctx;
    int i = hdf_get_int_value(h, "AttendeeCount", 0);
    hdf_set_valuef(h, "Attendees.%d.id=%lld", i, person);
    hdf_set_valuef(h, "Attendees.%d.name=%s", i, name);
    hdf_set_valuef(h, "Attendees.%d.teams=%s", i, teams);
    hdf_set_int_value(h, "AttendeeCount", i + 1);
}

static void add_team(long long team, const char *name, void *ctx)
{
    HDF *h = ctx;
    int i = hdf_get_int_value(h, "TeamCount", 0);
    hdf_set_valuef(h, "Teams.%d.id=%lld", i, team);
    hdf_set_valuef(h, "Teams.%d.name=%s", i, name);
    hdf_set_int_value(h, "TeamCount", i + 1);
}

static void select_team(long long team, const char *name, void *ctx)
{
    (void)name;
    hdf_set_valuef((HDF *)ctx, "Form.teams.sel.%lld=1", team);
}

static void add_event(time_t at, const char *who, const char *kind, void *ctx)
{
    HDF *h = ctx;
    int i = hdf_get_int_value(h, "HistoryCount", 0);
    char key[32];
    snprintf(key, sizeof key, "History.%d.at", i);
    tpl_set_time(h, key, at);
    hdf_set_valuef(h, "History.%d.who=%s", i, who);
    hdf_set_valuef(h, "History.%d.kind=%s", i, kind);
    hdf_set_int_value(h, "HistoryCount", i + 1);
}

static long long meeting_id(const char *arg)
{
    char seg[24];
    return web_segment(arg, seg, sizeof seg) ? web_id(seg) : 0;
}

/* Meeting id for a, loaded into m when a may see it: OUTCOME_OK (m to
 * free), or what to answer. */
static int load_visible(web_t *w, long long id, meeting_t *m)
{
    bool visible = false;
    int rc = id ? meeting_get(w->d, id, m) : OUTCOME_NOT_FOUND;
    bool loaded = rc == OUTCOME_OK;
    if (loaded && (rc = meeting_visible(w->d, ME(w), m, &visible)) == OUTCOME_OK && !visible)
        rc = OUTCOME_FORBIDDEN;
    if (rc != OUTCOME_OK && loaded)
        meeting_free(m);
    return rc;
}

static void show_meeting(web_t *w, long long id, int status)
{
    meeting_t m;
    int rc = load_visible(w, id, &m);
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Meeting.id=%lld", m.id);
    hdf_set_valuef(h, "Meeting.version=%lld", m.version);
    hdf_set_value(h, "Meeting.kind", m.kind);
    hdf_set_value(h, "Meeting.status", m.status);
    hdf_set_value(h, "Meeting.title", m.title);
    hdf_set_value(h, "Meeting.location", m.location);
    hdf_set_value(h, "Meeting.agenda", m.agenda ? m.agenda : "");
    hdf_set_value(h, "Meeting.organiser", m.organiser);
    hdf_set_valuef(h, "Meeting.duration=%lld", m.duration_minutes);
    hdf_set_value(h, "Meeting.override_reason", m.override_reason ? m.override_reason : "");
    tpl_set_time(h, "Meeting.starts_at", m.starts_at);
    agent_coordination_meeting(w, m.kind, m.starts_at, false);
    tpl_set_time(h, "Meeting.earliest_at", m.earliest_at);
    bool scheduled = strcmp(m.status, "scheduled") == 0;
    hdf_set_int_value(h, "Perm.change", scheduled && meeting_may_change(ME(w), &m));
    hdf_set_int_value(h, "Perm.held", scheduled && meeting_may_change(ME(w), &m) &&
                                          m.starts_at <= desk_now(w->d));
    long long sequence = 0;
    char reason[2001] = "";
    rc = meeting_mail_state(w->d, id, &sequence, reason, sizeof reason);
    hdf_set_value(h, "Meeting.cancel_reason", reason);
    meeting_free(&m);
    if (rc != OUTCOME_OK || meeting_each_attendee(w->d, id, w->lang, add_attendee, h) < 0 ||
        meeting_each_team(w->d, id, w->lang, add_team, h) < 0 ||
        meeting_each_problem(w->d, id, agent_problem_row, h) < 0 ||
        meeting_each_event(w->d, id, add_event, h) < 0)
        return agent_error_page(w, 503, "unavailable");
    agent_meeting_minutes(w, id);
    hdf_set_int_value(h, "Page.Doc", 1);
    agent_set_nav(w);
    w->r->status = status;
    web_render(w, "agent/meeting.cs");
}

void agent_page_meeting(web_t *w, const char *arg)
{
    show_meeting(w, meeting_id(arg), 200);
}

/* ---- edit, cancel, held -------------------------------------------------- */

static void add_problem_number(long long problem, const char *title, const char *status, void *ctx)
{
    (void)title;
    (void)status;
    HDF *h = ctx;
    char number[16];
    problem_number(problem, number);
    const char *was = hdf_get_value(h, "Form.problems.value", "");
    hdf_set_valuef(h, "Form.problems.value=%s%s%s", was, *was ? " " : "", number);
}

static void select_attendee(long long person, const char *name, const char *teams, void *ctx)
{
    (void)name;
    (void)teams;
    hdf_set_valuef((HDF *)ctx, "Form.attendees.sel.%lld=1", person);
}

void agent_page_meeting_edit(web_t *w, const char *arg)
{
    long long id = meeting_id(arg);
    meeting_t m;
    int rc = load_visible(w, id, &m);
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    if (!meeting_may_change(ME(w), &m) || strcmp(m.status, "scheduled") != 0) {
        meeting_free(&m);
        return agent_error_page(w, 403, "forbidden");
    }
    HDF *h = w->r->hdf;
    char when[24];
    struct tm tm;
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M", localtime_r(&m.starts_at, &tm));
    hdf_set_value(h, "Form.kind.value", m.kind);
    hdf_set_value(h, "Form.title.value", m.title);
    hdf_set_value(h, "Form.starts_at.value", when);
    hdf_set_valuef(h, "Form.duration.value=%lld", m.duration_minutes);
    hdf_set_value(h, "Form.location.value", m.location);
    hdf_set_value(h, "Form.agenda.value", m.agenda ? m.agenda : "");
    long long version = m.version;
    meeting_free(&m);
    if (meeting_each_problem(w->d, id, add_problem_number, h) < 0 ||
        meeting_each_attendee(w->d, id, w->lang, select_attendee, h) < 0 ||
        meeting_each_team(w->d, id, w->lang, select_team, h) < 0)
        return agent_error_page(w, 503, "unavailable");
    show_edit_form(w, 200, id, version);
}

static void done(web_t *w, long long id, const char *what)
{
    char where[96];
    snprintf(where, sizeof where, "/agent/meetings/%lld?done=%s", id, what);
    req_redirect(w->r, where);
}

/* Commits a change that went well (with its mail), rolls back any other. */
static int finish(web_t *w, int rc)
{
    if (rc == OUTCOME_OK)
        return db_commit(&w->d->db);
    db_rollback(&w->d->db);
    return rc;
}

void agent_do_meeting_edit(web_t *w, const char *arg)
{
    HDF *h = w->r->hdf;
    long long id = meeting_id(arg);
    if (!id)
        return agent_error_page(w, 404, "not_found");
    form_field_t vf = {.name = "version", .type = FT_ID, .required = true};
    form_validate(h, h, &vf, 1);
    long long version = form_int(h, "version");
    char attendees[1024], teams[512];
    if (validate(w, attendees, sizeof attendees, teams, sizeof teams))
        return show_edit_form(w, 422, id, version);
    meeting_content_t c = read_content(h, attendees, teams);
    refusal_t r = {0};
    audit_who_t who = {ME(w)->id, req_env(w->r, "REMOTE_ADDR")};
    time_t earliest = 0;
    long long removed[MEETING_INVITEES_MAX];
    int nremoved = 0;
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = meeting_update(w->d, ME(w), &who, id, version, &c, &earliest, removed, &nremoved, &r);
    bool unchanged = rc == CHANGE_UNCHANGED;
    if (rc == OUTCOME_OK)
        rc = meeting_mail_invite(w->d, id, removed, nremoved);
    rc = finish(w, unchanged ? OUTCOME_UNAVAILABLE : rc);
    if (unchanged)
        return done(w, id, "meeting_unchanged");
    if (rc == OUTCOME_NOT_FOUND)
        return agent_fail(w, rc);
    if (rc != OUTCOME_OK) {
        if (r.n && !strcmp(r.why[0].field, "_form") && !strcmp(r.why[0].key, "forbidden"))
            return agent_error_page(w, 403, "forbidden");
        show_refusal(h, &r, earliest);
        if (rc != CHANGE_REFUSED) {
            log_error("meeting %lld not saved: %d", id, rc);
            form_set_error(h, "_form", "save_failed");
        }
        return show_edit_form(w, rc == CHANGE_REFUSED ? 422 : status_of(rc), id, version);
    }
    done(w, id, "meeting_saved");
}

/* The cancel and held forms: CSRF, version, the reason. */
static int change_form(web_t *w, bool reason)
{
    HDF *h = w->r->hdf;
    const form_field_t f[] = {{.name = "version", .type = FT_ID, .required = true},
                              {.name = "reason", .type = FT_TEXT, .required = true, .max_chars = 500}};
    int errors = form_validate(h, h, f, reason ? 2 : 1);
    if (!agent_csrf_ok(w))
        form_set_error(h, "_form", "expired"), errors++;
    return errors;
}

static void change_refused(web_t *w, long long id, int rc, const refusal_t *r)
{
    if (rc == OUTCOME_NOT_FOUND || rc == OUTCOME_FORBIDDEN)
        return agent_fail(w, rc);
    if (r->n && !strcmp(r->why[0].key, "forbidden"))
        return agent_error_page(w, 403, "forbidden");
    show_refusal(w->r->hdf, r, 0);
    if (rc != CHANGE_REFUSED) {
        log_error("meeting %lld not changed: %d", id, rc);
        form_set_error(w->r->hdf, "_form", "save_failed");
    }
    show_meeting(w, id, rc == CHANGE_REFUSED ? 422 : status_of(rc));
}

void agent_do_meeting_cancel(web_t *w, const char *arg)
{
    long long id = meeting_id(arg);
    if (!id)
        return agent_error_page(w, 404, "not_found");
    if (change_form(w, true))
        return show_meeting(w, id, 422);
    refusal_t r = {0};
    audit_who_t who = {ME(w)->id, req_env(w->r, "REMOTE_ADDR")};
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = meeting_cancel(w->d, ME(w), &who, id, form_int(w->r->hdf, "version"),
                            form_value(w->r->hdf, "reason"), &r);
    if (rc == OUTCOME_OK)
        rc = meeting_mail_invite(w->d, id, NULL, 0);
    if ((rc = finish(w, rc)) != OUTCOME_OK)
        return change_refused(w, id, rc, &r);
    done(w, id, "meeting_cancelled");
}

void agent_do_meeting_held(web_t *w, const char *arg)
{
    long long id = meeting_id(arg);
    if (!id)
        return agent_error_page(w, 404, "not_found");
    if (change_form(w, false))
        return show_meeting(w, id, 422);
    refusal_t r = {0};
    audit_who_t who = {ME(w)->id, req_env(w->r, "REMOTE_ADDR")};
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = meeting_mark_held(w->d, ME(w), &who, id, form_int(w->r->hdf, "version"), &r);
    if ((rc = finish(w, rc)) != OUTCOME_OK)
        return change_refused(w, id, rc, &r);
    done(w, id, "meeting_held");
}

typedef struct list_ctx {
    web_t *w;
    int n;
    long long last;
} list_ctx_t;

static void add_row(const meeting_row_t *row, void *ctx)
{
    list_ctx_t *l = ctx;
    HDF *h = l->w->r->hdf;
    if (l->n == MEETING_PAGE) {
        hdf_set_valuef(h, "Next=%lld", l->last);
        return;
    }
    char key[32];
    hdf_set_valuef(h, "Rows.%d.id=%lld", l->n, row->id);
    hdf_set_valuef(h, "Rows.%d.kind=%s", l->n, row->kind);
    hdf_set_valuef(h, "Rows.%d.status=%s", l->n, row->status);
    hdf_set_valuef(h, "Rows.%d.title=%s", l->n, row->title);
    hdf_set_valuef(h, "Rows.%d.organiser=%s", l->n, row->organiser);
    hdf_set_valuef(h, "Rows.%d.overridden=%d", l->n, row->overridden);
    snprintf(key, sizeof key, "Rows.%d.starts_at", l->n);
    tpl_set_time(h, key, row->starts_at);
    l->last = row->id;
    l->n++;
}

void agent_page_meetings(web_t *w, const char *arg)
{
    (void)arg;
    list_ctx_t l = {w, 0, 0};
    const char *kind = req_query(w->r, "kind");
    bool known = false;
    for (int i = 0; kind && meeting_kinds[i]; i++)
        known = known || strcmp(kind, meeting_kinds[i]) == 0;
    kind = known ? kind : NULL;
    for (int i = 0; meeting_kinds[i]; i++)
        hdf_set_valuef(w->r->hdf, "Kinds.%d=%s", i, meeting_kinds[i]);
    hdf_set_value(w->r->hdf, "Filter.kind", kind ? kind : "");
    if (meeting_list_kind(w->d, ME(w), kind, web_id(req_query(w->r, "before")), MEETING_PAGE + 1,
                          add_row, &l) < 0)
        return agent_error_page(w, 503, "unavailable");
    hdf_set_int_value(w->r->hdf, "RowCount", l.n);
    hdf_set_int_value(w->r->hdf, "Me.manager", manager(ME(w)));
    agent_set_nav(w);
    web_render(w, "agent/meetings.cs");
}
