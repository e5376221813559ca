<?cs # The requirement evaluation report (需求评估报告) as a document: the
       feasibility with its reasons, effort, cycle, resources, risks and the
       schedule, then who decided and when. e is one revision (Eval or
       Evaluations.N); labels in the reader's language. The agents' page,
       its A4 print and the portal draw it alike. ?><?cs
def:evaluation_doc(e) ?>
<dl class="doc-grid eval-facts">
  <div class="doc-cell"><dt><?cs var:L.Evaluation.FeasibilityLabel ?></dt><dd class="feas feas-<?cs var:e.feasibility ?>"><?cs var:L.Evaluation.Feasibility[e.feasibility] ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Evaluation.Effort ?></dt><dd class="eval-effort"><?cs var:e.effort ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Evaluation.Cycle ?></dt><dd class="eval-cycle"><?cs var:e.cycle ?></dd></div>
  <div class="doc-cell"><dt><?cs var:L.Evaluation.Author ?></dt><dd><bdi><?cs var:e.author ?></bdi> · <time datetime="<?cs var:e.created.iso ?>"><?cs var:e.created ?></time></dd></div>
</dl>
<dl class="doc-rows eval-rows">
  <div><dt><?cs var:L.Evaluation.Reasons ?></dt><dd class="text"><?cs var:e.reasons ?></dd></div>
  <div><dt><?cs var:L.Evaluation.Resources ?></dt><dd class="text"><?cs var:e.resources ?></dd></div>
  <div><dt><?cs var:L.Evaluation.Risks ?></dt><dd class="text"><?cs var:e.risks ?></dd></div>
  <div><dt><?cs var:L.Evaluation.Schedule ?></dt><dd class="text"><?cs var:e.schedule ?></dd></div>
</dl>
<?cs /def ?><?cs
def:evaluation_decision(e) ?><?cs if:e.state == "approved" || e.state == "declined" ?><p class="eval-decision decision-<?cs var:e.state ?>"><strong><?cs var:L.Evaluation.State[e.state] ?></strong> · <?cs var:L.Evaluation.DecidedBy ?> <bdi class="decided-name"><?cs var:e.decided_name ?></bdi> · <time datetime="<?cs var:e.decided.iso ?>"><?cs var:e.decided ?></time><?cs if:e.via == "email" ?> · <?cs var:L.Evaluation.ByMail ?> <bdi><?cs var:e.recorded_by ?></bdi><?cs else ?> · <?cs var:L.Evaluation.OnPortal ?><?cs /if ?></p><?cs if:e.decline_reason ?><p class="eval-reason"><span class="doc-label"><?cs var:L.Evaluation.DeclineReason ?></span> <span class="text"><?cs var:e.decline_reason ?></span></p><?cs /if ?><?cs else ?><p class="eval-decision decision-<?cs var:e.state ?>"><strong><?cs var:L.Evaluation.State[e.state] ?></strong></p><?cs /if ?><?cs /def ?>
