<?cs include!"layout.cs" ?>
<?cs call:page_start(Category.name) ?>
<p class="crumb"><a href="/">← <?cs var:L.Form.Back ?></a></p>
<h1><?cs var:Category.name ?></h1>
<p class="lead"><?cs var:Category.summary ?></p>
<?cs if:Form.HasErrors ?>
<div class="alert alert-error" role="alert">
  <?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?>
</div>
<?cs /if ?>
<form class="request" method="post" action="/new/<?cs var:url_escape(Category.code) ?>" accept-charset="utf-8" novalidate>
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
  <input type="hidden" name="submit_key" value="<?cs var:SubmitKey ?>">

  <fieldset class="group"><legend><?cs var:L.Form.Problem ?></legend>
  <?cs call:field("subject", L.Form.subject, L.Form.subject_help, "text", 1, 100) ?>
  <?cs call:field("description", L.Form.description, L.Form.description_help, "longtext", 1, 10000) ?>
  <?cs call:choice("impact", L.Form.impact, "", L.Form.ImpactOptions, 1, 0) ?>
  <?cs call:field("started_at", L.Form.started_at, "", "datetime", 0, 20) ?>
  </fieldset>

  <fieldset class="group"><legend><?cs var:L.Form.Details ?></legend>
  <?cs each:c = Catalog.Categories ?><?cs if:c.code == Category.code ?>
    <?cs each:f = c.Fields ?>
      <?cs if:f.type == "choice" || f.type == "multichoice" ?>
        <?cs call:choice("cf_" + f.name, f.label, f.help, f.Options, f.required, f.type == "multichoice") ?>
      <?cs elif:f.type == "bool" ?>
        <div class="field"><label class="opt"><input type="checkbox" name="cf_<?cs var:f.name ?>" value="1"<?cs if:Form["cf_" + f.name].value == "1" ?> checked<?cs /if ?>> <?cs var:f.label ?></label></div>
      <?cs else ?>
        <?cs call:field("cf_" + f.name, f.label, f.help, f.type, f.required, f.max) ?>
      <?cs /if ?>
    <?cs /each ?>
  <?cs /if ?><?cs /each ?>
  <?cs call:field("error_message", L.Form.error_message, "", "longtext", 0, 5000) ?>
  <?cs call:field("tried", L.Form.tried, "", "longtext", 0, 5000) ?>
  <?cs call:field("expected_at", L.Form.expected_at, "", "datetime", 0, 20) ?>
  <?cs call:field("keywords", L.Form.keywords, "", "text", 0, 100) ?>
  </fieldset>

  <fieldset class="group"><legend><?cs var:L.Form.Product ?></legend>
  <?cs call:field("product", L.Form.product, L.Form.product_help, "text", 1, 100) ?>
  <div class="row">
  <?cs call:field("product_version", L.Form.product_version, "", "text", 0, 50) ?>
  <?cs call:field("serial_number", L.Form.serial_number, "", "text", 0, 50) ?>
  </div>
  </fieldset>

  <fieldset class="group"><legend><?cs var:L.Form.Contact ?></legend>
  <div class="row">
  <?cs call:field("contact_name", L.Form.contact_name, "", "text", 1, 50) ?>
  <?cs call:field("organisation", L.Form.organisation, "", "text", 0, 100) ?>
  </div>
  <div class="row">
  <?cs call:field("email", L.Form.email, L.Form.email_help, "email", 1, 254) ?>
  <?cs call:field("phone", L.Form.phone, "", "phone", 0, 30) ?>
  </div>
  <?cs call:choice("preferred_contact", L.Form.preferred_contact, "", L.Form.ContactOptions, 0, 0) ?>
  </fieldset>

  <div class="actions"><button type="submit" class="primary" data-busy="<?cs var:L.Form.Submitting ?>"><?cs var:L.Form.Submit ?></button></div>
</form>
<?cs call:page_end() ?>
