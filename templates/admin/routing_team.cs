<?cs include!"admin/macros.cs" ?>
<?cs # /admin/routing/teams/ID: a team's dispatch mode, acceptance timeout and
       capacity, and its members as the dispatcher sees them (present or
       absent, open tickets, skills) (cgi/admin_routing.c). ?>
<?cs call:admin_start(Teams.0.name) ?>
<?cs with:t = Teams.0 ?>
<div class="admin-head">
  <p class="crumbs"><a href="/admin/"><?cs var:L.Admin.Title ?></a> <span aria-hidden="true">/</span> <a href="/admin/routing"><?cs var:L.Admin.Routing.Title ?></a> <span aria-hidden="true">/</span></p>
  <h1><?cs var:t.name ?> <span class="mode mode-<?cs var:t.mode ?>"><?cs var:L.Admin.Routing.Mode[t.mode] ?></span></h1>
  <p class="lede"><?cs var:L.Admin.Routing.TeamsHelp ?></p>
</div>
<div class="admin-grid">
<section class="card list-card members-card" aria-labelledby="members-h">
  <h2 id="members-h" class="card-h"><?cs var:L.Admin.Routing.Members ?> <span class="muted small"><?cs var:t.available ?> / <?cs var:t.members ?> <?cs var:L.Admin.Routing.AtWork ?> · <?cs var:t.open ?> <?cs var:L.Admin.Routing.OpenTickets ?></span></h2>
  <p class="small muted card-help"><?cs var:L.Admin.Routing.MembersHelp ?></p>
  <?cs if:!Members.0.id ?><p class="empty"><?cs var:L.Admin.Routing.NoMembers ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="queue admin-table members">
    <thead><tr><th scope="col"><?cs var:L.Admin.Routing.Members ?></th><th scope="col"><?cs var:L.Admin.Routing.State ?></th><th scope="col"><?cs var:L.Admin.Routing.OpenTickets ?></th><th scope="col"><?cs var:L.Admin.Routing.SkillsHeld ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.Routing.State ?></span></th></tr></thead>
    <tbody>
    <?cs each:m = Members ?>
    <tr class="member-row<?cs if:m.available != "1" ?> is-absent<?cs /if ?>" data-id="<?cs var:m.id ?>" data-login="<?cs var:m.login ?>" data-available="<?cs var:m.available ?>">
      <td class="label"><?cs var:m.name ?> <span class="muted small"><?cs var:m.login ?></span></td>
      <td><?cs if:m.available == "1" ?><span class="presence presence-in"><?cs var:L.Admin.Routing.Present ?></span><?cs else ?><span class="presence presence-out"><?cs var:L.Admin.Routing.Absent ?></span><?cs /if ?></td>
      <td class="num load<?cs if:t.max_open != "0" && #m.open >= #t.max_open ?> is-full<?cs /if ?>"><?cs var:m.open ?><?cs if:t.max_open != "0" ?><span class="muted"> / <?cs var:t.max_open ?></span><?cs /if ?></td>
      <td class="skills"><?cs each:s = m.skills ?><span class="skill-tag"><?cs var:s ?></span> <?cs /each ?></td>
      <td class="act"><form method="post" action="/admin/routing/agents/<?cs var:m.id ?>/availability" class="inline"><?cs call:csrf() ?><input type="hidden" name="team" value="<?cs var:t.id ?>"><?cs if:m.available == "1" ?><input type="hidden" name="available" value="0"><button type="submit" class="small"><?cs var:L.Admin.Routing.MarkAbsent ?></button><?cs else ?><input type="hidden" name="available" value="1"><button type="submit" class="small primary"><?cs var:L.Admin.Routing.MarkPresent ?></button><?cs /if ?></form></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs /if ?>
</section>
<section class="card form-card" aria-labelledby="settings-h">
  <h2 id="settings-h"><?cs var:L.Admin.Routing.TeamSettings ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/routing/teams/<?cs var:t.id ?>" class="request admin-form routing-form" novalidate>
    <?cs call:csrf() ?>
    <?cs set:ModeOpts.claim.code = "claim" ?><?cs set:ModeOpts.claim.label = L.Admin.Routing.Mode.claim ?>
    <?cs set:ModeOpts.least_open.code = "least_open" ?><?cs set:ModeOpts.least_open.label = L.Admin.Routing.Mode.least_open ?>
    <?cs set:ModeOpts.round_robin.code = "round_robin" ?><?cs set:ModeOpts.round_robin.label = L.Admin.Routing.Mode.round_robin ?>
    <?cs set:AcceptHelp = L.Admin.Routing.AcceptHelp + " " + DefaultAccept + " " + L.Admin.Routing.Minutes + L.Admin.Routing.AcceptHelpEnd ?>
    <?cs call:choice("mode", L.Admin.Routing.Mode, "", ModeOpts, 1, 0) ?>
    <ul class="scope-help small muted"><?cs each:o = ModeOpts ?><li><strong><?cs var:o.label ?></strong>: <?cs var:L.Admin.Routing.ModeHelp[o.code] ?></li><?cs /each ?></ul>
    <?cs call:field("accept_minutes", L.Admin.Routing.AcceptMinutes, AcceptHelp, "number", 0, 6) ?>
    <?cs call:field("max_open", L.Admin.Routing.MaxOpen, L.Admin.Routing.MaxOpenHelp, "number", 0, 4) ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Routing.Save ?></button> <a class="button" href="/admin/routing"><?cs var:L.Admin.Routing.Cancel ?></a></div>
  </form>
</section>
</div>
<?cs /with ?>
<?cs call:admin_end() ?>
