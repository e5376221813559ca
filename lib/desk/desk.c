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
    if (config_check(&d->cfg)) {
        log_error("%s: not starting until the keys above are put right", config_path);
        return -1;
    }
    const config_t *c = &d->cfg;
    setenv("TZ", config_get_str(c, CFG_DESK_TIME_ZONE), 1);
    tzset();
    const char *pattern = config_get_str(c, CFG_DESK_TICKET_NUMBER_FORMAT);
    if (!tn_pattern_valid(pattern)) {
        log_error("Desk.TicketNumberFormat %s is not a valid pattern", pattern);
        return -1;
    }
    snprintf(d->number_pattern, sizeof d->number_pattern, "%s", pattern);
    snprintf(d->base_url, sizeof d->base_url, "%s", config_get_str(c, CFG_DESK_BASE_URL));
    d->at_risk_seconds = config_get_seconds(c, CFG_QUEUE_AT_RISK_MINUTES);
    wallclock_init(&d->clock, c);
    d->default_lang = lang_parse(config_get_str(c, CFG_DESK_DEFAULT_LANGUAGE));
    d->stamp_file = config_get_str(c, CFG_DESK_STAMP_FILE);
    d->check_seconds = config_get_int(c, CFG_CONFIG_CHECK_SECONDS);
    return 0;
}

int desk_open(desk_t *d)
{
    if (secrets_load(&d->secrets, &d->cfg) || db_open(&d->db, &d->cfg) != OUTCOME_OK)
        return -1;
    return texts_load(&d->texts, &d->cfg);
}

void desk_close(desk_t *d)
{
    if (d->magic)
        magic_close(d->magic);
    d->magic = NULL;
    free(d->stats_cache);
    d->stats_cache = NULL;
    tpl_free(&d->mail);
    texts_free(&d->texts);
    catalog_free(&d->catalog);
    settings_free(&d->settings);
    mailtpl_free(&d->mailtpls);
    db_close(&d->db);
    secrets_free(&d->secrets); /* the keys are wiped, not only freed */
    config_free(&d->cfg);
}

time_t desk_now(desk_t *d) { return wallclock_now(&d->clock); }
