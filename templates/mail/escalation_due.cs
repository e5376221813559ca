<?cs # escalation_due: to the owner and the supervisor when a question
  escalated to R&D has no answer after its deadline (4 h).
  Data: Recipient.name (optional), Ticket.number, Ticket.subject,
  Ticket.priority (code), Escalation.team (who was asked), Escalation.at
  (when, set with view_set_time), Due.answer (the deadline), Body (the
  question, optional), Ticket.link (the agent workspace URL).
  Channel: email or sms.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?><?cs
call:subject(L.Mail.Escalation.Subject) ?><?cs
if:Channel == "sms" ?><?cs call:sms_start() ?><?cs uvar:L.Mail.Escalation.Sms ?> <?cs uvar:Ticket.link ?><?cs
else ?><?cs call:greeting() ?><?cs uvar:L.Mail.Escalation.Intro ?>

<?cs call:ticket_facts() ?><?cs
if:Escalation.team ?><?cs call:fact(L.Mail.Escalation.Team, Escalation.team) ?><?cs /if ?><?cs
if:Escalation.at ?><?cs call:fact(L.Mail.Escalation.AskedAt, Escalation.at) ?><?cs /if ?><?cs
if:Due.answer ?><?cs call:fact(L.Mail.Escalation.DueAt, Due.answer) ?><?cs /if ?><?cs
if:Body ?>
<?cs uvar:L.Mail.Escalation.Question ?>
<?cs uvar:Body ?>
<?cs /if ?><?cs
call:link(L.Mail.OpenTicket, Ticket.link) ?><?cs call:signature() ?><?cs
/if ?>
