<?cs include!"agent/layout.cs" ?>
<?cs call:agent_start(L.Coord.Title) ?>
<?cs # /agent/coordination (cgi/agent/coordination.c): the week's figures per
       team for the Monday coordination meeting; every number opens the
       list behind it. ?>
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
  <?cs include!"agent/coordination_table.cs" ?>
</section>
<?cs call:agent_end() ?>
