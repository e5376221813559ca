<?cs # ticket_resolved: to the customer when the ticket is resolved.
  Data: Recipient.name (optional), Ticket.number, Ticket.subject, Body (the
  resolution summary, optional), Ticket.link (the private follow link).
  Channel: email or sms.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?><?cs
call:subject(L.Mail.Resolved.Subject) ?><?cs
if:Channel == "sms" ?><?cs call:sms_start() ?><?cs uvar:L.Mail.Resolved.Sms ?> <?cs uvar:Ticket.link ?><?cs
else ?><?cs call:greeting() ?><?cs uvar:L.Mail.Resolved.Intro ?>
<?cs call:text(Body) ?>
<?cs call:ticket_facts() ?>
<?cs uvar:L.Mail.Resolved.Reopen ?>
<?cs call:link(L.Mail.FollowLink, Ticket.link) ?><?cs call:signature() ?><?cs
/if ?>
