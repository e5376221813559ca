<?cs # A meeting's facts in its calendar mails (included by meeting_*.cs, not a
  mail of its own). Data: Meeting.title, kind, starts_at, duration,
  location, organiser, agenda, link. Plain text: uvar: is the reviewed
  exception of macros.cs. ?><?cs
def:meeting_subject(what) ?>Subject: [<?cs uvar:L.MeetingMail.Kind[Meeting.kind] ?>] <?cs uvar:what ?><?cs call:sep() ?><?cs uvar:Meeting.title ?>
<?cs /def ?><?cs
def:meeting_facts() ?><?cs call:fact(L.MeetingMail.Title, Meeting.title) ?><?cs
call:fact(L.MeetingMail.When, Meeting.starts_at) ?><?cs
call:fact(L.MeetingMail.Duration, Meeting.duration) ?><?cs
if:Meeting.location ?><?cs call:fact(L.MeetingMail.Where, Meeting.location) ?><?cs /if ?><?cs
call:fact(L.MeetingMail.Organiser, Meeting.organiser) ?><?cs
if:Meeting.agenda ?>
<?cs uvar:L.MeetingMail.Agenda ?><?cs call:sep() ?>
<?cs uvar:Meeting.agenda ?>
<?cs /if ?><?cs /def ?>
