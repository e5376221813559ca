<?cs # emergency_team: to each member of an emergency team (lead included)
  when the team is formed, and to each one added later: what the
  emergency is, who leads it, and the two deadlines.
  Data: Recipient.name (optional), Emergency.title, Emergency.lead,
  Emergency.is_lead (1 for the lead), Emergency.link, Due.plan,
  Due.feedback.
  Channel: email.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?>Subject: <?cs uvar:L.Mail.Emergency.TeamSubject ?><?cs call:sep() ?><?cs uvar:Emergency.title ?>
<?cs call:greeting() ?><?cs if:Emergency.is_lead == 1 ?><?cs uvar:L.Mail.Emergency.LeadIntro ?><?cs else ?><?cs uvar:L.Mail.Emergency.MemberIntro ?><?cs /if ?>

<?cs call:fact(L.Mail.Emergency.What, Emergency.title) ?><?cs
call:fact(L.Mail.Emergency.Lead, Emergency.lead) ?><?cs
call:due(L.Mail.Emergency.PlanBy, Due.plan) ?><?cs
call:due(L.Mail.Emergency.FeedbackBy, Due.feedback) ?><?cs
call:link(L.Mail.Emergency.Open, Emergency.link) ?><?cs call:signature() ?>
