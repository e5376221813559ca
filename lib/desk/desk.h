/* desk: the per-worker context, the only state a worker keeps between
 * requests: its configuration, database connection, keys, reference data
 * and parsed templates. Built by desk_open() after fork. */
#ifndef DESK_DESK_H
#define DESK_DESK_H

#include <sys/types.h>
#include <time.h>

#include "desk/catalog/catalog.h"
#include "core/config.h"
#include "store/db.h"
#include "web/http.h"
#include "desk/notify/mailtpl.h"
#include "core/secret.h"
#include "core/tpl.h"
#include "core/wallclock.h"
#include "desk/settings.h"
#include "desk/ticket/ticket_number.h"
#include "web/view.h"

typedef struct desk {
    config_t cfg;
    db_t db;
    secrets_t secrets;
    catalog_t catalog;
    texts_t texts; /* each language's strings and what every rendering shares */
    tpl_t mail;    /* the notification templates (lib/desk/notify/outbox.h) */
    view_t view;
    char number_pattern[24];
    char base_url[256];
    lang_t default_lang;
    wallclock_t clock; /* what desk_now() reads */
    size_t max_body;   /* request body limit of this program */
    req_limits_t limits; /* form and upload body limits (lib/web/http.h) */
    char upload_dir[1024];
    void *magic;       /* libmagic cookie, opened at the first upload */
    bool pages_on_demand; /* templates parsed per rendering (lib/web/view.h) */
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
} desk_t;

/* Reads the config (once per process, before fork) and sets the process time
 * zone from Desk.TimeZone. 0 or -1. */
int desk_configure(desk_t *d, const char *config_path);
/* After fork: keys, database, catalogue, templates (the program's pages,
 * NULL for none, plus the notification templates). 0 or -1. */
int desk_open(desk_t *d, const char *const *pages);
void desk_close(desk_t *d);

/* The current time, as tests may have moved it (lib/core/wallclock.h). */
time_t desk_now(desk_t *d);

#endif
