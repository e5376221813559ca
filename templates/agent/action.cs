<?cs include!"agent/layout.cs" ?>
<?cs # /agent/actions/ID: one improvement action as a row of the plan
       (表5, cgi/agent/actions.c): what, target, resources, department,
       owner, dates, status, verification with the before and after figures,
       evidence files, history; the person's next step (start, finish,
       verify) is the most visible button; a progress note with evidence
       files; cancelling needs a reason. ?>
<?cs def:text_or_none(v) ?><?cs if:v ?><span class="text"><bdi><?cs var:v ?></bdi></span><?cs else ?><span class="doc-none">—</span><?cs /if ?><?cs /def ?>
<?cs def:step_button(s, primary) ?><form method="post" action="/agent/actions/<?cs var:Action.id ?>/step" class="inline step-<?cs var:s ?>"><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="step" value="<?cs var:s ?>"><input type="hidden" name="version" value="<?cs var:Action.version ?>"><button type="submit"<?cs if:primary ?> class="primary"<?cs /if ?>><?cs var:L.Review.Action.Step[s] ?></button></form><?cs /def ?>
<?cs call:agent_start(Action.title) ?>
<div class="page-head noprint problem-bar">
  <p class="crumbs"><a href="/agent/actions">← <?cs var:L.Review.Action.List ?></a><?cs if:Action.minutes_id != "0" ?> · <a href="/agent/minutes/<?cs var:Action.minutes_id ?>"><?cs var:L.Review.Minutes.Title ?></a><?cs /if ?><?cs if:Action.drill_id != "0" ?> · <a href="/agent/drills/<?cs var:Action.drill_id ?>"><?cs var:L.Review.Drill.Title ?></a><?cs /if ?></p>
  <div class="problem-steps">
    <span class="astatus as-<?cs var:Action.status ?>"><?cs var:L.Review.Action.St[Action.status] ?></span>
    <?cs if:Action.overdue == "1" ?><span class="chip red overdue"><?cs var:L.Review.Action.Overdue ?></span><?cs /if ?>
    <?cs if:May.start == "1" ?><?cs call:step_button("start", 1) ?><?cs /if ?>
    <?cs if:May.finish == "1" ?><?cs call:step_button("finish", 1) ?><?cs /if ?>
    <?cs if:May.reopen == "1" ?><?cs call:step_button("reopen", 0) ?><?cs /if ?>
    <button type="button" data-print hidden><?cs var:L.Review.Problem.Print ?></button>
  </div>
</div>
<?cs if:Form.HasErrors ?><div class="alert noprint" role="alert"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?>
<article class="doc signed-form problem-doc action-doc" aria-labelledby="doc-h">
<header class="doc-head"><p class="doc-site"><?cs var:Site.Name ?></p><h1 id="doc-h"><?cs var:L.Review.Action.Title ?></h1><p class="doc-no">#<?cs var:Action.id ?></p></header>
<dl class="doc-grid">
  <div class="doc-cell doc-wide"><dt><?cs var:L.Review.Action.Measure ?></dt><dd><bdi><?cs var:Action.title ?></bdi></dd></div>
  <div class="doc-cell doc-wide"><dt><?cs var:L.Review.Action.Target ?></dt><dd class="a-target"><?cs call:text_or_none(Action.target) ?></dd></div>
  <div class="doc-cell doc-wide"><dt><?cs var:L.Review.Action.Resources ?></dt><dd><?cs call:text_or_none(Action.resources) ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Action.Team ?></dt><dd><bdi><?cs var:Action.team ?></bdi></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Action.Owner ?></dt><dd><bdi><?cs var:Action.owner ?></bdi></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Action.Start ?></dt><dd><?cs var:Action.starts_on ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Action.Due ?></dt><dd class="a-due<?cs if:Action.overdue == "1" ?> is-overdue<?cs /if ?>"><?cs var:Action.due_on ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Action.Status ?></dt><dd class="a-status"><?cs var:L.Review.Action.St[Action.status] ?><?cs if:Action.cancel_reason ?>: <bdi><?cs var:Action.cancel_reason ?></bdi><?cs /if ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Review.Action.Verifier ?></dt><dd><bdi><?cs var:Action.verifier ?></bdi></dd></div>
</dl>
<section class="doc-part a-verification"><h2><?cs var:L.Review.Action.Verification ?></h2>
  <?cs if:Action.verified_by ?>
  <dl class="doc-grid">
    <div class="doc-cell"><dt><?cs var:L.Review.Action.VerifiedBy ?></dt><dd><bdi><?cs var:Action.verified_by ?></bdi> <time datetime="<?cs var:Action.verified_at.iso ?>"><?cs var:Action.verified_at ?></time></dd></div>
    <div class="doc-cell"><dt><?cs var:L.Review.Action.Figure ?></dt><dd class="a-figure"><?cs call:text_or_none(Action.figure) ?></dd></div>
    <div class="doc-cell"><dt><?cs var:L.Review.Action.Before ?></dt><dd class="a-before"><?cs call:text_or_none(Action.before) ?></dd></div>
    <div class="doc-cell"><dt><?cs var:L.Review.Action.After ?></dt><dd class="a-after"><?cs call:text_or_none(Action.after) ?></dd></div>
  </dl>
  <?cs else ?><p class="doc-none"><?cs var:L.Review.Action.NotVerified ?></p><?cs /if ?>
  <?cs if:May.verify == "1" ?>
  <form method="post" action="/agent/actions/<?cs var:Action.id ?>/step" class="request noprint verify-form">
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="step" value="verify"><input type="hidden" name="version" value="<?cs var:Action.version ?>">
    <p class="help"><?cs var:L.Review.Action.VerifyHelp ?></p>
    <div class="plan-row">
    <?cs call:field("figure", L.Review.Action.Figure, "", "text", 0, 200) ?>
    <?cs call:field("before", L.Review.Action.Before, "", "text", 0, 60) ?>
    <?cs call:field("after", L.Review.Action.After, "", "text", 0, 60) ?>
    </div>
    <div class="form-actions"><button type="submit" class="primary"><?cs var:L.Review.Action.Step.verify ?></button></div>
  </form>
  <?cs /if ?>
</section>
<section class="doc-part a-evidence"><h2><?cs var:L.Review.Action.Evidence ?></h2>
  <?cs if:Files.0.id ?><ul class="evidence"><?cs each:f = Files ?><li><a href="/agent/evidence/<?cs var:f.id ?>"><bdi><?cs var:f.name ?></bdi></a> <span class="doc-by">(<?cs var:f.size ?> B)</span></li><?cs /each ?></ul><?cs else ?><p class="doc-none">—</p><?cs /if ?>
</section>
<?cs if:May.note == "1" ?>
<form method="post" action="/agent/actions/<?cs var:Action.id ?>/note" enctype="multipart/form-data" class="request noprint note-form">
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
  <?cs call:field("note", L.Review.Action.Note, L.Review.Action.NoteHelp, "longtext", 0, 4000) ?>
  <div class="field<?cs if:Form.files.error ?> has-error<?cs /if ?>"><label for="f-files"><?cs var:L.Review.Action.Files ?></label><input id="f-files" type="file" name="files" multiple><?cs if:Form.files.error ?><p class="error"><?cs var:L.Err[Form.files.error] ?> <bdi><?cs var:Form.files.file ?></bdi></p><?cs /if ?><p class="help"><?cs var:Attach.Limit ?></p></div>
  <div class="form-actions"><button type="submit"><?cs var:L.Review.Action.AddNote ?></button></div>
</form>
<?cs /if ?>
<?cs if:May.cancel == "1" ?>
<details class="noprint cancel-box"<?cs if:Failed == "cancel" ?> open<?cs /if ?>><summary><?cs var:L.Review.Action.Step.cancel ?></summary>
<form method="post" action="/agent/actions/<?cs var:Action.id ?>/step" class="request cancel-form">
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="step" value="cancel"><input type="hidden" name="version" value="<?cs var:Action.version ?>">
  <?cs call:field("reason", L.Review.Action.Reason, "", "text", 1, 500) ?>
  <div class="form-actions"><button type="submit"><?cs var:L.Review.Action.Step.cancel ?></button></div>
</form></details>
<?cs /if ?>
<div class="doc-sign">
  <div class="sign-box"><p class="sign-who"><?cs var:L.Review.Action.Owner ?></p><p class="sign-line"><?cs var:L.Review.Problem.SignDate ?></p></div>
  <div class="sign-box"><p class="sign-who"><?cs var:L.Review.Action.Verifier ?></p><p class="sign-line"><?cs var:L.Review.Problem.SignDate ?></p></div>
</div>
<section class="doc-part doc-history"><h2><?cs var:L.Review.Action.Progress ?></h2>
  <ol class="history"><?cs each:e = History ?><li><time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time> <bdi class="h-who"><?cs var:e.who ?></bdi> <span class="ev ev-<?cs var:e.kind ?>"><?cs var:L.Review.Action.Event[e.kind] ?></span><?cs if:e.note ?><span class="doc-by">: <bdi><?cs var:e.note ?></bdi></span><?cs /if ?></li><?cs /each ?></ol>
</section>
</article>
<?cs call:agent_end() ?>
