<?cs include!"agent/layout.cs" ?>
<?cs call:agent_start(Ticket.number) ?>
<?cs def:act_form(action) ?><form method="post" action="/agent/t/<?cs var:url_escape(Ticket.number) ?>/act" class="act act-<?cs var:action ?>">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="version" value="<?cs var:Ticket.version ?>"><input type="hidden" name="action" value="<?cs var:action ?>"><?cs /def ?>
<?cs def:act_form_files(action) ?><form method="post" action="/agent/t/<?cs var:url_escape(Ticket.number) ?>/act" class="act act-<?cs var:action ?>" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="version" value="<?cs var:Ticket.version ?>"><input type="hidden" name="action" value="<?cs var:action ?>"><?cs /def ?>
<?cs def:attach_input(action) ?><div class="attach"><label for="<?cs var:action ?>-files" class="attach-label"><?cs var:L.Attach.Label ?></label> <input id="<?cs var:action ?>-files" name="files" type="file" multiple data-max-bytes="<?cs var:Attach.MaxBytes ?>" data-too-large="<?cs var:L.Agent.Fail.file_too_large ?>"><span class="hint"><?cs var:Attach.Limit ?></span></div><?cs /def ?>
<?cs def:clock(label, d, done, met) ?><div class="clock"><dt><?cs var:label ?></dt><dd><?cs if:d.state == "paused" ?><?cs call:sla_chip(d) ?><?cs elif:d.state != "none" ?><?cs call:sla_chip(d) ?> <time datetime="<?cs var:d.iso ?>"><?cs var:d ?></time><?cs elif:done ?><span class="sla sla-done"><?cs var:L.Agent.Ticket.Done ?></span> <time><?cs var:done ?></time><?cs if:met ?> <span class="met met-<?cs var:met ?>"><?cs var:L.Agent.Met[met] ?></span><?cs /if ?><?cs else ?><span class="muted"><?cs var:L.Agent.Sla.none ?></span><?cs /if ?></dd></div><?cs /def ?>
<?cs def:category_name(code) ?><?cs each:c = Catalog.AllCategories ?><?cs if:c.code == code ?><?cs var:c.name ?><?cs /if ?><?cs /each ?><?cs /def ?>
<?cs def:menu_open(action) ?><?cs if:ActionFailed == action ?> open<?cs /if ?><?cs /def ?>

<div class="ticket-head">
  <h1><code class="tn"><?cs var:Ticket.number ?></code> <span class="subject"><bdi><?cs var:Ticket.subject ?></bdi></span></h1>
  <p class="sub"><?cs call:status_pill(Ticket.status) ?>
    <?cs call:priority_badge(Ticket.priority) ?>
    <span class="facts"><?cs var:Catalog.CategoryName[Ticket.category] ?> · <?cs var:Catalog.ChannelName[Ticket.channel] ?> · <?cs var:Catalog.TeamName[Ticket.team] ?> · <time datetime="<?cs var:Ticket.created_at.iso ?>"><?cs var:Ticket.created_at ?></time></span></p>
</div>
<?cs if:Acceptance.archived ?><p class="archived-form"><span class="doc-icon" aria-hidden="true"></span><?cs var:L.Acceptance.Archived ?> <a href="/agent/t/<?cs var:url_escape(Ticket.number) ?>/acceptance"><?cs var:L.Acceptance.ArchivedLink ?></a></p><?cs /if ?>
<?cs if:ActionError ?><div class="alert" role="alert"><?cs if:ActionFile ?>“<bdi><?cs var:ActionFile ?></bdi>”：<?cs /if ?><?cs var:L.Agent.Fail[ActionError] ?><?cs if:ActionError == "field_too_long" && ActionLimit.max ?><?cs call:gap() ?><?cs call:too_long(ActionLimit.max, ActionLimit.chars) ?><?cs /if ?></div><?cs /if ?>

<div class="ticket-grid">
<section class="conversation" aria-labelledby="thread-h">
  <h2 id="thread-h" class="sr"><?cs var:L.Agent.Ticket.Thread ?></h2>
  <article class="msg msg-customer msg-first" aria-label="<?cs var:L.Agent.Ticket.Description ?>">
    <p class="meta"><span class="avatar" aria-hidden="true"></span><strong><bdi><?cs var:Ticket.contact_name ?></bdi></strong> <span class="who-kind"><?cs var:L.Agent.Ticket.FromCustomer ?></span> <time datetime="<?cs var:Ticket.created_at.iso ?>"><?cs var:Ticket.created_at ?></time></p>
    <div class="text"><?cs var:Ticket.description ?></div>
    <?cs each:e = Events ?><?cs if:e.kind == "created" ?><?cs call:event_files(e.id, "/agent/files/") ?><?cs /if ?><?cs /each ?>
  </article>
  <ol class="thread">
  <?cs each:e = Events ?>
    <?cs if:e.kind == "reply" || e.kind == "comment" || e.kind == "attachment" ?>
    <li class="msg msg-<?cs var:e.actor_type ?>"><p class="meta"><span class="avatar" aria-hidden="true"></span><strong><bdi><?cs var:e.actor ?></bdi></strong> <?cs if:e.actor_type == "customer" ?><span class="who-kind"><?cs var:L.Agent.Ticket.FromCustomer ?></span> <?cs elif:e.kind == "reply" ?><span class="who-kind"><?cs var:L.Agent.Ticket.FromAgent ?></span> <?cs /if ?><time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div><?cs call:event_files(e.id, "/agent/files/") ?></li>
    <?cs elif:e.kind == "solution" ?>
    <li class="msg msg-agent"><p class="meta"><strong><bdi><?cs var:e.actor ?></bdi></strong> <?cs var:L.Solution.Propose ?> · <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div></li>
    <?cs elif:e.kind == "note" ?>
    <li class="msg note"><p class="meta"><span class="label"><?cs var:L.Agent.Ticket.Internal ?></span> <strong><bdi><?cs var:e.actor ?></bdi></strong> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div><?cs call:event_files(e.id, "/agent/files/") ?></li>
    <?cs elif:e.kind == "work" ?>
    <li class="msg note work"><p class="meta"><span class="label"><?cs var:L.Work.Kind[e.field] ?></span> <strong><bdi><?cs var:e.actor ?></bdi></strong> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div><?cs if:e.old || e.new ?><p class="serials"><?cs var:L.Work.Serial ?> <code><?cs if:e.old ?><bdi><?cs var:e.old ?></bdi><?cs else ?>-<?cs /if ?></code> → <code><?cs if:e.new ?><bdi><?cs var:e.new ?></bdi><?cs else ?>-<?cs /if ?></code></p><?cs /if ?></li>
    <?cs elif:e.kind == "close_requested" ?>
    <li class="msg msg-customer close-request"><p class="meta"><span class="tag-ok"><?cs var:L.Close.AgentLabel ?></span> <strong><bdi><?cs var:e.actor ?></bdi></strong> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><?cs if:e.body ?><div class="text"><?cs var:e.body ?></div><?cs /if ?></li>
    <?cs elif:e.kind == "solution_confirmed" && e.field == "confirmed_via" ?>
    <li class="msg msg-customer confirmed"><p class="meta"><span class="tag-ok"><?cs var:L.Solution.ConfirmedVia ?></span> <strong><bdi><?cs var:e.old ?></bdi></strong> · <?cs var:L.Solution.Ways[e.new] ?> · <?cs var:L.Solution.RecordedBy ?> <bdi><?cs var:e.actor ?></bdi> · <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><?cs if:e.body ?><div class="text"><?cs var:e.body ?></div><?cs /if ?><?cs call:event_files(e.id, "/agent/files/") ?></li>
    <?cs elif:e.kind == "finding" ?>
    <li class="msg note finding"><p class="meta"><span class="label"><?cs var:L.Agent.Ticket.Finding ?>: <?cs var:L.Agent.FindingKind[e.field] ?></span> <strong><bdi><?cs var:e.actor ?></bdi></strong> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div></li>
    <?cs else ?>
    <li class="sys sys-<?cs var:e.kind ?>"><span class="sys-text"><strong><bdi><?cs var:e.actor ?></bdi></strong> <?cs var:L.Agent.Event[e.kind] ?>
      <?cs if:e.kind == "created" || e.kind == "claim" ?><?cs elif:e.field == "status" ?><?cs if:L.Agent.St[e.new] ?><?cs var:L.Agent.St[e.new] ?><?cs else ?><?cs var:L.Status[e.new] ?><?cs /if ?><?cs elif:e.field == "priority" ?><?cs var:Catalog.Priorities[e.new].name ?><?cs elif:e.field == "category" ?><?cs call:category_name(e.new) ?><?cs elif:e.kind == "sla" ?><?cs if:e.field == "accept_overdue" && #e.new > 0 ?><?cs var:L.Agent.AcceptOver ?> <?cs call:duration(e.new) ?><?cs var:L.Agent.AcceptOverEnd ?><?cs else ?><?cs var:L.Agent.Alert[e.field] ?><?cs /if ?><?cs elif:e.kind == "escalation" || e.kind == "escalation_answer" || e.kind == "escalated" ?><?cs elif:e.kind == "survey" ?><bdi><?cs var:e.new ?></bdi><?cs elif:(e.kind == "acceptance_signed" || e.kind == "reopen") && e.new == e.actor ?><?cs elif:e.new ?><bdi><?cs var:e.new ?></bdi><?cs elif:e.old ?><bdi><?cs var:e.old ?></bdi><?cs /if ?>
      <?cs if:e.body ?><span class="reason">— <?cs var:e.body ?></span><?cs /if ?></span> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></li>
    <?cs /if ?>
  <?cs /each ?>
  </ol>

  <section class="workbar" aria-labelledby="actions-h">
    <h2 id="actions-h" class="sr"><?cs var:L.Agent.Ticket.Actions ?></h2>
    <?cs if:Perm.claim ?><?cs call:act_form("claim") ?><button type="submit" class="primary"><?cs var:L.Agent.Action.claim ?></button></form><?cs /if ?>
    <?cs if:Perm.accept ?><?cs call:act_form("accept") ?><button type="submit" class="primary"><?cs var:L.Agent.Action.accept ?></button></form><?cs /if ?>
    <?cs if:Perm.work && NextStatus.0 ?>
    <?cs call:act_form("status") ?>
      <label for="status-to"><?cs var:L.Agent.Col.status ?></label>
      <select id="status-to" name="to"><?cs each:s = NextStatus ?><option value="<?cs var:s ?>"><?cs if:L.Agent.St[s] ?><?cs var:L.Agent.St[s] ?><?cs else ?><?cs var:L.Status[s] ?><?cs /if ?></option><?cs /each ?></select>
      <input name="reason" placeholder="<?cs var:L.Agent.Action.Reason ?>" aria-label="<?cs var:L.Agent.Action.Reason ?>" value="<?cs if:ActionFailed == "status" ?><?cs var:Form.reason.value ?><?cs /if ?>">
      <button type="submit"><?cs var:L.Agent.Action.status ?></button>
    </form>
    <?cs /if ?>
    <div class="menus">
    <?cs if:Perm.work ?>
    <details class="menu"<?cs call:menu_open("priority") ?>><summary><?cs var:L.Agent.Action.priority ?></summary>
    <div class="pop">
    <?cs call:act_form("priority") ?>
      <label for="prio-to"><?cs var:L.Agent.Col.priority ?></label>
      <select id="prio-to" name="priority"><?cs each:p = Catalog.PriorityList ?><option value="<?cs var:p.id ?>"<?cs if:p.code == Ticket.priority ?> selected<?cs /if ?>><?cs var:p.name ?></option><?cs /each ?></select>
      <label for="prio-reason"><?cs var:L.Agent.Action.Reason ?></label>
      <input id="prio-reason" name="reason" required value="<?cs if:ActionFailed == "priority" ?><?cs var:Form.reason.value ?><?cs /if ?>">
      <p class="hint"><?cs var:L.Agent.Action.PriorityHelp ?></p>
      <button type="submit"><?cs var:L.Agent.Action.priority ?></button>
    </form></div></details>
    <?cs if:Ticket.status == "in_progress" ?>
    <details class="menu"<?cs call:menu_open("propose_solution") ?>><summary><?cs var:L.Solution.Propose ?></summary>
    <div class="pop">
    <?cs call:act_form("propose_solution") ?>
      <label for="sol-delivery"><?cs var:L.Solution.DeliveryLabel ?></label>
      <select id="sol-delivery" name="delivery"><?cs each:k = L.Solution.Delivery ?><option value="<?cs name:k ?>"><?cs var:k ?></option><?cs /each ?></select>
      <label for="sol-steps"><?cs var:L.Solution.Steps ?></label>
      <textarea id="sol-steps" name="steps" rows="4" required><?cs if:ActionFailed == "propose_solution" ?><?cs var:Form.steps.value ?><?cs /if ?></textarea>
      <label for="sol-expected"><?cs var:L.Solution.Expected ?></label>
      <textarea id="sol-expected" name="expected" rows="2" required><?cs if:ActionFailed == "propose_solution" ?><?cs var:Form.expected.value ?><?cs /if ?></textarea>
      <label for="sol-risks"><?cs var:L.Solution.Risks ?></label>
      <textarea id="sol-risks" name="risks" rows="2" required><?cs if:ActionFailed == "propose_solution" ?><?cs var:Form.risks.value ?><?cs /if ?></textarea>
      <button type="submit"><?cs var:L.Solution.Propose ?></button>
    </form></div></details>
    <?cs /if ?>
    <?cs if:Perm.work && Ticket.status != "closed" && Ticket.status != "new" ?>
    <details class="menu"<?cs call:menu_open("work") ?>><summary><?cs var:L.Work.Log ?></summary>
    <div class="pop">
    <?cs call:act_form("work") ?>
      <label for="wk-kind"><?cs var:L.Work.KindLabel ?></label>
      <select id="wk-kind" name="kind"><?cs each:k = L.Work.Kind ?><option value="<?cs name:k ?>"<?cs if:ActionFailed == "work" && Query.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?></select>
      <label for="wk-text"><?cs var:L.Work.Text ?></label>
      <textarea id="wk-text" name="text" rows="3" required><?cs if:ActionFailed == "work" ?><?cs var:Form.text.value ?><?cs /if ?></textarea>
      <label for="wk-old"><?cs var:L.Work.OldSerial ?></label>
      <input id="wk-old" name="old_serial" data-maxchars="100" value="<?cs if:ActionFailed == "work" ?><?cs var:Form.old_serial.value ?><?cs /if ?>">
      <label for="wk-new"><?cs var:L.Work.NewSerial ?></label>
      <input id="wk-new" name="new_serial" data-maxchars="100" value="<?cs if:ActionFailed == "work" ?><?cs var:Form.new_serial.value ?><?cs /if ?>">
      <button type="submit"><?cs var:L.Work.Save ?></button>
    </form></div></details>
    <?cs /if ?>
    <?cs if:Ticket.status == "solution_proposed" && Perm.work ?>
    <details class="menu"<?cs call:menu_open("record_confirmation") ?>><summary><?cs var:L.Solution.Record ?></summary>
    <div class="pop">
    <?cs call:act_form_files("record_confirmation") ?>
      <p class="hint"><?cs var:L.Solution.RecordHelp ?></p>
      <label for="rc-via"><?cs var:L.Solution.Via ?></label>
      <select id="rc-via" name="via"><?cs each:k = L.Solution.Ways ?><option value="<?cs name:k ?>"<?cs if:ActionFailed == "record_confirmation" && Query.via == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?></select>
      <label for="rc-name"><?cs var:L.Solution.CustomerName ?></label>
      <input id="rc-name" name="name" data-maxchars="100" required value="<?cs if:ActionFailed == "record_confirmation" ?><?cs var:Form.name.value ?><?cs /if ?>">
      <label for="rc-note"><?cs var:L.Solution.Note ?></label>
      <textarea id="rc-note" name="note" rows="2"><?cs if:ActionFailed == "record_confirmation" ?><?cs var:Form.note.value ?><?cs /if ?></textarea>
      <?cs call:attach_input("record_confirmation") ?>
      <button type="submit"><?cs var:L.Solution.Record ?></button>
    </form></div></details>
    <?cs /if ?>
    <?cs if:Ticket.status == "closed" ?>
    <details class="menu"<?cs call:menu_open("survey_phone") ?>><summary><?cs var:L.Agent.Action.survey_phone ?></summary>
    <div class="pop">
    <?cs call:act_form("survey_phone") ?>
      <?cs each:q = L.Agent.SurveyQ ?><label for="sv-<?cs name:q ?>"><?cs var:q ?></label>
      <select id="sv-<?cs name:q ?>" name="<?cs name:q ?>"><option value="5">5</option><option value="4">4</option><option value="3">3</option><option value="2">2</option><option value="1">1</option></select><?cs /each ?>
      <label for="sv-sugg"><?cs var:L.Survey.Suggestions ?></label>
      <textarea id="sv-sugg" name="suggestions" rows="2"></textarea>
      <label for="sv-unmet"><?cs var:L.Survey.Unmet ?></label>
      <textarea id="sv-unmet" name="unmet_needs" rows="2"></textarea>
      <p class="hint"><?cs var:L.Agent.Action.SurveyHelp ?></p>
      <button type="submit"><?cs var:L.Agent.Action.survey_phone ?></button>
    </form></div></details>
    <?cs /if ?>
    <details class="menu"<?cs call:menu_open("escalate") ?>><summary><?cs var:L.Agent.Action.escalate ?></summary>
    <div class="pop">
    <?cs call:act_form("escalate") ?>
      <label for="esc-reason"><?cs var:L.Agent.Action.Reason ?></label>
      <textarea id="esc-reason" name="reason" rows="3" required><?cs if:ActionFailed == "escalate" ?><?cs var:Form.reason.value ?><?cs /if ?></textarea>
      <label for="esc-impact"><?cs var:L.Agent.Action.Impact ?></label>
      <textarea id="esc-impact" name="impact" rows="2" required><?cs if:ActionFailed == "escalate" ?><?cs var:Form.impact.value ?><?cs /if ?></textarea>
      <label for="esc-expected"><?cs var:L.Agent.Action.Expected ?></label>
      <input id="esc-expected" name="expected" type="datetime-local">
      <p class="hint"><?cs var:L.Agent.Action.EscalateHelp ?></p>
      <button type="submit"><?cs var:L.Agent.Action.escalate ?></button>
    </form></div></details>
    <details class="menu"<?cs call:menu_open("escalation_answer") ?>><summary><?cs var:L.Agent.Action.escalation_answer ?></summary>
    <div class="pop">
    <?cs call:act_form("escalation_answer") ?>
      <label for="esc-plan"><?cs var:L.Agent.Action.Plan ?></label>
      <textarea id="esc-plan" name="plan" rows="4" required><?cs if:ActionFailed == "escalation_answer" ?><?cs var:Form.plan.value ?><?cs /if ?></textarea>
      <button type="submit"><?cs var:L.Agent.Action.escalation_answer ?></button>
    </form></div></details>
    <?cs /if ?>
    <details class="menu"<?cs call:menu_open("classify") ?>><summary><?cs var:L.Agent.Action.classify ?></summary>
    <div class="pop">
    <?cs call:act_form("classify") ?>
      <label for="cls-category"><?cs var:L.Agent.Col.category ?></label>
      <select id="cls-category" name="category"><?cs set:ClsCurrent = 0 ?><?cs each:c = Catalog.AllCategories ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Ticket.category ?> selected<?cs set:ClsCurrent = 1 ?><?cs /if ?>><?cs var:c.name ?></option><?cs /each ?><?cs if:!ClsCurrent ?><option value="<?cs var:Ticket.category ?>" selected><?cs var:Catalog.CategoryName[Ticket.category] ?></option><?cs /if ?></select>
      <label for="cls-nature"><?cs var:L.Agent.Ticket.Nature ?></label>
      <select id="cls-nature" name="nature"><option value="">—</option><?cs each:n = L.Agent.Natures ?><option value="<?cs name:n ?>"<?cs if:name(n) == Extra.nature ?> selected<?cs /if ?>><?cs var:n ?></option><?cs /each ?></select>
      <button type="submit"><?cs var:L.Agent.Action.classify ?></button>
    </form></div></details>
    <?cs if:Perm.assign ?>
    <details class="menu"<?cs call:menu_open("assign") ?>><summary><?cs var:L.Agent.Action.assign ?></summary>
    <div class="pop">
    <?cs call:act_form("assign") ?>
      <label for="as-agent"><?cs var:L.Agent.Action.Agent ?></label>
      <select id="as-agent" name="agent"><option value="0">—</option><?cs each:a = Agents ?><option value="<?cs var:a.id ?>"<?cs if:ActionFailed == "assign" && Query.agent == a.id ?> selected<?cs /if ?>><?cs var:a.name ?></option><?cs /each ?></select>
      <label for="as-team"><?cs var:L.Agent.Action.Team ?></label>
      <select id="as-team" name="team"<?cs if:ActionError == "no_team" ?> aria-invalid="true"<?cs /if ?>><option value="0">—</option><?cs each:t = Catalog.Teams ?><option value="<?cs var:t.id ?>"<?cs if:ActionFailed == "assign" && Query.team == t.id ?> selected<?cs /if ?>><?cs var:t.name ?></option><?cs /each ?></select>
      <label for="as-reason"><?cs var:L.Agent.Action.Reason ?></label>
      <input id="as-reason" name="reason" required value="<?cs if:ActionFailed == "assign" ?><?cs var:Form.reason.value ?><?cs /if ?>">
      <button type="submit"><?cs var:L.Agent.Action.assign ?></button>
    </form></div></details>
    <?cs /if ?>
    <?cs if:Perm.hand_back ?>
    <details class="menu"<?cs call:menu_open("hand_back") ?>><summary><?cs var:L.Agent.Action.hand_back ?></summary>
    <div class="pop">
    <?cs call:act_form("hand_back") ?>
      <label for="hb-reason"><?cs var:L.Agent.Action.Reason ?></label>
      <input id="hb-reason" name="reason" required value="<?cs if:ActionFailed == "hand_back" ?><?cs var:Form.reason.value ?><?cs /if ?>">
      <button type="submit"><?cs var:L.Agent.Action.hand_back ?></button>
    </form></div></details>
    <?cs /if ?>
    <?cs if:Perm.collab ?>
    <details class="menu"<?cs call:menu_open("collab_add") ?>><summary><?cs var:L.Agent.Action.collab_add ?></summary>
    <div class="pop">
    <?cs call:act_form("collab_add") ?>
      <label for="co-agent"><?cs var:L.Agent.Action.Agent ?></label>
      <select id="co-agent" name="agent"><?cs each:a = Agents ?><option value="<?cs var:a.id ?>"><?cs var:a.name ?></option><?cs /each ?></select>
      <label for="co-role"><?cs var:L.Agent.Action.Role ?></label>
      <input id="co-role" name="role" required value="<?cs if:ActionFailed == "collab_add" ?><?cs var:Form.role.value ?><?cs /if ?>">
      <button type="submit"><?cs var:L.Agent.Action.collab_add ?></button>
    </form></div></details>
    <?cs /if ?>
    </div>
  </section>

  <section class="composer" aria-labelledby="composer-h" data-active="<?cs if:ActionFailed == "note" || ActionFailed == "finding" ?><?cs var:ActionFailed ?><?cs elif:Perm.work ?>reply<?cs else ?>note<?cs /if ?>">
  <h2 id="composer-h" class="sr"><?cs var:L.Agent.Ticket.Composer ?></h2>
  <?cs if:Perm.work ?>
  <div class="pane pane-reply" id="pane-reply" data-tab="<?cs var:L.Agent.Action.reply ?>">
  <?cs call:act_form_files("reply") ?>
    <label for="reply-body"><?cs var:L.Agent.Action.reply ?></label>
    <?cs include!"agent/reply_templates.cs" ?>
    <textarea id="reply-body" name="body" rows="5" aria-describedby="reply-hint"><?cs if:ActionFailed == "reply" ?><?cs var:Form.body.value ?><?cs /if ?></textarea>
    <?cs call:attach_input("reply") ?>
    <p class="form-foot"><span class="hint" id="reply-hint"><?cs var:L.Agent.Ticket.ReplyHint ?></span><button type="submit" class="primary"><?cs var:L.Agent.Action.reply ?></button></p>
  </form>
  </div>
  <?cs /if ?>
  <div class="pane pane-note" id="pane-note" data-tab="<?cs var:L.Agent.Ticket.Internal ?>">
  <?cs call:act_form_files("note") ?>
    <label for="note-body"><?cs var:L.Agent.Action.note ?></label>
    <textarea id="note-body" name="body" rows="3" class="note-input" aria-describedby="note-hint"><?cs if:ActionFailed == "note" ?><?cs var:Form.body.value ?><?cs /if ?></textarea>
    <?cs call:attach_input("note") ?>
    <p class="form-foot"><span class="hint hint-lock" id="note-hint"><?cs var:L.Agent.Ticket.NoteHint ?></span><button type="submit" class="note-go"><?cs var:L.Agent.Action.note ?></button></p>
  </form>
  </div>
  <?cs if:Perm.work ?>
  <div class="pane pane-finding" id="pane-finding" data-tab="<?cs var:L.Agent.Action.finding ?>">
  <?cs call:act_form("finding") ?>
    <label for="finding-kind"><?cs var:L.Agent.Action.finding ?></label>
    <select id="finding-kind" name="kind"><?cs each:k = L.Agent.FindingKind ?><option value="<?cs name:k ?>"<?cs if:ActionFailed == "finding" && name(k) == Query.kind ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?></select>
    <textarea id="finding-text" name="text" rows="3" aria-label="<?cs var:L.Agent.Action.Body ?>" aria-describedby="finding-hint"><?cs if:ActionFailed == "finding" ?><?cs var:Form.text.value ?><?cs /if ?></textarea>
    <p class="form-foot"><span class="hint hint-lock" id="finding-hint"><?cs var:L.Agent.Ticket.FindingHint ?></span><button type="submit"><?cs var:L.Agent.Action.finding ?></button></p>
  </form>
  </div>
  <?cs /if ?>
  </section>
</section>

<aside class="props" aria-label="<?cs var:L.Agent.Ticket.Properties ?>">
  <section class="card card-customer">
    <h2><?cs var:L.Agent.Ticket.Customer ?></h2>
    <p class="cust-line"><strong><bdi><?cs var:Extra.customer ?></bdi></strong><?cs call:tag_list(Extra.tags) ?></p>
    <?cs if:Extra.organisation ?><p class="org"><bdi><?cs var:Extra.organisation ?></bdi></p><?cs /if ?>
    <dl class="kv">
      <div><dt><?cs var:L.Agent.Ticket.Contact ?></dt><dd><bdi><?cs var:Ticket.contact_name ?></bdi></dd></div>
    <?cs if:Contacts.shown ?>
      <div><dt><?cs var:L.Agent.Ticket.Email ?></dt><dd><span class="contact"><?cs var:Contacts.email ?></span></dd></div>
      <div><dt><?cs var:L.Agent.Ticket.Phone ?></dt><dd><span class="contact"><?cs var:Contacts.phone ?></span></dd></div>
    <?cs /if ?>
      <div><dt><?cs var:L.Agent.Ticket.Preferred ?></dt><dd><?cs each:o = L.Form.ContactOptions ?><?cs if:o.code == Ticket.preferred_contact ?><?cs var:o.label ?><?cs /if ?><?cs /each ?></dd></div>
    </dl>
    <?cs if:!Contacts.shown && Perm.contacts ?>
      <?cs call:act_form("reveal") ?><button type="submit" class="small"><?cs var:L.Agent.Ticket.Reveal ?></button><span class="hint"><?cs var:L.Agent.Ticket.RevealNote ?></span></form>
    <?cs /if ?>
  </section>
  <section class="card card-props">
    <h2 class="h-props"><?cs var:L.Agent.Ticket.Properties ?></h2>
    <dl class="kv">
      <div><dt><?cs var:L.Agent.Col.category ?></dt><dd><?cs var:Catalog.CategoryName[Ticket.category] ?></dd></div>
      <?cs if:Extra.nature ?><div><dt><?cs var:L.Agent.Ticket.Nature ?></dt><dd><?cs if:L.Agent.Natures[Extra.nature] ?><?cs var:L.Agent.Natures[Extra.nature] ?><?cs else ?><?cs var:Extra.nature ?><?cs /if ?></dd></div><?cs /if ?>
      <div><dt><?cs var:L.Agent.Col.priority ?></dt><dd><?cs call:priority_badge(Ticket.priority) ?></dd></div>
      <div><dt><?cs var:L.Agent.Col.status ?></dt><dd><?cs call:status_pill(Ticket.status) ?></dd></div>
      <div><dt><?cs var:L.Agent.Col.channel ?></dt><dd><?cs var:Catalog.ChannelName[Ticket.channel] ?></dd></div>
      <div><dt><?cs var:L.Agent.Col.created ?></dt><dd><?cs var:Ticket.created_at ?></dd></div>
      <div><dt><?cs var:L.Agent.Ticket.Updated ?></dt><dd><?cs var:Ticket.updated_at ?></dd></div>
    </dl>
    <?cs if:Requests.0.id ?><h3><?cs var:L.Agent.Action.Pending ?></h3><ul class="requests"><?cs each:q = Requests ?><li><bdi><?cs var:q.by ?></bdi><?cs if:q.api == "1" ?> <span class="tag tag-c-neutral" title="<?cs var:L.Agent.Action.ViaApiHelp ?>">API</span><?cs /if ?> → <?cs call:priority_badge(q.to) ?> <span class="muted"><?cs var:q.reason ?></span></li><?cs /each ?></ul><?cs /if ?>
  </section>
  <section class="card card-owner">
    <h2><?cs var:L.Agent.Ticket.Owner ?></h2>
    <p><?cs if:Ticket.owner != "0" ?><?cs each:a = Agents ?><?cs if:a.id == Ticket.owner ?><bdi><?cs var:a.name ?></bdi><?cs /if ?><?cs /each ?><?cs else ?><span class="muted"><?cs var:L.Agent.Ticket.Nobody ?></span><?cs /if ?>
      · <?cs var:Catalog.TeamName[Ticket.team] ?></p>
    <?cs if:Collaborators.0.id ?><h3><?cs var:L.Agent.Ticket.Collaborators ?></h3><ul class="collabs">
      <?cs each:c = Collaborators ?><li><span><bdi><?cs var:c.name ?></bdi> <span class="muted"><bdi>(<?cs var:c.extra ?>)</bdi></span></span>
        <?cs if:Perm.collab ?><?cs call:act_form("collab_remove") ?><input type="hidden" name="agent" value="<?cs var:c.id ?>"><button type="submit" class="link" aria-label="<?cs var:L.Agent.Action.collab_remove ?> <?cs var:c.name ?>"><?cs var:L.Agent.Action.collab_remove ?></button></form><?cs /if ?></li><?cs /each ?></ul><?cs /if ?>
  </section>
  <section class="card card-clocks">
    <h2><?cs var:L.Agent.Ticket.Clocks ?></h2>
    <dl class="clocks">
      <?cs call:clock(L.Agent.Ticket.Classify, Due.classify, "", "") ?>
      <?cs call:clock(L.Agent.Ticket.Accept, Due.accept, Done.accepted_at, Met.accept) ?>
      <?cs call:clock(L.Agent.Ticket.FirstResponse, Due.first_response, Done.first_response_at, Met.first_response) ?>
      <?cs call:clock(L.Agent.Ticket.Resolution, Due.resolution, Done.resolved_at, Met.resolution) ?>
    </dl>
  </section>
  <section class="card card-details">
    <h2><?cs var:L.Agent.Ticket.Details ?></h2>
    <dl class="kv">
      <?cs if:Ticket.product || Ticket.product_version || Ticket.serial_number ?><div><dt><?cs var:L.Agent.Ticket.Product ?></dt><dd><?cs var:Ticket.product ?> <?cs var:Ticket.product_version ?> <?cs var:Ticket.serial_number ?></dd></div><?cs /if ?>
      <?cs each:o = L.Form.ImpactOptions ?><?cs if:o.code == Ticket.impact ?><div><dt><?cs var:L.Form.impact ?></dt><dd><?cs var:o.label ?></dd></div><?cs /if ?><?cs /each ?>
      <?cs each:v = Values ?><div><dt><?cs var:v.label ?></dt><dd class="text"><?cs var:v.value ?></dd></div><?cs /each ?>
      <?cs if:Extra.tried ?><div><dt><?cs var:L.Agent.Ticket.Tried ?></dt><dd class="text"><?cs var:Extra.tried ?></dd></div><?cs /if ?>
      <?cs if:Extra.error_message ?><div><dt><?cs var:L.Agent.Ticket.ErrorMessage ?></dt><dd class="text"><?cs var:Extra.error_message ?></dd></div><?cs /if ?>
      <?cs if:Extra.started_at ?><div><dt><?cs var:L.Agent.Ticket.Started ?></dt><dd><?cs var:Extra.started_at ?></dd></div><?cs /if ?>
      <?cs if:Extra.expected_at ?><div><dt><?cs var:L.Agent.Ticket.Expected ?></dt><dd><?cs var:Extra.expected_at ?></dd></div><?cs /if ?>
      <?cs if:Extra.keywords ?><div><dt><?cs var:L.Agent.Ticket.Keywords ?></dt><dd><?cs var:Extra.keywords ?></dd></div><?cs /if ?>
    </dl>
  </section>
</aside>
</div>
<?cs call:agent_end() ?>
