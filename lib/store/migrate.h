/* migrate: the migration runner. The schema is a directory of SQL files
 * named NNN_what.sql (sql/migrations), applied once each, in name order;
 * table schema_migrations records which (version NNN, file name, when). A
 * file runs as one script (db_run_script): its text is the operator's,
 * never a user's. */
#ifndef DESK_MIGRATE_H
#define DESK_MIGRATE_H

#include <stdbool.h>

#include "store/db.h"

/* Whether a file name is a migration's: three digits, '_', a name, ".sql". */
bool migrate_is_file(const char *name);

/* Applies the migrations of dir not yet applied, telling applied() the name
 * of each (NULL: nobody). 0, or -1 at the first that fails (logged; the
 * later ones are left for the next run). */
int migrate_run(db_t *db, const char *dir, void (*applied)(const char *name, void *ctx),
                void *ctx);

#endif
