<?cs # acceptance_request: asks the customer to check the result and accept
  it (验收).
  Data: Recipient.name (optional), Ticket.number, Ticket.subject, Body (what
  was done, optional), Due.acceptance (optional: accept by), Ticket.link (the
  private follow link). Channel: email or sms.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?><?cs
call:subject(L.Mail.Acceptance.Subject) ?><?cs
if:Channel == "sms" ?><?cs call:sms_start() ?><?cs uvar:L.Mail.Acceptance.Sms ?> <?cs uvar:Ticket.link ?><?cs
else ?><?cs call:greeting() ?><?cs uvar:L.Mail.Acceptance.Intro ?>
<?cs call:text(Body) ?>
<?cs call:fact(L.Mail.Number, Ticket.number) ?><?cs
call:due(L.Mail.Acceptance.AcceptBy, Due.acceptance) ?><?cs
call:link(L.Mail.FollowLink, Ticket.link) ?><?cs call:signature() ?><?cs
/if ?>
