<?cs include!"agent/layout.cs" ?><?cs include!"evaluation.cs" ?>
<?cs # One revision of the requirement evaluation report on A4
       (templates/static/doc.css), with both sides' signature boxes. ?>
<?cs call:agent_start(L.Evaluation.Title) ?>
<div class="page-head noprint doc-actions">
  <p class="crumbs"><a href="/agent/t/<?cs var:url_escape(Ticket.number) ?>/evaluation">← <?cs var:L.Evaluation.Open ?> <code><?cs var:Ticket.number ?></code></a></p>
  <button type="button" class="primary" data-print hidden><?cs var:L.Acceptance.PrintButton ?></button>
</div>
<article class="card doc signed-form eval-print">
  <header class="doc-head">
    <p class="doc-site"><?cs var:Site.Name ?></p>
    <h1><?cs var:L.Evaluation.Title ?></h1>
    <p class="doc-no"><?cs var:L.Ticket.Number ?> <code><?cs var:Ticket.number ?></code> · <?cs var:L.Evaluation.Revision ?> <?cs var:Eval.revision ?></p>
  </header>
  <section class="doc-part"><h2><?cs var:L.Evaluation.Print.Ticket ?></h2><p class="doc-subject"><bdi><?cs var:Ticket.subject ?></bdi></p></section>
  <section class="doc-part"><h2><?cs var:L.Evaluation.Title ?></h2>
  <?cs call:evaluation_doc(Eval) ?>
  </section>
  <section class="doc-part"><h2><?cs var:L.Evaluation.Print.Decision ?></h2>
  <?cs call:evaluation_decision(Eval) ?>
  </section>
  <div class="doc-sign">
    <div class="sign-box">
      <p class="sign-who"><?cs var:L.Evaluation.Print.CustomerSide ?></p>
      <p class="sign-name"><?cs if:Eval.decided_name ?><?cs var:Eval.decided_name ?><?cs else ?>&nbsp;<?cs /if ?></p>
      <p class="sign-line"><span><?cs var:L.Acceptance.SignatureLine ?></span></p>
      <p class="sign-line"><span><?cs var:L.Acceptance.DateLine ?></span></p>
    </div>
    <div class="sign-box">
      <p class="sign-who"><?cs var:L.Evaluation.Print.ProviderSide ?></p>
      <p class="sign-name"><?cs var:Eval.author ?></p>
      <p class="sign-line"><span><?cs var:L.Acceptance.SignatureLine ?></span></p>
      <p class="sign-line"><span><?cs var:L.Acceptance.DateLine ?></span></p>
    </div>
  </div>
</article>
<?cs call:agent_end() ?>
