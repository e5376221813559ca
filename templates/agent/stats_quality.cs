<?cs # The quality sections of the statistics (cgi/agent/stats_quality.c),
       included by agent/stats.cs: repeat problems and reopens, high-frequency
       problems and keywords, cross-team work, satisfaction. Each a heading,
       an SVG chart, its numbers in a table; every number links to its
       tickets. ?>
<?cs def:qdrill(fig, of, n, extra) ?><a class="num-link" href="/agent/stats/quality/tickets?qfig=<?cs var:fig ?>&amp;of=<?cs var:of ?>&amp;<?cs var:Q ?><?cs var:extra ?>"><?cs var:n ?></a><?cs /def ?>
<?cs def:sdrill(fig, of, n) ?><a class="num-link" href="/agent/stats/tickets?fig=<?cs var:fig ?>&amp;of=<?cs var:of ?>&amp;<?cs var:Q ?>"><?cs var:n ?></a><?cs /def ?>
<?cs def:pct(v) ?><?cs if:v ?><?cs var:v ?>%<?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?>
<?cs def:num(v) ?><?cs if:v ?><?cs var:v ?><?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?>
<?cs def:open_problem(extra) ?><a class="button small" href="/agent/problems/new?src=stats&amp;<?cs var:Q ?><?cs var:extra ?>" title="<?cs var:L.Stats.Q.OpenProblemHelp ?>"><?cs var:L.Stats.Q.OpenProblem ?></a><?cs /def ?>
<?cs def:csvq(t) ?><a class="csv" href="/agent/stats.csv?table=<?cs var:t ?>&amp;<?cs var:Q ?>"><?cs var:L.Stats.Export ?></a><?cs /def ?>

<section class="stats-section" aria-labelledby="h-repeat">
  <div class="section-head"><h2 id="h-repeat"><?cs var:L.Stats.Q.Repeat.Title ?></h2><?cs call:csvq("repeat") ?></div>
  <p class="note"><?cs var:L.Stats.Q.Repeat.Note ?> <span class="repeat-days"><?cs var:L.Stats.Q.Repeat.Window ?> <b><?cs var:Q.RepeatDays ?></b> <?cs var:L.Stats.Q.Days ?></span></p>
  <div class="chart-row">
  <figure class="chart narrow">
    <svg viewBox="0 0 620 176" role="img" aria-labelledby="h-repeat">
      <?cs set:row = 0 ?>
      <?cs each:f = Q.Repeat ?>
      <text class="label" x="0" y="<?cs var:#row * 88 + 14 ?>"><?cs var:L.Stats.Q.Repeat[name(f)] ?></text>
      <?cs set:j = 0 ?>
      <?cs each:p = f ?>
      <rect class="s-per-<?cs name:p ?>" x="150" y="<?cs var:#row * 88 + #j * 24 + 20 ?>" width="<?cs var:p.w ?>" height="18"><title><?cs var:L.Stats.Per[name(p)] ?> <?cs var:p.rate ?>%</title></rect>
      <text class="value" x="<?cs var:#p.w + 156 ?>" y="<?cs var:#row * 88 + #j * 24 + 34 ?>"><?cs if:p.rate ?><?cs var:p.rate ?>%<?cs else ?>—<?cs /if ?></text>
      <?cs set:j = #j + 1 ?>
      <?cs /each ?>
      <?cs set:row = #row + 1 ?>
      <?cs /each ?>
    </svg>
    <figcaption class="legend"><span class="key s-per-cur"></span><?cs var:L.Stats.Per.cur ?> <span class="key s-per-prev"></span><?cs var:L.Stats.Per.prev ?> <span class="key s-per-year"></span><?cs var:L.Stats.Per.year ?></figcaption>
  </figure>
  </div>
  <table class="stats-table" id="t-repeat">
    <caption class="sr"><?cs var:L.Stats.Q.Repeat.Title ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Stats.Figure ?></th><th scope="col"><?cs var:L.Stats.Of ?></th><th scope="col" class="n"><?cs var:L.Stats.Q.Tickets ?></th><th scope="col" class="n"><?cs var:L.Stats.Q.Of ?></th><th scope="col" class="n"><?cs var:L.Stats.Q.Rate ?></th></tr></thead>
    <?cs each:f = Q.Repeat ?>
    <tbody class="group">
    <?cs each:p = f ?>
      <tr data-q="<?cs name:f ?>.<?cs name:p ?>"><th scope="row"<?cs if:name(p) != "cur" ?> class="cont"<?cs /if ?>><?cs if:name(p) == "cur" ?><?cs var:L.Stats.Q.Repeat[name(f)] ?><?cs else ?><span class="sr"><?cs var:L.Stats.Q.Repeat[name(f)] ?></span><?cs /if ?></th><td class="per-<?cs name:p ?>"><?cs var:L.Stats.Per[name(p)] ?></td>
        <td class="n"><?cs call:qdrill(name(f), name(p), p.n, "") ?></td><td class="n"><?cs if:name(f) == "repeated" ?><?cs call:sdrill("resolved", name(p), p.base) ?><?cs else ?><?cs call:sdrill("closed", name(p), p.base) ?><?cs /if ?></td><td class="n rate"><?cs call:pct(p.rate) ?></td></tr>
    <?cs /each ?>
    </tbody>
    <?cs /each ?>
  </table>
</section>

<section class="stats-section" aria-labelledby="h-frequent">
  <div class="section-head"><h2 id="h-frequent"><?cs var:L.Stats.Q.Combos.Title ?></h2><?cs call:csvq("combos") ?></div>
  <p class="note"><?cs var:L.Stats.Q.Combos.Note ?></p>
  <?cs if:!Q.Combos.Rows.0.cur ?><p class="empty"><?cs var:L.Stats.Empty ?></p><?cs else ?>
  <figure class="chart narrow">
    <svg class="bars" viewBox="0 0 680 <?cs var:Q.Combos.h ?>" role="img" aria-labelledby="h-frequent">
      <?cs each:r = Q.Combos.Rows ?>
      <text class="label" x="0" y="<?cs var:r.ty ?>"><?cs var:r.category ?> · <?cs if:r.product ?><?cs var:r.product ?><?cs else ?><?cs var:L.Stats.Q.NoProduct ?><?cs /if ?> · <?cs if:r.nature ?><?cs var:L.Agent.Natures[r.nature] ?><?cs else ?><?cs var:L.Stats.Q.NoNature ?><?cs /if ?></text>
      <rect class="s-bar" x="240" y="<?cs var:r.y ?>" width="<?cs var:r.w ?>" height="20"/>
      <text class="value" x="<?cs var:r.tx ?>" y="<?cs var:r.ty ?>"><?cs var:r.cur ?></text>
      <?cs /each ?>
    </svg>
  </figure>
  <table class="stats-table" id="t-combos">
    <caption class="sr"><?cs var:L.Stats.Q.Combos.Title ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Agent.Col.category ?></th><th scope="col"><?cs var:L.Stats.Q.Product ?></th><th scope="col"><?cs var:L.Stats.Q.Nature ?></th><th scope="col" class="n"><?cs var:L.Stats.Per.cur ?></th><th scope="col" class="n"><?cs var:L.Stats.Per.prev ?></th><th scope="col" class="n"><?cs var:L.Stats.Per.year ?></th><th scope="col" class="n"><?cs var:L.Stats.Q.Trend ?></th><th scope="col" class="act"><span class="sr"><?cs var:L.Stats.Q.OpenProblem ?></span></th></tr></thead>
    <tbody>
    <?cs each:r = Q.Combos.Rows ?><?cs set:k = "&ccat=" + r.cat + "&cprod=" + url_escape(r.product) + "&nature=" + r.nature ?>
      <tr data-q="combo.<?cs name:r ?>"><th scope="row"><?cs var:r.category ?></th><td><?cs if:r.product ?><bdi><?cs var:r.product ?></bdi><?cs else ?><span class="muted"><?cs var:L.Stats.Q.NoProduct ?></span><?cs /if ?></td><td><?cs if:r.nature ?><?cs var:L.Agent.Natures[r.nature] ?><?cs else ?><span class="muted"><?cs var:L.Stats.Q.NoNature ?></span><?cs /if ?></td>
        <td class="n"><?cs call:qdrill("combo", "cur", r.cur, k) ?></td><td class="n"><?cs call:qdrill("combo", "prev", r.prev, k) ?></td><td class="n"><?cs call:qdrill("combo", "year", r.year, k) ?></td><td class="n trend"><?cs var:r.trend ?></td><td class="act"><?cs call:open_problem("&qfig=combo" + k) ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>
  <div class="section-head"><h3 id="h-terms"><?cs var:L.Stats.Q.Terms.Title ?></h3><?cs call:csvq("terms") ?></div>
  <p class="note"><?cs var:L.Stats.Q.Terms.Note ?></p>
  <?cs if:!Q.Terms.Rows.0.cur ?><p class="empty"><?cs var:L.Stats.Empty ?></p><?cs else ?>
  <div class="chart-row">
  <figure class="chart">
    <svg class="bars" viewBox="0 0 580 <?cs var:Q.Terms.h ?>" role="img" aria-labelledby="h-terms">
      <?cs each:r = Q.Terms.Rows ?>
      <text class="label" x="0" y="<?cs var:r.ty ?>"><?cs var:r.term ?></text>
      <rect class="s-closed" x="120" y="<?cs var:r.y ?>" width="<?cs var:r.w ?>" height="16"/>
      <text class="value" x="<?cs var:r.tx ?>" y="<?cs var:r.ty ?>"><?cs var:r.cur ?></text>
      <?cs /each ?>
    </svg>
  </figure>
  <div class="side-table wide">
  <table class="stats-table compact" id="t-terms">
    <caption class="sr"><?cs var:L.Stats.Q.Terms.Title ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Stats.Q.Term ?></th><th scope="col" class="n"><?cs var:L.Stats.Per.cur ?></th><th scope="col" class="n"><?cs var:L.Stats.Per.prev ?></th><th scope="col" class="n"><?cs var:L.Stats.Per.year ?></th><th scope="col" class="n"><?cs var:L.Stats.Q.Trend ?></th><th scope="col" class="act"><span class="sr"><?cs var:L.Stats.Q.OpenProblem ?></span></th></tr></thead>
    <tbody>
    <?cs each:r = Q.Terms.Rows ?><?cs set:k = "&term=" + url_escape(r.term) ?>
      <tr data-q="term.<?cs var:r.term ?>"><th scope="row"><bdi><?cs var:r.term ?></bdi></th><td class="n"><?cs call:qdrill("term", "cur", r.cur, k) ?></td><td class="n"><?cs call:qdrill("term", "prev", r.prev, k) ?></td><td class="n"><?cs call:qdrill("term", "year", r.year, k) ?></td><td class="n trend"><?cs var:r.trend ?></td><td class="act"><?cs call:open_problem("&qfig=term" + k) ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  </div>
  <?cs /if ?>
</section>

<section class="stats-section" aria-labelledby="h-cross">
  <div class="section-head"><h2 id="h-cross"><?cs var:L.Stats.Q.Cross.Title ?></h2><?cs call:csvq("cross") ?></div>
  <p class="note"><?cs var:L.Stats.Q.Cross.Note ?></p>
  <div class="chart-row">
  <figure class="chart narrow">
    <svg class="bars" viewBox="0 0 600 134" role="img" aria-labelledby="h-cross">
      <?cs each:c = Q.Cross ?>
      <text class="label" x="0" y="<?cs var:c.ty ?>"><?cs var:L.Stats.Q.Cross[c.code] ?></text>
      <rect class="s-bar" x="150" y="<?cs var:c.y ?>" width="<?cs var:c.w ?>" height="20"/>
      <text class="value" x="<?cs var:c.tx ?>" y="<?cs var:c.ty ?>"><?cs var:c.cur.times ?></text>
      <?cs /each ?>
    </svg>
  </figure>
  </div>
  <table class="stats-table" id="t-cross">
    <caption class="sr"><?cs var:L.Stats.Q.Cross.Title ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Stats.Figure ?></th><th scope="col"><?cs var:L.Stats.Of ?></th><th scope="col" class="n"><?cs var:L.Stats.Q.Created ?></th><th scope="col" class="n"><?cs var:L.Stats.Q.Tickets ?></th><th scope="col" class="n"><?cs var:L.Stats.Q.Times ?></th><th scope="col" class="n"><?cs var:L.Stats.Q.PerTicket ?></th></tr></thead>
    <?cs each:c = Q.Cross ?>
    <tbody class="group">
    <?cs each:p = Q.Created ?><?cs set:per = name(p) ?>
      <tr data-q="cross.<?cs var:c.code ?>.<?cs var:per ?>"><th scope="row"<?cs if:per != "cur" ?> class="cont"<?cs /if ?>><?cs if:per == "cur" ?><?cs var:L.Stats.Q.Cross[c.code] ?><?cs else ?><span class="sr"><?cs var:L.Stats.Q.Cross[c.code] ?></span><?cs /if ?></th><td class="per-<?cs var:per ?>"><?cs var:L.Stats.Per[per] ?></td>
        <td class="n"><?cs call:sdrill("created", per, p) ?></td><td class="n"><?cs call:qdrill(c.code, per, c[per].tickets, "") ?></td><td class="n"><?cs var:c[per].times ?></td><td class="n"><?cs call:num(c[per].per) ?></td></tr>
    <?cs /each ?>
    </tbody>
    <?cs /each ?>
  </table>
  <h3 id="h-pairs"><?cs var:L.Stats.Q.Pairs.Title ?></h3>
  <div class="section-head"><p class="note"><?cs var:L.Stats.Q.Pairs.Note ?></p><?cs call:csvq("pairs") ?></div>
  <?cs if:!Q.Pairs.0.from ?><p class="empty"><?cs var:L.Stats.Empty ?></p><?cs else ?>
  <table class="stats-table" id="t-pairs">
    <caption class="sr"><?cs var:L.Stats.Q.Pairs.Title ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Stats.Q.FromTeam ?></th><th scope="col"><?cs var:L.Stats.Q.ToTeam ?></th><th scope="col" class="n"><?cs var:L.Stats.Per.cur ?></th><th scope="col" class="n"><?cs var:L.Stats.Per.prev ?></th><th scope="col" class="n"><?cs var:L.Stats.Per.year ?></th></tr></thead>
    <tbody>
    <?cs each:r = Q.Pairs ?><?cs set:k = "&from=" + r.from + "&to=" + r.to ?>
      <tr data-q="pair.<?cs var:r.from ?>-<?cs var:r.to ?>"><th scope="row"><?cs var:r.from_name ?></th><td><?cs var:r.to_name ?></td><td class="n"><?cs call:qdrill("pair", "cur", r.cur, k) ?></td><td class="n"><?cs call:qdrill("pair", "prev", r.prev, k) ?></td><td class="n"><?cs call:qdrill("pair", "year", r.year, k) ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>
</section>

<section class="stats-section" aria-labelledby="h-sat">
  <div class="section-head"><h2 id="h-sat"><?cs var:L.Stats.Q.Sat.Title ?></h2><?cs call:csvq("satisfaction") ?></div>
  <p class="note"><?cs var:L.Stats.Q.Sat.Note ?></p>
  <table class="stats-table" id="t-satisfaction">
    <caption class="sr"><?cs var:L.Stats.Q.Sat.Title ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Stats.Of ?></th><th scope="col" class="n"><?cs var:L.Stats.Q.Sat.closed ?></th><th scope="col" class="n"><?cs var:L.Stats.Q.Sat.answered ?></th><th scope="col" class="n"><?cs var:L.Stats.Q.Sat.rate ?></th><?cs each:s = L.Stats.Q.Score ?><th scope="col" class="n"><?cs var:s ?></th><?cs /each ?></tr></thead>
    <tbody>
    <?cs each:p = Q.Sat ?>
      <tr data-q="sat.<?cs name:p ?>"><th scope="row"><?cs var:L.Stats.Per[name(p)] ?></th><td class="n"><?cs call:qdrill("closed_q", name(p), p.closed, "") ?></td><td class="n"><?cs call:qdrill("answered", name(p), p.answered, "") ?></td><td class="n rate"><?cs call:pct(p.rate) ?></td><td class="n"><?cs call:num(p.resolution) ?></td><td class="n"><?cs call:num(p.speed) ?></td><td class="n"><?cs call:num(p.attitude) ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  <div class="section-head"><h3 id="h-scores"><?cs var:L.Stats.Q.Dist.Title ?></h3><?cs call:csvq("scores") ?></div>
  <div class="chart-row">
  <figure class="chart">
    <svg viewBox="0 0 660 106" role="img" aria-labelledby="h-scores">
      <?cs each:d = Q.Dist ?>
      <text class="label" x="0" y="<?cs var:d.ty ?>"><?cs var:L.Stats.Q.Score[d.code] ?></text>
      <?cs each:s = d.S ?><rect class="s-score-<?cs var:s.score ?>" x="<?cs var:s.x ?>" y="<?cs var:d.y ?>" width="<?cs var:s.w ?>" height="24"><title><?cs var:s.score ?>: <?cs var:s.n ?></title></rect><?cs /each ?>
      <?cs /each ?>
    </svg>
    <figcaption class="legend"><?cs loop:i = 1, 5, 1 ?><span class="key s-score-<?cs var:i ?>"></span><?cs var:i ?> <?cs var:L.Stats.Q.Points ?> <?cs /loop ?></figcaption>
  </figure>
  <div class="side-table">
  <table class="stats-table compact" id="t-scores">
    <caption class="sr"><?cs var:L.Stats.Q.Dist.Title ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Stats.Q.Dist.score ?></th><?cs loop:i = 1, 5, 1 ?><th scope="col" class="n"><?cs var:i ?></th><?cs /loop ?></tr></thead>
    <tbody>
    <?cs each:d = Q.Dist ?>
      <tr data-q="dist.<?cs var:d.code ?>"><th scope="row"><?cs var:L.Stats.Q.Score[d.code] ?></th><?cs each:s = d.S ?><td class="n"><?cs call:qdrill("score", "cur", s.n, "&dim=" + d.code + "&score=" + s.score) ?></td><?cs /each ?></tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  </div>
  <div class="section-head"><h3 id="h-lowest"><?cs var:L.Stats.Q.Low.Title ?></h3><?cs call:csvq("lowest") ?></div>
  <?cs if:!Q.Low.0.number ?><p class="empty"><?cs var:L.Stats.Empty ?></p><?cs else ?>
  <table class="stats-table" id="t-lowest">
    <caption class="sr"><?cs var:L.Stats.Q.Low.Title ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Agent.Col.number ?></th><th scope="col"><?cs var:L.Agent.Col.subject ?></th><?cs each:s = L.Stats.Q.Score ?><th scope="col" class="n"><?cs var:s ?></th><?cs /each ?><th scope="col"><?cs var:L.Stats.Q.Low.suggestions ?></th><th scope="col"><?cs var:L.Stats.Q.Low.unmet ?></th></tr></thead>
    <tbody>
    <?cs each:l = Q.Low ?>
      <tr data-q="low.<?cs var:l.number ?>"><th scope="row"><a href="/agent/t/<?cs var:url_escape(l.number) ?>"><?cs var:l.number ?></a></th><td><bdi><?cs var:l.subject ?></bdi></td><td class="n"><?cs var:l.resolution ?></td><td class="n"><?cs var:l.speed ?></td><td class="n"><?cs var:l.attitude ?></td><td class="comment"><?cs var:l.suggestions ?></td><td class="comment"><?cs var:l.unmet ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs /if ?>
</section>
