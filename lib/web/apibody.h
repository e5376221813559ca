/* apibody: how the JSON API (cgi/api.c) reads what a client sends, apart
 * from the database so that it can be tested and fuzzed alone: the
 * headers it looks at, the JSON body, and each member checked by its
 * field's rule (lib/web/form.h) as it will be stored.
 *
 * Free text loses the white space around it (the trimmed text replaces the
 * member, so what was checked is what is stored); a code, address, number
 * or date (or any member read as exact) must come without any. Nothing is
 * ever cut. The first member refused is kept (bad, why) for the answer
 * 422 {"error": {"code": "invalid_value", "message": why, "field": bad}}. */
#ifndef DESK_APIBODY_H
#define DESK_APIBODY_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "desk/catalog/catalog.h"
#include "desk/ticket/ticket.h"
#include "desk/ticket/ticket_fields.h"
#include "web/form.h"

#define APIBODY_MAX_VALUES 64 /* a category's own fields read from one body */

/* application/json, with no charset or UTF-8 (RFC 8259 allows no other). */
bool apibody_json_type(const char *content_type);
/* The key of an "Authorization: Bearer KEY" header, or NULL. */
const char *apibody_bearer(const char *authorization);
/* An Idempotency-Key a client may use: 1 to 128 bytes of UTF-8 without
 * control characters. */
bool apibody_idempotency_key_ok(const char *key);

typedef struct apibody {
    json_t *doc;     /* the body: an object (owned) */
    char bad[80];    /* the first refused member, "" when none */
    char why[200];   /* what is wrong with it */
} apibody_t;

/* An answer other than 422 for the first refused member: a missing field
 * (400 missing_field) or an unknown code (422 invalid_value). */
typedef struct apibody_error {
    int status;
    const char *code;
    char message[200];
    const char *field;
} apibody_error_t;

/* Parses len bytes as a JSON object (duplicate members refused, \u0000
 * let through to be refused with its member). 0, or -1 with why set to
 * the reason (out of memory aborts). */
int apibody_parse(apibody_t *b, const char *raw, size_t len);
void apibody_free(apibody_t *b);
/* The body's hash with its members sorted (what an Idempotency-Key is
 * held to, whatever the members' order). */
void apibody_hash(const apibody_t *b, unsigned char out[SUBMIT_HASH_LEN]);

/* What is wrong with a value of field refused with form.h's error key (or
 * the API's own: type, encoding, control, blank, padded, not_object), as
 * "FIELD must be one of a, b" for a choice of rule, "FIELD is not an e-mail
 * address"..., into why. */
void apibody_refusal(const char *field, const char *key, const form_field_t *rule, char *why,
                     size_t cap);

/* The string member name of obj checked by rule: NULL when absent, null or
 * "" (or refused: b->bad set). field names the member in errors
 * ("customer.email"). */
const char *apibody_value(apibody_t *b, json_t *obj, const char *name, const char *field,
                          const form_field_t *rule, bool exact);
/* A catalogue code (category, priority, status): exactly as listed. */
const char *apibody_code(apibody_t *b, json_t *obj, const char *name);
/* The member name when it is an object (or absent: NULL); anything else is
 * refused. */
json_t *apibody_object(apibody_t *b, json_t *obj, const char *name);

/* The object and member name of a core field's API name (ticket_fields.h):
 * "customer.name" is the member name of cust (of b itself when cust is
 * NULL), any other the member of b. */
json_t *apibody_holder(const ticket_field_t *f, json_t *b, json_t *cust, const char **member);

/* The ticket a create request's body asks for, checked against the
 * catalogue: the core fields the API takes (ticket_fields.h: subject,
 * description, the customer's name, email or phone and organisation in
 * "customer" or at the top, ...), category, priority, the common fields the
 * category asks for and its own fields (values, at most
 * APIBODY_MAX_VALUES). The strings in t point into the body. 0; -1 with
 * b->bad (422 invalid_value) or *e set. */
int apibody_ticket(apibody_t *b, const catalog_t *cat, ticket_new_t *t, field_value_t *values,
                   apibody_error_t *e);

/* What a merge or link request's body names: the other ticket's number
 * (member "into" of a merge, "ticket" of a link: exact, up to TN_MAX - 1
 * bytes), a link's kind (one of ticket_link_kinds, seen from the ticket in
 * the path) and a merge's reason (free text, optional). Strings point into
 * the body. */
typedef struct apibody_relation {
    const char *ticket, *kind, *reason;
} apibody_relation_t;

/* 0; -1 with *e set: 400 missing_field, 422 invalid_value. */
int apibody_merge(apibody_t *b, apibody_relation_t *r, apibody_error_t *e);
int apibody_link(apibody_t *b, apibody_relation_t *r, apibody_error_t *e);

#endif
