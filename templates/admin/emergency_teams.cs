<?cs include!"admin/macros.cs" ?>
<?cs # /admin/emergency-teams: each problem type's emergency team template
       (cgi/admin/emergency_teams.c). ?>
<?cs call:admin_start(L.Admin.EmergencyTeams.Title) ?>
<?cs call:admin_head(L.Admin.EmergencyTeams.Title, L.Admin.EmergencyTeams.Help) ?>
<section class="card list-card" aria-labelledby="et-h">
  <h2 id="et-h" class="sr"><?cs var:L.Admin.EmergencyTeams.Title ?></h2>
  <div class="table-wrap">
  <table class="queue admin-table emergency-teams">
    <thead><tr><th scope="col"><?cs var:L.Emergency.Category ?></th><th scope="col"><?cs var:L.Emergency.Lead ?></th><th scope="col"><?cs var:L.Emergency.Members ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.People.Edit ?></span></th></tr></thead>
    <tbody>
    <?cs each:r = Rows ?>
    <tr class="et-row" data-id="<?cs var:r.id ?>">
      <td><a class="label" href="/admin/emergency-teams/<?cs var:r.id ?>"><?cs var:r.name ?></a></td>
      <td class="et-lead"><?cs if:r.lead != "0" ?><bdi><?cs var:Names[r.lead] ?></bdi><?cs else ?><span class="muted"><?cs var:L.Admin.EmergencyTeams.None ?></span><?cs /if ?></td>
      <td class="et-members"><?cs each:m = r.members ?><?cs if:name(m) != "0" ?>、<?cs /if ?><bdi><?cs var:Names[m] ?></bdi><?cs /each ?><?cs if:!r.members.0 ?><span class="muted">—</span><?cs /if ?></td>
      <td class="act"><a class="button small" href="/admin/emergency-teams/<?cs var:r.id ?>"><?cs var:L.Admin.People.Edit ?></a></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
</section>
<?cs call:admin_end() ?>
