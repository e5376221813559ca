/* catdef: categories (问题类型), their own fields and the fields' options as
 * the admin console reads and writes them: every row, active or not, with
 * every column (lib/desk/catalog/catalog.h keeps what requests need). Nothing here is
 * ever deleted: tickets refer to categories, their values to fields, and
 * choice values to option codes, so rows are deactivated instead and codes
 * never change once a ticket may carry them (field and option codes are
 * fixed at creation; a category's code may change, tickets hold its id).
 *
 * Writes run inside the caller's transaction (the admin page audits and
 * commits). The checks that need no database (code syntax, the options
 * text of a new choice field) are pure functions, unit-tested. */
#ifndef DESK_CATDEF_H
#define DESK_CATDEF_H

#include <stdbool.h>

#include "desk/catalog/commonfield.h"
#include "desk/desk.h"
#include "desk/refusal.h"

#define CATDEF_CODE_MAX 40
#define CATDEF_MAX_FIELDS 40  /* active fields per category (forms hold 64) */
#define CATDEF_MAX_OPTIONS 50 /* active options per field */
#define CATDEF_MAX_CATEGORIES 500

typedef struct catdef {
    long long id;
    char code[CATDEF_CODE_MAX + 1];
    char name[LANG_COUNT][61];
    char summary[LANG_COUNT][256];
    long long priority_id;
    long long team_id; /* 0: none */
    long long sort_order;
    bool is_public, active;
    long long nfields; /* active fields (lists only) */
} catdef_t;

typedef struct fielddef {
    long long id, category_id;
    char name[CATDEF_CODE_MAX + 1];
    char type[16]; /* text longtext number date datetime choice multichoice bool */
    char label[LANG_COUNT][101];
    char help[LANG_COUNT][256];
    bool required, active;
    long long max_length, sort_order;
    long long noptions; /* active options (lists only) */
} fielddef_t;

typedef struct optdef {
    long long id, field_id;
    char code[CATDEF_CODE_MAX + 1];
    char label[LANG_COUNT][101];
    long long sort_order;
    bool active;
} optdef_t;

/* ---- checks without the database ---- */

/* A code: 1-40 characters of a-z, 0-9 and _. */
bool catdef_code_ok(const char *s);
/* Whether a field type is one admins may pick. */
bool catdef_type_ok(const char *type);
/* Whether the type has options (choice, multichoice). */
bool catdef_type_has_options(const char *type);
/* Whether admins set the type's maximum length (text, longtext); the other
 * types get catdef_default_max(). */
bool catdef_type_has_length(const char *type);
long long catdef_default_max(const char *type);
/* The allowed maximum length for a type that has one (text 1000, longtext 10000). */
long long catdef_length_limit(const char *type);

/* One option parsed from the options text of a new choice field. */
typedef struct optline {
    char code[CATDEF_CODE_MAX + 1];
    char label[LANG_COUNT][101];
} optline_t;

/* Parses "code | 中文 | English" lines (blank lines skipped; the
 * full-width "｜" separates too); labels are at most 100 bytes. Returns the number of options, or -1 with
 * *err set to an error key ("option_line", "option_code", "option_dup",
 * "option_label", "too_many_options") and *line to the 1-based line at fault. */
int catdef_parse_options(const char *text, optline_t *out, int cap, const char **err,
                         int *line);

/* ---- reading ---- */

/* Every category, active ones first, by sort order then id, at most
 * CATDEF_MAX_CATEGORIES (a configuration list, not a growing one);
 * returns how many, or -1. */
int catdef_each(desk_t *d, void (*fn)(const catdef_t *c, void *ctx), void *ctx);
/* One category (lock: FOR UPDATE in the caller's transaction): OUTCOME_OK, OUTCOME_NOT_FOUND or a failure. */
int catdef_get(desk_t *d, long long id, bool lock, catdef_t *c);
/* Whether another category (not except_id) has this code: 1, 0, <0. */
int catdef_code_taken(desk_t *d, const char *code, long long except_id);

/* Which common fields (lib/desk/catalog/commonfield.h) the category's forms show and
 * require: modes[COMMON_COUNT], the field's default where none is stored.
 * 0 or an outcome. */
int catdef_common_get(desk_t *d, long long category_id, unsigned char *modes);

/* The category's fields, active or not, in form order; count or -1. */
int fielddef_each(desk_t *d, long long category_id, void (*fn)(const fielddef_t *f, void *ctx),
                  void *ctx);
/* One field, and one option (FOR UPDATE when lock): OUTCOME_OK,
 * OUTCOME_NOT_FOUND or a failure. */
int fielddef_get(desk_t *d, long long id, bool lock, fielddef_t *f);
/* Whether the category already has a field of that name (active or not). */
int fielddef_name_taken(desk_t *d, long long category_id, const char *name);

/* The field's options, active or not, in order; count or -1. */
int optdef_each(desk_t *d, long long field_id, void (*fn)(const optdef_t *o, void *ctx),
                void *ctx);
int optdef_get(desk_t *d, long long id, bool lock, optdef_t *o);
int optdef_code_taken(desk_t *d, long long field_id, const char *code);
/* Active options of a field: count or <0. */
int optdef_active_count(desk_t *d, long long field_id);

/* ---- writing (caller's transaction; 0, CHANGE_REFUSED where a rule says
 * no, or an outcome; new ids in d->db.last_id) ---- */

/* A new category, or c's changes. Refused: another category has the code. */
int catdef_insert(desk_t *d, const catdef_t *c);
int catdef_update(desk_t *d, const catdef_t *c);
int catdef_set_active(desk_t *d, long long id, bool active);
/* Stores the mode of one common field (i < COMMON_COUNT) for the category. */
int catdef_common_set(desk_t *d, long long category_id, int i, common_mode_t mode);

/* Appends the field to the category's form, with the options (of a choice
 * field) in their order; f->id is set. Refused (CHANGE_REFUSED,
 * lib/desk/refusal.h): the category has a field of that name, active or not
 * (name "cat_taken"), or CATDEF_MAX_FIELDS active ones (_form
 * "cat_too_many_fields"). */
int fielddef_add(desk_t *d, fielddef_t *f, const optline_t *opts, int nopts, refusal_t *why);
/* Labels, help, required, max length (never name or type). */
int fielddef_update(desk_t *d, const fielddef_t *f);
/* Puts the field back on the form or takes it off. Refused on activation
 * when the form is full ("cat_too_many_fields") or a choice field has no
 * active option ("cat_needs_option"): *why says which. */
int fielddef_set_active(desk_t *d, const fielddef_t *f, bool active, const char **why);
/* Moves an active field one place up (dir -1) or down (+1) among the
 * category's active fields, renumbering the form 1..n: 1 moved, 0 it is
 * already first/last, <0 an outcome. from, to: its place (1..n) before and after. */
int fielddef_move(desk_t *d, const fielddef_t *f, int dir, long long *from, long long *to);
/* Active fields of a category: count or <0. */
int fielddef_active_count(desk_t *d, long long category_id);

/* Appends the option to the field's list; o->id is set. Refused: the field
 * has an option of that code, active or not (code "cat_taken"), or
 * CATDEF_MAX_OPTIONS active ones (_form "cat_too_many_options"). */
int optdef_add(desk_t *d, optdef_t *o, refusal_t *why);
/* Offers the option again or no more. Refused when it is the last active
 * option of f while f is on the form: a choice field keeps one
 * ("cat_last_option"). */
int optdef_set_active(desk_t *d, const fielddef_t *f, const optdef_t *o, bool active);

#endif
