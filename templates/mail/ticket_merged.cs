<?cs # ticket_merged: to the customer when their ticket was merged into
  another one that reported the same problem.
  Data: Recipient.name (optional), Ticket.number (the merged ticket),
  Ticket.subject, Body (the surviving ticket's number and subject),
  Ticket.link (the merged ticket's private link, which now opens the
  surviving ticket). Channel: email or sms.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?><?cs
call:subject(L.Mail.Merged.Subject) ?><?cs
if:Channel == "sms" ?><?cs call:sms_start() ?><?cs uvar:L.Mail.Merged.Sms ?> <?cs uvar:Ticket.link ?><?cs
else ?><?cs call:greeting() ?><?cs uvar:L.Mail.Merged.Intro ?>
<?cs call:text(Body) ?>
<?cs call:ticket_facts() ?>
<?cs uvar:L.Mail.Merged.Link ?>
<?cs call:link(L.Mail.FollowLink, Ticket.link) ?><?cs call:signature() ?><?cs
/if ?>
