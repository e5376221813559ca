<?cs include!"admin/macros.cs" ?>
<?cs call:admin_start(L.Admin.Audit.Title) ?>
<?cs # A value in words (cgi/admin_audit.c names codes); minutes as a duration. ?>
<?cs def:audit_value(c, v) ?><?cs if:c.kind == "minutes" ?><?cs if:#v > 0 ?><?cs call:duration(v) ?><?cs else ?><?cs var:L.Admin.Audit.NoValue ?><?cs /if ?><?cs elif:c.kind == "percent" ?><?cs var:v ?><?cs var:L.Admin.Audit.Percent ?><?cs elif:v == "" ?><?cs var:L.Admin.Audit.NoValue ?><?cs else ?><?cs var:v ?><?cs /if ?><?cs /def ?>
<?cs call:admin_head(L.Admin.Audit.Title, L.Admin.Audit.Help) ?>
<form class="filters audit-filters" method="get" action="/admin/audit">
  <label><span><?cs var:L.Admin.Audit.Entity ?></span>
  <select name="entity"><option value=""><?cs var:L.Admin.Audit.Any ?></option><?cs each:e = Entities ?><option value="<?cs var:e ?>"<?cs if:e == Filter.entity ?> selected<?cs /if ?>><?cs if:L.Admin.Entity[e] ?><?cs var:L.Admin.Entity[e] ?><?cs else ?><?cs var:e ?><?cs /if ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Admin.Audit.Admin ?></span>
  <select name="agent"><option value=""><?cs var:L.Admin.Audit.Any ?></option><?cs each:a = Admins ?><option value="<?cs var:a.id ?>"<?cs if:a.id == Filter.agent ?> selected<?cs /if ?>><?cs var:a.name ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Admin.Audit.From ?></span><input type="date" name="from" value="<?cs var:Filter.from ?>"<?cs if:Filter.error ?> aria-invalid="true" aria-describedby="date-error"<?cs /if ?>></label>
  <label><span><?cs var:L.Admin.Audit.To ?></span><input type="date" name="to" value="<?cs var:Filter.to ?>"<?cs if:Filter.error ?> aria-invalid="true"<?cs /if ?>></label>
  <span class="filter-go"><button type="submit"><?cs var:L.Admin.Audit.Filter ?></button> <a class="reset" href="/admin/audit"><?cs var:L.Admin.Audit.Reset ?></a></span>
</form>
<?cs if:Filter.error ?><div class="alert" role="alert" id="date-error"><?cs var:L.Admin.Audit.BadDate ?></div><?cs /if ?>
<?cs if:!Rows.0.id ?><p class="empty"><?cs var:L.Admin.Audit.Empty ?></p><?cs else ?>
<div class="table-wrap card list-card">
<table class="queue admin-table audit">
  <thead><tr><th scope="col"><?cs var:L.Admin.Audit.When ?></th><th scope="col"><?cs var:L.Admin.Audit.Who ?></th><th scope="col"><?cs var:L.Admin.Audit.What ?></th><th scope="col"><?cs var:L.Admin.Audit.Changes ?></th></tr></thead>
  <tbody>
  <?cs each:r = Rows ?>
  <tr class="audit-row" data-id="<?cs var:r.id ?>" data-entity="<?cs var:r.entity ?>" data-action="<?cs var:r.action ?>">
    <td class="when"><time datetime="<?cs var:r.at.iso ?>"><?cs var:r.at ?></time></td>
    <td class="who-cell"><?cs if:r.who ?><?cs var:r.who ?><?cs else ?><?cs var:L.Admin.Audit.System ?><?cs /if ?><?cs if:r.ip ?><br><span class="muted small mono"><?cs var:r.ip ?></span><?cs /if ?></td>
    <td class="what"><span class="action action-<?cs var:r.action ?>"><?cs if:L.Admin.Action[r.action] ?><?cs var:L.Admin.Action[r.action] ?><?cs else ?><?cs var:r.action ?><?cs /if ?></span> <?cs if:L.Admin.Entity[r.entity] ?><?cs var:L.Admin.Entity[r.entity] ?><?cs else ?><?cs var:r.entity ?><?cs /if ?> <code>#<?cs var:r.entity_id ?></code><?cs if:r.setting ?><br><span class="title"><?cs var:r.setting ?></span><?cs elif:r.title ?><br><span class="title"><?cs var:r.title ?></span><?cs /if ?></td>
    <td class="changes"><?cs if:r.Changes.0.field ?><dl class="diff"><?cs each:c = r.Changes ?><div class="diff-row" data-field="<?cs var:c.field ?>"><dt><?cs var:c.label ?></dt><dd><?cs if:c.null_old ?><ins class="added"><?cs call:audit_value(c, c.new) ?></ins><?cs elif:c.null_new ?><del><?cs call:audit_value(c, c.old) ?></del> <span class="arrow" aria-hidden="true">→</span> <span class="unset"><?cs var:L.Admin.Audit.Unset ?></span><?cs else ?><del><?cs call:audit_value(c, c.old) ?></del> <span class="arrow" aria-hidden="true">→</span> <ins><?cs call:audit_value(c, c.new) ?></ins><?cs /if ?></dd></div><?cs /each ?></dl><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs if:Next ?><p class="pager"><a href="/admin/audit?entity=<?cs var:url_escape(Filter.entity) ?>&amp;agent=<?cs if:Filter.agent != "0" ?><?cs var:Filter.agent ?><?cs /if ?>&amp;from=<?cs var:url_escape(Filter.from) ?>&amp;to=<?cs var:url_escape(Filter.to) ?>&amp;before=<?cs var:Next ?>"><?cs var:L.Admin.Audit.Next ?> →</a></p><?cs /if ?>
<?cs /if ?>
<?cs call:admin_end() ?>
