<?cs include!"agent/layout.cs" ?>
<?cs # /agent/meetings/new: schedule a meeting (cgi/agent/meetings.c); a start
       sooner than the lead rule allows is refused with the earliest start. ?>
<?cs if:Edit.id ?><?cs set:FormTitle = L.Review.Meeting.EditTitle ?><?cs else ?><?cs set:FormTitle = L.Review.Meeting.New ?><?cs /if ?>
<?cs call:agent_start(FormTitle) ?>
<div class="page-head"><h1><?cs var:FormTitle ?></h1></div>
<?cs if:Form.HasErrors ?><div class="alert" role="alert"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?>
<form class="request problem-form" method="post" action="/agent/meetings/<?cs if:Edit.id ?><?cs var:Edit.id ?>/edit<?cs else ?>new<?cs /if ?>">
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
  <?cs if:Edit.id ?><input type="hidden" name="version" value="<?cs var:Edit.version ?>"><?cs /if ?>
  <fieldset class="pf-part"><legend><?cs var:L.Review.Meeting.What ?></legend>
  <?cs call:choice("kind", L.Review.Meeting.KindField, "", KindOpts, 1, 0) ?>
  <?cs call:field("title", L.Review.Meeting.TitleField, "", "text", 1, 200) ?>
  <div class="field field-datetime<?cs if:Form.starts_at.error ?> has-error<?cs /if ?>">
    <label for="f-starts_at"><?cs var:L.Review.Meeting.StartsAt ?><?cs call:required_mark() ?></label>
    <input id="f-starts_at" name="starts_at" type="datetime-local" value="<?cs var:Form.starts_at.value ?>" required aria-required="true"<?cs if:Form.starts_at.error ?> aria-invalid="true"<?cs /if ?> aria-describedby="<?cs if:Form.starts_at.error ?>e-starts_at <?cs /if ?>h-starts_at">
    <?cs if:Form.starts_at.error ?><p class="error" id="e-starts_at"><?cs var:L.Err[Form.starts_at.error] ?><?cs if:Form.starts_at.error == "too_soon" ?><?cs call:gap() ?><?cs var:L.Review.Meeting.EarliestIs ?> <time class="earliest" datetime="<?cs var:Form.starts_at.earliest.iso ?>"><?cs var:Form.starts_at.earliest ?></time><?cs /if ?></p><?cs /if ?>
    <p class="help" id="h-starts_at"><?cs var:L.Review.Meeting.LeadBefore ?> <?cs var:Lead.days ?> <?cs var:L.Review.Meeting.LeadAfter ?><?cs if:Lead.earliest ?> <?cs var:L.Review.Meeting.EarliestIs ?> <?cs var:Lead.earliest ?><?cs /if ?></p>
  </div>
  <?cs call:field("duration", L.Review.Meeting.Duration, "", "number", 0, 4) ?>
  <?cs call:field("location", L.Review.Meeting.Location, "", "text", 0, 200) ?>
  <?cs call:field("agenda", L.Review.Meeting.Agenda, L.Review.Meeting.AgendaHelp, "longtext", 0, 4000) ?>
  <?cs call:field("problems", L.Review.Meeting.Problems, L.Review.Meeting.ProblemsHelp, "text", 0, 400) ?>
  <?cs if:Me.director == "1" || Form.override_reason.value ?><?cs call:field("override_reason", L.Review.Meeting.Override, L.Review.Meeting.OverrideHelp, "text", 0, 500) ?><?cs /if ?>
  </fieldset>
  <fieldset class="pf-part"><legend><?cs var:L.Review.Meeting.Attendees ?></legend>
  <div class="field choice<?cs if:Form.attendees.error ?> has-error<?cs /if ?>">
    <?cs if:Form.attendees.error ?><p class="error" id="e-attendees"><?cs var:L.Err[Form.attendees.error] ?></p><?cs /if ?>
    <div class="opts people-opts"><?cs each:p = People ?><label class="opt"><input type="checkbox" name="attendees" value="<?cs var:p.id ?>"<?cs if:Form.attendees.sel[p.id] ?> checked<?cs /if ?>><span><bdi><?cs var:p.name ?></bdi> <span class="muted small"><?cs var:L.Agent.Role[p.role] ?></span></span></label><?cs /each ?></div>
  </div>
  <div class="field choice<?cs if:Form.teams.error ?> has-error<?cs /if ?>">
    <p class="label" id="l-teams"><?cs var:L.Review.Meeting.Teams ?></p>
    <p class="help" id="h-teams"><?cs var:L.Review.Meeting.TeamsHelp ?></p>
    <?cs if:Form.teams.error ?><p class="error" id="e-teams"><?cs var:L.Err[Form.teams.error] ?></p><?cs /if ?>
    <div class="opts team-opts" role="group" aria-labelledby="l-teams" aria-describedby="h-teams"><?cs each:t = TeamOpts ?><label class="opt"><input type="checkbox" name="teams" value="<?cs var:t.id ?>"<?cs if:Form.teams.sel[t.id] ?> checked<?cs /if ?>><span><bdi><?cs var:t.name ?></bdi></span></label><?cs /each ?></div>
  </div>
  </fieldset>
  <div class="form-actions"><button type="submit" class="primary"><?cs if:Edit.id ?><?cs var:L.Review.Meeting.SaveChanges ?><?cs else ?><?cs var:L.Review.Meeting.Schedule ?><?cs /if ?></button> <a class="reset" href="/agent/meetings<?cs if:Edit.id ?>/<?cs var:Edit.id ?><?cs /if ?>"><?cs var:L.Review.Problem.Cancel ?></a></div>
</form>
<?cs call:agent_end() ?>
