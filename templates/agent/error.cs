<?cs include!"agent/layout.cs" ?>
<?cs if:Me.name ?><?cs call:agent_start(L.Error.Title) ?><?cs else ?><!DOCTYPE html><html><head><meta charset="utf-8"><title><?cs var:L.Error.Title ?></title><link rel="stylesheet" href="/static/agent.css"></head><body class="agent"><main id="main"><?cs /if ?>
<section class="card">
  <h1><?cs var:L.Error.Title ?></h1>
  <p><?cs if:L.Error[Error.Key] ?><?cs var:L.Error[Error.Key] ?><?cs else ?><?cs var:L.Agent.Fail[Error.Key] ?><?cs /if ?></p>
  <p><a href="/agent/"><?cs var:L.Agent.Queue.mine ?></a></p>
</section>
<?cs if:Me.name ?><?cs call:agent_end() ?><?cs else ?></main></body></html><?cs /if ?>
