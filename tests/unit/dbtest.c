/* dbtest: see dbtest.h. */
#include "dbtest.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/log.h"
#include "desk/people/people.h"
#include "desk/worker.h"

#define NAME_MAX_LEN 64

static desk_t desk;
static bool opened;
static char work_conf[512];      /* the binary's config: its own DB.Name */
static char pristine[NAME_MAX_LEN + 1], work[2 * NAME_MAX_LEN + 2]; /* checked: plain_name() */
static char *reset_sql;          /* the pristine rows back, every table */

/* ---- the binary's database -------------------------------------------------- */

static bool plain_name(const char *s)
{
    size_t n = strlen(s);
    return n > 0 && n <= NAME_MAX_LEN && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    int c;
    while (f && out && (c = fgetc(f)) != EOF)
        fputc(c, out);
    if (out)
        fclose(out);
    if (f)
        fclose(f);
    else {
        free(buf);
        buf = NULL;
    }
    return buf;
}

/* The config of this binary: the pristine one with its own database, no
 * shared clock file and no stamp file. */
static int write_work_conf(const char *from)
{
    char *text = read_text(from);
    if (!text) {
        fprintf(stderr, "dbtest: cannot read %s: %s\n", from, strerror(errno));
        return -1;
    }
    const char *tmp = getenv("TMPDIR");
    snprintf(work_conf, sizeof work_conf, "%s/dbtest-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp",
             work);
    int fd = mkstemp(work_conf);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    int rc = f && fprintf(f, "%s\nDB.Name = %s\nClock.OffsetFile =\nClock.OffsetSeconds = 0\n"
                             "Desk.StampFile =\n", text, work) > 0 ? 0 : -1;
    if (f && fclose(f) != 0)
        rc = -1;
    free(text);
    if (rc)
        fprintf(stderr, "dbtest: cannot write %s\n", work_conf);
    return rc;
}

/* The migration runner on the binary's database. */
static int migrate(void)
{
    const char *prog = getenv("DESK_DESKCTL"), *dir = getenv("DESK_MIGRATIONS");
    prog = prog && *prog ? prog : "build/deskctl";
    dir = dir && *dir ? dir : "sql/migrations";
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0)
            dup2(null, STDOUT_FILENO);
        execl(prog, prog, "-c", work_conf, "migrate", dir, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0) {
        fprintf(stderr, "dbtest: %s -c %s migrate %s failed\n", prog, work_conf, dir);
        return -1;
    }
    return 0;
}

static const char sql_columns[] =
    "SELECT table_name, GROUP_CONCAT(CONCAT('`', column_name, '`') ORDER BY ordinal_position)"
    " FROM information_schema.columns WHERE table_schema = ? AND is_generated = 'NEVER'"
    " AND table_name <> 'schema_migrations' GROUP BY table_name ORDER BY table_name";
static const char sql_triggered[] =
    "SELECT DISTINCT event_object_table FROM information_schema.triggers"
    " WHERE trigger_schema = ? ORDER BY 1";

/* The script that puts the pristine rows back: tables whose triggers refuse
 * deletes (the history) are truncated, the others emptied and refilled in one
 * transaction, foreign keys unchecked meanwhile. */
static int build_reset(db_t *db)
{
    char *text = NULL, *cols = NULL, table[NAME_MAX_LEN + 1];
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return -1;
    MYSQL_STMT *st = db_query(db, sql_triggered, "s", work);
    int rc = st ? 1 : -1;
    fprintf(f, "SET FOREIGN_KEY_CHECKS = 0;\n");
    while (st && (rc = db_fetch(st, "s", table, sizeof table)) == 1)
        fprintf(f, "TRUNCATE TABLE `%s`;\n", table);
    db_done(st);
    fprintf(f, "START TRANSACTION;\n");
    st = rc == 0 ? db_query(db, sql_columns, "s", work) : NULL;
    rc = st ? 1 : -1;
    while (st && (rc = db_fetch(st, "sS", table, sizeof table, &cols)) == 1) {
        fprintf(f, "DELETE FROM `%s`;\nINSERT INTO `%s` (%s) SELECT %s FROM `%s`.`%s`;\n", table,
                table, cols, cols, pristine, table);
        free(cols);
        cols = NULL;
    }
    db_done(st);
    fprintf(f, "COMMIT;\nSET FOREIGN_KEY_CHECKS = 1;\n");
    fclose(f);
    if (rc != 0) {
        fprintf(stderr, "dbtest: cannot read the tables of %s\n", work);
        free(text);
        return -1;
    }
    reset_sql = text;
    return 0;
}

static const char sql_recreate[] = "DROP DATABASE IF EXISTS `%s`;"
                                   " CREATE DATABASE `%s` CHARACTER SET utf8mb4"
                                   " COLLATE utf8mb4_unicode_ci;";

/* Makes the binary's database from the migrations, beside the pristine one
 * named by the config. */
static int make_database(const char *conf)
{
    desk_t d;
    char sql[sizeof sql_recreate + 4 * NAME_MAX_LEN];
    if (desk_configure(&d, conf))
        return -1;
    snprintf(pristine, sizeof pristine, "%s", config_str(&d.cfg, "DB.Name", ""));
    snprintf(work, sizeof work, "%s_%s", pristine,
             strncmp(program_invocation_short_name, "db_test_", 8)
                 ? program_invocation_short_name
                 : program_invocation_short_name + 8);
    int rc = plain_name(pristine) && plain_name(work) ? 0 : -1;
    if (rc)
        fprintf(stderr, "dbtest: database names %s / %s are not plain\n", pristine, work);
    if (rc == 0 && db_open(&d.db, &d.cfg) != OUTCOME_OK) {
        fprintf(stderr, "dbtest: cannot connect with %s\n", conf);
        rc = -1;
    }
    snprintf(sql, sizeof sql, sql_recreate, work, work);
    if (rc == 0 && db_run_script(&d.db, sql) != OUTCOME_OK) {
        fprintf(stderr, "dbtest: cannot make database %s (the user needs rights on %s_*)\n",
                work, pristine);
        rc = -1;
    }
    if (rc == 0)
        rc = write_work_conf(conf);
    if (rc == 0)
        rc = migrate();
    if (rc == 0)
        rc = build_reset(&d.db);
    if (rc && *work_conf)
        unlink(work_conf); /* it holds the password */
    db_close(&d.db);
    config_free(&d.cfg);
    return rc;
}

/* ---- the context --------------------------------------------------------------- */

static int open_context(desk_t *d)
{
    if (desk_configure(d, work_conf) || worker_open(d)) {
        fprintf(stderr, "dbtest: cannot open the context on %s\n", work);
        return -1;
    }
    return 0;
}

static void close_context(void)
{
    if (opened)
        desk_close(&desk);
    opened = false;
}

int dbtest_group_setup(void **state)
{
    const char *conf = getenv("DESK_UNIT_CONFIG");
    if (!conf || !*conf) {
        fprintf(stderr, "dbtest: DESK_UNIT_CONFIG is not set: these tests run against a"
                        " MariaDB (make test sets it; see tests/unit/dbtest.h)\n");
        return -1;
    }
    log_set_program(program_invocation_short_name);
    if (make_database(conf))
        return -1;
    *state = &desk;
    return 0;
}

int dbtest_group_teardown(void **state)
{
    (void)state;
    close_context();
    if (*work_conf)
        unlink(work_conf);
    free(reset_sql);
    reset_sql = NULL;
    return 0;
}

int dbtest_setup(void **state)
{
    close_context();
    db_t db;
    config_t cfg;
    if (config_load(&cfg, work_conf))
        return -1;
    int rc = db_open(&db, &cfg) == OUTCOME_OK && db_run_script(&db, reset_sql) == OUTCOME_OK ? 0 : -1;
    db_close(&db);
    config_free(&cfg);
    if (rc || open_context(&desk)) {
        fprintf(stderr, "dbtest: cannot reset %s\n", work);
        return -1;
    }
    opened = true;
    dbtest_at_local(&desk, DBTEST_START);
    *state = &desk;
    return 0;
}

void dbtest_reload(desk_t *d)
{
    long offset = d->clock.offset;
    desk_close(d);
    assert_int_equal(open_context(d), 0);
    d->clock.offset = offset;
}

int dbtest_open_child(desk_t *child, const desk_t *parent)
{
    if (open_context(child))
        return -1;
    child->clock.offset = parent->clock.offset;
    return 0;
}

int dbtest_parallel(desk_t *d, int n, int (*fn)(desk_t *child, int index, void *arg),
                    void *arg)
{
    int go[2], failed = 0;
    pid_t pids[64];
    assert_true(n > 0 && n <= 64);
    assert_int_equal(pipe(go), 0);
    fflush(NULL);
    for (int i = 0; i < n; i++) {
        pids[i] = fork();
        assert_true(pids[i] >= 0);
        if (pids[i] == 0) {
            desk_t child;
            char c;
            close(go[1]);
            int rc = dbtest_open_child(&child, d);
            (void)!read(go[0], &c, 1); /* returns when the parent closes its end */
            _exit(rc == 0 && fn(&child, i, arg) == 0 ? 0 : 1);
        }
    }
    close(go[0]);
    close(go[1]); /* go */
    for (int i = 0; i < n; i++) {
        int status;
        assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
        failed += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    }
    return failed;
}

/* ---- the clock ---------------------------------------------------------------- */

/* The desk reads the time only through desk_now(): the system's time() plus
 * the context's offset. In these tests the system clock stands still: this
 * time() takes the C library's place for the code linked into the test
 * binary and answers the second the binary first asked, so an operation
 * stamps exactly the instant the test set, however loaded the machine, and
 * setting the clock costs no wait. */
static time_t stopped;

time_t time(time_t *out)
{
    if (!stopped) {
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        stopped = now.tv_sec;
    }
    if (out)
        *out = stopped;
    return stopped;
}

time_t dbtest_local(const char *when)
{
    struct tm tm = {0};
    const char *end = strptime(when, "%Y-%m-%d %H:%M", &tm);
    assert_non_null(end);
    if (*end == ':')
        end = strptime(end + 1, "%S", &tm);
    assert_true(end && !*end);
    tm.tm_isdst = -1;
    return mktime(&tm);
}

void dbtest_at(desk_t *d, time_t t)
{
    d->clock.offset = (long)(t - time(NULL));
    assert_int_equal(desk_now(d), t);
}

void dbtest_at_local(desk_t *d, const char *when) { dbtest_at(d, dbtest_local(when)); }

/* ---- fixtures ---------------------------------------------------------------- */

long long dbtest_team(desk_t *d, const char *code)
{
    for (int i = 0; i < d->catalog.nteams; i++)
        if (strcmp(d->catalog.teams[i].code, code) == 0)
            return d->catalog.teams[i].id;
    return 0;
}

void dbtest_agent(desk_t *d, const char *login, const char *role, const char *teams,
                  bool contacts, agent_t *out)
{
    person_t p = {.can_see_contacts = contacts, .active = true};
    char ids[PEOPLE_IDS_LEN] = "", list[256];
    snprintf(p.login, sizeof p.login, "%s", login);
    snprintf(p.name, sizeof p.name, "%s", login);
    snprintf(p.email, sizeof p.email, "%s@unit.test", login);
    snprintf(p.role, sizeof p.role, "%s", role);
    snprintf(p.language, sizeof p.language, "zh");
    memset(out, 0, sizeof *out);
    assert_int_equal(people_create(d, &p, "unit-test-no-password", &out->id), OUTCOME_OK);
    snprintf(list, sizeof list, "%s", teams);
    for (char *save, *code = strtok_r(list, ",", &save); code; code = strtok_r(NULL, ",", &save)) {
        long long team = dbtest_team(d, code);
        size_t n = strlen(ids);
        assert_true(team > 0);
        snprintf(ids + n, sizeof ids - n, "%s%lld", n ? "," : "", team);
        out->teams[out->nteams++] = team;
    }
    assert_int_equal(people_set_teams(d, out->id, ids, ids), OUTCOME_OK);
    snprintf(out->login, sizeof out->login, "%s", login);
    snprintf(out->name, sizeof out->name, "%s", login);
    snprintf(out->language, sizeof out->language, "zh");
    out->role = !strcmp(role, "admin")        ? ROLE_ADMIN
                : !strcmp(role, "director")   ? ROLE_DIRECTOR
                : !strcmp(role, "supervisor") ? ROLE_SUPERVISOR
                                              : ROLE_AGENT;
    out->can_see_contacts = contacts;
}

ticket_new_t dbtest_request(desk_t *d, const char *category)
{
    static char keys[256][32];
    static unsigned next;
    char *key = keys[next++ % 256];
    snprintf(key, sizeof keys[0], "unit-%d-%u", (int)getpid(), next);
    ticket_new_t in = {
        .channel = catalog_channel(&d->catalog, "web"),
        .category = catalog_category(&d->catalog, category),
        .subject = "打印机无法连接",
        .description = "从今天早上开始，办公室的打印机无法连接。",
        .contact_name = "王小明",
        .impact = "individual",
        .language = "zh",
        .submit_key = key,
        .actor = {.type = "customer", .name = "王小明"},
    };
    assert_non_null(in.channel);
    assert_non_null(in.category);
    return in;
}

long long dbtest_create(desk_t *d, const ticket_new_t *in, ticket_receipt_t *out)
{
    ticket_receipt_t r;
    assert_int_equal(ticket_create(d, in, &r), OUTCOME_OK);
    assert_true(r.id > 0);
    if (out)
        *out = r;
    return r.id;
}

void dbtest_load(desk_t *d, long long id, ticket_t *t)
{
    assert_int_equal(ticket_by_id(d, id, t), OUTCOME_OK);
}

typedef struct event_count {
    const char *kind;
    int n;
    ticket_event_t last;
    char body[2048];
} event_count_t;

static void count_event(const ticket_event_t *e, void *ctx)
{
    event_count_t *c = ctx;
    if (c->kind && strcmp(c->kind, e->kind) != 0)
        return;
    c->n++;
    c->last = *e;
    c->last.body = NULL;
    snprintf(c->body, sizeof c->body, "%s", e->body ? e->body : "");
}

int dbtest_events(desk_t *d, long long ticket, const char *kind, ticket_event_t *last)
{
    event_count_t c = {.kind = kind};
    assert_int_equal(ticket_each_event(d, ticket, false, count_event, &c), OUTCOME_OK);
    if (last)
        *last = c.last;
    return c.n;
}

int dbtest_event_body(desk_t *d, long long ticket, const char *kind, char *body, size_t cap)
{
    event_count_t c = {.kind = kind};
    assert_int_equal(ticket_each_event(d, ticket, false, count_event, &c), OUTCOME_OK);
    snprintf(body, cap, "%s", c.body);
    return c.n;
}

static const char sql_outbox[] =
    "SELECT channel, kind, language, recipient_sealed, subject FROM outbox"
    " WHERE ticket_id = ? ORDER BY id";

int dbtest_mails(desk_t *d, long long ticket, const char *kind, const char *recipient,
                 dbtest_mail_t *last)
{
    unsigned char sealed[SECRET_SEALED_LEN(320)];
    size_t slen;
    dbtest_mail_t m;
    int n = 0, rc;
    MYSQL_STMT *st = db_query(&d->db, sql_outbox, "i", ticket);
    assert_non_null(st);
    while (memset(&m, 0, sizeof m),
           (rc = db_fetch(st, "sssbs", m.channel, sizeof m.channel, m.kind, sizeof m.kind,
                          m.language, sizeof m.language, sealed, sizeof sealed, &slen, m.subject,
                          sizeof m.subject)) == 1) {
        assert_int_equal(secret_open(&d->secrets, sealed, slen, m.recipient, sizeof m.recipient),
                         0);
        if ((kind && strcmp(kind, m.kind)) || (recipient && strcmp(recipient, m.recipient)))
            continue;
        n++;
        if (last)
            *last = m;
    }
    db_done(st);
    assert_int_equal(rc, 0);
    return n;
}

long long dbtest_int(desk_t *d, const char *sql, long long param)
{
    long long v = 0;
    assert_int_equal(db_row(&d->db, sql, "i", "i", param, &v), 1);
    return v;
}
