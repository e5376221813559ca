<?cs # minutes_published: to the members of every department named on review
  minutes (表4) once the service director approved them; their measures
  are now action items.
  Data: Recipient.name (optional), Meeting.title, Meeting.starts_at,
  Minutes.organiser, Minutes.measures (how many), Minutes.link.
  Channel: email.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?>Subject: <?cs uvar:L.Mail.Minutes.PublishedSubject ?><?cs call:sep() ?><?cs uvar:Meeting.title ?>
<?cs call:greeting() ?><?cs uvar:L.Mail.Minutes.PublishedIntro ?>

<?cs call:fact(L.Mail.Minutes.Meeting, Meeting.title) ?><?cs
call:fact(L.Mail.Minutes.HeldAt, Meeting.starts_at) ?><?cs
call:fact(L.Mail.Minutes.Organiser, Minutes.organiser) ?><?cs
call:fact(L.Mail.Minutes.Measures, Minutes.measures) ?><?cs
call:link(L.Mail.Minutes.Open, Minutes.link) ?><?cs call:signature() ?>
