<?cs # The service acceptance form (服务验收单) as a paper form: labelled
       fields in a grid, the problem, the confirmed solution, the work log,
       and with signed the result and both sides' signature lines. Doc.* is
       the document (cgi: web_acceptance), Signed.* the signature; labels
       come from the reader's language, values as they were entered. The
       portal (to read before signing, and archived) and the agents' page
       draw it alike; portal.css and agent.css style .doc for screen and A4. ?><?cs
def:doc_cell(label, value) ?><div class="doc-cell"><dt><?cs var:label ?></dt><dd><?cs if:value ?><?cs var:value ?><?cs else ?><span class="doc-none">—</span><?cs /if ?></dd></div><?cs /def ?><?cs
def:acceptance_doc(signed) ?>
<dl class="doc-grid">
  <?cs call:doc_cell(L.Acceptance.Org, Doc.organisation) ?>
  <?cs call:doc_cell(L.Acceptance.Contact, Doc.contact) ?>
  <div class="doc-cell"><dt><?cs var:L.Acceptance.Product ?></dt><dd><?cs if:Doc.product ?><bdi><?cs var:Doc.product ?></bdi><?cs if:Doc.product_version ?> <bdi class="doc-version"><?cs var:Doc.product_version ?></bdi><?cs /if ?><?cs else ?><span class="doc-none">—</span><?cs /if ?></dd></div>
  <?cs call:doc_cell(L.Acceptance.Serial, Doc.serial_number) ?>
  <?cs call:doc_cell(L.Acceptance.Category, Catalog.CategoryName[Doc.category_id]) ?>
  <?cs call:doc_cell(L.Acceptance.Engineer, Doc.engineer) ?>
  <div class="doc-cell"><dt><?cs var:L.Acceptance.Created ?></dt><dd><time datetime="<?cs var:Doc.created_at.iso ?>"><?cs var:Doc.created_at ?></time></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Acceptance.Resolved ?></dt><dd><?cs if:Doc.resolved_at ?><time datetime="<?cs var:Doc.resolved_at.iso ?>"><?cs var:Doc.resolved_at ?></time><?cs else ?><span class="doc-none">—</span><?cs /if ?></dd></div>
  <?cs if:signed ?><div class="doc-cell"><dt><?cs var:L.Acceptance.SignedAt ?></dt><dd><time class="signed-at" datetime="<?cs var:Signed.at.iso ?>"><?cs var:Signed.at ?></time></dd></div><?cs /if ?>
</dl>

<section class="doc-part">
  <h2><?cs var:L.Acceptance.ProblemTitle ?></h2>
  <p class="doc-subject"><?cs var:Doc.subject ?></p>
  <div class="text"><?cs var:Doc.description ?></div>
</section>

<section class="doc-part">
  <h2><?cs var:L.Acceptance.Solution ?></h2>
  <?cs if:Doc.solution.delivery ?>
  <dl class="doc-rows">
    <div><dt><?cs var:L.Solution.DeliveryLabel ?></dt><dd><?cs var:L.Solution.Delivery[Doc.solution.delivery] ?></dd></div>
    <div><dt><?cs var:L.Solution.Steps ?></dt><dd class="text"><?cs var:Doc.solution.steps ?></dd></div>
    <div><dt><?cs var:L.Solution.Expected ?></dt><dd class="text"><?cs var:Doc.solution.expected ?></dd></div>
    <div><dt><?cs var:L.Solution.Risks ?></dt><dd class="text"><?cs var:Doc.solution.risks ?></dd></div>
    <div><dt><?cs var:L.Acceptance.ConfirmedBy ?></dt><dd><bdi><?cs var:Doc.solution.confirmed_by ?></bdi><?cs if:Doc.solution.confirmed_at ?> · <time datetime="<?cs var:Doc.solution.confirmed_at.iso ?>"><?cs var:Doc.solution.confirmed_at ?></time><?cs /if ?></dd></div>
  </dl>
  <?cs else ?><p class="doc-none"><?cs var:L.Acceptance.NoSolution ?></p><?cs /if ?>
</section>

<section class="doc-part">
  <h2><?cs var:L.Acceptance.Work ?></h2>
  <?cs if:Doc.resolution ?><p class="doc-resolution"><span class="doc-label"><?cs var:L.Acceptance.Resolution ?></span> <span class="text"><bdi><?cs var:Doc.resolution ?></bdi></span></p><?cs /if ?>
  <?cs if:subcount(Doc.work) > 0 ?>
  <div class="doc-table-wrap">
  <table class="doc-work">
    <thead><tr><th scope="col"><?cs var:L.Acceptance.WorkWhen ?></th><th scope="col"><?cs var:L.Work.KindLabel ?></th><th scope="col"><?cs var:L.Acceptance.WorkWhat ?></th><th scope="col"><?cs var:L.Acceptance.WorkSerials ?></th></tr></thead>
    <tbody>
    <?cs each:s = Doc.work ?>
    <tr class="work-<?cs var:s.kind ?>"><td class="when"><time datetime="<?cs var:s.at.iso ?>"><?cs var:s.at ?></time></td><td class="step-kind"><?cs var:L.Work.Kind[s.kind] ?></td><td class="text"><bdi><?cs var:s.text ?></bdi><?cs if:s.by ?> <span class="doc-by">(<bdi><?cs var:s.by ?></bdi>)</span><?cs /if ?></td>
      <td class="serials" data-label="<?cs var:L.Acceptance.WorkSerials ?>"><?cs if:s.old || s.new ?><?cs if:s.old ?><bdi><?cs var:s.old ?></bdi><?cs else ?>—<?cs /if ?> → <?cs if:s.new ?><bdi><?cs var:s.new ?></bdi><?cs else ?>—<?cs /if ?><?cs /if ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs elif:!Doc.resolution ?><p class="doc-none"><?cs var:L.Acceptance.NoWork ?></p><?cs /if ?>
</section>

<?cs if:signed ?>
<section class="doc-part">
  <h2><?cs var:L.Acceptance.Result ?></h2>
  <dl class="doc-rows">
    <div><dt><?cs var:L.Acceptance.Result ?></dt><dd class="doc-result result-<?cs var:Signed.result ?>"><?cs each:o = L.Acceptance.Results ?><?cs if:o.code == Signed.result ?><?cs var:o.label ?><?cs /if ?><?cs /each ?></dd></div>
    <?cs if:Signed.remarks ?><div><dt><?cs var:L.Acceptance.Remarks ?></dt><dd class="text"><?cs var:Signed.remarks ?></dd></div><?cs /if ?>
  </dl>
</section>

<div class="doc-sign">
  <div class="sign-box">
    <p class="sign-who"><?cs var:L.Acceptance.CustomerSide ?></p>
    <p class="sign-name"><?cs var:Signed.name ?></p>
    <p class="sign-how"><?cs var:L.Acceptance.SignedOnline ?> <time datetime="<?cs var:Signed.at.iso ?>"><?cs var:Signed.at ?></time></p>
    <p class="sign-line"><span><?cs var:L.Acceptance.SignatureLine ?></span></p>
    <p class="sign-line"><span><?cs var:L.Acceptance.DateLine ?></span></p>
  </div>
  <div class="sign-box">
    <p class="sign-who"><?cs var:L.Acceptance.ProviderSide ?></p>
    <p class="sign-name"><?cs if:Doc.engineer ?><?cs var:Doc.engineer ?><?cs else ?>&nbsp;<?cs /if ?></p>
    <p class="sign-how"><?cs var:L.Acceptance.Engineer ?></p>
    <p class="sign-line"><span><?cs var:L.Acceptance.SignatureLine ?></span></p>
    <p class="sign-line"><span><?cs var:L.Acceptance.DateLine ?></span></p>
  </div>
</div>
<?cs /if ?>
<?cs /def ?><?cs
# The archived form, signed: its heading and the document, or for a form
  signed before documents were kept, the text as it was shown then. ?><?cs
def:acceptance_archived() ?>
<article class="card signed-form doc">
  <header class="doc-head">
    <p class="doc-site"><?cs var:Site.Name ?></p>
    <h1><?cs var:L.Acceptance.Title ?></h1>
    <p class="doc-no"><?cs var:L.Ticket.Number ?> <code><?cs var:Ticket.number ?></code></p>
  </header>
  <?cs if:Doc.number ?><?cs call:acceptance_doc(1) ?><?cs else ?>
  <section class="doc-part"><h2><?cs var:L.Acceptance.Legacy ?></h2><div class="text"><?cs var:Signed.form ?></div></section>
  <dl class="doc-rows">
    <div><dt><?cs var:L.Acceptance.Result ?></dt><dd><?cs each:o = L.Acceptance.Results ?><?cs if:o.code == Signed.result ?><?cs var:o.label ?><?cs /if ?><?cs /each ?></dd></div>
    <?cs if:Signed.remarks ?><div><dt><?cs var:L.Acceptance.Remarks ?></dt><dd class="text"><?cs var:Signed.remarks ?></dd></div><?cs /if ?>
    <div><dt><?cs var:L.Acceptance.Name ?></dt><dd><bdi><?cs var:Signed.name ?></bdi></dd></div>
    <div><dt><?cs var:L.Acceptance.SignedAt ?></dt><dd><time class="signed-at" datetime="<?cs var:Signed.at.iso ?>"><?cs var:Signed.at ?></time></dd></div>
  </dl>
  <?cs /if ?>
</article>
<?cs /def ?>
