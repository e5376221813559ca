<?cs include!"agent/layout.cs" ?>
<?cs # /agent/drills/ID: a drill record with its follow-up actions (cgi/agent/drills.c). ?>
<?cs def:text_or_none(v) ?><?cs if:v ?><span class="text"><bdi><?cs var:v ?></bdi></span><?cs else ?><span class="doc-none">—</span><?cs /if ?><?cs /def ?>
<?cs call:agent_start(Drill.title) ?>
<div class="page-head noprint problem-bar"><p class="crumbs"><a href="/agent/drills">← <?cs var:L.Review.Drill.List ?></a></p><button type="button" data-print hidden><?cs var:L.Review.Problem.Print ?></button></div>
<article class="doc signed-form problem-doc drill-doc" aria-labelledby="doc-h">
<header class="doc-head"><p class="doc-site"><?cs var:Site.Name ?></p><h1 id="doc-h"><?cs var:L.Review.Drill.Title ?></h1><p class="doc-no"><bdi><?cs var:Drill.title ?></bdi></p></header>
<dl class="doc-grid">
  <div class="doc-cell"><dt><?cs var:L.Review.Drill.HeldOn ?></dt><dd><?cs var:Drill.held_on ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Drill.Author ?></dt><dd><bdi><?cs var:Drill.author ?></bdi></dd></div>
  <div class="doc-cell doc-wide"><dt><?cs var:L.Review.Drill.Participants ?></dt><dd><?cs call:text_or_none(Drill.participants) ?></dd></div>
</dl>
<section class="doc-part"><h2><?cs var:L.Review.Drill.Scenario ?></h2><p class="doc-text d-scenario"><?cs call:text_or_none(Drill.scenario) ?></p></section>
<section class="doc-part"><h2><?cs var:L.Review.Drill.Findings ?></h2><p class="doc-text d-findings"><?cs call:text_or_none(Drill.findings) ?></p></section>
<section class="doc-part d-actions"><h2><?cs var:L.Review.Drill.Actions ?></h2>
  <?cs if:Actions.0.id ?><?cs include!"agent/action_rows.cs" ?><?cs else ?><p class="doc-none">—</p><?cs /if ?>
</section>
</article>
<?cs call:agent_end() ?>
