<?cs include!"agent/layout.cs" ?>
<?cs call:agent_start(L.Agent.Esc.Nav) ?>
<div class="page-head">
  <h1><?cs var:L.Agent.Esc.Nav ?> · <bdi><?cs var:Catalog.TeamName[Rnd.team] ?></bdi></h1>
  <p class="page-count"><strong class="rnd-waiting"><?cs var:Rnd.waiting ?></strong> <?cs var:L.Agent.Esc.Queue.Waiting ?></p>
</div>
<p class="hint rnd-help"><?cs var:L.Agent.Esc.Queue.Help ?></p>
<?cs if:subcount(Rnd.Teams) > 1 ?>
<nav class="tabs rnd-teams" aria-label="<?cs var:L.Agent.Esc.Team ?>"><?cs each:t = Rnd.Teams ?><a href="/agent/rnd?team=<?cs var:t.id ?>"<?cs if:t.id == Rnd.team ?> aria-current="page"<?cs /if ?>><bdi><?cs var:t.name ?></bdi></a> <?cs /each ?></nav>
<?cs /if ?>
<?cs if:RowCount == 0 ?>
<p class="empty"><?cs var:L.Agent.Esc.Queue.Empty ?></p>
<?cs else ?>
<div class="table-wrap">
<table class="queue rnd-queue">
  <caption class="sr"><?cs var:L.Agent.Esc.Nav ?></caption>
  <thead><tr>
    <th scope="col" class="c-num"><?cs var:L.Agent.Col.number ?></th>
    <th scope="col" class="c-subj"><?cs var:L.Agent.Col.subject ?> · <?cs var:L.Agent.Esc.Reason ?> · <?cs var:L.Agent.Action.Impact ?></th>
    <th scope="col" class="c-prio"><?cs var:L.Agent.Col.priority ?></th>
    <th scope="col" class="c-st"><?cs var:L.Agent.Col.status ?></th>
    <th scope="col" class="c-owner"><?cs var:L.Agent.Col.owner ?></th>
    <th scope="col" class="c-asked"><?cs var:L.Agent.Esc.Queue.Asked ?></th>
    <th scope="col" class="c-expected"><?cs var:L.Agent.Esc.Queue.Expected ?></th>
    <th scope="col" class="c-due"><?cs var:L.Agent.Esc.Queue.Left ?></th>
  </tr></thead>
  <tbody>
  <?cs each:r = Rows ?>
    <tr data-href="/agent/t/<?cs var:url_escape(r.number) ?>#escalation" class="p-<?cs var:r.priority ?><?cs if:r.answered ?> is-answered<?cs elif:r.due.state == "breach" ?> is-breach<?cs /if ?>">
      <td class="num"><a href="/agent/t/<?cs var:url_escape(r.number) ?>#escalation"><?cs var:r.number ?></a></td>
      <td class="subj"><span class="rnd-subject"><?cs var:r.subject ?></span>
        <span class="rnd-reason"><span class="muted"><?cs var:L.Agent.Esc.Reason ?>:</span> <?cs var:r.reason ?></span>
        <span class="rnd-impact"><span class="muted"><?cs var:L.Agent.Action.Impact ?>:</span> <?cs var:r.impact ?></span></td>
      <td><?cs call:priority_badge(r.priority) ?></td>
      <td><?cs call:status_pill(r.status) ?></td>
      <td class="owner"><?cs if:r.owner ?><bdi><?cs var:r.owner ?></bdi><?cs else ?><span class="muted"><?cs var:L.Agent.Ticket.Nobody ?></span><?cs /if ?><?cs if:r.by && r.by != r.owner ?><span class="muted small rnd-by"><?cs var:L.Agent.Esc.By ?> <bdi><?cs var:r.by ?></bdi></span><?cs /if ?></td>
      <td class="when rnd-asked"><time datetime="<?cs var:r.asked.iso ?>"><?cs var:r.asked ?></time></td>
      <td class="when rnd-expected"><?cs if:r.expected ?><time datetime="<?cs var:r.expected.iso ?>"><?cs var:r.expected ?></time><?cs else ?><span class="muted">—</span><?cs /if ?></td>
      <td class="due rnd-due"><?cs if:r.answered ?><span class="sla sla-done"><?cs var:L.Agent.Esc.Queue.Answered ?></span> <time datetime="<?cs var:r.answered.iso ?>"><?cs var:r.answered ?></time><?cs else ?><?cs call:sla_chip(r.due) ?> <time class="rnd-due-at" datetime="<?cs var:r.due.iso ?>"><?cs var:r.due ?></time><?cs /if ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs if:Next ?><p class="pager"><a href="/agent/rnd?team=<?cs var:Rnd.team ?>&amp;after=<?cs var:url_escape(Next) ?>"><?cs var:L.Agent.Queue.More ?> →</a></p><?cs /if ?>
<?cs /if ?>
<?cs call:agent_end() ?>
