<?cs include!"agent/layout.cs" ?>
<?cs # /agent/meetings/ID/pack: a meeting's material pack (会前资料,
       cgi/agent/meeting_pack.c), to read before the meeting and to print on
       A4 (doc.css): the meeting, each problem record with its tickets' whole
       records, the statistics of the period before. No contact details. ?>
<?cs def:text_or_none(v) ?><?cs if:v ?><span class="text"><bdi><?cs var:v ?></bdi></span><?cs else ?><span class="doc-none">—</span><?cs /if ?><?cs /def ?>
<?cs call:agent_start(L.Review.Meeting.Pack.Title + " " + Meeting.title) ?>
<div class="page-head noprint problem-bar"><p class="crumbs"><a href="/agent/meetings/<?cs var:Meeting.id ?>">← <?cs var:L.Review.Meeting.Pack.Back ?></a></p><button type="button" data-print hidden><?cs var:L.Review.Problem.Print ?></button></div>
<article class="doc signed-form problem-doc meeting-pack" aria-labelledby="doc-h">
<header class="doc-head"><p class="doc-site"><?cs var:Site.Name ?></p><h1 id="doc-h"><?cs var:L.Review.Meeting.Pack.Title ?></h1><p class="doc-no"><?cs var:L.Review.Meeting.Kind[Meeting.kind] ?> · <bdi><?cs var:Meeting.title ?></bdi></p></header>
<dl class="doc-grid">
  <div class="doc-cell"><dt><?cs var:L.Review.Meeting.StartsAt ?></dt><dd><time class="starts-at" datetime="<?cs var:Meeting.starts_at.iso ?>"><?cs var:Meeting.starts_at ?></time></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Duration ?></dt><dd><?cs var:Meeting.duration ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Location ?></dt><dd><?cs call:text_or_none(Meeting.location) ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Organiser ?></dt><dd><bdi><?cs var:Meeting.organiser ?></bdi></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Meeting.StatusField ?></dt><dd><?cs var:L.Review.Meeting.Status[Meeting.status] ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Pack.Made ?></dt><dd><?cs var:Pack.made_at ?></dd></div>
  <div class="doc-cell doc-wide"><dt><?cs var:L.Review.Meeting.Attendees ?></dt><dd><?cs each:a = Attendees ?><span class="pack-person"><bdi><?cs var:a.name ?></bdi><?cs if:a.teams ?> <span class="doc-by">(<bdi><?cs var:a.teams ?></bdi>)</span><?cs /if ?></span> <?cs /each ?></dd></div>
</dl>
<section class="doc-part"><h2><?cs var:L.Review.Meeting.Agenda ?></h2><?cs call:text_or_none(Meeting.agenda) ?></section>

<section class="doc-part pack-stats"><h2><?cs var:L.Review.Meeting.Pack.Stats ?></h2>
<?cs if:Pack.Stats.shown ?>
  <p class="doc-by"><?cs var:L.Review.Meeting.Pack.Period ?> <?cs var:Pack.Stats.first ?> – <?cs var:Pack.Stats.last ?></p>
  <dl class="doc-grid pack-figures">
    <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Pack.Created ?></dt><dd class="fig"><?cs var:Pack.Stats.created ?></dd></div>
    <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Pack.Closed ?></dt><dd class="fig"><?cs var:Pack.Stats.closed ?></dd></div>
    <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Pack.Reopened ?></dt><dd class="fig"><?cs var:Pack.Stats.reopened ?></dd></div>
    <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Pack.Backlog ?></dt><dd class="fig"><?cs var:Pack.Stats.backlog_end ?></dd></div>
    <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Pack.FirstResponse ?></dt><dd><?cs var:Pack.Stats.fr_met ?> / <?cs var:Pack.Stats.fr_breached ?></dd></div>
    <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Pack.Resolution ?></dt><dd><?cs var:Pack.Stats.res_met ?> / <?cs var:Pack.Stats.res_breached ?></dd></div>
    <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Pack.Median ?></dt><dd><?cs call:span(Pack.Stats.resolution_median) ?></dd></div>
  </dl>
<?cs else ?><p class="doc-none"><?cs var:L.Review.Meeting.Pack.NoStats ?></p><?cs /if ?>
</section>

<?cs if:Coord.at ?><section class="doc-part pack-coord"><h2><?cs var:L.Coord.Title ?> <span class="doc-by"><?cs var:Week.first ?> – <?cs var:Week.last ?></span></h2>
<?cs include!"agent/coordination_table.cs" ?>
<p class="noprint"><a href="/agent/coordination?at=<?cs var:Coord.at ?>"><?cs var:L.Coord.Meeting ?> →</a></p></section><?cs /if ?>
<?cs if:!Pack.Problems.0.number ?><section class="doc-part"><h2><?cs var:L.Review.Meeting.Problems ?></h2><p class="doc-none"><?cs var:L.Review.Meeting.Pack.NoProblems ?></p></section><?cs /if ?>
<?cs each:p = Pack.Problems ?>
<section class="doc-part pack-problem">
  <h2><code><?cs var:p.number ?></code> <bdi><?cs var:p.title ?></bdi> <span class="pstatus ps-<?cs var:p.status ?>"><?cs var:L.Review.Problem.St[p.status] ?></span></h2>
  <dl class="doc-rows">
    <div><dt><?cs var:L.Review.Problem.Owner ?></dt><dd><bdi><?cs var:p.owner ?></bdi></dd></div>
    <div><dt><?cs var:L.Review.Problem.Symptoms ?></dt><dd><?cs call:text_or_none(p.symptoms) ?></dd></div>
    <div><dt><?cs var:L.Review.Problem.Impact ?></dt><dd><?cs call:text_or_none(p.impact) ?></dd></div>
    <div><dt><?cs var:L.Review.Problem.Chain ?></dt><dd><?cs if:p.Whys.0.why ?><ol class="pack-whys"><?cs each:y = p.Whys ?><li><bdi><?cs var:y.why ?></bdi> → <bdi><?cs var:y.because ?></bdi></li><?cs /each ?></ol><?cs else ?><span class="doc-none">—</span><?cs /if ?></dd></div>
    <div><dt><?cs var:L.Review.Problem.Conclusion ?></dt><dd><?cs call:text_or_none(p.conclusion) ?></dd></div>
    <div><dt><?cs var:L.Review.Problem.Workaround ?></dt><dd><?cs call:text_or_none(p.workaround) ?></dd></div>
    <div><dt><?cs var:L.Review.Problem.PermanentFix ?></dt><dd><?cs call:text_or_none(p.permanent_fix) ?></dd></div>
  </dl>
  <?cs each:t = p.Tickets ?>
  <article class="pack-ticket" aria-label="<?cs var:t.number ?>">
    <h3><a href="/agent/t/<?cs var:url_escape(t.number) ?>"><code><?cs var:t.number ?></code></a> <bdi><?cs var:t.Ticket.subject ?></bdi> <?cs call:status_pill(t.Ticket.status) ?></h3>
    <dl class="pack-facts">
      <div><dt><?cs var:L.Review.Meeting.Pack.Customer ?></dt><dd><bdi><?cs var:t.Ticket.contact_name ?></bdi></dd></div>
      <div><dt><?cs var:L.Review.Meeting.Pack.Opened ?></dt><dd><?cs var:t.Ticket.created_at ?></dd></div>
      <?cs if:t.Ticket.resolved_at ?><div><dt><?cs var:L.Review.Meeting.Pack.Resolved ?></dt><dd><?cs var:t.Ticket.resolved_at ?></dd></div><?cs /if ?>
      <?cs each:v = t.Values ?><div><dt><bdi><?cs var:v.label ?></bdi></dt><dd><bdi><?cs var:v.value ?></bdi></dd></div><?cs /each ?>
    </dl>
    <?cs if:t.Ticket.description ?><div class="text pack-desc"><?cs var:t.Ticket.description ?></div><?cs /if ?>
    <ol class="pack-thread">
    <?cs each:e = t.Events ?>
      <?cs if:e.body && e.kind != "created" ?><li class="pt-msg<?cs if:e.internal == "1" ?> pt-internal<?cs /if ?>"><p class="meta"><time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time> <strong><bdi><?cs var:e.actor ?></bdi></strong> <?cs if:e.internal == "1" ?><span class="label"><?cs var:L.Agent.Ticket.Internal ?></span><?cs /if ?></p><div class="text"><?cs var:e.body ?></div></li>
      <?cs elif:e.field == "status" ?><li class="pt-sys"><time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time> <bdi><?cs var:e.actor ?></bdi> <?cs var:L.Review.Meeting.Pack.StatusTo ?> <?cs call:status_name(e.new) ?></li>
      <?cs else ?><li class="pt-sys"><time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time> <bdi><?cs var:e.actor ?></bdi> <?cs var:L.Agent.Event[e.kind] ?></li><?cs /if ?>
    <?cs /each ?>
    </ol>
  </article>
  <?cs /each ?>
</section>
<?cs /each ?>
</article>
<?cs call:agent_end() ?>
