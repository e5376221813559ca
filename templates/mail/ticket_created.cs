<?cs # ticket_created: to the customer when a ticket is opened.
  Data: Recipient.name (optional), Ticket.number, Ticket.subject,
  Ticket.category (name in the recipient's language) or Ticket.category_id,
  Ticket.priority (priority code: its catalogue name is shown),
  Due.classify, Due.first_response, Due.resolution (each optional, set with
  view_set_time), Ticket.link (the customer's private follow link).
  Channel (set by outbox_add): email or sms.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?><?cs
call:subject(L.Mail.Created.Subject) ?><?cs
if:Channel == "sms" ?><?cs call:sms_start() ?><?cs uvar:L.Mail.Created.Sms ?><?cs
  if:Due.first_response ?><?cs call:sp() ?><?cs uvar:L.Mail.Created.SmsDue ?> <?cs
    uvar:Due.first_response ?><?cs uvar:L.Mail.Period ?><?cs /if ?> <?cs uvar:Ticket.link ?><?cs
else ?><?cs call:greeting() ?><?cs uvar:L.Mail.Created.Intro ?>

<?cs call:ticket_facts() ?><?cs
call:due(L.Mail.Created.ClassifyBy, Due.classify) ?><?cs
call:due(L.Mail.Created.FirstResponseBy, Due.first_response) ?><?cs
call:due(L.Mail.Created.ResolutionBy, Due.resolution) ?>
<?cs uvar:L.Mail.Created.Next ?>
<?cs call:link(L.Mail.FollowLink, Ticket.link) ?><?cs call:signature() ?><?cs
/if ?>
