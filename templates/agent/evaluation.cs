<?cs include!"agent/layout.cs" ?><?cs include!"evaluation.cs" ?>
<?cs # The requirement evaluation of a customisation request, a page of its
       own: every revision (newest first, each printable), the product
       manager's form for a (revised) report, and the form that records a
       decision the customer sent by mail with its copy. Both post to the
       ticket's /act; an error comes back here with every field kept. ?>
<?cs call:agent_start(L.Evaluation.Title) ?>
<?cs def:error_beside(name) ?><?cs if:Form[name].error ?><p class="error" id="e-<?cs var:name ?>"><?cs call:field_error(name) ?></p><?cs /if ?><?cs /def ?>
<?cs def:kept(name) ?><?cs if:ActionFailed == "evaluation" ?><?cs var:Form[name].value ?><?cs /if ?><?cs /def ?>
<?cs def:area(name, label, help, rows) ?><div class="field<?cs if:Form[name].error ?> has-error<?cs /if ?>">
    <label for="ev-<?cs var:name ?>"><?cs var:label ?><?cs call:required_mark() ?></label>
    <p class="help" id="h-<?cs var:name ?>"><?cs var:help ?></p>
    <textarea id="ev-<?cs var:name ?>" name="<?cs var:name ?>" rows="<?cs var:rows ?>" data-maxchars="5000" required aria-describedby="<?cs if:Form[name].error ?>e-<?cs var:name ?> <?cs /if ?>h-<?cs var:name ?>"<?cs if:Form[name].error ?> aria-invalid="true"<?cs /if ?>><?cs call:kept(name) ?></textarea>
    <?cs call:error_beside(name) ?>
  </div><?cs /def ?>
<p class="crumb"><a href="/agent/t/<?cs var:url_escape(Ticket.number) ?>">← <?cs var:L.Agent.Next.Back ?> <code><?cs var:Ticket.number ?></code></a></p>
<div class="ticket-head">
  <h1><span class="page-kind"><?cs var:L.Evaluation.Title ?></span> <code class="tn"><?cs var:Ticket.number ?></code> <span class="subject"><bdi><?cs var:Ticket.subject ?></bdi></span></h1>
  <p class="sub"><?cs call:status_pill(Ticket.status) ?> <?cs call:priority_badge(Ticket.priority) ?>
    <span class="facts"><?cs var:Extra.customer ?><?cs if:Extra.organisation ?> · <?cs var:Extra.organisation ?><?cs /if ?> · <?cs var:Catalog.CategoryName[Ticket.category] ?></span></p>
</div>
<?cs if:ActionError ?><div class="alert" role="alert"><?cs var:L.Agent.Fail[ActionError] ?><?cs if:ActionError == "field_too_long" && ActionLimit.max ?><?cs call:gap() ?><?cs call:too_long(ActionLimit.max, ActionLimit.chars) ?><?cs /if ?></div><?cs /if ?>
<?cs if:!Evaluation.needed ?>
<div class="alert" role="alert"><?cs var:L.Agent.Fail.transition ?></div>
<?cs else ?>
<div class="solution-grid eval-grid">
<div class="eval-main">
<?cs if:Evaluation.approved ?><p class="notice eval-approved"><?cs var:L.Evaluation.Page.Closed ?></p>
<?cs elif:!Evaluation.may_write ?><p class="notice eval-not-pm"><?cs var:L.Evaluation.Page.NotPm ?></p>
<?cs elif:Ticket.status != "resolved" && Ticket.status != "closed" ?>
<form method="post" action="/agent/t/<?cs var:url_escape(Ticket.number) ?>/act" class="act act-evaluation card solution-form" novalidate>
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="version" value="<?cs var:Ticket.version ?>"><input type="hidden" name="action" value="evaluation">
  <h2><?cs if:Evaluation.count > 0 ?><?cs var:L.Evaluation.Page.Revise ?><?cs else ?><?cs var:L.Evaluation.Page.Write ?><?cs /if ?></h2>
  <p class="intro"><?cs var:L.Evaluation.Page.Intro ?></p>
  <fieldset class="field feasibility<?cs if:Form.feasibility.error ?> has-error<?cs /if ?>">
    <legend><?cs var:L.Evaluation.FeasibilityLabel ?><?cs call:required_mark() ?></legend>
    <div class="opt-cards opt-3">
    <?cs each:k = L.Evaluation.Feasibility ?>
      <label class="opt-card"><input type="radio" name="feasibility" value="<?cs name:k ?>" required<?cs if:ActionFailed == "evaluation" && Query.feasibility == name(k) ?> checked<?cs /if ?>><span class="opt-text"><span class="opt-title"><?cs var:k ?></span></span></label>
    <?cs /each ?>
    </div>
    <?cs call:error_beside("feasibility") ?>
  </fieldset>
  <?cs call:area("reasons", L.Evaluation.Reasons, L.Evaluation.Page.ReasonsHelp, 4) ?>
  <div class="row2">
    <div class="field<?cs if:Form.effort.error ?> has-error<?cs /if ?>">
      <label for="ev-effort"><?cs var:L.Evaluation.Effort ?><?cs call:required_mark() ?></label>
      <p class="help" id="h-effort"><?cs var:L.Evaluation.Page.EffortHelp ?></p>
      <input id="ev-effort" name="effort" inputmode="decimal" required value="<?cs call:kept("effort") ?>" aria-describedby="<?cs if:Form.effort.error ?>e-effort <?cs /if ?>h-effort"<?cs if:Form.effort.error ?> aria-invalid="true"<?cs /if ?>>
      <?cs call:error_beside("effort") ?>
    </div>
    <div class="field<?cs if:Form.cycle.error ?> has-error<?cs /if ?>">
      <label for="ev-cycle"><?cs var:L.Evaluation.Cycle ?><?cs call:required_mark() ?></label>
      <p class="help" id="h-cycle"><?cs var:L.Evaluation.Page.CycleHelp ?></p>
      <input id="ev-cycle" name="cycle" inputmode="numeric" required value="<?cs call:kept("cycle") ?>" aria-describedby="<?cs if:Form.cycle.error ?>e-cycle <?cs /if ?>h-cycle"<?cs if:Form.cycle.error ?> aria-invalid="true"<?cs /if ?>>
      <?cs call:error_beside("cycle") ?>
    </div>
  </div>
  <?cs call:area("resources", L.Evaluation.Resources, L.Evaluation.Page.ResourcesHelp, 3) ?>
  <?cs call:area("risks", L.Evaluation.Risks, L.Evaluation.Page.RisksHelp, 3) ?>
  <?cs call:area("schedule", L.Evaluation.Schedule, L.Evaluation.Page.ScheduleHelp, 4) ?>
  <p class="form-foot"><button type="submit" class="primary big"><?cs var:L.Evaluation.Page.Submit ?></button> <a href="/agent/t/<?cs var:url_escape(Ticket.number) ?>"><?cs var:L.Agent.Next.Cancel ?></a></p>
</form>
<?cs /if ?>
<?cs if:Evaluation.pending && Evaluation.may_record ?>
<section class="card solution-form eval-mail" aria-labelledby="evm-h">
  <h2 id="evm-h"><?cs var:L.Evaluation.Mail.Title ?></h2>
  <form method="post" action="/agent/t/<?cs var:url_escape(Ticket.number) ?>/act" class="act act-evaluation_mail" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="version" value="<?cs var:Ticket.version ?>"><input type="hidden" name="action" value="evaluation_mail">
    <p class="help"><?cs var:L.Evaluation.Mail.Help ?></p>
    <div class="row2">
      <div><label for="evm-decision"><?cs var:L.Evaluation.Mail.Decision ?></label>
      <select id="evm-decision" name="decision"><option value="approve"<?cs if:ActionFailed == "evaluation_mail" && Query.decision == "approve" ?> selected<?cs /if ?>><?cs var:L.Evaluation.Mail.approve ?></option><option value="decline"<?cs if:ActionFailed == "evaluation_mail" && Query.decision == "decline" ?> selected<?cs /if ?>><?cs var:L.Evaluation.Mail.decline ?></option></select></div>
      <div><label for="evm-name"><?cs var:L.Evaluation.Mail.Name ?></label>
      <input id="evm-name" name="name" data-maxchars="100" required value="<?cs if:ActionFailed == "evaluation_mail" ?><?cs var:Form.name.value ?><?cs /if ?>"></div>
    </div>
    <label for="evm-note"><?cs var:L.Evaluation.Mail.Note ?></label>
    <textarea id="evm-note" name="note" rows="2"><?cs if:ActionFailed == "evaluation_mail" ?><?cs var:Form.note.value ?><?cs /if ?></textarea>
    <div class="attach"><label for="evm-files" class="attach-label"><?cs var:L.Attach.Label ?></label> <input id="evm-files" name="files" type="file" multiple data-max-bytes="<?cs var:Attach.MaxBytes ?>" data-too-large="<?cs var:L.Agent.Fail.file_too_large ?>"><span class="hint"><?cs var:Attach.Limit ?></span></div>
    <p class="form-foot"><button type="submit"><?cs var:L.Evaluation.Mail.Save ?></button></p>
  </form>
</section>
<?cs /if ?>
</div>
<aside class="eval-versions" aria-labelledby="evv-h">
  <h2 id="evv-h"><?cs var:L.Evaluation.Page.Versions ?></h2>
  <?cs if:Evaluation.count == 0 ?><p class="muted"><?cs var:L.Evaluation.None ?></p><?cs /if ?>
  <?cs each:e = Evaluations ?>
  <article class="card doc eval-version state-<?cs var:e.state ?>" id="rev-<?cs var:e.revision ?>">
    <header class="eval-head"><h3><?cs var:L.Evaluation.Revision ?> <?cs var:e.revision ?></h3> <span class="eval-state st-<?cs var:e.state ?>"><?cs var:L.Evaluation.State[e.state] ?></span> <a class="print" href="/agent/t/<?cs var:url_escape(Ticket.number) ?>/evaluation/print?rev=<?cs var:e.revision ?>"><?cs var:L.Evaluation.Page.Print ?></a></header>
    <?cs call:evaluation_doc(e) ?>
    <?cs call:evaluation_decision(e) ?>
  </article>
  <?cs /each ?>
</aside>
</div>
<?cs /if ?>
<?cs call:agent_end() ?>
