<?cs include!"admin/macros.cs" ?>
<?cs # /admin/emergency-teams/ID: the emergency team template of one problem
       type (cgi/admin/emergency_teams.c). ?>
<?cs call:admin_start(L.Admin.EmergencyTeams.Title) ?>
<?cs call:admin_head(Category.name, L.Admin.EmergencyTeams.EditHelp) ?>
<p class="crumbs"><a href="/admin/emergency-teams">← <?cs var:L.Admin.EmergencyTeams.Title ?></a></p>
<section class="card form-card" aria-labelledby="team-h">
  <h2 id="team-h"><?cs var:L.Emergency.Team ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/emergency-teams/<?cs var:Category.id ?>" class="request admin-form emergency-team-form">
    <?cs call:csrf() ?>
    <div class="field field-select<?cs if:Form.lead.error ?> has-error<?cs /if ?>"><label for="f-lead"><?cs var:L.Emergency.Lead ?></label>
    <select id="f-lead" name="lead"><option value=""><?cs var:L.Admin.EmergencyTeams.None ?></option><?cs each:p = People ?><option value="<?cs var:p.id ?>"<?cs if:p.id == Form.lead.value ?> selected<?cs /if ?>><?cs var:p.name ?></option><?cs /each ?></select>
    <?cs if:Form.lead.error ?><p class="error"><?cs var:L.Err[Form.lead.error] ?></p><?cs /if ?></div>
    <fieldset class="field choice<?cs if:Form.members.error ?> has-error<?cs /if ?>"><legend><?cs var:L.Emergency.Members ?></legend>
    <?cs if:Form.members.error ?><p class="error"><?cs var:L.Err[Form.members.error] ?></p><?cs /if ?>
    <div class="opts people-opts"><?cs each:p = People ?><label class="opt"><input type="checkbox" name="members" value="<?cs var:p.id ?>"<?cs if:Form.members.sel[p.id] ?> checked<?cs /if ?>><span><bdi><?cs var:p.name ?></bdi> <span class="muted small"><?cs var:L.Agent.Role[p.role] ?></span></span></label><?cs /each ?></div>
    </fieldset>
    <div class="form-actions"><button type="submit" class="primary"><?cs var:L.Admin.EmergencyTeams.Save ?></button></div>
  </form>
</section>
<?cs call:admin_end() ?>
