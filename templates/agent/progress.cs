<?cs include!"agent/layout.cs" ?>
<?cs call:agent_start(L.Agent.Progress.Title) ?>
<h1><?cs var:L.Agent.Progress.Title ?></h1>
<form class="filters" method="get" action="/agent/progress">
  <label><?cs var:L.Agent.Col.team ?> <select name="team"><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:t = Catalog.Teams ?><option value="<?cs var:t.id ?>"<?cs if:t.id == Filter.team ?> selected<?cs /if ?>><?cs var:t.name ?></option><?cs /each ?></select></label>
  <label><?cs var:L.Agent.Col.category ?> <select name="category"><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:c = Catalog.AllCategories ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.category ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select></label>
  <label><?cs var:L.Agent.Col.priority ?> <select name="priority"><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:p = Catalog.PriorityList ?><option value="<?cs var:p.id ?>"<?cs if:p.id == Filter.priority ?> selected<?cs /if ?>><?cs var:p.name ?></option><?cs /each ?></select></label>
  <label><?cs var:L.Agent.Col.status ?> <select name="status"><option value=""><?cs var:L.Agent.Filter.Any ?></option><?cs each:s = L.Status ?><option value="<?cs name:s ?>"<?cs if:name(s) == Filter.status ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /each ?></select></label>
  <label><?cs var:L.Agent.Col.owner ?> <select name="owner"><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:a = Agents ?><option value="<?cs var:a.id ?>"<?cs if:a.id == Filter.owner ?> selected<?cs /if ?>><?cs var:a.name ?></option><?cs /each ?></select></label>
  <label><?cs var:L.Agent.Progress.From ?> <input type="date" name="from" value="<?cs var:Filter.from ?>"></label>
  <label><?cs var:L.Agent.Progress.To ?> <input type="date" name="to" value="<?cs var:Filter.to ?>"></label>
  <button type="submit"><?cs var:L.Agent.Filter.Apply ?></button>
  <a class="button" href="/agent/progress.csv?<?cs var:QueryString ?>"><?cs var:L.Agent.Progress.Export ?></a>
</form>
<table class="queue progress">
  <thead><tr><th scope="col"><?cs var:L.Agent.Col.number ?></th><th scope="col"><?cs var:L.Agent.Col.customer ?></th><th scope="col"><?cs var:L.Agent.Col.category ?></th><th scope="col"><?cs var:L.Agent.Col.priority ?></th><th scope="col"><?cs var:L.Agent.Col.status ?></th><th scope="col"><?cs var:L.Agent.Col.owner ?></th><th scope="col"><?cs var:L.Agent.Col.created ?></th><th scope="col"><?cs var:L.Agent.Progress.FirstResponse ?></th><th scope="col"><?cs var:L.Agent.Progress.Resolution ?></th><th scope="col"><?cs var:L.Agent.Progress.Updated ?></th></tr></thead>
  <tbody>
  <?cs each:r = Rows ?>
  <tr>
    <td class="num"><a href="/agent/t/<?cs var:url_escape(r.number) ?>"><?cs var:r.number ?></a></td>
    <td><?cs var:r.customer ?></td>
    <td><?cs var:Catalog.CategoryName[r.category] ?></td>
    <td><?cs call:priority_badge(r.priority) ?></td>
    <td><span class="status st-<?cs var:r.status ?>"><?cs var:L.Status[r.status] ?></span></td>
    <td><?cs var:r.owner ?></td>
    <td><?cs var:r.created ?></td>
    <td><?cs var:r.first_due ?> <span class="met met-<?cs var:r.first_met ?>"><?cs var:L.Agent.Met[r.first_met] ?></span></td>
    <td><?cs var:r.resolve_due ?> <span class="met met-<?cs var:r.resolve_met ?>"><?cs var:L.Agent.Met[r.resolve_met] ?></span></td>
    <td><?cs var:r.updated ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs if:Next ?><p class="pager"><a href="/agent/progress?after=<?cs var:url_escape(Next) ?>&amp;team=<?cs var:Filter.team ?>&amp;category=<?cs var:Filter.category ?>&amp;priority=<?cs var:Filter.priority ?>&amp;status=<?cs var:url_escape(Filter.status) ?>&amp;owner=<?cs var:Filter.owner ?>&amp;from=<?cs var:url_escape(Filter.from) ?>&amp;to=<?cs var:url_escape(Filter.to) ?>"><?cs var:L.Agent.Queue.More ?> →</a></p><?cs /if ?>
<?cs call:agent_end() ?>
