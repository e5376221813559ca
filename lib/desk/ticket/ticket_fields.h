/* ticket_fields: the core fields of a ticket, declared once. Every ticket
 * carries them whatever way it comes in (the portal form, an agent's intake,
 * the API); one row each, in the manner of nginx's ngx_command_t, says
 *
 *   its name (the form field, the member of ticket_t and ticket_new_t, the
 *     page's Ticket.<name>), its kind of storage and column in tickets,
 *   its rule (type, limit in characters, choices: lib/core/field.h),
 *   the channels that take it and those that require it,
 *   whether categories choose to show it (lib/desk/catalog/commonfield.h),
 *   its member in the API's JSON (in, and read back or not),
 *   its label's key in the language files (L.<key>, help L.<key>_help),
 *   who may see it: the customer, every agent, or only agents with the
 *     right to contact details,
 *   what is stored when none is given, and whether the templates draw it by
 *   name where it belongs or their loops over the table draw it.
 *
 * From the rows come the members of ticket_t and ticket_new_t, the insert's
 * columns and parameters and the fetch's columns and results
 * (lib/desk/ticket/ticket_sql.h), the forms' rules, the page data
 * (lib/web/ticket_view.h) and the API's JSON (cgi/api.c). A new core field is
 * a migration that adds its column, one row here and its label in the
 * language files. */
#ifndef DESK_TICKET_FIELDS_H
#define DESK_TICKET_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/field.h"
#include "core/tpl.h"

/* How a value is kept: in ticket_new_t (what comes in) and ticket_t (what
 * is read back). */
typedef enum ticket_field_kind {
    TFK_TEXT,     /* a line or a code: const char * in, char[chars * 4 + 1] back */
    TFK_LONG,     /* long text: const char * in, a malloc'd char * back */
    TFK_TIME,     /* a moment: time_t in and back (0: none) */
    TFK_SEALED,   /* a contact detail: const char * in, stored sealed, never read back
                     (ticket_contacts, for readers with the right) */
    TFK_CUSTOMER, /* goes to the customer's record, not the ticket's row */
} ticket_field_kind_t;

/* channels, for .from and .required */
#define TF_PORTAL 1u
#define TF_AGENT 2u
#define TF_API 4u
#define TF_ALL (TF_PORTAL | TF_AGENT | TF_API)

/* readers, for .see */
#define TF_SEE_CUSTOMER 1u /* the customer, on the portal's ticket page */
#define TF_SEE_AGENT 2u    /* every agent who may see the ticket */
#define TF_SEE_CONTACT 4u  /* only agents with the right to contact details */

/* The rows: X(name, kind, chars, type, max, choices, descriptor...): kind
 * TFK_<kind>; chars the column's width in characters (TEXT only: the size of
 * its buffer in ticket_t); type, max and choices the rule's; the rest the
 * designated initializers of the row's ticket_field_t. */
#define TICKET_FIELDS(X)                                                                      \
    X(subject, TEXT, 200, FT_TEXT, 100, NULL, .column = "subject", .from = TF_ALL,             \
      .required = TF_ALL, .api = "subject", .api_out = true, .label = "Form.subject",          \
      .see = TF_SEE_CUSTOMER | TF_SEE_AGENT, .placed = true)                                  \
    X(description, LONG, 0, FT_LONGTEXT, 10000, NULL, .column = "description",                \
      .from = TF_ALL, .required = TF_ALL, .api = "description", .api_out = true,               \
      .label = "Form.description", .see = TF_SEE_CUSTOMER | TF_SEE_AGENT, .placed = true)      \
    X(contact_name, TEXT, 100, FT_TEXT, 50, NULL, .column = "contact_name", .from = TF_ALL,   \
      .required = TF_ALL, .api = "customer.name", .label = "Form.contact_name",               \
      .see = TF_SEE_CUSTOMER | TF_SEE_AGENT, .placed = true)                                  \
    X(email, SEALED, 0, FT_EMAIL, 254, NULL, .column = "contact_email_sealed", .from = TF_ALL, \
      .required = TF_PORTAL, .api = "customer.email", .label = "Form.email",                  \
      .see = TF_SEE_CONTACT, .placed = true)                                                  \
    X(phone, SEALED, 0, FT_PHONE, 30, NULL, .column = "contact_phone_sealed", .from = TF_ALL,  \
      .api = "customer.phone", .label = "Form.phone", .see = TF_SEE_CONTACT, .placed = true)  \
    X(organisation, CUSTOMER, 0, FT_TEXT, 100, NULL, .from = TF_ALL,                          \
      .api = "customer.organisation", .label = "Form.organisation", .see = TF_SEE_AGENT,      \
      .placed = true)                                                                         \
    X(customer_ref, TEXT, 64, FT_TEXT, 64, NULL, .column = "customer_ref", .from = TF_ALL,     \
      .api = "customer_reference", .api_out = true, .label = "Form.customer_ref",            \
      .see = TF_SEE_CUSTOMER | TF_SEE_AGENT)                                                  \
    X(preferred_contact, TEXT, 10, FT_CHOICE, 10, ticket_contact_ways,                        \
      .column = "preferred_contact", .from = TF_PORTAL, .label = "Form.preferred_contact",    \
      .see = TF_SEE_AGENT, .fallback = "any", .placed = true)                                 \
    X(language, TEXT, 2, FT_TEXT, 2, NULL, .column = "language", .fallback = "zh",            \
      .placed = true)                                                                         \
    X(product, TEXT, 200, FT_TEXT, 100, NULL, .column = "product", .from = TF_ALL,            \
      .required = TF_ALL, .common = true, .api = "product", .label = "Form.product",          \
      .see = TF_SEE_CUSTOMER | TF_SEE_AGENT, .fallback = "", .placed = true)                  \
    X(product_version, TEXT, 100, FT_TEXT, 50, NULL, .column = "product_version",             \
      .from = TF_ALL, .common = true, .api = "product_version",                               \
      .label = "Form.product_version", .see = TF_SEE_CUSTOMER | TF_SEE_AGENT, .fallback = "", \
      .placed = true)                                                                         \
    X(serial_number, TEXT, 100, FT_TEXT, 50, NULL, .column = "serial_number", .from = TF_ALL, \
      .common = true, .api = "serial_number", .label = "Form.serial_number",                  \
      .see = TF_SEE_CUSTOMER | TF_SEE_AGENT, .fallback = "", .placed = true)                  \
    X(impact, TEXT, 10, FT_CHOICE, 20, ticket_impacts, .column = "impact", .from = TF_ALL,    \
      .required = TF_ALL, .common = true, .api = "impact", .label = "Form.impact",            \
      .see = TF_SEE_CUSTOMER | TF_SEE_AGENT, .placed = true)                                  \
    X(started_at, TIME, 0, FT_DATETIME, 20, NULL, .column = "started_at", .from = TF_ALL,     \
      .common = true, .api = "started_at", .label = "Form.started_at", .see = TF_SEE_AGENT,   \
      .placed = true)                                                                         \
    X(error_message, LONG, 0, FT_LONGTEXT, 5000, NULL, .column = "error_message",             \
      .from = TF_ALL, .common = true, .api = "error_message", .label = "Form.error_message",   \
      .see = TF_SEE_AGENT, .placed = true)                                                    \
    X(tried, LONG, 0, FT_LONGTEXT, 5000, NULL, .column = "tried", .from = TF_ALL,             \
      .common = true, .api = "tried", .label = "Form.tried", .see = TF_SEE_AGENT,             \
      .placed = true)                                                                         \
    X(expected_at, TIME, 0, FT_DATETIME, 20, NULL, .column = "expected_at", .from = TF_ALL,   \
      .common = true, .api = "expected_at", .label = "Form.expected_at", .see = TF_SEE_AGENT, \
      .placed = true)                                                                         \
    X(keywords, TEXT, 255, FT_TEXT, 100, NULL, .column = "keywords", .from = TF_ALL,          \
      .common = true, .api = "keywords", .label = "Form.keywords", .see = TF_SEE_AGENT,       \
      .fallback = "", .placed = true)

/* The members the rows give ticket_new_t (in) and ticket_t (back). */
#define TF_IN_TEXT(name) const char *name;
#define TF_IN_LONG(name) const char *name;
#define TF_IN_TIME(name) time_t name;
#define TF_IN_SEALED(name) const char *name;
#define TF_IN_CUSTOMER(name) const char *name;
#define TF_IN_MEMBER(name, kind, chars, type, max, choices, ...) TF_IN_##kind(name)
#define TF_BACK_TEXT(name, chars) char name[(chars) * 4 + 1];
#define TF_BACK_LONG(name, chars) char *name;
#define TF_BACK_TIME(name, chars) time_t name;
#define TF_BACK_SEALED(name, chars)
#define TF_BACK_CUSTOMER(name, chars)
#define TF_BACK_MEMBER(name, kind, chars, type, max, choices, ...) TF_BACK_##kind(name, chars)

/* The core fields as they come in and as they are read back: ticket_new_t
 * and ticket_t hold these members by name (TICKET_CORE_IN, TICKET_CORE),
 * and the block as a whole as .core. */
typedef struct ticket_core_in {
    TICKET_FIELDS(TF_IN_MEMBER)
} ticket_core_in_t;
typedef struct ticket_core {
    TICKET_FIELDS(TF_BACK_MEMBER)
} ticket_core_t;
#define TICKET_CORE_IN                                                                        \
    union {                                                                                   \
        ticket_core_in_t core;                                                                \
        struct {                                                                              \
            TICKET_FIELDS(TF_IN_MEMBER)                                                       \
        };                                                                                    \
    };
#define TICKET_CORE                                                                           \
    union {                                                                                   \
        ticket_core_t core;                                                                   \
        struct {                                                                              \
            TICKET_FIELDS(TF_BACK_MEMBER)                                                     \
        };                                                                                    \
    };

typedef struct ticket_field {
    const char *name;
    ticket_field_kind_t kind;
    size_t in_offset;         /* of its member in ticket_core_in_t */
    size_t back_offset, size; /* of its member in ticket_core_t (TEXT, LONG, TIME) */
    const char *column;       /* in tickets; NULL: none (CUSTOMER) */
    field_rule_t rule;        /* named after the field; where it is required is
                                 .required's (ticket_field_rules) */
    unsigned from;            /* the channels that take it (TF_PORTAL, ...) */
    unsigned required;        /* those that require it (a common field: by default) */
    bool common;              /* each category shows, hides or requires it */
    const char *api;          /* its JSON member ("customer.name": in the customer
                                 object); NULL: not in the API */
    bool api_out;             /* read back by the API */
    const char *label;        /* language key, without the "L." */
    unsigned see;             /* TF_SEE_* */
    const char *fallback;     /* stored when none is given; NULL: SQL NULL */
    bool placed;              /* drawn by name where it belongs; otherwise the
                                 templates' loops over TicketFields draw it */
} ticket_field_t;

extern const ticket_field_t ticket_core[];
extern const int ticket_ncore;

/* The impacts (影响范围) a ticket may state, widest first, NULL-ended:
 * company, department, individual, none. */
extern const char *const ticket_impacts[];
/* The ways a customer may prefer to be contacted, NULL-ended. */
extern const char *const ticket_contact_ways[];
/* The code of the level a new ticket of that impact starts at (company ->
 * urgent, department -> important, individual -> general, none -> low), or
 * NULL for no impact. */
const char *ticket_impact_priority(const char *impact);

/* The row of the field called name, or NULL. */
const ticket_field_t *ticket_core_field(const char *name);
/* Its rule, or NULL. */
const field_rule_t *ticket_field(const char *name);

/* The rules of the fields channel takes that no category chooses, required
 * as channel requires them, into out (cap places). Returns how many. */
int ticket_field_rules(unsigned channel, field_rule_t *out, int cap);

/* A field's value in a new ticket (ticket_new_t.core) and in a ticket read
 * back (ticket_t.core), by its row. Text kinds: the text (NULL: none); TIME:
 * the moment (0: none). */
const char *ticket_in_text(const ticket_core_in_t *t, const ticket_field_t *f);
void ticket_in_set_text(ticket_core_in_t *t, const ticket_field_t *f, const char *v);
time_t ticket_in_time(const ticket_core_in_t *t, const ticket_field_t *f);
void ticket_in_set_time(ticket_core_in_t *t, const ticket_field_t *f, time_t v);
/* TEXT and LONG: the text read back ("" when none); TIME: ticket_back_time. */
const char *ticket_back_text(const ticket_core_t *t, const ticket_field_t *f);
time_t ticket_back_time(const ticket_core_t *t, const ticket_field_t *f);
/* Whether a row is kept in ticket_t. */
bool ticket_field_read_back(const ticket_field_t *f);
/* Frees what a ticket read back holds (LONG values). */
void ticket_fields_free(ticket_core_t *t);

/* What templates know of the fields, into each language's data set:
 * TicketFields.<i>.name, .type, .max, .label, .help, .placed, .common,
 * .portal, .agent (taken), .portal_required, .agent_required and, for a
 * choice, .Options.<j>.code and .label (L.<label>_choices.<code>). */
void ticket_fields_publish(texts_t *texts);

#endif
