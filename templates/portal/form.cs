<?cs include!"layout.cs" ?><?cs # One line of the error summary: a link to the field, when it has an error. ?><?cs def:errlink(name, label, choice) ?><?cs if:Form[name].error ?>
    <li><a href="#<?cs if:choice ?>e<?cs else ?>f<?cs /if ?>-<?cs var:name ?>"><strong><?cs var:label ?></strong> <span><?cs call:field_error(name) ?></span></a></li><?cs /if ?><?cs /def ?><?cs call:page_start(Category.name) ?>
<p class="crumb"><a href="/"><span class="back" aria-hidden="true"></span><?cs var:L.Form.Back ?></a></p>
<div class="form-head kind-<?cs var:Category.code ?>">
  <span class="kind-icon" aria-hidden="true"></span>
  <div><h1><?cs var:Category.name ?></h1>
  <p class="lead"><?cs var:Category.summary ?></p></div>
</div>
<?cs if:Form.HasErrors ?>
<div class="alert alert-error" id="error-summary" role="alert" tabindex="-1">
  <p class="alert-title"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></p>
  <ul class="alert-list">
  <?cs call:errlink("subject", L.Form.subject, 0) ?>
  <?cs call:errlink("description", L.Form.description, 0) ?>
  <?cs call:errlink("impact", L.Form.impact, 1) ?>
  <?cs call:errlink("started_at", L.Form.started_at, 0) ?>
  <?cs call:errlink("files", L.Attach.Label, 0) ?>
  <?cs each:c = Catalog.Categories ?><?cs if:c.code == Category.code ?><?cs each:f = c.Fields ?>
  <?cs call:errlink("cf_" + f.name, f.label, f.type == "choice" || f.type == "multichoice") ?>
  <?cs /each ?><?cs /if ?><?cs /each ?>
  <?cs call:errlink("error_message", L.Form.error_message, 0) ?>
  <?cs call:errlink("tried", L.Form.tried, 0) ?>
  <?cs call:errlink("expected_at", L.Form.expected_at, 0) ?>
  <?cs call:errlink("keywords", L.Form.keywords, 0) ?>
  <?cs call:errlink("product", L.Form.product, 0) ?>
  <?cs call:errlink("product_version", L.Form.product_version, 0) ?>
  <?cs call:errlink("serial_number", L.Form.serial_number, 0) ?>
  <?cs call:errlink("contact_name", L.Form.contact_name, 0) ?>
  <?cs call:errlink("organisation", L.Form.organisation, 0) ?>
  <?cs call:errlink("email", L.Form.email, 0) ?>
  <?cs call:errlink("phone", L.Form.phone, 0) ?>
  <?cs call:errlink("preferred_contact", L.Form.preferred_contact, 1) ?>
  </ul>
</div>
<?cs /if ?>
<p class="required-note"><?cs var:L.Form.RequiredNote ?></p>
<form class="request" method="post" action="/new/<?cs var:url_escape(Category.code) ?>" accept-charset="utf-8" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
  <input type="hidden" name="submit_key" value="<?cs var:SubmitKey ?>">

  <fieldset class="group"><legend><?cs var:L.Form.Problem ?></legend>
  <?cs call:field("subject", L.Form.subject, L.Form.subject_help, "text", 1, 100) ?>
  <?cs call:field("description", L.Form.description, L.Form.description_help, "longtext", 1, 10000) ?>
  <?cs call:choice("impact", L.Form.impact, L.Form.impact_help, L.Form.ImpactOptions, 1, 0) ?>
  <?cs call:field("started_at", L.Form.started_at, L.Form.started_at_help, "datetime", 0, 20) ?>
  <?cs if:Form.files.reselect ?><p class="notice"><?cs var:L.Attach.Reselect ?></p><?cs /if ?>
  <?cs call:files("files", L.Attach.Label) ?>
  </fieldset>

  <?cs each:c = Catalog.Categories ?><?cs if:c.code == Category.code && subcount(c.Fields) > 0 ?>
  <fieldset class="group"><legend><?cs var:L.Form.KindDetails ?></legend>
    <?cs each:f = c.Fields ?><?cs call:cat_field(f) ?><?cs /each ?>
  </fieldset>
  <?cs /if ?><?cs /each ?>

  <fieldset class="group"><legend><?cs var:L.Form.Details ?> <span class="optional"><?cs var:L.Form.AllOptional ?></span></legend>
  <?cs call:field("error_message", L.Form.error_message, L.Form.error_message_help, "longtext", 0, 5000) ?>
  <?cs call:field("tried", L.Form.tried, L.Form.tried_help, "longtext", 0, 5000) ?>
  <?cs call:field("expected_at", L.Form.expected_at, "", "datetime", 0, 20) ?>
  <?cs call:field("keywords", L.Form.keywords, L.Form.keywords_help, "text", 0, 100) ?>
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
  <?cs call:field("phone", L.Form.phone, L.Form.phone_help, "phone", 0, 30) ?>
  </div>
  <?cs call:choice("preferred_contact", L.Form.preferred_contact, "", L.Form.ContactOptions, 0, 0) ?>
  </fieldset>

  <div class="actions">
    <button type="submit" class="primary" data-busy="<?cs var:L.Form.Submitting ?>"><?cs var:L.Form.Submit ?></button>
    <p class="submit-note"><?cs var:L.Form.SubmitNote ?></p>
  </div>
</form>
<?cs call:page_end() ?>
