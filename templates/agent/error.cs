<?cs include!"agent/layout.cs" ?>
<?cs if:Me.name ?><?cs call:agent_start(L.Error.Title) ?><?cs else ?><!DOCTYPE html><html lang="<?cs if:Lang.Code == "en" ?>en<?cs else ?>zh-CN<?cs /if ?>"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title><?cs var:L.Error.Title ?></title><link rel="icon" href="/static/logo.svg" type="image/svg+xml"><link rel="stylesheet" href="/static/agent.css"></head><body class="agent login-page"><main id="main" class="login-box"><?cs /if ?>
<section class="card error-card">
  <h1><?cs var:L.Error.Title ?></h1>
  <p><?cs if:L.Error[Error.Key] ?><?cs var:L.Error[Error.Key] ?><?cs else ?><?cs var:L.Agent.Fail[Error.Key] ?><?cs /if ?></p>
  <p><a class="button" href="/agent/"><?cs var:L.Agent.Queue.mine ?></a></p>
</section>
<?cs if:Me.name ?><?cs call:agent_end() ?><?cs else ?></main></body></html><?cs /if ?>
