<?cs include!"admin/macros.cs" ?>
<?cs call:admin_start(L.Workaround.Rule) ?>
<?cs call:admin_head(L.Workaround.Rule, L.Workaround.RuleHelp) ?>
<div class="admin-grid">
<section class="card form-card workaround-card" aria-labelledby="wa-rule-h">
  <h2 id="wa-rule-h"><?cs var:L.Workaround.Rule ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/workaround" class="request admin-form workaround-form" novalidate>
    <?cs call:csrf() ?>
    <fieldset class="field choice<?cs if:Form.priorities.error ?> has-error<?cs /if ?>">
      <legend><?cs var:L.Workaround.Priorities ?></legend>
      <?cs if:Form.priorities.error ?><p class="error"><?cs var:L.Err[Form.priorities.error] ?></p><?cs /if ?>
      <div class="opts">
      <?cs each:o = Prios ?><label class="opt"><input type="checkbox" name="priorities" value="<?cs var:o.code ?>"<?cs if:Form.priorities.sel[o.code] ?> checked<?cs /if ?>><span><?cs var:o.label ?> <span class="muted"><?cs var:o.code ?></span></span></label><?cs /each ?>
      </div>
    </fieldset>
    <fieldset class="field choice<?cs if:Form.categories.error ?> has-error<?cs /if ?>">
      <legend><?cs var:L.Workaround.Categories ?></legend>
      <?cs if:Form.categories.error ?><p class="error"><?cs var:L.Err[Form.categories.error] ?></p><?cs /if ?>
      <div class="opts">
      <?cs each:o = Cats ?><label class="opt"><input type="checkbox" name="categories" value="<?cs var:o.code ?>"<?cs if:Form.categories.sel[o.code] ?> checked<?cs /if ?>><span><?cs var:o.label ?> <span class="muted"><?cs var:o.code ?></span></span></label><?cs /each ?>
      </div>
    </fieldset>
    <div class="field field-bool">
      <label class="check"><input type="checkbox" name="long_resolution" value="1"<?cs if:Form.long_resolution.value ?> checked<?cs /if ?>><span><?cs var:L.Workaround.LongResolution ?></span></label>
    </div>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Workaround.Save ?></button></div>
  </form>
</section>
</div>
<?cs call:admin_end() ?>
