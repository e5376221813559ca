/* confver: see confver.h. */
#include "desk/confver.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "desk/brand.h"
#include "core/log.h"
#include "desk/customer/tags.h"
#include "desk/ticket/ticket_fields.h"

static const char sql_read[] = "SELECT version FROM config_version WHERE id = 1";
static const char sql_bump[] =
    "UPDATE config_version SET version = version + 1, changed_at = ? WHERE id = 1";

long long confver_read(desk_t *d)
{
    long long v = 0;
    return db_row(&d->db, sql_read, "", "i", &v) == 1 ? v : -1;
}

int confver_bump(desk_t *d)
{
    int rc = db_exec(&d->db, sql_bump, "t", desk_now(d));
    return rc == 1 ? 0 : rc < 0 ? rc : OUTCOME_UNAVAILABLE;
}

void confver_touch(desk_t *d)
{
    if (!d->stamp_file)
        return;
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", d->stamp_file, (long)getpid());
    /* only the change of the file counts; its text is for people */
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    FILE *f = fopen(tmp, "w");
    bool ok = f && fprintf(f, "changed %lld.%09ld by pid %ld\n", (long long)now.tv_sec,
                           now.tv_nsec, (long)getpid()) > 0;
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok || rename(tmp, d->stamp_file) != 0) {
        log_error("cannot write the config stamp %s: %s", d->stamp_file, strerror(errno));
        unlink(tmp);
    }
}

/* What pages and notification texts show of the catalogue, the core ticket
 * fields, the portal's brand and the customer tags, into the language data sets (none in a
 * program that loads none). */
static void publish(desk_t *d)
{
    if (!d->texts.global[0])
        return;
    catalog_publish(&d->catalog, &d->texts);
    ticket_fields_publish(&d->texts);
    brand_publish(d);
    tags_publish(d);
}

/* Loads catalogue and settings afresh; keeps the old ones on failure. */
static int reload(desk_t *d, long long version)
{
    catalog_t fresh;
    if (catalog_load(&fresh, &d->db)) {
        catalog_free(&fresh);
        log_error("cannot reload the catalogue; keeping version %lld", d->config_version);
        return -1;
    }
    if (settings_load(&d->settings, &d->db)) {
        catalog_free(&fresh);
        log_error("cannot reload the settings; keeping version %lld", d->config_version);
        return -1;
    }
    if (mailtpl_load(&d->mailtpls, &d->db)) /* keeps the texts it had */
        log_error("cannot reload the notification templates");
    catalog_free(&d->catalog);
    d->catalog = fresh;
    publish(d);
    d->config_version = version;
    return 0;
}

int confver_load(desk_t *d)
{
    /* the version first: a change committed while loading is seen next time */
    long long v = confver_read(d);
    if (catalog_load(&d->catalog, &d->db))
        return -1;
    if (v < 0 || settings_load(&d->settings, &d->db))
        log_error("no config_version/settings tables yet (run deskctl migrate)");
    else if (mailtpl_load(&d->mailtpls, &d->db))
        log_error("no mail_templates table yet (run deskctl migrate)");
    d->config_version = v;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    d->checked_at = now.tv_sec;
    confver_stamp_changed(d);
    publish(d);
    return 0;
}

bool confver_stamp_changed(desk_t *d)
{
    struct stat st;
    if (!d->stamp_file || stat(d->stamp_file, &st) != 0)
        return false;
    bool changed = st.st_ino != d->stamp_ino || st.st_mtim.tv_sec != d->stamp_mtime.tv_sec ||
                   st.st_mtim.tv_nsec != d->stamp_mtime.tv_nsec;
    d->stamp_ino = st.st_ino;
    d->stamp_mtime = st.st_mtim;
    return changed;
}

void confver_refresh(desk_t *d)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    bool due = now.tv_sec - d->checked_at >= d->check_seconds;
    if (!confver_stamp_changed(d) && !due)
        return;
    d->checked_at = now.tv_sec;
    long long v = confver_read(d);
    if (v >= 0 && v != d->config_version)
        reload(d, v);
}
