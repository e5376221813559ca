/* customer: see customer.h. */
#include "core/text.h"
#include "desk/customer/customer.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "desk/customer/tags.h"

#define C_SELECT                                                                              \
    "SELECT c.id, c.name, COALESCE(o.name, ''), "                                             \
    TAGS_EFFECTIVE_SQL("c.id", "c.organisation_id")                                           \
    " FROM customers c LEFT JOIN organisations o ON o.id = c.organisation_id "
static const char sql_by_contact[] =
    C_SELECT "WHERE c.id IN (SELECT customer_id FROM customer_contacts WHERE kind = ? AND"
             " value_bidx IN " SECRET_LOOKUP_IN ") LIMIT ?";
static const char sql_by_name[] = C_SELECT "WHERE c.name LIKE ? ORDER BY c.name, c.id LIMIT ?";

void contact_normalise(const char *kind, const char *in, char *out, size_t cap)
{
    size_t o = 0;
    for (const char *p = in; *p && o + 1 < cap; p++) {
        if (strcmp(kind, "email") == 0)
            out[o++] = (char)tolower((unsigned char)*p);
        else if (isdigit((unsigned char)*p) || (*p == '+' && o == 0))
            out[o++] = *p;
    }
    out[o] = '\0';
}

int customer_search(desk_t *d, const char *q, customer_hit_t *hits, int max)
{
    MYSQL_STMT *st;
    if (!q || !*q)
        return 0;
    size_t digits = 0;
    for (const char *p = q; *p; p++)
        digits += isdigit((unsigned char)*p) != 0;
    if (strchr(q, '@') || digits >= 5) {
        const char *kind = strchr(q, '@') ? "email" : "phone";
        char norm[256];
        secret_lookup_t l;
        contact_normalise(kind, q, norm, sizeof norm);
        secret_lookup(&d->secrets, kind, norm, &l);
        st = db_query(&d->db, sql_by_contact, "s" SECRET_LOOKUP_FMT "i", kind,
                      SECRET_LOOKUP_ARGS(&l), (long long)max);
    } else {
        char like[CUSTOMER_QUERY_MAX * 4 * 2 + 3];
        if (!text_like_pattern(q, false, like, sizeof like))
            return 0;
        st = db_query(&d->db, sql_by_name, "si", like, (long long)max);
    }
    if (!st)
        return -1;
    int n = 0, rc;
    customer_hit_t h;
    while (memset(&h, 0, sizeof h),
           (rc = db_fetch(st, "isss", &h.id, h.name, sizeof h.name, h.organisation,
                          sizeof h.organisation, h.tags, sizeof h.tags)) == 1)
        if (n < max)
            hits[n++] = h;
    db_done(st);
    return rc < 0 ? -1 : n;
}

static const char sql_org_ensure[] =
    "INSERT IGNORE INTO organisations (name, created_at) VALUES (?, UTC_TIMESTAMP())";
static const char sql_complaints[] =
    "SELECT COUNT(*) FROM tickets t JOIN categories c ON c.id = t.category_id"
    " WHERE t.customer_id = ? AND t.created_at >= ? AND FIND_IN_SET(c.code, ?) > 0";
static const char sql_tag_rule[] =
    "INSERT INTO customer_tags (customer_id, tag_id, source, reason, created_at)"
    " SELECT ?, id, 'rule', ?, ? FROM tags WHERE code = 'frequent_complainer'"
    " ON DUPLICATE KEY UPDATE reason = VALUES(reason)";
/* their own or their organisation's */
static const char sql_has_tag[] =
    "SELECT COUNT(*) FROM tags g WHERE g.code = ? AND (g.id IN (SELECT tag_id FROM"
    " customer_tags WHERE customer_id = ?) OR g.id IN (SELECT ot.tag_id FROM organisation_tags"
    " ot JOIN customers c ON c.organisation_id = ot.organisation_id WHERE c.id = ?))";

int customer_apply_tag_rules(desk_t *d, long long customer_id, const char *category_code,
                             time_t now)
{
    tag_rules_t r; /* the admin's settings (lib/desk/customer/tags.h), else the config file's */
    tags_rules(d, &r);
    long count = r.complaint_count, days = r.complaint_days;
    long long n = 0;
    char reason[128];
    if (!text_list_has(r.complaint_categories, category_code))
        return 0;
    if (db_row(&d->db, sql_complaints, "its", "i", customer_id, now - days * 86400,
               r.complaint_categories, &n) != 1)
        return -1;
    if (n < count)
        return 0;
    snprintf(reason, sizeof reason, "%lld complaints in %ld days", n, days);
    return db_exec(&d->db, sql_tag_rule, "ist", customer_id, reason, now) < 0 ? -1 : 0;
}

bool customer_has_tag(desk_t *d, long long customer_id, const char *code)
{
    long long n = 0;
    return db_row(&d->db, sql_has_tag, "sii", "i", code, customer_id, customer_id, &n) == 1 &&
           n > 0;
}

int customer_organisation_ensure(desk_t *d, const char *name)
{
    int rc = db_exec(&d->db, sql_org_ensure, "s", name);
    return rc < 0 ? rc : OUTCOME_OK;
}
