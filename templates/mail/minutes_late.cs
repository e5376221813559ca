<?cs # minutes_late: to a review meeting's organiser and every director when
  its minutes (表4) were not submitted within 2 working days of the meeting.
  Data: Recipient.name (optional), Meeting.title, Meeting.starts_at,
  Minutes.due (the deadline), Minutes.organiser, Minutes.link.
  Channel: email.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?>Subject: <?cs uvar:L.Mail.Minutes.LateSubject ?><?cs call:sep() ?><?cs uvar:Meeting.title ?>
<?cs call:greeting() ?><?cs uvar:L.Mail.Minutes.LateIntro ?>

<?cs call:fact(L.Mail.Minutes.Meeting, Meeting.title) ?><?cs
call:fact(L.Mail.Minutes.HeldAt, Meeting.starts_at) ?><?cs
call:fact(L.Mail.Minutes.Organiser, Minutes.organiser) ?><?cs
call:fact(L.Mail.Minutes.DueAt, Minutes.due) ?><?cs
call:link(L.Mail.Minutes.Open, Minutes.link) ?><?cs call:signature() ?>
