<?cs include!"agent/layout.cs" ?>
<?cs include!"agent/review_macros.cs" ?>
<?cs # /agent/drills/new: record a drill with its follow-up actions
       (cgi/agent/drills.c); a refused form comes back with every value as
       typed and each reason next to its field. ?>
<?cs call:agent_start(L.Review.Drill.New) ?>
<div class="page-head"><h1><?cs var:L.Review.Drill.New ?></h1></div>
<?cs if:Form.HasErrors ?><div class="alert" role="alert"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?>
<form class="request problem-form drill-form" method="post" action="/agent/drills/new">
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
  <fieldset class="pf-part"><legend><?cs var:L.Review.Drill.Title ?></legend>
  <?cs call:field("held_on", L.Review.Drill.HeldOn, "", "date", 1, 10) ?>
  <?cs call:field("title", L.Review.Drill.TitleField, "", "text", 1, 200) ?>
  <?cs call:field("scenario", L.Review.Drill.Scenario, L.Review.Drill.ScenarioHelp, "longtext", 1, 4000) ?>
  <?cs call:field("participants", L.Review.Drill.Participants, "", "longtext", 0, 2000) ?>
  <?cs call:field("findings", L.Review.Drill.Findings, "", "longtext", 0, 4000) ?>
  </fieldset>
  <fieldset class="pf-part"><legend><?cs var:L.Review.Drill.Actions ?></legend>
  <?cs include!"agent/plan_rows.cs" ?>
  </fieldset>
  <div class="form-actions"><button type="submit" class="primary"><?cs var:L.Review.Drill.Record ?></button> <a class="reset" href="/agent/drills"><?cs var:L.Review.Problem.Cancel ?></a></div>
</form>
<?cs call:agent_end() ?>
