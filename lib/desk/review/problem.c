/* problem: see problem.h. */
#include "desk/review/problem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "desk/people/people.h"
#include "desk/ticket/ticket_work.h"

const char *const problem_factor_kinds[] = {"people", "machine",     "material",
                                            "method", "environment", "measurement", NULL};
const char *const problem_responsibilities[] = {"human_error", "process_gap", "system_defect",
                                                "external", NULL};
const char *const problem_parties[] = {"internal", "customer", "third_party", NULL};

/* the form's names of the fields a refusal is about */
static const char *const why_fields[PROBLEM_WHYS_MAX] = {"why_1", "why_2", "why_3", "why_4",
                                                         "why_5", "why_6", "why_7"};
static const char *const because_fields[PROBLEM_WHYS_MAX] = {
    "because_1", "because_2", "because_3", "because_4", "because_5", "because_6", "because_7"};
static const char *const factor_fields[PROBLEM_FACTOR_KINDS] = {
    "f_people", "f_machine", "f_material", "f_method", "f_environment", "f_measurement"};

static const char sql_get[] =
    "SELECT p.id, p.title, p.symptoms, p.impact, p.timeline, p.responsibility,"
    " COALESCE(p.responsible_party, ''), p.conclusion, p.workaround, p.permanent_fix, p.status,"
    " p.owner_id, a.name, p.created_at, p.updated_at, p.version"
    " FROM problems p JOIN agents a ON a.id = p.owner_id WHERE p.id = ?";
static const char sql_lock[] = "SELECT version FROM problems WHERE id = ? FOR UPDATE";
static const char sql_whys[] =
    "SELECT why, because FROM problem_whys WHERE problem_id = ? ORDER BY level";
static const char sql_factors[] = "SELECT category, item FROM problem_factors"
                                  " WHERE problem_id = ? ORDER BY category, position";
static const char sql_is_participant[] =
    "SELECT COUNT(*) FROM problem_participants WHERE problem_id = ? AND agent_id = ?";
static const char sql_tickets[] =
    "SELECT t.number, t.subject, t.status FROM problem_tickets pt"
    " JOIN tickets t ON t.id = pt.ticket_id WHERE pt.problem_id = ? ORDER BY t.id";
static const char sql_participant_ids[] =
    "SELECT agent_id FROM problem_participants WHERE problem_id = ? ORDER BY agent_id";
static const char sql_people[] =
    "SELECT a.id, a.name, a.role,"
    " COALESCE(GROUP_CONCAT(IF(? = 'en', tm.name_en, tm.name_zh) ORDER BY tm.id SEPARATOR ', '),"
    " ''), a.id = p.owner_id"
    " FROM problems p JOIN agents a ON a.id = p.owner_id OR a.id IN"
    " (SELECT pp.agent_id FROM problem_participants pp WHERE pp.problem_id = p.id)"
    " LEFT JOIN team_members m ON m.agent_id = a.id"
    " LEFT JOIN teams tm ON tm.id = m.team_id AND tm.active = 1"
    " WHERE p.id = ? GROUP BY a.id, a.name, a.role, p.owner_id"
    " ORDER BY a.id = p.owner_id DESC, a.name";
static const char sql_events[] =
    "SELECT e.at, a.name, e.kind, e.changes FROM problem_events e"
    " JOIN agents a ON a.id = e.agent_id WHERE e.problem_id = ? ORDER BY e.id";
static const char sql_for_ticket[] =
    "SELECT p.id, p.title, p.status FROM problem_tickets pt JOIN problems p ON p.id = pt.problem_id"
    " WHERE pt.ticket_id = ? ORDER BY p.id DESC LIMIT 20";
static const char sql_open_by_team[] =
    "SELECT COALESCE(t.team_id, 0), COUNT(DISTINCT p.id) FROM problems p FORCE INDEX (ix_problems_status)"
    " JOIN problem_tickets pt ON pt.problem_id = p.id JOIN tickets t ON t.id = pt.ticket_id"
    " WHERE p.status IN ('draft', 'in_review', 'confirmed') AND p.created_at < ?"
    " GROUP BY COALESCE(t.team_id, 0)";
static const char sql_set_origin[] =
    "UPDATE problems SET origin = ?, origin_key = ?, origin_first = ?, origin_last = ?,"
    " origin_behind = ?, origin_query = ? WHERE id = ?";
static const char sql_origin[] =
    "SELECT origin, origin_key, COALESCE(DATE_FORMAT(origin_first, '%Y-%m-%d'), ''),"
    " COALESCE(DATE_FORMAT(origin_last, '%Y-%m-%d'), ''), origin_behind, origin_query"
    " FROM problems WHERE id = ?";
#define LIST_COLUMNS                                                                           \
    "SELECT p.id, p.title, a.name, p.status, p.responsibility,"                                \
    " (SELECT COUNT(*) FROM problem_tickets pt WHERE pt.problem_id = p.id), p.updated_at"      \
    " FROM problems p JOIN agents a ON a.id = p.owner_id "
static const char sql_list_all[] =
    LIST_COLUMNS "WHERE p.id < ? ORDER BY p.id DESC LIMIT ?";
static const char sql_list_status[] =
    LIST_COLUMNS "WHERE p.status = ? AND p.id < ? ORDER BY p.id DESC LIMIT ?";
static const char sql_list_involved[] =
    LIST_COLUMNS "WHERE p.id < ? AND (? = '' OR p.status = ?) AND (p.owner_id = ? OR EXISTS"
    " (SELECT 1 FROM problem_participants pp WHERE pp.problem_id = p.id AND pp.agent_id = ?))"
    " ORDER BY p.id DESC LIMIT ?";
static const char sql_insert[] =
    "INSERT INTO problems (title, symptoms, impact, timeline, responsibility, responsible_party,"
    " conclusion, workaround, permanent_fix, status, owner_id, created_by, created_at,"
    " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, 1)";
static const char sql_update[] =
    "UPDATE problems SET title = ?, symptoms = ?, impact = ?, timeline = ?, responsibility = ?,"
    " responsible_party = ?, conclusion = ?, workaround = ?, permanent_fix = ?, owner_id = ?,"
    " updated_at = ?, version = version + 1 WHERE id = ?";
static const char sql_set_status[] =
    "UPDATE problems SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?";
static const char sql_drop_whys[] = "DELETE FROM problem_whys WHERE problem_id = ?";
static const char sql_add_why[] =
    "INSERT INTO problem_whys (problem_id, level, why, because) VALUES (?, ?, ?, ?)";
static const char sql_drop_factors[] = "DELETE FROM problem_factors WHERE problem_id = ?";
static const char sql_add_factor[] =
    "INSERT INTO problem_factors (problem_id, category, position, item) VALUES (?, ?, ?, ?)";
static const char sql_drop_tickets[] = "DELETE FROM problem_tickets WHERE problem_id = ?";
static const char sql_add_ticket[] =
    "INSERT INTO problem_tickets (problem_id, ticket_id) VALUES (?, ?)";
static const char sql_drop_people[] = "DELETE FROM problem_participants WHERE problem_id = ?";
static const char sql_add_person[] =
    "INSERT INTO problem_participants (problem_id, agent_id) VALUES (?, ?)";
static const char sql_add_event[] =
    "INSERT INTO problem_events (problem_id, at, agent_id, kind, changes) VALUES (?, ?, ?, ?, ?)";

static const char *nz(const char *s) { return s ? s : ""; }

void problem_number(long long id, char out[16])
{
    snprintf(out, 16, "PRB-%06lld", id % 1000000000LL);
}

long long problem_number_parse(const char *s)
{
    if (!s)
        return 0;
    if (strncmp(s, "PRB-", 4) == 0)
        s += 4;
    size_t n = strlen(s);
    if (n == 0 || n > 15 || strspn(s, "0123456789") != n)
        return 0;
    return atoll(s);
}

/* ---- rules ----------------------------------------------------------------- */

int problem_chain_check(const char *const why[PROBLEM_WHYS_MAX],
                        const char *const because[PROBLEM_WHYS_MAX], refusal_t *r)
{
    int last = 0, before = r->n;
    for (int i = 0; i < PROBLEM_WHYS_MAX; i++)
        if ((why[i] && *why[i]) || (because[i] && *because[i]))
            last = i + 1;
    for (int i = 0; i < last; i++) {
        bool w = why[i] && *why[i], b = because[i] && *because[i];
        if (!w && !b)
            refusal_add(r, why_fields[i], "why_gap");
        else if (!w)
            refusal_add(r, why_fields[i], "why_needed");
        else if (!b)
            refusal_add(r, because_fields[i], "because_needed");
    }
    return r->n > before ? -1 : last;
}

char *problem_items_normalise(const char *text, const char **err)
{
    *err = NULL;
    size_t cap = (text ? strlen(text) : 0) + 1;
    char *out = malloc(cap), *copy = strdup(text ? text : "");
    if (!out || !copy) {
        free(out), free(copy);
        *err = "unavailable";
        return NULL;
    }
    out[0] = '\0';
    int n = 0;
    char *save;
    for (char *line = strtok_r(copy, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save)) {
        char *item = text_trim(line);
        if (!*item)
            continue;
        if (text_chars(item) > PROBLEM_ITEM_MAX)
            *err = "item_too_long";
        else if (++n > PROBLEM_ITEMS_MAX)
            *err = "too_many_items";
        if (*err)
            break;
        size_t len = strlen(out);
        snprintf(out + len, cap - len, "%s%s", len ? "\n" : "", item);
    }
    free(copy);
    if (*err) {
        free(out);
        return NULL;
    }
    return out;
}

bool problem_incomplete(const problem_t *p, problem_action_t a, refusal_t *r)
{
    int before = r->n;
    if (a != PA_SUBMIT && a != PA_CONFIRM && a != PA_CLOSE)
        return false;
    if (!p->symptoms || !*p->symptoms)
        refusal_add(r, "symptoms", "required");
    if (p->nwhys < 1)
        refusal_add(r, "why_1", "chain_needed");
    if (!p->responsibility[0])
        refusal_add(r, "responsibility", "required");
    if (!p->party[0])
        refusal_add(r, "party", "required");
    if ((a == PA_CONFIRM || a == PA_CLOSE) && (!p->conclusion || !*p->conclusion))
        refusal_add(r, "conclusion", "required");
    if (a == PA_CLOSE && (!p->permanent_fix || !*p->permanent_fix))
        refusal_add(r, "permanent_fix", "required");
    return r->n > before;
}

/* ---- reading ---------------------------------------------------------------- */

void problem_free(problem_t *p)
{
    free(p->symptoms), free(p->impact), free(p->timeline);
    free(p->conclusion), free(p->workaround), free(p->permanent_fix);
    for (int i = 0; i < PROBLEM_WHYS_MAX; i++)
        free(p->whys[i].why), free(p->whys[i].because);
    for (int k = 0; k < PROBLEM_FACTOR_KINDS; k++)
        free(p->factors[k]);
    memset(p, 0, sizeof *p);
}

static int kind_index(const char *code)
{
    for (int k = 0; problem_factor_kinds[k]; k++)
        if (strcmp(code, problem_factor_kinds[k]) == 0)
            return k;
    return -1;
}

/* Appends item to the factor's "\n"-joined list. */
static int append_item(char **list, const char *item)
{
    size_t old = *list ? strlen(*list) : 0, add = strlen(item);
    char *grown = realloc(*list, old + add + 2);
    if (!grown)
        return OUTCOME_UNAVAILABLE;
    if (old)
        grown[old++] = '\n';
    memcpy(grown + old, item, add + 1);
    *list = grown;
    return OUTCOME_OK;
}

static int load_children(desk_t *d, problem_t *p)
{
    MYSQL_STMT *st = db_query(&d->db, sql_whys, "i", p->id);
    int rc = st ? 1 : OUTCOME_UNAVAILABLE;
    char *why = NULL, *because = NULL;
    while (st && (rc = db_fetch(st, "SS", &why, &because)) == 1) {
        if (p->nwhys < PROBLEM_WHYS_MAX) {
            p->whys[p->nwhys].why = why, p->whys[p->nwhys++].because = because;
        } else
            free(why), free(because);
        why = because = NULL;
    }
    db_done(st);
    if (rc < 0)
        return rc;
    char kind[16], item[1201];
    st = db_query(&d->db, sql_factors, "i", p->id);
    rc = st ? 1 : OUTCOME_UNAVAILABLE;
    while (st && (rc = db_fetch(st, "ss", kind, sizeof kind, item, sizeof item)) == 1) {
        int k = kind_index(kind);
        if (k >= 0 && append_item(&p->factors[k], item) != OUTCOME_OK) {
            rc = OUTCOME_UNAVAILABLE;
            break;
        }
    }
    db_done(st);
    return rc < 0 ? rc : OUTCOME_OK;
}

int problem_get(desk_t *d, long long id, bool lock, problem_t *p)
{
    memset(p, 0, sizeof *p);
    long long version = 0;
    if (lock) {
        int rc = db_row(&d->db, sql_lock, "i", "i", id, &version);
        if (rc != 1)
            return db_found(rc);
    }
    char status[16];
    int rc = db_row(&d->db, sql_get, "i", "isSSSssSSSsistti", id, &p->id, p->title,
                    sizeof p->title, &p->symptoms, &p->impact, &p->timeline, p->responsibility,
                    sizeof p->responsibility, p->party, sizeof p->party, &p->conclusion,
                    &p->workaround, &p->permanent_fix, status, sizeof status, &p->owner_id,
                    p->owner_name, sizeof p->owner_name, &p->created_at, &p->updated_at,
                    &p->version);
    int s = problem_status_parse(status);
    p->status = s < 0 ? PS_DRAFT : (problem_status_t)s;
    if (rc == 1 && (rc = load_children(d, p)) == OUTCOME_OK)
        return OUTCOME_OK;
    problem_free(p);
    return db_found(rc);
}

int problem_role(desk_t *d, const agent_t *a, const problem_t *p, problem_role_t *out)
{
    long long n = 0;
    int rc = db_row(&d->db, sql_is_participant, "ii", "i", p->id, a->id, &n);
    if (rc < 0)
        return rc;
    *out = problem_role_of(a, p->owner_id, n > 0);
    return OUTCOME_OK;
}

int problem_each_ticket(desk_t *d, long long id,
                        void (*fn)(const char *number, const char *subject, const char *status,
                                   void *ctx),
                        void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_tickets, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    char number[40], subject[801], status[24];
    int n = 0, rc;
    while ((rc = db_fetch(st, "sss", number, sizeof number, subject, sizeof subject, status,
                          sizeof status)) == 1)
        fn(number, subject, status, ctx), n++;
    db_done(st);
    return rc < 0 ? rc : n;
}

int problem_each_person(desk_t *d, long long id, lang_t lang,
                        void (*fn)(long long person, const char *name, const char *role,
                                   const char *teams, bool owner, void *ctx),
                        void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_people, "si", lang_code(lang), id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long person = 0, owner = 0;
    char name[401], role[16], teams[1024];
    int n = 0, rc;
    while ((rc = db_fetch(st, "isssi", &person, name, sizeof name, role, sizeof role, teams,
                          sizeof teams, &owner)) == 1)
        fn(person, name, role, teams, owner != 0, ctx), n++;
    db_done(st);
    return rc < 0 ? rc : n;
}

int problem_each_event(desk_t *d, long long id,
                       void (*fn)(time_t at, const char *who, const char *kind,
                                  const char *changes, void *ctx),
                       void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_events, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    time_t at = 0;
    char who[401], kind[24], *changes = NULL;
    int n = 0, rc;
    while ((rc = db_fetch(st, "tssS", &at, who, sizeof who, kind, sizeof kind, &changes)) == 1) {
        fn(at, who, kind, nz(changes), ctx), n++;
        free(changes);
        changes = NULL;
    }
    db_done(st);
    return rc < 0 ? rc : n;
}

int problem_each_for_ticket(desk_t *d, long long ticket_id,
                            void (*fn)(long long id, const char *title, const char *status,
                                       void *ctx),
                            void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_for_ticket, "i", ticket_id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long id = 0;
    char title[801], status[16];
    int n = 0, rc;
    while ((rc = db_fetch(st, "iss", &id, title, sizeof title, status, sizeof status)) == 1)
        fn(id, title, status, ctx), n++;
    db_done(st);
    return rc < 0 ? rc : n;
}

int problem_open_by_team(desk_t *d, time_t before,
                         void (*fn)(long long team_id, long long n, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_open_by_team, "t", before);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long team = 0, n = 0;
    int rc, rows = 0;
    while ((rc = db_fetch(st, "ii", &team, &n)) == 1)
        fn(team, n, ctx), rows++;
    db_done(st);
    return rc < 0 ? rc : rows;
}

int problem_origin_get(desk_t *d, long long id, problem_origin_t *o)
{
    memset(o, 0, sizeof *o);
    return db_found(db_row(&d->db, sql_origin, "i", "ssssis", id, o->kind, sizeof o->kind, o->key,
                           sizeof o->key, o->first, sizeof o->first, o->last, sizeof o->last,
                           &o->behind, o->query, sizeof o->query));
}

int problem_set_origin(desk_t *d, long long id, const problem_origin_t *o)
{
    if (strcmp(o->kind, "stats_combo") && strcmp(o->kind, "stats_term"))
        return OUTCOME_INVALID;
    int rc = db_exec(&d->db, sql_set_origin, "ssssisi", o->kind, o->key, o->first, o->last,
                     o->behind, o->query, id);
    return rc < 0 ? rc : OUTCOME_OK;
}

int problem_list(desk_t *d, const agent_t *a, int status, long long before, int limit,
                 void (*fn)(const problem_row_t *row, void *ctx), void *ctx)
{
    long long below = before > 0 ? before : (long long)1 << 62;
    const char *code = status >= 0 ? problem_status_code((problem_status_t)status) : "";
    problem_role_t me = problem_role_of(a, 0, false);
    MYSQL_STMT *st =
        !me.manager ? db_query(&d->db, sql_list_involved, "issiii", below, code, code, a->id,
                               a->id, (long long)limit)
        : *code     ? db_query(&d->db, sql_list_status, "sii", code, below, (long long)limit)
                    : db_query(&d->db, sql_list_all, "ii", below, (long long)limit);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    problem_row_t row;
    int n = 0, rc;
    memset(&row, 0, sizeof row);
    while ((rc = db_fetch(st, "issssit", &row.id, row.title, sizeof row.title, row.owner,
                          sizeof row.owner, row.status, sizeof row.status, row.responsibility,
                          sizeof row.responsibility, &row.tickets, &row.updated_at)) == 1)
        fn(&row, ctx), n++;
    db_done(st);
    return rc < 0 ? rc : n;
}

/* ---- changes ----------------------------------------------------------------- */

/* What content becomes once checked: the lists resolved to ids. */
typedef struct resolved {
    int nwhys;
    char *factors[PROBLEM_FACTOR_KINDS];
    long long tickets[PROBLEM_TICKETS_MAX];
    char numbers[PROBLEM_TICKETS_MAX * 34]; /* "n1 n2" as resolved */
    int ntickets;
    long long people[PROBLEM_PARTICIPANTS_MAX];
    char people_ids[PROBLEM_PARTICIPANTS_MAX * 20]; /* "3,5" ascending */
    int npeople;
    long long owner_id;
} resolved_t;

static void resolved_free(resolved_t *v)
{
    for (int k = 0; k < PROBLEM_FACTOR_KINDS; k++)
        free(v->factors[k]);
}

static bool code_list_ok(const char *list, const char *const *codes)
{
    char copy[128], *save;
    if (!list || strlen(list) >= sizeof copy)
        return !list;
    snprintf(copy, sizeof copy, "%s", list);
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        bool known = false;
        for (int i = 0; codes[i]; i++)
            known = known || strcmp(t, codes[i]) == 0;
        if (!known)
            return false;
    }
    return true;
}

static bool have_id(const long long *ids, int n, long long id)
{
    for (int i = 0; i < n; i++)
        if (ids[i] == id)
            return true;
    return false;
}

/* The tickets named in c: each one known (and seen by a when it is not
 * linked yet: was lists those linked before), at least one. */
static int resolve_tickets(desk_t *d, const agent_t *a, const char *numbers, const char *was,
                           resolved_t *v, refusal_t *r)
{
    char copy[1024], *save;
    snprintf(copy, sizeof copy, "%s", nz(numbers));
    for (char *t = strtok_r(copy, " ,;\r\n\t", &save); t; t = strtok_r(NULL, " ,;\r\n\t", &save)) {
        ticket_t tk;
        int rc = ticket_by_number(d, t, &tk);
        if (rc == OUTCOME_NOT_FOUND) {
            refusal_add(r, "tickets", "unknown_ticket");
            return OUTCOME_OK;
        }
        if (rc != OUTCOME_OK)
            return OUTCOME_UNAVAILABLE;
        char padded[48];
        snprintf(padded, sizeof padded, " %s ", tk.number);
        bool ok = strstr(was, padded) || ticket_visible_to(d, a, &tk);
        long long id = tk.id;
        size_t len = strlen(v->numbers);
        if (ok && !have_id(v->tickets, v->ntickets, id) && v->ntickets < PROBLEM_TICKETS_MAX) {
            v->tickets[v->ntickets++] = id;
            snprintf(v->numbers + len, sizeof v->numbers - len, "%s%s", len ? " " : "",
                     tk.number);
        } else if (ok && !have_id(v->tickets, v->ntickets, id))
            refusal_add(r, "tickets", "too_many");
        ticket_free(&tk);
        if (!ok) {
            refusal_add(r, "tickets", "unknown_ticket");
            return OUTCOME_OK;
        }
    }
    if (v->ntickets == 0)
        refusal_add(r, "tickets", "ticket_needed");
    return OUTCOME_OK;
}

static int cmp_id(const void *x, const void *y)
{
    long long a = *(const long long *)x, b = *(const long long *)y;
    return a < b ? -1 : a > b;
}

/* The participants (active people, the owner left out) and the owner. */
static int resolve_people(desk_t *d, const char *ids, long long owner_id, resolved_t *v,
                          refusal_t *r)
{
    person_t p;
    int rc = people_get(d, owner_id, false, &p);
    if (rc != OUTCOME_OK && rc != OUTCOME_NOT_FOUND)
        return rc;
    if (rc == OUTCOME_NOT_FOUND || !p.active)
        refusal_add(r, "owner", "unknown_person");
    v->owner_id = owner_id;
    char copy[PEOPLE_IDS_LEN], *save;
    snprintf(copy, sizeof copy, "%s", nz(ids));
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        long long id = atoll(t);
        if (id == owner_id || have_id(v->people, v->npeople, id))
            continue;
        if (v->npeople == PROBLEM_PARTICIPANTS_MAX) {
            refusal_add(r, "participants", "too_many");
            break;
        }
        rc = id > 0 ? people_get(d, id, false, &p) : OUTCOME_NOT_FOUND;
        if (rc != OUTCOME_OK && rc != OUTCOME_NOT_FOUND)
            return rc;
        if (rc == OUTCOME_NOT_FOUND || !p.active) {
            refusal_add(r, "participants", "unknown_person");
            break;
        }
        v->people[v->npeople++] = id;
    }
    qsort(v->people, (size_t)v->npeople, sizeof *v->people, cmp_id);
    for (int i = 0; i < v->npeople; i++) {
        size_t len = strlen(v->people_ids);
        snprintf(v->people_ids + len, sizeof v->people_ids - len, "%s%lld", i ? "," : "",
                 v->people[i]);
    }
    return OUTCOME_OK;
}

/* Checks content c, from agent a, over old (a new record: zeroed). */
static int resolve(desk_t *d, const agent_t *a, const problem_content_t *c, const problem_t *old,
                   const char *was_tickets, resolved_t *v, refusal_t *r)
{
    memset(v, 0, sizeof *v);
    if (!c->title || !*c->title)
        refusal_add(r, "title", "required");
    v->nwhys = problem_chain_check(c->why, c->because, r);
    for (int k = 0; k < PROBLEM_FACTOR_KINDS; k++) {
        const char *err = NULL;
        v->factors[k] = problem_items_normalise(c->factors[k], &err);
        if (err)
            refusal_add(r, factor_fields[k], err);
    }
    if (!code_list_ok(c->responsibility, problem_responsibilities))
        refusal_add(r, "responsibility", "invalid_choice");
    if (c->party && !code_list_ok(c->party, problem_parties))
        refusal_add(r, "party", "invalid_choice");
    long long owner = c->owner_id ? c->owner_id : old->id ? old->owner_id : a->id;
    if (old->id && owner != old->owner_id && a->id != old->owner_id &&
        !problem_role_of(a, 0, false).manager)
        refusal_add(r, "owner", "owner_forbidden");
    int rc = resolve_tickets(d, a, c->tickets, was_tickets, v, r);
    if (rc == OUTCOME_OK)
        rc = resolve_people(d, c->participants, owner, v, r);
    return rc;
}

/* The chain as one text for the history: "1. why → because" a line. */
static char *chain_text(const char *const why[], const char *const because[], int n)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    if (!f)
        return NULL;
    for (int i = 0; i < n; i++)
        fprintf(f, "%s%d. %s → %s", i ? "\n" : "", i + 1, nz(why[i]), nz(because[i]));
    fclose(f);
    return out;
}

/* Joins a list of ids or strings produced by fn for the history. */
typedef struct joined {
    char text[PROBLEM_TICKETS_MAX * 34 + 4];
} joined_t;

static void join_number(const char *number, const char *subject, const char *status, void *ctx)
{
    (void)subject, (void)status;
    joined_t *j = ctx;
    size_t len = strlen(j->text);
    snprintf(j->text + len, sizeof j->text - len, "%s%s", len ? " " : "", number);
}

/* The changes from old to the resolved content. */
static json_t *changes_of(const problem_t *old, const problem_content_t *c, const resolved_t *v,
                          const char *old_numbers, const char *old_people)
{
    json_t *ch = audit_changes();
    audit_str(ch, "title", old->title, c->title);
    audit_str(ch, "symptoms", old->symptoms, c->symptoms);
    audit_str(ch, "impact", old->impact, c->impact);
    audit_str(ch, "timeline", old->timeline, c->timeline);
    const char *ow[PROBLEM_WHYS_MAX], *ob[PROBLEM_WHYS_MAX];
    for (int i = 0; i < PROBLEM_WHYS_MAX; i++)
        ow[i] = old->whys[i].why, ob[i] = old->whys[i].because;
    char *was = chain_text(ow, ob, old->nwhys), *now = chain_text(c->why, c->because, v->nwhys);
    audit_str(ch, "whys", was, now);
    free(was), free(now);
    for (int k = 0; k < PROBLEM_FACTOR_KINDS; k++)
        audit_str(ch, factor_fields[k], old->factors[k], v->factors[k]);
    audit_str(ch, "responsibility", old->responsibility, c->responsibility);
    audit_str(ch, "party", old->party, c->party);
    audit_str(ch, "conclusion", old->conclusion, c->conclusion);
    audit_str(ch, "workaround", old->workaround, c->workaround);
    audit_str(ch, "permanent_fix", old->permanent_fix, c->permanent_fix);
    audit_str(ch, "tickets", old_numbers, v->numbers);
    audit_str(ch, "participants", old_people, v->people_ids);
    if (old->id)
        audit_int(ch, "owner", old->owner_id, v->owner_id);
    else
        audit_int(ch, "owner", 0, v->owner_id);
    return ch;
}

static int write_children(desk_t *d, long long id, const problem_content_t *c,
                          const resolved_t *v)
{
    db_t *db = &d->db;
    int rc = OUTCOME_OK;
    if ((rc = db_exec(db, sql_drop_whys, "i", id)) < 0)
        return rc;
    for (int i = 0; i < v->nwhys; i++)
        if ((rc = db_exec(db, sql_add_why, "iiss", id, (long long)i + 1, c->why[i],
                          c->because[i])) < 0)
            return rc;
    if ((rc = db_exec(db, sql_drop_factors, "i", id)) < 0)
        return rc;
    for (int k = 0; k < PROBLEM_FACTOR_KINDS; k++) {
        char *copy = strdup(nz(v->factors[k])), *save;
        long long pos = 0;
        for (char *t = copy ? strtok_r(copy, "\n", &save) : NULL; t && rc >= 0;
             t = strtok_r(NULL, "\n", &save))
            rc = db_exec(db, sql_add_factor, "isis", id, problem_factor_kinds[k], ++pos, t);
        free(copy);
        if (!copy || rc < 0)
            return copy ? rc : OUTCOME_UNAVAILABLE;
    }
    if ((rc = db_exec(db, sql_drop_tickets, "i", id)) < 0)
        return rc;
    for (int i = 0; i < v->ntickets; i++)
        if ((rc = db_exec(db, sql_add_ticket, "ii", id, v->tickets[i])) < 0)
            return rc;
    if ((rc = db_exec(db, sql_drop_people, "i", id)) < 0)
        return rc;
    for (int i = 0; i < v->npeople; i++)
        if ((rc = db_exec(db, sql_add_person, "ii", id, v->people[i])) < 0)
            return rc;
    return OUTCOME_OK;
}

/* The history entry and the audit row of a change to record id. */
static int record(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                  const char *title, const char *kind, json_t *changes)
{
    char *text = json_dumps(changes, JSON_COMPACT);
    if (!text)
        return OUTCOME_UNAVAILABLE;
    int rc = db_exec(&d->db, sql_add_event, "itiss", id, desk_now(d), a->id, kind, text);
    free(text);
    if (rc < 0)
        return rc;
    char number[16], what[1024];
    problem_number(id, number);
    snprintf(what, sizeof what, "%s %s", number, title);
    return audit_record(d, who, "problem", number, what,
                        strcmp(kind, "created") == 0 ? "create" : kind, changes);
}

int problem_create(desk_t *d, const agent_t *a, const audit_who_t *who,
                   const problem_content_t *c, long long *id, refusal_t *r)
{
    problem_t none;
    resolved_t v;
    memset(&none, 0, sizeof none);
    int rc = resolve(d, a, c, &none, " ", &v, r);
    if (rc == OUTCOME_OK && r->n) {
        resolved_free(&v);
        return CHANGE_REFUSED;
    }
    time_t now = desk_now(d);
    if (rc == OUTCOME_OK)
        rc = db_exec(&d->db, sql_insert, "sssssssssiitt", c->title, nz(c->symptoms),
                     nz(c->impact), nz(c->timeline), nz(c->responsibility), c->party,
                     nz(c->conclusion), nz(c->workaround), nz(c->permanent_fix), v.owner_id,
                     a->id, now, now);
    if (rc >= 0) {
        *id = (long long)d->db.last_id;
        rc = write_children(d, *id, c, &v);
    }
    if (rc == OUTCOME_OK) {
        json_t *ch = changes_of(&none, c, &v, NULL, NULL);
        rc = record(d, a, who, *id, c->title, "created", ch);
        json_decref(ch);
    }
    resolved_free(&v);
    return rc;
}

/* The numbers of the record's tickets (" n1 n2 ") and its participants'
 * ids ("3,5") as they stand. */
static int current_links(desk_t *d, long long id, joined_t *numbers, joined_t *people)
{
    if (problem_each_ticket(d, id, join_number, numbers) < 0)
        return OUTCOME_UNAVAILABLE;
    MYSQL_STMT *st = db_query(&d->db, sql_participant_ids, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    long long pid = 0;
    int rc;
    while ((rc = db_fetch(st, "i", &pid)) == 1) {
        size_t len = strlen(people->text);
        snprintf(people->text + len, sizeof people->text - len, "%s%lld", len ? "," : "", pid);
    }
    db_done(st);
    return rc < 0 ? rc : OUTCOME_OK;
}

/* Whether a may edit old as it stood at version; reasons in r. */
static int may_update(desk_t *d, const agent_t *a, const problem_t *old, long long version,
                      refusal_t *r)
{
    problem_role_t role;
    int rc = problem_role(d, a, old, &role);
    if (rc == OUTCOME_OK && !problem_may_edit(role, old->status))
        refusal_add(r, "_form", problem_may_see(role) ? "read_only" : "forbidden");
    else if (rc == OUTCOME_OK && old->version != version)
        refusal_add(r, "_form", "stale");
    return rc;
}

static int save(desk_t *d, const agent_t *a, const audit_who_t *who, const problem_t *old,
                const problem_content_t *c, const joined_t *numbers, const joined_t *people,
                refusal_t *r)
{
    char was[sizeof numbers->text + 2];
    snprintf(was, sizeof was, " %s ", numbers->text);
    resolved_t v;
    int rc = resolve(d, a, c, old, was, &v, r);
    json_t *ch = rc == OUTCOME_OK && !r->n ? changes_of(old, c, &v, numbers->text, people->text) : NULL;
    if (rc == OUTCOME_OK)
        rc = r->n ? CHANGE_REFUSED : !audit_any(ch) ? CHANGE_UNCHANGED : OUTCOME_OK;
    if (rc == OUTCOME_OK)
        rc = db_exec(&d->db, sql_update, "sssssssssiti", c->title, nz(c->symptoms),
                     nz(c->impact), nz(c->timeline), nz(c->responsibility), c->party,
                     nz(c->conclusion), nz(c->workaround), nz(c->permanent_fix), v.owner_id,
                     desk_now(d), old->id);
    if (rc >= 0 && ch && audit_any(ch) && !r->n)
        rc = write_children(d, old->id, c, &v);
    if (rc == OUTCOME_OK)
        rc = record(d, a, who, old->id, c->title, "edited", ch);
    json_decref(ch);
    resolved_free(&v);
    return rc;
}

int problem_update(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                   long long version, const problem_content_t *c, refusal_t *r)
{
    problem_t old;
    int rc = problem_get(d, id, true, &old);
    if (rc != OUTCOME_OK)
        return rc == OUTCOME_NOT_FOUND ? (refusal_add(r, "_form", "forbidden"), CHANGE_REFUSED) : rc;
    joined_t numbers = {""}, people = {""};
    rc = may_update(d, a, &old, version, r);
    if (rc == OUTCOME_OK && !r->n)
        rc = current_links(d, id, &numbers, &people);
    if (rc == OUTCOME_OK)
        rc = r->n ? CHANGE_REFUSED : save(d, a, who, &old, c, &numbers, &people, r);
    problem_free(&old);
    return rc;
}

int problem_act(desk_t *d, const agent_t *a, const audit_who_t *who, long long id,
                problem_action_t act, refusal_t *r)
{
    problem_t p;
    int rc = problem_get(d, id, true, &p);
    if (rc != OUTCOME_OK)
        return rc == OUTCOME_NOT_FOUND ? (refusal_add(r, "_form", "forbidden"), CHANGE_REFUSED) : rc;
    problem_role_t role;
    rc = problem_role(d, a, &p, &role);
    int to = problem_action_target(act, p.status);
    if (rc == OUTCOME_OK) {
        if (!problem_may_see(role) || !problem_action_allowed(act, role))
            refusal_add(r, "_form", "forbidden");
        else if (to < 0)
            refusal_add(r, "_form", "bad_transition");
        else
            problem_incomplete(&p, act, r);
    }
    if (rc == OUTCOME_OK && r->n) {
        problem_free(&p);
        return CHANGE_REFUSED;
    }
    if (rc == OUTCOME_OK)
        rc = db_exec(&d->db, sql_set_status, "sti", problem_status_code((problem_status_t)to),
                     desk_now(d), id);
    if (rc >= 0) {
        json_t *ch = audit_changes();
        audit_str(ch, "status", problem_status_code(p.status),
                  problem_status_code((problem_status_t)to));
        rc = record(d, a, who, id, p.title, problem_action_code(act), ch);
        json_decref(ch);
    }
    problem_free(&p);
    return rc;
}
