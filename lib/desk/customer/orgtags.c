/* orgtags: see orgtags.h. */
#include "desk/customer/orgtags.h"

#include <stdio.h>
#include <string.h>

#include "core/text.h"

static const char sql_search[] =
    "SELECT o.id, o.name, COALESCE((SELECT GROUP_CONCAT(g.code ORDER BY g.id) FROM"
    " organisation_tags ot JOIN tags g ON g.id = ot.tag_id WHERE ot.organisation_id = o.id), '')"
    " FROM organisations o WHERE o.name LIKE ? ORDER BY o.name, o.id LIMIT ?";
static const char sql_get[] =
    "SELECT o.id, o.name, (SELECT COUNT(*) FROM customers c WHERE c.organisation_id = o.id)"
    " FROM organisations o WHERE o.id = ?";
static const char sql_each[] =
    "SELECT g.id, g.code, g.name_zh, g.name_en, g.color, g.is_system, g.active, ot.created_at"
    " FROM organisation_tags ot JOIN tags g ON g.id = ot.tag_id WHERE ot.organisation_id = ?"
    " ORDER BY ot.created_at, g.id";
static const char sql_assign[] =
    "INSERT IGNORE INTO organisation_tags (organisation_id, tag_id, created_at) VALUES (?, ?, ?)";
static const char sql_unassign[] =
    "DELETE FROM organisation_tags WHERE organisation_id = ? AND tag_id = ?";

int orgtags_search(desk_t *d, const char *prefix, org_t *hits, int max)
{
    char like[512];
    if (!prefix || !*prefix || !text_like_pattern(prefix, false, like, sizeof like))
        return 0;
    MYSQL_STMT *st = db_query(&d->db, sql_search, "si", like, (long long)max);
    if (!st)
        return -1;
    int n = 0, rc;
    org_t o;
    while (memset(&o, 0, sizeof o),
           (rc = db_fetch(st, "iss", &o.id, o.name, sizeof o.name, o.tags, sizeof o.tags)) == 1)
        if (n < max)
            hits[n++] = o;
    db_done(st);
    return rc < 0 ? -1 : n;
}

int orgtags_get(desk_t *d, long long id, org_t *o)
{
    memset(o, 0, sizeof *o);
    return db_found(db_row(&d->db, sql_get, "i", "isi", id, &o->id, o->name, sizeof o->name,
                           &o->customers));
}

int orgtags_each(desk_t *d, long long org_id, void (*fn)(const tag_t *t, time_t at, void *ctx),
                 void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_each, "i", org_id);
    if (!st)
        return -1;
    tag_t t;
    long long sys, act;
    time_t at;
    int rc;
    while (memset(&t, 0, sizeof t),
           (rc = db_fetch(st, "issssiit", &t.id, t.code, sizeof t.code, t.name[LANG_ZH],
                          sizeof t.name[LANG_ZH], t.name[LANG_EN], sizeof t.name[LANG_EN], t.color,
                          sizeof t.color, &sys, &act, &at)) == 1) {
        t.system = sys != 0;
        t.active = act != 0;
        fn(&t, at, ctx);
    }
    db_done(st);
    return rc < 0 ? -1 : 0;
}

int orgtags_assign(desk_t *d, long long org_id, long long tag_id, time_t now)
{
    int rc = db_exec(&d->db, sql_assign, "iit", org_id, tag_id, now);
    return rc < 0 ? rc : rc > 0;
}

int orgtags_unassign(desk_t *d, long long org_id, long long tag_id)
{
    int rc = db_exec(&d->db, sql_unassign, "ii", org_id, tag_id);
    return rc < 0 ? rc : rc > 0;
}
