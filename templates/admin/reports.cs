<?cs include!"admin/macros.cs" ?>
<?cs call:admin_start(L.Admin.Reports.Title) ?>
<?cs call:admin_head(L.Admin.Reports.Title, L.Admin.Reports.Help) ?>
<div class="admin-grid">
<section class="card form-card reports-card" aria-labelledby="monthly-h">
  <h2 id="monthly-h"><?cs var:L.Admin.Reports.Monthly ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/reports" class="request admin-form reports-form" novalidate>
    <?cs call:csrf() ?>
    <div class="field field-bool">
      <label class="check"><input type="checkbox" name="enabled" value="1"<?cs if:Form.enabled.value ?> checked<?cs /if ?> aria-describedby="h-enabled"><span><?cs var:L.Admin.Reports.Enabled ?></span></label>
      <p class="help" id="h-enabled"><?cs var:L.Admin.Reports.EnabledHelp ?></p>
    </div>
    <?cs call:field("hour", L.Admin.Reports.Hour, L.Admin.Reports.HourHelp, "number", 1, 2) ?>
    <fieldset class="field choice<?cs if:Form.roles.error ?> has-error<?cs /if ?>" aria-describedby="<?cs if:Form.roles.error ?>e-roles <?cs /if ?>h-roles">
      <legend><?cs var:L.Admin.Reports.Roles ?></legend>
      <?cs if:Form.roles.error ?><p class="error" id="e-roles"><?cs var:L.Err[Form.roles.error] ?></p><?cs /if ?>
      <div class="opts">
      <?cs each:o = Roles ?><label class="opt"><input type="checkbox" name="roles" value="<?cs var:o.code ?>"<?cs if:Form.roles.sel[o.code] ?> checked<?cs /if ?>><span><?cs var:L.Agent.Role[o.code] ?></span></label><?cs /each ?>
      </div>
      <p class="help" id="h-roles"><?cs var:L.Admin.Reports.RolesHelp ?></p>
    </fieldset>
    <fieldset class="field choice people-choice<?cs if:Form.people.error ?> has-error<?cs /if ?>" aria-describedby="<?cs if:Form.people.error ?>e-people <?cs /if ?>h-people">
      <legend><?cs var:L.Admin.Reports.People ?></legend>
      <?cs if:Form.people.error ?><p class="error" id="e-people"><?cs var:L.Err[Form.people.error] ?></p><?cs /if ?>
      <div class="opts">
      <?cs each:o = People ?><label class="opt"><input type="checkbox" name="people" value="<?cs var:o.code ?>"<?cs if:Form.people.sel[o.code] ?> checked<?cs /if ?>><span><?cs var:o.label ?> <span class="muted"><?cs var:L.Agent.Role[o.role] ?></span></span></label><?cs /each ?>
      </div>
      <p class="help" id="h-people"><?cs var:L.Admin.Reports.PeopleHelp ?></p>
    </fieldset>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Reports.Save ?></button></div>
  </form>
</section>
<section class="card reports-what" aria-labelledby="what-h">
  <h2 id="what-h"><?cs var:L.Admin.Reports.WhatTitle ?></h2>
  <ul class="plain-list">
    <li><?cs var:L.Admin.Reports.What1 ?></li>
    <li><?cs var:L.Admin.Reports.What2 ?></li>
    <li><?cs var:L.Admin.Reports.What3 ?></li>
    <li><?cs var:L.Admin.Reports.What4 ?></li>
  </ul>
</section>
</div>
<?cs call:admin_end() ?>
