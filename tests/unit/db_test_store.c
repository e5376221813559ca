/* Unit tests of the store's connection (lib/store/db.c) against a real
 * MariaDB (tests/unit/dbtest.h): a worker that has prepared more distinct
 * statements than its cache holds goes on answering, the statements it
 * uses most stay prepared. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>

#include "dbtest.h"

#define MORE (DB_MAX_STMTS + 44)

/* Distinct texts at distinct addresses: the cache knows statements by
 * address, as it knows the string literals of the modules. */
static char texts[MORE][48];

static void more_statements_than_the_cache_holds(void **state)
{
    desk_t *d = *state;
    static const char *const hot = "SELECT ? + 1000";
    for (int i = 0; i < MORE; i++) {
        snprintf(texts[i], sizeof texts[i], "SELECT ? + %d", i);
        assert_int_equal(dbtest_int(d, texts[i], 1), i + 1);
        assert_int_equal(dbtest_int(d, hot, 1), 1001);
    }
    assert_int_equal(d->db.ncache, DB_MAX_STMTS);
    /* the first ones were closed to make room; asked for again, they are
     * prepared again and answer */
    for (int i = 0; i < 3; i++)
        assert_int_equal(dbtest_int(d, texts[i], 2), i + 2);
    int hot_cached = 0;
    for (int i = 0; i < d->db.ncache; i++)
        hot_cached += d->db.cache[i].sql == hot;
    assert_int_equal(hot_cached, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(more_statements_than_the_cache_holds),
    };
    return DBTEST_RUN("db_test_store", tests);
}
