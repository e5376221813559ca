<?cs include!"agent/layout.cs" ?>
<?cs # /agent/meetings/ID: a meeting's notice (cgi/agent/meetings.c). ?>
<?cs call:agent_start(Meeting.title) ?>
<div class="page-head noprint problem-bar"><p class="crumbs"><a href="/agent/meetings">← <?cs var:L.Review.Meeting.List ?></a></p>
  <div class="problem-steps">
    <span class="mstatus ms-<?cs var:Meeting.status ?>"><?cs var:L.Review.Meeting.Status[Meeting.status] ?></span>
    <a class="button<?cs if:Meeting.status == "scheduled" ?> primary<?cs /if ?>" href="/agent/meetings/<?cs var:Meeting.id ?>/pack"><?cs var:L.Review.Meeting.Pack.Open ?></a>
    <?cs if:Coord.at ?><a class="button coord-link" href="/agent/coordination?at=<?cs var:Coord.at ?>"><?cs var:L.Coord.Link ?></a><?cs /if ?>
    <?cs if:Perm.change == "1" ?><a class="button" href="/agent/meetings/<?cs var:Meeting.id ?>/edit"><?cs var:L.Review.Meeting.Edit ?></a><?cs /if ?>
    <?cs if:Perm.held == "1" ?><form method="post" action="/agent/meetings/<?cs var:Meeting.id ?>/held" class="inline"><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="version" value="<?cs var:Meeting.version ?>"><button type="submit"><?cs var:L.Review.Meeting.MarkHeld ?></button></form><?cs /if ?>
    <button type="button" data-print hidden><?cs var:L.Review.Problem.Print ?></button>
  </div>
</div>
<?cs if:Form._form.error ?><div class="alert noprint" role="alert"><?cs var:L.Err[Form._form.error] ?></div><?cs /if ?>
<?cs if:Meeting.status == "cancelled" ?><div class="alert cancelled-note" role="status"><strong><?cs var:L.Review.Meeting.CancelledNote ?></strong><?cs if:Meeting.cancel_reason ?> <?cs var:L.Review.Meeting.CancelReason ?>：<bdi class="cancel-reason"><?cs var:Meeting.cancel_reason ?></bdi><?cs /if ?></div><?cs /if ?>
<article class="doc signed-form problem-doc" aria-labelledby="doc-h">
<header class="doc-head"><p class="doc-site"><?cs var:Site.Name ?></p><h1 id="doc-h"><?cs var:L.Review.Meeting.Kind[Meeting.kind] ?></h1><p class="doc-no"><bdi><?cs var:Meeting.title ?></bdi></p></header>
<dl class="doc-grid">
  <div class="doc-cell"><dt><?cs var:L.Review.Meeting.StartsAt ?></dt><dd><time class="starts-at" datetime="<?cs var:Meeting.starts_at.iso ?>"><?cs var:Meeting.starts_at ?></time></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Duration ?></dt><dd><?cs var:Meeting.duration ?> <?cs var:L.Agent.Sla.minutes ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Location ?></dt><dd><?cs if:Meeting.location ?><bdi><?cs var:Meeting.location ?></bdi><?cs else ?><span class="doc-none">—</span><?cs /if ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Organiser ?></dt><dd><bdi><?cs var:Meeting.organiser ?></bdi></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Earliest ?></dt><dd><?cs var:Meeting.earliest_at ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Override ?></dt><dd class="override"><?cs if:Meeting.override_reason ?><bdi><?cs var:Meeting.override_reason ?></bdi><?cs else ?><span class="doc-none">—</span><?cs /if ?></dd></div>
</dl>
<section class="doc-part"><h2><?cs var:L.Review.Meeting.Agenda ?></h2><?cs if:Meeting.agenda ?><p class="text"><bdi><?cs var:Meeting.agenda ?></bdi></p><?cs else ?><p class="doc-none">—</p><?cs /if ?></section>
<section class="doc-part"><h2><?cs var:L.Review.Meeting.Problems ?></h2>
  <?cs if:Problems.0.id ?><ul class="problem-links"><?cs each:p = Problems ?><li><a href="/agent/problems/<?cs var:p.id ?>"><code><?cs var:p.number ?></code> <bdi><?cs var:p.title ?></bdi></a> <span class="pstatus ps-<?cs var:p.status ?>"><?cs var:L.Review.Problem.St[p.status] ?></span></li><?cs /each ?></ul><?cs else ?><p class="doc-none">—</p><?cs /if ?></section>
<section class="doc-part meeting-teams"><h2><?cs var:L.Review.Meeting.Teams ?></h2>
  <?cs if:Teams.0.id ?><ul class="team-list"><?cs each:t = Teams ?><li><bdi><?cs var:t.name ?></bdi></li><?cs /each ?></ul><?cs else ?><p class="doc-none"><?cs var:L.Review.Meeting.NoTeams ?></p><?cs /if ?></section>
<section class="doc-part"><h2><?cs var:L.Review.Meeting.Attendees ?></h2>
  <?cs if:!Attendees.0.id ?><p class="doc-none">—</p><?cs else ?>
  <table class="doc-work doc-people"><thead><tr><th scope="col"><?cs var:L.Review.Problem.Person ?></th><th scope="col"><?cs var:L.Review.Problem.Team ?></th></tr></thead>
  <tbody><?cs each:a = Attendees ?><tr><td><bdi><?cs var:a.name ?></bdi></td><td><bdi><?cs var:a.teams ?></bdi></td></tr><?cs /each ?></tbody></table><?cs /if ?></section>
<?cs if:Perm.change == "1" ?><section class="doc-part noprint meeting-cancel"><details<?cs if:Form.reason.error ?> open<?cs /if ?>><summary><?cs var:L.Review.Meeting.Cancel ?></summary>
  <form method="post" action="/agent/meetings/<?cs var:Meeting.id ?>/cancel" class="request">
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="version" value="<?cs var:Meeting.version ?>">
    <div class="field<?cs if:Form.reason.error ?> has-error<?cs /if ?>"><label for="f-reason"><?cs var:L.Review.Meeting.CancelReason ?></label>
      <input id="f-reason" name="reason" type="text" maxlength="500" required value="<?cs var:Form.reason.value ?>"<?cs if:Form.reason.error ?> aria-invalid="true" aria-describedby="e-reason"<?cs /if ?>>
      <?cs if:Form.reason.error ?><p class="error" id="e-reason"><?cs var:L.Err[Form.reason.error] ?></p><?cs /if ?>
      <p class="help"><?cs var:L.Review.Meeting.CancelHelp ?></p></div>
    <button type="submit" class="danger"><?cs var:L.Review.Meeting.CancelDo ?></button>
  </form></details></section><?cs /if ?>
<?cs if:Meeting.minutes_id || Meeting.may_minute == "1" ?><section class="doc-part m-minutes noprint"><h2><?cs var:L.Review.Minutes.Title ?></h2>
  <?cs if:Meeting.minutes_id ?><p><a class="button<?cs if:Meeting.minutes_status == "draft" || Meeting.minutes_status == "returned" ?> primary<?cs /if ?>" href="/agent/minutes/<?cs var:Meeting.minutes_id ?>"><?cs var:L.Review.Minutes.Open ?></a> <span class="pstatus ms-<?cs var:Meeting.minutes_status ?>"><?cs var:L.Review.Minutes.St[Meeting.minutes_status] ?></span> <?cs var:L.Review.Minutes.DueIs ?> <time datetime="<?cs var:Meeting.minutes_due.iso ?>"><?cs var:Meeting.minutes_due ?></time><?cs if:Meeting.minutes_late == "1" ?> <span class="chip red late"><?cs var:L.Review.Minutes.Late ?></span><?cs /if ?></p>
  <?cs else ?><p><a class="button primary" href="/agent/minutes/new?meeting=<?cs var:Meeting.id ?>"><?cs var:L.Review.Minutes.Write ?></a></p><?cs /if ?>
</section><?cs /if ?>
<section class="doc-part doc-history"><h2><?cs var:L.Review.Problem.History ?></h2><ol class="history"><?cs each:e = History ?><li><time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time> <bdi class="h-who"><?cs var:e.who ?></bdi> <span class="ev ev-<?cs var:e.kind ?>"><?cs var:L.Review.Meeting.Event[e.kind] ?></span></li><?cs /each ?></ol></section>
</article>
<?cs call:agent_end() ?>
