<?cs include!"agent/layout.cs" ?>
<?cs # /agent/meetings/ID: a meeting's notice (cgi/agent/meetings.c). ?>
<?cs call:agent_start(Meeting.title) ?>
<div class="page-head noprint problem-bar"><p class="crumbs"><a href="/agent/meetings">← <?cs var:L.Review.Meeting.List ?></a></p><button type="button" data-print hidden><?cs var:L.Review.Problem.Print ?></button></div>
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
<section class="doc-part"><h2><?cs var:L.Review.Meeting.Attendees ?></h2>
  <?cs if:!Attendees.0.id ?><p class="doc-none">—</p><?cs else ?>
  <table class="doc-work doc-people"><thead><tr><th scope="col"><?cs var:L.Review.Problem.Person ?></th><th scope="col"><?cs var:L.Review.Problem.Team ?></th></tr></thead>
  <tbody><?cs each:a = Attendees ?><tr><td><bdi><?cs var:a.name ?></bdi></td><td><bdi><?cs var:a.teams ?></bdi></td></tr><?cs /each ?></tbody></table><?cs /if ?></section>
<section class="doc-part doc-history"><h2><?cs var:L.Review.Problem.History ?></h2><ol class="history"><?cs each:e = History ?><li><time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time> <bdi class="h-who"><?cs var:e.who ?></bdi> <span class="ev ev-<?cs var:e.kind ?>"><?cs var:L.Review.Meeting.Event[e.kind] ?></span></li><?cs /each ?></ol></section>
</article>
<?cs call:agent_end() ?>
