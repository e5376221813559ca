/* notify: see notify.h. */
#include "desk/notify/notify.h"

#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "desk/notify/outbox.h"

static const char sql_ticket_mail[] =
    "SELECT t.number, t.subject, t.language, COALESCE(t.submit_key, ''), t.category_id,"
    " t.priority_id, COALESCE(a.name, ''), t.assigned_at, t.contact_name FROM tickets t"
    " LEFT JOIN agents a ON a.id = t.owner_id WHERE t.id = ?";
static const char sql_alert_recipients[] =
    "SELECT id, email, language, name FROM agents WHERE active = 1 AND email IS NOT NULL"
    " AND (id = ? OR (? = 1 AND role IN ('supervisor', 'director', 'admin'))) ORDER BY id";

static int queue(desk_t *d, const char *kind, const char *to, lang_t lang, long long ticket_id,
                 HDF *data, const char *key)
{
    outbox_msg_t m = {.channel = OUTBOX_EMAIL, .recipient = to, .lang = lang, .kind = kind,
                      .ticket_id = ticket_id, .data = data, .dedupe_key = key};
    int rc = outbox_add(d, &m);
    return rc == OUTCOME_OK || rc == OUTCOME_DUPLICATE ? 0 : rc;
}

static void set_link(desk_t *d, HDF *h, const char *token)
{
    hdf_set_valuef(h, "Ticket.link=%s/t/%s", d->base_url, token);
}

int notify_ticket_created(desk_t *d, long long ticket_id, const ticket_new_t *in,
                          const priority_t *p, const char *number, const char *follow_token,
                          const sla_dues_t *due)
{
    HDF *h;
    char key[64];
    if (!in->email && !in->phone)
        return 0;
    lang_t lang = lang_parse(in->language);
    if (hdf_init(&h) != STATUS_OK)
        return -1;
    hdf_set_value(h, "Recipient.name", in->contact_name ? in->contact_name : "");
    hdf_set_value(h, "Customer.name", in->contact_name ? in->contact_name : "");
    hdf_set_value(h, "Ticket.number", number);
    hdf_set_value(h, "Ticket.subject", in->subject ? in->subject : "");
    hdf_set_value(h, "Ticket.category", in->category->name[lang]);
    hdf_set_value(h, "Ticket.priority", p->code);
    tpl_set_time(h, "Due.classify", due->classify);
    tpl_set_time(h, "Due.first_response", due->first_response);
    tpl_set_time(h, "Due.resolution", due->resolution);
    set_link(d, h, follow_token);
    snprintf(key, sizeof key, "created:ticket=%lld", ticket_id);
    int rc = in->email ? queue(d, "ticket_created", in->email, lang, ticket_id, h, key) : 0;
    /* a customer who asked to be reached by phone also gets a text message */
    if (rc == 0 && in->phone && in->preferred_contact && !strcmp(in->preferred_contact, "phone")) {
        outbox_msg_t m = {.channel = OUTBOX_SMS, .recipient = in->phone, .lang = lang,
                          .kind = "ticket_created", .ticket_id = ticket_id, .data = h,
                          .dedupe_key = key};
        int sms = outbox_add(d, &m);
        /* a number the gateway cannot take must not cost the customer the ticket */
        if (sms == OUTCOME_UNAVAILABLE)
            log_info("ticket %lld: no text message (the number is not usable)", ticket_id);
        else if (sms != OUTCOME_OK && sms != OUTCOME_DUPLICATE)
            rc = sms;
    }
    hdf_destroy(&h);
    return rc;
}

typedef struct ticket_mail {
    char number[TN_MAX], subject[801], language[3], submit_key[201], owner[401], contact[401];
    long long category_id, priority_id;
    time_t assigned_at;
} ticket_mail_t;

static int load_mail_facts(desk_t *d, long long id, ticket_mail_t *t)
{
    memset(t, 0, sizeof *t);
    return db_row(&d->db, sql_ticket_mail, "i", "ssssiists", id, t->number, sizeof t->number,
                  t->subject, sizeof t->subject, t->language, sizeof t->language, t->submit_key,
                  sizeof t->submit_key, &t->category_id, &t->priority_id, t->owner,
                  sizeof t->owner, &t->assigned_at, t->contact, sizeof t->contact) == 1
               ? 0
               : -1;
}


static const char *alert_template(sla_alert_t a)
{
    switch (a) {
    case SLA_ACCEPT_OVERDUE: return "acceptance_reminder";
    case SLA_FIRST_RESPONSE_WARNING:
    case SLA_RESOLUTION_WARNING:
    case SLA_WORKAROUND_WARNING: return "sla_warning";
    case SLA_UPDATE_DUE: return "progress_update";
    case SLA_ESCALATION_OVERDUE: return "escalation_due";
    default: return "sla_breach";
    }
}

/* The clock an alert is about, as the mail templates name it. */
static const char *alert_clock(sla_alert_t a)
{
    switch (a) {
    case SLA_CLASSIFY_OVERDUE: return "classify";
    case SLA_ACCEPT_OVERDUE: return "accept";
    case SLA_FIRST_RESPONSE_WARNING:
    case SLA_FIRST_RESPONSE_BREACH: return "first_response";
    case SLA_UPDATE_DUE: return "update";
    case SLA_ESCALATION_OVERDUE: return "escalation";
    case SLA_WORKAROUND_WARNING:
    case SLA_WORKAROUND_BREACH: return "workaround";
    default: return "resolution";
    }
}

int notify_sla_alert(desk_t *d, long long ticket_id, sla_alert_t alert, time_t deadline,
                     long long owner_id)
{
    ticket_mail_t t;
    HDF *h;
    if (load_mail_facts(d, ticket_id, &t) || hdf_init(&h) != STATUS_OK)
        return -1;
    bool supervisors = alert == SLA_CLASSIFY_OVERDUE || alert == SLA_ACCEPT_OVERDUE ||
                       alert == SLA_ESCALATION_OVERDUE || !owner_id;
    const priority_t *p = catalog_priority_by_id(&d->catalog, t.priority_id);
    time_t now = desk_now(d);
    hdf_set_value(h, "Ticket.number", t.number);
    hdf_set_value(h, "Ticket.subject", t.subject);
    hdf_set_value(h, "Ticket.priority", p ? p->code : "");
    hdf_set_valuef(h, "Ticket.link=%s/agent/t/%s", d->base_url, t.number);
    hdf_set_value(h, "Clock.kind", alert_clock(alert));
    hdf_set_value(h, "Agent.name", t.owner); /* the owner or assignee, "" when none */
    hdf_set_value(h, "Customer.name", t.contact);
    hdf_set_valuef(h, "Ticket.category_id=%lld", t.category_id);
    tpl_set_time(h, "Due.at", deadline);
    tpl_set_time(h, "Due.answer", deadline);
    tpl_set_time(h, "Due.accept", deadline);
    tpl_set_time(h, "Assigned.at", t.assigned_at);
    tpl_set_span(h, deadline >= now ? "Clock.left" : "Clock.over",
                      (deadline >= now ? deadline - now : now - deadline) / 60);
    MYSQL_STMT *st = db_query(&d->db, sql_alert_recipients, "ii", owner_id,
                              (long long)supervisors);
    int rc = st ? 0 : -1;
    long long id;
    char email[255], lang[3], name[401], key[96];
    while (st && db_fetch(st, "isss", &id, email, sizeof email, lang, sizeof lang, name,
                          sizeof name) == 1 && rc == 0) {
        hdf_set_value(h, "Recipient.name", name);
        snprintf(key, sizeof key, "sla:ticket=%lld:%s:%ld:agent=%lld", ticket_id,
                 sla_alert_code(alert), (long)deadline, id);
        rc = queue(d, alert_template(alert), email, lang_parse(lang), ticket_id, h, key);
    }
    db_done(st);
    hdf_destroy(&h);
    return rc;
}


/* A customer mail with the ticket's facts and private link. */
static int customer_mail(desk_t *d, long long ticket_id, const char *kind, const char *body,
                         const char *key, const char *survey_path)
{
    ticket_mail_t t;
    char email[256], phone[64], token[TOKEN_TEXT_LEN + 1];
    HDF *h;
    if (load_mail_facts(d, ticket_id, &t) ||
        ticket_contacts(d, ticket_id, email, sizeof email, phone, sizeof phone) != OUTCOME_OK)
        return -1;
    if (!*email || !*t.submit_key)
        return 0;
    if (hdf_init(&h) != STATUS_OK)
        return -1;
    const priority_t *p = catalog_priority_by_id(&d->catalog, t.priority_id);
    hdf_set_value(h, "Ticket.number", t.number);
    hdf_set_value(h, "Ticket.subject", t.subject);
    hdf_set_value(h, "Ticket.priority", p ? p->code : "");
    if (body)
        hdf_set_value(h, "Body", body);
    /* for admins' own texts (lib/desk/notify/mailtpl.h): {customer}, {agent}, {category} */
    hdf_set_value(h, "Customer.name", t.contact);
    hdf_set_value(h, "Owner.name", t.owner);
    hdf_set_valuef(h, "Ticket.category_id=%lld", t.category_id);
    ticket_follow_token(d, t.submit_key, token);
    set_link(d, h, token);
    if (survey_path)
        hdf_set_valuef(h, "Survey.link=%s/t/%s%s", d->base_url, token, survey_path);
    int rc = queue(d, kind, email, lang_parse(t.language), ticket_id, h, key);
    hdf_destroy(&h);
    return rc;
}

int notify_resolved(desk_t *d, long long ticket_id, long long event_id, const char *summary)
{
    char key[48];
    snprintf(key, sizeof key, "resolved:event=%lld", event_id);
    return customer_mail(d, ticket_id, "ticket_resolved", summary, key, NULL);
}

int notify_merged(desk_t *d, long long ticket_id, const char *into)
{
    char key[48];
    snprintf(key, sizeof key, "merged:ticket=%lld", ticket_id);
    return customer_mail(d, ticket_id, "ticket_merged", into, key, NULL);
}

static const char sql_agent_mail[] =
    "SELECT email, language, name FROM agents WHERE id = ? AND active = 1 AND email IS NOT NULL";

int notify_assignment(desk_t *d, long long ticket_id, long long agent_id, time_t accept_due)
{
    ticket_mail_t t;
    char email[255], lang[3], name[401], key[64];
    HDF *h;
    int rc = db_row(&d->db, sql_agent_mail, "i", "sss", agent_id, email, sizeof email, lang,
                    sizeof lang, name, sizeof name);
    if (rc != 1)
        return rc < 0 ? -1 : 0;
    if (load_mail_facts(d, ticket_id, &t) || hdf_init(&h) != STATUS_OK)
        return -1;
    const priority_t *p = catalog_priority_by_id(&d->catalog, t.priority_id);
    const category_t *k = catalog_category_by_id(&d->catalog, t.category_id);
    hdf_set_value(h, "Recipient.name", name);
    hdf_set_value(h, "Ticket.number", t.number);
    hdf_set_value(h, "Ticket.subject", t.subject);
    hdf_set_value(h, "Ticket.priority", p ? p->code : "");
    hdf_set_value(h, "Ticket.category", k ? k->name[lang_parse(lang)] : "");
    hdf_set_value(h, "Customer.name", t.contact);
    hdf_set_value(h, "Owner.name", t.owner);
    hdf_set_valuef(h, "Ticket.link=%s/agent/t/%s", d->base_url, t.number);
    tpl_set_time(h, "Due.accept", accept_due);
    snprintf(key, sizeof key, "assign:ticket=%lld:agent=%lld:%ld", ticket_id, agent_id,
             (long)accept_due);
    rc = queue(d, "new_assignment", email, lang_parse(lang), ticket_id, h, key);
    hdf_destroy(&h);
    return rc;
}

int notify_survey(desk_t *d, long long ticket_id)
{
    char key[48];
    snprintf(key, sizeof key, "survey:ticket=%lld", ticket_id);
    return customer_mail(d, ticket_id, "survey_invitation", NULL, key, "/survey");
}

int notify_customer_reply(desk_t *d, long long ticket_id, long long event_id, const char *body)
{
    char key[48];
    snprintf(key, sizeof key, "reply:event=%lld", event_id);
    return customer_mail(d, ticket_id, "ticket_reply", body, key, NULL);
}

int notify_solution(desk_t *d, long long ticket_id, long long solution_id, const char *text)
{
    char key[48];
    snprintf(key, sizeof key, "solution:%lld", solution_id);
    return customer_mail(d, ticket_id, "solution_to_confirm", text, key, NULL);
}

int notify_follow_link(desk_t *d, long long ticket_id, time_t now)
{
    char key[64];
    snprintf(key, sizeof key, "link:ticket=%lld:%ld", ticket_id, (long)(now / 3600));
    return customer_mail(d, ticket_id, "ticket_created", NULL, key, NULL);
}

static const char sql_team_recipients[] =
    "SELECT a.id, a.email, a.language, a.name FROM team_members m JOIN agents a ON a.id = m.agent_id"
    " WHERE m.team_id = ? AND a.active = 1 AND a.email IS NOT NULL ORDER BY a.id";

int notify_escalation(desk_t *d, long long ticket_id, long long escalation_id, long long team_id,
                      time_t due)
{
    ticket_mail_t t;
    HDF *h;
    if (!team_id)
        return 0;
    if (load_mail_facts(d, ticket_id, &t) || hdf_init(&h) != STATUS_OK)
        return -1;
    const priority_t *p = catalog_priority_by_id(&d->catalog, t.priority_id);
    const team_t *team = catalog_team_by_id(&d->catalog, team_id);
    hdf_set_value(h, "Ticket.number", t.number);
    hdf_set_value(h, "Ticket.subject", t.subject);
    hdf_set_value(h, "Ticket.priority", p ? p->code : "");
    hdf_set_valuef(h, "Ticket.category_id=%lld", t.category_id);
    hdf_set_valuef(h, "Ticket.link=%s/agent/t/%s", d->base_url, t.number);
    hdf_set_value(h, "Agent.name", t.owner);
    hdf_set_value(h, "Customer.name", t.contact);
    tpl_set_time(h, "Due.answer", due);
    MYSQL_STMT *st = db_query(&d->db, sql_team_recipients, "i", team_id);
    int rc = st ? 0 : -1;
    long long id;
    char email[255], lang[3], name[401], key[96];
    while (st && db_fetch(st, "isss", &id, email, sizeof email, lang, sizeof lang, name,
                          sizeof name) == 1 && rc == 0) {
        lang_t l = lang_parse(lang);
        hdf_set_value(h, "Recipient.name", name);
        hdf_set_value(h, "Escalation.team", team ? team->name[l] : "");
        snprintf(key, sizeof key, "escalation=%lld:agent=%lld", escalation_id, id);
        rc = queue(d, "escalation_request", email, l, ticket_id, h, key);
    }
    db_done(st);
    hdf_destroy(&h);
    return rc;
}
