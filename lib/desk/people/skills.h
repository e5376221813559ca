/* skills: the skill tags agents carry (硬件, 数据库, ...) and dispatch
 * matches against what a ticket needs. Managed in the admin console: a tag
 * is renamed or deactivated, never deleted (agents and routing rules refer
 * to it). Assigning tags to people is lib/desk/people/people.h (people_set_skills). The
 * writing functions run inside the caller's transaction. */
#ifndef DESK_SKILLS_H
#define DESK_SKILLS_H

#include <stdbool.h>

#include "desk/desk.h"

typedef struct skill_info {
    long long id;
    char code[41];
    char name_zh[241], name_en[241];
    bool active;
    long long agents; /* active people carrying it */
} skill_info_t;

/* Every skill tag, active ones first, then by id. The number, or -1. */
int skills_each(desk_t *d, void (*fn)(const skill_info_t *s, void *ctx), void *ctx);
/* One tag (FOR UPDATE when lock): OUTCOME_OK, OUTCOME_NOT_FOUND or a failure. */
int skills_get(desk_t *d, long long id, bool lock, skill_info_t *s);
/* OUTCOME_OK with *id, OUTCOME_DUPLICATE when the code is taken, or another outcome. */
int skills_create(desk_t *d, const char *code, const char *name_zh, const char *name_en,
                  long long *id);
int skills_rename(desk_t *d, long long id, const char *name_zh, const char *name_en);
int skills_set_active(desk_t *d, long long id, bool active);

#endif
