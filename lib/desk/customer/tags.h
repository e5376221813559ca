/* tags: customer tags (table tags, customer_tags) and the rules that set
 * them automatically, as admins manage them on /admin/tags.
 *
 * System tags (vip, frequent_complainer) drive behaviour and cannot be
 * deactivated; admins may rename them and change their colour. Free tags are
 * created, renamed, recoloured and deactivated (never deleted: a deactivated
 * tag keeps its assignments but is no longer shown or assignable).
 *
 * The rules are settings (lib/desk/settings.h; each falls back to the HDF config
 * key of the same name, then to the default in lib/core/config_keys.c):
 *   Tags.ComplaintCount       n complaints ...
 *   Tags.ComplaintDays        ... within this many days
 *   Tags.ComplaintCategories  which categories count, comma-separated codes
 *   Tags.VipRaisesPriority    a VIP's new ticket starts one level more urgent */
#ifndef DESK_TAGS_H
#define DESK_TAGS_H

#include <stdbool.h>
#include <time.h>

#include "desk/desk.h"
#include "desk/refusal.h"

#define TAG_CODE_MAX 40
#define TAG_NAME_MAX 60

typedef struct tag {
    long long id;
    char code[TAG_CODE_MAX + 1];
    char name[LANG_COUNT][4 * TAG_NAME_MAX + 1];
    char color[10];
    bool system, active;
    long long customers; /* how many customers carry it (tags_each with counts) */
} tag_t;

/* The colours a tag may have (NULL-ended), as in the CSS classes tag-c-*. */
extern const char *const tag_colors[];

typedef struct tag_rules {
    long complaint_count, complaint_days;
    char complaint_categories[512]; /* comma-separated category codes */
    bool vip_raises_priority;
} tag_rules_t;

/* The rules in force for this worker (its settings). */
void tags_rules(const desk_t *d, tag_rules_t *r);

/* True when code is 2-40 of [a-z0-9_], starting with a letter. */
bool tag_code_valid(const char *code);

/* Every tag, system tags first, then active ones, then by id, with how many
 * customers carry each when with_counts. Returns the number, or -1. */
int tags_each(desk_t *d, bool with_counts, void (*fn)(const tag_t *t, void *ctx), void *ctx);
/* Every tag, active or not, by id, at most limit (the choices of an SLA
 * override's scope). Returns the number, or -1. */
int tags_each_by_id(desk_t *d, int limit, void (*fn)(const tag_t *t, void *ctx), void *ctx);
/* One tag by id (lock: FOR UPDATE): OUTCOME_OK, OUTCOME_NOT_FOUND or a failure. */
int tags_get(desk_t *d, long long id, bool lock, tag_t *t);
/* Inserts a free tag (t->id set). OUTCOME_OK, OUTCOME_DUPLICATE (code taken) or <0. */
int tags_create(desk_t *d, tag_t *t);
/* Writes names, colour and active of t->id. OUTCOME_OK or <0. */
int tags_update(desk_t *d, const tag_t *t);
/* Activates or deactivates t (locked by the caller). A system tag is
 * neither (the rules and the priorities need it): CHANGE_REFUSED
 * (lib/desk/refusal.h); CHANGE_UNCHANGED when t is so already; else OUTCOME_OK or
 * <0. */
int tags_set_active(desk_t *d, const tag_t *t, bool active);

/* ---- tags on customers ---- */

typedef struct customer_tag {
    tag_t tag;
    char source[8]; /* manual, rule */
    char reason[256];
    time_t at;
} customer_tag_t;

/* The customer's name and organisation (name, id or 0): OUTCOME_OK,
 * OUTCOME_NOT_FOUND or a failure. */
int tags_customer(desk_t *d, long long customer_id, char *name, size_t name_cap, char *org,
                  size_t org_cap, long long *org_id);
/* The customer's tags (active and not), oldest first. 0 or <0. */
int tags_of_customer(desk_t *d, long long customer_id,
                     void (*fn)(const customer_tag_t *t, void *ctx), void *ctx);
/* Tags a customer by hand: 1 added, 0 already there, <0 error. */
int tags_assign(desk_t *d, long long customer_id, long long tag_id, time_t now);
/* Removes a tag from a customer: 1 removed, 0 was not there, <0 error. */
int tags_unassign(desk_t *d, long long customer_id, long long tag_id);

/* SQL: the comma-separated codes of a customer's tags as they show - their
 * own, then their organisation's (lib/desk/customer/orgtags.h) that are not also their
 * own - or ''. cust and org are column expressions (org may be NULL). Each
 * part is a primary-key read (no derived table: MariaDB does not let one
 * see the outer row), so a queue row costs a few index lookups. */
#define TAGS_EFFECTIVE_SQL(cust, org)                                                        \
    "CONCAT_WS(',', (SELECT GROUP_CONCAT(g.code ORDER BY g.id) FROM customer_tags ct"       \
    " JOIN tags g ON g.id = ct.tag_id WHERE ct.customer_id = " cust "), (SELECT"             \
    " GROUP_CONCAT(g.code ORDER BY g.id) FROM organisation_tags ot JOIN tags g ON g.id ="   \
    " ot.tag_id WHERE ot.organisation_id = " org " AND NOT EXISTS (SELECT 1 FROM"            \
    " customer_tags cx WHERE cx.customer_id = " cust " AND cx.tag_id = ot.tag_id)))"

/* Writes TagDefs.<code>.{name,color,off} (in each language) and
 * Rules.{complaints,days} into the language data sets (d->texts), for the tag
 * chips of the agent pages. At start and after every configuration reload;
 * keeps the old ones when the tags cannot be read. */
void tags_publish(desk_t *d);

#endif
