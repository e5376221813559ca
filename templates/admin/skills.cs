<?cs include!"admin/macros.cs" ?><?cs include!"admin/people_tabs.cs" ?>
<?cs call:admin_start(L.Admin.Skills.Title) ?>
<?cs call:admin_head(L.Admin.Section.people.name, L.Admin.Skills.Help) ?>
<div class="tabs-row"><?cs call:people_tabs("skills") ?></div>
<div class="admin-grid">
<section class="card list-card" aria-labelledby="skills-h">
  <h2 id="skills-h" class="sr"><?cs var:L.Admin.Skills.Title ?></h2>
  <?cs if:!Rows.0.id ?><p class="empty"><?cs var:L.Admin.Skills.Empty ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="queue admin-table skills">
    <thead><tr><th scope="col"><?cs var:L.Admin.Skills.Col.name ?></th><th scope="col"><?cs var:L.Admin.Skills.Col.code ?></th><th scope="col" class="num"><?cs var:L.Admin.Skills.Col.agents ?></th><th scope="col"><?cs var:L.Admin.Skills.Col.state ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.People.Edit ?></span></th></tr></thead>
    <tbody>
    <?cs each:s = Rows ?>
    <tr class="skill-row is-<?cs var:s.state ?>" data-id="<?cs var:s.id ?>" data-code="<?cs var:s.code ?>" data-state="<?cs var:s.state ?>">
      <td><a class="label" href="/admin/skills/<?cs var:s.id ?>"><?cs var:s.name ?></a><?cs if:Lang.Code == "en" ?><br><span class="small muted"><?cs var:s.name_zh ?></span><?cs else ?><br><span class="small muted"><?cs var:s.name_en ?></span><?cs /if ?></td>
      <td class="mono"><?cs var:s.code ?></td>
      <td class="num"><?cs var:s.agents ?></td>
      <td><?cs call:state_pill(s.state) ?></td>
      <td class="act"><a class="button small" href="/admin/skills/<?cs var:s.id ?>"><?cs var:L.Admin.People.Edit ?></a></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs /if ?>
</section>
<section class="card form-card" aria-labelledby="create-h">
  <h2 id="create-h"><?cs var:L.Admin.Skills.NewTitle ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/skills" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("code", L.Admin.Teams.Code, L.Admin.Teams.CodeHelp, "text", 1, 40) ?>
    <?cs call:field("name_zh", L.Admin.Teams.NameZh, "", "text", 1, 60) ?>
    <?cs call:field("name_en", L.Admin.Teams.NameEn, "", "text", 1, 60) ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Skills.Create ?></button></div>
  </form>
</section>
</div>
<?cs call:admin_end() ?>
