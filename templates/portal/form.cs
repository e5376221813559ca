<?cs include!"layout.cs" ?><?cs # One line of the error summary: a link to the field, when it has an error. ?><?cs def:errlink(name, label, choice) ?><?cs if:Form[name].error ?>
    <li><a href="#<?cs if:choice ?>e<?cs else ?>f<?cs /if ?>-<?cs var:name ?>"><strong><?cs var:label ?></strong> <span><?cs call:field_error(name) ?></span></a></li><?cs /if ?><?cs /def ?><?cs
call:page_start(Category.name) ?>
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
  <?cs call:errlink("error_message", L.Form.error_message, 0) ?>
  <?cs call:errlink("tried", L.Form.tried, 0) ?>
  <?cs call:errlink("expected_at", L.Form.expected_at, 0) ?>
  <?cs call:errlink("keywords", L.Form.keywords, 0) ?>
  <?cs each:tf = TicketFields ?><?cs if:tf.placed != "1" && tf.common != "1" && tf.portal == "1" ?><?cs call:errlink(tf.name, tf.label, tf.type == "choice") ?><?cs /if ?><?cs /each ?>
  <?cs each:c = Catalog.Categories ?><?cs if:c.code == Category.code ?><?cs each:f = c.Fields ?>
  <?cs call:errlink("cf_" + f.name, f.label, f.type == "choice" || f.type == "multichoice") ?>
  <?cs /each ?><?cs /if ?><?cs /each ?>
  <?cs call:errlink("product", L.Form.product, 0) ?>
  <?cs call:errlink("product_version", L.Form.product_version, 0) ?>
  <?cs call:errlink("serial_number", L.Form.serial_number, 0) ?>
  <?cs call:errlink("contact_name", L.Form.contact_name, 0) ?>
  <?cs call:errlink("email", L.Form.email, 0) ?>
  <?cs call:errlink("files", L.Attach.Label, 0) ?>
  <?cs call:errlink("organisation", L.Form.organisation, 0) ?>
  <?cs call:errlink("phone", L.Form.phone, 0) ?>
  <?cs call:errlink("preferred_contact", L.Form.preferred_contact, 1) ?>
  </ul>
</div>
<?cs /if ?>
<p class="required-note"><?cs var:L.Form.RequiredNote ?></p>
<?cs # Everything required comes first, then what may be left out: on a phone
       the form ends where the required part ends, the rest folded. ?>
<form class="request" method="post" action="/new/<?cs var:url_escape(Category.code) ?>" accept-charset="utf-8" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
  <input type="hidden" name="submit_key" value="<?cs var:SubmitKey ?>">
  <?cs each:c = Catalog.Categories ?><?cs if:c.code == Category.code ?>

  <fieldset class="group"><legend><?cs var:L.Form.Problem ?></legend>
  <?cs call:field("subject", L.Form.subject, L.Form.subject_help, "text", 1, 100) ?>
  <?cs call:field("description", L.Form.description, L.Form.description_help, "longtext", 1, 10000) ?>
  <?cs call:problem_fields(c, "required") ?>
  <?cs call:core_fields("portal", "required") ?>
  </fieldset>

  <?cs set:own_required = 0 ?><?cs each:f = c.Fields ?><?cs if:f.required == "1" ?><?cs set:own_required = #own_required + 1 ?><?cs /if ?><?cs /each ?>
  <?cs if:#own_required > 0 ?>
  <fieldset class="group"><legend><?cs var:L.Form.KindDetails ?></legend>
    <?cs each:f = c.Fields ?><?cs if:f.required == "1" ?><?cs call:cat_field(f) ?><?cs /if ?><?cs /each ?>
  </fieldset>
  <?cs /if ?>

  <?cs if:c.Common.product == "required" || c.Common.product_version == "required" || c.Common.serial_number == "required" ?>
  <fieldset class="group"><legend><?cs var:L.Form.Product ?></legend>
  <?cs call:product_fields(c, "required") ?>
  </fieldset>
  <?cs /if ?>

  <fieldset class="group"><legend><?cs var:L.Form.Contact ?></legend>
  <div class="row">
  <?cs call:field("contact_name", L.Form.contact_name, "", "text", 1, 50) ?>
  <?cs call:field("email", L.Form.email, L.Form.email_help, "email", 1, 254) ?>
  </div>
  </fieldset>

  <div class="optional-part">
  <h2 class="optional-head"><?cs var:L.Form.OptionalTitle ?></h2>
  <p class="help"><?cs var:L.Form.OptionalHelp ?></p>
  <?cs if:Form.files.reselect ?><p class="notice"><?cs var:L.Attach.Reselect ?></p><?cs /if ?>
  <?cs call:files("files", L.Attach.Label) ?>
  <details class="more"<?cs if:Form.HasErrors ?> open<?cs /if ?>>
    <summary><span class="more-title"><?cs var:L.Form.MoreTitle ?></span>
      <span class="more-list"><?cs set:sep = "" ?><?cs
      each:n = L.Form.ProblemOrder ?><?cs if:c.Common[n] == "optional" ?><?cs var:sep ?><?cs var:L.Form[n] ?><?cs set:sep = L.Form.ListSep ?><?cs /if ?><?cs /each ?><?cs
      each:tf = TicketFields ?><?cs if:tf.placed != "1" && tf.common != "1" && tf.portal == "1" && tf.portal_required != "1" ?><?cs var:sep ?><?cs var:tf.label ?><?cs set:sep = L.Form.ListSep ?><?cs /if ?><?cs /each ?><?cs
      each:f = c.Fields ?><?cs if:f.required != "1" ?><?cs var:sep ?><?cs var:f.label ?><?cs set:sep = L.Form.ListSep ?><?cs /if ?><?cs /each ?><?cs
      each:n = L.Form.ProductOrder ?><?cs if:c.Common[n] == "optional" ?><?cs var:sep ?><?cs var:L.Form[n] ?><?cs set:sep = L.Form.ListSep ?><?cs /if ?><?cs /each ?><?cs
      var:sep ?><?cs var:L.Form.organisation ?><?cs var:L.Form.ListSep ?><?cs var:L.Form.phone ?><?cs var:L.Form.ListSep ?><?cs var:L.Form.preferred_contact ?></span></summary>
    <fieldset class="group group-optional"><legend><?cs var:L.Form.Details ?></legend>
    <?cs call:problem_fields(c, "optional") ?>
    <?cs call:core_fields("portal", "optional") ?>
    <?cs each:f = c.Fields ?><?cs if:f.required != "1" ?><?cs call:cat_field(f) ?><?cs /if ?><?cs /each ?>
    <?cs call:product_fields(c, "optional") ?>
    </fieldset>
    <fieldset class="group group-optional"><legend><?cs var:L.Form.MoreContact ?></legend>
    <div class="row">
    <?cs call:field("organisation", L.Form.organisation, "", "text", 0, 100) ?>
    <?cs call:field("phone", L.Form.phone, L.Form.phone_help, "phone", 0, 30) ?>
    </div>
    <?cs call:choice("preferred_contact", L.Form.preferred_contact, "", L.Form.ContactOptions, 0, 0) ?>
    </fieldset>
  </details>
  </div>
  <?cs /if ?><?cs /each ?>

  <div class="actions">
    <button type="submit" class="primary" data-busy="<?cs var:L.Form.Submitting ?>"><?cs var:L.Form.Submit ?></button>
    <p class="submit-note"><?cs var:L.Form.SubmitNote ?></p>
  </div>
</form>
<?cs call:page_end() ?>
