/* admin_people: agents, supervisors and admins (lib/desk/people/people.h).
 *
 *   GET  /admin/people                 the list: teams, role, state, lock-out
 *   GET  /admin/people/new             the form for a new person
 *   POST /admin/people                 create; a generated password is shown
 *                                      in this one answer only
 *   GET  /admin/people/ID              edit form and account state
 *   POST /admin/people/ID              save name, e-mail, role, language,
 *                                      teams, skill tags, contact visibility
 *   .../ID/deactivate|activate|password|unlock   cgi/admin/people_account.c
 *
 * Role, teams and contact visibility are read from the database with the
 * session on every request (lib/desk/people/auth.c), so a change applies to the
 * person's next page. Passwords are never put back into a form, logged or
 * audited (audit_mark). */
#include "admin/people.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/password.h"
#include "core/text.h"
#include "desk/settings.h"
#include "desk/people/signin_limit.h"

#define PAGE 50

static const char *const langs[] = {"zh", "en", NULL};
static const char *const pw_modes[] = {"generate", "set", NULL};

enum { F_LOGIN, F_NAME, F_EMAIL, F_ROLE, F_LANG, F_TEAMS, F_SKILLS, F_CONTACTS, F_PM, F_MODE, NF };
static const form_field_t person_fields[NF] = {
    {.name = "login", .type = FT_TEXT, .required = true, .max_chars = 64},
    {.name = "name", .type = FT_TEXT, .required = true, .max_chars = 100},
    {.name = "email", .type = FT_EMAIL, .max_chars = 254},
    {.name = "role", .type = FT_CHOICE, .required = true, .choices = people_roles},
    {.name = "language", .type = FT_CHOICE, .required = true, .choices = langs},
    {.name = "teams", .type = FT_MULTICHOICE},  /* choices: the active teams */
    {.name = "skills", .type = FT_MULTICHOICE}, /* the active skill tags */
    {.name = "contacts", .type = FT_BOOL},
    {.name = "product_manager", .type = FT_BOOL},
    {.name = "password_mode", .type = FT_CHOICE, .required = true, .choices = pw_modes},
};

/* ---- the roster ------------------------------------------------------------ */

static void *grow(void *p, int n, size_t size)
{
    void *q = realloc(p, size * (size_t)(n + 1));
    if (!q)
        abort(); /* out of memory in a worker: let it be restarted */
    return q;
}

static void add_team(const team_info_t *t, void *ctx)
{
    roster_t *r = ctx;
    r->teams = grow(r->teams, r->nteams, sizeof *t);
    r->teams[r->nteams++] = *t;
}

static void add_skill(const skill_info_t *s, void *ctx)
{
    roster_t *r = ctx;
    r->skills = grow(r->skills, r->nskills, sizeof *s);
    r->skills[r->nskills++] = *s;
}

/* Choices (ids as text, NULL-ended, one allocation) and "1,2,5". */
static void choices_of(const long long *ids, int n, const char ***choices, char **csv)
{
    size_t cap = (size_t)n * 21 + 1, len = 0;
    char *text = malloc(cap);
    const char **list = malloc(sizeof *list * (size_t)(n + 1) + (size_t)n * 21);
    if (!text || !list)
        abort();
    char *store = (char *)(list + n + 1);
    *text = '\0';
    for (int i = 0; i < n; i++) {
        list[i] = store + i * 21;
        snprintf(store + i * 21, 21, "%lld", ids[i]);
        if (len < cap) /* 21 bytes an id: always fits */
            len += (size_t)snprintf(text + len, cap - len, "%s%lld", i ? "," : "", ids[i]);
    }
    list[n] = NULL;
    *choices = list;
    *csv = text;
}

int roster_load(web_t *w, roster_t *r)
{
    memset(r, 0, sizeof *r);
    if (teams_each(w->d, add_team, r) < 0 || skills_each(w->d, add_skill, r) < 0) {
        roster_free(r);
        admin_error(w, 503, "unavailable");
        return -1;
    }
    HDF *h = w->r->hdf;
    bool en = w->lang == LANG_EN;
    long long *ids = malloc(sizeof *ids * (size_t)(r->nteams + r->nskills + 1));
    if (!ids)
        abort();
    int n = 0;
    for (int i = 0; i < r->nteams; i++) {
        const team_info_t *t = &r->teams[i];
        hdf_set_valuef(h, "TeamName.%lld=%s", t->id, en ? t->name_en : t->name_zh);
        if (!t->active)
            continue;
        hdf_set_valuef(h, "TeamOpts.%d.code=%lld", n, t->id);
        hdf_set_valuef(h, "TeamOpts.%d.label=%s", n, en ? t->name_en : t->name_zh);
        ids[n++] = t->id;
    }
    choices_of(ids, n, &r->team_choices, &r->active_teams);
    n = 0;
    for (int i = 0; i < r->nskills; i++) {
        const skill_info_t *s = &r->skills[i];
        hdf_set_valuef(h, "SkillName.%lld=%s", s->id, en ? s->name_en : s->name_zh);
        if (!s->active)
            continue;
        hdf_set_valuef(h, "SkillOpts.%d.code=%lld", n, s->id);
        hdf_set_valuef(h, "SkillOpts.%d.label=%s", n, en ? s->name_en : s->name_zh);
        ids[n++] = s->id;
    }
    choices_of(ids, n, &r->skill_choices, &r->active_skills);
    free(ids);
    return 0;
}

void roster_free(roster_t *r)
{
    free(r->teams);
    free(r->skills);
    free(r->team_choices);
    free(r->skill_choices);
    free(r->active_teams);
    free(r->active_skills);
    memset(r, 0, sizeof *r);
}

static const char *code_of(const roster_t *r, long long id, bool teams)
{
    for (int i = 0; teams && i < r->nteams; i++)
        if (r->teams[i].id == id)
            return r->teams[i].code;
    for (int i = 0; !teams && i < r->nskills; i++)
        if (r->skills[i].id == id)
            return r->skills[i].code;
    return NULL;
}

char *roster_codes(const roster_t *r, const char *ids, bool teams)
{
    size_t cap = strlen(ids) * 44 + 1, len = 0;
    char *out = malloc(cap);
    if (!out)
        abort();
    out[0] = '\0';
    long long id;
    for (const char *p = ids; (p = text_next_id(p, &id)) != NULL;) {
        const char *code = code_of(r, id, teams);
        len += (size_t)snprintf(out + len, cap - len, "%s%s%s", len ? ", " : "",
                                code ? "" : "#", code ? code : "");
        if (!code)
            len += (size_t)snprintf(out + len, cap - len, "%lld", id);
    }
    return out;
}

/* ---- the list --------------------------------------------------------------- */

static void set_ids(HDF *h, const char *key, const char *ids)
{
    int i = 0;
    long long id;
    for (const char *p = ids; (p = text_next_id(p, &id)) != NULL;)
        hdf_set_valuef(h, "%s.%d=%lld", key, i++, id);
}

/* Person.* or Rows.N.*: what the list and the account card show. */
static void set_person(web_t *w, const char *key, const person_t *p)
{
    HDF *h = w->r->hdf;
    char k[64];
    hdf_set_valuef(h, "%s.id=%lld", key, p->id);
    hdf_set_valuef(h, "%s.login=%s", key, p->login);
    hdf_set_valuef(h, "%s.name=%s", key, p->name);
    hdf_set_valuef(h, "%s.email=%s", key, p->email);
    hdf_set_valuef(h, "%s.role=%s", key, p->role);
    hdf_set_valuef(h, "%s.language=%s", key, p->language);
    hdf_set_valuef(h, "%s.contacts=%d", key, p->can_see_contacts);
    hdf_set_valuef(h, "%s.product_manager=%d", key, p->is_product_manager);
    hdf_set_valuef(h, "%s.state=%s", key, p->active ? "active" : "inactive");
    hdf_set_valuef(h, "%s.self=%d", key, p->id == ME(w)->id);
    /* sign-in (lib/desk/people/signin_limit.h): paused from some address (locked),
     * slowed down everywhere else, or failures counted without either */
    signin_state_t s;
    if (signin_limit_state(w->d, p->login, &s) != OUTCOME_OK)
        memset(&s, 0, sizeof s);
    const char *lock = s.paused_sources > 0 ? "locked"
                       : s.slowed_until > 0 ? "slowed"
                       : s.failures > 0     ? "failures"
                                            : "";
    hdf_set_valuef(h, "%s.lock=%s", key, lock);
    hdf_set_valuef(h, "%s.failed=%ld", key, s.failures);
    hdf_set_valuef(h, "%s.paused=%ld", key, s.paused_sources);
    snprintf(k, sizeof k, "%s.locked_until", key);
    tpl_set_time(h, k, s.paused_until);
    snprintf(k, sizeof k, "%s.created", key);
    tpl_set_time(h, k, p->created_at);
    snprintf(k, sizeof k, "%s.Teams", key);
    set_ids(h, k, p->teams);
    snprintf(k, sizeof k, "%s.Skills", key);
    set_ids(h, k, p->skills);
}

typedef struct list_ctx {
    web_t *w;
    int n;
} list_ctx_t;

static void add_row(const person_t *p, void *ctx)
{
    list_ctx_t *l = ctx;
    char key[24];
    if (l->n < PAGE) {
        snprintf(key, sizeof key, "Rows.%d", l->n);
        set_person(l->w, key, p);
        hdf_set_valuef(l->w->r->hdf, "Next=%lld", p->id);
    }
    l->n++;
}

static void page_list(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    roster_t r;
    if (roster_load(w, &r))
        return;
    roster_free(&r);
    list_ctx_t l = {w, 0};
    if (people_each(w->d, admin_query_id(w, "after"), PAGE + 1, add_row, &l) < 0)
        return admin_error(w, 503, "unavailable");
    if (l.n <= PAGE) /* no page after this one */
        hdf_remove_tree(w->r->hdf, "Next");
    for (role_t k = ROLE_AGENT; k <= ROLE_ADMIN; k++)
        hdf_set_valuef(w->r->hdf, "ContactRoles.%s=%d", role_code(k),
                       auth_role_sees_contacts(w->d, k));
    admin_flash(w);
    admin_render(w, "admin/people.cs", "people");
}

/* POST /admin/people/contact-roles: the roles whose members all may see
 * customers' contact details (the per-person flag still adds people). */
static void do_contact_roles(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    char chosen[64] = "";
    for (role_t r = ROLE_AGENT; r <= ROLE_ADMIN; r++) {
        char key[32];
        snprintf(key, sizeof key, "role_%s", role_code(r));
        if (req_query(w->r, key))
            snprintf(chosen + strlen(chosen), sizeof chosen - strlen(chosen), "%s%s",
                     *chosen ? "," : "", role_code(r));
    }
    const char *name = config_name(CFG_CONTACTS_REVEAL_ROLES);
    char *old = NULL;
    int rc = db_begin(&w->d->db);
    int changed = rc == OUTCOME_OK ? settings_put(&w->d->db, name, chosen, &old) : -1;
    if (changed == 1) {
        json_t *c = audit_changes();
        audit_str(c, "roles", old ? old : "", chosen);
        rc = admin_audit(w, "setting", name, name, "update", c);
        json_decref(c);
    }
    free(old);
    if (changed < 0)
        rc = OUTCOME_UNAVAILABLE;
    if (rc == OUTCOME_OK && changed == 1)
        rc = admin_commit(w);
    else
        db_rollback(&w->d->db);
    if (rc != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    admin_redirect_done(w, "/admin/people", changed == 1 ? "contact_roles_saved" : "person_unchanged");
}

/* ---- the form --------------------------------------------------------------- */

static void set_selected(HDF *h, const char *name, const char *ids)
{
    hdf_set_valuef(h, "Form.%s.value=%s", name, ids);
    long long id;
    for (const char *p = ids; (p = text_next_id(p, &id)) != NULL;)
        hdf_set_valuef(h, "Form.%s.sel.%lld=1", name, id);
}

void person_show(web_t *w, roster_t *r, const person_t *p, int status)
{
    (void)r;
    HDF *h = w->r->hdf;
    if (p) {
        set_person(w, "Person", p);
        hdf_set_valuef(h, "Person.open_tickets=%lld", people_open_tickets(w->d, p->id));
        if (!hdf_get_int_value(h, "Form.HasErrors", 0)) {
            hdf_set_value(h, "Form.name.value", p->name);
            hdf_set_value(h, "Form.email.value", p->email);
            hdf_set_value(h, "Form.role.value", p->role);
            hdf_set_value(h, "Form.language.value", p->language);
            hdf_set_value(h, "Form.contacts.value", p->can_see_contacts ? "1" : "");
            hdf_set_value(h, "Form.product_manager.value", p->is_product_manager ? "1" : "");
            set_selected(h, "teams", p->teams);
            set_selected(h, "skills", p->skills);
        }
    }
    if (!hdf_get_value(h, "Mode", NULL))
        hdf_set_value(h, "Mode", p ? "edit" : "new");
    w->r->status = status;
    admin_flash(w);
    admin_render(w, "admin/person.cs", "people");
}

/* Number of ids in "1,2,5". */
static void copy(char *dst, size_t cap, const char *src) { snprintf(dst, cap, "%s", src ? src : ""); }

/* Validates the form into p (login and password only when creating; the
 * password goes to pw). Returns the number of fields in error. */
static int read_person(web_t *w, const roster_t *r, bool creating, person_t *p,
                       const char **pw)
{
    HDF *h = w->r->hdf;
    form_field_t f[NF];
    memcpy(f, person_fields, sizeof f);
    f[F_TEAMS].choices = r->team_choices;
    f[F_SKILLS].choices = r->skill_choices;
    int errors = creating ? form_validate(h, h, f, NF) : form_validate(h, h, f + 1, F_PM);
    memset(p, 0, sizeof *p);
    *pw = NULL;
    if (creating && !hdf_get_value(h, "Form.login.error", NULL)) {
        copy(p->login, sizeof p->login, form_value(h, "login"));
        const char *bad = people_login_problem(p->login);
        hdf_set_value(h, "Form.login.value", p->login);
        long long other = 0;
        if (!bad && people_by_login(w->d, p->login, false, &other) == 1)
            bad = "login_taken";
        if (bad)
            form_set_error(h, "login", bad), errors++;
    }
    copy(p->name, sizeof p->name, form_value(h, "name"));
    copy(p->email, sizeof p->email, form_value(h, "email"));
    copy(p->role, sizeof p->role, form_value(h, "role"));
    copy(p->language, sizeof p->language, form_value(h, "language"));
    copy(p->teams, sizeof p->teams, form_value(h, "teams"));
    copy(p->skills, sizeof p->skills, form_value(h, "skills"));
    p->can_see_contacts = form_value(h, "contacts") != NULL;
    p->is_product_manager = form_value(h, "product_manager") != NULL;
    const char *teams_bad = people_teams_problem(p->role, p->teams);
    const char *skills_bad = people_skills_problem(p->skills);
    if (!hdf_get_value(h, "Form.teams.error", NULL) && teams_bad)
        form_set_error(h, "teams", teams_bad), errors++;
    if (!hdf_get_value(h, "Form.skills.error", NULL) && skills_bad)
        form_set_error(h, "skills", skills_bad), errors++;
    const char *mode = creating ? form_value(h, "password_mode") : NULL;
    if (mode && strcmp(mode, "set") == 0) {
        const char *given = req_query(w->r, "password");
        const char *bad = people_password_problem(given ? given : "", p->login);
        if (bad)
            form_set_error(h, "password", bad), errors++;
        else
            *pw = given;
    }
    return errors;
}

static void page_new(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    roster_t r;
    if (roster_load(w, &r))
        return;
    HDF *h = w->r->hdf;
    hdf_set_value(h, "Form.role.value", "agent");
    hdf_set_value(h, "Form.language.value", "zh");
    hdf_set_value(h, "Form.password_mode.value", "generate");
    person_show(w, &r, NULL, 200);
    roster_free(&r);
}

/* The audit entries of a person's editable values, old -> new. */
static void audit_person(json_t *c, const roster_t *r, const person_t *old, const person_t *p)
{
    char *ot = roster_codes(r, old->teams, true), *nt = roster_codes(r, p->teams, true);
    char *os = roster_codes(r, old->skills, false), *ns = roster_codes(r, p->skills, false);
    audit_str(c, "name", old->name, p->name);
    audit_str(c, "email", old->email[0] ? old->email : NULL, p->email[0] ? p->email : NULL);
    audit_str(c, "role", old->role, p->role);
    audit_str(c, "language", old->language, p->language);
    audit_str(c, "teams", ot[0] ? ot : NULL, nt[0] ? nt : NULL);
    audit_str(c, "skills", os[0] ? os : NULL, ns[0] ? ns : NULL);
    audit_bool(c, "can_see_contacts", old->can_see_contacts, p->can_see_contacts);
    audit_bool(c, "is_product_manager", old->is_product_manager, p->is_product_manager);
    free(ot), free(nt), free(os), free(ns);
}

static void title_of(const person_t *p, char *out, size_t cap)
{
    snprintf(out, cap, "%s (%s)", p->name, p->login);
}

/* Inserts p with its teams and skill tags and records it. OUTCOME_OK or a code. */
static int create_tx(web_t *w, const roster_t *r, person_t *p, const char *hash, bool generated)
{
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = people_create(w->d, p, hash, &p->id);
    if (rc == OUTCOME_OK)
        rc = people_set_teams(w->d, p->id, p->teams, r->active_teams);
    if (rc == OUTCOME_OK)
        rc = people_set_skills(w->d, p->id, p->skills, r->active_skills);
    if (rc == OUTCOME_OK) {
        char title[480], *teams = roster_codes(r, p->teams, true);
        char *skills = roster_codes(r, p->skills, false);
        json_t *c = audit_changes();
        audit_str(c, "login", NULL, p->login);
        audit_str(c, "name", NULL, p->name);
        audit_str(c, "email", NULL, p->email[0] ? p->email : NULL);
        audit_str(c, "role", NULL, p->role);
        audit_str(c, "language", NULL, p->language);
        audit_str(c, "teams", NULL, teams[0] ? teams : NULL);
        audit_str(c, "skills", NULL, skills[0] ? skills : NULL);
        audit_bool(c, "can_see_contacts", false, p->can_see_contacts);
        audit_bool(c, "is_product_manager", false, p->is_product_manager);
        free(teams), free(skills);
        audit_str(c, "password_source", NULL, generated ? "generated" : "set by admin");
        audit_mark(c, "password");
        title_of(p, title, sizeof title);
        rc = admin_audit_id(w, "agent", p->id, title, "create", c);
        json_decref(c);
    }
    if (rc == OUTCOME_OK)
        return admin_commit(w);
    db_rollback(&w->d->db);
    return rc;
}

static void do_create(web_t *w, const char *arg)
{
    (void)arg;
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    roster_t r;
    if (roster_load(w, &r))
        return;
    person_t p;
    const char *given;
    if (read_person(w, &r, true, &p, &given)) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        person_show(w, &r, NULL, 422);
        return roster_free(&r);
    }
    char generated[PEOPLE_GENERATED_LEN + 1] = "", hash[PASSWORD_HASH_MAX];
    if (!given)
        people_password_generate(generated);
    int rc = password_hash(given ? given : generated, hash) ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
    if (rc == OUTCOME_OK)
        rc = create_tx(w, &r, &p, hash, !given);
    sodium_memzero(hash, sizeof hash);
    if (rc != OUTCOME_OK) {
        form_set_error(h, rc == OUTCOME_DUPLICATE ? "login" : "_form", rc == OUTCOME_DUPLICATE ? "login_taken" : "unavailable");
        if (rc != OUTCOME_DUPLICATE)
            log_error("person create failed (%d)", rc);
        person_show(w, &r, NULL, status_of(rc));
        sodium_memzero(generated, sizeof generated);
        return roster_free(&r);
    }
    if (!generated[0]) { /* the admin knows the password: back to the page */
        roster_free(&r);
        char where[64];
        snprintf(where, sizeof where, "/admin/people/%lld", p.id);
        return admin_redirect_done(w, where, "person_created");
    }
    /* shown in this answer only: only its argon2id hash is stored */
    hdf_set_value(h, "NewPassword.text", generated);
    hdf_set_value(h, "NewPassword.why", "created");
    sodium_memzero(generated, sizeof generated);
    person_t fresh;
    if (people_get(w->d, p.id, false, &fresh) == OUTCOME_OK)
        p = fresh;
    hdf_set_value(h, "Admin.Done", "person_created");
    person_show(w, &r, &p, 201);
    roster_free(&r);
}

/* ---- edit --------------------------------------------------------------------- */

long long person_of(web_t *w, const char *arg, person_t *p, bool lock)
{
    long long id = web_id(arg);
    int rc = id > 0 ? people_get(w->d, id, lock, p) : OUTCOME_NOT_FOUND;
    if (rc == OUTCOME_OK)
        return id;
    admin_fail(w, rc);
    return 0;
}

static void page_edit(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    person_t p;
    roster_t r;
    if (!person_of(w, arg, &p, false) || roster_load(w, &r))
        return;
    person_show(w, &r, &p, 200);
    roster_free(&r);
}

/* Saves p over old (locked) with its teams and skill tags; *changed tells
 * whether anything was. OUTCOME_OK or a code; the transaction stays open. */
static int update_tx(web_t *w, const roster_t *r, const person_t *old, person_t *p, bool *changed)
{
    int rc = people_update(w->d, p);
    if (rc == OUTCOME_OK)
        rc = people_set_teams(w->d, p->id, p->teams, r->active_teams);
    if (rc == OUTCOME_OK)
        rc = people_set_skills(w->d, p->id, p->skills, r->active_skills);
    person_t now;
    if (rc == OUTCOME_OK) /* memberships of inactive teams stayed: read what is */
        rc = people_get(w->d, p->id, false, &now) == OUTCOME_OK ? OUTCOME_OK : OUTCOME_UNAVAILABLE;
    if (rc != OUTCOME_OK)
        return rc;
    copy(p->teams, sizeof p->teams, now.teams);
    copy(p->skills, sizeof p->skills, now.skills);
    json_t *c = audit_changes();
    audit_person(c, r, old, p);
    *changed = audit_any(c);
    char title[480];
    title_of(p, title, sizeof title);
    if (*changed)
        rc = admin_audit_id(w, "agent", p->id, title, "update", c);
    json_decref(c);
    return rc;
}

static void do_update(web_t *w, const char *arg)
{
    ADMIN_ONLY(w);
    HDF *h = w->r->hdf;
    person_t old, p;
    roster_t r;
    const char *pw;
    if (!person_of(w, arg, &old, false) || roster_load(w, &r))
        return;
    int errors = read_person(w, &r, false, &p, &pw);
    if (old.id == ME(w)->id && p.role[0] && strcmp(p.role, old.role) != 0)
        form_set_error(h, "role", "own_role"), errors++; /* no admin locks themself out */
    if (errors) {
        hdf_set_int_value(h, "Form.HasErrors", 1);
        person_show(w, &r, &old, 422);
        return roster_free(&r);
    }
    p.id = old.id;
    copy(p.login, sizeof p.login, old.login);
    bool changed = false;
    int rc = db_begin(&w->d->db);
    if (rc == OUTCOME_OK)
        rc = people_get(w->d, old.id, true, &old) == OUTCOME_OK ? OUTCOME_OK : OUTCOME_UNAVAILABLE;
    if (rc == OUTCOME_OK)
        rc = update_tx(w, &r, &old, &p, &changed);
    if (rc == OUTCOME_OK && changed)
        rc = admin_commit(w);
    else
        db_rollback(&w->d->db);
    roster_free(&r);
    if (rc != OUTCOME_OK)
        return admin_error(w, 503, "unavailable");
    char where[64];
    snprintf(where, sizeof where, "/admin/people/%lld", p.id);
    admin_redirect_done(w, where, changed ? "person_saved" : "person_unchanged");
}

static const web_route_t routes[] = {
    {"GET", "/admin/people", page_list},
    {"POST", "/admin/people", do_create},
    {"GET", "/admin/people/new", page_new},
    {"POST", "/admin/people/contact-roles", do_contact_roles},
    {"GET", "/admin/people/*", page_edit},
    {"POST", "/admin/people/*", do_update},
    {"GET", "/admin/people/*/deactivate", person_page_deactivate},
    {"POST", "/admin/people/*/deactivate", person_do_deactivate},
    {"POST", "/admin/people/*/activate", person_do_activate},
    {"GET", "/admin/people/*/password", person_page_password},
    {"POST", "/admin/people/*/password", person_do_password},
    {"POST", "/admin/people/*/unlock", person_do_unlock},
};

const admin_module_t admin_mod_people = {"people", "/admin/people", routes,
                                         sizeof routes / sizeof *routes};
