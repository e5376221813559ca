/* review_forms: see review.h. */
#include <stdio.h>
#include <string.h>

#include "agent/review.h"
#include "desk/people/people.h"
#include "desk/review/minutes.h"

static void add_person(long long id, const char *name, const char *role, void *ctx)
{
    HDF *h = ctx;
    (void)role;
    int i = hdf_get_int_value(h, "PeopleCount", 0);
    hdf_set_valuef(h, "People.%d.id=%lld", i, id);
    hdf_set_valuef(h, "People.%d.name=%s", i, name);
    hdf_set_int_value(h, "PeopleCount", i + 1);
}

int review_choices(web_t *w, review_choices_t *c)
{
    HDF *h = w->r->hdf;
    if (agent_people_choices(w, &c->people) < 0 || people_each_active(w->d, add_person, h) < 0)
        return -1;
    const catalog_t *cat = &w->d->catalog;
    int n = 0;
    for (int i = 0; i < cat->nteams && n < REVIEW_TEAMS_MAX; i++, n++) {
        snprintf(c->team_ids[n], sizeof c->team_ids[n], "%lld", cat->teams[i].id);
        c->teams[n] = c->team_ids[n];
        hdf_set_valuef(h, "Teams.%d.id=%lld", n, cat->teams[i].id);
        hdf_set_valuef(h, "Teams.%d.name=%s", n, cat->teams[i].name[w->lang]);
    }
    c->teams[n] = NULL;
    return 0;
}

int review_plan_fields(const review_choices_t *c, form_field_t *fields, int n)
{
    for (int i = 0; i < ACTION_ROWS; i++) {
        fields[n++] = (form_field_t){.name = action_row_field(i, "title"), .type = FT_TEXT,
                                     .max_chars = ACTION_TEXT_MAX};
        fields[n++] = (form_field_t){.name = action_row_field(i, "target"), .type = FT_TEXT,
                                     .max_chars = ACTION_TEXT_MAX};
        fields[n++] = (form_field_t){.name = action_row_field(i, "resources"), .type = FT_TEXT,
                                     .max_chars = ACTION_TEXT_MAX};
        fields[n++] = (form_field_t){.name = action_row_field(i, "team"), .type = FT_CHOICE,
                                     .choices = c->teams};
        fields[n++] = (form_field_t){.name = action_row_field(i, "owner"), .type = FT_CHOICE,
                                     .choices = c->people.codes};
        fields[n++] = (form_field_t){.name = action_row_field(i, "start"), .type = FT_DATE,
                                     .max_chars = 10};
        fields[n++] = (form_field_t){.name = action_row_field(i, "due"), .type = FT_DATE,
                                     .max_chars = 10};
    }
    return n;
}

void review_plans_read(web_t *w, action_plan_t *plans)
{
    HDF *h = w->r->hdf;
    for (int i = 0; i < ACTION_ROWS; i++)
        plans[i] = (action_plan_t){
            .title = form_value(h, action_row_field(i, "title")),
            .target = form_value(h, action_row_field(i, "target")),
            .resources = form_value(h, action_row_field(i, "resources")),
            .team_id = form_int(h, action_row_field(i, "team")),
            .owner_id = form_int(h, action_row_field(i, "owner")),
            .due_on = form_value(h, action_row_field(i, "due")),
            .starts_on = form_value(h, action_row_field(i, "start")),
        };
}

void review_refusals(web_t *w, const refusal_t *r)
{
    for (int i = 0; i < r->n && i < REFUSAL_MAX; i++)
        form_set_error(w->r->hdf, r->why[i].field, r->why[i].key);
}

const char *review_team_name(web_t *w, long long id)
{
    const team_t *t = id ? catalog_team_by_id(&w->d->catalog, id) : NULL;
    return t ? t->name[w->lang] : "";
}

void review_person_name(web_t *w, long long id, char *out, size_t cap)
{
    person_t p;
    out[0] = '\0';
    if (id && people_get(w->d, id, false, &p) == OUTCOME_OK)
        snprintf(out, cap, "%s", p.name);
}

void review_action_row(const action_row_t *row, void *ctx)
{
    review_list_t *l = ctx;
    HDF *h = l->w->r->hdf;
    if (l->n == ACTION_PAGE) { /* the one more that says a next page exists */
        hdf_set_valuef(h, "Next=%lld", l->last);
        return;
    }
    const char *p = l->prefix;
    hdf_set_valuef(h, "%s.%d.id=%lld", p, l->n, row->id);
    hdf_set_valuef(h, "%s.%d.title=%s", p, l->n, row->title);
    hdf_set_valuef(h, "%s.%d.owner=%s", p, l->n, row->owner);
    hdf_set_valuef(h, "%s.%d.team=%s", p, l->n, row->team);
    hdf_set_valuef(h, "%s.%d.due_on=%s", p, l->n, row->due_on);
    hdf_set_valuef(h, "%s.%d.status=%s", p, l->n, row->status);
    hdf_set_valuef(h, "%s.%d.days_over=%lld", p, l->n, row->days_over);
    hdf_set_valuef(h, "%s.%d.mine=%d", p, l->n, row->owner_id == ME(l->w)->id);
    hdf_set_valuef(h, "%s.%d.target=%s", p, l->n, row->target);
    hdf_set_valuef(h, "%s.%d.resources=%s", p, l->n, row->resources);
    hdf_set_valuef(h, "%s.%d.starts_on=%s", p, l->n, row->starts_on);
    hdf_set_valuef(h, "%s.%d.figure=%s", p, l->n, row->figure);
    hdf_set_valuef(h, "%s.%d.before=%s", p, l->n, row->before_value);
    hdf_set_valuef(h, "%s.%d.after=%s", p, l->n, row->after_value);
    l->last = row->id;
    l->n++;
}

void review_event(time_t at, const char *who, const char *kind, const char *note, void *ctx)
{
    HDF *h = ctx;
    int i = hdf_get_int_value(h, "HistoryCount", 0);
    char key[32];
    snprintf(key, sizeof key, "History.%d.at", i);
    tpl_set_time(h, key, at);
    hdf_set_valuef(h, "History.%d.who=%s", i, who);
    hdf_set_valuef(h, "History.%d.kind=%s", i, kind);
    hdf_set_valuef(h, "History.%d.note=%s", i, note);
    hdf_set_int_value(h, "HistoryCount", i + 1);
}
