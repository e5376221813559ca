<?cs include!"agent/layout.cs" ?>
<?cs include!"agent/stats_charts.cs" ?>
<?cs call:agent_start(L.Stats.Title) ?>
<?cs # The statistics (cgi/agent/stats.c): each section a heading, one chart
       and its numbers in a table; every number links to its tickets. ?>
<?cs def:drill(fig, of, n) ?><a class="num-link" href="/agent/stats/tickets?fig=<?cs var:fig ?>&amp;of=<?cs var:of ?>&amp;<?cs var:Q ?>"><?cs var:n ?></a><?cs /def ?>
<div class="page-head stats-head">
  <div>
    <h1><?cs var:L.Stats.Title ?></h1>
    <p class="lead"><?cs var:L.Stats.Lead ?></p>
  </div>
  <nav class="stats-step" aria-label="<?cs var:L.Stats.Period ?>">
    <a class="button ghost" href="/agent/stats?kind=<?cs var:Filter.kind ?>&amp;at=<?cs var:Step.prev ?>&amp;until=&amp;<?cs var:Qf ?>">← <?cs var:L.Stats.PrevPeriod ?></a>
    <a class="button ghost" href="/agent/stats?kind=<?cs var:Filter.kind ?>&amp;at=<?cs var:Step.next ?>&amp;until=&amp;<?cs var:Qf ?>"><?cs var:L.Stats.NextPeriod ?> →</a>
    <a class="button ghost coord-link" href="/agent/coordination"><?cs var:L.Coord.Link ?></a>
    <a class="button xlsx" href="/agent/stats.xlsx?<?cs var:Q ?>" download><?cs var:L.Stats.Workbook ?></a>
    <a class="button ghost" href="/agent/stats/reports"><?cs var:L.Stats.Report.List ?></a>
    <form method="post" action="/agent/stats/reports" class="stats-save" title="<?cs var:L.Stats.Report.SaveHelp ?>">
      <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
      <?cs each:k = Filter ?><input type="hidden" name="<?cs name:k ?>" value="<?cs var:k ?>"><?cs /each ?>
      <button type="submit" class="button primary"><?cs var:L.Stats.Report.Save ?></button>
    </form>
  </nav>
</div>
<form class="filters stats-filters" method="get" action="/agent/stats" aria-label="<?cs var:L.Agent.Queue.Filters ?>">
  <label><span><?cs var:L.Stats.Period ?></span> <select name="kind"><?cs each:k = L.Stats.Kind ?><option value="<?cs name:k ?>"<?cs if:name(k) == Filter.kind ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Stats.At ?></span> <input type="date" name="at" value="<?cs var:Filter.at ?>"></label>
  <label><span><?cs var:L.Stats.Until ?></span> <input type="date" name="until" value="<?cs var:Filter.until ?>"></label>
  <label><span><?cs var:L.Agent.Col.team ?></span> <select name="team"><?cs if:Scope.Teams.0 ?><?cs each:s = Scope.Teams ?><option value="<?cs var:s ?>"<?cs if:s == Filter.team ?> selected<?cs /if ?>><?cs var:Catalog.TeamName[s] ?></option><?cs /each ?><?cs else ?><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:t = Catalog.Teams ?><option value="<?cs var:t.id ?>"<?cs if:t.id == Filter.team ?> selected<?cs /if ?>><?cs var:t.name ?></option><?cs /each ?><?cs /if ?></select></label>
  <label><span><?cs var:L.Agent.Col.category ?></span> <select name="category"><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:c = Catalog.AllCategories ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.category ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Agent.Col.priority ?></span> <select name="priority"><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:p = Catalog.PriorityList ?><option value="<?cs var:p.id ?>"<?cs if:p.id == Filter.priority ?> selected<?cs /if ?>><?cs var:p.name ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Agent.Col.channel ?></span> <select name="channel"><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:c = Catalog.Channels ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.channel ?> selected<?cs /if ?>><?cs var:Catalog.ChannelName[c.id] ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Stats.Filter.product ?></span> <select name="product"><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:c = Choices.Product ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.product ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Stats.Filter.organisation ?></span> <select name="organisation"><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:c = Choices.Org ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.organisation ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select></label>
  <label><span><?cs var:L.Stats.Filter.tag ?></span> <select name="tag"><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:c = Choices.Tag ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.tag ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select></label>
  <?cs if:Choices.agents ?><label><span><?cs var:L.Stats.Filter.agent ?></span> <select name="agent"><option value="0"><?cs var:L.Agent.Filter.Any ?></option><?cs each:a = Names.Agent ?><option value="<?cs name:a ?>"<?cs if:name(a) == Filter.agent ?> selected<?cs /if ?>><?cs var:a ?></option><?cs /each ?></select></label><?cs else ?><input type="hidden" name="agent" value="<?cs var:Filter.agent ?>"><?cs /if ?>
  <div class="filter-go"><button type="submit"><?cs var:L.Stats.Apply ?></button> <a class="reset" href="/agent/stats"><?cs var:L.Agent.Filter.Reset ?></a></div>
</form>
<p class="stats-periods" id="periods">
  <span class="per per-cur"><b><?cs var:L.Stats.Per.cur ?></b> <time><?cs var:Per.cur.first ?></time> – <time><?cs var:Per.cur.last ?></time></span>
  <span class="per"><b><?cs var:L.Stats.Per.prev ?></b> <time><?cs var:Per.prev.first ?></time> – <time><?cs var:Per.prev.last ?></time></span>
  <span class="per"><b><?cs var:L.Stats.Per.year ?></b> <time><?cs var:Per.year.first ?></time> – <time><?cs var:Per.year.last ?></time></span>
</p>

<section class="stats-section" aria-labelledby="h-volume">
  <div class="section-head"><h2 id="h-volume"><?cs var:L.Stats.Volume ?></h2><a class="csv" href="/agent/stats.csv?table=volume&amp;<?cs var:Q ?>"><?cs var:L.Stats.Export ?></a></div>
  <div class="kpis">
  <?cs each:v = Vol ?>
    <div class="kpi kpi-<?cs var:v.code ?>">
      <span class="kpi-label"><?cs var:L.Stats.Vol[v.code] ?></span>
      <span class="kpi-value"><?cs call:drill(v.code, "cur", v.cur) ?></span>
      <span class="kpi-cmp"><?cs var:L.Stats.Per.prev ?> <?cs call:drill(v.code, "prev", v.prev) ?> · <?cs var:L.Stats.Per.year ?> <?cs call:drill(v.code, "year", v.year) ?></span>
    </div>
  <?cs /each ?>
  </div>
  <table class="stats-table" id="t-volume">
    <caption class="sr"><?cs var:L.Stats.Volume ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Stats.Figure ?></th><th scope="col" class="n"><?cs var:L.Stats.Per.cur ?></th><th scope="col" class="n"><?cs var:L.Stats.Per.prev ?></th><th scope="col" class="n"><?cs var:L.Stats.Per.year ?></th></tr></thead>
    <tbody>
    <?cs each:v = Vol ?><tr data-fig="<?cs var:v.code ?>"><th scope="row"><?cs var:L.Stats.Vol[v.code] ?></th><td class="n"><?cs call:drill(v.code, "cur", v.cur) ?></td><td class="n"><?cs call:drill(v.code, "prev", v.prev) ?></td><td class="n"><?cs call:drill(v.code, "year", v.year) ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
</section>

<section class="stats-section" aria-labelledby="h-trend">
  <div class="section-head"><h2 id="h-trend"><?cs var:L.Stats.Trend ?></h2><a class="csv" href="/agent/stats.csv?table=daily&amp;<?cs var:Q ?>"><?cs var:L.Stats.Export ?></a></div>
  <p class="note"><?cs var:L.Stats.TrendNote ?></p>
  <div class="chart-row">
  <figure class="chart">
    <?cs call:chart_trend("h-trend") ?>
    <figcaption class="legend"><span class="key s-created"></span><?cs var:L.Stats.Chart.created ?> <span class="key s-closed"></span><?cs var:L.Stats.Chart.closed ?></figcaption>
  </figure>
  <div class="side-table">
  <table class="stats-table compact" id="t-daily">
    <caption class="sr"><?cs var:L.Stats.Trend ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Stats.Day ?></th><th scope="col" class="n"><?cs var:L.Stats.Chart.created ?></th><th scope="col" class="n"><?cs var:L.Stats.Chart.closed ?></th></tr></thead>
    <tbody><?cs each:d = Daily ?><tr><th scope="row"><?cs var:d.day ?></th><td class="n"><?cs var:d.created ?></td><td class="n"><?cs var:d.closed ?></td></tr><?cs /each ?></tbody>
  </table>
  </div>
  </div>
</section>

<section class="stats-section" aria-labelledby="h-times">
  <div class="section-head"><h2 id="h-times"><?cs var:L.Stats.Times.Title ?></h2><a class="csv" href="/agent/stats.csv?table=times&amp;<?cs var:Q ?>"><?cs var:L.Stats.Export ?></a></div>
  <p class="note"><?cs var:L.Stats.Times.Note ?></p>
  <table class="stats-table" id="t-times">
    <caption class="sr"><?cs var:L.Stats.Times.Title ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Stats.Figure ?></th><th scope="col"><?cs var:L.Stats.Times.basis ?></th><th scope="col"><?cs var:L.Stats.Of ?></th><th scope="col" class="n"><?cs var:L.Stats.Times.n ?></th><th scope="col" class="n"><?cs var:L.Stats.Times.mean ?></th><th scope="col" class="n"><?cs var:L.Stats.Times.median ?></th><th scope="col" class="n"><?cs var:L.Stats.Times.p90 ?></th><th scope="col" class="n"><?cs var:L.Stats.Times.max ?></th></tr></thead>
    <?cs each:m = Times ?>
    <tbody class="group">
      <?cs each:b = m.cur ?>
      <?cs set:basis = name(b) ?>
      <?cs each:p = m ?>
      <tr data-time="<?cs name:m ?>.<?cs var:basis ?>.<?cs name:p ?>"><?cs if:name(p) == "cur" ?><th scope="row"<?cs if:basis == "biz" ?>><?cs var:L.Stats.Times[name(m)] ?><?cs else ?> class="cont"><span class="sr"><?cs var:L.Stats.Times[name(m)] ?></span><?cs /if ?></th><td><?cs var:L.Stats.Times[basis] ?></td><?cs else ?><th scope="row" class="cont"><span class="sr"><?cs var:L.Stats.Times[name(m)] ?></span></th><td class="cont"><span class="sr"><?cs var:L.Stats.Times[basis] ?></span></td><?cs /if ?>
        <td class="per-<?cs name:p ?>"><?cs var:L.Stats.Per[name(p)] ?></td>
        <td class="n"><?cs if:name(m) == "first_response" ?><?cs call:drill("responded", name(p), p[basis].n) ?><?cs else ?><?cs call:drill("resolved", name(p), p[basis].n) ?><?cs /if ?></td>
        <?cs if:p[basis].n == "0" ?><td class="n muted">—</td><td class="n muted">—</td><td class="n muted">—</td><td class="n muted">—</td><?cs else ?>
        <td class="n"><?cs call:dur(p[basis].mean) ?></td><td class="n"><?cs call:dur(p[basis].median) ?></td><td class="n"><?cs call:dur(p[basis].p90) ?></td><td class="n"><?cs call:dur(p[basis].max) ?></td><?cs /if ?>
      </tr>
      <?cs /each ?>
      <?cs /each ?>
    </tbody>
    <?cs /each ?>
  </table>
</section>

<section class="stats-section" aria-labelledby="h-sla">
  <div class="section-head"><h2 id="h-sla"><?cs var:L.Stats.Sla.Title ?></h2><a class="csv" href="/agent/stats.csv?table=sla&amp;<?cs var:Q ?>"><?cs var:L.Stats.Export ?></a></div>
  <p class="note"><?cs var:L.Stats.Sla.Note ?></p>
  <div class="chart-row">
  <figure class="chart sla-chart">
    <?cs call:chart_sla("h-sla") ?>
    <figcaption class="legend"><span class="key s-met"></span><?cs var:L.Stats.Sla.met ?> <span class="key s-breached"></span><?cs var:L.Stats.Sla.breached ?> <span class="key s-running"></span><?cs var:L.Stats.Sla.running ?></figcaption>
  </figure>
  </div>
  <table class="stats-table" id="t-sla">
    <caption class="sr"><?cs var:L.Stats.Sla.Title ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Stats.Sla.clock ?></th><th scope="col"><?cs var:L.Stats.Of ?></th><th scope="col" class="n"><?cs var:L.Stats.Sla.met ?></th><th scope="col" class="n"><?cs var:L.Stats.Sla.breached ?></th><th scope="col" class="n"><?cs var:L.Stats.Sla.running ?></th><th scope="col" class="n"><?cs var:L.Stats.Sla.rate ?></th></tr></thead>
    <?cs each:c = Sla ?><?cs set:pre = SlaFig[name(c)] ?>
    <tbody class="group">
    <?cs each:p = c ?>
      <tr data-sla="<?cs name:c ?>.<?cs name:p ?>"><th scope="row"<?cs if:name(p) != "cur" ?> class="cont"<?cs /if ?>><?cs if:name(p) == "cur" ?><?cs var:L.Stats.Times[name(c)] ?><?cs else ?><span class="sr"><?cs var:L.Stats.Times[name(c)] ?></span><?cs /if ?></th><td class="per-<?cs name:p ?>"><?cs var:L.Stats.Per[name(p)] ?></td>
        <td class="n ok"><?cs call:drill(pre + "_met", name(p), p.met) ?></td><td class="n bad"><?cs call:drill(pre + "_breached", name(p), p.breached) ?></td><td class="n"><?cs call:drill(pre + "_running", name(p), p.running) ?></td><td class="n rate"><?cs if:p.rate ?><?cs var:p.rate ?>%<?cs else ?><span class="muted">—</span><?cs /if ?></td></tr>
    <?cs /each ?>
    </tbody>
    <?cs /each ?>
  </table>
</section>

<section class="stats-section" aria-labelledby="h-status">
  <div class="section-head"><h2 id="h-status"><?cs var:L.Stats.Status.Title ?></h2><a class="csv" href="/agent/stats.csv?table=status&amp;<?cs var:Q ?>"><?cs var:L.Stats.Export ?></a></div>
  <p class="note"><?cs var:L.Stats.Status.Note ?></p>
  <div class="chart-row">
  <figure class="chart">
      <?cs call:chart_status("h-status") ?>
  </figure>
  </div>
  <table class="stats-table" id="t-status">
    <caption class="sr"><?cs var:L.Stats.Status.Title ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Stats.Status.status ?></th><th scope="col" class="n"><?cs var:L.Stats.Status.tickets ?></th><th scope="col" class="n"><?cs var:L.Stats.Status.total ?></th><th scope="col" class="n"><?cs var:L.Stats.Status.mean ?></th><th scope="col" class="n"><?cs var:L.Stats.Status.share ?></th></tr></thead>
    <tbody>
    <?cs each:r = StatusTime.Rows ?><tr data-status="<?cs var:r.code ?>"><th scope="row"><?cs call:status_name(r.code) ?></th><td class="n"><?cs call:drill(r.fig, "cur", r.tickets) ?></td><td class="n"><?cs call:dur(r.total) ?></td><td class="n"><?cs call:dur(r.mean) ?></td><td class="n"><?cs var:r.share ?>%</td></tr>
    <?cs /each ?>
    </tbody>
  </table>
</section>

<?cs if:Choices.agents ?>
<section class="stats-section" aria-labelledby="h-agents">
  <div class="section-head"><h2 id="h-agents"><?cs var:L.Stats.Agents.Title ?></h2><a class="csv" href="/agent/stats.csv?table=agents&amp;<?cs var:Q ?>"><?cs var:L.Stats.Export ?></a></div>
  <p class="note"><?cs var:L.Stats.Agents.Note ?></p>
  <?cs if:Agents.n == "0" ?><p class="empty"><?cs var:L.Stats.Empty ?></p><?cs else ?>
  <table class="stats-table" id="t-agents">
    <caption class="sr"><?cs var:L.Stats.Agents.Title ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Stats.Agents.agent ?></th><th scope="col" class="n"><?cs var:L.Stats.Agents.created ?></th><th scope="col" class="n"><?cs var:L.Stats.Agents.closed ?></th><th scope="col" class="n"><?cs var:L.Stats.Agents.fr ?> · <?cs var:L.Stats.Times.biz ?></th><th scope="col" class="n"><?cs var:L.Stats.Times.wall ?></th><th scope="col" class="n"><?cs var:L.Stats.Agents.res ?> · <?cs var:L.Stats.Times.biz ?></th><th scope="col" class="n"><?cs var:L.Stats.Times.wall ?></th><th scope="col" class="n"><?cs var:L.Stats.Agents.spent ?></th></tr></thead>
    <tbody>
    <?cs each:r = Agents.Rows ?><?cs set:qa = Qp + "&team=" + Filter.team + "&category=" + Filter.category + "&priority=" + Filter.priority + "&channel=" + Filter.channel + "&product=" + Filter.product + "&organisation=" + Filter.organisation + "&tag=" + Filter.tag + "&agent=" + r.id ?>
    <tr data-agent="<?cs var:r.name ?>"><th scope="row"><?cs var:r.name ?></th>
      <td class="n"><a class="num-link" href="/agent/stats/tickets?fig=created&amp;of=cur&amp;<?cs var:qa ?>"><?cs var:r.created ?></a></td>
      <td class="n"><a class="num-link" href="/agent/stats/tickets?fig=closed&amp;of=cur&amp;<?cs var:qa ?>"><?cs var:r.closed ?></a></td>
      <?cs if:r.responded == "0" ?><td class="n muted">—</td><td class="n muted">—</td><?cs else ?><td class="n"><?cs call:dur(r.fr_biz) ?></td><td class="n"><?cs call:dur(r.fr) ?></td><?cs /if ?>
      <?cs if:r.resolved == "0" ?><td class="n muted">—</td><td class="n muted">—</td><?cs else ?><td class="n"><?cs call:dur(r.res_biz) ?></td><td class="n"><?cs call:dur(r.res) ?></td><?cs /if ?>
      <td class="n spent" data-minutes="<?cs var:r.spent_minutes ?>"><?cs if:r.spent_minutes == "0" ?><span class="muted">—</span><?cs else ?><?cs call:dur(r.spent) ?><?cs /if ?></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>
</section>
<?cs /if ?>

<section class="stats-section" aria-labelledby="h-by">
  <h2 id="h-by"><?cs var:L.Stats.By.Title ?></h2>
  <div class="by-grid">
  <?cs each:d = By ?>
  <div class="by-block">
    <div class="section-head"><h3 id="h-by-<?cs name:d ?>"><?cs var:L.Stats.By[name(d)] ?></h3><a class="csv" href="/agent/stats.csv?table=<?cs name:d ?>&amp;<?cs var:Q ?>"><?cs var:L.Stats.Export ?></a></div>
    <?cs if:d.n == "0" ?><p class="empty"><?cs var:L.Stats.Empty ?></p><?cs else ?>
    <?cs call:chart_by(d, "h-by-" + name(d)) ?>
    <table class="stats-table compact" id="t-<?cs name:d ?>">
      <caption class="sr"><?cs var:L.Stats.By[name(d)] ?></caption>
      <thead><tr><th scope="col"><?cs var:L.Stats.Name ?></th><th scope="col" class="n"><?cs var:L.Stats.Chart.created ?></th><th scope="col" class="n"><?cs var:L.Stats.Chart.closed ?></th></tr></thead>
      <tbody>
      <?cs each:r = d.Rows ?><tr><th scope="row"><?cs var:r.name ?></th>
        <td class="n"><a class="num-link" href="/agent/stats/tickets?fig=created&amp;of=cur&amp;<?cs var:r.q ?>"><?cs var:r.created ?></a></td><td class="n"><a class="num-link" href="/agent/stats/tickets?fig=closed&amp;of=cur&amp;<?cs var:r.q ?>"><?cs var:r.closed ?></a></td></tr>
      <?cs /each ?>
      </tbody>
    </table>
    <?cs /if ?>
  </div>
  <?cs /each ?>
  </div>
</section>
<?cs include!"agent/stats_quality.cs" ?>
<?cs call:agent_end() ?>
