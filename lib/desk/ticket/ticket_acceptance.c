/* ticket_acceptance: see ticket_acceptance.h. */
#include "desk/ticket/ticket_acceptance.h"

#include <stdlib.h>

static const char sql_doc_ticket[] =
    "SELECT t.number, t.subject, t.description, t.category_id, COALESCE(o.name, ''),"
    " t.contact_name, t.product, t.product_version, t.serial_number, COALESCE(a.name, ''),"
    " COALESCE(t.team_id, 0), t.created_at, t.resolved_at, t.language FROM tickets t"
    " LEFT JOIN organisations o ON o.id = t.organisation_id"
    " LEFT JOIN agents a ON a.id = t.owner_id WHERE t.id = ?";
static const char sql_doc_resolution[] =
    "SELECT COALESCE(body, ''), actor_name, created_at FROM ticket_events"
    " WHERE ticket_id = ? AND kind = 'status' AND new_value = 'resolved' ORDER BY id DESC LIMIT 1";
static const char sql_doc_solution[] =
    "SELECT delivery, steps, expected, risks, COALESCE(confirmed_name, ''), confirmed_at,"
    " confirmed_via FROM ticket_solutions WHERE ticket_id = ? AND state = 'confirmed'"
    " ORDER BY id DESC LIMIT 1";
static const char sql_doc_work[] =
    "SELECT COALESCE(field, ''), COALESCE(old_value, ''), COALESCE(new_value, ''), body,"
    " actor_name, created_at FROM ticket_events WHERE ticket_id = ? AND kind = 'work' ORDER BY id";

static const char sql_has_signed[] =
    "SELECT 1 FROM ticket_acceptances WHERE ticket_id = ? LIMIT 1";

/* json_string of a value that may be NULL ("" then). */
static json_t *str(const char *s)
{
    return json_string(s ? s : "");
}

static int add_solution(desk_t *d, long long id, json_t *doc)
{
    char delivery[16], name[401], via[16];
    char *steps = NULL, *expected = NULL, *risks = NULL;
    time_t at = 0;
    int rc = db_row(&d->db, sql_doc_solution, "i", "sSSSsts", id, delivery, sizeof delivery, &steps,
                    &expected, &risks, name, sizeof name, &at, via, sizeof via);
    if (rc == 1)
        json_object_set_new(doc, "solution",
                            json_pack("{s:s, s:o, s:o, s:o, s:s, s:I, s:s}", "delivery", delivery,
                                      "steps", str(steps), "expected", str(expected), "risks",
                                      str(risks), "confirmed_by", name, "confirmed_at",
                                      (json_int_t)at, "via", via));
    free(steps);
    free(expected);
    free(risks);
    return rc < 0 ? -1 : 0;
}

static int add_work(desk_t *d, long long id, json_t *doc)
{
    MYSQL_STMT *st = db_query(&d->db, sql_doc_work, "i", id);
    if (!st)
        return -1;
    json_t *work = json_array();
    char kind[41], old_serial[1021], new_serial[1021], by[401]; /* VARCHAR(255), utf8mb4 */
    char *body = NULL;
    time_t at;
    int rc;
    while ((rc = db_fetch(st, "sssSst", kind, sizeof kind, old_serial, sizeof old_serial,
                          new_serial, sizeof new_serial, &body, by, sizeof by, &at)) == 1) {
        json_array_append_new(work, json_pack("{s:s, s:o, s:s, s:s, s:s, s:I}", "kind", kind,
                                              "text", str(body), "old", old_serial, "new",
                                              new_serial, "by", by, "at", (json_int_t)at));
        free(body);
        body = NULL;
    }
    db_done(st);
    json_object_set_new(doc, "work", work);
    return rc < 0 ? -1 : 0;
}

json_t *ticket_acceptance_doc(desk_t *d, long long id)
{
    char number[TN_MAX], subject[801], org[801], contact[401], product[801], version[401];
    char serial[401], owner[401], lang[3], note_by[401];
    char *description = NULL, *note = NULL;
    long long category = 0, team = 0;
    time_t created = 0, resolved = 0, note_at = 0;
    int rc = db_row(&d->db, sql_doc_ticket, "i", "ssSissssssitts", id, number, sizeof number,
                    subject, sizeof subject, &description, &category, org, sizeof org, contact,
                    sizeof contact, product, sizeof product, version, sizeof version, serial,
                    sizeof serial, owner, sizeof owner, &team, &created, &resolved, lang,
                    sizeof lang);
    if (rc != 1)
        return NULL;
    int found = db_row(&d->db, sql_doc_resolution, "i", "Sst", id, &note, note_by,
                       sizeof note_by, &note_at);
    if (found < 0) {
        free(description);
        return NULL;
    }
    if (found == 0)
        note_by[0] = '\0';
    /* the engineer is the owner; a ticket resolved without one names who resolved it */
    json_t *doc = json_pack(
        "{s:s, s:s, s:o, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:I, s:I, s:o, s:s}", "number",
        number, "subject", subject, "description", str(description), "category_id",
        (json_int_t)category, "organisation", org, "contact", contact, "product", product,
        "product_version", version, "serial_number", serial, "engineer", *owner ? owner : note_by,
        "team_id", (json_int_t)team, "created_at", (json_int_t)created, "resolved_at",
        (json_int_t)(resolved ? resolved : note_at), "resolution", str(note), "language", lang);
    free(description);
    free(note);
    if (!doc || add_solution(d, id, doc) || add_work(d, id, doc)) {
        json_decref(doc);
        return NULL;
    }
    return doc;
}

int ticket_has_acceptance(desk_t *d, long long id)
{
    long long one;
    return db_row(&d->db, sql_has_signed, "i", "i", id, &one);
}
