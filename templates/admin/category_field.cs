<?cs include!"admin/macros.cs" ?>
<?cs include!"admin/category_macros.cs" ?>
<?cs call:admin_start(Field.label) ?>
<div class="admin-head">
  <p class="crumbs"><a href="/admin/"><?cs var:L.Admin.Title ?></a> <span aria-hidden="true">/</span> <a href="/admin/categories"><?cs var:L.Admin.Cats.Title ?></a> <span aria-hidden="true">/</span> <a href="/admin/categories/<?cs var:Cat.id ?>#fields"><?cs var:Cat.name ?></a> <span aria-hidden="true">/</span></p>
  <h1><?cs var:Field.label ?> <code class="code-chip"><?cs var:Field.name ?></code> <span class="type-chip"><?cs var:L.Admin.Cats.Types[Field.type] ?></span> <span class="state state-<?cs var:Field.state ?>" id="field-state" data-state="<?cs var:Field.state ?>"><?cs var:L.Admin.Cats.States[Field.state] ?></span></h1>
  <p class="lede"><?cs var:L.Admin.Cats.FixedNote ?></p>
</div>
<?cs call:form_alert() ?>
<div class="cat-grid">
<div class="cat-main">
<section class="card" aria-labelledby="field-h">
  <h2 id="field-h"><?cs var:L.Admin.Cats.FieldSettings ?></h2>
  <form method="post" action="/admin/fields/<?cs var:Field.id ?>" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
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
    <?cs if:Field.has_length == "1" ?><?cs call:field("fmax", L.Admin.Cats.MaxLength, L.Admin.Cats.MaxLengthHelp, "number", 0, 5) ?><?cs /if ?>
    </div>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Cats.Save ?></button> <a class="button" href="/admin/categories/<?cs var:Cat.id ?>#fields"><?cs var:L.Admin.Cats.Back ?></a></div>
  </form>
  <div class="state-box">
  <?cs if:Field.state == "active" ?>
    <p class="small muted"><?cs var:L.Admin.Cats.FieldDeactivateHelp ?></p>
    <form method="post" action="/admin/fields/<?cs var:Field.id ?>/deactivate"><?cs call:csrf() ?><button type="submit" class="danger-link"><?cs var:L.Admin.Cats.DeactivateField ?></button></form>
  <?cs else ?>
    <form method="post" action="/admin/fields/<?cs var:Field.id ?>/activate"><?cs call:csrf() ?><button type="submit"><?cs var:L.Admin.Cats.ActivateField ?></button></form>
  <?cs /if ?>
  </div>
</section>
</div>
<?cs if:Field.has_options == "1" ?>
<aside class="card options-card" id="options" aria-labelledby="options-h">
  <h2 id="options-h"><?cs var:L.Admin.Cats.Options ?></h2>
  <?cs if:!Options.0.id ?><p class="empty"><?cs var:L.Admin.Cats.NoOptions ?></p><?cs else ?>
  <table class="queue admin-table option-table">
    <thead><tr><th scope="col"><?cs var:L.Admin.Cats.Code ?></th><th scope="col"><?cs var:L.Admin.Cats.OptionLabel ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.Cats.Actions ?></span></th></tr></thead>
    <tbody>
    <?cs each:o = Options ?>
    <tr class="option-row is-<?cs var:o.state ?>" data-id="<?cs var:o.id ?>" data-code="<?cs var:o.code ?>" data-state="<?cs var:o.state ?>">
      <td><code><?cs var:o.code ?></code></td>
      <td class="label"><?cs var:o.label_zh ?><span class="other muted"><?cs var:o.label_en ?></span></td>
      <td class="act"><?cs if:o.state == "active" ?><form method="post" action="/admin/options/<?cs var:o.id ?>/deactivate" class="inline-form"><?cs call:csrf() ?><button type="submit" class="small danger-link"><?cs var:L.Admin.Cats.Deactivate ?></button></form><?cs else ?><span class="state state-inactive"><?cs var:L.Admin.Cats.States.inactive ?></span> <form method="post" action="/admin/options/<?cs var:o.id ?>/activate" class="inline-form"><?cs call:csrf() ?><button type="submit" class="small"><?cs var:L.Admin.Cats.Activate ?></button></form><?cs /if ?></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>
  <h3 class="sub-h"><?cs var:L.Admin.Cats.AddOption ?></h3>
  <form method="post" action="/admin/fields/<?cs var:Field.id ?>/options" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("ocode", L.Admin.Cats.Code, L.Admin.Cats.OptionCodeHelp, "text", 1, 40) ?>
    <?cs call:field("olabel_zh", L.Admin.Cats.LabelZh, "", "text", 1, 33) ?>
    <?cs call:field("olabel_en", L.Admin.Cats.LabelEn, "", "text", 1, 100) ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Cats.AddOptionSubmit ?></button></div>
  </form>
</aside>
<?cs /if ?>
</div>
<?cs call:admin_end() ?>
