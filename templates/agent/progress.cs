<?cs include!"agent/layout.cs" ?>
<?cs call:agent_start(L.Agent.Progress.Title) ?>
<?cs # One deadline: the time, then met / missed (and how late) once done, or
       the live chip (time left or over) while it runs. ?>
<?cs def:deadline_cell(d) ?><?cs if:d.state == "none" ?><span class="muted"><?cs var:L.Agent.Met.none ?></span><?cs else ?><time datetime="<?cs var:d.iso ?>"><?cs var:d ?></time><?cs if:d.state == "done" ?><span class="met met-<?cs var:d.met ?>"><?cs var:L.Agent.Met[d.met] ?><?cs if:d.late.total ?> · <?cs var:L.Agent.Progress.Late ?> <?cs call:span(d.late) ?><?cs /if ?></span><?cs else ?><?cs call:sla_chip(d) ?><?cs /if ?><?cs /if ?><?cs /def ?>
<div class="page-head">
  <h1><?cs var:L.Agent.Progress.Title ?></h1>
  <a class="button export" href="/agent/progress.csv?<?cs var:QueryString ?>" download><?cs var:L.Agent.Progress.Export ?></a>
</div>
<form class="filters" method="get" action="/agent/progress" aria-label="<?cs var:L.Agent.Queue.Filters ?>">
  <label><span><?cs var:L.Agent.Col.team ?></span> <select name="team"><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:t = Catalog.Teams ?><option value="<?cs var:t.id ?>"<?cs if:t.id == Filter.team ?> selected<?cs /if ?>><?cs var:t.name ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Agent.Col.category ?></span> <select name="category"><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:c = Catalog.AllCategories ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.category ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Agent.Col.priority ?></span> <select name="priority"><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:p = Catalog.PriorityList ?><option value="<?cs var:p.id ?>"<?cs if:p.id == Filter.priority ?> selected<?cs /if ?>><?cs var:p.name ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Agent.Col.status ?></span> <select name="status"><option value=""><?cs var:L.Agent.Filter.Any ?></option><?cs each:s = L.Status ?><option value="<?cs name:s ?>"<?cs if:name(s) == Filter.status ?> selected<?cs /if ?>><?cs if:L.Agent.St[name(s)] ?><?cs var:L.Agent.St[name(s)] ?><?cs else ?><?cs var:s ?><?cs /if ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Agent.Col.owner ?></span> <select name="owner"><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:a = Agents ?><option value="<?cs var:a.id ?>"<?cs if:a.id == Filter.owner ?> selected<?cs /if ?>><?cs var:a.name ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Agent.Progress.From ?></span> <input type="date" name="from" value="<?cs var:Filter.from ?>"></label>
  <label><span><?cs var:L.Agent.Progress.To ?></span> <input type="date" name="to" value="<?cs var:Filter.to ?>"></label>
  <div class="filter-go">
    <button type="submit"><?cs var:L.Agent.Filter.Apply ?></button>
    <a class="reset" href="/agent/progress"><?cs var:L.Agent.Filter.Reset ?></a>
  </div>
</form>
<div class="table-wrap">
<table class="queue progress">
  <caption class="sr"><?cs var:L.Agent.Progress.Title ?></caption>
  <thead><tr><th scope="col" class="c-num"><?cs var:L.Agent.Col.number ?></th><th scope="col" class="c-subj"><?cs var:L.Agent.Col.subject ?> · <?cs var:L.Agent.Col.customer ?></th><th scope="col"><?cs var:L.Agent.Col.priority ?></th><th scope="col"><?cs var:L.Agent.Col.status ?></th><th scope="col"><?cs var:L.Agent.Col.owner ?></th><th scope="col"><?cs var:L.Agent.Col.created ?></th><th scope="col"><?cs var:L.Agent.Progress.FirstResponse ?></th><th scope="col"><?cs var:L.Agent.Progress.Resolution ?></th><th scope="col"><?cs var:L.Agent.Progress.Updated ?></th><th scope="col" class="c-spent"><?cs var:L.Agent.Progress.Spent ?></th></tr></thead>
  <tbody>
  <?cs each:r = Rows ?>
  <tr data-href="/agent/t/<?cs var:url_escape(r.number) ?>" class="p-<?cs var:r.priority ?>">
    <td class="num"><a href="/agent/t/<?cs var:url_escape(r.number) ?>"><?cs var:r.number ?></a></td>
    <td class="subj"><bdi class="subj-text"><?cs var:r.subject ?></bdi><span class="subj-sub"><span class="cust"><?cs var:r.customer ?></span> · <span class="cat"><?cs var:Catalog.CategoryName[r.category] ?></span></span></td>
    <td><?cs call:priority_badge(r.priority) ?></td>
    <td><?cs call:status_pill(r.status) ?></td>
    <td class="owner"><?cs if:r.owner ?><span class="cut" title="<?cs var:r.owner ?>"><?cs var:r.owner ?></span><?cs else ?><span class="muted"><?cs var:L.Agent.Ticket.Nobody ?></span><?cs /if ?></td>
    <td class="when"><?cs var:r.created ?></td>
    <td class="when deadline"><?cs call:deadline_cell(r.first) ?></td>
    <td class="when deadline"><?cs call:deadline_cell(r.resolve) ?></td>
    <td class="when"><?cs var:r.updated ?></td>
    <td class="spent" data-minutes="<?cs var:r.spent_minutes ?>"><?cs if:r.spent_minutes > 0 ?><?cs call:span(r.spent) ?><?cs else ?><span class="muted">–</span><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs if:!Rows.0.number ?><p class="empty"><?cs var:L.Agent.Queue.Empty ?></p><?cs /if ?>
<?cs if:Next ?><p class="pager"><a href="/agent/progress?after=<?cs var:url_escape(Next) ?>&amp;team=<?cs var:Filter.team ?>&amp;category=<?cs var:Filter.category ?>&amp;priority=<?cs var:Filter.priority ?>&amp;status=<?cs var:url_escape(Filter.status) ?>&amp;owner=<?cs var:Filter.owner ?>&amp;from=<?cs var:url_escape(Filter.from) ?>&amp;to=<?cs var:url_escape(Filter.to) ?>"><?cs var:L.Agent.Queue.More ?> →</a></p><?cs /if ?>
<?cs call:agent_end() ?>
