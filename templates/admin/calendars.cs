<?cs include!"admin/macros.cs" ?>
<?cs include!"admin/sla_macros.cs" ?>
<?cs # The inputs every calendar form has: names, zone, the week. ?>
<?cs def:calendar_inputs() ?>
<div class="row">
<?cs call:field("name_zh", L.Admin.Cal.NameZh, "", "text", 1, 100) ?>
<?cs call:field("name_en", L.Admin.Cal.NameEn, "", "text", 1, 100) ?>
</div>
<div class="field<?cs if:Form.zone.error ?> has-error<?cs /if ?>">
  <label for="f-zone"><?cs var:L.Admin.Cal.Zone ?><?cs call:required_mark() ?></label>
  <input id="f-zone" name="zone" type="text" list="zones" maxlength="63" spellcheck="false" autocomplete="off" value="<?cs var:Form.zone.value ?>" required aria-required="true"<?cs if:Form.zone.error ?> aria-invalid="true"<?cs /if ?> aria-describedby="<?cs if:Form.zone.error ?>e-zone <?cs /if ?>h-zone">
  <datalist id="zones"><?cs each:z = L.Admin.Cal.Zones ?><option value="<?cs var:z ?>"><?cs /each ?></datalist>
  <?cs if:Form.zone.error ?><p class="error" id="e-zone"><?cs var:L.Err[Form.zone.error] ?></p><?cs /if ?>
  <p class="help" id="h-zone"><?cs var:L.Admin.Cal.ZoneHelp ?></p>
</div>
<fieldset class="week">
  <legend><?cs var:L.Admin.Cal.Week ?></legend>
  <p class="help"><?cs var:L.Admin.Cal.WeekHelp ?></p>
  <?cs each:d = L.Admin.Cal.Order ?><?cs set:n = "span_" + d ?>
  <div class="day-line<?cs if:Form[n].error ?> has-error<?cs /if ?>">
    <label for="f-<?cs var:n ?>"><?cs var:L.Admin.Cal.Weekdays[d] ?></label>
    <input id="f-<?cs var:n ?>" name="<?cs var:n ?>" type="text" maxlength="159" value="<?cs var:Form[n].value ?>" placeholder="<?cs var:L.Admin.Cal.DayOff ?>"<?cs if:Form[n].error ?> aria-invalid="true" aria-describedby="e-<?cs var:n ?>"<?cs /if ?>>
    <?cs if:Form[n].error ?><p class="error" id="e-<?cs var:n ?>"><?cs var:L.Err[Form[n].error] ?></p><?cs /if ?>
  </div>
  <?cs /each ?>
</fieldset>
<?cs /def ?>
<?cs def:crumbs() ?><p class="crumbs"><a href="/admin/"><?cs var:L.Admin.Title ?></a> <span aria-hidden="true">/</span> <a href="/admin/calendars"><?cs var:L.Admin.Cal.Title ?></a> <span aria-hidden="true">/</span></p><?cs /def ?>
<?cs def:kind_chip(kind) ?><span class="day-kind kind-<?cs var:kind ?>"><?cs var:L.Admin.Cal.Kinds[kind] ?></span><?cs /def ?>
<?cs if:Cal.id ?>
<?cs # ------------------------------------------------------------ one calendar ?>
<?cs call:admin_start(Cal.name_zh) ?>
<div class="admin-head">
  <?cs call:crumbs() ?>
  <h1><?cs var:Cal.name_zh ?> <span class="other muted"><?cs var:Cal.name_en ?></span> <code class="code-chip"><?cs var:Cal.code ?></code> <span class="state state-<?cs var:Cal.state ?>" id="cal-state" data-state="<?cs var:Cal.state ?>"><?cs var:L.Admin.Prio.State[Cal.state] ?></span></h1>
  <p class="lede"><?cs var:L.Admin.Cal.EditHelp ?></p>
</div>
<?cs if:Import.On ?>
<section class="card import-preview" id="import-preview" aria-labelledby="prev-h">
  <h2 id="prev-h"><?cs var:L.Admin.Cal.PreviewTitle ?></h2>
  <p class="counts"><span class="count-new"><?cs var:L.Admin.Cal.Status.new ?> <strong><?cs var:Import.new ?></strong></span> <span class="count-changed"><?cs var:L.Admin.Cal.Status.changed ?> <strong><?cs var:Import.changed ?></strong></span> <span class="count-same"><?cs var:L.Admin.Cal.Status.same ?> <strong><?cs var:Import.same ?></strong></span><?cs if:Import.timed > 0 || Import.repeating > 0 ?> <span class="muted"><?cs var:L.Admin.Cal.Skipped ?> <?cs var:Import.timed ?> / <?cs var:Import.repeating ?></span><?cs /if ?></p>
  <div class="table-wrap preview-wrap">
  <table class="queue admin-table preview-table">
    <thead><tr><th scope="col"><?cs var:L.Admin.Cal.Date ?></th><th scope="col"><?cs var:L.Admin.Cal.Kind ?></th><th scope="col"><?cs var:L.Admin.Cal.DayName ?></th><th scope="col"><?cs var:L.Admin.Cal.Effect ?></th></tr></thead>
    <tbody>
    <?cs each:d = Import.Days ?>
    <tr class="preview-row is-<?cs var:d.status ?>" data-date="<?cs var:d.date ?>" data-kind="<?cs var:d.kind ?>" data-status="<?cs var:d.status ?>"><td class="mono"><?cs var:d.date ?> <span class="muted"><?cs var:L.Admin.Cal.Weekdays[d.weekday] ?></span></td><td><?cs call:kind_chip(d.kind) ?></td><td><?cs var:d.name ?></td><td><span class="status-<?cs var:d.status ?>"><?cs var:L.Admin.Cal.Status[d.status] ?></span></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <form method="post" action="/admin/calendars/<?cs var:Cal.id ?>/import-confirm" class="confirm-form">
    <?cs call:csrf() ?>
    <input type="hidden" name="items" value="<?cs var:Import.items ?>">
    <button type="submit" class="primary"><?cs var:L.Admin.Cal.ConfirmImport ?></button>
    <a class="button" href="/admin/calendars/<?cs var:Cal.id ?>"><?cs var:L.Admin.Prio.Cancel ?></a>
  </form>
</section>
<?cs /if ?>
<?cs if:!DayForm && !ImportForm ?><?cs call:form_alert() ?><?cs /if ?>
<div class="sla-grid">
<section class="card form-card" aria-labelledby="cal-h">
  <h2 id="cal-h"><?cs var:L.Admin.Cal.HoursTitle ?></h2>
  <form method="post" action="/admin/calendars/<?cs var:Cal.id ?>" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:calendar_inputs() ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Prio.Save ?></button> <a class="button" href="/admin/calendars"><?cs var:L.Admin.Prio.Cancel ?></a></div>
  </form>
  <div class="state-box">
  <?cs if:Cal.state == "active" ?>
  <form method="post" action="/admin/calendars/<?cs var:Cal.id ?>/deactivate"><?cs call:csrf() ?><button type="submit" class="small danger-link"><?cs var:L.Admin.Prio.Deactivate ?></button> <span class="help"><?cs var:L.Admin.Cal.DeactivateHelp ?></span></form>
  <?cs else ?>
  <form method="post" action="/admin/calendars/<?cs var:Cal.id ?>/activate"><?cs call:csrf() ?><button type="submit" class="small"><?cs var:L.Admin.Prio.Activate ?></button></form>
  <?cs /if ?>
  </div>
</section>
<div class="side-col">
<section class="card list-card" id="days" aria-labelledby="days-h">
  <h2 id="days-h" class="card-title"><?cs var:L.Admin.Cal.DaysTitle ?> <span class="muted small"><?cs var:L.Admin.Cal.From ?> <?cs var:DaysFrom ?></span></h2>
  <?cs if:!Days.0.date ?><p class="empty"><?cs var:L.Admin.Cal.NoDays ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="queue admin-table day-table">
    <thead><tr><th scope="col"><?cs var:L.Admin.Cal.Date ?></th><th scope="col"><?cs var:L.Admin.Cal.Kind ?></th><th scope="col"><?cs var:L.Admin.Cal.DayName ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.Cal.Remove ?></span></th></tr></thead>
    <tbody>
    <?cs each:d = Days ?>
    <tr class="day-row" data-date="<?cs var:d.date ?>" data-kind="<?cs var:d.kind ?>"><td class="mono"><?cs var:d.date ?> <span class="muted"><?cs var:L.Admin.Cal.Weekdays[d.weekday] ?></span></td><td><?cs call:kind_chip(d.kind) ?></td><td><?cs var:d.name ?></td>
      <td class="act"><form method="post" action="/admin/calendars/<?cs var:Cal.id ?>/days-remove" class="inline-form"><?cs call:csrf() ?><input type="hidden" name="d_date" value="<?cs var:d.date ?>"><button type="submit" class="small danger-link"><?cs var:L.Admin.Cal.Remove ?><span class="sr"> <?cs var:d.date ?></span></button></form></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs /if ?>
  <?cs if:DaysNext ?><p class="pager"><a href="/admin/calendars/<?cs var:Cal.id ?>?from=<?cs var:DaysNext ?>#days"><?cs var:L.Admin.Cal.Later ?> →</a></p><?cs /if ?>
  <form method="post" action="/admin/calendars/<?cs var:Cal.id ?>/days" class="request admin-form day-form" novalidate>
    <?cs call:csrf() ?>
    <h3><?cs var:L.Admin.Cal.AddDay ?></h3>
    <?cs if:DayForm ?><?cs call:form_alert() ?><?cs /if ?>
    <div class="row">
    <?cs call:field("d_date", L.Admin.Cal.Date, "", "date", 1, 10) ?>
    <?cs set:KindOpts.holiday.code = "holiday" ?><?cs set:KindOpts.holiday.label = L.Admin.Cal.Kinds.holiday ?>
    <?cs set:KindOpts.workday.code = "workday" ?><?cs set:KindOpts.workday.label = L.Admin.Cal.Kinds.workday ?>
    <?cs call:choice("d_kind", L.Admin.Cal.Kind, "", KindOpts, 1, 0) ?>
    </div>
    <?cs call:field("d_name", L.Admin.Cal.DayName, L.Admin.Cal.DayNameHelp, "text", 0, 100) ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Cal.AddDayButton ?></button></div>
  </form>
</section>
<section class="card form-card" id="import" aria-labelledby="imp-h">
  <h2 id="imp-h"><?cs var:L.Admin.Cal.ImportTitle ?></h2>
  <p class="help"><?cs var:L.Admin.Cal.ImportHelp ?></p>
  <form method="post" action="/admin/calendars/<?cs var:Cal.id ?>/import" enctype="multipart/form-data" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <div class="field field-files<?cs if:Form.ics.error ?> has-error<?cs /if ?>">
      <label for="f-ics"><?cs var:L.Admin.Cal.IcsFile ?><?cs call:required_mark() ?></label>
      <input id="f-ics" name="ics" type="file" accept=".ics,text/calendar"<?cs if:Form.ics.error ?> aria-invalid="true" aria-describedby="e-ics"<?cs /if ?>>
      <?cs if:Form.ics.error ?><p class="error" id="e-ics"><?cs if:Form.ics.line ?><?cs var:L.Admin.Cal.Line ?> <?cs var:Form.ics.line ?>: <?cs /if ?><?cs var:L.Err[Form.ics.error] ?></p><?cs /if ?>
    </div>
    <div class="form-foot"><button type="submit"><?cs var:L.Admin.Cal.Preview ?></button></div>
  </form>
</section>
</div>
</div>
<?cs else ?>
<?cs # ------------------------------------------------------------ the list ?>
<?cs call:admin_start(L.Admin.Cal.Title) ?>
<?cs call:admin_head(L.Admin.Cal.Title, L.Admin.Cal.Help) ?>
<div class="admin-grid wide-form">
<section class="card list-card" aria-labelledby="cals-h">
  <h2 id="cals-h" class="sr"><?cs var:L.Admin.Cal.Title ?></h2>
  <?cs if:!Cals.0.id ?><p class="empty"><?cs var:L.Admin.Cal.Empty ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="queue admin-table cal-table">
    <thead><tr><th scope="col"><?cs var:L.Admin.Cal.Name ?></th><th scope="col"><?cs var:L.Admin.Cal.Zone ?></th><th scope="col"><?cs var:L.Admin.Cal.WeekHours ?></th><th scope="col"><?cs var:L.Admin.Cal.Coming ?></th><th scope="col"><?cs var:L.Admin.Cal.UsedBy ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.Prio.Edit ?></span></th></tr></thead>
    <tbody>
    <?cs each:c = Cals ?>
    <tr class="cal-row is-<?cs var:c.state ?>" data-id="<?cs var:c.id ?>" data-code="<?cs var:c.code ?>" data-state="<?cs var:c.state ?>">
      <td class="label"><a href="/admin/calendars/<?cs var:c.id ?>"><?cs var:c.name_zh ?></a> <span class="other muted"><?cs var:c.name_en ?></span><?cs if:c.state != "active" ?> <span class="state state-inactive"><?cs var:L.Admin.Prio.State.inactive ?></span><?cs /if ?></td>
      <td><code><?cs var:c.zone ?></code></td>
      <td><?cs if:#CalFacts[c.id].week > 0 ?><?cs call:duration(CalFacts[c.id].week) ?><?cs else ?><span class="muted"><?cs var:L.Admin.Prio.None ?></span><?cs /if ?></td>
      <td><?cs if:#CalFacts[c.id].holidays > 0 ?><?cs call:kind_chip("holiday") ?> <?cs var:CalFacts[c.id].holidays ?><?cs /if ?><?cs if:#CalFacts[c.id].workdays > 0 ?> <?cs call:kind_chip("workday") ?> <?cs var:CalFacts[c.id].workdays ?><?cs /if ?><?cs if:#CalFacts[c.id].holidays == 0 && #CalFacts[c.id].workdays == 0 ?><span class="muted">—</span><?cs /if ?></td>
      <td class="small"><?cs if:CalFacts[c.id].users ?><?cs var:CalFacts[c.id].users ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
      <td class="act"><a class="button small" href="/admin/calendars/<?cs var:c.id ?>"><?cs var:L.Admin.Prio.Edit ?></a></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs /if ?>
</section>
<section class="card form-card" aria-labelledby="new-h">
  <h2 id="new-h"><?cs var:L.Admin.Cal.NewTitle ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/calendars" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("code", L.Admin.Prio.Code, L.Admin.Cal.CodeHelp, "text", 1, 40) ?>
    <?cs call:calendar_inputs() ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Cal.Create ?></button></div>
  </form>
</section>
</div>
<?cs /if ?>
<?cs call:admin_end() ?>
