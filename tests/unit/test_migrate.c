/* Unit tests for lib/store/migrate.c: which files of sql/migrations are
 * migrations (and so run, in name order, once each). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "store/migrate.h"

static void migration_file_names(void **state)
{
    (void)state;
    assert_true(migrate_is_file("001_core.sql"));
    assert_true(migrate_is_file("025_x.sql"));
    assert_false(migrate_is_file("01_core.sql"));   /* three digits */
    assert_false(migrate_is_file("0001_core.sql"));
    assert_false(migrate_is_file("001-core.sql"));  /* then '_' */
    assert_false(migrate_is_file("001_.sql"));      /* and a name */
    assert_false(migrate_is_file("001_core.sql~")); /* an editor's backup */
    assert_false(migrate_is_file("001_core.SQL"));
    assert_false(migrate_is_file("README.md"));
    assert_false(migrate_is_file(""));
}

/* Every file the tree ships in sql/migrations is one, and no two share a
 * number (the version recorded in schema_migrations). */
static void the_shipped_migrations(void **state)
{
    (void)state;
    DIR *dir = opendir("sql/migrations");
    if (!dir)
        skip();
    int seen[1000] = {0}, n = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (e->d_name[0] == '.')
            continue;
        assert_true(migrate_is_file(e->d_name));
        int v = (e->d_name[0] - '0') * 100 + (e->d_name[1] - '0') * 10 + (e->d_name[2] - '0');
        assert_int_equal(seen[v]++, 0);
        n++;
    }
    closedir(dir);
    assert_true(n > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(migration_file_names),
        cmocka_unit_test(the_shipped_migrations),
    };
    return cmocka_run_group_tests_name("migrate", tests, NULL, NULL);
}
