/* config_keys: the table of every configuration key the desk reads, in the
 * manner of nginx's ngx_command_t: one row per key (lib/core/config_keys.c)
 * with its name, type, default, range and meaning. Code names a key by its
 * config_key_t, so the compiler checks every read; the getters of
 * lib/core/config.h take the default and the range from here. */
#ifndef DESK_CONFIG_KEYS_H
#define DESK_CONFIG_KEYS_H

#include <limits.h>

typedef enum config_key {
    CFG_DESK_TIME_ZONE,
    CFG_DESK_TICKET_NUMBER_FORMAT,
    CFG_DESK_BASE_URL,
    CFG_DESK_DEFAULT_LANGUAGE,
    CFG_DESK_STAMP_FILE,
    CFG_CONFIG_CHECK_SECONDS,
    CFG_SITE_NAME,
    CFG_SITE_NAME_EN,
    CFG_DB_SOCKET,
    CFG_DB_NAME,
    CFG_DB_USER,
    CFG_DB_PASSWORD,
    CFG_DB_LOCK_WAIT_SECONDS,
    CFG_DB_IDLE_TRANSACTION_SECONDS,
    CFG_SECRETS_KEY_FILE,
    CFG_SECRETS_CONTACT_KEY_DIR,
    CFG_SECRETS_CONTACT_KEY_GRACE_SECONDS,
    CFG_TEMPLATES_DIR,
    CFG_ATTACHMENTS_DIR,
    CFG_ATTACHMENTS_MAX_BYTES,
    CFG_ATTACHMENTS_MAX_FILES,
    CFG_SLA_CLASSIFY_MINUTES,
    CFG_SLA_ACCEPT_MINUTES,
    CFG_SLA_DEFAULT_WARNING_PERCENT,
    CFG_SLA_ESCALATION_MINUTES,
    /* one of each in every program's block (config_programs) */
    CFG_PROGRAM_LISTEN,
    CFG_PROGRAM_SOCKET_MODE,
    CFG_PROGRAM_WORKERS,
    CFG_PROGRAM_MAX_BODY,
    CFG_PORTAL_WELCOME,
    CFG_PORTAL_WELCOME_EN,
    CFG_PORTAL_PRIMARY_COLOR,
    CFG_PORTAL_ACCENT_COLOR,
    CFG_PORTAL_LOGO,
    CFG_PORTAL_LOGO_TYPE,
    CFG_PORTAL_LOGO_MAX_BYTES,
    CFG_PORTAL_SUBMIT_LIMIT,
    CFG_PORTAL_SUBMIT_ADDRESS_LIMIT,
    CFG_PORTAL_SUBMIT_WINDOW_MINUTES,
    CFG_SESSION_IDLE_MINUTES,
    CFG_SESSION_MAX_HOURS,
    CFG_AUTH_MAX_FAILURES,
    CFG_AUTH_LOCK_MINUTES,
    CFG_AUTH_SOURCE_FAILURES,
    CFG_AUTH_LOGIN_FAILURES,
    CFG_AUTH_FORGET_MINUTES,
    CFG_AUTH_USUAL_SOURCE_DAYS,
    CFG_QUEUE_AT_RISK_MINUTES,
    CFG_QUEUE_COUNT_SECONDS,
    CFG_CONTACTS_SHOW_MINUTES,
    CFG_CONTACTS_REVEAL_ROLES,
    CFG_PROGRESS_CSV_MAX_ROWS,
    CFG_SCHEDULER_INTERVAL_SECONDS,
    CFG_MAIL_SMTP_URL,
    CFG_MAIL_START_TLS,
    CFG_MAIL_USER,
    CFG_MAIL_PASSWORD,
    CFG_MAIL_FROM,
    CFG_MAIL_FROM_NAME,
    CFG_MAIL_TIMEOUT_SECONDS,
    CFG_MAIL_MAX_ATTEMPTS,
    CFG_SMS_URL,
    CFG_SMS_BODY,
    CFG_SMS_KEY,
    CFG_SMS_KEY_HEADER,
    CFG_TAGS_COMPLAINT_COUNT,
    CFG_TAGS_COMPLAINT_DAYS,
    CFG_TAGS_COMPLAINT_CATEGORIES,
    CFG_TAGS_VIP_RAISES_PRIORITY,
    CFG_STATS_REPEAT_DAYS,
    CFG_STATS_MONTHLY_MAIL,
    CFG_STATS_MONTHLY_HOUR,
    CFG_STATS_MONTHLY_ROLES,
    CFG_STATS_MONTHLY_PEOPLE,
    CFG_WORKAROUND_PRIORITIES,
    CFG_WORKAROUND_CATEGORIES,
    CFG_WORKAROUND_LONG_RESOLUTION,
    CFG_CLOCK_OFFSET_SECONDS,
    CFG_CLOCK_OFFSET_FILE,
    CONFIG_KEY_COUNT
} config_key_t;

typedef enum config_type {
    CONFIG_STRING,   /* any text */
    CONFIG_PATH,     /* a file or directory */
    CONFIG_INT,      /* a whole number within [min, max] */
    CONFIG_BOOL,     /* 0 or 1 */
    CONFIG_DURATION, /* a whole number of `unit` seconds within [min, max] */
    CONFIG_ENUM,     /* one of `choices` */
} config_type_t;

/* flags of a key */
#define CONFIG_WEB 1u     /* admins change it on the web: a setting of the same name wins */
#define CONFIG_PROGRAM 2u /* one in each program's block: Portal.Workers, Api.Workers, ... */
#define CONFIG_SECRET 4u  /* never shown; as a setting it is stored sealed */

typedef struct config_def {
    const char *name;     /* "Desk.TimeZone"; for CONFIG_PROGRAM the part after the block */
    config_type_t type;
    const char *def;      /* as the file would write it; NULL: none (the reader goes without) */
    long min, max;        /* INT, DURATION (BOOL: 0, 1) */
    long unit;            /* DURATION: seconds in one unit (60: minutes) */
    const char *const *choices; /* ENUM, NULL-terminated */
    unsigned flags;
    const char *meaning;  /* one line */
} config_def_t;

/* The program blocks (Portal, Api, Agent, Admin), NULL-terminated. */
extern const char *const config_programs[];
/* Upper bound of <program>.Workers. */
#define CONFIG_WORKERS_MAX 256
/* What an integer getter returns for a key without a default that is unset. */
#define CONFIG_UNSET LONG_MIN

/* The table's row of a key. */
const config_def_t *config_def(config_key_t key);
/* The name of a key ("Desk.TimeZone"; for a CONFIG_PROGRAM key the part after
 * the block). */
const char *config_name(config_key_t key);
/* The default of a key as text, NULL when it has none. */
const char *config_default(config_key_t key);
/* The key of a full name ("Portal.Workers" finds CFG_PROGRAM_WORKERS), or -1. */
int config_key_by_name(const char *name);
/* The default of an INT, DURATION or BOOL key as a number (CONFIG_UNSET: none). */
long config_default_int(config_key_t key);

#endif
