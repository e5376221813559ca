/* agent_evaluation: the requirement evaluation report (需求评估报告) of a
 * customisation ticket (lib/desk/ticket/evaluation.h) in the workspace,
 * and the time spent per person on a ticket.
 *
 *   GET /agent/t/NUMBER/evaluation          every revision, the product
 *                                           manager's form, the form that
 *                                           records a decision sent by mail
 *   GET /agent/t/NUMBER/evaluation/print    one revision (?rev=N, else the
 *                                           newest) as an A4 document
 * The forms post to the ticket's /act (actions "evaluation" and
 * "evaluation_mail"); an error comes back on the evaluation page with every
 * field kept. */
#include <stdio.h>
#include <string.h>

#include "agent/evaluation.h"
#include "desk/ticket/evaluation.h"
#include "desk/ticket/evaluation_gate.h"
#include "desk/ticket/ticket_work.h"
#include "desk/ticket/time_spent.h"
#include "web/evaluation_view.h"
#include "web/form.h"

void agent_ticket_evaluation(web_t *w, const ticket_t *t)
{
    HDF *h = w->r->hdf;
    if (!evaluation_needed(w->d, t))
        return;
    hdf_set_value(h, "Evaluation.needed", "1");
    hdf_set_int_value(h, "Evaluation.may_write", ME(w)->is_product_manager);
    hdf_set_int_value(h, "Evaluation.may_record", ticket_workable_by(w->d, ME(w), t));
    hdf_set_int_value(h, "Evaluation.approved", evaluation_approved(w->d, t->id) == 1);
    web_evaluations(w->d, h, t->id);
}

static void add_spent(const char *name, long long minutes, void *ctx)
{
    HDF *h = ctx;
    char key[40];
    int i = hdf_get_int_value(h, "Spent.count", 0);
    hdf_set_valuef(h, "Spent.people.%d.name=%s", i, name);
    hdf_set_valuef(h, "Spent.people.%d.minutes=%lld", i, minutes);
    snprintf(key, sizeof key, "Spent.people.%d.span", i);
    tpl_set_span(h, key, minutes);
    hdf_set_int_value(h, "Spent.count", i + 1);
    hdf_set_int_value(h, "Spent.total", hdf_get_int_value(h, "Spent.total", 0) + (int)minutes);
}

void agent_ticket_time_spent(web_t *w, long long ticket_id)
{
    HDF *h = w->r->hdf;
    time_spent_each_person(w->d, ticket_id, add_spent, h);
    tpl_set_span(h, "Spent.all", hdf_get_int_value(h, "Spent.total", 0));
}

static const char *const decisions[] = {"approve", "decline", NULL};

enum { F_FEAS, F_REASONS, F_EFFORT, F_CYCLE, F_RESOURCES, F_RISKS, F_SCHEDULE, NF };
static const form_field_t fields[NF] = {
    {.name = "feasibility", .type = FT_CHOICE, .required = true,
     .choices = evaluation_feasibilities},
    {.name = "reasons", .type = FT_LONGTEXT, .required = true, .max_chars = 5000},
    {.name = "effort", .type = FT_TEXT, .required = true, .max_chars = 8,
     .invalid = "effort_days"},
    {.name = "cycle", .type = FT_INTEGER, .required = true, .min = 1,
     .max = EVALUATION_CYCLE_MAX, .invalid = "cycle_days"},
    {.name = "resources", .type = FT_LONGTEXT, .required = true, .max_chars = 5000},
    {.name = "risks", .type = FT_LONGTEXT, .required = true, .max_chars = 5000},
    {.name = "schedule", .type = FT_LONGTEXT, .required = true, .max_chars = 5000},
};

int agent_act_evaluation(web_t *w, long long id, long long version)
{
    HDF *h = w->r->hdf;
    int errors = form_validate(h, h, fields, NF);
    int tenths = 0;
    if (!hdf_get_value(h, "Form.effort.error", NULL) &&
        !evaluation_effort_parse(form_value(h, "effort"), &tenths))
        form_set_error(h, "effort", "effort_days"), errors++;
    if (errors)
        return OUTCOME_INVALID;
    evaluation_in_t in = {.feasibility = form_value(h, "feasibility"),
                          .reasons = form_value(h, "reasons"),
                          .resources = form_value(h, "resources"),
                          .risks = form_value(h, "risks"),
                          .schedule = form_value(h, "schedule"),
                          .effort_tenths = tenths,
                          .cycle_days = (int)form_int(h, "cycle")};
    return evaluation_submit(w->d, ME(w), id, version, &in);
}

static const form_field_t mail_fields[] = {
    {.name = "decision", .type = FT_CHOICE, .required = true, .choices = decisions},
    {.name = "name", .type = FT_TEXT, .required = true, .max_chars = 100},
    {.name = "note", .type = FT_LONGTEXT, .max_chars = 2000},
};

int agent_act_evaluation_mail(web_t *w, long long id, long long version, const uploads_t *files)
{
    HDF *h = w->r->hdf;
    if (form_validate(h, h, mail_fields, 3))
        return OUTCOME_INVALID;
    const char *note = form_value(h, "note");
    return evaluation_record_mail(w->d, ME(w), id, version,
                                  !strcmp(form_value(h, "decision"), "approve"),
                                  form_value(h, "name"), note, files);
}

void agent_page_evaluation_print(web_t *w, const char *arg)
{
    char number[TN_MAX];
    ticket_t t;
    if (!web_segment(arg, number, sizeof number))
        return agent_error_page(w, 404, "not_found");
    int rc = ticket_by_number(w->d, number, &t);
    if (rc == OUTCOME_OK && !ticket_visible_to(w->d, ME(w), &t)) {
        ticket_free(&t);
        rc = OUTCOME_NOT_FOUND; /* a ticket one may not see is answered like a missing one */
    }
    agent_set_nav(w);
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    form_field_t rev = {.name = "rev", .type = FT_INTEGER, .min = 1, .max = 100000};
    HDF *h = w->r->hdf;
    evaluation_t e;
    rc = form_validate(h, h, &rev, 1) ? OUTCOME_NOT_FOUND
                                      : evaluation_get(w->d, t.id, (int)form_int(h, "rev"), &e);
    hdf_set_value(h, "Ticket.number", t.number);
    hdf_set_value(h, "Ticket.subject", t.subject);
    hdf_set_valuef(h, "Ticket.category=%lld", t.category_id);
    ticket_free(&t);
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    web_evaluation_set(h, "Eval", &e);
    evaluation_free(&e);
    hdf_set_value(h, "Page.Doc", "1");
    web_render(w, "agent/evaluation_print.cs");
}
