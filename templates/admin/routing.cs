<?cs include!"admin/macros.cs" ?>
<?cs # /admin/routing: routing rules (category -> team + skills), the new-rule
       form, and how each team dispatches (cgi/admin_routing.c). ?>
<?cs call:admin_start(L.Admin.Routing.Title) ?>
<?cs call:admin_head(L.Admin.Routing.Title, L.Admin.Routing.Help) ?>
<div class="admin-grid">
<section class="card list-card routing-rules" aria-labelledby="rules-h">
  <h2 id="rules-h" class="card-h"><?cs var:L.Admin.Routing.Rules ?></h2>
  <p class="small muted card-help"><?cs var:L.Admin.Routing.RulesHelp ?></p>
  <?cs if:!Rules.0.id ?><p class="empty"><?cs var:L.Admin.Routing.EmptyRules ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="queue admin-table rules">
    <thead><tr><th scope="col"><?cs var:L.Admin.Routing.Category ?></th><th scope="col"><span class="sr">→</span></th><th scope="col"><?cs var:L.Admin.Routing.Team ?></th><th scope="col"><?cs var:L.Admin.Routing.Skills ?></th><th scope="col"><?cs var:L.Admin.Routing.State ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.Routing.Edit ?></span></th></tr></thead>
    <tbody>
    <?cs each:r = Rules ?>
    <tr class="rule-row is-<?cs var:r.state ?>" data-id="<?cs var:r.id ?>" data-category="<?cs var:r.category_code ?>" data-team="<?cs var:r.team_id ?>" data-state="<?cs var:r.state ?>">
      <td class="label"><?cs var:r.category ?><?cs if:r.category_off == "1" ?> <span class="muted small">(<?cs var:L.Admin.Routing.CategoryOff ?>)</span><?cs /if ?></td>
      <td class="arrow" aria-hidden="true">→</td>
      <td class="team"><?cs var:r.team ?><?cs if:r.team_off == "1" ?> <span class="muted small">(<?cs var:L.Admin.Routing.TeamOff ?>)</span><?cs /if ?></td>
      <td class="skills"><?cs if:r.skills.0 ?><?cs each:s = r.skills ?><span class="skill-tag"><?cs var:s ?></span> <?cs /each ?><?cs else ?><span class="muted"><?cs var:L.Admin.Routing.NoSkills ?></span><?cs /if ?></td>
      <td><span class="state state-<?cs var:r.state ?>"><?cs var:L.Admin.Routing.State[r.state] ?></span></td>
      <td class="act"><a class="button small" href="/admin/routing/rules/<?cs var:r.id ?>"><?cs var:L.Admin.Routing.Edit ?></a></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs /if ?>
</section>
<section class="card form-card" aria-labelledby="new-rule-h">
  <h2 id="new-rule-h"><?cs var:L.Admin.Routing.NewRule ?></h2>
  <?cs if:!CategoryOpts.0.code ?><p class="small muted"><?cs var:L.Admin.Routing.AllRouted ?></p><?cs else ?>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/routing" class="request admin-form routing-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:choice("category", L.Admin.Routing.Category, "", CategoryOpts, 1, 0) ?>
    <?cs call:choice("team", L.Admin.Routing.Team, "", TeamOpts, 1, 0) ?>
    <?cs if:SkillOpts.0.code ?><?cs call:choice("skills", L.Admin.Routing.Skills, L.Admin.Routing.SkillsHelp, SkillOpts, 0, 1) ?>
    <?cs else ?><p class="small muted"><?cs var:L.Admin.Routing.Skills ?>: <?cs var:L.Admin.Routing.NoSkillTags ?></p><?cs /if ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Routing.Create ?></button></div>
  </form>
  <?cs /if ?>
</section>
</div>
<section class="card routing-teams" aria-labelledby="teams-h">
  <h2 id="teams-h" class="card-h"><?cs var:L.Admin.Routing.Teams ?></h2>
  <p class="small muted card-help"><?cs var:L.Admin.Routing.TeamsHelp ?></p>
  <div class="table-wrap">
  <table class="queue admin-table teams">
    <thead><tr><th scope="col"><?cs var:L.Admin.Routing.Team ?></th><th scope="col"><?cs var:L.Admin.Routing.Mode ?></th><th scope="col"><?cs var:L.Admin.Routing.Accept ?></th><th scope="col"><?cs var:L.Admin.Routing.Capacity ?></th><th scope="col"><?cs var:L.Admin.Routing.Members ?></th><th scope="col"><?cs var:L.Admin.Routing.OpenTickets ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.Routing.Settings ?></span></th></tr></thead>
    <tbody>
    <?cs each:t = Teams ?>
    <tr class="team-row is-<?cs var:t.state ?>" data-id="<?cs var:t.id ?>" data-code="<?cs var:t.code ?>" data-mode="<?cs var:t.mode ?>">
      <td class="label"><?cs var:t.name ?><?cs if:t.state == "inactive" ?> <span class="muted small">(<?cs var:L.Admin.Routing.State.inactive ?>)</span><?cs /if ?></td>
      <td><span class="mode mode-<?cs var:t.mode ?>"><?cs var:L.Admin.Routing.Mode[t.mode] ?></span></td>
      <td class="num"><?cs var:t.accept ?> <?cs var:L.Admin.Routing.Minutes ?><?cs if:t.accept_own != "1" ?> <span class="muted small">(<?cs var:L.Admin.Routing.Default ?>)</span><?cs /if ?></td>
      <td class="num"><?cs if:t.max_open != "0" ?><?cs var:t.max_open ?><?cs else ?><span class="muted"><?cs var:L.Admin.Routing.NoLimit ?></span><?cs /if ?></td>
      <td class="num"><?cs var:t.available ?> / <?cs var:t.members ?> <span class="muted small"><?cs var:L.Admin.Routing.AtWork ?></span></td>
      <td class="num"><?cs var:t.open ?></td>
      <td class="act"><a class="button small" href="/admin/routing/teams/<?cs var:t.id ?>"><?cs var:L.Admin.Routing.Settings ?></a></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
</section>
<?cs call:admin_end() ?>
