<?cs # meeting_invitation: to each attendee when a meeting is scheduled or
  changed; the calendar file (METHOD:REQUEST) travels as its attachment.
  Data: Recipient.name, Meeting.* (meeting_facts.cs). Email only.
  Plain text: uvar: is the reviewed exception of macros.cs. ?><?cs
include!"mail/macros.cs" ?><?cs include!"mail/meeting_facts.cs" ?><?cs
call:meeting_subject(L.MeetingMail.Invitation.Subject) ?><?cs
call:greeting() ?><?cs uvar:L.MeetingMail.Invitation.Intro ?>

<?cs call:meeting_facts() ?><?cs
call:link(L.MeetingMail.Pack, Meeting.link) ?>
<?cs uvar:L.MeetingMail.Calendar ?><?cs call:signature() ?>
