<?cs # acceptance_reminder: to the assignee and the supervisor when a ticket
  is not accepted within its team's acceptance timeout (SLA.AcceptMinutes,
  30 minutes by default, or the team's own).
  Data: Recipient.name (optional), Ticket.number, Ticket.subject,
  Ticket.priority (code), Agent.name (the assignee), Assigned.at (set with
  view_set_time), Due.accept, Ticket.link (the agent workspace URL).
  Channel: email or sms.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?><?cs
call:subject(L.Mail.AcceptReminder.Subject) ?><?cs
if:Channel == "sms" ?><?cs call:sms_start() ?><?cs uvar:L.Mail.AcceptReminder.Sms ?> <?cs uvar:Ticket.link ?><?cs
else ?><?cs call:greeting() ?><?cs uvar:L.Mail.AcceptReminder.Intro ?>

<?cs call:ticket_facts() ?><?cs
if:Agent.name ?><?cs call:fact(L.Mail.AcceptReminder.AssignedTo, Agent.name) ?><?cs /if ?><?cs
if:Assigned.at ?><?cs call:fact(L.Mail.AcceptReminder.AssignedAt, Assigned.at) ?><?cs /if ?><?cs
call:due(L.Mail.AcceptReminder.AcceptBy, Due.accept) ?><?cs
call:link(L.Mail.OpenTicket, Ticket.link) ?><?cs call:signature() ?><?cs
/if ?>
