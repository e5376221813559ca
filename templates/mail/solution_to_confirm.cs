<?cs # solution_to_confirm: to the customer when a solution needs their
  consent before it is carried out.
  Data: Recipient.name (optional), Ticket.number, Ticket.subject,
  Agent.name (optional), Body (the proposed solution), Due.confirm
  (optional: confirm by), Ticket.link (the private follow link).
  Channel: email or sms.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?><?cs
call:subject(L.Mail.Solution.Subject) ?><?cs
if:Channel == "sms" ?><?cs call:sms_start() ?><?cs uvar:L.Mail.Solution.Sms ?> <?cs uvar:Ticket.link ?><?cs
else ?><?cs call:greeting() ?><?cs uvar:L.Mail.Solution.Intro ?>
<?cs call:text(Body) ?><?cs
if:Agent.name ?><?cs call:fact(L.Mail.Engineer, Agent.name) ?><?cs /if ?><?cs
call:fact(L.Mail.Number, Ticket.number) ?><?cs
call:due(L.Mail.Solution.ConfirmBy, Due.confirm) ?><?cs
call:link(L.Mail.FollowLink, Ticket.link) ?><?cs call:signature() ?><?cs
/if ?>
