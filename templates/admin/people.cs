<?cs include!"admin/macros.cs" ?><?cs include!"admin/people_tabs.cs" ?>
<?cs call:admin_start(L.Admin.People.Title) ?>
<?cs call:admin_head(L.Admin.Section.people.name, L.Admin.People.Help) ?>
<div class="tabs-row"><?cs call:people_tabs("people") ?><a class="button primary new-person" href="/admin/people/new">+ <?cs var:L.Admin.People.New ?></a></div>
<section class="card list-card" aria-labelledby="people-h">
  <h2 id="people-h" class="sr"><?cs var:L.Admin.People.Title ?></h2>
  <?cs if:!Rows.0.id ?><p class="empty"><?cs var:L.Admin.People.Empty ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="queue admin-table people">
    <thead><tr><th scope="col"><?cs var:L.Admin.People.Col.name ?></th><th scope="col"><?cs var:L.Admin.People.Col.role ?></th><th scope="col"><?cs var:L.Admin.People.Col.teams ?></th><th scope="col"><?cs var:L.Admin.People.Col.language ?></th><th scope="col"><?cs var:L.Admin.People.Col.state ?></th><th scope="col"><?cs var:L.Admin.People.Col.signin ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.People.Edit ?></span></th></tr></thead>
    <tbody>
    <?cs each:p = Rows ?>
    <tr class="person-row is-<?cs var:p.state ?>" data-id="<?cs var:p.id ?>" data-login="<?cs var:p.login ?>" data-state="<?cs var:p.state ?>" data-role="<?cs var:p.role ?>" data-lock="<?cs var:p.lock ?>">
      <td class="person"><a class="label" href="/admin/people/<?cs var:p.id ?>"><?cs var:p.name ?></a><br><span class="mono muted small"><?cs var:p.login ?></span><?cs if:p.contacts == "1" ?> <span class="flag flag-contacts" title="<?cs var:L.Admin.People.Contacts ?>"><?cs var:L.Admin.People.Contacts ?></span><?cs /if ?><?cs if:p.product_manager == "1" ?> <span class="flag flag-pm"><?cs var:L.Admin.People.ProductManager ?></span><?cs /if ?></td>
      <td><span class="role role-<?cs var:p.role ?>"><?cs var:L.Agent.Role[p.role] ?></span></td>
      <td class="teams"><?cs each:t = p.Teams ?><span class="chip"><?cs var:TeamName[t] ?></span> <?cs /each ?><?cs if:!p.Teams.0 ?><span class="muted">—</span><?cs /if ?></td>
      <td><?cs var:L.Admin.People.Lang[p.language] ?></td>
      <td><?cs call:state_pill(p.state) ?></td>
      <td class="signin"><?cs if:p.lock == "locked" ?><span class="lock lock-locked" title="<?cs var:L.Admin.People.LockedUntil ?> <?cs var:p.locked_until ?>"><?cs var:L.Admin.People.Lock.locked ?></span><?cs elif:p.lock == "slowed" ?><span class="lock lock-slowed"><?cs var:L.Admin.People.Lock.slowed ?></span><?cs elif:p.lock == "failures" ?><span class="lock lock-failures"><?cs var:p.failed ?> <?cs var:L.Admin.People.Lock.failures ?></span><?cs else ?><span class="muted"><?cs var:L.Admin.People.Lock.ok ?></span><?cs /if ?></td>
      <td class="act"><a class="button small" href="/admin/people/<?cs var:p.id ?>"><?cs var:L.Admin.People.Edit ?></a></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs if:Next ?><p class="pager"><a href="/admin/people?after=<?cs var:Next ?>"><?cs var:L.Admin.People.Next ?> →</a></p><?cs /if ?>
  <?cs /if ?>
</section>
<section class="card form-card contact-roles" aria-labelledby="roles-h">
  <h2 id="roles-h"><?cs var:L.Admin.People.ContactRoles.Title ?></h2>
  <p class="help"><?cs var:L.Admin.People.ContactRoles.Help ?></p>
  <form method="post" action="/admin/people/contact-roles" class="request admin-form">
    <?cs call:csrf() ?>
    <div class="opts">
    <?cs each:r = ContactRoles ?><label class="opt"><input type="checkbox" name="role_<?cs name:r ?>" value="1"<?cs if:r == "1" ?> checked<?cs /if ?>><span><?cs var:L.Agent.Role[name(r)] ?></span></label>
    <?cs /each ?>
    </div>
    <div class="actions"><button type="submit"><?cs var:L.Admin.People.ContactRoles.Save ?></button></div>
  </form>
</section>
<?cs call:admin_end() ?>
