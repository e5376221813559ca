<?cs include!"agent/layout.cs" ?><?cs include!"acceptance.cs" ?>
<?cs call:agent_start(L.Acceptance.Title) ?>
<div class="page-head noprint doc-actions">
  <p class="crumbs"><a href="/agent/t/<?cs var:url_escape(Ticket.number) ?>">← <?cs var:L.Acceptance.Back ?> <code><?cs var:Ticket.number ?></code></a></p>
  <button type="button" class="primary" data-print hidden><?cs var:L.Acceptance.PrintButton ?></button>
</div>
<?cs call:acceptance_archived() ?>
<?cs call:agent_end() ?>
