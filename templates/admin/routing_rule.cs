<?cs include!"admin/macros.cs" ?>
<?cs # /admin/routing/rules/ID: one rule's team and skills, deactivate or
       reactivate it (cgi/admin_routing.c). ?>
<?cs call:admin_start(L.Admin.Routing.EditRule) ?>
<div class="admin-head">
  <p class="crumbs"><a href="/admin/"><?cs var:L.Admin.Title ?></a> <span aria-hidden="true">/</span> <a href="/admin/routing"><?cs var:L.Admin.Routing.Title ?></a> <span aria-hidden="true">/</span></p>
  <h1><?cs var:L.Admin.Routing.EditRule ?>: <?cs var:Rules.0.category ?></h1>
  <p class="lede"><?cs var:L.Admin.Routing.RuleFixed ?></p>
</div>
<?cs with:r = Rules.0 ?>
<div class="admin-grid">
<section class="card form-card rule-edit" aria-labelledby="rule-h" data-id="<?cs var:r.id ?>" data-state="<?cs var:r.state ?>">
  <h2 id="rule-h"><?cs var:r.category ?> <span aria-hidden="true">→</span> <?cs var:r.team ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/routing/rules/<?cs var:r.id ?>" class="request admin-form routing-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:choice("team", L.Admin.Routing.Team, "", TeamOpts, 1, 0) ?>
    <?cs if:SkillOpts.0.code ?><?cs call:choice("skills", L.Admin.Routing.Skills, L.Admin.Routing.SkillsHelp, SkillOpts, 0, 1) ?>
    <?cs else ?><p class="small muted"><?cs var:L.Admin.Routing.Skills ?>: <?cs var:L.Admin.Routing.NoSkillTags ?></p><?cs /if ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Routing.Save ?></button> <a class="button" href="/admin/routing"><?cs var:L.Admin.Routing.Cancel ?></a></div>
  </form>
</section>
<section class="card form-card rule-state" aria-labelledby="state-h">
  <h2 id="state-h"><?cs var:L.Admin.Routing.State ?>: <span class="state state-<?cs var:r.state ?>"><?cs var:L.Admin.Routing.State[r.state] ?></span></h2>
  <dl class="kv">
    <div><dt><?cs var:L.Admin.Routing.Category ?></dt><dd><?cs var:r.category ?> <code><?cs var:r.category_code ?></code></dd></div>
    <div><dt><?cs var:L.Admin.Routing.Updated ?></dt><dd><time datetime="<?cs var:r.updated.iso ?>"><?cs var:r.updated ?></time></dd></div>
  </dl>
  <?cs if:r.state == "active" ?>
  <p class="small muted"><?cs var:L.Admin.Routing.DeactivateHelp ?></p>
  <form method="post" action="/admin/routing/rules/<?cs var:r.id ?>/deactivate" class="confirm-form"><?cs call:csrf() ?><button type="submit" class="danger"><?cs var:L.Admin.Routing.Deactivate ?></button></form>
  <?cs else ?>
  <form method="post" action="/admin/routing/rules/<?cs var:r.id ?>/activate" class="confirm-form"><?cs call:csrf() ?><button type="submit" class="primary"><?cs var:L.Admin.Routing.Activate ?></button></form>
  <?cs /if ?>
</section>
</div>
<?cs /with ?>
<?cs call:admin_end() ?>
