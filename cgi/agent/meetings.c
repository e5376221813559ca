/* agent_meetings: review meetings (复盘会议, lib/desk/review/meeting.h).
 *
 *   GET  /agent/meetings          the meetings one may see, newest first,
 *                                 keyset pages (?before=ID)
 *   GET  /agent/meetings/new      a new one (?problems=PRB-000012)
 *   POST /agent/meetings/new      schedules it: at least three working days
 *                                 ahead on the organiser's calendar, or a
 *                                 director's reason
 *   GET  /agent/meetings/ID       the meeting: agenda, attendees, records
 * The POST is CSRF-checked and runs in one transaction; a refusal comes back
 * on the form with what was typed kept and, for a start too soon, the
 * earliest allowed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/web.h"
#include "core/log.h"
#include "desk/people/people.h"
#include "desk/review/meeting.h"
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

/* Validates the form, the attendees (active people) to out as "3,5":
 * the number of fields in error. */
static int validate(web_t *w, char *out, size_t cap)
{
    HDF *h = w->r->hdf;
    form_field_t all[NFIELDS + 1];
    memcpy(all, fields, sizeof fields);
    all[NFIELDS] = (form_field_t){.name = "attendees", .type = FT_MULTICHOICE};
    people_choices_t *people = malloc(sizeof *people);
    int errors = 0;
    if (!people || agent_people_choices(w, people) < 0)
        form_set_error(h, "_form", "save_failed"), errors++;
    else
        all[NFIELDS].choices = people->codes;
    errors += form_validate(h, h, all, NFIELDS + 1);
    free(people);
    long long ids[MEETING_ATTENDEES_MAX + 1];
    int n = form_ids(h, "attendees", ids, MEETING_ATTENDEES_MAX + 1);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t len = strlen(out);
        snprintf(out + len, cap - len, "%s%lld", len ? "," : "", ids[i]);
    }
    if (!agent_csrf_ok(w))
        form_set_error(h, "_form", "expired"), errors++;
    return errors;
}

void agent_do_meeting_new(web_t *w, const char *arg)
{
    (void)arg;
    HDF *h = w->r->hdf;
    if (!manager(ME(w)))
        return agent_error_page(w, 403, "forbidden");
    char attendees[1024];
    if (validate(w, attendees, sizeof attendees))
        return show_form(w, 422);
    const char *starts = form_value(h, "starts_at");
    long long duration = form_int(h, "duration");
    meeting_content_t c = {
        .kind = form_value(h, "kind"),
        .title = form_value(h, "title"),
        .location = form_value(h, "location"),
        .agenda = form_value(h, "agenda"),
        .starts_at = starts ? form_parse_local_time(starts) : 0,
        .duration_minutes = duration ? duration : 60,
        .attendees = attendees,
        .problems = form_value(h, "problems"),
        .override_reason = form_value(h, "override_reason"),
    };
    refusal_t r = {0};
    audit_who_t who = {ME(w)->id, req_env(w->r, "REMOTE_ADDR")};
    long long id = 0;
    time_t earliest = 0;
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = meeting_create(w->d, ME(w), &who, &c, &id, &earliest, &r);
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

void agent_page_meeting(web_t *w, const char *arg)
{
    char seg[24];
    long long id = web_segment(arg, seg, sizeof seg) ? web_id(seg) : 0;
    meeting_t m;
    bool visible = false;
    int rc = id ? meeting_get(w->d, id, &m) : OUTCOME_NOT_FOUND;
    bool loaded = rc == OUTCOME_OK;
    if (loaded && (rc = meeting_visible(w->d, ME(w), &m, &visible)) == OUTCOME_OK && !visible)
        rc = OUTCOME_FORBIDDEN;
    if (rc != OUTCOME_OK) {
        if (loaded)
            meeting_free(&m);
        return agent_fail(w, rc);
    }
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Meeting.id=%lld", m.id);
    hdf_set_value(h, "Meeting.kind", m.kind);
    hdf_set_value(h, "Meeting.status", m.status);
    hdf_set_value(h, "Meeting.title", m.title);
    hdf_set_value(h, "Meeting.location", m.location);
    hdf_set_value(h, "Meeting.agenda", m.agenda ? m.agenda : "");
    hdf_set_value(h, "Meeting.organiser", m.organiser);
    hdf_set_valuef(h, "Meeting.duration=%lld", m.duration_minutes);
    hdf_set_value(h, "Meeting.override_reason", m.override_reason ? m.override_reason : "");
    tpl_set_time(h, "Meeting.starts_at", m.starts_at);
    tpl_set_time(h, "Meeting.earliest_at", m.earliest_at);
    meeting_free(&m);
    if (meeting_each_attendee(w->d, id, w->lang, add_attendee, h) < 0 ||
        meeting_each_problem(w->d, id, agent_problem_row, h) < 0 ||
        meeting_each_event(w->d, id, add_event, h) < 0)
        return agent_error_page(w, 503, "unavailable");
    hdf_set_int_value(h, "Page.Doc", 1);
    agent_set_nav(w);
    web_render(w, "agent/meeting.cs");
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
    if (meeting_list(w->d, ME(w), web_id(req_query(w->r, "before")), MEETING_PAGE + 1, add_row,
                     &l) < 0)
        return agent_error_page(w, 503, "unavailable");
    hdf_set_int_value(w->r->hdf, "RowCount", l.n);
    hdf_set_int_value(w->r->hdf, "Me.manager", manager(ME(w)));
    agent_set_nav(w);
    web_render(w, "agent/meetings.cs");
}
