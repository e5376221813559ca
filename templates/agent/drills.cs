<?cs include!"agent/layout.cs" ?>
<?cs # /agent/drills: drill records, newest first, keyset pages (cgi/agent/drills.c). ?>
<?cs call:agent_start(L.Review.Drill.List) ?>
<div class="page-head">
  <h1><?cs var:L.Review.Drill.List ?></h1>
  <?cs if:Me.manager == "1" ?><a class="button primary" href="/agent/drills/new"><?cs var:L.Review.Drill.New ?></a><?cs /if ?>
</div>
<?cs if:RowCount == 0 ?><p class="empty"><?cs var:L.Review.Drill.Empty ?></p><?cs else ?>
<div class="table-wrap"><table class="queue drills">
  <caption class="sr"><?cs var:L.Review.Drill.List ?></caption>
  <thead><tr><th scope="col"><?cs var:L.Review.Drill.HeldOn ?></th><th scope="col" class="c-subj"><?cs var:L.Review.Drill.TitleField ?></th><th scope="col"><?cs var:L.Review.Drill.Author ?></th><th scope="col"><?cs var:L.Review.Drill.Actions ?></th></tr></thead>
  <tbody><?cs each:r = Rows ?><tr><td class="when"><?cs var:r.held_on ?></td><td class="c-subj"><a href="/agent/drills/<?cs var:r.id ?>"><bdi><?cs var:r.title ?></bdi></a></td><td><bdi><?cs var:r.author ?></bdi></td><td><?cs var:r.actions ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs if:Next ?><p class="pager"><a href="/agent/drills?before=<?cs var:Next ?>"><?cs var:L.Review.Problem.Next ?> →</a></p><?cs /if ?>
<?cs /if ?>
<?cs call:agent_end() ?>
