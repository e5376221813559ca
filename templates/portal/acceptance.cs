<?cs include!"layout.cs" ?><?cs include!"acceptance.cs" ?>
<?cs call:page_start(L.Acceptance.Title) ?>
<?cs call:acceptance_archived() ?>
<p class="noprint doc-actions"><a href="/t/<?cs var:url_escape(Ticket.token) ?>">← <?cs var:L.Acceptance.Back ?></a>
  <button type="button" class="print-button" data-print hidden><?cs var:L.Acceptance.PrintButton ?></button></p>
<?cs call:page_end() ?>
