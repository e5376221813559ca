<?cs include!"admin/macros.cs" ?><?cs include!"admin/people_tabs.cs" ?>
<?cs call:admin_start(L.Admin.Teams.Title) ?>
<?cs call:admin_head(L.Admin.Section.people.name, L.Admin.Teams.Help) ?>
<div class="tabs-row"><?cs call:people_tabs("teams") ?></div>
<div class="admin-grid">
<section class="card list-card" aria-labelledby="teams-h">
  <h2 id="teams-h" class="sr"><?cs var:L.Admin.Teams.Title ?></h2>
  <?cs if:!Rows.0.id ?><p class="empty"><?cs var:L.Admin.Teams.Empty ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="queue admin-table teams">
    <thead><tr><th scope="col"><?cs var:L.Admin.Teams.Col.name ?></th><th scope="col"><?cs var:L.Admin.Teams.Col.code ?></th><th scope="col" class="num"><?cs var:L.Admin.Teams.Col.members ?></th><th scope="col"><?cs var:L.Admin.Teams.Col.mode ?></th><th scope="col"><?cs var:L.Admin.Teams.Col.state ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.People.Edit ?></span></th></tr></thead>
    <tbody>
    <?cs each:t = Rows ?>
    <tr class="team-row is-<?cs var:t.state ?>" data-id="<?cs var:t.id ?>" data-code="<?cs var:t.code ?>" data-state="<?cs var:t.state ?>">
      <td><a class="label" href="/admin/teams/<?cs var:t.id ?>"><?cs var:t.name ?></a><?cs if:Lang.Code == "en" ?><br><span class="small muted"><?cs var:t.name_zh ?></span><?cs else ?><br><span class="small muted"><?cs var:t.name_en ?></span><?cs /if ?></td>
      <td class="mono"><?cs var:t.code ?></td>
      <td class="num members"><?cs var:t.members ?></td>
      <td><?cs if:L.Admin.Teams.Mode[t.mode] ?><?cs var:L.Admin.Teams.Mode[t.mode] ?><?cs else ?><?cs var:t.mode ?><?cs /if ?></td>
      <td><?cs call:state_pill(t.state) ?></td>
      <td class="act"><a class="button small" href="/admin/teams/<?cs var:t.id ?>"><?cs var:L.Admin.People.Edit ?></a></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs /if ?>
</section>
<section class="card form-card" aria-labelledby="create-h">
  <h2 id="create-h"><?cs var:L.Admin.Teams.NewTitle ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/teams" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("code", L.Admin.Teams.Code, L.Admin.Teams.CodeHelp, "text", 1, 40) ?>
    <?cs call:field("name_zh", L.Admin.Teams.NameZh, "", "text", 1, 100) ?>
    <?cs call:field("name_en", L.Admin.Teams.NameEn, "", "text", 1, 100) ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Teams.Create ?></button></div>
  </form>
</section>
</div>
<?cs call:admin_end() ?>
