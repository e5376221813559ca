<?cs # emergency_alert: to each member of an emergency team, once per
  alert: the preliminary plan or the feedback to the customer is due soon
  (a warning) or overdue (a breach).
  Data: Recipient.name (optional), Emergency.title, Emergency.link,
  Alert.kind (plan_warning, plan_breach, feedback_warning,
  feedback_breach), Due.at (the deadline).
  Channel: email.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?>Subject: <?cs uvar:L.Mail.Emergency.Alert[Alert.kind] ?><?cs call:sep() ?><?cs uvar:Emergency.title ?>
<?cs call:greeting() ?><?cs uvar:L.Mail.Emergency.AlertIntro[Alert.kind] ?>

<?cs call:fact(L.Mail.Emergency.What, Emergency.title) ?><?cs
call:due(L.Mail.Emergency.Deadline, Due.at) ?><?cs
call:link(L.Mail.Emergency.Open, Emergency.link) ?><?cs call:signature() ?>
