<?cs include!"admin/macros.cs" ?><?cs include!"admin/people_tabs.cs" ?>
<?cs call:admin_start(Skill.name) ?>
<?cs call:people_head("skills", "/admin/skills", Skill.name, "") ?>
<p class="person-sub"><span class="mono"><?cs var:Skill.code ?></span> · <?cs call:state_pill(Skill.state) ?> · <?cs var:Skill.agents ?> <?cs var:L.Admin.Skills.People ?></p>
<?cs if:Mode == "deactivate" ?>
<section class="card confirm" aria-labelledby="confirm-h">
  <h2 id="confirm-h"><?cs var:L.Admin.Skills.DeactivateTitle ?></h2>
  <dl class="kv">
    <div><dt><?cs var:L.Admin.Skills.Col.name ?></dt><dd><?cs var:Skill.name_zh ?> / <?cs var:Skill.name_en ?></dd></div>
    <div><dt><?cs var:L.Admin.Skills.Col.agents ?></dt><dd><?cs var:Skill.agents ?></dd></div>
  </dl>
  <?cs if:Skill.state == "inactive" ?><p><?cs var:L.Admin.Done.skill_already_inactive ?></p><p><a class="button" href="/admin/skills/<?cs var:Skill.id ?>"><?cs var:L.Admin.People.Cancel ?></a></p>
  <?cs else ?>
  <p class="warn-text"><?cs var:L.Admin.Skills.DeactivateText ?></p>
  <form method="post" action="/admin/skills/<?cs var:Skill.id ?>/deactivate" class="confirm-form">
    <?cs call:csrf() ?>
    <button type="submit" class="danger"><?cs var:L.Admin.Skills.DeactivateConfirm ?></button>
    <a class="button" href="/admin/skills/<?cs var:Skill.id ?>"><?cs var:L.Admin.People.Cancel ?></a>
  </form>
  <?cs /if ?>
</section>
<?cs else ?>
<section class="card form-card narrow" aria-labelledby="rename-h">
  <h2 id="rename-h"><?cs var:L.Admin.Teams.RenameTitle ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/skills/<?cs var:Skill.id ?>" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("name_zh", L.Admin.Teams.NameZh, "", "text", 1, 60) ?>
    <?cs call:field("name_en", L.Admin.Teams.NameEn, "", "text", 1, 60) ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Skills.Save ?></button> <a class="button" href="/admin/skills"><?cs var:L.Admin.Skills.Back ?></a></div>
  </form>
  <div class="account-actions">
  <?cs if:Skill.state == "active" ?><a class="button danger-link" href="/admin/skills/<?cs var:Skill.id ?>/deactivate"><?cs var:L.Admin.Skills.Deactivate ?></a>
  <?cs else ?><form method="post" action="/admin/skills/<?cs var:Skill.id ?>/activate" class="inline activate-form"><?cs call:csrf() ?><button type="submit"><?cs var:L.Admin.Skills.Activate ?></button></form><?cs /if ?>
  </div>
</section>
<?cs /if ?>
<?cs call:admin_end() ?>
