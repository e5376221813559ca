/* replytpl: see replytpl.h. */
#include "desk/replytpl.h"

#include <stdlib.h>
#include <string.h>

#include "core/textfill.h"

const char *const replytpl_names[] = {"customer", "number", "subject", "agent", NULL};

static const char sql_page[] =
    "SELECT id, title, language, body, active, updated_at FROM reply_templates"
    " WHERE id < ? ORDER BY id DESC LIMIT ?";
static const char sql_active[] =
    "SELECT id, title, language, body, active, updated_at FROM reply_templates"
    " FORCE INDEX (ix_reply_templates_list) WHERE active = 1 AND language = ? ORDER BY id LIMIT ?";
static const char sql_one[] =
    "SELECT id, title, language, body, active, updated_at FROM reply_templates WHERE id = ?";
static const char sql_one_lock[] =
    "SELECT id, title, language, body, active, updated_at FROM reply_templates WHERE id = ?"
    " FOR UPDATE";
static const char sql_insert[] =
    "INSERT INTO reply_templates (title, language, body, active, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_update[] =
    "UPDATE reply_templates SET title = ?, language = ?, body = ?, active = ?, updated_at = ?"
    " WHERE id = ?";

char *replytpl_fill(const char *body, const replytpl_facts_t *f)
{
    textfill_var_t vars[] = {
        {"customer", f->customer}, {"number", f->number}, {"subject", f->subject}, {"agent", f->agent}};
    return textfill_render(body, vars, sizeof vars / sizeof *vars);
}

/* Rows of st to fn; count or <0. */
static int each_row(MYSQL_STMT *st, void (*fn)(const replytpl_t *t, void *ctx), void *ctx)
{
    if (!st)
        return OUTCOME_UNAVAILABLE;
    replytpl_t t;
    long long active = 0;
    int n = 0, rc;
    memset(&t, 0, sizeof t);
    while ((rc = db_fetch(st, "issSit", &t.id, t.title, sizeof t.title, t.language,
                          sizeof t.language, &t.body, &active, &t.updated_at)) == 1) {
        t.active = active != 0;
        fn(&t, ctx);
        free(t.body);
        t.body = NULL;
        n++;
    }
    db_done(st);
    return rc < 0 ? rc : n;
}

int replytpl_each(db_t *db, long long before, int max, void (*fn)(const replytpl_t *t, void *ctx),
                  void *ctx)
{
    return each_row(db_query(db, sql_page, "ii", before > 0 ? before : (long long)1 << 62,
                             (long long)max),
                    fn, ctx);
}

int replytpl_each_active(db_t *db, lang_t lang, void (*fn)(const replytpl_t *t, void *ctx),
                         void *ctx)
{
    return each_row(db_query(db, sql_active, "si", lang_code(lang), (long long)REPLYTPL_SHOWN_MAX),
                    fn, ctx);
}

int replytpl_get(db_t *db, long long id, bool lock, replytpl_t *t)
{
    long long active = 0;
    memset(t, 0, sizeof *t);
    int rc = db_row(db, lock ? sql_one_lock : sql_one, "i", "issSit", id, &t->id, t->title,
                    sizeof t->title, t->language, sizeof t->language, &t->body, &active,
                    &t->updated_at);
    t->active = active != 0;
    if (rc != 1) {
        free(t->body);
        t->body = NULL;
    }
    return db_found(rc);
}

int replytpl_save(db_t *db, long long id, const char *title, lang_t lang, const char *body,
                  bool active, time_t now, long long *new_id)
{
    int rc = id ? db_exec(db, sql_update, "sssiti", title, lang_code(lang), body,
                          (long long)active, now, id)
                : db_exec(db, sql_insert, "sssitt", title, lang_code(lang), body,
                          (long long)active, now, now);
    if (rc >= 0 && !id && new_id)
        *new_id = (long long)db->last_id;
    return rc < 0 ? rc : OUTCOME_OK;
}
