<?cs # meeting_reminder: to each attendee the day before a scheduled meeting.
  Data: Recipient.name, Meeting.* (meeting_facts.cs). Email only.
  Plain text: uvar: is the reviewed exception of macros.cs. ?><?cs
include!"mail/macros.cs" ?><?cs include!"mail/meeting_facts.cs" ?><?cs
call:meeting_subject(L.MeetingMail.Reminder.Subject) ?><?cs
call:greeting() ?><?cs uvar:L.MeetingMail.Reminder.Intro ?>

<?cs call:meeting_facts() ?><?cs
call:link(L.MeetingMail.Pack, Meeting.link) ?><?cs call:signature() ?>
