/* agent_actions: improvement actions (表5 改进措施计划表,
 * lib/desk/review/action.h), which approved minutes and drills become.
 *
 *   GET  /agent/actions             ?view=mine|team|overdue|week|verify|all,
 *                                   newest first, keyset pages (?before=ID);
 *                                   overdue ones red with the days over
 *   GET  /agent/actions/ID          the action: plan, status, verification,
 *                                   evidence, history; the next step's form
 *   POST /agent/actions/ID/step     start, finish, reopen, verify (figure,
 *                                   before, after), cancel (reason)
 *   POST /agent/actions/ID/note     a progress note with evidence files
 *   GET  /agent/evidence/ID         an evidence file
 * An action is seen by managers, its owner and verifier and the members of
 * its department (lib/desk/review/action.h). POSTs are CSRF-checked and run
 * in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/review.h"
#include "core/log.h"
#include "web/files.h"
#include "web/status.h"

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

void agent_page_actions(web_t *w, const char *arg)
{
    (void)arg;
    const char *view = req_query(w->r, "view");
    int v = AV_MINE;
    for (int i = 0; view && action_views[i]; i++)
        if (strcmp(view, action_views[i]) == 0)
            v = i;
    review_list_t l = {w, "Rows", 0, 0};
    if (action_list(w->d, ME(w), (action_view_t)v, 0, 0, web_id(req_query(w->r, "before")),
                    ACTION_PAGE + 1, w->lang, review_action_row, &l) < 0)
        return agent_error_page(w, 503, "unavailable");
    HDF *h = w->r->hdf;
    for (int i = 0; action_views[i]; i++)
        hdf_set_valuef(h, "Views.%d=%s", i, action_views[i]);
    hdf_set_value(h, "View", action_views[v]);
    hdf_set_int_value(h, "RowCount", l.n);
    tpl_set_time(h, "Printed", desk_now(w->d));
    hdf_set_int_value(h, "Page.Doc", 1); /* the A4 page of the printed plan */
    agent_set_nav(w);
    web_render(w, "agent/actions.cs");
}

static void add_file(const action_file_t *f, void *ctx)
{
    HDF *h = ctx;
    int i = hdf_get_int_value(h, "FileCount", 0);
    hdf_set_valuef(h, "Files.%d.id=%lld", i, f->id);
    hdf_set_valuef(h, "Files.%d.name=%s", i, f->filename);
    hdf_set_valuef(h, "Files.%d.size=%lld", i, f->size);
    hdf_set_int_value(h, "FileCount", i + 1);
}

static void show_action(web_t *w, long long id, int status)
{
    action_t x;
    bool visible = false;
    int rc = id ? action_get(w->d, id, w->lang, &x) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK && (rc = action_visible(w->d, ME(w), &x, &visible)) == OUTCOME_OK &&
        !visible)
        rc = OUTCOME_FORBIDDEN;
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Action.id=%lld", x.id);
    hdf_set_valuef(h, "Action.minutes_id=%lld", x.minutes_id);
    hdf_set_valuef(h, "Action.drill_id=%lld", x.drill_id);
    hdf_set_valuef(h, "Action.meeting_id=%lld", x.meeting_id);
    hdf_set_valuef(h, "Action.version=%lld", x.version);
    hdf_set_value(h, "Action.title", x.title);
    hdf_set_value(h, "Action.target", x.target);
    hdf_set_value(h, "Action.resources", x.resources);
    hdf_set_value(h, "Action.owner", x.owner);
    hdf_set_value(h, "Action.verifier", x.verifier);
    hdf_set_value(h, "Action.team", x.team);
    hdf_set_value(h, "Action.starts_on", x.starts_on);
    hdf_set_value(h, "Action.due_on", x.due_on);
    hdf_set_value(h, "Action.status", x.status);
    hdf_set_value(h, "Action.cancel_reason", x.cancel_reason);
    hdf_set_value(h, "Action.figure", x.figure);
    hdf_set_value(h, "Action.before", x.before_value);
    hdf_set_value(h, "Action.after", x.after_value);
    hdf_set_value(h, "Action.verified_by", x.verified_by);
    hdf_set_int_value(h, "Action.overdue", x.overdue);
    tpl_set_time(h, "Action.verified_at", x.verified_at);
    action_role_t role = action_role_of(ME(w), x.owner_id, x.verifier_id);
    action_status_t s = (action_status_t)action_status_parse(x.status);
    for (int a = 0; a < AT_COUNT; a++)
        hdf_set_valuef(h, "May.%s=%d", action_step_code((action_step_t)a),
                       action_step_allowed((action_step_t)a, role) &&
                           action_step_target((action_step_t)a, s) >= 0);
    hdf_set_int_value(h, "May.note", (role.owner || role.verifier || role.manager) &&
                                         s != AS_VERIFIED && s != AS_CANCELLED);
    if (action_each_file(w->d, id, add_file, h) < 0 ||
        action_each_event(w->d, id, review_event, h) < 0)
        return agent_error_page(w, 503, "unavailable");
    web_attach_limits(w);
    hdf_set_int_value(h, "Page.Doc", 1);
    agent_set_nav(w);
    w->r->status = status;
    web_render(w, "agent/action.cs");
}

void agent_page_action(web_t *w, const char *arg) { show_action(w, path_id(arg), 200); }

static void done(web_t *w, long long id, const char *what)
{
    char where[80];
    snprintf(where, sizeof where, "/agent/actions/%lld?done=action_%s", id, what);
    req_redirect(w->r, where);
}

/* A refused or failed change: the page again with the reasons. */
static void refused(web_t *w, long long id, int rc, const refusal_t *r, const char *what)
{
    if (r->n && strcmp(r->why[0].key, "forbidden") == 0)
        return agent_error_page(w, 403, "forbidden");
    review_refusals(w, r);
    if (rc != CHANGE_REFUSED) {
        log_error("action %lld: %s not saved: %d", id, what, rc);
        form_set_error(w->r->hdf, "_form", "save_failed");
    }
    hdf_set_value(w->r->hdf, "Failed", what);
    show_action(w, id, rc == CHANGE_REFUSED ? 422 : status_of(rc));
}

void agent_do_action_step(web_t *w, const char *arg)
{
    long long id = path_id(arg);
    HDF *h = w->r->hdf;
    int step = action_step_parse(req_query(w->r, "step"));
    form_field_t f[] = {
        {.name = "version", .type = FT_ID},
        {.name = "reason", .type = FT_TEXT, .max_chars = ACTION_TEXT_MAX},
        {.name = "figure", .type = FT_TEXT, .max_chars = 200},
        {.name = "before", .type = FT_TEXT, .max_chars = 60},
        {.name = "after", .type = FT_TEXT, .max_chars = 60},
    };
    if (!id)
        return agent_error_page(w, 404, "not_found");
    int errors = form_validate(h, h, f, 5);
    if (step < 0 || !agent_csrf_ok(w)) {
        form_set_error(h, "_form", step < 0 ? "bad_request" : "expired");
        errors++;
    }
    const char *what = step < 0 ? "step" : action_step_code((action_step_t)step);
    if (errors) {
        hdf_set_value(h, "Failed", what);
        return show_action(w, id, 422);
    }
    action_step_in_t in = {.step = (action_step_t)step,
                           .version = form_int(h, "version"),
                           .reason = form_value(h, "reason"),
                           .figure = form_value(h, "figure"),
                           .before = form_value(h, "before"),
                           .after = form_value(h, "after")};
    refusal_t r = {0};
    audit_who_t who = {ME(w)->id, req_env(w->r, "REMOTE_ADDR")};
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = action_take_step(w->d, ME(w), &who, id, &in, &r);
    rc = finish(w, rc);
    if (rc != OUTCOME_OK)
        return refused(w, id, rc, &r, what);
    done(w, id, what);
}

void agent_do_action_note(web_t *w, const char *arg)
{
    long long id = path_id(arg);
    HDF *h = w->r->hdf;
    form_field_t f = {.name = "note", .type = FT_LONGTEXT, .max_chars = 4000};
    if (!id)
        return agent_error_page(w, 404, "not_found");
    int errors = form_validate(h, h, &f, 1);
    if (!agent_csrf_ok(w))
        form_set_error(h, "_form", "expired"), errors++;
    if (errors) {
        hdf_set_value(h, "Failed", "note");
        return show_action(w, id, 422);
    }
    uploads_t files = {0};
    if (files_take_uploads(w->d, w->r, &files)) {
        hdf_set_valuef(h, "Form.files.error=file_%s", files.error);
        hdf_set_value(h, "Form.files.file", files.error_file);
        hdf_set_value(h, "Failed", "note");
        return show_action(w, id, files.error[0] == 's' ? 503 : 422);
    }
    refusal_t r = {0};
    audit_who_t who = {ME(w)->id, req_env(w->r, "REMOTE_ADDR")};
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = action_add_note(w->d, ME(w), &who, id, form_value(h, "note"), &files, &r);
    rc = finish(w, rc);
    if (rc != OUTCOME_OK) {
        attachment_discard(w->d, &files);
        return refused(w, id, rc, &r, "note");
    }
    done(w, id, "note");
}

void agent_page_evidence(web_t *w, const char *arg)
{
    attachment_t a;
    action_t x;
    bool visible = false;
    int rc = action_file_get(w->d, web_id(arg), &a);
    if (rc == OUTCOME_OK && (rc = action_get(w->d, a.ticket_id, w->lang, &x)) == OUTCOME_OK &&
        (rc = action_visible(w->d, ME(w), &x, &visible)) == OUTCOME_OK && !visible)
        rc = OUTCOME_FORBIDDEN;
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    files_serve_attachment(w->d, w->r, &a);
}
