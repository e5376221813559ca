/* apibody: see apibody.h. */
#include "web/apibody.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "desk/catalog/commonfield.h"
#include "desk/ticket/ticket_fields.h"
#include "desk/ticket/ticket_link.h"

bool apibody_json_type(const char *ct)
{
    size_t n = ct ? strcspn(ct, ";") : 0;
    while (n && (ct[n - 1] == ' ' || ct[n - 1] == '\t'))
        n--;
    if (n != 16 || strncasecmp(ct, "application/json", 16) != 0)
        return false;
    for (const char *p = strchr(ct, ';'); p; p = strchr(p, ';')) {
        p += 1 + strspn(p + 1, " \t");
        size_t len = strcspn(p, "; \t");
        const char *v = p + 8;
        if (len >= 8 && !strncasecmp(p, "charset=", 8) &&
            !(len == 13 && !strncasecmp(v, "utf-8", 5)) &&
            !(len == 15 && !strncasecmp(v, "\"utf-8\"", 7)))
            return false;
    }
    return true;
}

const char *apibody_bearer(const char *h)
{
    return h && strncmp(h, "Bearer ", 7) == 0 ? h + 7 : NULL;
}

bool apibody_idempotency_key_ok(const char *k)
{
    size_t n = k ? strlen(k) : 0;
    return n > 0 && n <= 128 && text_is_clean_utf8(k, n) && !strpbrk(k, "\t\r\n");
}

int apibody_parse(apibody_t *b, const char *raw, size_t len)
{
    json_error_t err;
    memset(b, 0, sizeof *b);
    /* a \u0000 is let through to be refused with the member it is in */
    b->doc = json_loadb(raw, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
    if (json_is_object(b->doc))
        return 0;
    snprintf(b->why, sizeof b->why, "%s", b->doc ? "not an object" : err.text);
    json_decref(b->doc);
    b->doc = NULL;
    return -1;
}

void apibody_free(apibody_t *b)
{
    json_decref(b->doc);
    b->doc = NULL;
}

void apibody_hash(const apibody_t *b, unsigned char out[SUBMIT_HASH_LEN])
{
    char *canonical = json_dumps(b->doc, JSON_COMPACT | JSON_SORT_KEYS);
    if (!canonical)
        abort();
    crypto_generichash(out, SUBMIT_HASH_LEN, (const unsigned char *)canonical,
                       strlen(canonical), NULL, 0);
    free(canonical);
}

/* What each refusal of a value says: field_check's error keys (form.h)
 * and the API's own. */
static const char *const refusals[][2] = {
    {"type", "must be a string"},
    {"encoding", "is not valid UTF-8"},
    {"control", "contains a NUL (\\u0000) or another control character"},
    {"blank", "must not be only white space"},
    {"padded", "must not begin or end with white space"},
    {"required", "is required"},
    {"one_line", "must be a single line"},
    {"invalid_email", "is not an e-mail address"},
    {"invalid_phone", "is not a phone number (digits, + - ( ) and spaces)"},
    {"invalid_number", "is not a number"},
    {"invalid_date", "is not a date (YYYY-MM-DD)"},
    {"invalid_datetime", "is not a date and time (YYYY-MM-DDTHH:MM)"},
    {"invalid_choice", "is not one of the field's choices"},
    {"not_object", "must be an object"},
};

void apibody_refusal(const char *field, const char *key, const form_field_t *rule, char *why,
                     size_t cap)
{
    if (!strcmp(key, "invalid_choice") && rule && rule->choices) {
        size_t len = (size_t)snprintf(why, cap, "%s must be one of", field);
        for (int i = 0; rule->choices[i] && len < cap; i++)
            len += (size_t)snprintf(why + len, cap - len, "%s %s", i ? "," : "",
                                    rule->choices[i]);
        return;
    }
    for (size_t i = 0; i < sizeof refusals / sizeof *refusals; i++)
        if (!strcmp(key, refusals[i][0])) {
            snprintf(why, cap, "%s %s", field, refusals[i][1]);
            return;
        }
    snprintf(why, cap, "%s is not valid", field);
}

/* Records the first refused member (have: its length in characters, for
 * "too_long"); returns NULL for the caller to return. */
static const char *refuse(apibody_t *b, const char *field, const char *key, int max_chars,
                          size_t have)
{
    if (*b->bad)
        return NULL;
    snprintf(b->bad, sizeof b->bad, "%s", field);
    if (!strcmp(key, "too_long"))
        snprintf(b->why, sizeof b->why, "%s is longer than %d characters (it has %zu)", field,
                 max_chars, have);
    else
        apibody_refusal(field, key, NULL, b->why, sizeof b->why);
    return NULL;
}

/* "impact must be one of company, department, individual, none". */
static const char *choices_refused(apibody_t *b, const char *field, const form_field_t *rule)
{
    snprintf(b->bad, sizeof b->bad, "%s", field);
    apibody_refusal(field, "invalid_choice", rule, b->why, sizeof b->why);
    return NULL;
}

const char *apibody_value(apibody_t *b, json_t *obj, const char *name, const char *field,
                          const form_field_t *rule, bool exact)
{
    json_t *v = json_object_get(obj, name);
    if (*b->bad || !v || json_is_null(v))
        return NULL;
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    if (!s)
        return refuse(b, field, "type", 0, 0);
    if (!text_is_utf8(s, n))
        return refuse(b, field, "encoding", 0, 0);
    if (!text_is_clean_utf8(s, n))
        return refuse(b, field, "control", 0, 0);
    if (!n)
        return NULL;
    char *copy = strdup(s);
    if (!copy)
        abort();
    text_trim(copy);
    bool text = rule->type == FT_TEXT || rule->type == FT_LONGTEXT;
    const char *err = !*copy                                ? "blank"
                      : strcmp(copy, s) && (exact || !text) ? "padded"
                                                            : field_check(rule, copy);
    size_t have = text_chars(copy);
    if (!err && strcmp(copy, s))
        json_string_set(v, copy);
    free(copy);
    if (err && !strcmp(err, "invalid_choice") && rule->choices)
        return choices_refused(b, field, rule);
    if (err)
        return refuse(b, field, err, rule->max_chars, have);
    s = json_string_value(v);
    return *s ? s : NULL;
}

const char *apibody_code(apibody_t *b, json_t *obj, const char *name)
{
    static const form_field_t rule = {.name = "code", .type = FT_TEXT, .max_chars = 40};
    return apibody_value(b, obj, name, name, &rule, true);
}

json_t *apibody_object(apibody_t *b, json_t *obj, const char *name)
{
    json_t *v = json_object_get(obj, name);
    if (v && !json_is_null(v) && !json_is_object(v))
        refuse(b, name, "not_object", 0, 0);
    return json_is_object(v) ? v : NULL;
}

/* -1 after filling *e from the refused member. */
static int refused(apibody_t *b, apibody_error_t *e)
{
    *e = (apibody_error_t){422, "invalid_value", "", b->bad};
    snprintf(e->message, sizeof e->message, "%s", b->why);
    return -1;
}

static int error(apibody_error_t *e, int status, const char *code, const char *field,
                 const char *message)
{
    *e = (apibody_error_t){status, code, "", field};
    snprintf(e->message, sizeof e->message, "%s", message);
    return -1;
}

/* Puts a checked value (NULL: none) into the new ticket by its row: a date
 * and time as local time. */
static void put(ticket_new_t *t, const ticket_field_t *f, const char *v)
{
    if (f->kind == TFK_TIME)
        ticket_in_set_time(&t->core, f, v ? form_parse_local_time(v) : 0);
    else
        ticket_in_set_text(&t->core, f, v);
}

json_t *apibody_holder(const ticket_field_t *f, json_t *b, json_t *cust, const char **member)
{
    bool of_customer = !strncmp(f->api, "customer.", 9);
    *member = of_customer ? f->api + 9 : f->api;
    return of_customer && cust ? cust : b;
}

/* The core fields the API takes that no category chooses, each by its
 * rule, into t; stops at the first refused (b->bad). */
static void core_values(apibody_t *b, json_t *cust, ticket_new_t *t)
{
    for (int i = 0; i < ticket_ncore && !*b->bad; i++) {
        const ticket_field_t *f = &ticket_core[i];
        const char *member;
        if (!f->api || !(f->from & TF_API) || f->common)
            continue;
        json_t *obj = apibody_holder(f, b->doc, cust, &member);
        put(t, f, apibody_value(b, obj, member, f->api, &f->rule, false));
    }
}

static int missing(apibody_error_t *e, const char *field)
{
    char msg[96];
    snprintf(msg, sizeof msg, "%s is required", field);
    return error(e, 400, "missing_field", field, msg);
}

/* The first core field the API requires that is missing, the ticket's own
 * members before the category and the customer's after it (the order the
 * API always answered in): -1 with *e set (400), else 0. */
static int core_missing(const ticket_new_t *t, const char *category, apibody_error_t *e)
{
    for (int pass = 0; pass < 3; pass++) {
        if (pass == 1 && !category)
            return missing(e, "category");
        for (int i = 0; pass != 1 && i < ticket_ncore; i++) {
            const ticket_field_t *f = &ticket_core[i];
            if (!f->api || !(f->required & TF_API) || f->common ||
                (!strncmp(f->api, "customer.", 9)) != (pass == 2))
                continue;
            bool given = f->kind == TFK_TIME ? ticket_in_time(&t->core, f) != 0
                                             : ticket_in_text(&t->core, f) != NULL;
            if (!given)
                return missing(e, f->api);
        }
    }
    return 0;
}

/* The common fields (lib/desk/catalog/commonfield.h) as the category asks
 * for them: a required one missing is 400, a bad one 422; one the
 * category's forms hide is still taken (nothing an integrator sends is
 * dropped). */
static int common_values(apibody_t *b, ticket_new_t *t, apibody_error_t *e)
{
    form_field_t rules[COMMON_COUNT];
    int n = common_rules(t->category->common, true, rules);
    for (int i = 0; i < n; i++) {
        const char *given = apibody_value(b, b->doc, rules[i].name, rules[i].name, &rules[i], false);
        if (*b->bad)
            return refused(b, e);
        if (!given && rules[i].required) {
            char msg[160];
            snprintf(msg, sizeof msg, "%s is required for category %s", rules[i].name,
                     t->category->code);
            return error(e, 400, "missing_field", rules[i].name, msg);
        }
        put(t, ticket_core_field(rules[i].name), given);
    }
    return 0;
}

/* The category's own fields (fields.NAME), each by its rule. */
static int category_values(apibody_t *b, const category_t *k, json_t *fields,
                           field_value_t *out)
{
    int n = 0;
    for (int i = 0; i < k->nfields && n < APIBODY_MAX_VALUES; i++) {
        const cat_field_t *f = &k->fields[i];
        char field[80];
        snprintf(field, sizeof field, "fields.%s", f->name);
        const char *v = fields ? apibody_value(b, fields, f->name, field, &f->form, false) : NULL;
        if (!v && f->form.required)
            refuse(b, field, "required", 0, 0);
        if (*b->bad)
            return -1;
        out[n++] = (field_value_t){f->id, v};
    }
    return n;
}

int apibody_ticket(apibody_t *b, const catalog_t *cat, ticket_new_t *t, field_value_t *values,
                   apibody_error_t *e)
{
    json_t *body = b->doc;
    json_t *cust = apibody_object(b, body, "customer");
    /* the portal form's rules, limits in characters (ticket_fields.h) */
    core_values(b, cust, t);
    const char *category = apibody_code(b, body, "category");
    const char *priority = apibody_code(b, body, "priority");
    json_t *fields = apibody_object(b, body, "fields");
    if (*b->bad)
        return refused(b, e);
    if (core_missing(t, category, e))
        return -1;
    if (!t->email && !t->phone)
        return error(e, 400, "missing_field", "customer.email",
                     "customer.email or customer.phone is required");
    t->category = catalog_category(cat, category);
    if (!t->category)
        return error(e, 422, "invalid_value", "category", "unknown category");
    if (priority && !(t->priority = catalog_priority(cat, priority)))
        return error(e, 422, "invalid_value", "priority", "unknown priority");
    if (common_values(b, t, e))
        return -1;
    int n = category_values(b, t->category, fields, values);
    if (n < 0)
        return refused(b, e);
    t->values = values;
    t->nvalues = n;
    return 0;
}

static const form_field_t number_rule = {.name = "ticket", .type = FT_TEXT, .max_chars = TN_MAX - 1};

static int relation_ticket(apibody_t *b, const char *name, apibody_relation_t *r,
                           apibody_error_t *e)
{
    r->ticket = apibody_value(b, b->doc, name, name, &number_rule, true);
    if (*b->bad)
        return refused(b, e);
    if (!r->ticket || strlen(r->ticket) >= TN_MAX) {
        char msg[64];
        snprintf(msg, sizeof msg, "%s is required: a ticket number", name);
        return error(e, r->ticket ? 422 : 400, r->ticket ? "invalid_value" : "missing_field",
                     name, msg);
    }
    return 0;
}

int apibody_merge(apibody_t *b, apibody_relation_t *r, apibody_error_t *e)
{
    static const form_field_t reason = {.name = "reason", .type = FT_LONGTEXT, .max_chars = 500};
    *r = (apibody_relation_t){0};
    if (relation_ticket(b, "into", r, e))
        return -1;
    r->reason = apibody_value(b, b->doc, "reason", "reason", &reason, false);
    return *b->bad ? refused(b, e) : 0;
}

int apibody_link(apibody_t *b, apibody_relation_t *r, apibody_error_t *e)
{
    *r = (apibody_relation_t){0};
    if (relation_ticket(b, "ticket", r, e))
        return -1;
    r->kind = apibody_code(b, b->doc, "kind");
    if (*b->bad)
        return refused(b, e);
    if (!r->kind)
        return error(e, 400, "missing_field", "kind",
                     "kind is required: related, duplicate_of, duplicated_by, caused_by, "
                     "causes, parent_of or child_of");
    for (int i = 0; ticket_link_kinds[i]; i++)
        if (!strcmp(ticket_link_kinds[i], r->kind))
            return 0;
    return error(e, 422, "invalid_value", "kind",
                 "kind must be one of related, duplicate_of, duplicated_by, caused_by, causes, "
                 "parent_of, child_of");
}
