<?cs include!"agent/layout.cs" ?>
<?cs call:agent_start(L.Coord.Title) ?>
<?cs # /agent/coordination (cgi/agent/coordination.c): the week's figures per
       team for the Monday coordination meeting; every number opens the
       list behind it. ?>
<?cs def:cell(t, code) ?><?cs if:code == "problems" ?><a class="num-link" href="/agent/problems"><?cs var:t[code] ?></a><?cs elif:code == "actions" ?><a class="num-link" href="/agent/actions?view=overdue"><?cs var:t[code] ?></a><?cs else ?><a class="num-link" href="/agent/coordination/tickets?fig=<?cs var:code ?>&amp;team=<?cs var:t.id ?>&amp;at=<?cs var:Week.first ?>"><?cs var:t[code] ?></a><?cs /if ?><?cs /def ?>
<div class="page-head stats-head">
  <div>
    <h1><?cs var:L.Coord.Title ?></h1>
    <p class="lead"><?cs var:L.Coord.Help ?></p>
  </div>
  <nav class="stats-step" aria-label="<?cs var:L.Coord.Week ?>">
    <a class="button ghost" href="/agent/coordination?at=<?cs var:Week.prev ?>">← <?cs var:L.Coord.PrevWeek ?></a>
    <?cs if:!Week.current ?><a class="button ghost" href="/agent/coordination"><?cs var:L.Coord.ThisWeek ?></a><?cs /if ?>
    <?cs if:Week.next ?><a class="button ghost" href="/agent/coordination?at=<?cs var:Week.next ?>"><?cs var:L.Coord.NextWeek ?> →</a><?cs /if ?>
  </nav>
</div>
<form class="filters stats-filters" method="get" action="/agent/coordination">
  <label><span><?cs var:L.Coord.Week ?></span> <input type="date" name="at" value="<?cs var:Week.first ?>"></label>
  <div class="filter-go"><button type="submit"><?cs var:L.Stats.Apply ?></button></div>
</form>
<p class="stats-periods" id="week">
  <span class="per per-cur"><b><?cs var:L.Coord.Week ?></b> <time class="week-first"><?cs var:Week.first ?></time> – <time class="week-last"><?cs var:Week.last ?></time></span>
  <span class="per"><b><?cs var:L.Coord.AsOf ?></b> <time class="week-asof" datetime="<?cs var:Week.asof.iso ?>"><?cs var:Week.asof ?></time></span>
</p>
<section class="stats-section" aria-labelledby="h-coord">
  <h2 id="h-coord" class="sr"><?cs var:L.Coord.Title ?></h2>
  <?cs if:!Teams.0.name && !Teams.0.id ?><p class="empty"><?cs var:L.Coord.Empty ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="stats-table coord-table" id="t-coord">
    <caption class="sr"><?cs var:L.Coord.Title ?> <?cs var:Week.first ?> – <?cs var:Week.last ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Coord.Team ?></th><?cs each:f = Figs ?><th scope="col" class="n" title="<?cs var:L.Coord.FigHelp[f] ?>"><?cs var:L.Coord.Fig[f] ?></th><?cs /each ?></tr></thead>
    <tbody>
    <?cs each:t = Teams ?>
      <tr data-team="<?cs var:t.id ?>"><th scope="row"><?cs if:t.name ?><?cs var:t.name ?><?cs else ?><span class="muted"><?cs var:L.Coord.NoTeam ?></span><?cs /if ?></th><?cs each:f = Figs ?><td class="n"><?cs call:cell(t, f) ?></td><?cs /each ?></tr>
    <?cs /each ?>
    </tbody>
    <?cs if:Total.show ?><tfoot><tr data-team="total"><th scope="row"><?cs var:L.Coord.Total ?></th><?cs each:f = Figs ?><td class="n"><?cs var:Total[f] ?></td><?cs /each ?></tr></tfoot><?cs /if ?>
  </table>
  </div>
  <dl class="coord-legend note"><?cs each:f = Figs ?><div><dt><?cs var:L.Coord.Fig[f] ?></dt><dd><?cs var:L.Coord.FigHelp[f] ?></dd></div><?cs /each ?></dl>
  <?cs /if ?>
</section>
<?cs call:agent_end() ?>
