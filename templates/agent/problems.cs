<?cs include!"agent/layout.cs" ?>
<?cs # /agent/problems: the problem records one may see (cgi/agent/problems.c). ?>
<?cs call:agent_start(L.Review.Problem.List) ?>
<div class="page-head">
  <h1><?cs var:L.Review.Problem.List ?></h1>
  <a class="button primary" href="/agent/problems/new"><?cs var:L.Review.Problem.New ?></a>
</div>
<p class="muted page-help"><?cs var:L.Review.Problem.ListHelp ?></p>
<form class="filters" method="get" action="/agent/problems" aria-label="<?cs var:L.Review.Problem.Filter ?>">
  <label><span><?cs var:L.Review.Problem.Status ?></span>
    <select name="status"><option value=""><?cs var:L.Review.Problem.AllStatuses ?></option>
    <?cs each:s = Statuses ?><option value="<?cs var:s ?>"<?cs if:s == Filter.status ?> selected<?cs /if ?>><?cs var:L.Review.Problem.St[s] ?></option><?cs /each ?></select></label>
  <div class="filter-go"><button type="submit"><?cs var:L.Agent.Filter.Apply ?></button></div>
</form>
<?cs if:RowCount == 0 ?>
<p class="empty"><?cs var:L.Review.Problem.Empty ?></p>
<?cs else ?>
<div class="table-wrap">
<table class="queue problems">
  <caption class="sr"><?cs var:L.Review.Problem.List ?></caption>
  <thead><tr>
    <th scope="col" class="c-num"><?cs var:L.Review.Problem.Col.number ?></th>
    <th scope="col" class="c-subj"><?cs var:L.Review.Problem.Col.title ?></th>
    <th scope="col"><?cs var:L.Review.Problem.Col.status ?></th>
    <th scope="col"><?cs var:L.Review.Problem.Col.resp ?></th>
    <th scope="col"><?cs var:L.Review.Problem.Col.owner ?></th>
    <th scope="col" class="c-n"><?cs var:L.Review.Problem.Col.tickets ?></th>
    <th scope="col"><?cs var:L.Review.Problem.Col.updated ?></th>
  </tr></thead>
  <tbody>
  <?cs each:r = Rows ?>
  <tr class="row-link">
    <td class="c-num"><a href="/agent/problems/<?cs var:r.id ?>"><code><?cs var:r.number ?></code></a></td>
    <td class="c-subj"><a href="/agent/problems/<?cs var:r.id ?>"><bdi><?cs var:r.title ?></bdi></a></td>
    <td><span class="pstatus ps-<?cs var:r.status ?>"><?cs var:L.Review.Problem.St[r.status] ?></span></td>
    <td><?cs each:c = r.resp ?><span class="rtag rt-<?cs var:c ?>"><?cs var:L.Review.Resp[c] ?></span> <?cs /each ?></td>
    <td><bdi><?cs var:r.owner ?></bdi></td>
    <td class="c-n"><?cs var:r.tickets ?></td>
    <td><time datetime="<?cs var:r.updated.iso ?>"><?cs var:r.updated ?></time></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs if:Next ?><p class="pager"><a href="/agent/problems?before=<?cs var:Next ?><?cs if:Filter.status ?>&amp;status=<?cs var:url_escape(Filter.status) ?><?cs /if ?>"><?cs var:L.Review.Problem.Next ?> →</a></p><?cs /if ?>
<?cs /if ?>
<?cs call:agent_end() ?>
