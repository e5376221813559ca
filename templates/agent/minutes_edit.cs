<?cs include!"agent/layout.cs" ?>
<?cs include!"agent/review_macros.cs" ?>
<?cs # /agent/minutes/new?meeting=ID and /agent/minutes/ID/edit: the minutes
       of a held review meeting in one form (cgi/agent/minutes.c): problem
       review, each department's highlights and shortcomings, the confirmed
       root causes, the improvement directions, the measures. A refused
       form comes back with every value as typed and each reason next to
       its field. ?>
<?cs call:agent_start(L.Review.Minutes.Write) ?>
<div class="page-head">
  <h1><?cs var:L.Review.Minutes.Write ?></h1>
  <p class="crumbs"><a href="/agent/meetings/<?cs var:Meeting.id ?>"><bdi><?cs var:Meeting.title ?></bdi></a> · <time datetime="<?cs var:Meeting.starts_at.iso ?>"><?cs var:Meeting.starts_at ?></time> · <bdi><?cs var:Meeting.organiser ?></bdi></p>
</div>
<?cs if:Form.HasErrors ?><div class="alert" role="alert"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?>
<form class="request problem-form minutes-form" method="post" action="<?cs if:Minutes.id != "0" ?>/agent/minutes/<?cs var:Minutes.id ?>/edit<?cs else ?>/agent/minutes/new<?cs /if ?>">
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
  <input type="hidden" name="meeting" value="<?cs var:Form.meeting.value ?>">
  <input type="hidden" name="version" value="<?cs var:Form.version.value ?>">
  <fieldset class="pf-part"><legend>1. <?cs var:L.Review.Minutes.Field.review ?></legend>
  <?cs call:field("review", L.Review.Minutes.Field.review, L.Review.Minutes.ReviewHelp, "longtext", 0, 4000) ?>
  </fieldset>
  <fieldset class="pf-part"><legend>2. <?cs var:L.Review.Minutes.Depts ?></legend>
  <p class="help"><?cs var:L.Review.Minutes.DeptsHelp ?></p>
  <ol class="plan-rows dept-rows">
  <?cs loop:i = 1, Rows.depts, 1 ?><?cs set:p = "d" + i + "_" ?>
    <li class="plan-row">
      <?cs call:plan_select(p + "team", L.Review.Minutes.Dept, Teams) ?>
      <?cs call:field(p + "highlights", L.Review.Minutes.Highlights, "", "longtext", 0, 2000) ?>
      <?cs call:field(p + "shortcomings", L.Review.Minutes.Shortcomings, "", "longtext", 0, 2000) ?>
    </li>
  <?cs /loop ?>
  </ol>
  </fieldset>
  <fieldset class="pf-part"><legend>3. <?cs var:L.Review.Minutes.Field.root_causes ?></legend>
  <?cs call:field("root_causes", L.Review.Minutes.Field.root_causes, L.Review.Minutes.CausesHelp, "longtext", 0, 4000) ?>
  </fieldset>
  <fieldset class="pf-part"><legend>4. <?cs var:L.Review.Minutes.Field.directions ?></legend>
  <?cs call:field("directions", L.Review.Minutes.Field.directions, L.Review.Minutes.DirectionsHelp, "longtext", 0, 4000) ?>
  </fieldset>
  <fieldset class="pf-part"><legend>5. <?cs var:L.Review.Minutes.Measures ?></legend>
  <p class="help"><?cs var:L.Review.Minutes.MeasuresHelp ?></p>
  <?cs include!"agent/plan_rows.cs" ?>
  </fieldset>
  <div class="form-actions"><button type="submit" class="primary"><?cs var:L.Review.Minutes.Save ?></button> <a class="reset" href="/agent/meetings/<?cs var:Meeting.id ?>"><?cs var:L.Review.Problem.Cancel ?></a></div>
</form>
<?cs call:agent_end() ?>
