/* migrate: see migrate.h. */
#include "store/migrate.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/text.h"

static const char sql_migrations_table[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INT UNSIGNED PRIMARY KEY,"
    " name VARCHAR(200) NOT NULL, applied_at DATETIME NOT NULL) ENGINE=InnoDB";
static const char sql_applied[] = "SELECT COUNT(*) FROM schema_migrations WHERE version = ?";
static const char sql_record[] =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, UTC_TIMESTAMP())";

bool migrate_is_file(const char *name)
{
    size_t n = strlen(name);
    return n > 8 && strspn(name, "0123456789") == 3 && name[3] == '_' &&
           strcmp(name + n - 4, ".sql") == 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int is_migration(const struct dirent *e)
{
    return migrate_is_file(e->d_name);
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[n] = '\0';
    fclose(f);
    return buf;
}

/* 1 applied now, 0 applied before, -1 failed. */
static int apply_one(db_t *db, const char *dir, const char *name)
{
    char digits[4] = {name[0], name[1], name[2], '\0'}; /* "NNN_name.sql" */
    long long version = 0, done = 0;
    text_whole(digits, 0, 999, &version);
    if (db_row(db, sql_applied, "i", "i", version, &done) != 1)
        return -1;
    if (done)
        return 0;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *sql = read_file(path);
    if (!sql) {
        log_error("cannot read %s", path);
        return -1;
    }
    int rc = db_run_script(db, sql);
    free(sql);
    if (rc != OUTCOME_OK || db_exec(db, sql_record, "is", version, name) != 1) {
        log_error("migration %s failed", name);
        return -1;
    }
    return 1;
}

int migrate_run(db_t *db, const char *dir, void (*applied)(const char *name, void *ctx),
                void *ctx)
{
    struct dirent **list;
    if (db_exec(db, sql_migrations_table, "") < 0)
        return -1;
    int n = scandir(dir, &list, is_migration, by_name);
    if (n < 0) {
        log_error("cannot read %s", dir);
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        if (rc == 0) {
            int x = apply_one(db, dir, list[i]->d_name);
            if (x > 0 && applied)
                applied(list[i]->d_name, ctx);
            rc = x < 0 ? -1 : 0;
        }
        free(list[i]);
    }
    free(list);
    return rc;
}
