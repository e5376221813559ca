<?cs # new_assignment: to the agent a ticket was assigned to.
  Data: Recipient.name (the agent, optional), Ticket.number, Ticket.subject,
  Ticket.category or Ticket.category_id, Ticket.priority (code),
  Customer.name (optional), Due.accept (acceptance deadline),
  Due.first_response (optional), Ticket.link (the agent workspace URL).
  Channel: email or sms.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?><?cs
call:subject(L.Mail.Assignment.Subject) ?><?cs
if:Channel == "sms" ?><?cs call:sms_start() ?><?cs uvar:L.Mail.Assignment.Sms ?> <?cs uvar:Ticket.link ?><?cs
else ?><?cs call:greeting() ?><?cs uvar:L.Mail.Assignment.Intro ?>

<?cs call:ticket_facts() ?><?cs
if:Customer.name ?><?cs call:fact(L.Mail.Customer, Customer.name) ?><?cs /if ?><?cs
call:due(L.Mail.Assignment.AcceptBy, Due.accept) ?><?cs
call:due(L.Mail.Assignment.FirstResponseBy, Due.first_response) ?><?cs
call:link(L.Mail.OpenTicket, Ticket.link) ?><?cs call:signature() ?><?cs
/if ?>
