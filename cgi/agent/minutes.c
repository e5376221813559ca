/* agent_minutes: the minutes of review meetings (表4 复盘会议纪要,
 * lib/desk/review/minutes.h).
 *
 *   GET  /agent/minutes             awaiting my approval (directors) or mine,
 *                                   oldest first, keyset pages (?after=ID)
 *   GET  /agent/minutes/new         ?meeting=ID: the form for a held meeting
 *   POST /agent/minutes/new         saves the first draft
 *   GET  /agent/minutes/ID          the minutes as the paper form, or a
 *                                   submitted version (?v=N); the
 *                                   versions with the director's decisions,
 *                                   the actions they became, the history
 *   GET  /agent/minutes/ID/edit     the form again (draft, returned)
 *   POST /agent/minutes/ID/edit     saves it
 *   POST /agent/minutes/ID/act      submit, approve, return (with a comment)
 * POSTs are CSRF-checked and run in one transaction; a refusal comes back
 * on the form with what was typed kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/review.h"
#include "core/log.h"
#include "desk/review/meeting.h"
#include "desk/review/minutes.h"
#include "web/status.h"

#define NTEXT 3
#define NFIELDS (NTEXT + MINUTES_DEPTS * 3 + ACTION_ROWS * ACTION_ROW_PARTS + 2)

static const char *const texts[NTEXT] = {"review", "root_causes", "directions"};

static audit_who_t who_of(web_t *w)
{
    return (audit_who_t){ME(w)->id, req_env(w->r, "REMOTE_ADDR")};
}

static long long path_id(const char *arg)
{
    char seg[24];
    return web_segment(arg, seg, sizeof seg) ? web_id(seg) : 0;
}

static int finish(web_t *w, int rc)
{
    if (rc == OUTCOME_OK && (rc = db_commit(&w->d->db)) == OUTCOME_OK)
        return OUTCOME_OK;
    db_rollback(&w->d->db);
    return rc;
}

/* ---- the form ---------------------------------------------------------- */

static int form_fields(const review_choices_t *c, form_field_t *f)
{
    int n = 0;
    for (int i = 0; i < NTEXT; i++)
        f[n++] = (form_field_t){.name = texts[i], .type = FT_LONGTEXT,
                                .max_chars = MINUTES_TEXT_MAX};
    for (int i = 0; i < MINUTES_DEPTS; i++) {
        f[n++] = (form_field_t){.name = minutes_dept_field(i, "team"), .type = FT_CHOICE,
                                .choices = c->teams};
        f[n++] = (form_field_t){.name = minutes_dept_field(i, "highlights"), .type = FT_LONGTEXT,
                                .max_chars = 2000};
        f[n++] = (form_field_t){.name = minutes_dept_field(i, "shortcomings"),
                                .type = FT_LONGTEXT, .max_chars = 2000};
    }
    n = review_plan_fields(c, f, n);
    f[n++] = (form_field_t){.name = "meeting", .type = FT_ID};
    f[n++] = (form_field_t){.name = "version", .type = FT_ID};
    return n;
}

/* The meeting's facts above the form. */
static int set_meeting(web_t *w, long long meeting_id)
{
    meeting_t m;
    int rc = meeting_get(w->d, meeting_id, &m);
    if (rc != OUTCOME_OK)
        return rc;
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Meeting.id=%lld", m.id);
    hdf_set_value(h, "Meeting.title", m.title);
    hdf_set_value(h, "Meeting.organiser", m.organiser);
    hdf_set_value(h, "Meeting.location", m.location);
    tpl_set_time(h, "Meeting.starts_at", m.starts_at);
    meeting_free(&m);
    return OUTCOME_OK;
}

static void show_form(web_t *w, int status, long long meeting_id, long long id)
{
    review_choices_t *c = malloc(sizeof *c);
    int ok = c && review_choices(w, c) == 0;
    free(c);
    if (!ok || set_meeting(w, meeting_id) != OUTCOME_OK)
        return agent_error_page(w, 503, "unavailable");
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Minutes.id=%lld", id);
    hdf_set_valuef(h, "Form.meeting.value=%lld", meeting_id);
    hdf_set_int_value(h, "Rows.depts", MINUTES_DEPTS);
    hdf_set_int_value(h, "Rows.measures", ACTION_ROWS);
    agent_set_nav(w);
    w->r->status = status;
    web_render(w, "agent/minutes_edit.cs");
}

/* The stored text into Form.<field>.value. */
static void content_to_form(HDF *h, json_t *content)
{
    for (int i = 0; i < NTEXT; i++)
        hdf_set_valuef(h, "Form.%s.value=%s", texts[i],
                       json_string_value(json_object_get(content, texts[i])) ?: "");
    json_t *x;
    size_t i;
    json_array_foreach(json_object_get(content, "departments"), i, x)
    {
        if (i >= MINUTES_DEPTS)
            break;
        hdf_set_valuef(h, "Form.%s.value=%lld", minutes_dept_field((int)i, "team"),
                       (long long)json_integer_value(json_object_get(x, "team")));
        hdf_set_valuef(h, "Form.%s.value=%s", minutes_dept_field((int)i, "highlights"),
                       json_string_value(json_object_get(x, "highlights")) ?: "");
        hdf_set_valuef(h, "Form.%s.value=%s", minutes_dept_field((int)i, "shortcomings"),
                       json_string_value(json_object_get(x, "shortcomings")) ?: "");
    }
    static const char *const parts[] = {"title", "target", "resources", "start", "due"};
    json_array_foreach(json_object_get(content, "measures"), i, x)
    {
        if (i >= ACTION_ROWS)
            break;
        for (int k = 0; k < 5; k++)
            hdf_set_valuef(h, "Form.%s.value=%s", action_row_field((int)i, parts[k]),
                           json_string_value(json_object_get(x, parts[k])) ?: "");
        hdf_set_valuef(h, "Form.%s.value=%lld", action_row_field((int)i, "team"),
                       (long long)json_integer_value(json_object_get(x, "team")));
        hdf_set_valuef(h, "Form.%s.value=%lld", action_row_field((int)i, "owner"),
                       (long long)json_integer_value(json_object_get(x, "owner")));
    }
}

static bool may_write(web_t *w, long long meeting_id, int *status)
{
    meeting_t m;
    int rc = meeting_get(w->d, meeting_id, &m);
    if (rc != OUTCOME_OK) {
        *status = status_of(rc);
        return false;
    }
    bool ok = m.organiser_id == ME(w)->id;
    *status = ok ? 200 : 403;
    meeting_free(&m);
    return ok;
}

void agent_page_minutes_new(web_t *w, const char *arg)
{
    (void)arg;
    long long meeting = web_id(req_query(w->r, "meeting")), id = 0;
    int status = 404;
    if (!meeting || !may_write(w, meeting, &status))
        return agent_error_page(w, status, status == 403 ? "forbidden" : "not_found");
    if (minutes_of_meeting(w->d, meeting, &id) == OUTCOME_OK) {
        char where[64];
        snprintf(where, sizeof where, "/agent/minutes/%lld/edit", id);
        return req_redirect(w->r, where);
    }
    show_form(w, 200, meeting, 0);
}

/* Validates and saves the form of meeting_id's minutes. */
static void save(web_t *w, long long meeting_id, long long id)
{
    HDF *h = w->r->hdf;
    review_choices_t *c = malloc(sizeof *c);
    form_field_t *f = malloc(sizeof *f * NFIELDS);
    int errors = 1;
    if (c && f && review_choices(w, c) == 0)
        errors = form_validate(h, h, f, form_fields(c, f));
    else
        form_set_error(h, "_form", "save_failed");
    free(c);
    free(f);
    if (!agent_csrf_ok(w))
        form_set_error(h, "_form", "expired"), errors++;
    if (errors)
        return show_form(w, 422, meeting_id, id);
    minutes_content_t mc = {.review = form_value(h, "review"),
                            .root_causes = form_value(h, "root_causes"),
                            .directions = form_value(h, "directions")};
    for (int i = 0; i < MINUTES_DEPTS; i++)
        mc.depts[i] = (minutes_dept_t){
            .team_id = form_int(h, minutes_dept_field(i, "team")),
            .highlights = form_value(h, minutes_dept_field(i, "highlights")),
            .shortcomings = form_value(h, minutes_dept_field(i, "shortcomings")),
        };
    review_plans_read(w, mc.measures);
    refusal_t r = {0};
    audit_who_t who = who_of(w);
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = minutes_save(w->d, ME(w), &who, meeting_id, form_int(h, "version"), &mc, &id, &r);
    rc = finish(w, rc);
    if (rc != OUTCOME_OK) {
        review_refusals(w, &r);
        if (rc != CHANGE_REFUSED) {
            log_error("minutes of meeting %lld not saved: %d", meeting_id, rc);
            form_set_error(h, "_form", "save_failed");
        }
        return show_form(w, rc == CHANGE_REFUSED ? 422 : status_of(rc), meeting_id, id);
    }
    char where[80];
    snprintf(where, sizeof where, "/agent/minutes/%lld?done=minutes_saved", id);
    req_redirect(w->r, where);
}

void agent_do_minutes_new(web_t *w, const char *arg)
{
    (void)arg;
    form_field_t f = {.name = "meeting", .type = FT_ID, .required = true};
    long long meeting = form_validate(w->r->hdf, w->r->hdf, &f, 1) ? 0
                                                                   : form_int(w->r->hdf, "meeting");
    int status = 404;
    if (!meeting || !may_write(w, meeting, &status))
        return agent_error_page(w, status, status == 403 ? "forbidden" : "not_found");
    save(w, meeting, 0);
}

/* Loads minutes id visible to me: OUTCOME_OK, or answered. */
static int load(web_t *w, long long id, minutes_t *m)
{
    bool visible = false;
    int rc = id ? minutes_get(w->d, id, m) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK && (rc = minutes_visible(w->d, ME(w), m, &visible)) == OUTCOME_OK &&
        !visible)
        rc = OUTCOME_FORBIDDEN;
    if (rc != OUTCOME_OK) {
        if (m->id)
            minutes_free(m);
        agent_fail(w, rc);
    }
    return rc;
}

void agent_page_minutes_edit(web_t *w, const char *arg)
{
    long long id = path_id(arg);
    minutes_t m;
    if (load(w, id, &m) != OUTCOME_OK)
        return;
    if (!minutes_may_edit(minutes_role_of(ME(w), m.organiser_id),
                          (minutes_status_t)minutes_status_parse(m.status))) {
        minutes_free(&m);
        return agent_error_page(w, 403, "forbidden");
    }
    content_to_form(w->r->hdf, m.content);
    hdf_set_valuef(w->r->hdf, "Form.version.value=%lld", m.version);
    long long meeting = m.meeting_id;
    minutes_free(&m);
    show_form(w, 200, meeting, id);
}

void agent_do_minutes_edit(web_t *w, const char *arg)
{
    long long id = path_id(arg);
    minutes_t m;
    if (load(w, id, &m) != OUTCOME_OK)
        return;
    long long meeting = m.meeting_id;
    minutes_free(&m);
    save(w, meeting, id);
}

/* ---- the minutes as the paper form -------------------------------------- */

/* The text under Doc.* with names for the ids. */
static void content_to_doc(web_t *w, json_t *content)
{
    HDF *h = w->r->hdf;
    char name[401];
    for (int i = 0; i < NTEXT; i++)
        hdf_set_valuef(h, "Doc.%s=%s", texts[i],
                       json_string_value(json_object_get(content, texts[i])) ?: "");
    json_t *x;
    size_t i;
    json_array_foreach(json_object_get(content, "departments"), i, x)
    {
        hdf_set_valuef(h, "Doc.depts.%d.team=%s", (int)i,
                       review_team_name(w, (long long)json_integer_value(json_object_get(x, "team"))));
        hdf_set_valuef(h, "Doc.depts.%d.highlights=%s", (int)i,
                       json_string_value(json_object_get(x, "highlights")) ?: "");
        hdf_set_valuef(h, "Doc.depts.%d.shortcomings=%s", (int)i,
                       json_string_value(json_object_get(x, "shortcomings")) ?: "");
    }
    static const char *const parts[] = {"title", "target", "resources", "start", "due"};
    json_array_foreach(json_object_get(content, "measures"), i, x)
    {
        for (int k = 0; k < 5; k++)
            hdf_set_valuef(h, "Doc.measures.%d.%s=%s", (int)i, parts[k],
                           json_string_value(json_object_get(x, parts[k])) ?: "");
        hdf_set_valuef(h, "Doc.measures.%d.team=%s", (int)i,
                       review_team_name(w, (long long)json_integer_value(json_object_get(x, "team"))));
        review_person_name(w, (long long)json_integer_value(json_object_get(x, "owner")), name,
                           sizeof name);
        hdf_set_valuef(h, "Doc.measures.%d.owner=%s", (int)i, name);
    }
}

static void add_version(const minutes_version_t *v, void *ctx)
{
    HDF *h = ctx;
    int i = hdf_get_int_value(h, "VersionCount", 0);
    char key[40];
    hdf_set_valuef(h, "Versions.%d.number=%lld", i, v->number);
    hdf_set_valuef(h, "Versions.%d.by=%s", i, v->by);
    snprintf(key, sizeof key, "Versions.%d.submitted_at", i);
    tpl_set_time(h, key, v->submitted_at);
    hdf_set_valuef(h, "Versions.%d.decision=%s", i, v->decision);
    hdf_set_valuef(h, "Versions.%d.decided_by=%s", i, v->decided_by);
    snprintf(key, sizeof key, "Versions.%d.decided_at", i);
    tpl_set_time(h, key, v->decided_at);
    hdf_set_valuef(h, "Versions.%d.comment=%s", i, v->comment);
    hdf_set_int_value(h, "VersionCount", i + 1);
}

static void show_minutes(web_t *w, long long id, int status)
{
    minutes_t m;
    if (load(w, id, &m) != OUTCOME_OK)
        return;
    HDF *h = w->r->hdf;
    long long version = web_id(req_query(w->r, "v"));
    json_t *shown = NULL;
    if (version && minutes_version_content(w->d, id, version, &shown) != OUTCOME_OK) {
        minutes_free(&m);
        return agent_error_page(w, 404, "not_found");
    }
    content_to_doc(w, shown ? shown : m.content);
    json_decref(shown);
    hdf_set_valuef(h, "Minutes.id=%lld", m.id);
    hdf_set_valuef(h, "Minutes.meeting_id=%lld", m.meeting_id);
    hdf_set_valuef(h, "Minutes.version=%lld", m.version);
    hdf_set_valuef(h, "Minutes.shown_version=%lld", version);
    hdf_set_valuef(h, "Minutes.submitted_version=%lld", m.submitted_version);
    hdf_set_value(h, "Minutes.status", m.status);
    hdf_set_value(h, "Minutes.meeting_title", m.meeting_title);
    hdf_set_value(h, "Minutes.organiser", m.organiser);
    hdf_set_value(h, "Minutes.approved_by", m.approved_by);
    hdf_set_int_value(h, "Minutes.late", m.late);
    tpl_set_time(h, "Minutes.meeting_at", m.meeting_at);
    tpl_set_time(h, "Minutes.due_at", m.due_at);
    tpl_set_time(h, "Minutes.approved_at", m.approved_at);
    minutes_role_t role = minutes_role_of(ME(w), m.organiser_id);
    minutes_status_t s = (minutes_status_t)minutes_status_parse(m.status);
    hdf_set_int_value(h, "May.edit", minutes_may_edit(role, s));
    for (int a = 0; a < MA_COUNT; a++)
        hdf_set_valuef(h, "May.%s=%d", minutes_action_code((minutes_action_t)a),
                       minutes_action_allowed((minutes_action_t)a, role) &&
                           minutes_action_target((minutes_action_t)a, s) >= 0);
    minutes_free(&m);
    review_list_t l = {w, "Actions", 0, 0};
    if (minutes_each_version(w->d, id, add_version, h) < 0 ||
        minutes_each_event(w->d, id, review_event, h) < 0 ||
        action_list(w->d, ME(w), AV_ALL, id, 0, 0, ACTION_PAGE, w->lang, review_action_row, &l) <
            0)
        return agent_error_page(w, 503, "unavailable");
    hdf_set_value(h, "Csrf", ((session_t *)w->ctx)->csrf);
    hdf_set_int_value(h, "Page.Doc", 1);
    agent_set_nav(w);
    w->r->status = status;
    web_render(w, "agent/minutes.cs");
}

void agent_page_minutes(web_t *w, const char *arg) { show_minutes(w, path_id(arg), 200); }

void agent_do_minutes_act(web_t *w, const char *arg)
{
    long long id = path_id(arg);
    HDF *h = w->r->hdf;
    int act = minutes_action_parse(req_query(w->r, "action"));
    form_field_t f[] = {{.name = "comment", .type = FT_LONGTEXT, .max_chars = 2000},
                        {.name = "version", .type = FT_ID}};
    if (!id)
        return agent_error_page(w, 404, "not_found");
    if (form_validate(h, h, f, 2) || act < 0 || !agent_csrf_ok(w)) {
        form_set_error(h, "_form", act < 0 ? "bad_request" : "expired");
        return show_minutes(w, id, 422);
    }
    refusal_t r = {0};
    audit_who_t who = who_of(w);
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = minutes_act(w->d, ME(w), &who, id, (minutes_action_t)act, form_int(h, "version"),
                         form_value(h, "comment"), &r);
    rc = finish(w, rc);
    if (rc != OUTCOME_OK) {
        if (r.n && strcmp(r.why[0].key, "forbidden") == 0)
            return agent_error_page(w, 403, "forbidden");
        review_refusals(w, &r);
        if (rc != CHANGE_REFUSED) {
            log_error("minutes %lld: %s not saved: %d", id,
                      minutes_action_code((minutes_action_t)act), rc);
            form_set_error(h, "_form", "save_failed");
        }
        return show_minutes(w, id, rc == CHANGE_REFUSED ? 422 : status_of(rc));
    }
    char where[80];
    snprintf(where, sizeof where, "/agent/minutes/%lld?done=minutes_%s", id,
             minutes_action_code((minutes_action_t)act));
    req_redirect(w->r, where);
}

/* ---- lists --------------------------------------------------------------- */

typedef struct list_ctx {
    web_t *w;
    int n;
    long long last;
} list_ctx_t;

static void add_row(const minutes_row_t *row, void *ctx)
{
    list_ctx_t *l = ctx;
    HDF *h = l->w->r->hdf;
    if (l->n == MINUTES_PAGE) {
        hdf_set_valuef(h, "Next=%lld", l->last);
        return;
    }
    char key[32];
    hdf_set_valuef(h, "Rows.%d.id=%lld", l->n, row->id);
    hdf_set_valuef(h, "Rows.%d.status=%s", l->n, row->status);
    hdf_set_valuef(h, "Rows.%d.title=%s", l->n, row->meeting_title);
    hdf_set_valuef(h, "Rows.%d.organiser=%s", l->n, row->organiser);
    hdf_set_valuef(h, "Rows.%d.late=%d", l->n, row->late);
    snprintf(key, sizeof key, "Rows.%d.meeting_at", l->n);
    tpl_set_time(h, key, row->meeting_at);
    snprintf(key, sizeof key, "Rows.%d.due_at", l->n);
    tpl_set_time(h, key, row->due_at);
    l->last = row->id;
    l->n++;
}

void agent_page_minutes_list(web_t *w, const char *arg)
{
    (void)arg;
    const char *view = req_query(w->r, "view");
    bool director = ME(w)->role == ROLE_DIRECTOR;
    bool awaiting = view ? strcmp(view, "awaiting") == 0 : director;
    list_ctx_t l = {w, 0, 0};
    if (minutes_list(w->d, ME(w), awaiting, web_id(req_query(w->r, "after")), MINUTES_PAGE + 1,
                     add_row, &l) < 0)
        return agent_error_page(w, 503, "unavailable");
    HDF *h = w->r->hdf;
    hdf_set_int_value(h, "RowCount", l.n);
    hdf_set_value(h, "View", awaiting ? "awaiting" : "mine");
    hdf_set_int_value(h, "Me.director", director);
    agent_set_nav(w);
    web_render(w, "agent/minutes_list.cs");
}

/* ---- on the meeting's page ---------------------------------------------- */

void agent_meeting_minutes(web_t *w, long long meeting_id)
{
    HDF *h = w->r->hdf;
    long long id = 0;
    if (minutes_of_meeting(w->d, meeting_id, &id) == OUTCOME_OK) {
        minutes_t m;
        if (minutes_get(w->d, id, &m) != OUTCOME_OK)
            return;
        hdf_set_valuef(h, "Meeting.minutes_id=%lld", id);
        hdf_set_value(h, "Meeting.minutes_status", m.status);
        hdf_set_int_value(h, "Meeting.minutes_late", m.late);
        tpl_set_time(h, "Meeting.minutes_due", m.due_at);
        minutes_free(&m);
    }
    meeting_t mt;
    if (meeting_get(w->d, meeting_id, &mt) != OUTCOME_OK)
        return;
    hdf_set_int_value(h, "Meeting.may_minute",
                      !id && mt.organiser_id == ME(w)->id && strcmp(mt.kind, "review") == 0 &&
                          strcmp(mt.status, "cancelled") != 0 && mt.starts_at <= desk_now(w->d));
    meeting_free(&mt);
}
