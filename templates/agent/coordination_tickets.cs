<?cs include!"agent/layout.cs" ?>
<?cs include!"agent/stats_tickets_table.cs" ?>
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
<?cs call:stats_tickets_table(L.Coord.Fig[Drill.fig]) ?>
<?cs if:!Rows.0.number ?><p class="empty"><?cs var:L.Stats.Empty ?></p><?cs /if ?>
<?cs if:Next ?><p class="pager"><a href="/agent/coordination/tickets?fig=<?cs var:Drill.fig ?>&amp;team=<?cs var:Drill.team ?>&amp;at=<?cs var:Week.first ?>&amp;after=<?cs var:Next ?>"><?cs var:L.Agent.Queue.More ?> →</a></p><?cs /if ?>
<?cs call:agent_end() ?>
