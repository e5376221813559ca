/* deskctl: the operator's command line.
 *
 *   deskctl [-c CONFIG] migrate DIR        apply sql/migrations not yet applied
 *   deskctl [-c CONFIG] demo FILE          load demo people and write their
 *                                          logins and an API key to FILE
 *   deskctl [-c CONFIG] api-key LABEL [all|reports] [priority:set] [review]
 *                                          create an API key, print it once
 *   deskctl [-c CONFIG] rotate-contact-key  create the next contact key and
 *                                          re-seal every contact value with it
 *                                          (or finish an interrupted run)
 *   deskctl [-c CONFIG] stats-rebuild [all] write the statistics' rows of the
 *                                          tickets that have none (all: of
 *                                          every ticket, from their history) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "desk/people/apikey.h"
#include "desk/attachment.h"
#include "desk/demo.h"
#include "desk/desk.h"
#include "core/log.h"
#include "core/text.h"
#include "desk/customer/rekey.h"
#include "desk/stats/facts.h"
#include "desk/worker.h"
#include "store/migrate.h"

static void print_applied(const char *name, void *ctx)
{
    (void)ctx;
    printf("applied %s\n", name);
}

static int migrate(desk_t *d, const char *dir)
{
    return migrate_run(&d->db, dir, print_applied, NULL) ? 1 : 0;
}

static void write_signin(const char *key, const char *login, const char *password, void *ctx)
{
    fprintf(ctx, "%s_USER=%s\n%s_PASSWORD=%s\n", key, login, key, password);
}

static int demo(desk_t *d, const char *out_path)
{
    FILE *out = fopen(out_path, "w");
    if (!out) {
        log_error("cannot write %s", out_path);
        return 1;
    }
    fchmod(fileno(out), 0600);
    char key[APIKEY_TEXT_LEN + 1];
    if (demo_load(d, write_signin, out) ||
        apikey_create(d, "demo monitoring", &(apikey_grants_t){0}, key)) {
        fclose(out);
        return 1;
    }
    fprintf(out, "API_KEY=%s\n", key);
    return fclose(out) ? 1 : 0;
}

/* ---- rotate-contact-key (README "Rotating the contact key") ------------ */

/* Creates the next contact key, then gives running programs time to see it
 * (they stat the key directory before each seal) and to commit what they
 * sealed just before; a value sealed with the older key after this is found
 * by the final count. */
static int new_contact_key(desk_t *d, unsigned *key)
{
    char err[512];
    if (secret_create_key(&d->secrets, key, err, sizeof err)) {
        fprintf(stderr, "cannot create a contact key: %s\n", err);
        return -1;
    }
    long grace = config_get_int(&d->cfg, CFG_SECRETS_CONTACT_KEY_GRACE_SECONDS);
    printf("created contact key %u: %s/%u.key (mode 0600)\n", *key, secret_key_dir(&d->secrets),
           *key);
    printf("waiting %ld s for running programs to start sealing with it\n", grace);
    fflush(stdout);
    sleep((unsigned)grace);
    return 0;
}

/* The key to re-seal under: the newest when rows are still under an older
 * one (an interrupted run), else a new one. */
static int rotation_target(desk_t *d, unsigned *key, int *created)
{
    long long left[REKEY_TABLES];
    *key = secret_newest_key(&d->secrets);
    *created = 0;
    long long behind = *key ? rekey_left(d, *key, left) : 0;
    if (behind < 0)
        return -1;
    if (behind == 0) {
        *created = 1;
        return new_contact_key(d, key);
    }
    time_t started;
    int finished;
    char when[64] = "an earlier run";
    if (rekey_last_run(d, *key, &started, &finished) == 0 && started)
        strftime(when, sizeof when, "the run of %Y-%m-%d %H:%M %Z", localtime(&started));
    printf("resuming the rotation to contact key %u (%s); rows still under an older key: %lld\n",
           *key, when, behind);
    return 0;
}

static void print_counts(const rekey_count_t *c, unsigned key)
{
    for (int i = 0; i < REKEY_TABLES; i++) {
        printf("%-18s %lld rows read, %lld re-sealed, %lld already under key %u", rekey_table(i),
               c[i].rows, c[i].resealed, c[i].current, key);
        if (c[i].unreadable || c[i].conflicts)
            printf(", %lld unreadable, %lld duplicate contacts (left as they are)",
                   c[i].unreadable, c[i].conflicts);
        printf("\n");
    }
}

/* The verdict: whether older key files may go. 0 when nothing is left. */
static int rotation_verdict(desk_t *d, unsigned key, long long behind, const long long *left)
{
    if (behind > 0) {
        printf("rows still under an older contact key: %lld (", behind);
        for (int i = 0, first = 1; i < REKEY_TABLES; i++)
            if (left[i]) {
                printf("%s%s %lld", first ? "" : ", ", rekey_table(i), left[i]);
                first = 0;
            }
        printf("): keep every key file and run rotate-contact-key again\n");
        return 1;
    }
    unsigned ids[SECRET_MAX_KEYS];
    int n = secret_key_ids(&d->secrets, ids, SECRET_MAX_KEYS);
    printf("every sealed contact value now uses contact key %u\n", key);
    for (int i = 0; i < n; i++)
        if (ids[i] != key)
            printf("no row uses %s/%u.key any more: it may be removed"
                   " (this command never deletes key files)\n",
                   secret_key_dir(&d->secrets), ids[i]);
    printf("key 0 comes from the master key, which stays: it also makes the token hashes"
           " (sessions, API keys, follow links)\n");
    return 0;
}

static int rotate_contact_key(desk_t *d)
{
    unsigned key;
    int created, lock = rekey_lock(d);
    if (lock != 1) {
        fprintf(stderr, lock ? "cannot take the rotation lock\n"
                             : "another rotate-contact-key is running\n");
        return 1;
    }
    long long run, resealed = 0, left[REKEY_TABLES];
    rekey_count_t counts[REKEY_TABLES];
    time_t last;
    if (rekey_last_run(d, 0, &last, &created)) {
        fprintf(stderr, "cannot read contact_key_rotations: run deskctl migrate first\n");
        return 1;
    }
    if (rotation_target(d, &key, &created) || rekey_started(d, key, created, &run))
        return 1;
    int rc = rekey_run(d, key, REKEY_BATCH, counts, stderr);
    print_counts(counts, key);
    for (int i = 0; i < REKEY_TABLES; i++)
        resealed += counts[i].resealed;
    long long behind = rekey_left(d, key, left);
    if (behind < 0 || rekey_finished(d, run, resealed, behind))
        return 1;
    return rotation_verdict(d, key, behind, left) || rc ? 1 : 0;
}

/* Business time needs the whole domain (priorities, calendars): a worker's
 * context. */
static int stats_rebuild_all(desk_t *d, bool all)
{
    long done = 0;
    int rc = worker_open(d) || stats_rebuild(d, !all, &done) ? 1 : 0;
    printf("statistics written for %ld ticket(s)\n", done);
    desk_close(d);
    return rc;
}

int main(int argc, char **argv)
{
    desk_t d;
    log_set_program("deskctl");
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "-c") == 0)
        first = 3;
    if (argc - first < 1) {
        fprintf(stderr, "usage: deskctl [-c CONFIG] migrate DIR | demo FILE"
                        " | api-key LABEL [all|reports] [" APIKEY_GRANT_SET_PRIORITY "] [" APIKEY_GRANT_REVIEW "]"
                        " | rotate-contact-key | sweep-attachments [HOURS] | stats-rebuild [all]\n");
        return 2;
    }
    const char *cmd = argv[first], *arg = argc - first > 1 ? argv[first + 1] : NULL;
    if (desk_configure(&d, config_path_from_args(argc, argv)))
        return 1;
    if (strcmp(cmd, "stats-rebuild") == 0)
        return stats_rebuild_all(&d, arg && strcmp(arg, "all") == 0);
    if (secrets_load(&d.secrets, &d.cfg) || db_open(&d.db, &d.cfg) != OUTCOME_OK)
        return 1;
    int rc = 2;
    if (strcmp(cmd, "migrate") == 0 && arg)
        rc = migrate(&d, arg);
    else if (strcmp(cmd, "demo") == 0 && arg)
        rc = demo(&d, arg);
    else if (strcmp(cmd, "api-key") == 0 && arg) {
        char key[APIKEY_TEXT_LEN + 1];
        apikey_grants_t may = {0};
        rc = 0;
        for (int i = first + 2; i < argc; i++)
            if (strcmp(argv[i], "all") == 0)
                may.all_tickets = true;
            else if (strcmp(argv[i], "reports") == 0)
                may.reports = true;
            else if (strcmp(argv[i], APIKEY_GRANT_SET_PRIORITY) == 0)
                may.set_priority = true;
            else if (strcmp(argv[i], APIKEY_GRANT_REVIEW) == 0)
                may.review = true;
            else
                rc = 2, fprintf(stderr, "unknown grant %s\n", argv[i]);
        if (rc == 0)
            rc = apikey_create(&d, arg, &may, key) ? 1 : (printf("%s\n", key), 0);
    } else if (strcmp(cmd, "rotate-contact-key") == 0)
        rc = rotate_contact_key(&d);
    else if (strcmp(cmd, "sweep-attachments") == 0) {
        /* files a worker stored but never recorded (it died before its
         * commit); a day's margin keeps uploads in flight */
        long removed, kept;
        long long hours = 24;
        if (arg && !text_whole(arg, 1, 100000, &hours))
            hours = 24;
        rc = attachment_sweep(&d, (long)hours * 3600, &removed, &kept) ? 1 : 0;
        printf("%ld unrecorded file(s) removed, %ld recorded kept\n", removed, kept);
    }
    else
        fprintf(stderr, "unknown command\n");
    db_close(&d.db);
    secrets_free(&d.secrets);
    config_free(&d.cfg);
    return rc;
}
