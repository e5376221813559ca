<?cs include!"admin/macros.cs" ?>
<?cs include!"admin/sla_macros.cs" ?>
<?cs # The inputs of a level's targets (Form.calendar ... Form.warning). ?>
<?cs def:level_targets() ?>
<?cs call:sla_select("calendar", L.Admin.Prio.Calendar, L.Admin.Prio.CalendarHelp, Calendars, "", 1) ?>
<div class="row">
<?cs call:sla_amount("classify", L.Admin.Prio.Classify, L.Admin.Prio.ClassifyDefault) ?>
<?cs call:sla_amount("first_response", L.Admin.Prio.First, L.Admin.Prio.None) ?>
</div>
<div class="row">
<?cs call:sla_amount("resolution", L.Admin.Prio.Resolution, L.Admin.Prio.None) ?>
<?cs call:sla_amount("update", L.Admin.Prio.Update, L.Admin.Prio.None) ?>
</div>
<p class="help minutes-help"><?cs var:L.Admin.Prio.UnitsHelp ?></p>
<?cs call:sla_number("warning", L.Admin.Prio.Warning, L.Admin.Prio.WarningHelp, "%", "", 1) ?>
<?cs /def ?>
<?cs # The inputs of an override (Form.p_*). ?>
<?cs def:policy_inputs() ?>
<div class="row">
<?cs call:sla_select("p_category", L.Admin.Prio.Category, "", Categories, L.Admin.Prio.AnyCategory, 0) ?>
<?cs call:sla_select("p_tag", L.Admin.Prio.Tag, "", Tags, L.Admin.Prio.AnyTag, 0) ?>
</div>
<p class="help"><?cs var:L.Admin.Prio.ScopeHelp ?></p>
<?cs call:sla_select("p_calendar", L.Admin.Prio.Calendar, "", Calendars, L.Admin.Prio.Inherit, 0) ?>
<div class="row">
<?cs call:sla_amount("p_classify", L.Admin.Prio.Classify, L.Admin.Prio.Inherit) ?>
<?cs call:sla_amount("p_first_response", L.Admin.Prio.First, L.Admin.Prio.Inherit) ?>
</div>
<div class="row">
<?cs call:sla_amount("p_resolution", L.Admin.Prio.Resolution, L.Admin.Prio.Inherit) ?>
<?cs call:sla_amount("p_update", L.Admin.Prio.Update, L.Admin.Prio.Inherit) ?>
</div>
<?cs call:sla_number("p_warning", L.Admin.Prio.Warning, L.Admin.Prio.InheritHelp, "%", L.Admin.Prio.Inherit, 0) ?>
<?cs /def ?>
<?cs def:crumbs() ?><p class="crumbs"><a href="/admin/"><?cs var:L.Admin.Title ?></a> <span aria-hidden="true">/</span> <a href="/admin/priorities"><?cs var:L.Admin.Prio.Title ?></a> <span aria-hidden="true">/</span></p><?cs /def ?>
<?cs def:badge(color, name) ?><span class="badge prio-color-<?cs var:color ?>"><?cs var:name ?></span><?cs /def ?>
<?cs def:policy_scope(p) ?><?cs if:p.category_id != "0" ?><span class="scope-chip"><?cs var:L.Admin.Prio.Category ?>: <?cs var:p.category ?></span><?cs /if ?><?cs if:p.tag_id != "0" ?> <span class="tag tag-<?cs var:p.tag_code ?>"><?cs var:p.tag ?></span><?cs /if ?><?cs /def ?>
<?cs if:Policy.id ?>
<?cs # ---------------------------------------------------------------- one override ?>
<?cs call:admin_start(L.Admin.Prio.PolicyTitle) ?>
<div class="admin-head">
  <?cs call:crumbs() ?>
  <h1><?cs var:L.Admin.Prio.PolicyTitle ?> · <a href="/admin/priorities/<?cs var:Policy.priority_id ?>"><?cs var:Policy.priority ?></a> <span class="state state-<?cs var:Policy.state ?>" data-state="<?cs var:Policy.state ?>"><?cs var:L.Admin.Prio.State[Policy.state] ?></span></h1>
  <p class="lede"><?cs var:L.Admin.Prio.PolicyHelp ?></p>
</div>
<div class="sla-grid">
<section class="card form-card" aria-labelledby="pol-h">
  <h2 id="pol-h"><?cs call:policy_scope(Policy) ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/sla-policies/<?cs var:Policy.id ?>" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:policy_inputs() ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Prio.Save ?></button> <a class="button" href="/admin/priorities/<?cs var:Policy.priority_id ?>"><?cs var:L.Admin.Prio.Cancel ?></a></div>
  </form>
</section>
<section class="card side-card" aria-labelledby="pol-state-h">
  <h2 id="pol-state-h"><?cs var:L.Admin.Prio.StateTitle ?></h2>
  <?cs if:Policy.state == "active" ?>
  <p class="help"><?cs var:L.Admin.Prio.PolicyOffHelp ?></p>
  <form method="post" action="/admin/sla-policies/<?cs var:Policy.id ?>/deactivate"><?cs call:csrf() ?><button type="submit" class="danger"><?cs var:L.Admin.Prio.Deactivate ?></button></form>
  <?cs else ?>
  <form method="post" action="/admin/sla-policies/<?cs var:Policy.id ?>/activate"><?cs call:csrf() ?><button type="submit" class="primary"><?cs var:L.Admin.Prio.Activate ?></button></form>
  <?cs /if ?>
</section>
</div>
<?cs elif:Prio.id ?>
<?cs # ---------------------------------------------------------------- one level ?>
<?cs call:admin_start(Prio.name_zh) ?>
<div class="admin-head">
  <?cs call:crumbs() ?>
  <h1><?cs call:badge(Prio.color, Prio.name_zh) ?> <?cs var:Prio.name_en ?> <code class="code-chip"><?cs var:Prio.code ?></code> <span class="state state-<?cs var:Prio.state ?>" id="prio-state" data-state="<?cs var:Prio.state ?>"><?cs var:L.Admin.Prio.State[Prio.state] ?></span></h1>
  <p class="lede"><?cs var:L.Admin.Prio.EditHelp ?></p>
</div>
<?cs if:!PolicyForm ?><?cs call:form_alert() ?><?cs /if ?>
<div class="sla-grid">
<section class="card form-card" aria-labelledby="level-h">
  <h2 id="level-h"><?cs var:L.Admin.Prio.LevelTitle ?></h2>
  <form method="post" action="/admin/priorities/<?cs var:Prio.id ?>" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <div class="row">
    <?cs call:field("name_zh", L.Admin.Prio.NameZh, "", "text", 1, 60) ?>
    <?cs call:field("name_en", L.Admin.Prio.NameEn, "", "text", 1, 60) ?>
    </div>
    <div class="row">
    <?cs call:sla_number("rank", L.Admin.Prio.Rank, L.Admin.Prio.RankHelp, "", "", 1) ?>
    <?cs call:sla_select("color", L.Admin.Prio.Color, "", L.Admin.Prio.Colors, "", 1) ?>
    </div>
    <?cs call:level_targets() ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Prio.Save ?></button> <a class="button" href="/admin/priorities"><?cs var:L.Admin.Prio.Cancel ?></a></div>
  </form>
  <div class="state-box">
  <?cs if:Prio.state == "active" ?>
  <form method="post" action="/admin/priorities/<?cs var:Prio.id ?>/deactivate"><?cs call:csrf() ?><button type="submit" class="small danger-link"><?cs var:L.Admin.Prio.Deactivate ?></button> <span class="help"><?cs var:L.Admin.Prio.DeactivateHelp ?></span></form>
  <?cs else ?>
  <form method="post" action="/admin/priorities/<?cs var:Prio.id ?>/activate"><?cs call:csrf() ?><button type="submit" class="small"><?cs var:L.Admin.Prio.Activate ?></button></form>
  <?cs /if ?>
  </div>
</section>
<div class="side-col">
<section class="card list-card" id="policies" aria-labelledby="pols-h">
  <h2 id="pols-h" class="card-title"><?cs var:L.Admin.Prio.Policies ?></h2>
  <p class="help pad"><?cs var:L.Admin.Prio.PoliciesHelp ?></p>
  <?cs if:!Policies.0.id ?><p class="empty"><?cs var:L.Admin.Prio.NoPolicies ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="queue admin-table policy-table">
    <thead><tr><th scope="col"><?cs var:L.Admin.Prio.Scope ?></th><th scope="col"><?cs var:L.Admin.Prio.First ?></th><th scope="col"><?cs var:L.Admin.Prio.Resolution ?></th><th scope="col"><?cs var:L.Admin.Prio.Other ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.Prio.Edit ?></span></th></tr></thead>
    <tbody>
    <?cs each:p = Policies ?>
    <tr class="policy-row is-<?cs var:p.state ?>" data-id="<?cs var:p.id ?>" data-state="<?cs var:p.state ?>">
      <td><?cs call:policy_scope(p) ?><?cs if:p.state != "active" ?> <span class="state state-inactive"><?cs var:L.Admin.Prio.State.inactive ?></span><?cs /if ?></td>
      <td><?cs call:sla_target(p.first, L.Admin.Prio.Inherited) ?></td>
      <td><?cs call:sla_target(p.resolution, L.Admin.Prio.Inherited) ?></td>
      <td class="small"><?cs if:p.calendar != "0" ?><div><?cs var:CalendarName[p.calendar] ?></div><?cs /if ?><?cs if:p.classify != "0" ?><div><?cs var:L.Admin.Prio.Classify ?> <?cs call:target(p.classify) ?></div><?cs /if ?><?cs if:p.update != "0" ?><div><?cs var:L.Admin.Prio.Update ?> <?cs call:target(p.update) ?></div><?cs /if ?><?cs if:p.warning != "0" ?><div><?cs var:L.Admin.Prio.Warning ?> <?cs var:p.warning ?>%</div><?cs /if ?></td>
      <td class="act"><a class="button small" href="/admin/sla-policies/<?cs var:p.id ?>"><?cs var:L.Admin.Prio.Edit ?></a></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs /if ?>
</section>
<section class="card form-card" id="add-policy" aria-labelledby="addpol-h">
  <h2 id="addpol-h"><?cs var:L.Admin.Prio.AddPolicy ?></h2>
  <?cs if:PolicyForm ?><?cs call:form_alert() ?><?cs /if ?>
  <form method="post" action="/admin/priorities/<?cs var:Prio.id ?>/policies" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:policy_inputs() ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Prio.AddPolicyButton ?></button></div>
  </form>
</section>
</div>
</div>
<?cs else ?>
<?cs # ---------------------------------------------------------------- the list ?>
<?cs call:admin_start(L.Admin.Prio.Title) ?>
<?cs call:admin_head(L.Admin.Prio.Title, L.Admin.Prio.Help) ?>
<div class="admin-grid wide-form">
<section class="card list-card" aria-labelledby="prios-h">
  <h2 id="prios-h" class="sr"><?cs var:L.Admin.Prio.Title ?></h2>
  <div class="table-wrap">
  <table class="queue admin-table prio-table">
    <thead><tr><th scope="col"><?cs var:L.Admin.Prio.Level ?></th><th scope="col"><?cs var:L.Admin.Prio.Calendar ?></th><th scope="col"><?cs var:L.Admin.Prio.Classify ?></th><th scope="col"><?cs var:L.Admin.Prio.First ?></th><th scope="col"><?cs var:L.Admin.Prio.Resolution ?></th><th scope="col"><?cs var:L.Admin.Prio.Update ?></th><th scope="col"><?cs var:L.Admin.Prio.WarningShort ?></th><th scope="col"><?cs var:L.Admin.Prio.Policies ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.Prio.Edit ?></span></th></tr></thead>
    <tbody>
    <?cs each:p = Prios ?>
    <tr class="prio-row is-<?cs var:p.state ?>" data-id="<?cs var:p.id ?>" data-code="<?cs var:p.code ?>" data-state="<?cs var:p.state ?>">
      <td class="label"><?cs call:badge(p.color, p.name_zh) ?> <span class="other muted"><?cs var:p.name_en ?></span><?cs if:p.default == "1" ?> <span class="pill"><?cs var:L.Admin.Prio.Default ?></span><?cs /if ?><?cs if:p.state != "active" ?> <span class="state state-inactive"><?cs var:L.Admin.Prio.State.inactive ?></span><?cs /if ?></td>
      <td><?cs var:CalendarName[p.calendar] ?></td>
      <td><?cs call:sla_target(p.classify, L.Admin.Prio.DeskDefault) ?></td>
      <td class="first"><?cs call:sla_target(p.first, L.Admin.Prio.None) ?></td>
      <td><?cs call:sla_target(p.resolution, L.Admin.Prio.None) ?></td>
      <td><?cs call:sla_target(p.update, L.Admin.Prio.None) ?></td>
      <td><?cs var:p.warning ?>%</td>
      <td><?cs if:p.policies != "0" ?><a href="/admin/priorities/<?cs var:p.id ?>#policies"><?cs var:p.policies ?></a><?cs else ?><span class="muted">0</span><?cs /if ?></td>
      <td class="act"><a class="button small" href="/admin/priorities/<?cs var:p.id ?>"><?cs var:L.Admin.Prio.Edit ?></a></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <p class="hint small pad"><?cs var:L.Admin.Prio.OldTickets ?></p>
</section>
<section class="card form-card" aria-labelledby="new-h">
  <h2 id="new-h"><?cs var:L.Admin.Prio.NewTitle ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/priorities" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("code", L.Admin.Prio.Code, L.Admin.Prio.CodeHelp, "text", 1, 40) ?>
    <?cs call:field("name_zh", L.Admin.Prio.NameZh, "", "text", 1, 60) ?>
    <?cs call:field("name_en", L.Admin.Prio.NameEn, "", "text", 1, 60) ?>
    <div class="row">
    <?cs call:sla_number("rank", L.Admin.Prio.Rank, "", "", "", 1) ?>
    <?cs call:sla_select("color", L.Admin.Prio.Color, "", L.Admin.Prio.Colors, "", 1) ?>
    </div>
    <?cs call:level_targets() ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Prio.Create ?></button></div>
  </form>
</section>
</div>
<?cs /if ?>
<?cs call:admin_end() ?>
