<?cs include!"agent/layout.cs" ?>
<?cs # /agent/problems/new and /agent/problems/ID/edit: the whole analysis in
       one form (cgi/agent/problems.c); a refused form comes back with every
       value as typed and each reason next to its field. ?>
<?cs if:Problem.id ?><?cs set:Page.Title = L.Review.Problem.EditTitle ?><?cs else ?><?cs set:Page.Title = L.Review.Problem.New ?><?cs /if ?>
<?cs call:agent_start(Page.Title) ?>
<div class="page-head">
  <h1><?cs var:Page.Title ?><?cs if:Problem.id ?> <code><?cs var:Problem.number ?></code><?cs /if ?></h1>
</div>
<?cs if:Form.HasErrors ?><div class="alert" role="alert"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?>
<form class="request problem-form" method="post" action="<?cs if:Problem.id ?>/agent/problems/<?cs var:Problem.id ?>/edit<?cs else ?>/agent/problems/new<?cs /if ?>">
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
  <?cs if:Problem.id ?><input type="hidden" name="version" value="<?cs var:Form.version.value ?>"><?cs /if ?>
  <?cs each:c = Carry ?><input type="hidden" name="<?cs var:c.name ?>" value="<?cs var:c.value ?>"><?cs /each ?>
  <?cs if:Origin.kind ?><?cs include!"agent/problem_origin.cs" ?><?cs /if ?>
  <fieldset class="pf-part"><legend><?cs var:L.Review.Problem.Basics ?></legend>
  <?cs call:field("title", L.Review.Problem.Col.title, "", "text", 1, 200) ?>
  <?cs call:field("tickets", L.Review.Problem.Tickets, L.Review.Problem.TicketsHelp, "text", 1, 800) ?>
  <?cs call:field("symptoms", L.Review.Problem.Symptoms, "", "longtext", 0, 4000) ?>
  <?cs call:field("impact", L.Review.Problem.Impact, "", "longtext", 0, 4000) ?>
  <?cs call:field("timeline", L.Review.Problem.Timeline, L.Review.Problem.TimelineHelp, "longtext", 0, 4000) ?>
  </fieldset>

  <fieldset class="pf-part"><legend><?cs var:L.Review.Problem.Chain ?></legend>
  <p class="help"><?cs var:L.Review.Problem.ChainHelp ?></p>
  <ol class="why-rows">
  <?cs each:n = Levels ?><?cs set:wn = "why_" + n ?><?cs set:bn = "because_" + n ?>
    <li class="why-row<?cs if:Form[wn].error || Form[bn].error ?> has-error<?cs /if ?>">
      <span class="why-n" aria-hidden="true"><?cs var:n ?></span>
      <div class="field"><label for="f-<?cs var:wn ?>"><?cs var:L.Review.Problem.Level ?> <?cs var:n ?> <?cs var:L.Review.Problem.LevelAfter ?> · <?cs var:L.Review.Problem.Why ?></label>
        <input id="f-<?cs var:wn ?>" name="<?cs var:wn ?>" type="text" value="<?cs var:Form[wn].value ?>" data-maxchars="500"<?cs if:Form[wn].error ?> aria-invalid="true" aria-describedby="e-<?cs var:wn ?>"<?cs /if ?>>
        <?cs if:Form[wn].error ?><p class="error" id="e-<?cs var:wn ?>"><?cs call:field_error(wn) ?></p><?cs /if ?></div>
      <div class="field"><label for="f-<?cs var:bn ?>"><?cs var:L.Review.Problem.Because ?></label>
        <input id="f-<?cs var:bn ?>" name="<?cs var:bn ?>" type="text" value="<?cs var:Form[bn].value ?>" data-maxchars="500"<?cs if:Form[bn].error ?> aria-invalid="true" aria-describedby="e-<?cs var:bn ?>"<?cs /if ?>>
        <?cs if:Form[bn].error ?><p class="error" id="e-<?cs var:bn ?>"><?cs call:field_error(bn) ?></p><?cs /if ?></div>
    </li>
  <?cs /each ?>
  </ol>
  </fieldset>

  <fieldset class="pf-part"><legend><?cs var:L.Review.Problem.Fishbone ?></legend>
  <p class="help"><?cs var:L.Review.Problem.FishboneHelp ?></p>
  <div class="fish-grid">
  <?cs each:k = Kinds ?><?cs set:fk = "f_" + k ?>
    <?cs call:field(fk, L.Review.Problem.Kind[k] + " · " + L.Review.Problem.KindHint[k], "", "longtext", 0, 0) ?>
  <?cs /each ?>
  </div>
  </fieldset>

  <fieldset class="pf-part"><legend><?cs var:L.Review.Problem.Attribution ?></legend>
  <?cs call:choice("responsibility", L.Review.Problem.Responsibility, "", RespOpts, 0, 1) ?>
  <?cs call:choice("party", L.Review.Problem.Party, "", PartyOpts, 0, 0) ?>
  <?cs call:field("conclusion", L.Review.Problem.Conclusion, "", "longtext", 0, 4000) ?>
  </fieldset>

  <fieldset class="pf-part"><legend><?cs var:L.Review.Problem.KnownError ?></legend>
  <?cs call:field("workaround", L.Review.Problem.Workaround, "", "longtext", 0, 4000) ?>
  <?cs call:field("permanent_fix", L.Review.Problem.PermanentFix, "", "longtext", 0, 4000) ?>
  </fieldset>

  <fieldset class="pf-part"><legend><?cs var:L.Review.Problem.Participants ?></legend>
  <div class="field<?cs if:Form.owner.error ?> has-error<?cs /if ?>">
    <label for="f-owner"><?cs var:L.Review.Problem.Owner ?></label>
    <select id="f-owner" name="owner"<?cs if:Form.owner.error ?> aria-invalid="true" aria-describedby="e-owner"<?cs /if ?>><?cs each:p = People ?><option value="<?cs var:p.id ?>"<?cs if:p.id == Form.owner.value ?> selected<?cs /if ?>><?cs var:p.name ?></option><?cs /each ?></select>
    <?cs if:Form.owner.error ?><p class="error" id="e-owner"><?cs var:L.Err[Form.owner.error] ?></p><?cs /if ?>
  </div>
  <fieldset class="field choice<?cs if:Form.participants.error ?> has-error<?cs /if ?>" aria-describedby="<?cs if:Form.participants.error ?>e-participants <?cs /if ?>h-participants">
    <legend><?cs var:L.Review.Problem.Participants ?></legend>
    <?cs if:Form.participants.error ?><p class="error" id="e-participants"><?cs var:L.Err[Form.participants.error] ?></p><?cs /if ?>
    <div class="opts people-opts"><?cs each:p = People ?><label class="opt"><input type="checkbox" name="participants" value="<?cs var:p.id ?>"<?cs if:Form.participants.sel[p.id] ?> checked<?cs /if ?>><span><bdi><?cs var:p.name ?></bdi> <span class="muted small"><?cs var:L.Agent.Role[p.role] ?></span></span></label><?cs /each ?></div>
    <p class="help" id="h-participants"><?cs var:L.Review.Problem.ParticipantsHelp ?></p>
  </fieldset>
  </fieldset>

  <div class="form-actions">
    <button type="submit" class="primary"><?cs if:Problem.id ?><?cs var:L.Review.Problem.Save ?><?cs else ?><?cs var:L.Review.Problem.Create ?><?cs /if ?></button>
    <a class="reset" href="<?cs if:Problem.id ?>/agent/problems/<?cs var:Problem.id ?><?cs else ?>/agent/problems<?cs /if ?>"><?cs var:L.Review.Problem.Cancel ?></a>
  </div>
</form>
<?cs call:agent_end() ?>
