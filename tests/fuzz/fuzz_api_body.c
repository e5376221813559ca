/* libFuzzer target: a JSON body as the API reads it (lib/web/apibody.c):
 * parsed with the API's flags, hashed for its Idempotency-Key, read as a
 * new ticket against a catalogue held in memory (a category whose own
 * fields are of every type, common fields required and hidden), then as a
 * comment, as a status or priority change, and as a merge and a link.
 *
 * Checked: what is accepted is what the rules accept (each core field of
 * the table the API takes, ticket_fields.h, and each of the category's
 * own passes its field's check again, clean UTF-8 without surrounding
 * white space; the fields the API requires and those the category
 * requires present); a refusal names a field and says why. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "desk/ticket/ticket_fields.h"
#include "web/apibody.h"

static char *choices[] = {"a4", "a3", "信封", NULL};
static cat_field_t fields[] = {
    {.id = 1, .name = "model",
     .form = {.name = "model", .type = FT_TEXT, .required = true, .max_chars = 40}},
    {.id = 2, .name = "pages", .form = {.name = "pages", .type = FT_NUMBER, .max_chars = 10}},
    {.id = 3, .name = "paper",
     .form = {.name = "paper", .type = FT_CHOICE, .max_chars = 10, .choices = (const char *const *)choices}},
    {.id = 4, .name = "trays",
     .form = {.name = "trays", .type = FT_MULTICHOICE, .max_chars = 30, .choices = (const char *const *)choices}},
    {.id = 5, .name = "bought", .form = {.name = "bought", .type = FT_DATE, .max_chars = 10}},
    {.id = 6, .name = "seen", .form = {.name = "seen", .type = FT_DATETIME, .max_chars = 16}},
    {.id = 7, .name = "contact", .form = {.name = "contact", .type = FT_EMAIL, .max_chars = 254}},
    {.id = 8, .name = "mobile", .form = {.name = "mobile", .type = FT_PHONE, .max_chars = 30}},
    {.id = 9, .name = "log", .form = {.name = "log", .type = FT_LONGTEXT, .max_chars = 2000}},
    {.id = 10, .name = "urgent", .form = {.name = "urgent", .type = FT_BOOL, .max_chars = 1}},
};
static category_t cats[2];
static priority_t prios[2];
static catalog_t cat;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    setenv("TZ", "Asia/Shanghai", 1);
    cats[0] = (category_t){.id = 1, .code = "printer", .fields = fields,
                           .nfields = (int)(sizeof fields / sizeof *fields), .active = true};
    cats[1] = (category_t){.id = 2, .code = "账单", .active = true};
    for (int i = 0; i < COMMON_COUNT; i++) {
        cats[0].common[i] = (unsigned char)(i % 3); /* hidden, optional, required */
        cats[1].common[i] = (unsigned char)common_default(i);
    }
    prios[0] = (priority_t){.id = 1, .code = "P1"};
    prios[1] = (priority_t){.id = 2, .code = "紧急"};
    cat = (catalog_t){.cats = cats, .ncats = 2, .prios = prios, .nprios = 2};
    return 0;
}

/* A value the body reader returned: as its rule would store it. */
static void stored(const char *v, const form_field_t *rule)
{
    if (!v)
        return;
    size_t n = strlen(v);
    if (!n || !text_is_clean_utf8(v, n) || strchr(" \t\r\n", v[0]) || strchr(" \t\r\n", v[n - 1]))
        abort();
    char *copy = strdup(v);
    if (!copy || field_check(rule, copy) != NULL)
        abort();
    free(copy);
}

static void as_ticket(apibody_t *b)
{
    ticket_new_t t = {0};
    field_value_t values[APIBODY_MAX_VALUES];
    apibody_error_t e;
    if (apibody_ticket(b, &cat, &t, values, &e) != 0) {
        if ((e.status != 400 && e.status != 422) || !e.field || !*e.field || !*e.message)
            abort();
        return;
    }
    if (!(t.email || t.phone) || !t.category)
        abort();
    for (int i = 0; i < ticket_ncore; i++) {
        const ticket_field_t *f = &ticket_core[i];
        if (!f->api || !(f->from & TF_API))
            continue;
        bool required = f->common ? t.category->common[common_index(f->name)] == COMMON_REQUIRED
                                  : (f->required & TF_API) != 0;
        if (f->kind == TFK_TIME) {
            if (required && !ticket_in_time(&t.core, f))
                abort();
            continue;
        }
        const char *v = ticket_in_text(&t.core, f);
        if (required && !v)
            abort();
        stored(v, &f->rule);
    }
    for (int i = 0; i < t.nvalues; i++) {
        const cat_field_t *f = NULL;
        for (int k = 0; k < t.category->nfields; k++)
            if (t.category->fields[k].id == t.values[i].field_id)
                f = &t.category->fields[k];
        if (!f)
            abort();
        stored(t.values[i].value, &f->form);
    }
}

/* A merge or link read from the body: a number within its limit, a known
 * kind; a refusal names a field and says why. */
static void as_relation(apibody_t *b, bool link)
{
    static const form_field_t number = {.name = "ticket", .type = FT_TEXT, .max_chars = TN_MAX - 1};
    static const form_field_t reason = {.name = "reason", .type = FT_LONGTEXT, .max_chars = 500};
    apibody_relation_t r;
    apibody_error_t e;
    b->bad[0] = '\0';
    if ((link ? apibody_link(b, &r, &e) : apibody_merge(b, &r, &e)) != 0) {
        if ((e.status != 400 && e.status != 422) || !e.field || !*e.field || !*e.message)
            abort();
        return;
    }
    if (!r.ticket || strlen(r.ticket) >= TN_MAX || (link && !r.kind))
        abort();
    stored(r.ticket, &number);
    stored(r.reason, &reason);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apibody_t b;
    if (apibody_parse(&b, (const char *)data, size) != 0) {
        if (b.doc || !*b.why)
            abort();
        return 0;
    }
    unsigned char hash[SUBMIT_HASH_LEN];
    apibody_hash(&b, hash);
    as_ticket(&b);
    /* the same body as a comment, then as an update */
    static const form_field_t body = {.name = "body", .type = FT_LONGTEXT, .required = true,
                                      .max_chars = 20000};
    static const form_field_t reason = {.name = "reason", .type = FT_LONGTEXT,
                                        .max_chars = 2000};
    b.bad[0] = '\0';
    stored(apibody_value(&b, b.doc, "body", "body", &body, false), &body);
    b.bad[0] = '\0';
    apibody_code(&b, b.doc, "status");
    apibody_code(&b, b.doc, "priority");
    stored(apibody_value(&b, b.doc, "reason", "reason", &reason, false), &reason);
    as_relation(&b, false);
    as_relation(&b, true);
    apibody_free(&b);
    return 0;
}
