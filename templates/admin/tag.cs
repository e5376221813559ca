<?cs include!"admin/macros.cs" ?>
<?cs call:admin_start(L.Admin.Tags.EditTitle) ?>
<div class="admin-head">
  <p class="crumbs"><a href="/admin/"><?cs var:L.Admin.Title ?></a> <span aria-hidden="true">/</span> <a href="/admin/tags"><?cs var:L.Admin.Tags.Title ?></a> <span aria-hidden="true">/</span></p>
  <h1><?cs var:L.Admin.Tags.EditTitle ?> <span class="tag tag-c-<?cs var:Tag.color ?> tag-<?cs var:Tag.code ?>"><?cs var:Tag.name ?></span></h1>
  <p class="lede"><?cs var:L.Admin.Tags.Code ?> <code><?cs var:Tag.code ?></code><?cs if:Tag.system ?> · <?cs var:L.Admin.Tags.System ?><?cs /if ?> · <?cs var:L.Admin.Tags.Customers ?> <?cs var:Tag.customers ?> · <?cs var:L.Admin.Tags.State[Tag.state] ?></p>
</div>
<div class="admin-grid">
<section class="card form-card" aria-labelledby="edit-h">
  <h2 id="edit-h"><?cs var:L.Admin.Tags.EditTitle ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/tags/<?cs var:Tag.id ?>" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <div class="two-col">
    <?cs call:field("name_zh", L.Admin.Tags.NameZh, "", "text", 1, 60) ?>
    <?cs call:field("name_en", L.Admin.Tags.NameEn, "", "text", 1, 60) ?>
    </div>
    <fieldset class="field choice color-choice<?cs if:Form.color.error ?> has-error<?cs /if ?>"<?cs if:Form.color.error ?> aria-describedby="e-color"<?cs /if ?>>
      <legend><?cs var:L.Admin.Tags.Color ?><?cs call:required_mark() ?></legend>
      <?cs if:Form.color.error ?><p class="error" id="e-color"><?cs var:L.Err[Form.color.error] ?></p><?cs /if ?>
      <div class="opts">
      <?cs each:c = Colors ?><label class="opt"><input type="radio" name="color" value="<?cs var:c.code ?>"<?cs if:Form.color.value == c.code ?> checked<?cs /if ?> required><span class="tag tag-c-<?cs var:c.code ?>"><?cs var:c.label ?></span></label><?cs /each ?>
      </div>
    </fieldset>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Tags.Save ?></button> <a class="button" href="/admin/tags"><?cs var:L.Admin.Tags.Cancel ?></a></div>
  </form>
</section>
<section class="card form-card state-card" aria-labelledby="state-h">
  <h2 id="state-h"><?cs var:L.Admin.Tags.State ?>: <?cs var:L.Admin.Tags.State[Tag.state] ?></h2>
  <?cs if:Tag.system ?><p class="muted small"><?cs var:L.Admin.Tags.SystemHelp ?></p>
  <?cs elif:Tag.state == "active" ?>
  <p class="small"><?cs var:L.Admin.Tags.DeactivateHelp ?></p>
  <form method="post" action="/admin/tags/<?cs var:Tag.id ?>/deactivate" class="confirm-form"><?cs call:csrf() ?><button type="submit" class="danger"><?cs var:L.Admin.Tags.Deactivate ?></button></form>
  <?cs else ?>
  <form method="post" action="/admin/tags/<?cs var:Tag.id ?>/activate" class="confirm-form"><?cs call:csrf() ?><button type="submit" class="primary"><?cs var:L.Admin.Tags.Activate ?></button></form>
  <?cs /if ?>
</section>
</div>
<?cs call:admin_end() ?>
