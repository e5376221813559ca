<?cs include!"agent/layout.cs" ?>
<?cs include!"agent/stats_charts.cs" ?>
<?cs # The after-sales analysis report (cgi/agent/stats_report.c): a snapshot's
       frozen tables (Report.T.<code>) with the statistics page's charts, and
       the analyst's conclusions; A4 sheets when printed, a page break
       between them. Nothing here is counted again. ?>
<?cs call:agent_start(L.Stats.Report.Title) ?>
<?cs # one frozen cell: a number, a duration, a percentage, a date or a text; a dash for none ?>
<?cs def:snap_cell(v, c) ?><?cs if:!v.set ?><span class="muted">—</span><?cs elif:c.kind == "seconds" ?><?cs call:dur(v) ?><?cs elif:c.kind == "percent" ?><?cs var:v.v ?>%<?cs else ?><?cs var:v.v ?><?cs /if ?><?cs /def ?>
<?cs # one frozen table: the first column names the row ?>
<?cs def:snap_table(t, id, extra) ?>
<table class="stats-table report-table<?cs var:extra ?>" id="<?cs var:id ?>">
  <caption class="sr"><?cs var:t.title ?></caption>
  <thead><tr><?cs each:c = t.Cols ?><th scope="col"<?cs if:c.kind != "text" && c.kind != "date" ?> class="n"<?cs /if ?>><?cs var:c.label ?></th><?cs /each ?></tr></thead>
  <tbody>
  <?cs each:r = t.Rows ?><tr data-row="<?cs var:r.key ?>"><?cs each:c = t.Cols ?><?cs if:name(c) == "0" ?><th scope="row"><?cs call:snap_cell(r.C[name(c)], c) ?></th><?cs else ?><td<?cs if:c.kind != "text" && c.kind != "date" ?> class="n"<?cs /if ?>><?cs call:snap_cell(r.C[name(c)], c) ?></td><?cs /if ?><?cs /each ?></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /def ?>
<?cs def:sec_head(id, title, code) ?><div class="section-head"><h2 id="<?cs var:id ?>"><?cs var:title ?></h2></div><?cs /def ?>

<nav class="report-tools noprint" aria-label="<?cs var:L.Stats.Report.Title ?>">
  <a href="/agent/stats/reports">← <?cs var:L.Stats.Report.Back ?></a>
  <a href="/agent/stats?<?cs var:Report.q ?>"><?cs var:L.Stats.Report.Live ?></a>
  <a href="/agent/stats/reports/<?cs var:Report.id ?>/workbook" class="xlsx" download><?cs var:L.Stats.Workbook ?></a>
  <span class="grow"></span>
  <form method="post" action="/agent/stats/reports/<?cs var:Report.id ?>/recount" class="inline" title="<?cs var:L.Stats.Report.RecountHelp ?>"><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><button type="submit" class="button ghost"><?cs var:L.Stats.Report.Recount ?></button></form>
  <button type="button" class="button primary" data-print hidden><?cs var:L.Stats.Report.Print ?></button>
</nav>
<?cs if:Report.done ?><p class="flash noprint" role="status"><span class="flash-ico" aria-hidden="true"></span><?cs var:L.Stats.Report.Done[Report.done] ?></p><?cs /if ?>

<article class="report" data-snapshot="<?cs var:Report.id ?>">
<div class="sheet">
<header class="report-head">
  <p class="report-kicker"><?cs var:Site.Name ?></p>
  <h1><?cs var:L.Stats.Report.Title ?></h1>
  <p class="report-status st-<?cs var:Report.status ?>"><?cs var:L.Stats.Report.St[Report.status] ?></p>
  <dl class="report-meta">
    <div><dt><?cs var:L.Stats.Report.Number ?></dt><dd>#<?cs var:Report.id ?><?cs if:Report.recount_of ?> <span class="muted">(<?cs var:L.Stats.Report.RecountOf ?> <a href="/agent/stats/reports/<?cs var:Report.recount_of ?>">#<?cs var:Report.recount_of ?></a>)</span><?cs /if ?><?cs if:Report.recounted_as ?> <span class="muted">(<?cs var:L.Stats.Report.RecountedAs ?> <a href="/agent/stats/reports/<?cs var:Report.recounted_as ?>">#<?cs var:Report.recounted_as ?></a>)</span><?cs /if ?></dd></div>
    <div><dt><?cs var:L.Stats.Report.Period ?></dt><dd id="report-period"><?cs var:L.Stats.Kind[Report.kind] ?> · <time><?cs var:Per.cur.first ?></time> – <time><?cs var:Per.cur.last ?></time></dd></div>
    <div><dt><?cs var:L.Stats.Report.Compare ?></dt><dd><?cs var:L.Stats.Per.prev ?> <?cs var:Per.prev.first ?> – <?cs var:Per.prev.last ?>；<?cs var:L.Stats.Per.year ?> <?cs var:Per.year.first ?> – <?cs var:Per.year.last ?></dd></div>
    <div><dt><?cs var:L.Stats.Report.Filters ?></dt><dd id="report-filters"><?cs if:subcount(Report.Filters) == 0 ?><?cs var:L.Stats.Report.AllTickets ?><?cs else ?><?cs each:f = Report.Filters ?><span class="filter-chip"><?cs var:L.Stats.Report.FilterName[name(f)] ?>: <bdi><?cs var:f ?></bdi></span> <?cs /each ?><?cs /if ?></dd></div>
    <div><dt><?cs var:L.Stats.Report.MadeBy ?></dt><dd><bdi><?cs var:Report.maker ?></bdi></dd></div>
    <div><dt><?cs var:L.Stats.Report.MadeAt ?></dt><dd><?cs var:Report.made_at ?></dd></div>
  </dl>
  <p class="report-frozen"><?cs var:L.Stats.Report.Frozen ?></p>
</header>

<section class="report-section" aria-labelledby="h-summary">
  <?cs call:sec_head("h-summary", L.Stats.Report.Sec.summary, "volume") ?>
  <div class="kpis">
  <?cs each:r = Report.T.volume.Rows ?>
    <div class="kpi kpi-<?cs var:r.key ?>">
      <span class="kpi-label"><?cs var:r.C.0.v ?></span>
      <span class="kpi-value"><?cs var:r.C.1.v ?></span>
      <span class="kpi-cmp"><?cs var:L.Stats.Per.prev ?> <?cs var:r.C.2.v ?> · <?cs var:L.Stats.Per.year ?> <?cs var:r.C.3.v ?></span>
    </div>
  <?cs /each ?>
  </div>
  <?cs call:snap_table(Report.T.volume, "t-volume", " volume") ?>
  <h3 id="h-trend"><?cs var:Report.T.daily.title ?></h3>
  <figure class="chart trend">
    <?cs call:chart_trend("h-trend") ?>
    <figcaption class="legend"><span class="key s-created"></span><?cs var:L.Stats.Chart.created ?> <span class="key s-closed"></span><?cs var:L.Stats.Chart.closed ?></figcaption>
  </figure>
</section>

<section class="report-section" aria-labelledby="h-times">
  <?cs call:sec_head("h-times", L.Stats.Report.Sec.times, "times") ?>
  <p class="note"><?cs var:L.Stats.Times.Note ?></p>
  <?cs call:snap_table(Report.T.times, "t-times", " compact") ?>
</section>
</div>

<div class="sheet">
<section class="report-section" aria-labelledby="h-sla">
  <?cs call:sec_head("h-sla", L.Stats.Report.Sec.sla, "sla") ?>
  <p class="note"><?cs var:L.Stats.Sla.Note ?></p>
  <figure class="chart sla-chart">
    <?cs call:chart_sla("h-sla") ?>
    <figcaption class="legend"><span class="key s-met"></span><?cs var:L.Stats.Sla.met ?> <span class="key s-breached"></span><?cs var:L.Stats.Sla.breached ?> <span class="key s-running"></span><?cs var:L.Stats.Sla.running ?></figcaption>
  </figure>
  <?cs call:snap_table(Report.T.sla, "t-sla", " compact") ?>
</section>
<section class="report-section" aria-labelledby="h-status">
  <?cs call:sec_head("h-status", L.Stats.Report.Sec.status, "status") ?>
  <p class="note"><?cs var:L.Stats.Status.Note ?></p>
  <figure class="chart"><?cs call:chart_status("h-status") ?></figure>
  <?cs call:snap_table(Report.T.status, "t-status", " compact") ?>
</section>
</div>

<div class="sheet">
<section class="report-section" aria-labelledby="h-dist">
  <?cs call:sec_head("h-dist", L.Stats.Report.Sec.dist, "dist") ?>
  <div class="by-grid">
  <?cs each:d = By ?>
  <div class="by-block">
    <h3 id="h-by-<?cs name:d ?>"><?cs var:L.Stats.By[name(d)] ?></h3>
    <?cs if:d.n == "0" ?><p class="empty"><?cs var:L.Stats.Empty ?></p><?cs else ?>
    <?cs set:lbl = "h-by-" + name(d) ?><?cs call:chart_by(d, lbl) ?>
    <?cs call:snap_table(Report.T[name(d)], "t-" + name(d), " compact") ?>
    <?cs /if ?>
  </div>
  <?cs /each ?>
  </div>
</section>
<?cs if:Report.agents ?>
<section class="report-section" aria-labelledby="h-agents">
  <?cs call:sec_head("h-agents", L.Stats.Report.Sec.agents, "agents") ?>
  <p class="note"><?cs var:L.Stats.Agents.Note ?></p>
  <?cs call:snap_table(Report.T.agents, "t-agents", " compact many") ?>
</section>
<?cs /if ?>
</div>

<div class="sheet sheet-last">
<section class="report-section conclusions" id="conclusions" aria-labelledby="h-conclusions">
  <?cs call:sec_head("h-conclusions", L.Stats.Report.Sec.conclusions, "conclusions") ?>
  <?cs if:Report.conclusions ?><div class="conclusions-text" id="conclusions-text"><?cs var:Report.conclusions ?></div><?cs else ?><p class="empty" id="conclusions-text"><?cs var:L.Stats.Report.NoConclusions ?></p><?cs /if ?>
  <?cs if:Report.concluder ?><p class="muted concluded"><?cs var:L.Stats.Report.ConcludedBy ?>: <bdi><?cs var:Report.concluder ?></bdi> · <?cs var:Report.concluded_at ?></p><?cs /if ?>
  <?cs if:Report.may_conclude == "1" ?>
  <form method="post" action="/agent/stats/reports/<?cs var:Report.id ?>#conclusions" class="conclusions-form noprint" novalidate>
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
    <?cs if:Form.HasErrors ?><div class="alert" role="alert"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?>
    <?cs call:field("conclusions", L.Stats.Report.Conclusions, L.Stats.Report.ConclusionsHelp, "longtext", 0, Form.conclusions.max) ?>
    <?cs set:st_opts.0.code = "draft" ?><?cs set:st_opts.0.label = L.Stats.Report.St.draft ?><?cs set:st_opts.1.code = "final" ?><?cs set:st_opts.1.label = L.Stats.Report.St.final ?>
    <?cs call:choice("status", L.Stats.Report.Status, "", st_opts, 1, 0) ?>
    <div class="form-actions"><button type="submit" class="primary"><?cs var:L.Stats.Report.SaveConclusions ?></button></div>
  </form>
  <?cs /if ?>
  <div class="signature print-only"><span><?cs var:L.Stats.Report.Sign ?>:</span><span class="line"></span><span><?cs var:L.Stats.Report.SignDate ?>:</span><span class="line short"></span></div>
</section>
</div>
</article>
<?cs call:agent_end() ?>
