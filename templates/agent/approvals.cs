<?cs include!"agent/layout.cs" ?>
<?cs call:agent_start(L.Agent.Queue.approvals) ?>
<h1><?cs var:L.Agent.Action.Pending ?></h1>
<?cs if:!Requests.0.id ?><p class="empty"><?cs var:L.Agent.Queue.Empty ?></p><?cs else ?>
<table class="queue">
  <thead><tr><th scope="col"><?cs var:L.Agent.Col.number ?></th><th scope="col"><?cs var:L.Agent.Col.subject ?></th><th scope="col"><?cs var:L.Agent.Col.priority ?></th><th scope="col"><?cs var:L.Agent.Action.Reason ?></th><th scope="col"><?cs var:L.Agent.Col.owner ?></th><th scope="col"></th></tr></thead>
  <tbody>
  <?cs each:q = Requests ?>
  <tr>
    <td class="num"><a href="/agent/t/<?cs var:url_escape(q.number) ?>"><?cs var:q.number ?></a></td>
    <td><?cs var:q.subject ?></td>
    <td><?cs call:priority_badge(q.from) ?> → <?cs call:priority_badge(q.to) ?></td>
    <td><?cs var:q.reason ?></td>
    <td><?cs var:q.by ?><br><span class="muted"><?cs var:q.at ?></span></td>
    <td><form method="post" action="/agent/approvals/<?cs var:q.id ?>" class="decide">
      <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
      <input name="note" placeholder="<?cs var:L.Agent.Action.Note ?>" aria-label="<?cs var:L.Agent.Action.Note ?>">
      <button type="submit" name="decision" value="approve" class="primary"><?cs var:L.Agent.Action.Approve ?></button>
      <button type="submit" name="decision" value="reject"><?cs var:L.Agent.Action.Reject ?></button>
    </form></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs call:agent_end() ?>
