<?cs # ticket_reply: to the customer when an engineer answers.
  Data: Recipient.name (optional), Ticket.number, Ticket.subject,
  Agent.name (the engineer, optional), Body (the reply as the customer sees
  it), Ticket.link (the private follow link). Channel: email or sms (the
  SMS only says there is a reply).
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?><?cs
call:subject(L.Mail.Reply.Subject) ?><?cs
if:Channel == "sms" ?><?cs call:sms_start() ?><?cs uvar:L.Mail.Reply.Sms ?> <?cs uvar:Ticket.link ?><?cs
else ?><?cs call:greeting() ?><?cs uvar:L.Mail.Reply.Intro ?>
<?cs call:text(Body) ?><?cs
if:Agent.name ?><?cs call:fact(L.Mail.Engineer, Agent.name) ?><?cs /if ?><?cs
call:fact(L.Mail.Number, Ticket.number) ?>
<?cs uvar:L.Mail.Reply.Next ?>
<?cs call:link(L.Mail.FollowLink, Ticket.link) ?><?cs call:signature() ?><?cs
/if ?>
