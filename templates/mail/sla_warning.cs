<?cs # sla_warning: to the owner (and team lead) when a deadline is close
  (the warning threshold, e.g. 75 % of the time used).
  Data: Recipient.name (optional), Ticket.number, Ticket.subject,
  Ticket.priority (code), Clock.kind (classify, accept, first_response,
  resolution, update, escalation or workaround), Due.at (the deadline, set with
  view_set_time), Clock.left (time left, set with view_set_span in
  minutes), Agent.name (the owner, optional), Ticket.link (the agent
  workspace URL). Channel: email or sms.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?>Subject: <?cs call:tag() ?> <?cs
uvar:L.Mail.Warning.Subject ?><?cs call:sep() ?><?cs call:clock_name(Clock.kind) ?><?cs
if:Due.at ?> <?cs uvar:L.Mail.By ?> <?cs uvar:Due.at ?><?cs /if ?>
<?cs if:Channel == "sms" ?><?cs call:sms_start() ?><?cs uvar:L.Mail.Warning.Sms ?><?cs call:sep() ?><?cs
  call:clock_name(Clock.kind) ?><?cs if:Due.at ?> <?cs uvar:L.Mail.By ?> <?cs uvar:Due.at ?><?cs /if ?> <?cs
  uvar:Ticket.link ?><?cs
else ?><?cs call:greeting() ?><?cs uvar:L.Mail.Warning.Intro ?>

<?cs call:ticket_facts() ?><?cs
if:Agent.name ?><?cs call:fact(L.Mail.Engineer, Agent.name) ?><?cs /if ?>  <?cs
uvar:L.Mail.Warning.Clock ?><?cs call:sep() ?><?cs call:clock_name(Clock.kind) ?>
<?cs if:Due.at ?><?cs call:fact(L.Mail.Warning.DueAt, Due.at) ?><?cs /if ?><?cs
if:?Clock.left.minutes ?>  <?cs uvar:L.Mail.Warning.Left ?><?cs call:sep() ?><?cs call:span(Clock.left) ?>
<?cs /if ?><?cs
call:link(L.Mail.OpenTicket, Ticket.link) ?><?cs call:signature() ?><?cs
/if ?>
