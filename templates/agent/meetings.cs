<?cs include!"agent/layout.cs" ?>
<?cs # /agent/meetings: review meetings one may see (cgi/agent/meetings.c). ?>
<?cs call:agent_start(L.Review.Meeting.List) ?>
<div class="page-head">
  <h1><?cs var:L.Review.Meeting.List ?></h1>
  <?cs if:Me.manager == "1" ?><a class="button primary" href="/agent/meetings/new"><?cs var:L.Review.Meeting.New ?></a><?cs /if ?>
</div>
<nav class="filter-tabs kind-filter" aria-label="<?cs var:L.Review.Meeting.KindField ?>"><a href="/agent/meetings"<?cs if:!Filter.kind ?> aria-current="page" class="on"<?cs /if ?>><?cs var:L.Review.Meeting.AllKinds ?></a><?cs each:k = Kinds ?> <a href="/agent/meetings?kind=<?cs var:k ?>"<?cs if:Filter.kind == k ?> aria-current="page" class="on"<?cs /if ?>><?cs var:L.Review.Meeting.Kind[k] ?></a><?cs /each ?></nav>
<?cs if:RowCount == 0 ?><p class="empty"><?cs var:L.Review.Meeting.Empty ?></p><?cs else ?>
<div class="table-wrap">
<table class="queue meetings">
  <caption class="sr"><?cs var:L.Review.Meeting.List ?></caption>
  <thead><tr><th scope="col"><?cs var:L.Review.Meeting.StartsAt ?></th><th scope="col" class="c-subj"><?cs var:L.Review.Meeting.TitleField ?></th><th scope="col"><?cs var:L.Review.Meeting.KindField ?></th><th scope="col"><?cs var:L.Review.Meeting.Organiser ?></th><th scope="col"><?cs var:L.Review.Meeting.StatusField ?></th></tr></thead>
  <tbody><?cs each:r = Rows ?>
  <tr><td class="when"><a href="/agent/meetings/<?cs var:r.id ?>"><time datetime="<?cs var:r.starts_at.iso ?>"><?cs var:r.starts_at ?></time></a><?cs if:r.overridden == "1" ?> <span class="rtag rt-human_error"><?cs var:L.Review.Meeting.Overridden ?></span><?cs /if ?></td>
    <td class="c-subj"><a href="/agent/meetings/<?cs var:r.id ?>"><bdi><?cs var:r.title ?></bdi></a></td>
    <td><span class="mkind mk-<?cs var:r.kind ?>"><?cs var:L.Review.Meeting.Kind[r.kind] ?></span></td><td><bdi><?cs var:r.organiser ?></bdi></td><td><span class="mstatus ms-<?cs var:r.status ?>"><?cs var:L.Review.Meeting.Status[r.status] ?></span></td></tr>
  <?cs /each ?></tbody>
</table>
</div>
<?cs if:Next ?><p class="pager"><a href="/agent/meetings?<?cs if:Filter.kind ?>kind=<?cs var:Filter.kind ?>&amp;<?cs /if ?>before=<?cs var:Next ?>"><?cs var:L.Review.Problem.Next ?> →</a></p><?cs /if ?>
<?cs /if ?>
<?cs call:agent_end() ?>
