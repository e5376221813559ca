<?cs include!"layout.cs" ?>
<?cs call:page_start(L.Portal.Title) ?>
<section class="hero">
  <h1><?cs var:L.Portal.Title ?></h1>
  <p><?cs var:L.Portal.Welcome ?></p>
</section>
<section aria-labelledby="kinds">
  <h2 id="kinds"><?cs var:L.Portal.PickKind ?></h2>
  <ul class="kinds">
  <?cs each:c = Catalog.Categories ?>
    <li><a class="kind kind-<?cs var:c.code ?>" href="/new/<?cs var:url_escape(c.code) ?>">
      <strong><?cs var:c.name ?></strong>
      <span><?cs var:c.summary ?></span>
    </a></li>
  <?cs /each ?>
  </ul>
</section>
<section class="promise" aria-labelledby="promise">
  <h2 id="promise"><?cs var:L.Portal.Promise ?></h2>
  <p><?cs var:L.Portal.PromiseText ?></p>
  <h3><?cs var:L.Portal.Levels ?></h3>
  <ul class="levels">
  <?cs each:p = Catalog.Priorities ?>
    <li><span class="badge badge-<?cs var:p.color ?>"><?cs var:p.name ?></span>
      <?cs if:p.first_response >= 60 ?><?cs var:#p.first_response / 60 ?> <?cs var:L.Dur.hours ?><?cs else ?><?cs var:p.first_response ?> <?cs var:L.Dur.minutes ?><?cs /if ?></li>
  <?cs /each ?>
  </ul>
</section>
<section class="channels" aria-labelledby="channels">
  <h2 id="channels"><?cs var:L.Portal.Channels ?></h2>
  <dl>
  <?cs each:ch = Catalog.Channels ?>
    <div><dt><?cs var:ch.name ?></dt><dd><?cs var:ch.hours ?></dd></div>
  <?cs /each ?>
  </dl>
</section>
<?cs call:page_end() ?>
