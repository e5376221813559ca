/* meeting_mail: see meeting_mail.h. */
#include "desk/review/meeting_mail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ics_write.h"
#include "core/log.h"
#include "desk/audit.h"
#include "desk/notify/mailer.h"
#include "desk/notify/outbox.h"
#include "desk/people/people.h"
#include "desk/review/meeting.h"

#define REMINDER_BATCH 50

typedef struct invitee {
    long long id;
    char name[401], email[255];
    lang_t lang;
} invitee_t;

typedef struct crowd {
    desk_t *d;
    invitee_t *people;
    int n, failed;
} crowd_t;

static void add_invitee(long long person, void *ctx)
{
    crowd_t *c = ctx;
    person_t p;
    int rc = people_get(c->d, person, false, &p);
    if (rc != OUTCOME_OK) {
        c->failed = rc == OUTCOME_NOT_FOUND ? c->failed : rc;
        return;
    }
    if (!p.active || !mail_address_valid(p.email) || c->n == MEETING_INVITEES_MAX)
        return;
    invitee_t *i = &c->people[c->n++];
    i->id = p.id;
    snprintf(i->name, sizeof i->name, "%s", p.name);
    snprintf(i->email, sizeof i->email, "%s", p.email);
    i->lang = lang_parse(p.language);
}

/* The host part of the desk's address, for the event's UID. */
static void uid_of(const desk_t *d, long long id, char *out, size_t cap)
{
    const char *host = strstr(d->base_url, "://");
    host = host ? host + 3 : "desk.invalid";
    size_t n = strcspn(host, ":/");
    snprintf(out, cap, "desk-meeting-%lld@%.*s", id, (int)(n ? n : 12), n ? host : "desk.invalid");
}

/* What the mail templates read of a meeting. */
static void meeting_data(desk_t *d, HDF *h, const meeting_t *m, const char *reason)
{
    hdf_set_value(h, "Meeting.title", m->title);
    hdf_set_value(h, "Meeting.kind", m->kind);
    hdf_set_value(h, "Meeting.location", m->location);
    hdf_set_value(h, "Meeting.agenda", m->agenda ? m->agenda : "");
    hdf_set_value(h, "Meeting.organiser", m->organiser);
    hdf_set_valuef(h, "Meeting.duration=%lld", m->duration_minutes);
    hdf_set_value(h, "Meeting.reason", reason ? reason : "");
    tpl_set_time(h, "Meeting.starts_at", m->starts_at);
    hdf_set_valuef(h, "Meeting.link=%s/agent/meetings/%lld/pack", d->base_url, m->id);
}

typedef struct calendar {
    char *bytes;
    size_t len;
} calendar_t;

/* The .ics of m as method for the people given. */
static int build_ics(desk_t *d, const meeting_t *m, long long sequence, const char *method,
                     const invitee_t *people, int n, calendar_t *out)
{
    person_t org;
    int rc = people_get(d, m->organiser_id, false, &org);
    if (rc != OUTCOME_OK)
        return rc;
    const char *org_mail = mail_address_valid(org.email)
                               ? org.email
                               : settings_get_str(&d->settings, &d->cfg, CFG_MAIL_FROM);
    ics_person_t *att = calloc((size_t)(n ? n : 1), sizeof *att);
    if (!att)
        return OUTCOME_UNAVAILABLE;
    for (int i = 0; i < n; i++)
        att[i] = (ics_person_t){people[i].name, people[i].email};
    time_t end = m->starts_at + (time_t)m->duration_minutes * 60;
    ics_zone_t zone;
    const char *tz = config_get_str(&d->cfg, CFG_DESK_TIME_ZONE);
    bool zoned = ics_zone_local(tz, m->starts_at - 200 * 86400, end + 86400, &zone) == 0;
    char uid[320], text[8192];
    uid_of(d, m->id, uid, sizeof uid);
    snprintf(text, sizeof text, "%s\n\n%s/agent/meetings/%lld/pack", m->agenda ? m->agenda : "",
             d->base_url, m->id);
    ics_event_t e = {.prodid = "-//Desk//Review meetings//EN",
                     .method = method,
                     .uid = uid,
                     .sequence = sequence,
                     .stamp = desk_now(d),
                     .start = m->starts_at,
                     .end = end,
                     .zone = zoned ? &zone : NULL,
                     .organiser = {org.name, org_mail},
                     .attendees = att,
                     .nattendees = n,
                     .summary = m->title,
                     .location = m->location,
                     .description = text};
    out->bytes = ics_write_event(&e, &out->len);
    free(att);
    if (!out->bytes) {
        log_error("meeting %lld: no calendar file (the organiser's address?)", m->id);
        return OUTCOME_UNAVAILABLE;
    }
    return OUTCOME_OK;
}

/* One mail of kind with the calendar attached. */
static int queue_one(desk_t *d, const meeting_t *m, const invitee_t *to, const char *kind,
                     const char *method, const calendar_t *ics, long long sequence,
                     const char *reason)
{
    HDF *h;
    if (hdf_init(&h) != STATUS_OK)
        return OUTCOME_UNAVAILABLE;
    meeting_data(d, h, m, reason);
    hdf_set_value(h, "Recipient.name", to->name);
    char type[64], key[120];
    snprintf(type, sizeof type, "text/calendar; method=%s; charset=utf-8", method);
    mail_attachment_t file = {strcmp(method, "CANCEL") ? "invite.ics" : "cancel.ics", type,
                              ics->bytes, ics->len};
    snprintf(key, sizeof key, "meeting:m=%lld:p=%lld:seq=%lld:%s", m->id, to->id, sequence, method);
    outbox_msg_t msg = {.channel = OUTBOX_EMAIL,
                        .recipient = to->email,
                        .lang = to->lang,
                        .kind = kind,
                        .data = h,
                        .dedupe_key = key,
                        .attachments = ics ? &file : NULL,
                        .nattachments = ics ? 1 : 0};
    int rc = outbox_add(d, &msg);
    hdf_destroy(&h);
    return rc == OUTCOME_DUPLICATE ? OUTCOME_OK : rc;
}

static int load(desk_t *d, long long id, meeting_t *m, crowd_t *c, long long *sequence,
                char *reason, size_t cap)
{
    int rc = meeting_get(d, id, m);
    if (rc != OUTCOME_OK)
        return rc;
    c->d = d;
    c->people = calloc(MEETING_INVITEES_MAX, sizeof *c->people);
    if (!c->people ||
        (rc = meeting_mail_state(d, id, sequence, reason, cap)) != OUTCOME_OK ||
        (rc = meeting_each_invitee(d, id, add_invitee, c)) < 0 || (rc = c->failed) < 0) {
        free(c->people);
        c->people = NULL;
        meeting_free(m);
        return rc < 0 ? rc : OUTCOME_UNAVAILABLE;
    }
    return OUTCOME_OK;
}

/* CANCELs to the people an edit removed. */
static int cancel_removed(desk_t *d, const meeting_t *m, long long sequence,
                          const long long *removed, int nremoved)
{
    crowd_t gone = {d, calloc(MEETING_INVITEES_MAX, sizeof(invitee_t)), 0, 0};
    if (!gone.people)
        return OUTCOME_UNAVAILABLE;
    for (int i = 0; i < nremoved; i++)
        add_invitee(removed[i], &gone);
    int rc = gone.failed;
    for (int i = 0; i < gone.n && rc >= 0; i++) {
        calendar_t ics = {0};
        rc = build_ics(d, m, sequence, "CANCEL", &gone.people[i], 1, &ics);
        if (rc == OUTCOME_OK)
            rc = queue_one(d, m, &gone.people[i], "meeting_cancelled", "CANCEL", &ics, sequence,
                           "");
        free(ics.bytes);
    }
    free(gone.people);
    return rc < 0 ? rc : OUTCOME_OK;
}

int meeting_mail_invite(desk_t *d, long long id, const long long *removed, int nremoved)
{
    meeting_t m;
    crowd_t c = {0};
    long long sequence = 0;
    char reason[2001] = "";
    int rc = load(d, id, &m, &c, &sequence, reason, sizeof reason);
    if (rc != OUTCOME_OK)
        return rc;
    bool cancelled = strcmp(m.status, "cancelled") == 0;
    if (strcmp(m.status, "held") != 0 && c.n > 0) {
        const char *method = cancelled ? "CANCEL" : "REQUEST";
        calendar_t ics = {0};
        rc = build_ics(d, &m, sequence, method, c.people, c.n, &ics);
        for (int i = 0; i < c.n && rc == OUTCOME_OK; i++)
            rc = queue_one(d, &m, &c.people[i],
                           cancelled ? "meeting_cancelled" : "meeting_invitation", method, &ics,
                           sequence, reason);
        free(ics.bytes);
    }
    if (rc == OUTCOME_OK && !cancelled && nremoved > 0)
        rc = cancel_removed(d, &m, sequence, removed, nremoved);
    free(c.people);
    meeting_free(&m);
    return rc;
}

/* The reminders of one meeting, in a transaction of its own: 1 sent (their
 * number added to *queued), 0 someone else did, or <0. */
static int remind_one(desk_t *d, long long id, time_t starts_at, int *queued)
{
    int rc = db_begin(&d->db);
    if (rc != OUTCOME_OK)
        return rc;
    rc = meeting_take_reminder(d, id, starts_at);
    meeting_t m;
    crowd_t c = {0};
    long long sequence = 0;
    char reason[8];
    int n = 0;
    if (rc == 1 && (rc = load(d, id, &m, &c, &sequence, reason, sizeof reason)) == OUTCOME_OK) {
        for (int i = 0; i < c.n && rc >= 0; i++) {
            HDF *h;
            char key[100];
            if (hdf_init(&h) != STATUS_OK) {
                rc = OUTCOME_UNAVAILABLE;
                break;
            }
            meeting_data(d, h, &m, NULL);
            hdf_set_value(h, "Recipient.name", c.people[i].name);
            snprintf(key, sizeof key, "meeting_reminder:m=%lld:p=%lld:at=%lld", id,
                     c.people[i].id, (long long)starts_at);
            outbox_msg_t msg = {.channel = OUTBOX_EMAIL,
                                .recipient = c.people[i].email,
                                .lang = c.people[i].lang,
                                .kind = "meeting_reminder",
                                .data = h,
                                .dedupe_key = key};
            rc = outbox_add(d, &msg);
            hdf_destroy(&h);
            n += rc == OUTCOME_OK;
            rc = rc == OUTCOME_DUPLICATE ? OUTCOME_OK : rc;
        }
        if (rc >= 0) { /* the audit trail says the desk reminded them */
            audit_who_t system = {0, NULL};
            char subject[24];
            json_t *ch = audit_changes();
            audit_int(ch, "recipients", 0, n);
            audit_int(ch, "starts_at", 0, (long long)starts_at);
            snprintf(subject, sizeof subject, "%lld", id);
            rc = audit_record(d, &system, "meeting", subject, m.title, "reminded", ch);
            json_decref(ch);
        }
        free(c.people);
        meeting_free(&m);
        rc = rc < 0 ? rc : 1;
    }
    if (rc < 0 || rc == 0) {
        db_rollback(&d->db);
        return rc;
    }
    rc = db_commit(&d->db);
    if (rc == OUTCOME_OK)
        *queued += n;
    return rc == OUTCOME_OK ? 1 : rc;
}

int meeting_mail_reminders(desk_t *d, int *queued)
{
    long long ids[REMINDER_BATCH];
    time_t starts[REMINDER_BATCH];
    *queued = 0;
    int n = meeting_due_reminders(d, desk_now(d), MEETING_REMIND_BEFORE, ids, starts,
                                  REMINDER_BATCH);
    if (n < 0)
        return n;
    for (int i = 0; i < n; i++) {
        int rc = remind_one(d, ids[i], starts[i], queued);
        if (rc < 0) {
            log_error("meeting %lld: reminder not queued (%d); next pass", ids[i], rc);
            return rc;
        }
    }
    return OUTCOME_OK;
}
