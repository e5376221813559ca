<?cs include!"agent/layout.cs" ?><?cs # Errors of the workspace and the admin console, in the words of the
  people who see them: L.Agent.Error.<key> (title, what happened, what to
  do), else an action's L.Agent.Fail.<key> or a form's L.Err.<key>. Signed
  in, the page keeps the frame: the top bar with the search box, the queues
  or the admin menu. ?><?cs
with:e = L.Agent.Error[Error.Key] ?><?cs
if:e.Title ?><?cs set:Error.Title = e.Title ?><?cs else ?><?cs set:Error.Title = L.Agent.Error.Title ?><?cs /if ?><?cs
if:Me.name ?><?cs call:agent_start(Error.Title) ?><?cs else ?><!DOCTYPE html><html lang="<?cs if:Lang.Code == "en" ?>en<?cs else ?>zh-CN<?cs /if ?>"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title><?cs var:Error.Title ?></title><link rel="icon" href="/static/logo.svg" type="image/svg+xml"><link rel="stylesheet" href="/static/agent.css"></head><body class="agent login-page"><main id="main" class="login-box"><?cs /if ?>
<section class="card error-card" data-error="<?cs var:Error.Key ?>" aria-labelledby="error-h">
  <h1 id="error-h"><?cs var:Error.Title ?><?cs if:Error.Number ?> <code class="err-number"><?cs var:Error.Number ?></code><?cs /if ?></h1>
  <p class="err-what"><?cs if:e.Text ?><?cs var:e.Text ?><?cs elif:L.Agent.Fail[Error.Key] ?><?cs var:L.Agent.Fail[Error.Key] ?><?cs else ?><?cs var:L.Err[Error.Key] ?><?cs /if ?></p>
  <?cs if:e.Next ?><p class="err-next"><?cs var:e.Next ?></p><?cs /if ?>
  <p class="err-actions"><?cs
    if:Error.Key == "ticket_not_found" && Error.Number && Me.name ?><a class="button" href="/agent/q/team?q=<?cs var:url_escape(Error.Number) ?>"><?cs var:e.Search ?></a> <?cs /if ?><?cs
    if:Admin.On ?><a class="button" href="/admin/"><?cs var:L.Admin.Home ?></a><?cs
    elif:Me.name ?><a class="button" href="/agent/q/mine"><?cs var:L.Agent.Queue.mine ?></a><?cs
    else ?><a class="button" href="/agent/login"><?cs var:L.Agent.Login.Submit ?></a><?cs /if ?></p>
</section>
<?cs if:Me.name ?><?cs call:agent_end() ?><?cs else ?></main></body></html><?cs /if ?><?cs /with ?>
