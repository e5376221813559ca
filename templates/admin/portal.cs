<?cs include!"admin/macros.cs" ?>
<?cs call:admin_start(L.Admin.Portal.Title) ?>
<?cs call:admin_head(L.Admin.Portal.Title, L.Admin.Portal.Help) ?>
<p class="portal-open"><a href="/" target="_blank" rel="noopener"><?cs var:L.Admin.Portal.Open ?> ↗</a></p>
<?cs # A colour: the text is what is submitted and kept; the disabled
       colour input next to it is only a swatch (no inline style: CSP). ?>
<?cs def:color_field(name, label, help) ?>
<div class="field field-color<?cs if:Form[name].error ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?><?cs call:required_mark() ?></label>
  <div class="color-row">
    <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="text" value="<?cs var:Form[name].value ?>" maxlength="7" spellcheck="false" autocomplete="off" class="mono" required aria-required="true"<?cs if:Form[name].error ?> aria-invalid="true"<?cs /if ?> aria-describedby="<?cs if:Form[name].error ?>e-<?cs var:name ?> <?cs /if ?>h-<?cs var:name ?>">
    <input type="color" class="swatch" value="<?cs var:Form[name].value ?>" disabled aria-hidden="true" tabindex="-1">
  </div>
  <?cs if:Form[name].error ?><p class="error" id="e-<?cs var:name ?>"><?cs var:L.Err[Form[name].error] ?></p><?cs /if ?>
  <p class="help" id="h-<?cs var:name ?>"><?cs var:help ?></p>
</div>
<?cs /def ?>
<div class="admin-grid portal-grid">
<form method="post" action="/admin/portal" class="request admin-form portal-form" novalidate>
  <?cs call:csrf() ?>
  <?cs if:!Form.logo.error ?><?cs call:form_alert() ?><?cs /if ?>
  <section class="card form-card" aria-labelledby="names-h">
    <h2 id="names-h"><?cs var:L.Admin.Portal.NameCard ?></h2>
    <div class="two-col">
      <?cs call:field("name_zh", L.Admin.Portal.NameZh, "", "text", 1, 60) ?>
      <?cs call:field("name_en", L.Admin.Portal.NameEn, "", "text", 1, 60) ?>
    </div>
    <p class="help card-help"><?cs var:L.Admin.Portal.NameHelp ?></p>
    <?cs call:field("welcome_zh", L.Admin.Portal.WelcomeZh, "", "longtext", 0, 300) ?>
    <?cs call:field("welcome_en", L.Admin.Portal.WelcomeEn, L.Admin.Portal.WelcomeHelp, "longtext", 0, 600) ?>
  </section>
  <section class="card form-card" aria-labelledby="look-h">
    <h2 id="look-h"><?cs var:L.Admin.Portal.LookCard ?></h2>
    <div class="two-col">
      <?cs call:color_field("primary_color", L.Admin.Portal.Primary, L.Admin.Portal.PrimaryHelp) ?>
      <?cs call:color_field("accent_color", L.Admin.Portal.Accent, L.Admin.Portal.AccentHelp) ?>
    </div>
  </section>
  <section class="card form-card" aria-labelledby="cats-h">
    <h2 id="cats-h"><?cs var:L.Admin.Portal.CatsCard ?></h2>
    <?cs call:choice("public", L.Admin.Portal.Cats, L.Admin.Portal.CatsHelp, Cats, 0, 1) ?>
  </section>
  <section class="card form-card" aria-labelledby="number-h">
    <h2 id="number-h"><?cs var:L.Admin.Portal.NumberCard ?></h2>
    <fieldset class="field choice formats<?cs if:Form.number_format.error ?> has-error<?cs /if ?>" aria-describedby="<?cs if:Form.number_format.error ?>e-number_format <?cs /if ?>h-number_format">
      <legend><?cs var:L.Admin.Portal.Number ?><?cs call:required_mark() ?></legend>
      <?cs if:Form.number_format.error ?><p class="error" id="e-number_format"><?cs var:L.Err[Form.number_format.error] ?></p><?cs /if ?>
      <div class="opts">
      <?cs each:f = Formats ?>
        <label class="opt"><input type="radio" name="number_format" value="<?cs var:f.code ?>"<?cs if:Form.number_format.value == f.code ?> checked<?cs /if ?> required><span><code class="mono"><?cs var:f.code ?></code> <span class="muted"><?cs var:L.Admin.Portal.Example ?></span> <code class="num-example"><?cs var:f.example ?></code><br><small class="muted"><?cs if:f.daily ?><?cs var:L.Admin.Portal.Daily ?><?cs else ?><?cs var:L.Admin.Portal.Monthly ?><?cs /if ?></small></span></label>
      <?cs /each ?>
      </div>
      <p class="help" id="h-number_format"><?cs var:L.Admin.Portal.NumberHelp ?></p>
    </fieldset>
  </section>
  <section class="card form-card" aria-labelledby="limit-h">
    <h2 id="limit-h"><?cs var:L.Admin.Portal.LimitCard ?></h2>
    <div class="two-col">
      <?cs call:field("submit_limit", L.Admin.Portal.Limit, L.Admin.Portal.LimitHelp, "number", 1, 6) ?>
      <?cs if:Limit.address == 0 ?><?cs set:Limit.shown = L.Admin.Portal.NoLimit ?><?cs else ?><?cs set:Limit.shown = Limit.address ?><?cs /if ?>
      <?cs call:field("submit_address_limit", L.Admin.Portal.AddressLimit, L.Admin.Portal.AddressLimitHelp + " " + L.Admin.Portal.AddressLimitNow + " " + Limit.shown, "number", 0, 7) ?>
      <?cs call:field("submit_window", L.Admin.Portal.Window, L.Admin.Portal.WindowHelp, "number", 1, 4) ?>
    </div>
    <p class="note small muted"><?cs var:L.Admin.Portal.LimitNginx ?></p>
  </section>
  <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Portal.Save ?></button></div>
</form>
<aside class="portal-side">
<section class="card form-card preview-card" aria-labelledby="preview-h">
  <h2 id="preview-h"><?cs var:L.Admin.Portal.Preview ?></h2>
  <link rel="stylesheet" href="/brand/preview.css">
  <div class="portal-preview" aria-hidden="true">
    <div class="pp-top"><span class="logo"></span><span class="pp-name"><?cs var:Site.Name ?></span><span class="pp-lang"><span class="on">中文</span><span>EN</span></span></div>
    <div class="pp-body">
      <p class="pp-h"><?cs var:L.Portal.Title ?></p>
      <p class="pp-lead"><?cs if:Site.Welcome ?><?cs var:Site.Welcome ?><?cs else ?><?cs var:L.Portal.Welcome ?><?cs /if ?></p>
      <p class="pp-row"><span class="pp-opt"><?cs var:Cats.0.label ?></span> <a class="pp-link"><?cs var:L.Admin.Portal.PreviewLink ?></a></p>
      <span class="pp-btn"><?cs var:L.Admin.Portal.PreviewButton ?></span>
    </div>
  </div>
  <p class="help"><?cs var:L.Admin.Portal.PreviewHelp ?></p>
</section>
<section class="card form-card logo-card" aria-labelledby="logo-h">
  <h2 id="logo-h"><?cs var:L.Admin.Portal.LogoCard ?></h2>
  <div class="logo-now">
    <?cs if:Logo.set ?><img src="/brand/logo" alt="<?cs var:L.Admin.Portal.LogoNow ?>" class="logo-preview" width="64" height="64"><span class="muted small"><?cs var:Logo.type ?></span>
    <?cs else ?><img src="/static/logo.svg" alt="" class="logo-preview" width="64" height="64"><span class="muted small"><?cs var:L.Admin.Portal.LogoDefault ?></span><?cs /if ?>
  </div>
  <?cs if:Form.logo.error ?><div class="alert" role="alert"><?cs var:L.Err[Form.logo.error] ?></div><?cs /if ?>
  <form method="post" action="/admin/portal/logo" enctype="multipart/form-data" class="request admin-form">
    <?cs call:csrf() ?>
    <div class="field field-files<?cs if:Form.logo.error ?> has-error<?cs /if ?>">
      <label for="f-logo"><?cs var:L.Admin.Portal.LogoFile ?></label>
      <input id="f-logo" name="logo" type="file" accept="image/png,image/jpeg,image/webp" aria-describedby="<?cs if:Form.logo.error ?>e-logo <?cs /if ?>h-logo"<?cs if:Form.logo.error ?> aria-invalid="true"<?cs /if ?>>
      <?cs if:Form.logo.error ?><p class="error" id="e-logo"><?cs var:L.Err[Form.logo.error] ?></p><?cs /if ?>
      <p class="help" id="h-logo"><?cs var:L.Admin.Portal.LogoHelp ?> <?cs var:L.Admin.Portal.LogoMax ?>: <?cs var:Logo.max_kb ?> KB.</p>
    </div>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Portal.LogoUpload ?></button></div>
  </form>
  <?cs if:Logo.set ?>
  <form method="post" action="/admin/portal/logo/remove" class="logo-remove">
    <?cs call:csrf() ?>
    <button type="submit" class="small danger-link"><?cs var:L.Admin.Portal.LogoRemove ?></button>
  </form>
  <?cs /if ?>
</section>
</aside>
</div>
<?cs call:admin_end() ?>
