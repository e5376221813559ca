/* survey: see survey.h. */
#include "desk/survey.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char sql_insert[] =
    "INSERT INTO surveys (ticket_id, resolution_score, speed_score, attitude_score, suggestions,"
    " unmet_needs, channel, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_answered[] = "SELECT COUNT(*) FROM surveys WHERE ticket_id = ?";

typedef struct answer {
    const survey_t *s;
    const agent_t *by;
} answer_t;

static bool score_ok(int v) { return v >= 1 && v <= 5; }

static int apply_answer(desk_t *d, ticket_t *t, void *arg, time_t now)
{
    answer_t *x = arg;
    char summary[64];
    if (strcmp(t->status, "closed") != 0)
        return OUTCOME_BAD_TRANSITION;
    if (x->by && x->by->id == t->owner_id)
        return OUTCOME_FORBIDDEN; /* the handler does not survey their own work */
    int rc = db_exec(&d->db, sql_insert, "iiiisssjt", t->id, (long long)x->s->resolution,
                     (long long)x->s->speed, (long long)x->s->attitude, x->s->suggestions,
                     x->s->unmet_needs, x->by ? "phone" : "portal", x->by ? x->by->id : 0, now);
    if (rc == OUTCOME_DUPLICATE)
        return OUTCOME_ANSWERED;
    if (rc < 0)
        return OUTCOME_UNAVAILABLE;
    snprintf(summary, sizeof summary, "%d/%d/%d", x->s->resolution, x->s->speed, x->s->attitude);
    actor_t who = x->by ? (actor_t){.type = "agent", .agent_id = x->by->id, .name = x->by->name}
                        : (actor_t){.type = "customer", .name = t->contact_name};
    /* the thread shows both texts; the unmet needs under their question */
    char *body = NULL;
    const char *sugg = x->s->suggestions ? x->s->suggestions : "";
    if (x->s->unmet_needs && *x->s->unmet_needs) {
        if (asprintf(&body, "%s%s%s %s", sugg, *sugg ? "\n" : "",
                     texts_get(&d->texts, d->default_lang, "Survey.Unmet"), x->s->unmet_needs) < 0)
            return OUTCOME_UNAVAILABLE;
    }
    rc = ticket_event(d, t->id, "survey", true, &who, "survey", NULL, summary,
                      body ? body : x->s->suggestions, now);
    free(body);
    return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
}

int survey_record(desk_t *d, long long ticket_id, const survey_t *s, const agent_t *by)
{
    if (!score_ok(s->resolution) || !score_ok(s->speed) || !score_ok(s->attitude))
        return OUTCOME_INVALID;
    answer_t x = {.s = s, .by = by};
    return ticket_with_locked(d, ticket_id, 0, apply_answer, &x);
}

int survey_answered(desk_t *d, long long ticket_id)
{
    long long n = 0;
    return db_row(&d->db, sql_answered, "i", "i", ticket_id, &n) == 1 ? n > 0 : -1;
}
