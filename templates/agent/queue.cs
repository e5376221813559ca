<?cs include!"agent/layout.cs" ?>
<?cs call:agent_start(L.Agent.Queue[Queue.code]) ?>
<div class="page-head">
  <h1><?cs var:L.Agent.Queue[Queue.code] ?></h1>
  <?cs each:n = Nav ?><?cs if:n.code == Queue.code ?><p class="page-count"><?cs var:L.Agent.Queue.CountBefore ?> <strong><?cs var:n.count ?></strong> <?cs var:L.Agent.Queue.CountAfter ?></p><?cs /if ?><?cs /each ?>
</div>
<form class="filters" method="get" action="/agent/q/<?cs var:Queue.code ?>" aria-label="<?cs var:L.Agent.Queue.Filters ?>">
  <label><span><?cs var:L.Agent.Col.category ?></span>
    <select name="category"><option value="0"><?cs var:L.Agent.Filter.Any ?></option>
    <?cs each:c = Catalog.AllCategories ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.category ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Agent.Col.priority ?></span>
    <select name="priority"><option value="0"><?cs var:L.Agent.Filter.Any ?></option>
    <?cs each:p = Catalog.PriorityList ?><option value="<?cs var:p.id ?>"<?cs if:p.id == Filter.priority ?> selected<?cs /if ?>><?cs var:p.name ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Agent.Col.status ?></span>
    <select name="status"><option value=""><?cs var:L.Agent.Filter.Any ?></option>
    <?cs each:s = L.Status ?><option value="<?cs name:s ?>"<?cs if:name(s) == Filter.status ?> selected<?cs /if ?>><?cs if:L.Agent.St[name(s)] ?><?cs var:L.Agent.St[name(s)] ?><?cs else ?><?cs var:s ?><?cs /if ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Agent.Col.channel ?></span>
    <select name="channel"><option value="0"><?cs var:L.Agent.Filter.Any ?></option>
    <?cs each:c = Catalog.Channels ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.channel ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select></label>
  <?cs if:Queue.code == "team" || Queue.code == "unassigned" || Queue.code == "at_risk" || Queue.code == "overdue" || Queue.code == "waiting" || Queue.code == "closed" ?>
  <label><span><?cs var:L.Agent.Col.team ?></span>
    <select name="team"><option value="0"><?cs var:L.Agent.Filter.Any ?></option>
    <?cs each:t = Catalog.Teams ?><option value="<?cs var:t.id ?>"<?cs if:t.id == Filter.team ?> selected<?cs /if ?>><?cs var:t.name ?></option><?cs /each ?></select></label>
  <?cs /if ?>
  <label class="kw"><span><?cs var:L.Agent.Filter.Keyword ?></span> <input name="q" type="search" value="<?cs var:Filter.q ?>" size="14"></label>
  <div class="filter-go">
    <button type="submit"><?cs var:L.Agent.Filter.Apply ?></button>
    <a class="reset" href="/agent/q/<?cs var:Queue.code ?>"><?cs var:L.Agent.Filter.Reset ?></a>
  </div>
</form>
<?cs if:Filter.error ?><p class="alert" role="alert"><?cs if:Filter.error == "too_long" ?><?cs call:too_long(Filter.max, Filter.chars) ?><?cs else ?><?cs var:L.Err.control ?><?cs /if ?><?cs call:gap() ?><?cs var:L.Agent.Filter.NotSearched ?></p><?cs /if ?>
<?cs if:RowCount == 0 ?>
<p class="empty"><?cs if:Filter.q ?><?cs var:L.Agent.Queue.EmptySearch.Before ?><?cs if:Lang.Code == "en" ?> <?cs /if ?>“<?cs var:Filter.q ?>”<?cs if:Lang.Code == "en" ?> <?cs /if ?><?cs var:L.Agent.Queue.EmptySearch.After ?> <a href="/agent/q/<?cs var:Queue.code ?>"><?cs var:L.Agent.Filter.Reset ?></a><?cs elif:Filter.category != "0" || Filter.priority != "0" || Filter.owner != "0" || Filter.channel != "0" || Filter.team != "0" || Filter.status ?><?cs var:L.Agent.Queue.EmptyFiltered ?> <a href="/agent/q/<?cs var:Queue.code ?>"><?cs var:L.Agent.Filter.Reset ?></a><?cs else ?><?cs var:L.Agent.Queue.Empty ?><?cs /if ?></p>
<?cs else ?>
<div class="table-wrap">
<table class="queue">
  <caption class="sr"><?cs var:L.Agent.Queue[Queue.code] ?></caption>
  <thead><tr>
    <th scope="col" class="c-num"><?cs var:L.Agent.Col.number ?></th><th scope="col" class="c-subj"><?cs var:L.Agent.Col.subject ?></th>
    <th scope="col" class="c-cust"><?cs var:L.Agent.Col.customer ?></th><th scope="col" class="c-cat"><?cs var:L.Agent.Col.category ?></th>
    <th scope="col" class="c-prio"><?cs var:L.Agent.Col.priority ?></th><th scope="col" class="c-st"><?cs var:L.Agent.Col.status ?></th>
    <th scope="col" class="c-owner"><?cs var:L.Agent.Col.owner ?></th><th scope="col" class="c-due"><?cs if:Queue.code == "closed" ?><?cs var:L.Agent.Col.closed ?><?cs else ?><?cs var:L.Agent.Col.due ?><?cs /if ?></th>
  </tr></thead>
  <tbody>
  <?cs each:r = Rows ?>
    <tr data-href="/agent/t/<?cs var:url_escape(r.number) ?>" class="p-<?cs var:r.priority ?><?cs if:r.due.state == "breach" ?> is-breach<?cs /if ?>">
      <td class="num"><a href="/agent/t/<?cs var:url_escape(r.number) ?>"><?cs var:r.number ?></a></td>
      <td class="subj"><?cs var:r.subject ?></td>
      <td class="cust"><span class="cust-name" title="<?cs var:r.customer ?>"><bdi><?cs var:r.customer ?></bdi></span><?cs call:tag_list(r.tags) ?></td>
      <td class="cat"><span class="cut" title="<?cs var:Catalog.CategoryName[r.category] ?>"><?cs var:Catalog.CategoryName[r.category] ?></span></td>
      <td><?cs call:priority_badge(r.priority) ?></td>
      <td><?cs call:status_pill(r.status) ?></td>
      <td class="owner"><?cs if:r.owner ?><?cs var:r.owner ?><?cs else ?><span class="muted"><?cs var:L.Agent.Ticket.Nobody ?></span><?cs /if ?></td>
      <td class="due"><?cs if:Queue.code == "closed" ?><span class="when"><?cs var:r.closed_at ?></span><?cs else ?><?cs call:row_chip(r.due, r.status) ?><?cs if:r.workaround.state && r.workaround.state != "none" ?> <span class="wa-badge wa-<?cs var:r.workaround.state ?>" title="<?cs var:L.Workaround.BadgeTitle ?> <?cs var:r.workaround ?>"><?cs var:L.Workaround.Badge ?> <?cs call:left_text(r.workaround) ?></span><?cs /if ?><?cs /if ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs if:Next ?><p class="pager"><a href="/agent/q/<?cs var:Queue.code ?>?after=<?cs var:url_escape(Next) ?>&amp;category=<?cs var:Filter.category ?>&amp;priority=<?cs var:Filter.priority ?>&amp;status=<?cs var:url_escape(Filter.status) ?>&amp;channel=<?cs var:Filter.channel ?>&amp;team=<?cs var:Filter.team ?>&amp;q=<?cs var:url_escape(Filter.q) ?>"><?cs var:L.Agent.Queue.More ?> →</a></p><?cs /if ?>
<?cs /if ?>
<?cs call:agent_end() ?>
