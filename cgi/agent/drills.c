/* agent_drills: records of emergency drills (应急演练, lib/desk/review/drill.h).
 *
 *   GET  /agent/drills         the drills, newest first, keyset pages (?before=ID)
 *   GET  /agent/drills/new     a new record (managers)
 *   POST /agent/drills/new     records it; its follow-up actions become
 *                              action items
 *   GET  /agent/drills/ID      the record and its actions
 * The POST is CSRF-checked and runs in one transaction; a refusal comes back
 * on the form with what was typed kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/review.h"
#include "core/log.h"
#include "desk/review/drill.h"
#include "web/status.h"

#define NFIELDS (5 + ACTION_ROWS * ACTION_ROW_PARTS)

static bool manager(const agent_t *a)
{
    return a->role == ROLE_SUPERVISOR || a->role == ROLE_DIRECTOR || a->role == ROLE_ADMIN;
}

static void show_form(web_t *w, int status)
{
    review_choices_t *c = malloc(sizeof *c);
    int ok = c && review_choices(w, c) == 0;
    free(c);
    if (!ok)
        return agent_error_page(w, 503, "unavailable");
    hdf_set_int_value(w->r->hdf, "Rows.measures", ACTION_ROWS);
    agent_set_nav(w);
    w->r->status = status;
    web_render(w, "agent/drill_edit.cs");
}

void agent_page_drill_new(web_t *w, const char *arg)
{
    (void)arg;
    if (!manager(ME(w)))
        return agent_error_page(w, 403, "forbidden");
    char today[11];
    action_today(w->d, today);
    hdf_set_value(w->r->hdf, "Form.held_on.value", today);
    show_form(w, 200);
}

void agent_do_drill_new(web_t *w, const char *arg)
{
    (void)arg;
    HDF *h = w->r->hdf;
    if (!manager(ME(w)))
        return agent_error_page(w, 403, "forbidden");
    review_choices_t *c = malloc(sizeof *c);
    form_field_t *f = malloc(sizeof *f * NFIELDS);
    int errors = 1;
    if (c && f && review_choices(w, c) == 0) {
        f[0] = (form_field_t){.name = "held_on", .type = FT_DATE, .required = true,
                              .max_chars = 10};
        f[1] = (form_field_t){.name = "title", .type = FT_TEXT, .required = true,
                              .max_chars = 200};
        f[2] = (form_field_t){.name = "scenario", .type = FT_LONGTEXT, .required = true,
                              .max_chars = 4000};
        f[3] = (form_field_t){.name = "participants", .type = FT_LONGTEXT, .max_chars = 2000};
        f[4] = (form_field_t){.name = "findings", .type = FT_LONGTEXT, .max_chars = 4000};
        errors = form_validate(h, h, f, review_plan_fields(c, f, 5));
    } else {
        form_set_error(h, "_form", "save_failed");
    }
    free(c);
    free(f);
    if (!agent_csrf_ok(w))
        form_set_error(h, "_form", "expired"), errors++;
    if (errors)
        return show_form(w, 422);
    drill_content_t dc = {.held_on = form_value(h, "held_on"),
                          .title = form_value(h, "title"),
                          .scenario = form_value(h, "scenario"),
                          .participants = form_value(h, "participants"),
                          .findings = form_value(h, "findings")};
    review_plans_read(w, dc.actions);
    refusal_t r = {0};
    audit_who_t who = {ME(w)->id, req_env(w->r, "REMOTE_ADDR")};
    long long id = 0;
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = drill_create(w->d, ME(w), &who, &dc, &id, &r);
    if (rc == OUTCOME_OK)
        rc = db_commit(&w->d->db);
    else
        db_rollback(&w->d->db);
    if (rc != OUTCOME_OK) {
        review_refusals(w, &r);
        if (rc != CHANGE_REFUSED) {
            log_error("drill not recorded: %d", rc);
            form_set_error(h, "_form", "save_failed");
        }
        return show_form(w, rc == CHANGE_REFUSED ? 422 : status_of(rc));
    }
    char where[80];
    snprintf(where, sizeof where, "/agent/drills/%lld?done=drill_created", id);
    req_redirect(w->r, where);
}

void agent_page_drill(web_t *w, const char *arg)
{
    char seg[24];
    long long id = web_segment(arg, seg, sizeof seg) ? web_id(seg) : 0;
    drill_t x;
    int rc = id ? drill_get(w->d, id, &x) : OUTCOME_NOT_FOUND;
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Drill.id=%lld", x.id);
    hdf_set_value(h, "Drill.held_on", x.held_on);
    hdf_set_value(h, "Drill.title", x.title);
    hdf_set_value(h, "Drill.author", x.author);
    hdf_set_value(h, "Drill.scenario", x.scenario ? x.scenario : "");
    hdf_set_value(h, "Drill.participants", x.participants ? x.participants : "");
    hdf_set_value(h, "Drill.findings", x.findings ? x.findings : "");
    drill_free(&x);
    review_list_t l = {w, "Actions", 0, 0};
    if (action_list(w->d, ME(w), AV_ALL, 0, id, 0, ACTION_PAGE, w->lang, review_action_row, &l) <
        0)
        return agent_error_page(w, 503, "unavailable");
    hdf_set_int_value(h, "Page.Doc", 1);
    agent_set_nav(w);
    web_render(w, "agent/drill.cs");
}

typedef struct list_ctx {
    web_t *w;
    int n;
    long long last;
} list_ctx_t;

static void add_row(const drill_row_t *row, void *ctx)
{
    list_ctx_t *l = ctx;
    HDF *h = l->w->r->hdf;
    if (l->n == DRILL_PAGE) {
        hdf_set_valuef(h, "Next=%lld", l->last);
        return;
    }
    hdf_set_valuef(h, "Rows.%d.id=%lld", l->n, row->id);
    hdf_set_valuef(h, "Rows.%d.held_on=%s", l->n, row->held_on);
    hdf_set_valuef(h, "Rows.%d.title=%s", l->n, row->title);
    hdf_set_valuef(h, "Rows.%d.author=%s", l->n, row->author);
    hdf_set_valuef(h, "Rows.%d.actions=%lld", l->n, row->actions);
    l->last = row->id;
    l->n++;
}

void agent_page_drills(web_t *w, const char *arg)
{
    (void)arg;
    list_ctx_t l = {w, 0, 0};
    if (drill_list(w->d, web_id(req_query(w->r, "before")), DRILL_PAGE + 1, add_row, &l) < 0)
        return agent_error_page(w, 503, "unavailable");
    hdf_set_int_value(w->r->hdf, "RowCount", l.n);
    hdf_set_int_value(w->r->hdf, "Me.manager", manager(ME(w)));
    agent_set_nav(w);
    web_render(w, "agent/drills.cs");
}
