/* config_keys: every configuration key the desk reads, declared once (see
 * config_keys.h). A row: name, type, default, range, unit or choices, flags, and
 * what the key means. README.md's configuration table and conf/desk.hdf list
 * the same keys with the same defaults and ranges. */
#include "core/config_keys.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define MINUTE 60L
#define HOUR 3600L
#define DAY 86400L
#define NONE 0, 0, 0, NULL
#define RANGE(lo, hi) (lo), (hi), 0, NULL
#define DURATION(lo, hi, unit) (lo), (hi), (unit), NULL
#define BOOL01 0, 1, 0, NULL

static const char *const languages[] = {"zh", "en", NULL};

const char *const config_programs[] = {"Portal", "Api", "Agent", "Admin", NULL};

static const config_def_t keys[CONFIG_KEY_COUNT] = {
    [CFG_DESK_TIME_ZONE] = {"Desk.TimeZone", CONFIG_STRING, "Asia/Shanghai", NONE, 0,
                            "time zone of the dates in ticket numbers and of the times shown"},
    [CFG_DESK_TICKET_NUMBER_FORMAT] = {"Desk.TicketNumberFormat", CONFIG_STRING, "YYYYMMDD-NNNN",
                                       NONE, CONFIG_WEB,
                                       "ticket numbers: YYYY MM DD and one run of N"},
    [CFG_DESK_BASE_URL] = {"Desk.BaseURL", CONFIG_STRING, "http://127.0.0.1:8080", NONE, 0,
                           "public address of the portal, prefix of the links sent out"},
    [CFG_DESK_DEFAULT_LANGUAGE] = {"Desk.DefaultLanguage", CONFIG_ENUM, "zh", 0, 0, 0, languages,
                                   0, "language of the pages until the visitor picks one"},
    [CFG_DESK_STAMP_FILE] = {"Desk.StampFile", CONFIG_PATH, NULL, NONE, 0,
                             "file rewritten after every admin change; workers reload on it"},
    [CFG_CONFIG_CHECK_SECONDS] = {"Config.CheckSeconds", CONFIG_DURATION, "5",
                                  DURATION(1, 3600, 1), 0,
                                  "workers re-read the configuration version at least this often"},
    [CFG_SITE_NAME] = {"Site.Name", CONFIG_STRING, "售后服务中心", NONE, CONFIG_WEB,
                       "the site's name on Chinese pages"},
    [CFG_SITE_NAME_EN] = {"Site.NameEn", CONFIG_STRING, "Service Desk", NONE, CONFIG_WEB,
                          "the site's name on English pages"},
    [CFG_DB_SOCKET] = {"DB.Socket", CONFIG_PATH, "/run/mysqld/mysqld.sock", NONE, 0,
                       "MariaDB's unix socket"},
    [CFG_DB_NAME] = {"DB.Name", CONFIG_STRING, "desk", NONE, 0, "database"},
    [CFG_DB_USER] = {"DB.User", CONFIG_STRING, "desk", NONE, 0, "database user"},
    [CFG_DB_PASSWORD] = {"DB.Password", CONFIG_STRING, "", NONE, CONFIG_SECRET,
                         "database password"},
    [CFG_DB_LOCK_WAIT_SECONDS] = {"DB.LockWaitSeconds", CONFIG_DURATION, "10",
                                  DURATION(1, 3600, 1), 0,
                                  "longest wait for a row lock; then the transaction is retried "
                                  "or refused"},
    [CFG_DB_IDLE_TRANSACTION_SECONDS] = {"DB.IdleTransactionSeconds", CONFIG_DURATION, "5",
                                         DURATION(1, 3600, 1), 0,
                                         "the server ends a session idle this long inside a "
                                         "transaction (a frozen worker), releasing its locks"},
    [CFG_SECRETS_KEY_FILE] = {"Secrets.KeyFile", CONFIG_PATH, "/etc/desk/secrets/master.key",
                              NONE, 0, "32 random bytes the desk's keys are derived from"},
    [CFG_SECRETS_CONTACT_KEY_DIR] = {"Secrets.ContactKeyDir", CONFIG_PATH, NULL, NONE, 0,
                                     "contact keys; unset: contact-keys/ beside Secrets.KeyFile"},
    [CFG_SECRETS_CONTACT_KEY_GRACE_SECONDS] = {"Secrets.ContactKeyGraceSeconds",
                                               CONFIG_DURATION, "3", DURATION(0, 600, 1), 0,
                                               "rotate-contact-key waits this long for programs "
                                               "to see a new key"},
    [CFG_TEMPLATES_DIR] = {"Templates.Dir", CONFIG_PATH, "/usr/share/desk/templates", NONE, 0,
                           "templates, language files and static files"},
    [CFG_ATTACHMENTS_DIR] = {"Attachments.Dir", CONFIG_PATH, "/var/lib/desk/attachments", NONE,
                             0, "where attached files and the logo are kept"},
    [CFG_ATTACHMENTS_MAX_BYTES] = {"Attachments.MaxBytes", CONFIG_INT, "10485760",
                                   RANGE(1024, 1L << 30), 0, "largest attached file in bytes"},
    [CFG_ATTACHMENTS_MAX_FILES] = {"Attachments.MaxFiles", CONFIG_INT, "5", RANGE(1, 10), 0,
                                   "files per form submission"},
    [CFG_SLA_CLASSIFY_MINUTES] = {"SLA.ClassifyMinutes", CONFIG_DURATION, "120",
                                  DURATION(1, 100000, MINUTE), 0,
                                  "classification deadline after intake"},
    [CFG_SLA_ACCEPT_MINUTES] = {"SLA.AcceptMinutes", CONFIG_DURATION, "30",
                                DURATION(1, 100000, MINUTE), 0,
                                "time an assignee has to accept a ticket"},
    [CFG_SLA_DEFAULT_WARNING_PERCENT] = {"SLA.DefaultWarningPercent", CONFIG_INT, "75",
                                         RANGE(1, 99), 0,
                                         "share of a deadline after which a warning is raised"},
    [CFG_SLA_ESCALATION_MINUTES] = {"SLA.EscalationMinutes", CONFIG_DURATION, "240",
                                    DURATION(1, 100000, MINUTE), 0,
                                    "business minutes R&D has to answer an escalation"},
    [CFG_PROGRAM_LISTEN] = {"Listen", CONFIG_STRING, NULL, NONE, CONFIG_PROGRAM,
                            "unix socket path or host:port the program listens on"},
    [CFG_PROGRAM_SOCKET_MODE] = {"SocketMode", CONFIG_STRING, "0660", NONE, CONFIG_PROGRAM,
                                 "mode (octal) of a unix socket the program creates"},
    [CFG_PROGRAM_WORKERS] = {"Workers", CONFIG_INT, "4", RANGE(1, CONFIG_WORKERS_MAX),
                             CONFIG_PROGRAM, "pre-forked workers"},
    [CFG_PROGRAM_MAX_BODY] = {"MaxBody", CONFIG_INT, "1048576", RANGE(1024, 1L << 30),
                              CONFIG_PROGRAM, "largest request body in bytes"},
    [CFG_PORTAL_WELCOME] = {"Portal.Welcome", CONFIG_STRING, "", NONE, CONFIG_WEB,
                            "the portal's welcome text in Chinese; empty: the built-in one"},
    [CFG_PORTAL_WELCOME_EN] = {"Portal.WelcomeEn", CONFIG_STRING, "", NONE, CONFIG_WEB,
                               "the portal's welcome text in English; empty: the built-in one"},
    [CFG_PORTAL_PRIMARY_COLOR] = {"Portal.PrimaryColor", CONFIG_STRING, "#0b5cad", NONE,
                                  CONFIG_WEB, "the portal's primary colour, #rrggbb"},
    [CFG_PORTAL_ACCENT_COLOR] = {"Portal.AccentColor", CONFIG_STRING, "#1f78d1", NONE,
                                 CONFIG_WEB, "the portal's accent colour, #rrggbb"},
    [CFG_PORTAL_LOGO] = {"Portal.Logo", CONFIG_STRING, "", NONE, CONFIG_WEB,
                         "storage name of the uploaded logo; empty: none"},
    [CFG_PORTAL_LOGO_TYPE] = {"Portal.LogoType", CONFIG_STRING, "", NONE, CONFIG_WEB,
                              "the uploaded logo's detected type"},
    [CFG_PORTAL_LOGO_MAX_BYTES] = {"Portal.LogoMaxBytes", CONFIG_INT, "524288",
                                   RANGE(1024, 10L << 20), 0, "largest logo in bytes"},
    [CFG_PORTAL_SUBMIT_LIMIT] = {"Portal.SubmitLimit", CONFIG_INT, "0", RANGE(0, 100000),
                                 CONFIG_WEB, "portal submissions per browser per window; 0: none"},
    [CFG_PORTAL_SUBMIT_ADDRESS_LIMIT] = {"Portal.SubmitAddressLimit", CONFIG_INT, NULL,
                                         RANGE(0, 1000000), CONFIG_WEB,
                                         "portal submissions per address per window; unset: "
                                         "10 x Portal.SubmitLimit"},
    [CFG_PORTAL_SUBMIT_WINDOW_MINUTES] = {"Portal.SubmitWindowMinutes", CONFIG_DURATION, "60",
                                          DURATION(1, 1440, MINUTE), CONFIG_WEB,
                                          "the window of the submission limits"},
    [CFG_SESSION_IDLE_MINUTES] = {"Session.IdleMinutes", CONFIG_DURATION, "120",
                                  DURATION(1, 100000, MINUTE), 0,
                                  "an agent session ends after this long unused"},
    [CFG_SESSION_MAX_HOURS] = {"Session.MaxHours", CONFIG_DURATION, "12",
                               DURATION(1, 24 * 90, HOUR), 0,
                               "and at the latest this long after sign-in"},
    [CFG_AUTH_MAX_FAILURES] = {"Auth.MaxFailures", CONFIG_INT, "10", RANGE(3, 1000), 0,
                               "failed sign-ins of a login from an address before a pause"},
    [CFG_AUTH_LOCK_MINUTES] = {"Auth.LockMinutes", CONFIG_DURATION, "15",
                               DURATION(1, 100000, MINUTE), 0,
                               "how long such a pause lasts; the longest wait of an address"},
    [CFG_AUTH_SOURCE_FAILURES] = {"Auth.SourceFailures", CONFIG_INT, "30", RANGE(5, 100000), 0,
                                  "failed sign-ins from an address before its tries wait"},
    [CFG_AUTH_LOGIN_FAILURES] = {"Auth.LoginFailures", CONFIG_INT, "20", RANGE(5, 100000), 0,
                                 "failed sign-ins of a login before its tries wait"},
    [CFG_AUTH_FORGET_MINUTES] = {"Auth.ForgetMinutes", CONFIG_DURATION, "60",
                                 DURATION(1, 100000, MINUTE), 0,
                                 "a failure counter starts again after this long"},
    [CFG_AUTH_USUAL_SOURCE_DAYS] = {"Auth.UsualSourceDays", CONFIG_DURATION, "90",
                                    DURATION(1, 3650, DAY), 0,
                                    "an address signed in from within this long is a usual one"},
    [CFG_QUEUE_AT_RISK_MINUTES] = {"Queue.AtRiskMinutes", CONFIG_DURATION, "120",
                                   DURATION(1, 100000, MINUTE), 0,
                                   "a deadline this close counts as at risk"},
    [CFG_QUEUE_COUNT_SECONDS] = {"Queue.CountSeconds", CONFIG_DURATION, "10",
                                 DURATION(0, 3600, 1), 0,
                                 "how long a worker reuses an agent's queue counts"},
    [CFG_CONTACTS_SHOW_MINUTES] = {"Contacts.ShowMinutes", CONFIG_DURATION, "15",
                                   DURATION(1, 24 * 60, MINUTE), 0,
                                   "how long revealed contact details stay shown"},
    [CFG_CONTACTS_REVEAL_ROLES] = {"Contacts.RevealRoles", CONFIG_STRING, "", NONE, CONFIG_WEB,
                                   "roles whose members may all reveal contact details"},
    [CFG_PROGRESS_CSV_MAX_ROWS] = {"Progress.CsvMaxRows", CONFIG_INT, "50000",
                                   RANGE(100, 1000000), 0,
                                   "row limit of the progress table's CSV export"},
    [CFG_SCHEDULER_INTERVAL_SECONDS] = {"Scheduler.IntervalSeconds", CONFIG_DURATION, "30",
                                        DURATION(1, 60, 1), 0,
                                        "how often the scheduler makes a pass"},
    [CFG_MAIL_SMTP_URL] = {"Mail.SMTPURL", CONFIG_STRING, "smtp://127.0.0.1:25", NONE,
                           CONFIG_WEB, "SMTP server for notifications"},
    [CFG_MAIL_START_TLS] = {"Mail.StartTLS", CONFIG_BOOL, "0", BOOL01, CONFIG_WEB,
                            "1: require STARTTLS"},
    [CFG_MAIL_USER] = {"Mail.User", CONFIG_STRING, "", NONE, CONFIG_WEB, "SMTP login"},
    [CFG_MAIL_PASSWORD] = {"Mail.Password", CONFIG_STRING, "", NONE, CONFIG_WEB | CONFIG_SECRET,
                           "SMTP password"},
    [CFG_MAIL_FROM] = {"Mail.From", CONFIG_STRING, NULL, NONE, CONFIG_WEB,
                       "sender address; needed to send"},
    [CFG_MAIL_FROM_NAME] = {"Mail.FromName", CONFIG_STRING, "", NONE, CONFIG_WEB,
                            "sender's display name"},
    [CFG_MAIL_TIMEOUT_SECONDS] = {"Mail.TimeoutSeconds", CONFIG_DURATION, "30",
                                  DURATION(1, 300, 1), CONFIG_WEB, "per delivery attempt"},
    [CFG_MAIL_MAX_ATTEMPTS] = {"Mail.MaxAttempts", CONFIG_INT, "10", RANGE(1, 100), CONFIG_WEB,
                               "delivery attempts before a message is marked failed"},
    [CFG_SMS_URL] = {"Sms.URL", CONFIG_STRING, "", NONE, CONFIG_WEB,
                     "SMS gateway, {to} and {text} replaced; empty: SMS fail at once"},
    [CFG_SMS_BODY] = {"Sms.Body", CONFIG_STRING, "", NONE, CONFIG_WEB,
                      "the gateway request's form body (then a POST)"},
    [CFG_SMS_KEY] = {"Sms.Key", CONFIG_STRING, "", NONE, CONFIG_WEB | CONFIG_SECRET,
                     "the gateway's key"},
    [CFG_SMS_KEY_HEADER] = {"Sms.KeyHeader", CONFIG_STRING, "X-Api-Key", NONE, CONFIG_WEB,
                            "the header the key goes in"},
    [CFG_TAGS_COMPLAINT_COUNT] = {"Tags.ComplaintCount", CONFIG_INT, "3", RANGE(1, 1000),
                                  CONFIG_WEB, "complaints that tag a customer 高频投诉"},
    [CFG_TAGS_COMPLAINT_DAYS] = {"Tags.ComplaintDays", CONFIG_DURATION, "90",
                                 DURATION(1, 3650, DAY), CONFIG_WEB,
                                 "within this many days"},
    [CFG_TAGS_COMPLAINT_CATEGORIES] = {"Tags.ComplaintCategories", CONFIG_STRING, "complaint",
                                       NONE, CONFIG_WEB,
                                       "categories that count as complaints, comma-separated"},
    [CFG_TAGS_VIP_RAISES_PRIORITY] = {"Tags.VipRaisesPriority", CONFIG_BOOL, "1", BOOL01,
                                      CONFIG_WEB,
                                      "a VIP's new ticket starts one priority more urgent"},
    [CFG_STATS_REPEAT_DAYS] = {"Stats.RepeatDays", CONFIG_DURATION, "30", DURATION(1, 365, DAY),
                               CONFIG_WEB,
                               "a ticket followed within this many days by the same problem"
                               " is a repeat (statistics)"},
    [CFG_STATS_MONTHLY_MAIL] = {"Stats.MonthlyMail", CONFIG_BOOL, "0", BOOL01, CONFIG_WEB,
                                "1: mail the previous month's report on the 1st"},
    [CFG_STATS_MONTHLY_HOUR] = {"Stats.MonthlyHour", CONFIG_INT, "6", RANGE(0, 23), CONFIG_WEB,
                                "the local hour of the 1st from which the report is mailed"},
    [CFG_STATS_MONTHLY_ROLES] = {"Stats.MonthlyRoles", CONFIG_STRING, "director,admin", NONE,
                                 CONFIG_WEB,
                                 "the roles whose people get the monthly report, comma-separated"},
    [CFG_STATS_MONTHLY_PEOPLE] = {"Stats.MonthlyPeople", CONFIG_STRING, "", NONE, CONFIG_WEB,
                                  "people (ids, comma-separated) who get it too"},
    [CFG_WORKAROUND_PRIORITIES] = {"Workaround.Priorities", CONFIG_STRING, "", NONE, CONFIG_WEB,
                                   "priorities (codes, comma-separated) whose tickets get the "
                                   "1-working-day workaround clock"},
    [CFG_WORKAROUND_CATEGORIES] = {"Workaround.Categories", CONFIG_STRING, "", NONE, CONFIG_WEB,
                                   "categories (codes, comma-separated) whose tickets get it"},
    [CFG_WORKAROUND_LONG_RESOLUTION] = {"Workaround.LongResolution", CONFIG_BOOL, "0", BOOL01,
                                        CONFIG_WEB,
                                        "1: every ticket whose resolution is due more than one "
                                        "working day after intake gets it"},
    [CFG_CLOCK_OFFSET_SECONDS] = {"Clock.OffsetSeconds", CONFIG_DURATION, "0",
                                  DURATION(-(1L << 40), 1L << 40, 1), 0,
                                  "tests only: shifts the desk's clock"},
    [CFG_CLOCK_OFFSET_FILE] = {"Clock.OffsetFile", CONFIG_PATH, NULL, NONE, 0,
                               "tests only: a file of seconds added to the clock"},
};

const config_def_t *config_def(config_key_t key)
{
    return key >= 0 && key < CONFIG_KEY_COUNT ? &keys[key] : NULL;
}

const char *config_name(config_key_t key) { return config_def(key)->name; }

const char *config_default(config_key_t key) { return config_def(key)->def; }

long config_default_int(config_key_t key)
{
    const char *d = config_default(key);
    return d ? strtol(d, NULL, 10) : CONFIG_UNSET;
}

static bool is_program(const char *block, size_t len)
{
    for (int i = 0; config_programs[i]; i++)
        if (strlen(config_programs[i]) == len && strncmp(config_programs[i], block, len) == 0)
            return true;
    return false;
}

int config_key_by_name(const char *name)
{
    const char *dot = strchr(name, '.');
    for (int k = 0; k < CONFIG_KEY_COUNT; k++) {
        if (!(keys[k].flags & CONFIG_PROGRAM)) {
            if (strcmp(keys[k].name, name) == 0)
                return k;
        } else if (dot && strcmp(keys[k].name, dot + 1) == 0 &&
                   is_program(name, (size_t)(dot - name)))
            return k;
    }
    return -1;
}
