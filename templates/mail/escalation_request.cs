<?cs # escalation_request: to each member of the R&D team a ticket was
  escalated to: the question waits in their R&D queue.
  Data: Recipient.name (optional), Ticket.number, Ticket.subject,
  Ticket.priority (code), Agent.name (the owner, who asked; optional),
  Customer.name, Escalation.team, Due.answer (the answer's deadline),
  Ticket.link (the agent workspace URL).
  Channel: email or sms.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?><?cs
call:subject(L.Mail.EscalationRequest.Subject) ?><?cs
if:Channel == "sms" ?><?cs call:sms_start() ?><?cs uvar:L.Mail.EscalationRequest.Sms ?> <?cs uvar:Ticket.link ?><?cs
else ?><?cs call:greeting() ?><?cs uvar:L.Mail.EscalationRequest.Intro ?>

<?cs call:ticket_facts() ?><?cs
if:Customer.name ?><?cs call:fact(L.Mail.Customer, Customer.name) ?><?cs /if ?><?cs
if:Escalation.team ?><?cs call:fact(L.Mail.EscalationRequest.Team, Escalation.team) ?><?cs /if ?><?cs
if:Agent.name ?><?cs call:fact(L.Mail.EscalationRequest.Contact, Agent.name) ?><?cs /if ?><?cs
call:due(L.Mail.EscalationRequest.AnswerBy, Due.answer) ?><?cs
call:link(L.Mail.OpenTicket, Ticket.link) ?><?cs call:signature() ?><?cs
/if ?>
