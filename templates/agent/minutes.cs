<?cs include!"agent/layout.cs" ?>
<?cs # /agent/minutes/ID: review minutes as the paper form they replace
       (表4 复盘会议纪要, cgi/agent/minutes.c), the working text or a
       submitted version (?v=N); above it (not printed) the status
       and the person's next step: edit and submit (the organiser), approve
       or return with a comment (the service director). Below: every
       version with the director's decision, the actions the measures
       became, the history. doc.css draws it for screen and A4. ?>
<?cs def:text_or_none(v) ?><?cs if:v ?><span class="text"><bdi><?cs var:v ?></bdi></span><?cs else ?><span class="doc-none">—</span><?cs /if ?><?cs /def ?>
<?cs call:agent_start(L.Review.Minutes.Title + " " + Minutes.meeting_title) ?>
<div class="page-head noprint problem-bar">
  <p class="crumbs"><a href="/agent/meetings/<?cs var:Minutes.meeting_id ?>">← <?cs var:L.Review.Minutes.Meeting ?></a> · <a href="/agent/minutes"><?cs var:L.Review.Minutes.List ?></a></p>
  <div class="problem-steps">
    <span class="pstatus ms-<?cs var:Minutes.status ?>"><?cs var:L.Review.Minutes.St[Minutes.status] ?></span>
    <?cs if:Minutes.late == "1" ?><span class="chip red late"><?cs var:L.Review.Minutes.Late ?></span><?cs /if ?>
    <?cs if:May.edit == "1" ?><a class="button<?cs if:May.submit != "1" || !Doc.review ?> primary<?cs /if ?>" href="/agent/minutes/<?cs var:Minutes.id ?>/edit"><?cs var:L.Review.Minutes.Edit ?></a><?cs /if ?>
    <?cs if:May.submit == "1" ?><form method="post" action="/agent/minutes/<?cs var:Minutes.id ?>/act" class="inline act-submit"><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="action" value="submit"><input type="hidden" name="version" value="<?cs var:Minutes.version ?>"><button type="submit"<?cs if:Doc.review ?> class="primary"<?cs /if ?>><?cs var:L.Review.Minutes.Act.submit ?></button></form><?cs /if ?>
    <?cs if:May.approve == "1" ?><form method="post" action="/agent/minutes/<?cs var:Minutes.id ?>/act" class="inline act-approve"><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="action" value="approve"><input type="hidden" name="version" value="<?cs var:Minutes.version ?>"><button type="submit" class="primary"><?cs var:L.Review.Minutes.Act.approve ?></button></form><?cs /if ?>
    <button type="button" data-print hidden><?cs var:L.Review.Problem.Print ?></button>
  </div>
</div>
<?cs if:Form.HasErrors ?><div class="alert noprint" role="alert"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?>
<?cs if:May.return == "1" ?>
<form method="post" action="/agent/minutes/<?cs var:Minutes.id ?>/act" class="noprint return-form request">
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="action" value="return"><input type="hidden" name="version" value="<?cs var:Minutes.version ?>">
  <?cs call:field("comment", L.Review.Minutes.Comment, L.Review.Minutes.CommentHelp, "longtext", 0, 2000) ?>
  <div class="form-actions"><button type="submit"><?cs var:L.Review.Minutes.Act.return ?></button></div>
</form>
<?cs /if ?>
<?cs if:Minutes.shown_version != "0" ?><p class="notice noprint shown-version"><?cs var:L.Review.Minutes.Showing ?> <?cs var:Minutes.shown_version ?> · <a href="/agent/minutes/<?cs var:Minutes.id ?>"><?cs var:L.Review.Minutes.ShowCurrent ?></a></p><?cs /if ?>

<article class="doc signed-form problem-doc minutes-doc" aria-labelledby="doc-h">
<header class="doc-head">
  <p class="doc-site"><?cs var:Site.Name ?></p>
  <h1 id="doc-h"><?cs var:L.Review.Minutes.Title ?></h1>
  <p class="doc-no"><?cs if:Minutes.shown_version != "0" ?><?cs var:L.Review.Minutes.Version ?> <?cs var:Minutes.shown_version ?><?cs else ?><?cs var:L.Review.Minutes.St[Minutes.status] ?><?cs /if ?></p>
</header>
<dl class="doc-grid">
  <div class="doc-cell doc-wide"><dt><?cs var:L.Review.Minutes.Meeting ?></dt><dd><bdi><?cs var:Minutes.meeting_title ?></bdi></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Meeting.StartsAt ?></dt><dd><time datetime="<?cs var:Minutes.meeting_at.iso ?>"><?cs var:Minutes.meeting_at ?></time></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Meeting.Organiser ?></dt><dd><bdi><?cs var:Minutes.organiser ?></bdi></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Minutes.Due ?></dt><dd><time class="due-at" datetime="<?cs var:Minutes.due_at.iso ?>"><?cs var:Minutes.due_at ?></time></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Minutes.Approved ?></dt><dd><?cs if:Minutes.approved_by ?><bdi><?cs var:Minutes.approved_by ?></bdi> <time datetime="<?cs var:Minutes.approved_at.iso ?>"><?cs var:Minutes.approved_at ?></time><?cs else ?><span class="doc-none">—</span><?cs /if ?></dd></div>
</dl>
<section class="doc-part"><h2>1. <?cs var:L.Review.Minutes.Field.review ?></h2><p class="doc-text m-review"><?cs call:text_or_none(Doc.review) ?></p></section>
<section class="doc-part"><h2>2. <?cs var:L.Review.Minutes.Depts ?></h2>
  <?cs if:!Doc.depts.0.team ?><p class="doc-none">—</p><?cs else ?>
  <div class="doc-table-wrap"><table class="doc-work m-depts">
    <thead><tr><th scope="col"><?cs var:L.Review.Minutes.Dept ?></th><th scope="col"><?cs var:L.Review.Minutes.Highlights ?></th><th scope="col"><?cs var:L.Review.Minutes.Shortcomings ?></th></tr></thead>
    <tbody><?cs each:x = Doc.depts ?><tr><th scope="row"><bdi><?cs var:x.team ?></bdi></th><td><?cs call:text_or_none(x.highlights) ?></td><td><?cs call:text_or_none(x.shortcomings) ?></td></tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>
</section>
<section class="doc-part"><h2>3. <?cs var:L.Review.Minutes.Field.root_causes ?></h2><p class="doc-text m-causes"><?cs call:text_or_none(Doc.root_causes) ?></p></section>
<section class="doc-part"><h2>4. <?cs var:L.Review.Minutes.Field.directions ?></h2><p class="doc-text m-directions"><?cs call:text_or_none(Doc.directions) ?></p></section>
<section class="doc-part"><h2>5. <?cs var:L.Review.Minutes.Measures ?></h2>
  <?cs if:!Doc.measures.0.title ?><p class="doc-none">—</p><?cs else ?>
  <div class="doc-table-wrap"><table class="doc-work m-measures">
    <thead><tr><th scope="col"><?cs var:L.Review.Action.Measure ?></th><th scope="col"><?cs var:L.Review.Action.Target ?></th><th scope="col"><?cs var:L.Review.Action.Team ?></th><th scope="col"><?cs var:L.Review.Action.Owner ?></th><th scope="col"><?cs var:L.Review.Action.Start ?></th><th scope="col"><?cs var:L.Review.Action.Due ?></th></tr></thead>
    <tbody><?cs each:x = Doc.measures ?><tr><td><bdi><?cs var:x.title ?></bdi><?cs if:x.resources ?><br><span class="doc-by"><?cs var:L.Review.Action.Resources ?>: <bdi><?cs var:x.resources ?></bdi></span><?cs /if ?></td><td><bdi><?cs var:x.target ?></bdi></td><td><bdi><?cs var:x.team ?></bdi></td><td><bdi><?cs var:x.owner ?></bdi></td><td class="when"><?cs if:x.start ?><?cs var:x.start ?><?cs else ?>—<?cs /if ?></td><td class="when"><?cs var:x.due ?></td></tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>
</section>
<div class="doc-sign">
  <div class="sign-box"><p class="sign-who"><?cs var:L.Review.Minutes.SignOrganiser ?></p><p class="sign-line"><?cs var:L.Review.Problem.SignDate ?></p></div>
  <div class="sign-box"><p class="sign-who"><?cs var:L.Review.Minutes.SignDirector ?></p><p class="sign-line"><?cs var:L.Review.Problem.SignDate ?></p></div>
</div>
<section class="doc-part m-versions"><h2><?cs var:L.Review.Minutes.Versions ?></h2>
  <?cs if:!Versions.0.number ?><p class="doc-none"><?cs var:L.Review.Minutes.NoVersion ?></p><?cs else ?>
  <div class="doc-table-wrap"><table class="doc-work versions">
    <thead><tr><th scope="col"><?cs var:L.Review.Minutes.Version ?></th><th scope="col"><?cs var:L.Review.Minutes.Submitted ?></th><th scope="col"><?cs var:L.Review.Minutes.Decision ?></th><th scope="col"><?cs var:L.Review.Minutes.Comment ?></th></tr></thead>
    <tbody><?cs each:v = Versions ?><tr class="version v-<?cs var:v.decision ?>"><td><a href="/agent/minutes/<?cs var:Minutes.id ?>?v=<?cs var:v.number ?>"><?cs var:L.Review.Minutes.Version ?> <?cs var:v.number ?></a></td><td><bdi><?cs var:v.by ?></bdi> <time datetime="<?cs var:v.submitted_at.iso ?>"><?cs var:v.submitted_at ?></time></td><td><?cs if:v.decision ?><?cs var:L.Review.Minutes.Decided[v.decision] ?> · <bdi><?cs var:v.decided_by ?></bdi> <time datetime="<?cs var:v.decided_at.iso ?>"><?cs var:v.decided_at ?></time><?cs else ?><?cs var:L.Review.Minutes.Pending ?><?cs /if ?></td><td class="comment"><?cs call:text_or_none(v.comment) ?></td></tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>
</section>
<?cs if:Actions.0.id ?>
<section class="doc-part m-actions"><h2><?cs var:L.Review.Action.Plan ?></h2>
  <?cs include!"agent/action_rows.cs" ?>
</section>
<?cs /if ?>
<section class="doc-part doc-history">
  <h2><?cs var:L.Review.Problem.History ?></h2>
  <ol class="history"><?cs each:e = History ?><li><time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time> <bdi class="h-who"><?cs if:e.who ?><?cs var:e.who ?><?cs else ?><?cs var:L.Review.Minutes.System ?><?cs /if ?></bdi> <span class="ev ev-<?cs var:e.kind ?>"><?cs var:L.Review.Minutes.Event[e.kind] ?></span><?cs if:e.note ?><span class="doc-by">: <bdi><?cs var:e.note ?></bdi></span><?cs /if ?></li><?cs /each ?></ol>
</section>
</article>
<?cs call:agent_end() ?>
