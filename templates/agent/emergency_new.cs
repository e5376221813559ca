<?cs include!"agent/layout.cs" ?>
<?cs # /agent/emergencies/new: declare an emergency and form its team
       (cgi/agent/emergencies.c). The lead and members come from the chosen
       problem type's template ("fill in" reloads the form with it); a
       refused form comes back with every value as typed. ?>
<?cs call:agent_start(L.Emergency.New) ?>
<div class="page-head"><p class="crumbs"><a href="/agent/emergencies">← <?cs var:L.Emergency.List ?></a></p><h1><?cs var:L.Emergency.New ?></h1></div>
<p class="lead"><?cs var:L.Emergency.DeclareIntro ?></p>
<?cs if:Form.HasErrors ?><div class="alert" role="alert"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?>
<form class="request emergency-template-pick" method="get" action="/agent/emergencies/new">
  <input type="hidden" name="tickets" value="<?cs var:Form.tickets.value ?>">
  <input type="hidden" name="title" value="<?cs var:Form.title.value ?>">
  <div class="field field-select"><label for="t-category"><?cs var:L.Emergency.Category ?></label>
  <select id="t-category" name="category"><option value="0"><?cs var:L.Emergency.NoCategory ?></option><?cs each:c = Categories ?><option value="<?cs var:c.id ?>"<?cs if:Form.category.value == c.id ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select></div>
  <div class="form-actions"><button type="submit"><?cs var:L.Emergency.LoadTemplate ?></button></div>
</form>
<form class="request emergency-form" method="post" action="/agent/emergencies/new">
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
  <input type="hidden" name="category" value="<?cs var:Form.category.value ?>">
  <?cs call:field("title", L.Emergency.TitleField, "", "text", 1, 200) ?>
  <?cs call:field("tickets", L.Emergency.Tickets, L.Emergency.TicketsHelp, "text", 1, 800) ?>
  <div class="field field-select<?cs if:Form.lead.error ?> has-error<?cs /if ?>"><label for="f-lead"><?cs var:L.Emergency.Lead ?><?cs call:required_mark() ?></label>
  <select id="f-lead" name="lead" required<?cs if:Form.lead.error ?> aria-invalid="true" aria-describedby="e-lead"<?cs /if ?>><option value="">—</option><?cs each:p = People ?><option value="<?cs var:p.id ?>"<?cs if:p.id == Form.lead.value ?> selected<?cs /if ?>><?cs var:p.name ?></option><?cs /each ?></select>
  <?cs if:Form.lead.error ?><p class="error" id="e-lead"><?cs var:L.Err[Form.lead.error] ?></p><?cs /if ?></div>
  <fieldset class="field choice<?cs if:Form.members.error ?> has-error<?cs /if ?>"><legend><?cs var:L.Emergency.Members ?></legend>
  <?cs if:Form.members.error ?><p class="error" id="e-members"><?cs var:L.Err[Form.members.error] ?></p><?cs /if ?>
  <div class="opts people-opts"><?cs each:p = People ?><label class="opt"><input type="checkbox" name="members" value="<?cs var:p.id ?>"<?cs if:Form.members.sel[p.id] ?> checked<?cs /if ?>><span><bdi><?cs var:p.name ?></bdi> <span class="muted small"><?cs var:L.Agent.Role[p.role] ?></span></span></label><?cs /each ?></div>
  </fieldset>
  <div class="form-actions"><button type="submit" class="primary"><?cs var:L.Emergency.Declare ?></button> <a class="reset" href="/agent/emergencies"><?cs var:L.Review.Problem.Cancel ?></a></div>
</form>
<?cs call:agent_end() ?>
