/* demo: see demo.h. */
#include "desk/demo.h"

#include <stdio.h>
#include <string.h>

#include "core/password.h"
#include "core/secret.h"
#include "desk/customer/customer.h"
#include "desk/people/people.h"
#include "desk/people/teams.h"

typedef struct demo_person {
    const char *login, *name, *role, *team, *key;
    int lead, contacts, product_manager;
} demo_person_t;

static const demo_person_t people[] = {
    {"admin", "系统管理员 王敏", "admin", "supervisors", "ADMIN", 0, 1, 0},
    {"supervisor", "服务主管 李强", "supervisor", "supervisors", "SUPERVISOR", 1, 1, 0},
    {"agent", "售后工程师 张伟", "agent", "aftersales", "AGENT", 0, 1, 0},
    {"trainer", "培训专员 陈静", "agent", "training", NULL, 0, 0, 0},
    {"pm", "产品经理 刘洋", "agent", "product", NULL, 0, 0, 1},
};

static void random_password(char out[DEMO_PASSWORD_LEN + 1])
{
    char token[TOKEN_TEXT_LEN + 1];
    token_new(token);
    memcpy(out, token, DEMO_PASSWORD_LEN);
    out[DEMO_PASSWORD_LEN] = '\0';
}

int demo_load(desk_t *d,
              void (*signin)(const char *key, const char *login, const char *password, void *ctx),
              void *ctx)
{
    customer_organisation_ensure(d, "华东精密制造有限公司");
    for (size_t i = 0; i < sizeof people / sizeof *people; i++) {
        const demo_person_t *p = &people[i];
        char pw[DEMO_PASSWORD_LEN + 1], hash[PASSWORD_HASH_MAX];
        person_t who = {.can_see_contacts = p->contacts != 0,
                        .is_product_manager = p->product_manager != 0};
        snprintf(who.login, sizeof who.login, "%s", p->login);
        snprintf(who.name, sizeof who.name, "%s", p->name);
        snprintf(who.email, sizeof who.email, "%s@desk.example", p->login);
        snprintf(who.role, sizeof who.role, "%s", p->role);
        random_password(pw);
        if (password_hash(pw, hash) || people_ensure(d, &who, hash) != OUTCOME_OK ||
            teams_join_by_code(d, p->team, p->login, p->lead != 0) != OUTCOME_OK)
            return -1;
        if (p->key)
            signin(p->key, p->login, pw, ctx);
    }
    return 0;
}
