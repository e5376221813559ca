<?cs include!"admin/macros.cs" ?><?cs include!"admin/notify_macros.cs" ?>
<?cs # One event in one language: what is used, and the way to the form. ?>
<?cs def:tpl_cell(e, code) ?><?cs set:st = Custom[e.kind][code] ?>
      <td class="tpl-cell" data-lang="<?cs var:code ?>" data-state="<?cs if:st ?><?cs var:st ?><?cs else ?>none<?cs /if ?>">
        <?cs if:st ?><?cs call:tpl_state(st) ?><?cs else ?><?cs call:tpl_state("none") ?><?cs /if ?>
        <a class="button small" href="/admin/notifications/templates/<?cs var:e.kind ?>.<?cs var:code ?>"><?cs if:st ?><?cs var:L.Admin.Notify.Edit ?><?cs else ?><?cs var:L.Admin.Notify.Customise ?><?cs /if ?><span class="sr"> <?cs var:L.Admin.Notify.Event[e.kind].name ?> <?cs var:L.Admin.Notify.Lang[code] ?></span></a>
        <?cs if:st ?><span class="small muted tpl-at"><?cs var:Custom[e.kind][code].at ?></span><?cs /if ?>
      </td><?cs /def ?>
<?cs call:admin_start(L.Admin.Notify.Title) ?>
<?cs call:admin_head(L.Admin.Section.notifications.name, L.Admin.Notify.Help) ?>
<?cs call:notify_tabs("templates") ?>
<section class="card list-card" aria-labelledby="events-h">
  <h2 id="events-h" class="sr"><?cs var:L.Admin.Notify.Title ?></h2>
  <div class="table-wrap">
  <table class="queue admin-table notify-events">
    <thead><tr><th scope="col"><?cs var:L.Admin.Notify.Col.event ?></th><th scope="col"><?cs var:L.Admin.Notify.Col.to ?></th><th scope="col"><?cs var:L.Admin.Notify.Lang.zh ?></th><th scope="col"><?cs var:L.Admin.Notify.Lang.en ?></th></tr></thead>
    <tbody>
    <?cs each:e = Events ?>
    <tr class="event-row" data-kind="<?cs var:e.kind ?>">
      <th scope="row"><span class="event-name"><?cs var:L.Admin.Notify.Event[e.kind].name ?></span><br><span class="small muted"><?cs var:L.Admin.Notify.Event[e.kind].when ?></span> <code class="code-chip small"><?cs var:e.kind ?></code></th>
      <td><span class="pill pill-<?cs var:e.to ?>"><?cs var:L.Admin.Notify.To[e.to] ?></span></td>
      <?cs call:tpl_cell(e, "zh") ?><?cs call:tpl_cell(e, "en") ?>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
</section>
<p class="note small muted notify-note"><?cs var:L.Admin.Notify.SmsNote ?></p>
<?cs call:admin_end() ?>
