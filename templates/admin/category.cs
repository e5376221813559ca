<?cs include!"admin/macros.cs" ?>
<?cs include!"admin/category_macros.cs" ?>
<?cs call:admin_start(Cat.name) ?>
<div class="admin-head">
  <p class="crumbs"><a href="/admin/"><?cs var:L.Admin.Title ?></a> <span aria-hidden="true">/</span> <a href="/admin/categories"><?cs var:L.Admin.Cats.Title ?></a> <span aria-hidden="true">/</span></p>
  <h1><?cs var:Cat.name ?> <code class="code-chip"><?cs var:Cat.code ?></code> <span class="state state-<?cs var:Cat.state ?>" id="cat-state" data-state="<?cs var:Cat.state ?>"><?cs var:L.Admin.Cats.States[Cat.state] ?></span> <?cs if:Cat.public == "1" ?><span class="pill pill-public"><?cs var:L.Admin.Cats.Public ?></span><?cs else ?><span class="pill"><?cs var:L.Admin.Cats.Internal ?></span><?cs /if ?></h1>
  <?cs if:Cat.summary ?><p class="lede"><?cs var:Cat.summary ?></p><?cs /if ?>
</div>
<?cs call:form_alert() ?>
<div class="cat-grid">
<div class="cat-main">
<section class="card fields-card" id="fields" aria-labelledby="fields-h">
  <h2 id="fields-h"><?cs var:L.Admin.Cats.Fields ?> <span class="muted count-note"><?cs var:L.Admin.Cats.FieldsNote ?></span></h2>
  <?cs if:!Fields.0.id ?><p class="empty"><?cs var:L.Admin.Cats.NoFields ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="queue admin-table field-table">
    <thead><tr><th scope="col"><?cs var:L.Admin.Cats.FieldLabel ?></th><th scope="col"><?cs var:L.Admin.Cats.FieldName ?></th><th scope="col"><?cs var:L.Admin.Cats.FieldType ?></th><th scope="col"><?cs var:L.Admin.Cats.Required ?></th><th scope="col"><?cs var:L.Admin.Cats.State ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.Cats.Actions ?></span></th></tr></thead>
    <tbody>
    <?cs each:f = Fields ?>
    <tr class="field-row is-<?cs var:f.state ?>" data-id="<?cs var:f.id ?>" data-name="<?cs var:f.name ?>" data-state="<?cs var:f.state ?>">
      <td class="label"><a href="/admin/fields/<?cs var:f.id ?>"><?cs var:f.label_zh ?></a><span class="other muted"><?cs var:f.label_en ?></span></td>
      <td><code><?cs var:f.name ?></code></td>
      <td><span class="type-chip"><?cs var:L.Admin.Cats.Types[f.type] ?></span><?cs if:f.has_options == "1" ?> <span class="muted small"><?cs var:f.options ?> <?cs var:L.Admin.Cats.OptionsUnit ?></span><?cs /if ?></td>
      <td><?cs if:f.required == "1" ?><span class="req-chip"><?cs var:L.Admin.Cats.Yes ?></span><?cs else ?><span class="muted"><?cs var:L.Admin.Cats.No ?></span><?cs /if ?></td>
      <td><span class="state state-<?cs var:f.state ?>"><?cs var:L.Admin.Cats.States[f.state] ?></span></td>
      <td class="act"><div class="act-in">
        <?cs if:f.state == "active" ?>
        <form method="post" action="/admin/fields/<?cs var:f.id ?>/up" class="inline-form"><?cs call:csrf() ?><button type="submit" class="small icon-btn" title="<?cs var:L.Admin.Cats.Up ?>"><span aria-hidden="true">↑</span><span class="sr"><?cs var:L.Admin.Cats.Up ?>: <?cs var:f.label_zh ?></span></button></form>
        <form method="post" action="/admin/fields/<?cs var:f.id ?>/down" class="inline-form"><?cs call:csrf() ?><button type="submit" class="small icon-btn" title="<?cs var:L.Admin.Cats.Down ?>"><span aria-hidden="true">↓</span><span class="sr"><?cs var:L.Admin.Cats.Down ?>: <?cs var:f.label_zh ?></span></button></form>
        <?cs /if ?>
        <a class="button small" href="/admin/fields/<?cs var:f.id ?>"><?cs var:L.Admin.Cats.Edit ?></a>
        <?cs if:f.state == "active" ?>
        <form method="post" action="/admin/fields/<?cs var:f.id ?>/deactivate" class="inline-form"><?cs call:csrf() ?><button type="submit" class="small danger-link"><?cs var:L.Admin.Cats.Deactivate ?></button></form>
        <?cs else ?>
        <form method="post" action="/admin/fields/<?cs var:f.id ?>/activate" class="inline-form"><?cs call:csrf() ?><button type="submit" class="small"><?cs var:L.Admin.Cats.Activate ?></button></form>
        <?cs /if ?>
      </div></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs /if ?>
  <p class="hint small"><?cs var:L.Admin.Cats.OldTickets ?></p>
</section>

<section class="card common-card" id="common" aria-labelledby="common-h">
  <h2 id="common-h"><?cs var:L.Admin.Cats.Common ?></h2>
  <p class="hint small"><?cs var:L.Admin.Cats.CommonHelp ?></p>
  <form method="post" action="/admin/categories/<?cs var:Cat.id ?>/common" class="common-form" novalidate>
    <?cs call:csrf() ?>
    <div class="table-wrap">
    <table class="queue admin-table common-table">
      <thead><tr><th scope="col"><?cs var:L.Admin.Cats.CommonField ?></th><?cs each:m = L.Admin.Cats.Modes ?><th scope="col" class="mode-col"><?cs var:m ?></th><?cs /each ?></tr></thead>
      <tbody>
      <?cs each:c = Common ?><?cs set:key = "common_" + c.name ?>
      <tr class="common-row<?cs if:Form[key].error ?> has-error<?cs /if ?>" data-field="<?cs var:c.name ?>" data-mode="<?cs var:c.mode ?>">
        <th scope="row"><?cs var:L.Form[c.name] ?><?cs if:Form[key].error ?> <span class="error">(<?cs var:L.Err[Form[key].error] ?>)</span><?cs /if ?></th>
        <?cs each:m = L.Admin.Cats.Modes ?><td class="mode-col"><label class="mode-pick"><input type="radio" name="<?cs var:key ?>" value="<?cs name:m ?>"<?cs if:Form[key].value == name(m) ?> checked<?cs /if ?>><span class="sr"><?cs var:L.Form[c.name] ?>: <?cs var:m ?></span></label></td><?cs /each ?>
      </tr>
      <?cs /each ?>
      </tbody>
    </table>
    </div>
    <p class="hint small"><?cs var:L.Admin.Cats.CommonFixed ?></p>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Cats.CommonSave ?></button></div>
  </form>
</section>

<section class="card add-card" id="add-field" aria-labelledby="add-h">
  <h2 id="add-h"><?cs var:L.Admin.Cats.AddField ?></h2>
  <form method="post" action="/admin/categories/<?cs var:Cat.id ?>/fields" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <div class="row">
    <?cs call:field("fname", L.Admin.Cats.FieldName, L.Admin.Cats.FieldNameHelp, "text", 1, 40) ?>
    <div class="field field-select<?cs if:Form.ftype.error ?> has-error<?cs /if ?>">
      <label for="f-ftype"><?cs var:L.Admin.Cats.FieldType ?><?cs call:required_mark() ?></label>
      <select id="f-ftype" name="ftype"<?cs if:Form.ftype.error ?> aria-invalid="true" aria-describedby="e-ftype"<?cs /if ?>>
        <?cs each:t = L.Admin.Cats.Types ?><option value="<?cs name:t ?>"<?cs if:Form.ftype.value == name(t) ?> selected<?cs /if ?>><?cs var:t ?></option><?cs /each ?>
      </select>
      <?cs if:Form.ftype.error ?><p class="error" id="e-ftype"><?cs var:L.Err[Form.ftype.error] ?></p><?cs /if ?>
    </div>
    </div>
    <div class="row">
    <?cs call:field("flabel_zh", L.Admin.Cats.LabelZh, "", "text", 1, 33) ?>
    <?cs call:field("flabel_en", L.Admin.Cats.LabelEn, "", "text", 1, 100) ?>
    </div>
    <div class="row">
    <?cs call:field("fhelp_zh", L.Admin.Cats.HelpZh, "", "text", 0, 85) ?>
    <?cs call:field("fhelp_en", L.Admin.Cats.HelpEn, "", "text", 0, 255) ?>
    </div>
    <div class="row">
    <?cs call:cat_checkbox("frequired", L.Admin.Cats.RequiredLabel, L.Admin.Cats.RequiredHelp) ?>
    <?cs call:field("fmax", L.Admin.Cats.MaxLength, L.Admin.Cats.MaxLengthHelp, "number", 0, 5) ?>
    </div>
    <div class="field field-longtext<?cs if:Form.foptions.error ?> has-error<?cs /if ?>">
      <label for="f-foptions"><?cs var:L.Admin.Cats.Options ?></label>
      <textarea id="f-foptions" name="foptions" rows="4" class="mono" placeholder="<?cs var:L.Admin.Cats.OptionsPlaceholder ?>" aria-describedby="<?cs if:Form.foptions.error ?>e-foptions <?cs /if ?>h-foptions"<?cs if:Form.foptions.error ?> aria-invalid="true"<?cs /if ?>><?cs var:Form.foptions.value ?></textarea>
      <?cs if:Form.foptions.error ?><p class="error" id="e-foptions"><?cs if:Form.foptions.line ?><?cs var:L.Admin.Cats.LineBefore ?> <?cs var:Form.foptions.line ?> <?cs var:L.Admin.Cats.LineAfter ?> <?cs /if ?><?cs var:L.Err[Form.foptions.error] ?></p><?cs /if ?>
      <p class="help" id="h-foptions"><?cs var:L.Admin.Cats.OptionsHelp ?></p>
    </div>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Cats.AddFieldSubmit ?></button></div>
  </form>
</section>

<section class="card settings-card" id="settings" aria-labelledby="settings-h">
  <h2 id="settings-h"><?cs var:L.Admin.Cats.Settings ?></h2>
  <form method="post" action="/admin/categories/<?cs var:Cat.id ?>" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:category_fields() ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Cats.Save ?></button></div>
  </form>
  <div class="state-box">
  <?cs if:Cat.state == "active" ?>
    <p class="small muted"><?cs var:L.Admin.Cats.DeactivateHelp ?></p>
    <form method="post" action="/admin/categories/<?cs var:Cat.id ?>/deactivate"><?cs call:csrf() ?><button type="submit" class="danger-link"><?cs var:L.Admin.Cats.DeactivateCat ?></button></form>
  <?cs else ?>
    <p class="small muted"><?cs var:L.Admin.Cats.InactiveHelp ?></p>
    <form method="post" action="/admin/categories/<?cs var:Cat.id ?>/activate"><?cs call:csrf() ?><button type="submit"><?cs var:L.Admin.Cats.ActivateCat ?></button></form>
  <?cs /if ?>
  </div>
</section>
</div>

<aside class="card preview-card" aria-labelledby="preview-h">
  <h2 id="preview-h"><?cs var:L.Admin.Cats.Preview ?></h2>
  <p class="small muted"><?cs var:L.Admin.Cats.PreviewHelp ?></p>
  <?cs if:Cat.state == "active" && Cat.public == "1" ?><p><a class="button small" href="/new/<?cs var:url_escape(Cat.code) ?>" target="_blank" rel="noopener"><?cs var:L.Admin.Cats.OpenPortal ?> ↗</a></p>
  <?cs else ?><p class="small warn-text"><?cs var:L.Admin.Cats.NotOnPortal ?></p><?cs /if ?>
  <div class="preview-frame">
    <p class="preview-title"><?cs var:Cat.name ?></p>
    <div class="request preview-form" id="preview">
      <fieldset disabled class="preview-fields">
      <legend class="sr"><?cs var:L.Admin.Cats.Preview ?></legend>
      <?cs if:!Preview.Fields.0.name ?><p class="muted small"><?cs var:L.Admin.Cats.PreviewEmpty ?></p><?cs /if ?>
      <?cs # as on the portal: the required fields first ?>
      <?cs each:f = Preview.Fields ?><?cs if:f.required == "1" ?><?cs call:cat_field(f) ?><?cs /if ?><?cs /each ?>
      <?cs each:f = Preview.Fields ?><?cs if:f.required != "1" ?><?cs call:cat_field(f) ?><?cs /if ?><?cs /each ?>
      </fieldset>
    </div>
  </div>
</aside>
</div>
<?cs call:admin_end() ?>
