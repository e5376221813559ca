<?cs # What the category pages share: the category form's inputs (create and
       edit), a select with its error, the badges of a field. ?>
<?cs # A <select> of options (each .id and .name) with Form[name] value and
       error; none: the text of an empty first option ("" for none). ?>
<?cs def:cat_select(name, label, help, options, none) ?>
<div class="field field-select<?cs if:Form[name].error ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
  <select id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs if:Form[name].error ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>>
    <?cs if:none ?><option value=""><?cs var:none ?></option><?cs /if ?>
    <?cs each:o = options ?><option value="<?cs var:o.id ?>"<?cs if:Form[name].value == o.id ?> selected<?cs /if ?>><?cs var:o.name ?></option><?cs /each ?>
  </select>
  <?cs if:Form[name].error ?><p class="error" id="e-<?cs var:name ?>"><?cs var:L.Err[Form[name].error] ?></p><?cs /if ?>
  <?cs if:help ?><p class="help"><?cs var:help ?></p><?cs /if ?>
</div>
<?cs /def ?>
<?cs # A checkbox (value 1) with Form[name]. ?>
<?cs def:cat_checkbox(name, label, help) ?>
<div class="field field-bool<?cs if:Form[name].error ?> has-error<?cs /if ?>"><label class="check"><input type="checkbox" id="f-<?cs var:name ?>" name="<?cs var:name ?>" value="1"<?cs if:Form[name].value == "1" ?> checked<?cs /if ?>> <span><?cs var:label ?></span></label>
<?cs if:help ?><p class="help"><?cs var:help ?></p><?cs /if ?></div>
<?cs /def ?>
<?cs # The inputs of the category form (Form.code, .name_zh, ...). ?>
<?cs def:category_fields() ?>
<?cs call:field("code", L.Admin.Cats.Code, L.Admin.Cats.CodeHelp, "text", 1, 40) ?>
<div class="row">
<?cs call:field("name_zh", L.Admin.Cats.NameZh, "", "text", 1, 20) ?>
<?cs call:field("name_en", L.Admin.Cats.NameEn, "", "text", 1, 60) ?>
</div>
<?cs call:field("summary_zh", L.Admin.Cats.SummaryZh, "", "text", 0, 85) ?>
<?cs call:field("summary_en", L.Admin.Cats.SummaryEn, L.Admin.Cats.SummaryHelp, "text", 0, 255) ?>
<div class="row">
<?cs call:cat_select("priority", L.Admin.Cats.Priority, "", Catalog.PriorityList, "") ?>
<?cs call:cat_select("team", L.Admin.Cats.Team, "", Catalog.Teams, L.Admin.Cats.NoTeam) ?>
</div>
<div class="row">
<?cs call:cat_checkbox("is_public", L.Admin.Cats.PublicLabel, L.Admin.Cats.PublicHelp) ?>
<?cs call:field("sort_order", L.Admin.Cats.Order, L.Admin.Cats.OrderHelp, "number", 0, 4) ?>
</div>
<?cs /def ?>
