<?cs # progress_update: to the customer at each progress update.
  Data: Recipient.name (optional), Ticket.number, Ticket.subject, Body (the
  progress note), Agent.name (optional), Due.next_update (optional),
  Ticket.link (the private follow link). Channel: email or sms.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?><?cs
call:subject(L.Mail.Progress.Subject) ?><?cs
if:Channel == "sms" ?><?cs call:sms_start() ?><?cs uvar:L.Mail.Progress.Sms ?> <?cs uvar:Ticket.link ?><?cs
else ?><?cs call:greeting() ?><?cs uvar:L.Mail.Progress.Intro ?>
<?cs call:text(Body) ?><?cs
if:Agent.name ?><?cs call:fact(L.Mail.Engineer, Agent.name) ?><?cs /if ?><?cs
call:fact(L.Mail.Number, Ticket.number) ?><?cs
call:due(L.Mail.Progress.NextUpdate, Due.next_update) ?><?cs
call:link(L.Mail.FollowLink, Ticket.link) ?><?cs call:signature() ?><?cs
/if ?>
