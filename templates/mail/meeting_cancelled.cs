<?cs # meeting_cancelled: to each attendee when a meeting is called off (with
  Meeting.reason), or to someone no longer invited (no reason); the
  calendar file (METHOD:CANCEL) travels as its attachment. Data:
  Recipient.name, Meeting.* (meeting_facts.cs), Meeting.reason. Email only.
  Plain text: uvar: is the reviewed exception of macros.cs. ?><?cs
include!"mail/macros.cs" ?><?cs include!"mail/meeting_facts.cs" ?><?cs
call:meeting_subject(L.MeetingMail.Cancelled.Subject) ?><?cs
call:greeting() ?><?cs if:Meeting.reason ?><?cs uvar:L.MeetingMail.Cancelled.Intro ?>
<?cs call:fact(L.MeetingMail.Cancelled.Reason, Meeting.reason) ?><?cs
else ?><?cs uvar:L.MeetingMail.Cancelled.Removed ?>
<?cs /if ?>
<?cs call:fact(L.MeetingMail.Title, Meeting.title) ?><?cs
call:fact(L.MeetingMail.When, Meeting.starts_at) ?><?cs call:signature() ?>
