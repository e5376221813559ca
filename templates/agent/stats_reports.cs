<?cs include!"agent/layout.cs" ?>
<?cs # /agent/stats/reports: the snapshots the reader may see, newest first,
       keyset pages (cgi/agent/stats_report.c). ?>
<?cs call:agent_start(L.Stats.Report.List) ?>
<div class="page-head">
  <div>
    <h1><?cs var:L.Stats.Report.List ?></h1>
    <p class="lead"><?cs var:L.Stats.Report.ListLead ?></p>
  </div>
  <a class="button ghost" href="/agent/stats">← <?cs var:L.Stats.Back ?></a>
</div>
<?cs if:RowCount == 0 ?><p class="empty"><?cs var:L.Stats.Report.Empty ?></p><?cs else ?>
<div class="table-wrap"><table class="queue snapshots">
  <caption class="sr"><?cs var:L.Stats.Report.List ?></caption>
  <thead><tr><th scope="col"><?cs var:L.Stats.Report.Col.number ?></th><th scope="col"><?cs var:L.Stats.Report.Col.period ?></th><th scope="col"><?cs var:L.Stats.Report.Col.team ?></th><th scope="col"><?cs var:L.Stats.Report.Col.maker ?></th><th scope="col"><?cs var:L.Stats.Report.Col.made ?></th><th scope="col"><?cs var:L.Stats.Report.Col.status ?></th><th scope="col"><?cs var:L.Stats.Report.Col.conclusions ?></th></tr></thead>
  <tbody><?cs each:r = Rows ?><tr data-snapshot="<?cs var:r.id ?>">
    <td><a href="/agent/stats/reports/<?cs var:r.id ?>">#<?cs var:r.id ?></a><?cs if:r.recount_of ?> <span class="muted">← #<?cs var:r.recount_of ?></span><?cs /if ?></td>
    <td class="when"><?cs var:L.Stats.Kind[r.kind] ?> · <?cs var:r.first ?> – <?cs var:r.last ?></td>
    <td><?cs if:r.team == "0" ?><?cs var:L.Stats.All ?><?cs else ?><bdi><?cs var:Catalog.TeamName[r.team] ?></bdi><?cs /if ?></td>
    <td><bdi><?cs var:r.maker ?></bdi></td>
    <td class="when"><?cs var:r.made_at ?></td>
    <td><span class="pstatus snap-<?cs var:r.status ?>"><?cs var:L.Stats.Report.St[r.status] ?></span></td>
    <td><?cs if:r.concluded == "1" ?><?cs var:L.Stats.Report.Yes ?><?cs else ?><span class="muted"><?cs var:L.Stats.Report.No ?></span><?cs /if ?></td>
  </tr><?cs /each ?></tbody>
</table></div>
<?cs if:Next ?><p class="pager"><a href="/agent/stats/reports?before=<?cs var:Next ?>"><?cs var:L.Stats.Report.Next ?> →</a></p><?cs /if ?>
<?cs /if ?>
<?cs call:agent_end() ?>
