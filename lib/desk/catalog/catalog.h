/* catalog: the reference data every request needs (categories and their
 * fields, priorities, channels), loaded once per worker from the database
 * and published to the templates of each language (Catalog.*). */
#ifndef DESK_CATALOG_H
#define DESK_CATALOG_H

#include <stdbool.h>

#include "core/bizclock.h"
#include "core/field.h"
#include "core/lang.h"
#include "core/tpl.h"
#include "store/db.h"
#include "desk/catalog/commonfield.h"
#include "desk/sla/slatarget.h"

typedef struct cat_field {
    long long id;
    char name[41];
    field_rule_t form; /* validation rule; form.name points at name */
    char label[LANG_COUNT][101];
    char help[LANG_COUNT][256];
    char **choices;     /* option codes, NULL-ended (form.choices) */
    char (*choice_label)[LANG_COUNT][101];
    int nchoices;
} cat_field_t;

typedef struct category {
    long long id;
    char code[41];
    char name[LANG_COUNT][61];
    char summary[LANG_COUNT][256];
    long long default_priority_id;
    long long team_id;
    bool is_public;
    bool active; /* false in catalog_t.retired only */
    cat_field_t *fields;
    int nfields;
    unsigned char common[COMMON_COUNT]; /* common_mode_t of each common field */
} category_t;

typedef struct priority {
    long long id;
    char code[41];
    char name[LANG_COUNT][241]; /* VARCHAR(60) in utf8mb4: admins may use all of it */
    char color[8];
    int rank;
    long long calendar_id;
    sla_target_t classify; /* amount 0 = the desk's SLA.ClassifyMinutes */
    sla_target_t first_response, resolution, update; /* amount 0 = none */
    long long warning_percent;
} priority_t;

/* An override of a priority's targets for a category and/or a customer tag
 * (table sla_policies, lib/desk/sla/slapolicy.h). 0 = any (ids) or inherited. */
typedef struct sla_policy {
    long long id, priority_id, category_id, tag_id;
    long long calendar_id;
    sla_target_t classify, first_response, resolution, update;
    long long warning_percent;
} sla_policy_t;

typedef struct channel {
    long long id;
    char code[41];
    char name[LANG_COUNT][61];
    char hours[LANG_COUNT][256];
} channel_t;

typedef struct team {
    long long id;
    char code[41];
    char name[LANG_COUNT][401]; /* VARCHAR(100) in utf8mb4 */
    bool answers_escalations;   /* an R&D team: escalations go to it */
} team_t;

typedef struct catalog {
    category_t *cats; /* active ones: what new tickets may use */
    int ncats;
    category_t *retired; /* deactivated: kept for old tickets (names), no fields */
    int nretired;
    priority_t *prios;
    int nprios;
    channel_t *chans;
    int nchans;
    team_t *teams;
    int nteams;
    bizcal_t *cals; /* business calendars, built in place (not copyable) */
    long long *cal_ids;
    int ncals;
    sla_policy_t *pols; /* active SLA policies, by id */
    int npols;
} catalog_t;

/* Loads everything active, and the deactivated categories apart (old
 * tickets still show them: catalog_category_by_id finds them, nothing else
 * does). 0 or -1. */
int catalog_load(catalog_t *c, db_t *db);
void catalog_free(catalog_t *c);
/* Writes Catalog.* into each language's global data set: what pages and
 * notification texts show of the catalogue. */
void catalog_publish(const catalog_t *c, texts_t *t);

const category_t *catalog_category(const catalog_t *c, const char *code);
const priority_t *catalog_priority(const catalog_t *c, const char *code);
const priority_t *catalog_priority_by_id(const catalog_t *c, long long id);
const category_t *catalog_category_by_id(const catalog_t *c, long long id);
const channel_t *catalog_channel(const catalog_t *c, const char *code);
const channel_t *catalog_channel_by_id(const catalog_t *c, long long id);
const team_t *catalog_team_by_id(const catalog_t *c, long long id);
const bizcal_t *catalog_calendar(const catalog_t *c, long long id);

#endif
