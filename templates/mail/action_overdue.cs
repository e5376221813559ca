<?cs # action_overdue: to an improvement action's owner and their
  department's lead or supervisor (every supervisor when it has none), once,
  when the action is past its deadline and still open.
  Data: Recipient.name (optional), Action.title, Action.target,
  Action.owner, Action.due_on (a date), Action.link.
  Channel: email.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?>Subject: <?cs uvar:L.Mail.Action.OverdueSubject ?><?cs call:sep() ?><?cs uvar:Action.title ?>
<?cs call:greeting() ?><?cs uvar:L.Mail.Action.OverdueIntro ?>

<?cs call:fact(L.Mail.Action.What, Action.title) ?><?cs
if:Action.target ?><?cs call:fact(L.Mail.Action.Target, Action.target) ?><?cs /if ?><?cs
call:fact(L.Mail.Action.Owner, Action.owner) ?><?cs
call:fact(L.Mail.Action.DueOn, Action.due_on) ?><?cs
call:link(L.Mail.Action.Open, Action.link) ?><?cs call:signature() ?>
