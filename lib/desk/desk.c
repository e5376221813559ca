/* desk: see desk.h. */
#include "desk/desk.h"

#include <magic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/log.h"

int desk_configure(desk_t *d, const char *config_path)
{
    memset(d, 0, sizeof *d);
    if (config_load(&d->cfg, config_path))
        return -1;
    setenv("TZ", config_str(&d->cfg, "Desk.TimeZone", "Asia/Shanghai"), 1);
    tzset();
    const char *pattern = config_str(&d->cfg, "Desk.TicketNumberFormat", TN_DEFAULT_PATTERN);
    if (!tn_pattern_valid(pattern)) {
        log_error("Desk.TicketNumberFormat %s is not a valid pattern", pattern);
        return -1;
    }
    snprintf(d->number_pattern, sizeof d->number_pattern, "%s", pattern);
    snprintf(d->base_url, sizeof d->base_url, "%s",
             config_str(&d->cfg, "Desk.BaseURL", "http://127.0.0.1:8080"));
    d->at_risk_seconds = config_int(&d->cfg, "Queue.AtRiskMinutes", 120, 1, 100000) * 60;
    wallclock_init(&d->clock, &d->cfg);
    d->default_lang = lang_parse(config_str(&d->cfg, "Desk.DefaultLanguage", "zh"));
    d->stamp_file = config_str(&d->cfg, "Desk.StampFile", NULL);
    d->check_seconds = config_int(&d->cfg, "Config.CheckSeconds", 5, 1, 3600);
    return 0;
}

int desk_open(desk_t *d)
{
    if (secrets_load(&d->secrets, &d->cfg) || db_open(&d->db, &d->cfg) != DB_OK)
        return -1;
    return texts_load(&d->texts, &d->cfg);
}

void desk_close(desk_t *d)
{
    if (d->magic)
        magic_close(d->magic);
    d->magic = NULL;
    tpl_free(&d->mail);
    texts_free(&d->texts);
    catalog_free(&d->catalog);
    settings_free(&d->settings);
    mailtpl_free(&d->mailtpls);
    db_close(&d->db);
    config_free(&d->cfg);
}

time_t desk_now(desk_t *d) { return wallclock_now(&d->clock); }
