<?cs include!"agent/layout.cs" ?>
<?cs call:agent_start(L.Agent.Queue.approvals) ?>
<div class="page-head">
  <h1><?cs var:L.Agent.Action.Pending ?></h1>
</div>
<?cs if:!Requests.0.id ?><p class="empty"><?cs var:L.Agent.Queue.Empty ?></p><?cs else ?>
<div class="table-wrap">
<table class="queue approvals">
  <caption class="sr"><?cs var:L.Agent.Action.Pending ?></caption>
  <thead><tr><th scope="col" class="c-num"><?cs var:L.Agent.Col.number ?></th><th scope="col"><?cs var:L.Agent.Col.subject ?></th><th scope="col"><?cs var:L.Agent.Col.priority ?></th><th scope="col"><?cs var:L.Agent.Action.Reason ?></th><th scope="col"><?cs var:L.Agent.Action.RequestedBy ?></th><th scope="col"><span class="sr"><?cs var:L.Agent.Action.Approve ?> / <?cs var:L.Agent.Action.Reject ?></span></th></tr></thead>
  <tbody>
  <?cs each:q = Requests ?>
  <tr>
    <td class="num"><a href="/agent/t/<?cs var:url_escape(q.number) ?>"><?cs var:q.number ?></a></td>
    <td class="subj"><?cs var:q.subject ?></td>
    <td class="change"><?cs call:priority_badge(q.from) ?> <span class="arrow" aria-hidden="true">→</span> <?cs call:priority_badge(q.to) ?></td>
    <td class="reason-cell"><?cs var:q.reason ?></td>
    <td class="by"><bdi><?cs var:q.by ?></bdi><?cs if:q.api == "1" ?> <span class="tag tag-c-neutral" title="<?cs var:L.Agent.Action.ViaApiHelp ?>">API</span><?cs /if ?><br><span class="muted small"><?cs var:q.at ?></span></td>
    <td><form method="post" action="/agent/approvals/<?cs var:q.id ?>" class="decide">
      <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
      <input name="note" placeholder="<?cs var:L.Agent.Action.Note ?>" aria-label="<?cs var:L.Agent.Action.Note ?> <?cs var:q.number ?>">
      <button type="submit" name="decision" value="approve" class="primary"><?cs var:L.Agent.Action.Approve ?></button>
      <button type="submit" name="decision" value="reject" class="danger"><?cs var:L.Agent.Action.Reject ?></button>
    </form></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs /if ?>
<?cs call:agent_end() ?>
