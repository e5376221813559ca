<?cs include!"layout.cs" ?><?cs call:page_start(L.Portal.Title) ?>
<section class="hero">
  <h1><?cs var:L.Portal.Title ?></h1>
  <p class="lead"><?cs if:Site.Welcome ?><?cs var:Site.Welcome ?><?cs else ?><?cs var:L.Portal.Welcome ?><?cs /if ?></p>
</section>

<section class="pick" aria-labelledby="kinds">
  <h2 id="kinds"><?cs var:L.Portal.PickKind ?></h2>
  <ul class="kinds">
  <?cs each:c = Catalog.Categories ?>
    <li><a class="kind kind-<?cs var:c.code ?>" href="/new/<?cs var:url_escape(c.code) ?>">
      <span class="kind-icon" aria-hidden="true"></span>
      <span class="kind-text"><strong><?cs var:c.name ?></strong>
      <span class="kind-sum"><?cs var:c.summary ?></span></span>
      <span class="chev" aria-hidden="true"></span>
    </a></li>
  <?cs /each ?>
  </ul>
  <p class="track-hint"><?cs var:L.Portal.TrackHint ?></p>
</section>

<section class="card promise" aria-labelledby="promise">
  <h2 id="promise"><?cs var:L.Portal.Promise ?></h2>
  <p class="promise-main"><?cs var:L.Portal.PromiseClassify ?>
    <strong><?cs call:target(Promise.classify) ?></strong><?cs var:L.Portal.PromiseClassifyEnd ?></p>
  <table class="levels">
    <caption><?cs var:L.Portal.Levels ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Ticket.Priority ?> · <?cs var:L.Portal.LevelWhen ?></th><th scope="col" class="num"><?cs var:L.Portal.FirstResponse ?></th><th scope="col" class="num"><?cs var:L.Portal.Resolution ?></th></tr></thead>
    <tbody>
    <?cs set:workdays = 0 ?>
    <?cs each:p = Catalog.Priorities ?>
      <tr data-level="<?cs name:p ?>"><th scope="row"><span class="badge badge-<?cs var:p.color ?>"><?cs var:p.name ?></span><?cs if:L.Portal.LevelHint[name(p)] ?> <span class="level-hint"><?cs var:L.Portal.LevelHint[name(p)] ?></span><?cs /if ?></th>
        <td class="num first"><?cs if:#p.first_response > 0 ?><?cs call:target(p.first_response) ?><?cs else ?><span class="muted"><?cs var:L.Portal.NoTarget ?></span><?cs /if ?></td>
        <td class="num resolution"><?cs if:#p.resolution > 0 ?><?cs call:target(p.resolution) ?><?cs else ?><span class="muted"><?cs var:L.Portal.NoTarget ?></span><?cs /if ?></td></tr>
      <?cs if:(#p.first_response > 0 && p.first_response.unit == "workday") || (#p.resolution > 0 && p.resolution.unit == "workday") ?><?cs set:workdays = 1 ?><?cs /if ?>
    <?cs /each ?>
    </tbody>
  </table>
  <p class="note"><?cs var:L.Portal.HoursNote ?><?cs if:workdays ?><?cs call:gap() ?><span class="workday-note"><?cs var:L.Portal.WorkdayNote ?></span><?cs /if ?></p>
</section>

<section class="card channels" aria-labelledby="channels">
  <h2 id="channels"><?cs var:L.Portal.Channels ?></h2>
  <dl>
  <?cs each:ch = Catalog.Channels ?>
    <div class="ch ch-<?cs var:ch.code ?>"><dt><?cs var:ch.name ?></dt><dd><?cs var:ch.hours ?></dd></div>
  <?cs /each ?>
  </dl>
</section>
<p class="lost-link"><a href="/lost"><?cs var:L.Lost.Link ?></a></p>
<?cs call:page_end() ?>
