/* drill: see drill.h. */
#include "desk/review/drill.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char sql_insert[] =
    "INSERT INTO review_drills (held_on, title, scenario, participants, findings, created_by,"
    " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char sql_event[] =
    "INSERT INTO review_events (subject, subject_id, at, agent_id, kind, note, changes)"
    " VALUES ('drill', ?, ?, ?, 'created', NULL, ?)";
static const char sql_get[] =
    "SELECT x.id, x.created_by, DATE_FORMAT(x.held_on, '%Y-%m-%d'), x.title, a.name, x.scenario,"
    " x.participants, x.findings, x.created_at FROM review_drills x"
    " JOIN agents a ON a.id = x.created_by WHERE x.id = ?";
static const char sql_list[] =
    "SELECT x.id, DATE_FORMAT(x.held_on, '%Y-%m-%d'), x.title, a.name,"
    " (SELECT COUNT(*) FROM review_actions r WHERE r.drill_id = x.id) FROM review_drills x"
    " JOIN agents a ON a.id = x.created_by WHERE x.id < ? ORDER BY x.id DESC LIMIT ?";

static const char *nz(const char *s) { return s ? s : ""; }

int drill_create(desk_t *d, const agent_t *a, const audit_who_t *who, const drill_content_t *c,
                 long long *id, refusal_t *r)
{
    if (a->role != ROLE_SUPERVISOR && a->role != ROLE_DIRECTOR && a->role != ROLE_ADMIN) {
        refusal_add(r, "_form", "forbidden");
        return CHANGE_REFUSED;
    }
    char today[11];
    action_today(d, today);
    int y, m, dd;
    char extra;
    if (!*nz(c->held_on))
        refusal_add(r, "held_on", "required");
    else if (strlen(c->held_on) != 10 ||
             sscanf(c->held_on, "%4d-%2d-%2d%c", &y, &m, &dd, &extra) != 3)
        refusal_add(r, "held_on", "invalid_date");
    else if (strcmp(c->held_on, today) > 0)
        refusal_add(r, "held_on", "in_future");
    if (!*nz(c->title))
        refusal_add(r, "title", "required");
    if (!*nz(c->scenario))
        refusal_add(r, "scenario", "required");
    int rc = OUTCOME_OK;
    for (int i = 0; i < ACTION_ROWS && rc >= 0; i++)
        if (!action_plan_blank(&c->actions[i]))
            rc = action_plan_check(d, i, &c->actions[i], *nz(c->held_on) ? c->held_on : NULL, r);
    if (rc < 0)
        return rc;
    if (r->n)
        return CHANGE_REFUSED;
    time_t now = desk_now(d);
    rc = db_exec(&d->db, sql_insert, "sssssit", c->held_on, c->title, c->scenario,
                 nz(c->participants), nz(c->findings), a->id, now);
    if (rc < 0)
        return rc;
    *id = (long long)d->db.last_id;
    json_t *ch = audit_changes();
    audit_str(ch, "held_on", NULL, c->held_on);
    audit_str(ch, "title", NULL, c->title);
    audit_str(ch, "scenario", NULL, c->scenario);
    audit_str(ch, "findings", NULL, c->findings);
    char *text = json_dumps(ch, JSON_COMPACT), key[24];
    rc = text ? db_exec(&d->db, sql_event, "itis", *id, now, a->id, text) : OUTCOME_UNAVAILABLE;
    free(text);
    snprintf(key, sizeof key, "%lld", *id);
    if (rc >= 0)
        rc = audit_record(d, who, "drill", key, c->title, "create", ch);
    json_decref(ch);
    if (rc >= 0)
        rc = action_create_all(d, who, 0, *id, a->id, c->actions, ACTION_ROWS);
    return rc < 0 ? rc : OUTCOME_OK;
}

void drill_free(drill_t *x)
{
    free(x->scenario);
    free(x->participants);
    free(x->findings);
    memset(x, 0, sizeof *x);
}

int drill_get(desk_t *d, long long id, drill_t *x)
{
    memset(x, 0, sizeof *x);
    int rc = db_row(&d->db, sql_get, "i", "iisssSSSt", id, &x->id, &x->created_by, x->held_on,
                    sizeof x->held_on, x->title, sizeof x->title, x->author, sizeof x->author,
                    &x->scenario, &x->participants, &x->findings, &x->created_at);
    if (rc != 1)
        drill_free(x);
    return db_found(rc);
}

int drill_list(desk_t *d, long long before, int limit,
               void (*fn)(const drill_row_t *row, void *ctx), void *ctx)
{
    long long below = before > 0 ? before : (long long)1 << 62;
    MYSQL_STMT *st = db_query(&d->db, sql_list, "ii", below, (long long)limit);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    drill_row_t row;
    int n = 0, rc;
    memset(&row, 0, sizeof row);
    while ((rc = db_fetch(st, "isssi", &row.id, row.held_on, sizeof row.held_on, row.title,
                          sizeof row.title, row.author, sizeof row.author, &row.actions)) == 1)
        fn(&row, ctx), n++;
    db_done(st);
    return rc < 0 ? rc : n;
}
