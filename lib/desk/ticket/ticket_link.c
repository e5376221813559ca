/* ticket_link: see ticket_link.h. */
#include "desk/ticket/ticket_link.h"

#include <stdio.h>
#include <string.h>

#include "desk/audit.h"
#include "desk/ticket/ticket_work.h"

/* seen from a ticket -> stored, and whether stored from the other end */
static const struct {
    const char *kind, *stored, *inverse;
    bool swap;
} kinds[] = {
    {"related", "related", "related", false},
    {"duplicate_of", "duplicate_of", "duplicated_by", false},
    {"duplicated_by", "duplicate_of", "duplicate_of", true},
    {"caused_by", "caused_by", "causes", false},
    {"causes", "caused_by", "caused_by", true},
    {"parent_of", "parent_of", "child_of", false},
    {"child_of", "parent_of", "parent_of", true},
};
#define NKINDS (sizeof kinds / sizeof *kinds)

const char *const ticket_link_kinds[] = {"related",  "duplicate_of", "duplicated_by", "caused_by",
                                         "causes",   "parent_of",    "child_of",      NULL};

static const char sql_insert[] =
    "INSERT IGNORE INTO ticket_links (ticket_id, other_id, kind, created_by_agent_id,"
    " created_by_api_key_id, created_at) VALUES (?, ?, ?, ?, ?, ?)";
/* related is stored once whichever end added it */
static const char sql_delete[] =
    "DELETE FROM ticket_links WHERE kind = ? AND ((ticket_id = ? AND other_id = ?)"
    " OR (kind = 'related' AND ticket_id = ? AND other_id = ?))";
static const char sql_exists[] =
    "SELECT COUNT(*) FROM ticket_links WHERE kind = ? AND ((ticket_id = ? AND other_id = ?)"
    " OR (kind = 'related' AND ticket_id = ? AND other_id = ?))";
static const char sql_each[] =
    "(SELECT l.id, l.kind, 0, t.id, t.number, t.subject, t.status FROM ticket_links l"
    "  JOIN tickets t ON t.id = l.other_id WHERE l.ticket_id = ?)"
    " UNION ALL"
    " (SELECT l.id, l.kind, 1, t.id, t.number, t.subject, t.status FROM ticket_links l"
    "  JOIN tickets t ON t.id = l.ticket_id WHERE l.other_id = ?)"
    " ORDER BY 1 LIMIT ?";

static int find(const char *kind)
{
    for (size_t i = 0; kind && i < NKINDS; i++)
        if (!strcmp(kinds[i].kind, kind))
            return (int)i;
    return -1;
}

const char *ticket_link_stored(const char *kind, bool *swap)
{
    int i = find(kind);
    *swap = i >= 0 && kinds[i].swap;
    return i >= 0 ? kinds[i].stored : NULL;
}

const char *ticket_link_inverse(const char *kind)
{
    int i = find(kind);
    return i >= 0 ? kinds[i].inverse : NULL;
}

typedef struct change {
    const ticket_by_t *by;
    long long id, other;
    const char *kind;
    bool add;
} change_t;

static int ok(int rc) { return rc < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK; }

/* Both tickets, if this person may see both. */
static int load_both(desk_t *d, const change_t *c, ticket_t *a, ticket_t *b)
{
    int rc = ticket_by_id(d, c->id, a);
    if (rc != OUTCOME_OK)
        return rc;
    if ((rc = ticket_by_id(d, c->other, b)) != OUTCOME_OK) {
        ticket_free(a);
        return rc;
    }
    if (c->by->agent &&
        (!ticket_visible_to(d, c->by->agent, a) || !ticket_visible_to(d, c->by->agent, b))) {
        ticket_free(a);
        ticket_free(b);
        return OUTCOME_FORBIDDEN;
    }
    return OUTCOME_OK;
}

/* History on both tickets and the audit entry of a change. */
static int record(desk_t *d, const change_t *c, const ticket_t *a, const ticket_t *b, time_t now)
{
    actor_t who = c->by->agent ? (actor_t){.type = "agent", .agent_id = c->by->agent->id,
                                           .name = c->by->agent->name}
                               : (actor_t){.type = "api", .api_key_id = c->by->api_key_id,
                                           .name = c->by->api_label};
    const char *ev = c->add ? "link" : "unlink";
    if (ok(ticket_event(d, a->id, ev, true, &who, c->kind, c->add ? "" : b->number,
                        c->add ? b->number : "", NULL, now)) ||
        ok(ticket_event(d, b->id, ev, true, &who, ticket_link_inverse(c->kind),
                        c->add ? "" : a->number, c->add ? a->number : "", NULL, now)))
        return OUTCOME_UNAVAILABLE;
    json_t *ch = audit_changes();
    audit_str(ch, c->kind, c->add ? NULL : b->number, c->add ? b->number : NULL);
    audit_who_t aw = {.agent_id = c->by->agent ? c->by->agent->id : 0, .ip = c->by->ip};
    int rc = audit_record(d, &aw, "ticket", a->number, a->subject, c->add ? "link" : "unlink", ch);
    json_decref(ch);
    return rc ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
}

static int change(desk_t *d, const change_t *c)
{
    bool swap;
    const char *stored = ticket_link_stored(c->kind, &swap);
    if (!stored || c->id == c->other)
        return OUTCOME_INVALID;
    ticket_t a, b;
    int rc = load_both(d, c, &a, &b);
    if (rc != OUTCOME_OK)
        return rc;
    long long from = swap ? c->other : c->id, to = swap ? c->id : c->other;
    time_t now = desk_now(d);
    if (db_begin(&d->db) != OUTCOME_OK) {
        rc = OUTCOME_UNAVAILABLE;
        goto out;
    }
    if (c->add) {
        long long n = 0;
        int got = db_row(&d->db, sql_exists, "siiii", "i", stored, from, to, to, from, &n);
        rc = got < 0 ? OUTCOME_UNAVAILABLE : n > 0 ? OUTCOME_DUPLICATE : OUTCOME_OK;
        if (rc == OUTCOME_OK) {
            got = db_exec(&d->db, sql_insert, "iisjjt", from, to, stored,
                          c->by->agent ? c->by->agent->id : 0, c->by->agent ? 0 : c->by->api_key_id,
                          now);
            rc = got < 0 ? OUTCOME_UNAVAILABLE : got == 0 ? OUTCOME_DUPLICATE : OUTCOME_OK;
        }
    } else {
        int got = db_exec(&d->db, sql_delete, "siiii", stored, from, to, to, from);
        rc = got < 0 ? OUTCOME_UNAVAILABLE : got == 0 ? OUTCOME_NOT_FOUND : OUTCOME_OK;
    }
    if (rc == OUTCOME_OK)
        rc = record(d, c, &a, &b, now);
    if (rc == OUTCOME_OK && db_commit(&d->db) != OUTCOME_OK)
        rc = OUTCOME_UNAVAILABLE;
    if (rc != OUTCOME_OK)
        db_rollback(&d->db);
out:
    ticket_free(&a);
    ticket_free(&b);
    return rc;
}

int ticket_link_add(desk_t *d, const ticket_by_t *by, long long id, long long other,
                    const char *kind)
{
    change_t c = {.by = by, .id = id, .other = other, .kind = kind, .add = true};
    return change(d, &c);
}

int ticket_link_remove(desk_t *d, const ticket_by_t *by, long long id, long long other,
                       const char *kind)
{
    change_t c = {.by = by, .id = id, .other = other, .kind = kind, .add = false};
    return change(d, &c);
}

int ticket_links_each(desk_t *d, long long id, void (*fn)(const ticket_link_t *l, void *ctx),
                      void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_each, "iii", id, id, (long long)TICKET_LINKS_MAX);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long row, reversed;
    char stored[16];
    ticket_link_t l;
    int rc, n = 0;
    while (memset(&l, 0, sizeof l),
           (rc = db_fetch(st, "isiisss", &row, stored, sizeof stored, &reversed, &l.other_id,
                          l.number, sizeof l.number, l.subject, sizeof l.subject, l.status,
                          sizeof l.status)) == 1) {
        l.kind = reversed ? ticket_link_inverse(stored) : ticket_link_stored(stored, &(bool){0});
        if (!l.kind)
            continue;
        fn(&l, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? OUTCOME_UNAVAILABLE : n;
}
