/* desk: the domain's per-worker context, the only state a worker keeps
 * between requests: its configuration, database connection, keys and clock,
 * the language data sets and notification templates, the reference data and
 * the settings changed on the web. desk_configure() reads the configuration
 * before fork, desk_open() connects after it, and lib/desk/worker.h loads
 * the rest. A web program's context (lib/web/site.h) holds this one and adds
 * what serving HTTP needs. */
#ifndef DESK_DESK_H
#define DESK_DESK_H

#include <sys/types.h>
#include <time.h>

#include "core/config.h"
#include "core/secret.h"
#include "core/tpl.h"
#include "core/wallclock.h"
#include "store/db.h"
#include "desk/catalog/catalog.h"
#include "desk/notify/mailtpl.h"
#include "desk/settings.h"
#include "desk/ticket/ticket_number.h"
#include "desk/ticket/ticket_sql.h"

typedef struct desk {
    config_t cfg;
    db_t db;
    secrets_t secrets;
    catalog_t catalog;
    texts_t texts; /* each language's strings and what every rendering shares */
    tpl_t mail;    /* the notification templates (lib/desk/notify/outbox.h) */
    char number_pattern[24];
    char base_url[256];
    lang_t default_lang;
    wallclock_t clock; /* what desk_now() reads */
    void *magic;       /* libmagic cookie, opened at the first upload */
    long at_risk_seconds; /* Queue.AtRiskMinutes: a deadline this close is "at risk" */
    /* configuration changed on the web (lib/desk/confver.h, lib/desk/settings.h) */
    settings_t settings;
    mailtpls_t mailtpls;      /* admins' notification texts in force (lib/desk/notify/mailtpl.h) */
    long long config_version; /* of the catalogue and settings loaded */
    const char *stamp_file;   /* Desk.StampFile, or NULL */
    ino_t stamp_ino;          /* the stamp file as last seen */
    struct timespec stamp_mtime;
    time_t checked_at;        /* CLOCK_MONOTONIC seconds of the last version read */
    long check_seconds;       /* Config.CheckSeconds */
    ticket_sql_t ticket_sql;  /* the statements of a ticket's row, built at first use */
    struct stats_figcache *stats_cache; /* the statistics last read (lib/desk/stats/tables.h) */
} desk_t;

/* Reads the config (once per process, before fork), refuses one that does
 * not fit the table of keys (config_check), and sets the process time zone
 * from Desk.TimeZone. 0 or -1. */
int desk_configure(desk_t *d, const char *config_path);
/* After fork: keys, database, language data sets. 0 or -1. */
int desk_open(desk_t *d);
void desk_close(desk_t *d);

/* The current time, as tests may have moved it (lib/core/wallclock.h). */
time_t desk_now(desk_t *d);

#endif
