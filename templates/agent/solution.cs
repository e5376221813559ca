<?cs include!"agent/layout.cs" ?>
<?cs # The solution proposal (方案确认), a page of its own: how it is
       delivered, the steps, the expected result and the risks, written
       beside the customer's problem and the findings so far. It posts to
       the ticket's /act like every action; an error comes back here with
       every field kept. ?>
<?cs call:agent_start(L.Solution.Page.Title) ?>
<?cs def:error_beside(name) ?><?cs if:Form[name].error ?><p class="error" id="e-<?cs var:name ?>"><?cs call:field_error(name) ?></p><?cs /if ?><?cs /def ?>
<?cs def:kept(name) ?><?cs if:ActionFailed == "propose_solution" ?><?cs var:Form[name].value ?><?cs /if ?><?cs /def ?>
<p class="crumb"><a href="/agent/t/<?cs var:url_escape(Ticket.number) ?>">← <?cs var:L.Agent.Next.Back ?> <code><?cs var:Ticket.number ?></code></a></p>
<div class="ticket-head">
  <h1><span class="page-kind"><?cs var:L.Solution.Page.Title ?></span> <code class="tn"><?cs var:Ticket.number ?></code> <span class="subject"><bdi><?cs var:Ticket.subject ?></bdi></span></h1>
  <p class="sub"><?cs call:status_pill(Ticket.status) ?> <?cs call:priority_badge(Ticket.priority) ?>
    <span class="facts"><?cs var:Extra.customer ?><?cs if:Extra.organisation ?> · <?cs var:Extra.organisation ?><?cs /if ?> · <?cs var:Catalog.CategoryName[Ticket.category] ?></span></p>
</div>
<?cs if:ActionError ?><div class="alert" role="alert"><?cs var:L.Agent.Fail[ActionError] ?><?cs if:ActionError == "field_too_long" && ActionLimit.max ?><?cs call:gap() ?><?cs call:too_long(ActionLimit.max, ActionLimit.chars) ?><?cs /if ?></div><?cs /if ?>
<?cs if:!Next.Can.propose ?>
<div class="alert" role="alert"><?cs var:L.Solution.Page.NotNow ?></div>
<?cs else ?>
<div class="solution-grid">
<form method="post" action="/agent/t/<?cs var:url_escape(Ticket.number) ?>/act" class="act act-propose_solution card solution-form" novalidate>
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="version" value="<?cs var:Ticket.version ?>"><input type="hidden" name="action" value="propose_solution">
  <p class="intro"><?cs var:L.Solution.Page.Intro ?></p>
  <fieldset class="field delivery">
    <legend><?cs var:L.Solution.DeliveryLabel ?><?cs call:required_mark() ?></legend>
    <div class="opt-cards">
    <?cs set:first = 1 ?><?cs each:k = L.Solution.Delivery ?>
      <label class="opt-card"><input type="radio" name="delivery" value="<?cs name:k ?>" required<?cs if:ActionFailed == "propose_solution" ?><?cs if:Query.delivery == name(k) ?> checked<?cs /if ?><?cs elif:first ?> checked<?cs /if ?>><span class="opt-text"><span class="opt-title"><?cs var:k ?></span><span class="opt-help"><?cs var:L.Solution.Page.DeliveryHelp[name(k)] ?></span></span></label>
    <?cs set:first = 0 ?><?cs /each ?>
    </div>
  </fieldset>
  <div class="field<?cs if:Form.steps.error ?> has-error<?cs /if ?>">
    <label for="sol-steps"><?cs var:L.Solution.Steps ?><?cs call:required_mark() ?></label>
    <p class="help" id="h-steps"><?cs var:L.Solution.Page.StepsHelp ?></p>
    <textarea id="sol-steps" name="steps" rows="8" data-maxchars="10000" required aria-describedby="<?cs if:Form.steps.error ?>e-steps <?cs /if ?>h-steps"<?cs if:Form.steps.error ?> aria-invalid="true"<?cs /if ?>><?cs call:kept("steps") ?></textarea>
    <?cs call:error_beside("steps") ?>
  </div>
  <div class="field<?cs if:Form.expected.error ?> has-error<?cs /if ?>">
    <label for="sol-expected"><?cs var:L.Solution.Expected ?><?cs call:required_mark() ?></label>
    <p class="help" id="h-expected"><?cs var:L.Solution.Page.ExpectedHelp ?></p>
    <textarea id="sol-expected" name="expected" rows="3" data-maxchars="5000" required aria-describedby="<?cs if:Form.expected.error ?>e-expected <?cs /if ?>h-expected"<?cs if:Form.expected.error ?> aria-invalid="true"<?cs /if ?>><?cs call:kept("expected") ?></textarea>
    <?cs call:error_beside("expected") ?>
  </div>
  <div class="field<?cs if:Form.risks.error ?> has-error<?cs /if ?>">
    <label for="sol-risks"><?cs var:L.Solution.Risks ?><?cs call:required_mark() ?></label>
    <p class="help" id="h-risks"><?cs var:L.Solution.Page.RisksHelp ?></p>
    <textarea id="sol-risks" name="risks" rows="3" data-maxchars="5000" required aria-describedby="<?cs if:Form.risks.error ?>e-risks <?cs /if ?>h-risks"<?cs if:Form.risks.error ?> aria-invalid="true"<?cs /if ?>><?cs call:kept("risks") ?></textarea>
    <?cs call:error_beside("risks") ?>
  </div>
  <p class="form-foot"><button type="submit" class="primary big"><?cs var:L.Solution.Page.Submit ?></button> <a href="/agent/t/<?cs var:url_escape(Ticket.number) ?>"><?cs var:L.Agent.Next.Cancel ?></a></p>
</form>
<aside class="card solution-ref" aria-labelledby="ref-h">
  <h2 id="ref-h"><?cs var:L.Solution.Page.Problem ?></h2>
  <p class="ref-subject"><strong><bdi><?cs var:Ticket.subject ?></bdi></strong></p>
  <div class="text ref-text"><?cs var:Ticket.description ?></div>
  <dl class="kv">
    <?cs if:Ticket.product || Ticket.product_version ?><div><dt><?cs var:L.Agent.Ticket.Product ?></dt><dd><?cs var:Ticket.product ?> <?cs var:Ticket.product_version ?> <?cs var:Ticket.serial_number ?></dd></div><?cs /if ?>
    <?cs each:v = Values ?><div><dt><?cs var:v.label ?></dt><dd class="text"><?cs var:v.value ?></dd></div><?cs /each ?>
    <?cs if:Ticket.error_message ?><div><dt><?cs var:L.Agent.Ticket.ErrorMessage ?></dt><dd class="text"><?cs var:Ticket.error_message ?></dd></div><?cs /if ?>
    <?cs if:Ticket.tried ?><div><dt><?cs var:L.Agent.Ticket.Tried ?></dt><dd class="text"><?cs var:Ticket.tried ?></dd></div><?cs /if ?>
  </dl>
  <?cs set:found = 0 ?><?cs each:e = Events ?><?cs if:e.kind == "finding" ?><?cs set:found = 1 ?><?cs /if ?><?cs /each ?>
  <?cs if:found ?>
  <h3><?cs var:L.Solution.Page.Findings ?></h3>
  <ul class="findings">
  <?cs each:e = Events ?><?cs if:e.kind == "finding" ?><li><span class="label"><?cs var:L.Agent.FindingKind[e.field] ?></span> <span class="text"><?cs var:e.body ?></span></li><?cs /if ?><?cs /each ?>
  </ul>
  <?cs /if ?>
</aside>
</div>
<?cs /if ?>
<?cs call:agent_end() ?>
