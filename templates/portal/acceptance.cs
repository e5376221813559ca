<?cs include!"layout.cs" ?>
<?cs call:page_start(L.Acceptance.Title) ?>
<article class="card signed-form">
  <h1><?cs var:L.Acceptance.Title ?></h1>
  <p><?cs var:L.Ticket.Number ?>: <code><?cs var:Ticket.number ?></code></p>
  <div class="text"><?cs var:Signed.form ?></div>
  <dl class="values">
    <div><dt><?cs var:L.Acceptance.Result ?></dt><dd><?cs each:o = L.Acceptance.Results ?><?cs if:o.code == Signed.result ?><?cs var:o.label ?><?cs /if ?><?cs /each ?></dd></div>
    <?cs if:Signed.remarks ?><div><dt><?cs var:L.Acceptance.Remarks ?></dt><dd class="text"><?cs var:Signed.remarks ?></dd></div><?cs /if ?>
    <div><dt><?cs var:L.Acceptance.Name ?></dt><dd><bdi><?cs var:Signed.name ?></bdi></dd></div>
    <div><dt><?cs var:L.Acceptance.SignedAt ?></dt><dd><time datetime="<?cs var:Signed.at.iso ?>"><?cs var:Signed.at ?></time></dd></div>
  </dl>
</article>
<p class="noprint"><a href="/t/<?cs var:url_escape(Ticket.token) ?>">← <?cs var:L.Survey.Back ?></a></p>
<?cs call:page_end() ?>
