<?cs include!"layout.cs" ?><?cs call:page_start(L.Error.Title) ?>
<section class="card error-page" aria-labelledby="err-title">
  <span class="warn-icon" aria-hidden="true"></span>
  <h1 id="err-title"><?cs var:L.Error.Title ?></h1>
  <p><?cs var:L.Error[Error.Key] ?></p>
  <p><a class="button primary" href="/"><?cs var:L.Error.BackHome ?></a></p>
</section>
<?cs call:page_end() ?>
