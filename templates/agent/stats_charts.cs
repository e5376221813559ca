<?cs # The statistics' charts, drawn on the server as SVG from the data
       cgi/agent/stats.c sets (agent_stats_set_*): the statistics page and
       the report page of a snapshot draw them alike. label: the id of the
       heading that names the chart. ?>
<?cs def:dur(t) ?><?cs if:#t.h > 0 ?><?cs var:t.h ?> <?cs var:L.Agent.Sla.hours ?><?cs if:#t.m > 0 ?> <?cs var:t.m ?> <?cs var:L.Agent.Sla.minutes ?><?cs /if ?><?cs else ?><?cs var:t.m ?> <?cs var:L.Agent.Sla.minutes ?><?cs /if ?><?cs /def ?>
<?cs def:chart_trend(label) ?>
    <svg viewBox="-34 -8 764 196" role="img" aria-labelledby="<?cs var:label ?>" preserveAspectRatio="xMinYMin meet">
      <line class="axis" x1="0" y1="160" x2="720" y2="160"/>
      <line class="grid" x1="0" y1="0" x2="720" y2="0"/>
      <line class="grid" x1="0" y1="80" x2="720" y2="80"/>
      <text class="tick" x="-6" y="164" text-anchor="end">0</text>
      <text class="tick" x="-6" y="4" text-anchor="end"><?cs var:Chart.max ?></text>
      <?cs each:d = Daily ?>
      <rect class="s-created" x="<?cs var:d.x ?>" y="<?cs var:d.yc ?>" width="<?cs var:d.w ?>" height="<?cs var:d.hc ?>"><title><?cs var:d.day ?> <?cs var:L.Stats.Chart.created ?> <?cs var:d.created ?></title></rect>
      <rect class="s-closed" x="<?cs var:d.x2 ?>" y="<?cs var:d.yx ?>" width="<?cs var:d.w ?>" height="<?cs var:d.hx ?>"><title><?cs var:d.day ?> <?cs var:L.Stats.Chart.closed ?> <?cs var:d.closed ?></title></rect>
      <?cs if:d.tick == "1" ?><text class="tick" x="<?cs var:d.tx ?>" y="178" text-anchor="middle"><?cs var:d.label ?></text><?cs /if ?>
      <?cs /each ?>
    </svg>
<?cs /def ?>
<?cs def:chart_sla(label) ?>
    <svg viewBox="0 0 760 <?cs var:SlaChart.h ?>" role="img" aria-labelledby="<?cs var:label ?>">
      <?cs set:row = 0 ?>
      <?cs each:c = Sla ?>
      <text class="label" x="0" y="<?cs var:#row * 36 + 20 ?>"><?cs var:L.Stats.Times[name(c)] ?></text>
      <rect class="s-met" x="150" y="<?cs var:#row * 36 + 6 ?>" width="<?cs var:c.cur.wm ?>" height="22"/>
      <rect class="s-breached" x="<?cs var:#c.cur.xb + 150 ?>" y="<?cs var:#row * 36 + 6 ?>" width="<?cs var:c.cur.wb ?>" height="22"/>
      <rect class="s-running" x="<?cs var:#c.cur.xr + 150 ?>" y="<?cs var:#row * 36 + 6 ?>" width="<?cs var:c.cur.wr ?>" height="22"/>
      <?cs set:row = #row + 1 ?>
      <?cs /each ?>
    </svg>
<?cs /def ?>
<?cs def:chart_status(label) ?>
    <svg class="bars" viewBox="0 0 760 <?cs var:StatusTime.h ?>" role="img" aria-labelledby="<?cs var:label ?>">
      <?cs each:r = StatusTime.Rows ?>
      <text class="label" x="0" y="<?cs var:r.ty ?>"><?cs call:status_name(r.code) ?></text>
      <rect class="s-time st-<?cs var:r.code ?>" x="190" y="<?cs var:r.y ?>" width="<?cs var:r.w ?>" height="20"/>
      <text class="value" x="<?cs var:r.tx ?>" y="<?cs var:r.ty ?>"><?cs call:dur(r.total) ?> · <?cs var:r.share ?>%</text>
      <?cs /each ?>
    </svg>
<?cs /def ?>
<?cs def:chart_by(d, label) ?>
    <svg class="bars" viewBox="0 0 600 <?cs var:d.h ?>" role="img" aria-labelledby="<?cs var:label ?>">
      <?cs each:r = d.Rows ?>
      <text class="label" x="0" y="<?cs var:r.ty ?>"><?cs var:r.name ?></text>
      <rect class="s-created dim-<?cs name:d ?>-<?cs var:r.id ?>" x="150" y="<?cs var:r.y ?>" width="<?cs var:r.w ?>" height="20"/>
      <text class="value" x="<?cs var:r.tx ?>" y="<?cs var:r.ty ?>"><?cs var:r.created ?></text>
      <?cs /each ?>
    </svg>
<?cs /def ?>
