<?cs # sla_breach: to the owner and the supervisor when a deadline is missed
 .
  Data: Recipient.name (optional), Ticket.number, Ticket.subject,
  Ticket.priority (code), Clock.kind (classify, accept, first_response,
  resolution, update, escalation or workaround), Due.at (the deadline, set with
  view_set_time), Clock.over (overdue by, set with view_set_span;
  optional), Agent.name (the owner, optional), Ticket.link (the agent
  workspace URL). Channel: email or sms.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?>Subject: <?cs call:tag() ?> <?cs
uvar:L.Mail.Breach.Subject ?><?cs call:sep() ?><?cs call:clock_name(Clock.kind) ?><?cs
if:Ticket.subject ?> - <?cs uvar:Ticket.subject ?><?cs /if ?>
<?cs if:Channel == "sms" ?><?cs call:sms_start() ?><?cs uvar:L.Mail.Breach.Sms ?><?cs call:sep() ?><?cs
  call:clock_name(Clock.kind) ?> <?cs uvar:Ticket.link ?><?cs
else ?><?cs call:greeting() ?><?cs uvar:L.Mail.Breach.Intro ?>

<?cs call:ticket_facts() ?><?cs
if:Agent.name ?><?cs call:fact(L.Mail.Engineer, Agent.name) ?><?cs /if ?>  <?cs
uvar:L.Mail.Breach.Clock ?><?cs call:sep() ?><?cs call:clock_name(Clock.kind) ?>
<?cs if:Due.at ?><?cs call:fact(L.Mail.Breach.DueAt, Due.at) ?><?cs /if ?><?cs
if:?Clock.over.minutes ?>  <?cs uvar:L.Mail.Breach.Over ?><?cs call:sep() ?><?cs call:span(Clock.over) ?>
<?cs /if ?><?cs
call:link(L.Mail.OpenTicket, Ticket.link) ?><?cs call:signature() ?><?cs
/if ?>
