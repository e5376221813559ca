/* meeting_mail: a meeting's calendar mail, through the outbox
 * (lib/desk/notify/outbox.h), so it exists exactly when the change that
 * caused it is committed.
 *
 * The invitation: each attendee with an address (the people invited and the
 * active members of the departments invited, each once) gets a mail in their
 * language (templates/mail/meeting_invitation.cs) with an iCalendar file
 * (lib/core/ics_write.h, text/calendar; method=REQUEST): one UID per
 * meeting, the SEQUENCE meeting.h keeps (one more at each change), the start
 * and end in the desk's zone (Desk.TimeZone) with its VTIMEZONE, the
 * organiser, every attendee, the title, place and agenda, and the link to
 * the material pack. A cancelled meeting mails METHOD:CANCEL instead
 * (meeting_cancelled.cs), and so does an edit to the people it no longer
 * invites. Each mail is queued once per attendee and sequence.
 *
 * The reminder: the day before (from MEETING_REMIND_BEFORE ahead of the
 * start), once per attendee and start, for scheduled meetings only
 * (meeting_reminder.cs); the scheduler runs it. */
#ifndef DESK_MEETING_MAIL_H
#define DESK_MEETING_MAIL_H

#include "desk/desk.h"

#define MEETING_REMIND_BEFORE 86400

/* Queues the calendar mail of meeting id as it now stands (REQUEST while it
 * is scheduled, CANCEL once cancelled), and a CANCEL to each of the removed
 * people (an edit's; NULL / 0 for none). Inside the caller's transaction.
 * OUTCOME_OK or a negative outcome; nothing is queued for a held meeting,
 * nor for people without an address. */
int meeting_mail_invite(desk_t *d, long long id, const long long *removed, int nremoved);

/* One pass of reminders (outside any transaction; each meeting its own):
 * the number of mails queued in *queued. OUTCOME_OK or a failure. */
int meeting_mail_reminders(desk_t *d, int *queued);

#endif
