<?cs # What the priorities and calendars pages share (admin_priorities.c,
       admin_sla.c, admin_calendars.c). ?>
<?cs # A <select> of options (each .id, .name and, when given, .active: an
       inactive one is offered only while it is the chosen value); none: the
       text of an empty first option ("" for none). ?>
<?cs def:sla_select(name, label, help, options, none, required) ?>
<div class="field field-select<?cs if:Form[name].error ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:required ?><?cs call:required_mark() ?><?cs /if ?></label>
  <select id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs if:required ?> required aria-required="true"<?cs /if ?><?cs if:Form[name].error ?> aria-invalid="true"<?cs /if ?><?cs if:Form[name].error || help ?> aria-describedby="<?cs if:Form[name].error ?>e-<?cs var:name ?> <?cs /if ?><?cs if:help ?>h-<?cs var:name ?><?cs /if ?>"<?cs /if ?>>
    <?cs if:none ?><option value=""><?cs var:none ?></option><?cs /if ?>
    <?cs each:o = options ?><?cs if:o.active != "0" || Form[name].value == o.id ?><option value="<?cs var:o.id ?>"<?cs if:Form[name].value == o.id ?> selected<?cs /if ?>><?cs var:o.name ?><?cs if:o.day ?> · <?cs var:L.Admin.Prio.PerWorkday ?> <?cs if:o.day_min ?><?cs call:duration(o.day_min) ?> – <?cs /if ?><?cs call:duration(o.day) ?><?cs /if ?></option><?cs /if ?><?cs /each ?>
  </select>
  <?cs if:Form[name].error ?><p class="error" id="e-<?cs var:name ?>"><?cs var:L.Err[Form[name].error] ?></p><?cs /if ?>
  <?cs if:help ?><p class="help" id="h-<?cs var:name ?>"><?cs var:help ?></p><?cs /if ?>
</div>
<?cs /def ?>
<?cs # A number of minutes (or a percentage: unit) with its error, the
       value kept; placeholder says what a blank means. ?>
<?cs def:sla_number(name, label, help, unit, placeholder, required) ?>
<div class="field field-minutes<?cs if:Form[name].error ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:required ?><?cs call:required_mark() ?><?cs /if ?></label>
  <span class="with-unit"><input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="text" inputmode="numeric" maxlength="9" value="<?cs var:Form[name].value ?>"<?cs if:placeholder ?> placeholder="<?cs var:placeholder ?>"<?cs /if ?><?cs if:required ?> required aria-required="true"<?cs /if ?><?cs if:Form[name].error ?> aria-invalid="true"<?cs /if ?><?cs if:Form[name].error || help ?> aria-describedby="<?cs if:Form[name].error ?>e-<?cs var:name ?> <?cs /if ?><?cs if:help ?>h-<?cs var:name ?><?cs /if ?>"<?cs /if ?>><span class="unit"><?cs var:unit ?></span></span>
  <?cs if:Form[name].error ?><p class="error" id="e-<?cs var:name ?>"><?cs var:L.Err[Form[name].error] ?></p><?cs /if ?>
  <?cs if:help ?><p class="help" id="h-<?cs var:name ?>"><?cs var:help ?></p><?cs /if ?>
</div>
<?cs /def ?>
<?cs # An SLA target's inputs: its amount and, beside it, its unit
       (<name>_unit: minute, hour or workday), value and error kept;
       placeholder says what a blank means. ?>
<?cs def:sla_amount(name, label, placeholder) ?>
<div class="field field-minutes field-target<?cs if:Form[name].error || Form[name + "_unit"].error ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
  <span class="with-unit"><input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="text" inputmode="numeric" maxlength="9" value="<?cs var:Form[name].value ?>"<?cs if:placeholder ?> placeholder="<?cs var:placeholder ?>"<?cs /if ?><?cs if:Form[name].error ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>><select id="f-<?cs var:name ?>_unit" name="<?cs var:name ?>_unit" class="unit-select" aria-label="<?cs var:label ?>: <?cs var:L.Admin.Prio.Unit ?>">
    <?cs each:u = L.Admin.Prio.Units ?><option value="<?cs name:u ?>"<?cs if:Form[name + "_unit"].value == name(u) || (!Form[name + "_unit"].value && name(u) == "minute") ?> selected<?cs /if ?>><?cs var:u ?></option><?cs /each ?>
  </select></span>
  <?cs if:Form[name].error ?><p class="error" id="e-<?cs var:name ?>"><?cs var:L.Err[Form[name].error] ?></p><?cs elif:Form[name + "_unit"].error ?><p class="error" id="e-<?cs var:name ?>"><?cs var:L.Err[Form[name + "_unit"].error] ?></p><?cs /if ?>
</div>
<?cs /def ?>
<?cs # A target in a table cell: in words ("3 个工作日"), or none. ?>
<?cs def:sla_target(t, none) ?><?cs if:#t > 0 ?><span class="target"><?cs call:target(t) ?></span><?cs else ?><span class="muted"><?cs var:none ?></span><?cs /if ?><?cs /def ?>
