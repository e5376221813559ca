<?cs include!"layout.cs" ?>
<?cs call:page_start(Ticket.number) ?>
<?cs if:Ticket.just_created ?>
<section class="receipt" aria-labelledby="received">
  <h1 id="received"><?cs var:L.Ticket.Received ?></h1>
  <p class="label"><?cs var:L.Ticket.Number ?></p>
  <p class="number"><code id="ticket-number"><?cs var:Ticket.number ?></code>
    <button type="button" class="copy" data-copy="ticket-number" data-done="<?cs var:L.Ticket.Copied ?>" hidden><?cs var:L.Ticket.Copy ?></button></p>
  <p class="promise-line"><?cs var:L.Ticket.PromiseFirst ?>
    <strong><?cs if:Ticket.first_response.hours > 0 ?><?cs var:Ticket.first_response.hours ?> <?cs var:L.Dur.hours ?><?cs /if ?><?cs if:Ticket.first_response.minutes > 0 ?> <?cs var:Ticket.first_response.minutes ?> <?cs var:L.Dur.minutes ?><?cs /if ?></strong>
    <?cs var:L.Ticket.PromiseFirstEnd ?></p>
  <div class="private-link">
    <p class="label"><?cs var:L.Ticket.Link ?></p>
    <p><a id="follow-link" href="<?cs var:Ticket.link ?>"><?cs var:Ticket.link ?></a>
      <button type="button" class="copy" data-copy="follow-link" data-done="<?cs var:L.Ticket.Copied ?>" hidden><?cs var:L.Ticket.Copy ?></button></p>
    <p class="help"><?cs var:L.Ticket.LinkHelp ?></p>
  </div>
</section>
<?cs else ?>
<h1 class="ticket-title"><code><?cs var:Ticket.number ?></code> <?cs var:Ticket.subject ?></h1>
<?cs /if ?>

<ol class="timeline" aria-label="<?cs var:L.Ticket.Status ?>">
<?cs set:stage = 0 ?>
<?cs if:Ticket.step >= 1 ?><?cs set:stage = 1 ?><?cs /if ?>
<?cs if:Ticket.step >= 2 ?><?cs set:stage = 2 ?><?cs /if ?>
<?cs if:Ticket.step >= 7 ?><?cs set:stage = 3 ?><?cs /if ?>
<?cs if:Ticket.step >= 9 ?><?cs set:stage = 4 ?><?cs /if ?>
<?cs if:Ticket.step >= 10 ?><?cs set:stage = 5 ?><?cs /if ?>
<?cs loop:i = 0, 5, 1 ?>
  <li class="<?cs if:i < stage ?>done<?cs elif:i == stage ?>current<?cs /if ?>"<?cs if:i == stage ?> aria-current="step"<?cs /if ?>><?cs var:L.Timeline[i] ?></li>
<?cs /loop ?>
</ol>

<dl class="facts">
  <div><dt><?cs var:L.Ticket.Status ?></dt><dd><span class="status status-<?cs var:Ticket.status ?>"><?cs var:L.Status[Ticket.status] ?></span></dd></div>
  <div><dt><?cs var:L.Ticket.Category ?></dt><dd><?cs var:Ticket.category ?></dd></div>
  <div><dt><?cs var:L.Ticket.Priority ?></dt><dd><span class="badge badge-<?cs var:Catalog.Priorities[Ticket.priority].color ?>"><?cs var:Catalog.Priorities[Ticket.priority].name ?></span></dd></div>
  <div><dt><?cs var:L.Ticket.Submitted ?></dt><dd><time datetime="<?cs var:Ticket.created_at.iso ?>"><?cs var:Ticket.created_at ?></time></dd></div>
  <div><dt><?cs var:L.Ticket.ClassifyBy ?></dt><dd><time datetime="<?cs var:Ticket.classify_due_at.iso ?>"><?cs var:Ticket.classify_due_at ?></time></dd></div>
  <?cs if:Ticket.first_response_due_at ?><div><dt><?cs var:L.Ticket.FirstResponseBy ?></dt><dd><time datetime="<?cs var:Ticket.first_response_due_at.iso ?>"><?cs var:Ticket.first_response_due_at ?></time></dd></div><?cs /if ?>
  <?cs if:Ticket.resolution_due_at ?><div><dt><?cs var:L.Ticket.ResolutionBy ?></dt><dd><time datetime="<?cs var:Ticket.resolution_due_at.iso ?>"><?cs var:Ticket.resolution_due_at ?></time></dd></div><?cs /if ?>
</dl>

<section class="card" aria-labelledby="desc">
  <h2 id="desc"><?cs var:L.Ticket.Description ?></h2>
  <p class="subject"><strong><?cs var:Ticket.subject ?></strong></p>
  <div class="text"><?cs var:Ticket.description ?></div>
  <dl class="values">
    <?cs if:Ticket.product ?><div><dt><?cs var:L.Form.product ?></dt><dd><?cs var:Ticket.product ?> <?cs var:Ticket.product_version ?></dd></div><?cs /if ?>
    <?cs if:Ticket.serial_number ?><div><dt><?cs var:L.Form.serial_number ?></dt><dd><?cs var:Ticket.serial_number ?></dd></div><?cs /if ?>
    <?cs each:o = L.Form.ImpactOptions ?><?cs if:o.code == Ticket.impact ?><div><dt><?cs var:L.Form.impact ?></dt><dd><?cs var:o.label ?></dd></div><?cs /if ?><?cs /each ?>
    <?cs each:v = Values ?><div><dt><?cs var:v.label ?></dt><dd class="text"><?cs var:v.value ?></dd></div><?cs /each ?>
  </dl>
</section>

<section class="card" aria-labelledby="thread">
  <h2 id="thread"><?cs var:L.Ticket.Conversation ?></h2>
  <ol class="thread">
  <?cs each:e = Events ?>
    <?cs if:e.kind == "comment" ?>
    <li class="msg msg-<?cs var:e.actor_type ?>"><p class="meta"><strong><?cs var:e.actor ?></strong> · <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div></li>
    <?cs else ?>
    <li class="sys"><time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time> ·
      <?cs if:e.kind == "created" ?><?cs var:e.actor ?> <?cs var:L.Ticket.Created ?>
      <?cs elif:e.field == "status" ?><?cs var:L.Ticket.StatusChanged ?> <?cs var:L.Status[e.new] ?>
      <?cs elif:e.field == "priority" ?><?cs var:L.Ticket.PriorityChanged ?> <?cs var:Catalog.Priorities[e.new].name ?>
      <?cs else ?><?cs var:e.kind ?><?cs /if ?>
      <?cs if:e.body && e.kind != "created" ?><span class="reason">— <?cs var:e.body ?></span><?cs /if ?></li>
    <?cs /if ?>
  <?cs /each ?>
  </ol>
</section>
<?cs call:page_end() ?>
