<?cs include!"agent/layout.cs" ?>
<?cs call:agent_start(L.Coord.Of + " " + L.Coord.Fig[Drill.fig]) ?>
<?cs # The tickets behind one number of the weekly coordination view, by
       ticket id (cgi/agent/coordination.c). ?>
<div class="page-head">
  <div>
    <h1><?cs var:L.Coord.Fig[Drill.fig] ?> · <?cs if:Drill.team_name ?><?cs var:Drill.team_name ?><?cs else ?><?cs var:L.Coord.NoTeam ?><?cs /if ?></h1>
    <p class="lead"><?cs var:L.Coord.FigHelp[Drill.fig] ?> · <?cs var:L.Coord.Week ?> <time><?cs var:Week.first ?></time> – <time><?cs var:Week.last ?></time> · <?cs var:L.Coord.AsOf ?> <time><?cs var:Week.asof ?></time></p>
  </div>
  <a class="button ghost" href="/agent/coordination?at=<?cs var:Week.first ?>">← <?cs var:L.Coord.Title ?></a>
</div>
<div class="table-wrap">
<table class="queue stats-tickets">
  <caption class="sr"><?cs var:L.Coord.Fig[Drill.fig] ?></caption>
  <thead><tr><th scope="col" class="c-num"><?cs var:L.Agent.Col.number ?></th><th scope="col" class="c-subj"><?cs var:L.Agent.Col.subject ?></th><th scope="col"><?cs var:L.Agent.Col.category ?></th><th scope="col"><?cs var:L.Agent.Col.priority ?></th><th scope="col"><?cs var:L.Agent.Col.team ?></th><th scope="col"><?cs var:L.Agent.Col.status ?></th><th scope="col"><?cs var:L.Agent.Col.created ?></th></tr></thead>
  <tbody>
  <?cs each:r = Rows ?>
  <tr data-href="/agent/t/<?cs var:url_escape(r.number) ?>" class="p-<?cs var:r.priority ?>">
    <td class="num"><a href="/agent/t/<?cs var:url_escape(r.number) ?>"><?cs var:r.number ?></a></td>
    <td class="subj"><bdi class="subj-text"><?cs var:r.subject ?></bdi></td>
    <td><?cs var:r.category ?></td>
    <td><?cs call:priority_badge(r.priority) ?></td>
    <td><?cs var:r.team ?></td>
    <td><?cs call:status_pill(r.status) ?></td>
    <td class="when"><?cs var:r.created ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs if:!Rows.0.number ?><p class="empty"><?cs var:L.Stats.Empty ?></p><?cs /if ?>
<?cs if:Next ?><p class="pager"><a href="/agent/coordination/tickets?fig=<?cs var:Drill.fig ?>&amp;team=<?cs var:Drill.team ?>&amp;at=<?cs var:Week.first ?>&amp;after=<?cs var:Next ?>"><?cs var:L.Agent.Queue.More ?> →</a></p><?cs /if ?>
<?cs call:agent_end() ?>
