<?cs include!"agent/layout.cs" ?>
<?cs call:agent_start(Ticket.number) ?>
<?cs def:act_form(action) ?><form method="post" action="/agent/t/<?cs var:url_escape(Ticket.number) ?>/act" class="act act-<?cs var:action ?>">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="version" value="<?cs var:Ticket.version ?>"><input type="hidden" name="action" value="<?cs var:action ?>"><?cs /def ?>
<?cs def:clock(label, d, done) ?><div class="clock"><dt><?cs var:label ?></dt><dd><?cs if:d.state != "none" ?><?cs call:sla_chip(d) ?> <time datetime="<?cs var:d.iso ?>"><?cs var:d ?></time><?cs elif:done ?><span class="sla sla-done"><?cs var:L.Agent.Ticket.Done ?></span> <?cs var:done ?><?cs else ?><span class="muted"><?cs var:L.Agent.Sla.none ?></span><?cs /if ?></dd></div><?cs /def ?>

<div class="ticket-head">
  <h1><code><?cs var:Ticket.number ?></code> <?cs var:Ticket.subject ?></h1>
  <p class="sub"><span class="status st-<?cs var:Ticket.status ?>"><?cs var:L.Status[Ticket.status] ?></span>
    <?cs call:priority_badge(Ticket.priority) ?>
    <?cs var:Catalog.CategoryName[Ticket.category] ?> · <?cs var:Catalog.ChannelName[Ticket.channel] ?> · <?cs var:Ticket.created_at ?></p>
</div>
<?cs if:ActionError ?><div class="alert" role="alert"><?cs var:L.Agent.Fail[ActionError] ?></div><?cs /if ?>

<div class="ticket-grid">
<section class="conversation" aria-labelledby="thread-h">
  <article class="msg msg-customer">
    <p class="meta"><strong><?cs var:Ticket.contact_name ?></strong> · <?cs var:Ticket.created_at ?></p>
    <div class="text"><?cs var:Ticket.description ?></div>
  </article>
  <h2 id="thread-h" class="sr"><?cs var:L.Agent.Ticket.Thread ?></h2>
  <ol class="thread">
  <?cs each:e = Events ?>
    <?cs if:e.kind == "reply" || e.kind == "comment" ?>
    <li class="msg msg-<?cs var:e.actor_type ?>"><p class="meta"><strong><?cs var:e.actor ?></strong> · <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div></li>
    <?cs elif:e.kind == "note" ?>
    <li class="msg note"><p class="meta"><span class="label"><?cs var:L.Agent.Ticket.Internal ?></span> <strong><?cs var:e.actor ?></strong> · <?cs var:e.at ?></p><div class="text"><?cs var:e.body ?></div></li>
    <?cs elif:e.kind == "finding" ?>
    <li class="msg note finding"><p class="meta"><span class="label"><?cs var:L.Agent.Ticket.Finding ?>: <?cs var:L.Agent.FindingKind[e.field] ?></span> <strong><?cs var:e.actor ?></strong> · <?cs var:e.at ?></p><div class="text"><?cs var:e.body ?></div></li>
    <?cs else ?>
    <li class="sys"><?cs var:e.at ?> · <strong><?cs var:e.actor ?></strong> <?cs var:L.Agent.Event[e.kind] ?>
      <?cs if:e.field == "status" ?><?cs var:L.Status[e.new] ?><?cs elif:e.field == "priority" ?><?cs var:Catalog.Priorities[e.new].name ?><?cs elif:e.field == "category" ?><?cs var:e.new ?><?cs elif:e.new ?><?cs var:e.new ?><?cs elif:e.old ?><?cs var:e.old ?><?cs /if ?>
      <?cs if:e.body ?><span class="reason">— <?cs var:e.body ?></span><?cs /if ?></li>
    <?cs /if ?>
  <?cs /each ?>
  </ol>

  <div class="actions">
    <?cs if:Perm.claim ?><?cs call:act_form("claim") ?><button type="submit" class="primary"><?cs var:L.Agent.Action.claim ?></button></form><?cs /if ?>
    <?cs if:Perm.accept ?><?cs call:act_form("accept") ?><button type="submit" class="primary"><?cs var:L.Agent.Action.accept ?></button></form><?cs /if ?>
  </div>

  <?cs if:Perm.work ?>
  <?cs call:act_form("reply") ?>
    <label for="reply-body"><?cs var:L.Agent.Action.reply ?></label>
    <textarea id="reply-body" name="body" rows="5"><?cs if:ActionFailed == "reply" ?><?cs var:Form.body.value ?><?cs /if ?></textarea>
    <button type="submit" class="primary"><?cs var:L.Agent.Action.reply ?></button>
  </form>
  <?cs /if ?>
  <?cs call:act_form("note") ?>
    <label for="note-body"><?cs var:L.Agent.Action.note ?></label>
    <textarea id="note-body" name="body" rows="3" class="note-input"><?cs if:ActionFailed == "note" ?><?cs var:Form.body.value ?><?cs /if ?></textarea>
    <button type="submit"><?cs var:L.Agent.Action.note ?></button>
  </form>
  <?cs if:Perm.work ?>
  <?cs call:act_form("finding") ?>
    <label for="finding-kind"><?cs var:L.Agent.Action.finding ?></label>
    <select id="finding-kind" name="kind"><?cs each:k = L.Agent.FindingKind ?><option value="<?cs name:k ?>"><?cs var:k ?></option><?cs /each ?></select>
    <textarea name="text" rows="3" aria-label="<?cs var:L.Agent.Action.Body ?>"><?cs if:ActionFailed == "finding" ?><?cs var:Form.text.value ?><?cs /if ?></textarea>
    <button type="submit"><?cs var:L.Agent.Action.finding ?></button>
  </form>
  <?cs /if ?>
</section>

<aside class="props">
  <section class="card">
    <h2><?cs var:L.Agent.Ticket.Customer ?></h2>
    <p><strong><?cs var:Extra.customer ?></strong><?cs call:tag_list(Extra.tags) ?></p>
    <?cs if:Extra.organisation ?><p><?cs var:Extra.organisation ?></p><?cs /if ?>
    <p><?cs var:L.Agent.Ticket.Contact ?>: <?cs var:Ticket.contact_name ?></p>
    <?cs if:Contacts.shown ?>
      <p><?cs var:L.Agent.Ticket.Email ?>: <span class="contact"><?cs var:Contacts.email ?></span></p>
      <p><?cs var:L.Agent.Ticket.Phone ?>: <span class="contact"><?cs var:Contacts.phone ?></span></p>
    <?cs elif:Perm.contacts ?>
      <?cs call:act_form("reveal") ?><button type="submit" class="small"><?cs var:L.Agent.Ticket.Reveal ?></button><span class="hint"><?cs var:L.Agent.Ticket.RevealNote ?></span></form>
    <?cs /if ?>
    <p><?cs var:L.Agent.Ticket.Preferred ?>: <?cs each:o = L.Form.ContactOptions ?><?cs if:o.code == Ticket.preferred_contact ?><?cs var:o.label ?><?cs /if ?><?cs /each ?></p>
  </section>
  <section class="card">
    <h2><?cs var:L.Agent.Ticket.Clocks ?></h2>
    <dl class="clocks">
      <?cs call:clock(L.Agent.Ticket.Classify, Due.classify, "") ?>
      <?cs call:clock(L.Agent.Ticket.Accept, Due.accept, Done.accepted_at) ?>
      <?cs call:clock(L.Agent.Ticket.FirstResponse, Due.first_response, Done.first_response_at) ?>
      <?cs call:clock(L.Agent.Ticket.Resolution, Due.resolution, Done.resolved_at) ?>
    </dl>
  </section>
  <section class="card">
    <h2><?cs var:L.Agent.Ticket.Owner ?></h2>
    <p><?cs if:Ticket.owner != "0" ?><?cs each:a = Agents ?><?cs if:a.id == Ticket.owner ?><?cs var:a.name ?><?cs /if ?><?cs /each ?><?cs else ?><span class="muted"><?cs var:L.Agent.Ticket.Nobody ?></span><?cs /if ?>
      · <?cs var:Catalog.TeamName[Ticket.team] ?></p>
    <?cs if:Collaborators.0.id ?><h3><?cs var:L.Agent.Ticket.Collaborators ?></h3><ul class="collabs">
      <?cs each:c = Collaborators ?><li><?cs var:c.name ?> <span class="muted">(<?cs var:c.extra ?>)</span>
        <?cs if:Perm.collab ?><?cs call:act_form("collab_remove") ?><input type="hidden" name="agent" value="<?cs var:c.id ?>"><button type="submit" class="link"><?cs var:L.Agent.Action.collab_remove ?></button></form><?cs /if ?></li><?cs /each ?></ul><?cs /if ?>
    <?cs if:Perm.assign ?>
    <details><summary><?cs var:L.Agent.Action.assign ?></summary>
    <?cs call:act_form("assign") ?>
      <label><?cs var:L.Agent.Action.Agent ?> <select name="agent"><option value="0">—</option><?cs each:a = Agents ?><option value="<?cs var:a.id ?>"><?cs var:a.name ?></option><?cs /each ?></select></label>
      <label><?cs var:L.Agent.Action.Team ?> <select name="team"><option value="0">—</option><?cs each:t = Catalog.Teams ?><option value="<?cs var:t.id ?>"><?cs var:t.name ?></option><?cs /each ?></select></label>
      <label><?cs var:L.Agent.Action.Reason ?> <input name="reason" required value="<?cs if:ActionFailed == "assign" ?><?cs var:Form.reason.value ?><?cs /if ?>"></label>
      <button type="submit"><?cs var:L.Agent.Action.assign ?></button>
    </form></details>
    <?cs /if ?>
    <?cs if:Perm.hand_back ?>
    <details><summary><?cs var:L.Agent.Action.hand_back ?></summary>
    <?cs call:act_form("hand_back") ?>
      <label><?cs var:L.Agent.Action.Reason ?> <input name="reason" required></label>
      <button type="submit"><?cs var:L.Agent.Action.hand_back ?></button>
    </form></details>
    <?cs /if ?>
    <?cs if:Perm.collab ?>
    <details><summary><?cs var:L.Agent.Action.collab_add ?></summary>
    <?cs call:act_form("collab_add") ?>
      <label><?cs var:L.Agent.Action.Agent ?> <select name="agent"><?cs each:a = Agents ?><option value="<?cs var:a.id ?>"><?cs var:a.name ?></option><?cs /each ?></select></label>
      <label><?cs var:L.Agent.Action.Role ?> <input name="role" required></label>
      <button type="submit"><?cs var:L.Agent.Action.collab_add ?></button>
    </form></details>
    <?cs /if ?>
  </section>
  <section class="card">
    <h2><?cs var:L.Agent.Action.status ?></h2>
    <?cs if:Perm.work && NextStatus.0 ?>
    <?cs call:act_form("status") ?>
      <select name="to" aria-label="<?cs var:L.Agent.Action.status ?>"><?cs each:s = NextStatus ?><option value="<?cs var:s ?>"><?cs var:L.Status[s] ?></option><?cs /each ?></select>
      <input name="reason" placeholder="<?cs var:L.Agent.Action.Reason ?>" aria-label="<?cs var:L.Agent.Action.Reason ?>">
      <button type="submit"><?cs var:L.Agent.Action.status ?></button>
    </form>
    <?cs /if ?>
    <details><summary><?cs var:L.Agent.Action.classify ?></summary>
    <?cs call:act_form("classify") ?>
      <label><?cs var:L.Agent.Col.category ?> <select name="category"><?cs each:c = Catalog.AllCategories ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Ticket.category ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?></select></label>
      <label><?cs var:L.Agent.Ticket.Nature ?> <select name="nature"><option value="">—</option><option value="functional">functional</option><option value="performance">performance</option><option value="compatibility">compatibility</option><option value="usage">usage</option><option value="question">question</option></select></label>
      <button type="submit"><?cs var:L.Agent.Action.classify ?></button>
    </form></details>
    <?cs if:Perm.work ?>
    <details><summary><?cs var:L.Agent.Action.priority ?></summary>
    <?cs call:act_form("priority") ?>
      <label><?cs var:L.Agent.Col.priority ?> <select name="priority"><?cs each:p = Catalog.PriorityList ?><option value="<?cs var:p.id ?>"<?cs if:p.code == Ticket.priority ?> selected<?cs /if ?>><?cs var:p.name ?></option><?cs /each ?></select></label>
      <label><?cs var:L.Agent.Action.Reason ?> <input name="reason" required></label>
      <p class="hint"><?cs var:L.Agent.Action.PriorityHelp ?></p>
      <button type="submit"><?cs var:L.Agent.Action.priority ?></button>
    </form></details>
    <?cs /if ?>
    <?cs if:Requests.0.id ?><h3><?cs var:L.Agent.Action.Pending ?></h3><ul><?cs each:q = Requests ?><li><?cs var:q.by ?> → <?cs call:priority_badge(q.to) ?> <?cs var:q.reason ?></li><?cs /each ?></ul><?cs /if ?>
  </section>
  <section class="card">
    <h2><?cs var:L.Agent.Ticket.Details ?></h2>
    <dl class="kv">
      <div><dt><?cs var:L.Agent.Ticket.Product ?></dt><dd><?cs var:Ticket.product ?> <?cs var:Ticket.product_version ?> <?cs var:Ticket.serial_number ?></dd></div>
      <?cs each:o = L.Form.ImpactOptions ?><?cs if:o.code == Ticket.impact ?><div><dt><?cs var:L.Form.impact ?></dt><dd><?cs var:o.label ?></dd></div><?cs /if ?><?cs /each ?>
      <?cs each:v = Values ?><div><dt><?cs var:v.label ?></dt><dd class="text"><?cs var:v.value ?></dd></div><?cs /each ?>
      <?cs if:Extra.tried ?><div><dt><?cs var:L.Agent.Ticket.Tried ?></dt><dd class="text"><?cs var:Extra.tried ?></dd></div><?cs /if ?>
      <?cs if:Extra.error_message ?><div><dt><?cs var:L.Agent.Ticket.ErrorMessage ?></dt><dd class="text"><?cs var:Extra.error_message ?></dd></div><?cs /if ?>
      <?cs if:Extra.started_at ?><div><dt><?cs var:L.Agent.Ticket.Started ?></dt><dd><?cs var:Extra.started_at ?></dd></div><?cs /if ?>
      <?cs if:Extra.expected_at ?><div><dt><?cs var:L.Agent.Ticket.Expected ?></dt><dd><?cs var:Extra.expected_at ?></dd></div><?cs /if ?>
      <?cs if:Extra.keywords ?><div><dt><?cs var:L.Agent.Ticket.Keywords ?></dt><dd><?cs var:Extra.keywords ?></dd></div><?cs /if ?>
      <?cs if:Extra.nature ?><div><dt><?cs var:L.Agent.Ticket.Nature ?></dt><dd><?cs var:Extra.nature ?></dd></div><?cs /if ?>
    </dl>
  </section>
</aside>
</div>
<?cs call:agent_end() ?>
