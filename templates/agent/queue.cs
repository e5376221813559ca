<?cs include!"agent/layout.cs" ?>
<?cs call:agent_start(L.Agent.Queue[Queue.code]) ?>
<h1><?cs var:L.Agent.Queue[Queue.code] ?></h1>
<form class="filters" method="get" action="/agent/q/<?cs var:Queue.code ?>">
  <label><?cs var:L.Agent.Col.category ?>
    <select name="category"><option value="0"><?cs var:L.Agent.Filter.Any ?></option>
    <?cs each:c = Catalog.AllCategories ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.category ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select></label>
  <label><?cs var:L.Agent.Col.priority ?>
    <select name="priority"><option value="0"><?cs var:L.Agent.Filter.Any ?></option>
    <?cs each:p = Catalog.PriorityList ?><option value="<?cs var:p.id ?>"<?cs if:p.id == Filter.priority ?> selected<?cs /if ?>><?cs var:p.name ?></option><?cs /each ?></select></label>
  <label><?cs var:L.Agent.Col.status ?>
    <select name="status"><option value=""><?cs var:L.Agent.Filter.Any ?></option>
    <?cs each:s = L.Status ?><option value="<?cs name:s ?>"<?cs if:name(s) == Filter.status ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /each ?></select></label>
  <label><?cs var:L.Agent.Col.channel ?>
    <select name="channel"><option value="0"><?cs var:L.Agent.Filter.Any ?></option>
    <?cs each:c = Catalog.Channels ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.channel ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select></label>
  <?cs if:Queue.code == "team" || Queue.code == "unassigned" || Queue.code == "at_risk" || Queue.code == "overdue" || Queue.code == "waiting" || Queue.code == "closed" ?>
  <label><?cs var:L.Agent.Col.team ?>
    <select name="team"><option value="0"><?cs var:L.Agent.Filter.Any ?></option>
    <?cs each:t = Catalog.Teams ?><option value="<?cs var:t.id ?>"<?cs if:t.id == Filter.team ?> selected<?cs /if ?>><?cs var:t.name ?></option><?cs /each ?></select></label>
  <?cs /if ?>
  <label><?cs var:L.Agent.Filter.Keyword ?> <input name="q" value="<?cs var:Filter.q ?>" size="14"></label>
  <button type="submit"><?cs var:L.Agent.Filter.Apply ?></button>
  <a href="/agent/q/<?cs var:Queue.code ?>"><?cs var:L.Agent.Filter.Reset ?></a>
</form>
<?cs if:RowCount == 0 ?>
<p class="empty"><?cs var:L.Agent.Queue.Empty ?></p>
<?cs else ?>
<table class="queue">
  <thead><tr>
    <th scope="col"><?cs var:L.Agent.Col.number ?></th><th scope="col"><?cs var:L.Agent.Col.subject ?></th>
    <th scope="col"><?cs var:L.Agent.Col.customer ?></th><th scope="col"><?cs var:L.Agent.Col.category ?></th>
    <th scope="col"><?cs var:L.Agent.Col.priority ?></th><th scope="col"><?cs var:L.Agent.Col.status ?></th>
    <th scope="col"><?cs var:L.Agent.Col.owner ?></th><th scope="col"><?cs if:Queue.code == "closed" ?><?cs var:L.Agent.Col.closed ?><?cs else ?><?cs var:L.Agent.Col.due ?><?cs /if ?></th>
  </tr></thead>
  <tbody>
  <?cs each:r = Rows ?>
    <tr data-href="/agent/t/<?cs var:url_escape(r.number) ?>">
      <td class="num"><a href="/agent/t/<?cs var:url_escape(r.number) ?>"><?cs var:r.number ?></a></td>
      <td class="subj"><?cs var:r.subject ?></td>
      <td><?cs var:r.customer ?><?cs call:tag_list(r.tags) ?></td>
      <td><?cs var:Catalog.CategoryName[r.category] ?></td>
      <td><?cs call:priority_badge(r.priority) ?></td>
      <td><span class="status st-<?cs var:r.status ?>"><?cs var:L.Status[r.status] ?></span></td>
      <td><?cs if:r.owner ?><?cs var:r.owner ?><?cs else ?><span class="muted"><?cs var:L.Agent.Ticket.Nobody ?></span><?cs /if ?></td>
      <td><?cs if:Queue.code == "closed" ?><?cs var:r.closed_at ?><?cs else ?><?cs call:sla_chip(r.due) ?><?cs /if ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs if:Next ?><p class="pager"><a href="/agent/q/<?cs var:Queue.code ?>?after=<?cs var:url_escape(Next) ?>&amp;category=<?cs var:Filter.category ?>&amp;priority=<?cs var:Filter.priority ?>&amp;status=<?cs var:url_escape(Filter.status) ?>&amp;channel=<?cs var:Filter.channel ?>&amp;team=<?cs var:Filter.team ?>&amp;q=<?cs var:url_escape(Filter.q) ?>"><?cs var:L.Agent.Queue.More ?> →</a></p><?cs /if ?>
<?cs /if ?>
<?cs call:agent_end() ?>
