<?cs include!"agent/layout.cs" ?>
<?cs call:agent_start(L.Agent.Intake.Title) ?>
<div class="page-head">
  <h1><?cs var:L.Agent.Intake.Title ?></h1>
</div>
<ol class="steps">
<li class="step">
<h2 class="step-h"><span class="step-n" aria-hidden="true">1</span><?cs var:L.Agent.Intake.Step1 ?></h2>
<form class="search-customer" method="get" action="/agent/new">
  <label for="cq"><?cs var:L.Agent.Intake.Find ?></label>
  <span class="inline-field">
  <input id="cq" name="q" type="search" value="<?cs var:Search.q ?>" aria-describedby="cq-help">
  <?cs if:Intake.category ?><input type="hidden" name="category" value="<?cs var:Intake.category ?>"><?cs /if ?>
  <button type="submit"><?cs var:L.Agent.Intake.FindSubmit ?></button>
  </span>
  <p class="hint" id="cq-help"><?cs var:L.Agent.Intake.FindHelp ?></p>
  <?cs if:Search.error ?><p class="alert" role="alert"><?cs if:Search.error == "too_long" ?><?cs call:too_long(Search.max, Search.chars) ?><?cs else ?><?cs var:L.Err.control ?><?cs /if ?><?cs call:gap() ?><?cs var:L.Agent.Filter.NotSearched ?></p><?cs /if ?>
  <?cs if:Search.done && !Hits.0.id ?><p class="muted"><?cs var:L.Agent.Intake.NoHits ?></p><?cs /if ?>
  <?cs if:Hits.0.id ?><ul class="hits"><?cs each:h = Hits ?><li><span class="hit-who"><strong><bdi><?cs var:h.name ?></bdi></strong> <span class="muted"><bdi><?cs var:h.organisation ?></bdi></span><?cs call:tag_list(h.tags) ?></span> <a class="button small" href="/agent/new?customer_id=<?cs var:h.id ?>&amp;contact_name=<?cs var:url_escape(h.name) ?>&amp;category=<?cs var:url_escape(Intake.category) ?>"><?cs var:L.Agent.Intake.Use ?></a></li><?cs /each ?></ul><?cs /if ?>
</form>
</li>
<li class="step">
<h2 class="step-h"><span class="step-n" aria-hidden="true">2</span><?cs var:L.Agent.Intake.Step2 ?></h2>
<form class="category-pick" method="get" action="/agent/new">
  <input type="hidden" name="customer_id" value="<?cs var:Intake.customer_id ?>">
  <input type="hidden" name="contact_name" value="<?cs var:Query.contact_name ?>">
  <label for="cat"><?cs var:L.Agent.Intake.Category ?></label>
  <select id="cat" name="category"><?cs each:c = Catalog.AllCategories ?><option value="<?cs var:c.code ?>"<?cs if:c.code == Intake.category ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select>
  <button type="submit"><?cs var:L.Agent.Intake.Pick ?></button>
</form>
</li>
<?cs if:Intake.category ?>
<li class="step">
<h2 class="step-h"><span class="step-n" aria-hidden="true">3</span><?cs var:L.Agent.Intake.Step3 ?></h2>
<?cs if:Form.HasErrors ?><div class="alert" role="alert"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?>
<form class="request" method="post" action="/agent/new">
  <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
  <input type="hidden" name="category" value="<?cs var:Intake.category ?>">
  <input type="hidden" name="customer_id" value="<?cs var:Intake.customer_id ?>">
  <?cs if:Intake.customer_id != "0" ?><p class="chosen"><?cs var:L.Agent.Intake.Chosen ?>: <strong><bdi><?cs var:Query.contact_name ?></bdi></strong></p><?cs /if ?>
  <?cs call:choice("channel", L.Agent.Intake.Channel, "", Channels, 1, 0) ?>
  <div class="row">
  <?cs if:!Form.contact_name.value ?><?cs set:Form.contact_name.value = Query.contact_name ?><?cs /if ?>
  <?cs call:field("contact_name", L.Form.contact_name, "", "text", 1, 50) ?>
  <?cs call:field("organisation", L.Form.organisation, "", "text", 0, 100) ?>
  </div>
  <div class="row">
  <?cs call:field("email", L.Form.email, "", "email", 0, 254) ?>
  <?cs call:field("phone", L.Form.phone, "", "phone", 0, 30) ?>
  </div>
  <?cs call:field("subject", L.Form.subject, "", "text", 1, 100) ?>
  <?cs call:field("description", L.Form.description, L.Form.description_help, "longtext", 1, 10000) ?>
  <?cs call:core_fields("agent", "required") ?>
  <?cs # what the category requires first, then what it asks for optionally ?>
  <?cs each:c = Catalog.AllCategories ?><?cs if:c.code == Intake.category ?>
  <?cs call:problem_fields(c, "required") ?>
  <?cs each:f = c.Fields ?><?cs if:f.required == "1" ?><?cs call:cat_field(f) ?><?cs /if ?><?cs /each ?>
  <?cs call:product_fields(c, "required") ?>
  <fieldset class="intake-optional"><legend><?cs var:L.Form.OptionalTitle ?></legend>
  <?cs call:problem_fields(c, "optional") ?>
  <?cs call:core_fields("agent", "optional") ?>
  <?cs each:f = c.Fields ?><?cs if:f.required != "1" ?><?cs call:cat_field(f) ?><?cs /if ?><?cs /each ?>
  <?cs call:product_fields(c, "optional") ?>
  </fieldset>
  <?cs /if ?><?cs /each ?>
  <p class="form-foot"><button type="submit" class="primary"><?cs var:L.Agent.Intake.Submit ?></button></p>
</form>
</li>
<?cs /if ?>
</ol>
<?cs call:agent_end() ?>
