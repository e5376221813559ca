<?cs include!"agent/layout.cs" ?>
<?cs # /agent/problems/ID: a problem record as the paper form it replaces
       (根因分析报告): labelled fields in a grid, the 5-Why chain, the
       fishbone, responsibility, the known error, the people and signature
       lines; above it (not printed) the status and the person's next step.
       doc.css draws it for screen and A4. ?>
<?cs def:text_or_none(v) ?><?cs if:v ?><span class="text"><bdi><?cs var:v ?></bdi></span><?cs else ?><span class="doc-none"><?cs var:L.Review.Problem.None ?></span><?cs /if ?><?cs /def ?>
<?cs def:act_button(a, primary) ?><form method="post" action="/agent/problems/<?cs var:Problem.id ?>/act" class="inline act-<?cs var:a ?>"><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="action" value="<?cs var:a ?>"><button type="submit"<?cs if:primary ?> class="primary"<?cs /if ?> title="<?cs var:L.Review.Problem.ActHelp[a] ?>"><?cs var:L.Review.Problem.Act[a] ?></button></form><?cs /def ?>
<?cs call:agent_start(Problem.number + " " + Problem.title) ?>
<div class="page-head noprint problem-bar">
  <p class="crumbs"><a href="/agent/problems">← <?cs var:L.Review.Problem.Back ?></a></p>
  <div class="problem-steps">
    <span class="pstatus ps-<?cs var:Problem.status ?>"><?cs var:L.Review.Problem.St[Problem.status] ?></span>
    <?cs if:Me.supervisor ?><a class="button" href="/agent/meetings/new?problems=<?cs var:Problem.number ?>"><?cs var:L.Review.Meeting.New ?></a><?cs /if ?>
    <?cs if:Can.edit ?><a class="button" href="/agent/problems/<?cs var:Problem.id ?>/edit"><?cs var:L.Review.Problem.Edit ?></a><?cs /if ?>
    <?cs if:Can.act.return ?><?cs call:act_button("return", 0) ?><?cs /if ?>
    <?cs if:Can.act.reopen ?><?cs call:act_button("reopen", 0) ?><?cs /if ?>
    <?cs if:Can.act.submit ?><?cs call:act_button("submit", 1) ?><?cs /if ?>
    <?cs if:Can.act.confirm ?><?cs call:act_button("confirm", 1) ?><?cs /if ?>
    <?cs if:Can.act.close ?><?cs call:act_button("close", !Can.act.confirm) ?><?cs /if ?>
    <button type="button" data-print hidden><?cs var:L.Review.Problem.Print ?></button>
  </div>
</div>
<?cs if:ActionErrors.0.key ?><div class="alert noprint" role="alert"><ul class="refusals"><?cs each:e = ActionErrors ?><li><?cs if:e.field != "_form" ?><strong><?cs if:L.Review.Problem.Field[e.field] ?><?cs var:L.Review.Problem.Field[e.field] ?><?cs else ?><?cs var:L.Review.Problem.Chain ?><?cs /if ?></strong>: <?cs /if ?><?cs var:L.Err[e.key] ?></li><?cs /each ?></ul></div><?cs /if ?>

<article class="doc signed-form problem-doc" aria-labelledby="doc-h">
<header class="doc-head">
  <p class="doc-site"><?cs var:Site.Name ?></p>
  <h1 id="doc-h"><?cs var:L.Review.Problem.Title ?></h1>
  <p class="doc-no"><?cs var:L.Review.Problem.Number ?> <code><?cs var:Problem.number ?></code></p>
</header>
<?cs if:Origin.kind ?><?cs include!"agent/problem_origin.cs" ?><?cs /if ?>
<dl class="doc-grid">
  <div class="doc-cell doc-wide"><dt><?cs var:L.Review.Problem.Col.title ?></dt><dd><bdi><?cs var:Problem.title ?></bdi></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Problem.Status ?></dt><dd><?cs var:L.Review.Problem.St[Problem.status] ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Problem.Owner ?></dt><dd><?cs each:m = Members ?><?cs if:m.owner == "1" ?><bdi><?cs var:m.name ?></bdi><?cs /if ?><?cs /each ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Problem.Party ?></dt><dd><?cs if:Problem.party ?><?cs var:L.Review.Party[Problem.party] ?><?cs else ?><span class="doc-none">—</span><?cs /if ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Problem.Created ?></dt><dd><time datetime="<?cs var:Problem.created.iso ?>"><?cs var:Problem.created ?></time></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Problem.Updated ?></dt><dd><time datetime="<?cs var:Problem.updated.iso ?>"><?cs var:Problem.updated ?></time></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Problem.Participants ?></dt><dd><?cs var:MemberCount ?> <?cs var:L.Review.Problem.PeopleUnit ?></dd></div>
  <div class="doc-cell doc-wide"><dt><?cs var:L.Review.Problem.Tickets ?></dt><dd class="doc-tickets"><?cs each:t = Tickets ?><a href="/agent/t/<?cs var:url_escape(t.number) ?>" class="doc-ticket"><code><?cs var:t.number ?></code> <bdi><?cs var:t.subject ?></bdi> <span class="doc-by">(<?cs call:status_name(t.status) ?>)</span></a><?cs /each ?></dd></div>
</dl>

<section class="doc-part">
  <h2><?cs var:L.Review.Problem.Basics ?></h2>
  <dl class="doc-rows">
    <div><dt><?cs var:L.Review.Problem.Symptoms ?></dt><dd><?cs call:text_or_none(Problem.symptoms) ?></dd></div>
    <div><dt><?cs var:L.Review.Problem.Impact ?></dt><dd><?cs call:text_or_none(Problem.impact) ?></dd></div>
    <div><dt><?cs var:L.Review.Problem.Timeline ?></dt><dd><?cs call:text_or_none(Problem.timeline) ?></dd></div>
  </dl>
</section>

<section class="doc-part">
  <h2><?cs var:L.Review.Problem.Chain ?></h2>
  <?cs if:Whys.0.level ?>
  <ol class="why-chain">
  <?cs each:y = Whys ?>
    <li class="why-step<?cs if:y.root == "1" ?> why-root<?cs /if ?>">
      <span class="why-n" aria-hidden="true"><?cs var:y.level ?></span>
      <p class="why-q"><span class="doc-label"><?cs var:L.Review.Problem.Why ?></span> <bdi><?cs var:y.why ?></bdi></p>
      <p class="why-a"><span class="doc-label"><?cs if:y.root == "1" ?><?cs var:L.Review.Problem.RootCause ?><?cs else ?><?cs var:L.Review.Problem.Because ?><?cs /if ?></span> <bdi><?cs var:y.because ?></bdi></p>
    </li>
  <?cs /each ?>
  </ol>
  <?cs else ?><p class="doc-none"><?cs var:L.Review.Problem.NoChain ?></p><?cs /if ?>
</section>

<section class="doc-part">
  <h2><?cs var:L.Review.Problem.Fishbone ?></h2>
  <div class="fishbone">
  <?cs each:f = Factors ?>
    <div class="bone bone-<?cs var:f.kind ?>">
      <h3><span class="bone-k"><?cs var:L.Review.Problem.Kind[f.kind] ?></span> <span class="bone-hint"><?cs var:L.Review.Problem.KindHint[f.kind] ?></span></h3>
      <?cs if:f.items.0 ?><ul><?cs each:i = f.items ?><li><bdi><?cs var:i ?></bdi></li><?cs /each ?></ul><?cs else ?><p class="doc-none">—</p><?cs /if ?>
    </div>
  <?cs /each ?>
    <div class="spine" aria-hidden="true"></div>
    <div class="fish-head"><span class="doc-label"><?cs var:L.Review.Problem.Symptoms ?></span><bdi><?cs var:Problem.title ?></bdi></div>
  </div>
</section>

<section class="doc-part">
  <h2><?cs var:L.Review.Problem.Attribution ?></h2>
  <dl class="doc-rows">
    <div><dt><?cs var:L.Review.Problem.Responsibility ?></dt><dd class="doc-checks"><?cs each:r = Resp ?><span class="doc-check<?cs if:r.on == "1" ?> on<?cs /if ?>"><span class="box" aria-hidden="true"><?cs if:r.on == "1" ?>✓<?cs /if ?></span><?cs var:L.Review.Resp[r.code] ?><?cs if:r.on == "1" ?><span class="sr"> ✓</span><?cs /if ?></span><?cs /each ?></dd></div>
    <div><dt><?cs var:L.Review.Problem.Party ?></dt><dd class="doc-checks"><?cs each:p = Parties ?><span class="doc-check<?cs if:p == Problem.party ?> on<?cs /if ?>"><span class="box" aria-hidden="true"><?cs if:p == Problem.party ?>✓<?cs /if ?></span><?cs var:L.Review.Party[p] ?><?cs if:p == Problem.party ?><span class="sr"> ✓</span><?cs /if ?></span><?cs /each ?></dd></div>
    <div><dt><?cs var:L.Review.Problem.Conclusion ?></dt><dd><?cs call:text_or_none(Problem.conclusion) ?></dd></div>
  </dl>
</section>

<section class="doc-part">
  <h2><?cs var:L.Review.Problem.KnownError ?></h2>
  <dl class="doc-rows">
    <div><dt><?cs var:L.Review.Problem.Workaround ?></dt><dd><?cs call:text_or_none(Problem.workaround) ?></dd></div>
    <div><dt><?cs var:L.Review.Problem.PermanentFix ?></dt><dd><?cs call:text_or_none(Problem.permanent_fix) ?></dd></div>
  </dl>
</section>

<section class="doc-part">
  <h2><?cs var:L.Review.Problem.Participants ?></h2>
  <div class="doc-table-wrap">
  <table class="doc-work doc-people">
    <thead><tr><th scope="col"><?cs var:L.Review.Problem.Person ?></th><th scope="col"><?cs var:L.Review.Problem.Team ?></th><th scope="col"><?cs var:L.Review.Problem.Part ?></th></tr></thead>
    <tbody><?cs each:m = Members ?><tr><td><bdi><?cs var:m.name ?></bdi></td><td><bdi><?cs var:m.teams ?></bdi></td><td><?cs if:m.owner == "1" ?><?cs var:L.Review.Problem.Owner ?><?cs else ?><?cs var:L.Agent.Role[m.role] ?><?cs /if ?></td></tr><?cs /each ?></tbody>
  </table>
  </div>
</section>

<div class="doc-sign">
  <div class="sign-box"><p class="sign-who"><?cs var:L.Review.Problem.SignOwner ?></p><p class="sign-line"><?cs var:L.Review.Problem.SignDate ?></p></div>
  <div class="sign-box"><p class="sign-who"><?cs var:L.Review.Problem.SignReviewer ?></p><p class="sign-line"><?cs var:L.Review.Problem.SignDate ?></p></div>
</div>

<section class="doc-part doc-history">
  <h2><?cs var:L.Review.Problem.History ?></h2>
  <ol class="history">
  <?cs each:e = History ?>
    <li><time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time> <bdi class="h-who"><?cs var:e.who ?></bdi> <span class="ev ev-<?cs var:e.kind ?>"><?cs var:L.Review.Problem.Event[e.kind] ?></span><?cs if:e.kind == "edited" && e.fields.0 ?><span class="doc-by">: <?cs each:f = e.fields ?><?cs if:name(f) != "0" ?><?cs var:L.Review.Problem.Sep ?> <?cs /if ?><?cs var:L.Review.Problem.Field[f] ?><?cs /each ?></span><?cs /if ?></li>
  <?cs /each ?>
  </ol>
</section>
</article>
<?cs call:agent_end() ?>
