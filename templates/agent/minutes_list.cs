<?cs include!"agent/layout.cs" ?>
<?cs # /agent/minutes: minutes awaiting my approval (the service director) or
       the minutes I organise (cgi/agent/minutes.c), oldest first, keyset
       pages. Minutes past due and not submitted are red. ?>
<?cs call:agent_start(L.Review.Minutes.List) ?>
<div class="page-head">
  <h1><?cs var:L.Review.Minutes.List ?></h1>
  <nav class="tabs" aria-label="<?cs var:L.Review.Minutes.List ?>">
    <?cs if:Me.director == "1" ?><a href="/agent/minutes?view=awaiting"<?cs if:View == "awaiting" ?> aria-current="page"<?cs /if ?>><?cs var:L.Review.Minutes.View.awaiting ?></a><?cs /if ?>
    <a href="/agent/minutes?view=mine"<?cs if:View == "mine" ?> aria-current="page"<?cs /if ?>><?cs var:L.Review.Minutes.View.mine ?></a>
  </nav>
</div>
<?cs if:RowCount == 0 ?><p class="empty"><?cs var:L.Review.Minutes.Empty[View] ?></p><?cs else ?>
<div class="table-wrap">
<table class="queue minutes-list">
  <caption class="sr"><?cs var:L.Review.Minutes.View[View] ?></caption>
  <thead><tr><th scope="col"><?cs var:L.Review.Meeting.StartsAt ?></th><th scope="col" class="c-subj"><?cs var:L.Review.Minutes.Meeting ?></th><th scope="col"><?cs var:L.Review.Meeting.Organiser ?></th><th scope="col"><?cs var:L.Review.Minutes.Due ?></th><th scope="col"><?cs var:L.Review.Action.Status ?></th></tr></thead>
  <tbody><?cs each:r = Rows ?>
  <tr class="minutes-row<?cs if:r.late == "1" ?> is-overdue<?cs /if ?>"><td class="when"><time datetime="<?cs var:r.meeting_at.iso ?>"><?cs var:r.meeting_at ?></time></td>
    <td class="c-subj"><a href="/agent/minutes/<?cs var:r.id ?>"><bdi><?cs var:r.title ?></bdi></a></td><td><bdi><?cs var:r.organiser ?></bdi></td>
    <td class="when"><?cs var:r.due_at ?><?cs if:r.late == "1" ?> <span class="chip red late"><?cs var:L.Review.Minutes.Late ?></span><?cs /if ?></td>
    <td><span class="pstatus ms-<?cs var:r.status ?>"><?cs var:L.Review.Minutes.St[r.status] ?></span></td></tr>
  <?cs /each ?></tbody>
</table>
</div>
<?cs if:Next ?><p class="pager"><a href="/agent/minutes?view=<?cs var:View ?>&amp;after=<?cs var:Next ?>"><?cs var:L.Review.Problem.Next ?> →</a></p><?cs /if ?>
<?cs /if ?>
<?cs call:agent_end() ?>
