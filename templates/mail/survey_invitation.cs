<?cs # survey_invitation: to the customer 24 h after closure, unless they
  have answered the survey (open since closure) already.
  Data: Recipient.name (optional), Ticket.number, Ticket.subject,
  Survey.link (the survey; Ticket.link when not set), Due.survey
  (optional: open until). Channel: email or sms.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?><?cs
call:subject(L.Mail.Survey.Subject) ?><?cs
if:Channel == "sms" ?><?cs call:sms_start() ?><?cs uvar:L.Mail.Survey.Sms ?> <?cs
  if:Survey.link ?><?cs uvar:Survey.link ?><?cs else ?><?cs uvar:Ticket.link ?><?cs /if ?><?cs
else ?><?cs call:greeting() ?><?cs uvar:L.Mail.Survey.Intro ?>

<?cs if:Survey.link ?><?cs uvar:Survey.link ?><?cs else ?><?cs uvar:Ticket.link ?><?cs /if ?>

<?cs call:fact(L.Mail.Number, Ticket.number) ?><?cs
if:Ticket.subject ?><?cs call:fact(L.Mail.Summary, Ticket.subject) ?><?cs /if ?><?cs
call:due(L.Mail.Survey.OpenUntil, Due.survey) ?><?cs call:signature() ?><?cs
/if ?>
