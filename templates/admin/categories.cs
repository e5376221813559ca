<?cs include!"admin/macros.cs" ?>
<?cs include!"admin/category_macros.cs" ?>
<?cs call:admin_start(L.Admin.Cats.Title) ?>
<?cs call:admin_head(L.Admin.Cats.Title, L.Admin.Cats.Help) ?>
<p class="card-links"><a class="edit" href="/admin/emergency-teams"><?cs var:L.Admin.EmergencyTeams.Title ?> →</a></p>
<div class="admin-grid">
<section class="card list-card" aria-labelledby="cats-h">
  <h2 id="cats-h" class="sr"><?cs var:L.Admin.Cats.Title ?></h2>
  <?cs if:!Cats.0.id ?><p class="empty"><?cs var:L.Admin.Cats.Empty ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="queue admin-table cats">
    <thead><tr><th scope="col" class="num-col"><?cs var:L.Admin.Cats.Order ?></th><th scope="col"><?cs var:L.Admin.Cats.Name ?></th><th scope="col"><?cs var:L.Admin.Cats.Code ?></th><th scope="col"><?cs var:L.Admin.Cats.Priority ?></th><th scope="col"><?cs var:L.Admin.Cats.Team ?></th><th scope="col" class="num-col"><?cs var:L.Admin.Cats.FieldCount ?></th><th scope="col"><?cs var:L.Admin.Cats.Portal ?></th><th scope="col"><?cs var:L.Admin.Cats.State ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.Cats.Edit ?></span></th></tr></thead>
    <tbody>
    <?cs each:c = Cats ?>
    <tr class="cat-row is-<?cs var:c.state ?>" data-id="<?cs var:c.id ?>" data-code="<?cs var:c.code ?>" data-state="<?cs var:c.state ?>" data-public="<?cs var:c.public ?>">
      <td class="num-col muted"><?cs var:c.order ?></td>
      <td class="label"><a href="/admin/categories/<?cs var:c.id ?>"><?cs var:c.name ?></a><span class="other muted"><?cs var:c.other ?></span></td>
      <td><code><?cs var:c.code ?></code></td>
      <td><?cs if:c.priority ?><span class="badge prio-<?cs var:c.priority_code ?>"><?cs var:c.priority ?></span><?cs /if ?></td>
      <td><?cs if:c.team ?><?cs var:c.team ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
      <td class="num-col"><?cs var:c.fields ?></td>
      <td><?cs if:c.state == "inactive" ?><span class="muted">—</span><?cs elif:c.public == "1" ?><span class="pill pill-public"><?cs var:L.Admin.Cats.Public ?></span><?cs else ?><span class="pill"><?cs var:L.Admin.Cats.Internal ?></span><?cs /if ?></td>
      <td><span class="state state-<?cs var:c.state ?>"><?cs var:L.Admin.Cats.States[c.state] ?></span></td>
      <td class="act"><a class="button small" href="/admin/categories/<?cs var:c.id ?>"><?cs var:L.Admin.Cats.Edit ?></a></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs /if ?>
</section>
<section class="card form-card" aria-labelledby="create-h">
  <h2 id="create-h"><?cs var:L.Admin.Cats.NewTitle ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/categories" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:category_fields() ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Cats.Create ?></button></div>
  </form>
</section>
</div>
<?cs call:admin_end() ?>
