<?cs include!"admin/macros.cs" ?><?cs include!"admin/notify_macros.cs" ?>
<?cs # A text with placeholders: like the layout's field macro, and an
       unknown placeholder is named in the error. ?>
<?cs def:tpl_field(name, label, help, type, max) ?>
<div class="field field-<?cs var:type ?><?cs if:Form[name].error ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?><?cs call:required_mark() ?></label>
  <?cs if:type == "longtext" ?>
  <textarea id="f-<?cs var:name ?>" name="<?cs var:name ?>" rows="16" class="mono-text" maxlength="<?cs var:max ?>" required aria-required="true"<?cs if:Form[name].error ?> aria-invalid="true"<?cs /if ?> aria-describedby="<?cs if:Form[name].error ?>e-<?cs var:name ?> <?cs /if ?>h-<?cs var:name ?>"><?cs var:Form[name].value ?></textarea>
  <?cs else ?>
  <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="text" value="<?cs var:Form[name].value ?>" maxlength="<?cs var:max ?>" required aria-required="true"<?cs if:Form[name].error ?> aria-invalid="true"<?cs /if ?> aria-describedby="<?cs if:Form[name].error ?>e-<?cs var:name ?> <?cs /if ?>h-<?cs var:name ?>">
  <?cs /if ?>
  <?cs if:Form[name].error ?><p class="error" id="e-<?cs var:name ?>"><?cs var:L.Err[Form[name].error] ?><?cs if:Form[name].bad ?> <code class="bad-ph">{<?cs var:Form[name].bad ?>}</code><?cs var:L.Admin.Notify.BadHint ?><?cs /if ?></p><?cs /if ?>
  <p class="help" id="h-<?cs var:name ?>"><?cs var:help ?></p>
</div>
<?cs /def ?>
<?cs # A rendered mail: subject line and plain-text body. ?>
<?cs def:mail_box(p, cls) ?>
<div class="mail-box <?cs var:cls ?>">
  <p class="mail-subject"><span class="muted"><?cs var:L.Admin.Notify.SubjectShort ?></span> <?cs var:p.subject ?></p>
  <pre class="mail-body"><?cs var:p.body ?></pre>
</div>
<?cs /def ?>
<?cs set:EvName = L.Admin.Notify.Event[Tpl.kind].name ?>
<?cs call:admin_start(EvName) ?>
<?cs call:notify_head(EvName + " · " + L.Admin.Notify.Lang[Tpl.lang], L.Admin.Notify.Event[Tpl.kind].when) ?>
<p class="tpl-status" data-state="<?cs var:Tpl.state ?>"><?cs call:tpl_state(Tpl.state) ?> <span class="muted"><?cs var:L.Admin.Notify.StateHelp[Tpl.state] ?></span><?cs if:Tpl.at ?> <span class="small muted">· <?cs var:L.Admin.Notify.SavedBy ?> <?cs var:Tpl.by ?>, <time datetime="<?cs var:Tpl.at.iso ?>"><?cs var:Tpl.at ?></time></span><?cs /if ?></p>
<div class="admin-grid tpl-grid">
<div class="tpl-main">
<section class="card form-card" aria-labelledby="form-h">
  <h2 id="form-h"><?cs var:L.Admin.Notify.FormTitle ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/notifications/templates/<?cs var:Tpl.id ?>" class="request admin-form tpl-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:tpl_field("subject", L.Admin.Notify.Subject, L.Admin.Notify.SubjectHelp, "text", 200) ?>
    <?cs call:tpl_field("body", L.Admin.Notify.Body, L.Admin.Notify.BodyHelp, "longtext", 8000) ?>
    <div class="form-foot">
      <button type="submit" name="op" value="preview"><?cs var:L.Admin.Notify.Preview ?></button>
      <button type="submit" name="op" value="save" class="primary"><?cs var:L.Admin.Notify.Save ?></button>
    </div>
  </form>
  <?cs if:Tpl.state != "none" ?>
  <div class="state-box">
    <p class="small muted"><?cs if:Tpl.state == "on" ?><?cs var:L.Admin.Notify.OffHelp ?><?cs else ?><?cs var:L.Admin.Notify.OnHelp ?><?cs /if ?></p>
    <form method="post" action="/admin/notifications/templates/<?cs var:Tpl.id ?>/<?cs if:Tpl.state == "on" ?>deactivate<?cs else ?>activate<?cs /if ?>" class="inline-form">
      <?cs call:csrf() ?>
      <button type="submit" class="<?cs if:Tpl.state == "on" ?>danger-link<?cs else ?>primary<?cs /if ?>"><?cs if:Tpl.state == "on" ?><?cs var:L.Admin.Notify.Deactivate ?><?cs else ?><?cs var:L.Admin.Notify.Activate ?><?cs /if ?></button>
    </form>
  </div>
  <?cs /if ?>
</section>
<?cs if:Preview.subject || Preview.body ?>
<section class="card form-card preview-mail" id="preview" aria-labelledby="preview-h">
  <h2 id="preview-h"><?cs if:Preview.unsaved ?><?cs var:L.Admin.Notify.PreviewUnsaved ?><?cs elif:Tpl.state == "off" ?><?cs var:L.Admin.Notify.PreviewOff ?><?cs else ?><?cs var:L.Admin.Notify.PreviewSaved ?><?cs /if ?></h2>
  <p class="help"><?cs var:L.Admin.Notify.SampleHelp ?></p>
  <?cs call:mail_box(Preview, "is-preview") ?>
</section>
<?cs /if ?>
</div>
<aside class="side-stack">
<section class="card form-card ph-card" aria-labelledby="ph-h">
  <h2 id="ph-h"><?cs var:L.Admin.Notify.Placeholders ?></h2>
  <p class="help"><?cs var:L.Admin.Notify.PlaceholdersHelp ?></p>
  <dl class="ph-list">
  <?cs each:n = Names ?><div class="ph-row"><dt><code>{<?cs var:n ?>}</code></dt><dd><?cs var:L.Admin.Notify.Ph[n] ?></dd></div>
  <?cs /each ?>
  </dl>
</section>
<section class="card form-card shipped-card" aria-labelledby="shipped-h">
  <h2 id="shipped-h"><?cs var:L.Admin.Notify.Shipped ?></h2>
  <p class="help"><?cs var:L.Admin.Notify.ShippedHelp ?></p>
  <?cs call:mail_box(Shipped, "is-shipped") ?>
</section>
</aside>
</div>
<?cs call:admin_end() ?>
