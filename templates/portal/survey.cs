<?cs include!"layout.cs" ?>
<?cs call:page_start(L.Survey.Title) ?>
<h1><?cs var:L.Survey.Title ?></h1>
<p class="lead"><code><?cs var:Ticket.number ?></code> <bdi><?cs var:Ticket.subject ?></bdi></p>
<?cs if:Survey.thanks ?>
<section class="receipt" aria-live="polite"><h2><?cs var:L.Survey.Thanks ?></h2><p><?cs var:L.Survey.ThanksText ?></p></section>
<?cs elif:Survey.answered ?>
<section class="card"><p><?cs var:L.Survey.Already ?></p></section>
<?cs elif:!Survey.closed ?>
<section class="card"><p><?cs var:L.Survey.NotYet ?></p></section>
<?cs else ?>
<?cs if:Form.HasErrors ?><div class="alert alert-error" role="alert"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?>
<p><?cs var:L.Survey.Intro ?></p>
<form class="request" method="post" action="/t/<?cs var:url_escape(Ticket.token) ?>/survey" accept-charset="utf-8">
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
  <fieldset class="group"><legend><?cs var:L.Survey.Scores ?></legend>
  <?cs call:choice("resolution", L.Survey.Resolution, L.Survey.ScaleHelp, L.Survey.ScaleOptions, 1, 0) ?>
  <?cs call:choice("speed", L.Survey.Speed, "", L.Survey.ScaleOptions, 1, 0) ?>
  <?cs call:choice("attitude", L.Survey.Attitude, "", L.Survey.ScaleOptions, 1, 0) ?>
  </fieldset>
  <fieldset class="group"><legend><?cs var:L.Survey.Words ?></legend>
  <?cs call:field("suggestions", L.Survey.Suggestions, "", "longtext", 0, 2000) ?>
  <?cs call:field("unmet_needs", L.Survey.Unmet, "", "longtext", 0, 2000) ?>
  </fieldset>
  <div class="actions"><button type="submit" class="primary"><?cs var:L.Survey.Submit ?></button></div>
</form>
<?cs /if ?>
<p><a href="/t/<?cs var:url_escape(Ticket.token) ?>">← <?cs var:L.Survey.Back ?></a></p>
<?cs call:page_end() ?>
