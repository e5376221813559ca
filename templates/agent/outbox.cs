<?cs include!"agent/layout.cs" ?>
<?cs call:agent_start(L.Agent.Outbox.Title) ?>
<h1><?cs var:L.Agent.Outbox.Title ?></h1>
<p class="hint"><?cs var:L.Agent.Outbox.Help ?></p>
<?cs if:!Failed.0.id ?><p class="empty"><?cs var:L.Agent.Outbox.Empty ?></p><?cs else ?>
<table class="queue">
  <thead><tr><th scope="col"><?cs var:L.Agent.Outbox.When ?></th><th scope="col"><?cs var:L.Agent.Outbox.Kind ?></th><th scope="col"><?cs var:L.Agent.Outbox.To ?></th><th scope="col"><?cs var:L.Agent.Col.subject ?></th><th scope="col"><?cs var:L.Agent.Outbox.Error ?></th><th scope="col"></th></tr></thead>
  <tbody>
  <?cs each:f = Failed ?>
  <tr>
    <td><?cs var:f.at ?></td>
    <td><?cs var:f.kind ?> (<?cs var:f.channel ?>)</td>
    <td><?cs var:f.recipient ?></td>
    <td><?cs var:f.subject ?></td>
    <td><?cs var:f.error ?> · <?cs var:f.attempts ?>×</td>
    <td><form method="post" action="/agent/outbox/<?cs var:f.id ?>/retry"><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><button type="submit"><?cs var:L.Agent.Outbox.Retry ?></button></form></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs call:agent_end() ?>
