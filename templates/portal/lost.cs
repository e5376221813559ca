<?cs include!"layout.cs" ?>
<?cs call:page_start(L.Lost.Title) ?>
<h1><?cs var:L.Lost.Title ?></h1>
<?cs if:Query.sent == "1" ?>
<section class="receipt" aria-live="polite"><p><?cs var:L.Lost.Sent ?></p></section>
<?cs else ?>
<p class="lead"><?cs var:L.Lost.Intro ?></p>
<?cs if:Form.HasErrors ?><div class="alert alert-error" role="alert"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?>
<form class="request" method="post" action="/lost" accept-charset="utf-8">
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
  <fieldset class="group"><legend><?cs var:L.Lost.Title ?></legend>
  <?cs call:field("number", L.Lost.Number, L.Lost.NumberHelp, "text", 1, 32) ?>
  <?cs call:field("email", L.Form.email, L.Lost.EmailHelp, "email", 1, 254) ?>
  </fieldset>
  <div class="actions"><button type="submit" class="primary"><?cs var:L.Lost.Send ?></button></div>
</form>
<?cs /if ?>
<p><a href="/">← <?cs var:L.Error.BackHome ?></a></p>
<?cs call:page_end() ?>
