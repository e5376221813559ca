/* audit: see audit.h. */
#include "desk/audit.h"

#include <stdlib.h>
#include <string.h>

static const char sql_insert[] =
    "INSERT INTO audit_log (at, agent_id, ip, entity, entity_id, title, action, changes)"
    " VALUES (?, ?, ?, ?, ?, LEFT(?, 200), ?, ?)";
/* One statement per filter shape, so that each uses its own index. NULL-able
 * parameters would make one statement that the optimiser cannot plan well. */
static const char sql_list_all[] =
    "SELECT l.id, l.at, COALESCE(l.agent_id, 0), COALESCE(a.name, ''), l.ip, l.entity,"
    " l.entity_id, l.title, l.action, l.changes FROM audit_log l LEFT JOIN agents a ON a.id = l.agent_id"
    " WHERE l.id < ? AND l.at >= ? AND l.at < ? ORDER BY l.id DESC LIMIT ?";
static const char sql_list_entity[] =
    "SELECT l.id, l.at, COALESCE(l.agent_id, 0), COALESCE(a.name, ''), l.ip, l.entity,"
    " l.entity_id, l.title, l.action, l.changes FROM audit_log l FORCE INDEX (ix_audit_entity)"
    " LEFT JOIN agents a ON a.id = l.agent_id"
    " WHERE l.entity = ? AND l.id < ? AND l.at >= ? AND l.at < ? ORDER BY l.id DESC LIMIT ?";
static const char sql_list_agent[] =
    "SELECT l.id, l.at, COALESCE(l.agent_id, 0), COALESCE(a.name, ''), l.ip, l.entity,"
    " l.entity_id, l.title, l.action, l.changes FROM audit_log l FORCE INDEX (ix_audit_agent)"
    " LEFT JOIN agents a ON a.id = l.agent_id"
    " WHERE l.agent_id = ? AND l.id < ? AND l.at >= ? AND l.at < ? ORDER BY l.id DESC LIMIT ?";
static const char sql_list_both[] =
    "SELECT l.id, l.at, COALESCE(l.agent_id, 0), COALESCE(a.name, ''), l.ip, l.entity,"
    " l.entity_id, l.title, l.action, l.changes FROM audit_log l FORCE INDEX (ix_audit_entity)"
    " LEFT JOIN agents a ON a.id = l.agent_id"
    " WHERE l.entity = ? AND l.agent_id = ? AND l.id < ? AND l.at >= ? AND l.at < ?"
    " ORDER BY l.id DESC LIMIT ?";
static const char sql_entities[] = "SELECT DISTINCT entity FROM audit_log ORDER BY entity";

json_t *audit_changes(void) { return json_object(); }

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

void audit_str(json_t *c, const char *field, const char *old_v, const char *new_v)
{
    bool none_old = !old_v || !*old_v, none_new = !new_v || !*new_v;
    if ((none_old && none_new) || (old_v && new_v && strcmp(old_v, new_v) == 0))
        return;
    json_object_set_new(c, field, json_pack("[oo]", str_or_null(old_v), str_or_null(new_v)));
}

void audit_int(json_t *c, const char *field, long long old_v, long long new_v)
{
    if (old_v != new_v)
        json_object_set_new(c, field, json_pack("[II]", (json_int_t)old_v, (json_int_t)new_v));
}

void audit_bool(json_t *c, const char *field, bool old_v, bool new_v)
{
    if (old_v != new_v)
        json_object_set_new(c, field, json_pack("[bb]", old_v, new_v));
}

void audit_mark(json_t *c, const char *field)
{
    json_object_set_new(c, field, json_pack("[ns]", "changed"));
}

bool audit_any(const json_t *c) { return c && json_object_size(c) > 0; }

int audit_record(desk_t *d, const audit_who_t *who, const char *entity, const char *entity_id,
                 const char *title, const char *action, const json_t *changes)
{
    char *text = changes ? json_dumps(changes, JSON_COMPACT | JSON_SORT_KEYS) : strdup("{}");
    if (!text)
        return OUTCOME_UNAVAILABLE;
    int rc = db_exec(&d->db, sql_insert, "tjssssss", desk_now(d), who->agent_id,
                     who->ip ? who->ip : "", entity, entity_id ? entity_id : "", title ? title : "",
                     action, text);
    free(text);
    return rc == 1 ? 0 : rc < 0 ? rc : OUTCOME_UNAVAILABLE;
}

int audit_each(desk_t *d, const audit_filter_t *f, void (*fn)(const audit_row_t *r, void *ctx),
               void *ctx)
{
    long long before = f->before > 0 ? f->before : (1LL << 62), limit = f->limit;
    time_t from = f->from ? f->from : 1, to = f->to ? f->to : (time_t)253402214400; /* 9999 */
    MYSQL_STMT *st;
    if (*f->entity && f->agent_id)
        st = db_query(&d->db, sql_list_both, "siitti", f->entity, f->agent_id, before, from, to,
                      limit);
    else if (*f->entity)
        st = db_query(&d->db, sql_list_entity, "sitti", f->entity, before, from, to, limit);
    else if (f->agent_id)
        st = db_query(&d->db, sql_list_agent, "iitti", f->agent_id, before, from, to, limit);
    else
        st = db_query(&d->db, sql_list_all, "itti", before, from, to, limit);
    if (!st)
        return -1;
    audit_row_t r;
    char *text = NULL;
    int n = 0, rc;
    while ((rc = db_fetch(st, "itissssssS", &r.id, &r.at, &r.agent_id, r.agent_name,
                          sizeof r.agent_name, r.ip, sizeof r.ip, r.entity, sizeof r.entity,
                          r.entity_id, sizeof r.entity_id, r.title, sizeof r.title, r.action,
                          sizeof r.action, &text)) == 1) {
        r.changes = text ? json_loads(text, 0, NULL) : NULL;
        free(text);
        text = NULL;
        fn(&r, ctx);
        json_decref(r.changes);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int audit_entities(desk_t *d, void (*fn)(const char *entity, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_entities, "");
    if (!st)
        return -1;
    char e[41];
    int rc, n = 0;
    while ((rc = db_fetch(st, "s", e, sizeof e)) == 1) {
        fn(e, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}
