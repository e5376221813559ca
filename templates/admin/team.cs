<?cs include!"admin/macros.cs" ?><?cs include!"admin/people_tabs.cs" ?>
<?cs call:admin_start(Team.name) ?>
<?cs call:people_head("teams", "/admin/teams", Team.name, "") ?>
<p class="person-sub"><span class="mono"><?cs var:Team.code ?></span> · <?cs call:state_pill(Team.state) ?> · <?cs var:L.Admin.Teams.Col.mode ?>: <?cs if:L.Admin.Teams.Mode[Team.mode] ?><?cs var:L.Admin.Teams.Mode[Team.mode] ?><?cs else ?><?cs var:Team.mode ?><?cs /if ?><?cs if:Team.rnd == "1" ?> · <span class="chip chip-rnd"><?cs var:L.Admin.Teams.RndChip ?></span><?cs /if ?></p>
<?cs if:Alert ?><div class="alert" role="alert"><?cs var:L.Admin.Teams.Alert[Alert] ?><?cs if:AlertWho ?> (<?cs var:AlertWho ?>)<?cs /if ?></div><?cs /if ?>
<?cs if:Mode == "deactivate" ?>
<section class="card confirm" aria-labelledby="confirm-h">
  <h2 id="confirm-h"><?cs var:L.Admin.Teams.DeactivateTitle ?></h2>
  <dl class="kv">
    <div><dt><?cs var:L.Admin.Teams.Col.name ?></dt><dd><?cs var:Team.name_zh ?> / <?cs var:Team.name_en ?></dd></div>
    <div><dt><?cs var:L.Admin.Teams.Col.members ?></dt><dd><?cs var:Team.members ?></dd></div>
  </dl>
  <?cs if:Team.state == "inactive" ?><p><?cs var:L.Admin.Done.team_already_inactive ?></p><p><a class="button" href="/admin/teams/<?cs var:Team.id ?>"><?cs var:L.Admin.People.Cancel ?></a></p>
  <?cs elif:Team.open_tickets > 0 || Team.categories > 0 ?>
  <p class="warn-text"><?cs var:L.Admin.Teams.InUse ?></p>
  <ul class="in-use"><?cs if:Team.open_tickets > 0 ?><li><strong><?cs var:Team.open_tickets ?></strong> <?cs var:L.Admin.Teams.InUseTickets ?></li><?cs /if ?><?cs if:Team.categories > 0 ?><li><strong><?cs var:Team.categories ?></strong> <?cs var:L.Admin.Teams.InUseCategories ?></li><?cs /if ?></ul>
  <p class="muted"><?cs var:L.Admin.Teams.InUseHelp ?></p>
  <p><a class="button" href="/admin/teams/<?cs var:Team.id ?>"><?cs var:L.Admin.People.Cancel ?></a></p>
  <?cs else ?>
  <p class="warn-text"><?cs var:L.Admin.Teams.DeactivateText ?></p>
  <form method="post" action="/admin/teams/<?cs var:Team.id ?>/deactivate" class="confirm-form">
    <?cs call:csrf() ?>
    <button type="submit" class="danger"><?cs var:L.Admin.Teams.DeactivateConfirm ?></button>
    <a class="button" href="/admin/teams/<?cs var:Team.id ?>"><?cs var:L.Admin.People.Cancel ?></a>
  </form>
  <?cs /if ?>
</section>
<?cs else ?>
<div class="admin-grid">
<section class="card list-card members-card" aria-labelledby="members-h">
  <h2 id="members-h" class="card-h"><?cs var:L.Admin.Teams.Members ?> <span class="muted count-badge"><?cs var:Team.members ?></span></h2>
  <?cs if:!Members.0.id ?><p class="empty"><?cs var:L.Admin.Teams.NoMembers ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="queue admin-table members">
    <thead><tr><th scope="col"><?cs var:L.Admin.People.Col.name ?></th><th scope="col"><?cs var:L.Admin.People.Col.role ?></th><th scope="col"><?cs var:L.Admin.People.Col.state ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.Teams.Remove ?></span></th></tr></thead>
    <tbody>
    <?cs each:m = Members ?>
    <tr class="member-row is-<?cs var:m.state ?>" data-id="<?cs var:m.id ?>" data-login="<?cs var:m.login ?>" data-lead="<?cs var:m.lead ?>">
      <td><a class="label" href="/admin/people/<?cs var:m.id ?>"><?cs var:m.name ?></a> <?cs if:m.lead == "1" ?><span class="chip chip-lead"><?cs var:L.Admin.Teams.Lead ?></span><?cs /if ?><br><span class="mono small muted"><?cs var:m.login ?></span></td>
      <td><span class="role role-<?cs var:m.role ?>"><?cs var:L.Agent.Role[m.role] ?></span></td>
      <td><?cs call:state_pill(m.state) ?></td>
      <td class="act"><form method="post" action="/admin/teams/<?cs var:Team.id ?>/remove" class="inline"><?cs call:csrf() ?><input type="hidden" name="agent" value="<?cs var:m.id ?>"><button type="submit" class="small danger-link"><?cs var:L.Admin.Teams.Remove ?></button></form></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs /if ?>
  <form method="post" action="/admin/teams/<?cs var:Team.id ?>/members" class="request admin-form add-member" novalidate>
    <?cs call:csrf() ?>
    <h3><?cs var:L.Admin.Teams.AddTitle ?></h3>
    <div class="add-row">
    <?cs call:field("login", L.Admin.Teams.AddLogin, L.Admin.Teams.AddLoginHelp, "text", 1, 64) ?>
    <label class="check lead-check"><input type="checkbox" name="lead" value="1"<?cs if:Form.lead.value ?> checked<?cs /if ?>> <span><?cs var:L.Admin.Teams.AddLead ?></span></label>
    <button type="submit"><?cs var:L.Admin.Teams.Add ?></button>
    </div>
  </form>
</section>
<div class="side-stack">
<section class="card form-card" aria-labelledby="rename-h">
  <h2 id="rename-h"><?cs var:L.Admin.Teams.RenameTitle ?></h2>
  <?cs if:!Form.login.error ?><?cs call:form_alert() ?><?cs /if ?>
  <form method="post" action="/admin/teams/<?cs var:Team.id ?>" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("name_zh", L.Admin.Teams.NameZh, "", "text", 1, 100) ?>
    <?cs call:field("name_en", L.Admin.Teams.NameEn, "", "text", 1, 100) ?>
    <label class="check rnd-check"><input type="checkbox" name="rnd" value="1"<?cs if:Form.rnd.value ?> checked<?cs /if ?>> <span><?cs var:L.Admin.Teams.Rnd ?></span></label>
    <p class="hint"><?cs var:L.Admin.Teams.RndHelp ?></p>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Teams.Save ?></button></div>
  </form>
</section>
<section class="card form-card" aria-labelledby="usage-h">
  <h2 id="usage-h"><?cs var:L.Admin.Teams.Usage ?></h2>
  <dl class="kv">
    <div><dt><?cs var:L.Admin.Teams.OpenTickets ?></dt><dd class="open-tickets"><?cs var:Team.open_tickets ?></dd></div>
    <div><dt><?cs var:L.Admin.Teams.Categories ?></dt><dd class="categories"><?cs var:Team.categories ?></dd></div>
  </dl>
  <div class="account-actions">
  <?cs if:Team.state == "active" ?><a class="button danger-link" href="/admin/teams/<?cs var:Team.id ?>/deactivate"><?cs var:L.Admin.Teams.Deactivate ?></a>
  <?cs else ?><form method="post" action="/admin/teams/<?cs var:Team.id ?>/activate" class="inline activate-form"><?cs call:csrf() ?><button type="submit"><?cs var:L.Admin.Teams.Activate ?></button></form><?cs /if ?>
  </div>
</section>
</div>
</div>
<?cs /if ?>
<?cs call:admin_end() ?>
