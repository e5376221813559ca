<?cs include!"agent/layout.cs" ?>
<?cs call:agent_start(Ticket.number) ?>
<?cs def:act_form(action) ?><form method="post" action="/agent/t/<?cs var:url_escape(Ticket.number) ?>/act" class="act act-<?cs var:action ?>">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="version" value="<?cs var:Ticket.version ?>"><input type="hidden" name="action" value="<?cs var:action ?>"><?cs /def ?>
<?cs def:act_form_files(action) ?><form method="post" action="/agent/t/<?cs var:url_escape(Ticket.number) ?>/act" class="act act-<?cs var:action ?>" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="version" value="<?cs var:Ticket.version ?>"><input type="hidden" name="action" value="<?cs var:action ?>"><?cs /def ?>
<?cs def:attach_input(action) ?><div class="attach"><label for="<?cs var:action ?>-files" class="attach-label"><?cs var:L.Attach.Label ?></label> <input id="<?cs var:action ?>-files" name="files" type="file" multiple data-max-bytes="<?cs var:Attach.MaxBytes ?>" data-too-large="<?cs var:L.Agent.Fail.file_too_large ?>"><span class="hint"><?cs var:Attach.Limit ?></span></div><?cs /def ?>
<?cs def:minutes_input(action) ?><span class="minutes-field<?cs if:ActionFailed == action && Form.minutes.error ?> has-error<?cs /if ?>"><label for="<?cs var:action ?>-minutes"><?cs var:L.Agent.Spent.Label ?></label> <input id="<?cs var:action ?>-minutes" name="minutes" class="minutes" inputmode="numeric" size="5" title="<?cs var:L.Agent.Spent.Help ?>" value="<?cs if:ActionFailed == action ?><?cs var:Form.minutes.value ?><?cs /if ?>"<?cs if:ActionFailed == action && Form.minutes.error ?> aria-invalid="true"<?cs /if ?>></span><?cs /def ?>
<?cs def:clock(label, d, done, met) ?><div class="clock"><dt><?cs var:label ?></dt><dd><?cs if:d.state == "paused" ?><?cs call:sla_chip(d) ?><?cs elif:d.state != "none" ?><?cs call:sla_chip(d) ?> <time datetime="<?cs var:d.iso ?>"><?cs var:d ?></time><?cs elif:done ?><span class="sla sla-done"><?cs var:L.Agent.Ticket.Done ?></span> <time><?cs var:done ?></time><?cs if:met ?> <span class="met met-<?cs var:met ?>"><?cs var:L.Agent.Met[met] ?></span><?cs /if ?><?cs else ?><span class="muted"><?cs var:L.Agent.Sla.none ?></span><?cs /if ?></dd></div><?cs /def ?>
<?cs # an entry of a ticket merged into this one, marked with its number ?>
<?cs def:from_merged(e) ?><?cs if:e.from ?><span class="from-merged" data-from="<?cs var:e.from ?>"><?cs var:L.Merge.FromMark ?> <code><?cs var:e.from ?></code></span> <?cs /if ?><?cs /def ?>
<?cs def:category_name(code) ?><?cs each:c = Catalog.AllCategories ?><?cs if:c.code == code ?><?cs var:c.name ?><?cs /if ?><?cs /each ?><?cs /def ?>
<?cs # A panel opens when its link is followed (#p-CODE, CSS :target) or
       when its action failed and the page shows the error. ?>
<?cs def:open_if(action) ?><?cs if:ActionFailed == action ?> open<?cs /if ?><?cs /def ?>
<?cs def:open_status(to) ?><?cs if:ActionFailed == "status" && Query.to == to ?> open<?cs /if ?><?cs /def ?>
<?cs def:panel_foot(label) ?><p class="panel-foot"><button type="submit" class="primary"><?cs var:label ?></button> <a class="cancel" href="#_"><?cs var:L.Agent.Next.Cancel ?></a></p><?cs /def ?>
<?cs # One step of the next-step bar (lib/ticket_next.h): a one-click form,
       a link to its panel, or the proposal's own page. ?>
<?cs def:step_control(s, cls) ?><?cs
  if:s.code == "claim" || s.code == "accept" ?><?cs call:act_form(s.code) ?><button type="submit" class="<?cs var:cls ?>"><?cs var:L.Agent.Next.Step[s.code] ?></button></form><?cs
  elif:s.code == "propose" ?><a class="button step-propose <?cs var:cls ?>" href="/agent/t/<?cs var:url_escape(Ticket.number) ?>/solution"><?cs var:L.Agent.Next.Step[s.code] ?></a><?cs
  elif:s.code == "start" || s.code == "resume" || s.code == "wait_customer" || s.code == "wait_third_party" || s.code == "withdraw" || s.code == "rework" ?><?cs call:act_form("status") ?><input type="hidden" name="to" value="<?cs var:s.to ?>"><button type="submit" class="step-<?cs var:s.code ?> <?cs var:cls ?>"><?cs var:L.Agent.Next.Step[s.code] ?></button></form><?cs
  else ?><a class="button step-<?cs var:s.code ?> <?cs var:cls ?>" href="#p-<?cs var:s.code ?>" aria-controls="p-<?cs var:s.code ?>"><?cs var:L.Agent.Next.Step[s.code] ?></a><?cs /if ?><?cs /def ?>

<div class="ticket-head">
  <h1><code class="tn"><?cs var:Ticket.number ?></code> <span class="subject"><bdi><?cs var:Ticket.subject ?></bdi></span></h1>
  <p class="sub"><?cs call:status_pill(Ticket.status) ?>
    <?cs call:priority_badge(Ticket.priority) ?>
    <span class="facts"><?cs var:Catalog.CategoryName[Ticket.category] ?> · <?cs var:Catalog.ChannelName[Ticket.channel] ?> · <?cs var:Catalog.TeamName[Ticket.team] ?> · <time datetime="<?cs var:Ticket.created_at.iso ?>"><?cs var:Ticket.created_at ?></time></span></p>
</div>
<?cs if:Acceptance.archived ?><p class="archived-form"><span class="doc-icon" aria-hidden="true"></span><?cs var:L.Acceptance.Archived ?> <a href="/agent/t/<?cs var:url_escape(Ticket.number) ?>/acceptance"><?cs var:L.Acceptance.ArchivedLink ?></a></p><?cs /if ?>
<?cs if:Merged.from ?><p class="notice merged-notice" role="status"><?cs var:L.Merge.CameFrom ?> <code><?cs var:Merged.from ?></code></p><?cs /if ?>
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
    <?cs if:e.kind == "created" && e.from ?>
    <li class="msg msg-customer merged-first"><p class="meta"><?cs call:from_merged(e) ?><span class="avatar" aria-hidden="true"></span><strong><bdi><?cs var:e.actor ?></bdi></strong> <span class="who-kind"><?cs var:L.Agent.Ticket.FromCustomer ?></span> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div><?cs call:event_files(e.id, "/agent/files/") ?></li>
    <?cs elif:e.kind == "merged_into" && e.from ?><?cs # said by this ticket's own merged_from entry ?>
    <?cs elif:e.kind == "reply" || e.kind == "comment" || e.kind == "attachment" ?>
    <li class="msg msg-<?cs var:e.actor_type ?>"><p class="meta"><?cs call:from_merged(e) ?><span class="avatar" aria-hidden="true"></span><strong><bdi><?cs var:e.actor ?></bdi></strong> <?cs if:e.actor_type == "customer" ?><span class="who-kind"><?cs var:L.Agent.Ticket.FromCustomer ?></span> <?cs elif:e.kind == "reply" ?><span class="who-kind"><?cs var:L.Agent.Ticket.FromAgent ?></span> <?cs /if ?><time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div><?cs call:event_files(e.id, "/agent/files/") ?></li>
    <?cs elif:e.kind == "solution" ?>
    <li class="msg msg-agent"><p class="meta"><?cs call:from_merged(e) ?><strong><bdi><?cs var:e.actor ?></bdi></strong> <span class="who-kind"><?cs var:L.Solution.Propose ?></span> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div></li>
    <?cs elif:e.kind == "workaround" ?>
    <li class="msg msg-agent workaround"><p class="meta"><?cs call:from_merged(e) ?><strong><bdi><?cs var:e.actor ?></bdi></strong> <span class="who-kind"><?cs var:L.Workaround.Title ?></span><?cs if:e.new ?> <span class="met met-<?cs var:e.new ?>"><?cs var:L.Workaround.Met[e.new] ?></span><?cs /if ?> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div></li>
    <?cs elif:e.kind == "note" ?>
    <li class="msg note"><p class="meta"><?cs call:from_merged(e) ?><span class="label"><?cs var:L.Agent.Ticket.Internal ?></span> <strong><bdi><?cs var:e.actor ?></bdi></strong> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div><?cs call:event_files(e.id, "/agent/files/") ?></li>
    <?cs elif:e.kind == "work" ?>
    <li class="msg note work"><p class="meta"><?cs call:from_merged(e) ?><span class="label"><?cs var:L.Work.Kind[e.field] ?></span> <strong><bdi><?cs var:e.actor ?></bdi></strong> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div><?cs if:e.old || e.new ?><p class="serials"><?cs var:L.Work.Serial ?> <code><?cs if:e.old ?><bdi><?cs var:e.old ?></bdi><?cs else ?>-<?cs /if ?></code> → <code><?cs if:e.new ?><bdi><?cs var:e.new ?></bdi><?cs else ?>-<?cs /if ?></code></p><?cs /if ?></li>
    <?cs elif:e.kind == "close_requested" ?>
    <li class="msg msg-customer close-request"><p class="meta"><?cs call:from_merged(e) ?><span class="tag-ok"><?cs var:L.Close.AgentLabel ?></span> <strong><bdi><?cs var:e.actor ?></bdi></strong> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><?cs if:e.body ?><div class="text"><?cs var:e.body ?></div><?cs /if ?></li>
    <?cs elif:e.kind == "solution_confirmed" && e.field == "confirmed_via" ?>
    <li class="msg msg-customer confirmed"><p class="meta"><?cs call:from_merged(e) ?><span class="tag-ok"><?cs var:L.Solution.ConfirmedVia ?></span> <strong><bdi><?cs var:e.old ?></bdi></strong> · <?cs var:L.Solution.Ways[e.new] ?> · <?cs var:L.Solution.RecordedBy ?> <bdi><?cs var:e.actor ?></bdi> · <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><?cs if:e.body ?><div class="text"><?cs var:e.body ?></div><?cs /if ?><?cs call:event_files(e.id, "/agent/files/") ?></li>
    <?cs elif:e.kind == "evaluation" ?>
    <li class="msg msg-agent evaluation"><p class="meta"><?cs call:from_merged(e) ?><strong><bdi><?cs var:e.actor ?></bdi></strong> <span class="who-kind"><a href="/agent/t/<?cs var:url_escape(Ticket.number) ?>/evaluation"><?cs var:L.Evaluation.Title ?></a></span> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div></li>
    <?cs elif:e.kind == "evaluation_approved" || e.kind == "evaluation_declined" ?>
    <li class="msg msg-customer confirmed <?cs var:e.kind ?>"><p class="meta"><?cs call:from_merged(e) ?><span class="tag-ok"><?cs var:L.Evaluation.Title ?> · <?cs var:L.Evaluation.Revision ?> <?cs var:e.old ?> · <?cs if:e.kind == "evaluation_approved" ?><?cs var:L.Evaluation.State.approved ?><?cs else ?><?cs var:L.Evaluation.State.declined ?><?cs /if ?></span> <strong><bdi><?cs var:e.new ?></bdi></strong><?cs if:e.field == "decided_by_mail" ?> · <?cs var:L.Evaluation.ByMail ?> <bdi><?cs var:e.actor ?></bdi><?cs /if ?> · <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><?cs if:e.body ?><div class="text"><?cs var:e.body ?></div><?cs /if ?><?cs call:event_files(e.id, "/agent/files/") ?></li>
    <?cs elif:e.kind == "finding" ?>
    <li class="msg note finding"><p class="meta"><?cs call:from_merged(e) ?><span class="label"><?cs var:L.Agent.Ticket.Finding ?>: <?cs var:L.Agent.FindingKind[e.field] ?></span> <strong><bdi><?cs var:e.actor ?></bdi></strong> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div></li>
    <?cs else ?>
    <li class="sys sys-<?cs var:e.kind ?>"><span class="sys-text"><?cs call:from_merged(e) ?><strong><bdi><?cs var:e.actor ?></bdi></strong> <?cs var:L.Agent.Event[e.kind] ?>
      <?cs if:e.kind == "created" || e.kind == "claim" ?><?cs elif:e.kind == "link" || e.kind == "unlink" ?><?cs var:L.Links.Kind[e.field] ?><?cs # the other ticket is in the links card, for those who may see it ?><?cs elif:e.field == "status" ?><?cs if:L.Agent.St[e.new] ?><?cs var:L.Agent.St[e.new] ?><?cs else ?><?cs var:L.Status[e.new] ?><?cs /if ?><?cs elif:e.field == "priority" ?><?cs var:Catalog.Priorities[e.new].name ?><?cs elif:e.field == "category" ?><?cs call:category_name(e.new) ?><?cs elif:e.kind == "sla" ?><?cs if:e.field == "accept_overdue" && #e.new > 0 ?><?cs var:L.Agent.AcceptOver ?> <?cs call:duration(e.new) ?><?cs var:L.Agent.AcceptOverEnd ?><?cs else ?><?cs var:L.Agent.Alert[e.field] ?><?cs /if ?><?cs elif:e.kind == "escalation" || e.kind == "escalation_answer" || e.kind == "escalated" ?><?cs elif:e.kind == "survey" ?><bdi><?cs var:e.new ?></bdi><?cs elif:(e.kind == "acceptance_signed" || e.kind == "reopen") && e.new == e.actor ?><?cs elif:e.new ?><bdi><?cs var:e.new ?></bdi><?cs elif:e.old ?><bdi><?cs var:e.old ?></bdi><?cs /if ?>
      <?cs if:e.body ?><span class="reason">— <?cs var:e.body ?></span><?cs /if ?></span> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></li>
    <?cs /if ?>
  <?cs /each ?>
  </ol>

  <section class="next" id="next" aria-labelledby="next-h">
    <div class="next-head">
      <h2 id="next-h"><?cs var:L.Agent.Next.Title ?></h2>
      <?cs if:Due.escalation.state && Due.escalation.state != "none" ?><span class="next-clock"><?cs var:L.Agent.Next.EscalationDue ?> <?cs call:sla_chip(Due.escalation) ?></span><?cs /if ?>
      <?cs if:Due.workaround.state && Due.workaround.state != "none" ?><span class="next-clock wa-clock"><?cs var:L.Workaround.Due ?> <?cs call:sla_chip(Due.workaround) ?></span><?cs /if ?>
    </div>
    <?cs if:Next.Waiting ?><p class="next-wait wait-<?cs var:Next.Waiting ?>"><?cs var:L.Agent.Next.Wait[Next.Waiting] ?></p><?cs /if ?>
    <?cs if:L.Agent.Next.Say[Next.Steps.0.code] ?><p class="next-say"><?cs var:L.Agent.Next.Say[Next.Steps.0.code] ?></p><?cs elif:Ticket.status == "closed" ?><p class="next-say"><?cs var:L.Agent.Next.Closed ?></p><?cs /if ?>
    <?cs if:Next.Steps.0.code ?>
    <div class="next-bar">
      <?cs each:s = Next.Steps ?><?cs if:s.place == "first" ?><?cs call:step_control(s, "primary big") ?><?cs elif:s.place == "bar" ?><?cs call:step_control(s, "") ?><?cs /if ?><?cs /each ?>
      <?cs if:Next.More ?>
      <details class="menu more"><summary><?cs var:L.Agent.Next.More ?></summary>
        <div class="pop menu-list">
        <?cs each:s = Next.Steps ?><?cs if:s.place == "more" ?><?cs call:step_control(s, "item") ?><?cs /if ?><?cs /each ?>
        </div>
      </details>
      <?cs /if ?>
    </div>
    <?cs /if ?>

    <?cs if:Next.Can.answer_escalation ?>
    <section class="panel<?cs call:open_if("escalation_answer") ?>" id="p-answer_escalation" aria-labelledby="p-answer_escalation-h" tabindex="-1">
    <h3 id="p-answer_escalation-h"><?cs var:L.Agent.Next.Step.answer_escalation ?></h3>
    <?cs call:act_form("escalation_answer") ?>
      <label for="esc-plan"><?cs var:L.Agent.Action.Plan ?></label>
      <textarea id="esc-plan" name="plan" rows="5" required><?cs if:ActionFailed == "escalation_answer" ?><?cs var:Form.plan.value ?><?cs /if ?></textarea>
      <?cs call:panel_foot(L.Agent.Next.Step.answer_escalation) ?>
    </form></section>
    <?cs /if ?>
    <?cs if:Next.Can.record_confirmation ?>
    <section class="panel<?cs call:open_if("record_confirmation") ?>" id="p-record_confirmation" aria-labelledby="p-record_confirmation-h" tabindex="-1">
    <h3 id="p-record_confirmation-h"><?cs var:L.Solution.Record ?></h3>
    <?cs call:act_form_files("record_confirmation") ?>
      <p class="hint"><?cs var:L.Solution.RecordHelp ?></p>
      <div class="row2">
        <div><label for="rc-via"><?cs var:L.Solution.Via ?></label>
        <select id="rc-via" name="via"><?cs each:k = L.Solution.Ways ?><option value="<?cs name:k ?>"<?cs if:ActionFailed == "record_confirmation" && Query.via == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?></select></div>
        <div><label for="rc-name"><?cs var:L.Solution.CustomerName ?></label>
        <input id="rc-name" name="name" data-maxchars="100" required value="<?cs if:ActionFailed == "record_confirmation" ?><?cs var:Form.name.value ?><?cs /if ?>"></div>
      </div>
      <label for="rc-note"><?cs var:L.Solution.Note ?></label>
      <textarea id="rc-note" name="note" rows="2"><?cs if:ActionFailed == "record_confirmation" ?><?cs var:Form.note.value ?><?cs /if ?></textarea>
      <?cs call:attach_input("record_confirmation") ?>
      <?cs call:panel_foot(L.Solution.Record) ?>
    </form></section>
    <?cs /if ?>
    <?cs if:Next.Can.resolve ?>
    <section class="panel<?cs call:open_status("resolved") ?>" id="p-resolve" aria-labelledby="p-resolve-h" tabindex="-1">
    <h3 id="p-resolve-h"><?cs var:L.Agent.Next.Step.resolve ?></h3>
    <?cs call:act_form("status") ?><input type="hidden" name="to" value="resolved">
      <label for="resolve-note"><?cs var:L.Agent.Next.ResolveNote ?></label>
      <textarea id="resolve-note" name="reason" rows="3" data-maxchars="1000" required aria-describedby="resolve-help"><?cs if:ActionFailed == "status" && Query.to == "resolved" ?><?cs var:Form.reason.value ?><?cs /if ?></textarea>
      <p class="hint" id="resolve-help"><?cs var:L.Agent.Next.ResolveHelp ?></p>
      <?cs call:panel_foot(L.Agent.Next.Step.resolve) ?>
    </form></section>
    <?cs /if ?>
    <?cs if:Next.Can.log_work ?>
    <section class="panel<?cs call:open_if("work") ?>" id="p-log_work" aria-labelledby="p-log_work-h" tabindex="-1">
    <h3 id="p-log_work-h"><?cs var:L.Work.Log ?></h3>
    <?cs call:act_form("work") ?>
      <label for="wk-kind"><?cs var:L.Work.KindLabel ?></label>
      <select id="wk-kind" name="kind"><?cs each:k = L.Work.Kind ?><option value="<?cs name:k ?>"<?cs if:ActionFailed == "work" && Query.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?></select>
      <label for="wk-text"><?cs var:L.Work.Text ?></label>
      <textarea id="wk-text" name="text" rows="3" required><?cs if:ActionFailed == "work" ?><?cs var:Form.text.value ?><?cs /if ?></textarea>
      <div class="row2">
        <div><label for="wk-old"><?cs var:L.Work.OldSerial ?></label>
        <input id="wk-old" name="old_serial" data-maxchars="100" value="<?cs if:ActionFailed == "work" ?><?cs var:Form.old_serial.value ?><?cs /if ?>"></div>
        <div><label for="wk-new"><?cs var:L.Work.NewSerial ?></label>
        <input id="wk-new" name="new_serial" data-maxchars="100" value="<?cs if:ActionFailed == "work" ?><?cs var:Form.new_serial.value ?><?cs /if ?>"></div>
      </div>
      <?cs call:minutes_input("work") ?>
      <?cs call:panel_foot(L.Work.Save) ?>
    </form></section>
    <?cs /if ?>
    <?cs if:Next.Can.escalate ?>
    <section class="panel<?cs call:open_if("escalate") ?>" id="p-escalate" aria-labelledby="p-escalate-h" tabindex="-1">
    <h3 id="p-escalate-h"><?cs var:L.Agent.Action.escalate ?></h3>
    <?cs call:act_form("escalate") ?>
      <label for="esc-reason"><?cs var:L.Agent.Action.Reason ?></label>
      <textarea id="esc-reason" name="reason" rows="3" required><?cs if:ActionFailed == "escalate" ?><?cs var:Form.reason.value ?><?cs /if ?></textarea>
      <label for="esc-impact"><?cs var:L.Agent.Action.Impact ?></label>
      <textarea id="esc-impact" name="impact" rows="2" required><?cs if:ActionFailed == "escalate" ?><?cs var:Form.impact.value ?><?cs /if ?></textarea>
      <label for="esc-expected"><?cs var:L.Agent.Action.Expected ?></label>
      <input id="esc-expected" name="expected" type="datetime-local"<?cs if:ActionFailed == "escalate" ?> value="<?cs var:Query.expected ?>"<?cs /if ?>>
      <?cs if:subcount(Catalog.RndTeams) > 1 ?>
      <label for="esc-team"><?cs var:L.Agent.Esc.Team ?></label>
      <select id="esc-team" name="team"><?cs each:r = Catalog.RndTeams ?><option value="<?cs var:r.id ?>"<?cs if:ActionFailed == "escalate" && Query.team == r.id ?> selected<?cs /if ?>><?cs var:Catalog.TeamName[r.id] ?></option><?cs /each ?></select>
      <?cs /if ?>
      <p class="hint"><?cs var:L.Agent.Action.EscalateHelp ?></p>
      <?cs call:panel_foot(L.Agent.Action.escalate) ?>
    </form></section>
    <?cs /if ?>
    <?cs if:Perm.work && Ticket.status != "resolved" && Ticket.status != "closed" ?>
    <section class="panel<?cs call:open_if("workaround") ?>" id="p-workaround" aria-labelledby="p-workaround-h" tabindex="-1">
    <h3 id="p-workaround-h"><?cs var:L.Workaround.Send ?></h3>
    <?cs call:act_form("workaround") ?>
      <label for="wa-measures"><?cs var:L.Workaround.Measures ?></label>
      <textarea id="wa-measures" name="measures" rows="4" required aria-describedby="wa-measures-h"><?cs if:ActionFailed == "workaround" ?><?cs var:Form.measures.value ?><?cs /if ?></textarea>
      <p class="hint" id="wa-measures-h"><?cs var:L.Workaround.MeasuresHelp ?></p>
      <label for="wa-comp"><?cs var:L.Workaround.Compensation ?></label>
      <textarea id="wa-comp" name="compensation" rows="2" aria-describedby="wa-comp-h"><?cs if:ActionFailed == "workaround" ?><?cs var:Form.compensation.value ?><?cs /if ?></textarea>
      <p class="hint" id="wa-comp-h"><?cs var:L.Workaround.CompensationHelp ?></p>
      <label for="wa-fix"><?cs var:L.Workaround.FixExpected ?></label>
      <input id="wa-fix" name="fix_expected" type="datetime-local" aria-describedby="wa-fix-h" value="<?cs if:ActionFailed == "workaround" ?><?cs var:Query.fix_expected ?><?cs /if ?>">
      <p class="hint" id="wa-fix-h"><?cs var:L.Workaround.FixHelp ?></p>
      <p class="hint"><?cs var:L.Workaround.SendHelp ?></p>
      <?cs call:panel_foot(L.Workaround.Send) ?>
    </form></section>
    <?cs /if ?>
    <?cs if:Next.Can.survey_call ?>
    <section class="panel<?cs call:open_if("survey_phone") ?>" id="p-survey_call" aria-labelledby="p-survey_call-h" tabindex="-1">
    <h3 id="p-survey_call-h"><?cs var:L.Agent.Action.survey_phone ?></h3>
    <?cs call:act_form("survey_phone") ?>
      <div class="row3">
      <?cs each:q = L.Agent.SurveyQ ?><div><label for="sv-<?cs name:q ?>"><?cs var:q ?></label>
      <select id="sv-<?cs name:q ?>" name="<?cs name:q ?>"><option value="5">5</option><option value="4">4</option><option value="3">3</option><option value="2">2</option><option value="1">1</option></select></div><?cs /each ?>
      </div>
      <label for="sv-sugg"><?cs var:L.Survey.Suggestions ?></label>
      <textarea id="sv-sugg" name="suggestions" rows="2"></textarea>
      <label for="sv-unmet"><?cs var:L.Survey.Unmet ?></label>
      <textarea id="sv-unmet" name="unmet_needs" rows="2"></textarea>
      <p class="hint"><?cs var:L.Agent.Action.SurveyHelp ?></p>
      <?cs call:panel_foot(L.Agent.Action.survey_phone) ?>
    </form></section>
    <?cs /if ?>
    <?cs if:Next.Can.reopen ?>
    <section class="panel<?cs call:open_status("in_progress") ?>" id="p-reopen" aria-labelledby="p-reopen-h" tabindex="-1">
    <h3 id="p-reopen-h"><?cs var:L.Agent.Next.Step.reopen ?></h3>
    <?cs call:act_form("status") ?><input type="hidden" name="to" value="in_progress">
      <label for="reopen-reason"><?cs var:L.Agent.Next.ReopenReason ?></label>
      <input id="reopen-reason" name="reason" data-maxchars="1000" required value="<?cs if:ActionFailed == "status" && Query.to == "in_progress" ?><?cs var:Form.reason.value ?><?cs /if ?>">
      <?cs call:panel_foot(L.Agent.Next.Step.reopen) ?>
    </form></section>
    <?cs /if ?>
    <?cs if:Next.Can.close ?>
    <section class="panel<?cs call:open_status("closed") ?>" id="p-close" aria-labelledby="p-close-h" tabindex="-1">
    <h3 id="p-close-h"><?cs var:L.Agent.Next.Step.close ?></h3>
    <?cs call:act_form("status") ?><input type="hidden" name="to" value="closed">
      <p class="hint"><?cs var:L.Agent.Next.CloseHelp ?></p>
      <label for="close-reason"><?cs var:L.Agent.Next.CloseReason ?></label>
      <input id="close-reason" name="reason" data-maxchars="1000" required value="<?cs if:ActionFailed == "status" && Query.to == "closed" ?><?cs var:Form.reason.value ?><?cs /if ?>">
      <?cs call:panel_foot(L.Agent.Next.Step.close) ?>
    </form></section>
    <?cs /if ?>
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
    <?cs call:minutes_input("reply") ?>
    <p class="form-foot"><span class="hint" id="reply-hint"><?cs var:L.Agent.Ticket.ReplyHint ?></span>
    <?cs if:Next.Reply.0 ?><span class="then"><label for="reply-then"><?cs var:L.Agent.Next.Then ?></label>
    <select id="reply-then" name="then"><option value=""><?cs var:L.Agent.Next.Keep ?><?cs call:gap() ?><?cs var:L.Agent.Next.Open ?><?cs call:status_name(Ticket.status) ?><?cs var:L.Agent.Next.Close ?></option><?cs each:r = Next.Reply ?><option value="<?cs var:r ?>"<?cs if:ActionFailed == "reply" && Query.then == r ?> selected<?cs /if ?> data-and="<?cs var:L.Agent.Next.ReplyAnd ?><?cs call:gap() ?><?cs var:L.Agent.Next.Open ?><?cs call:status_name(r) ?><?cs var:L.Agent.Next.Close ?>"><?cs var:L.Agent.Next.SetTo ?><?cs call:gap() ?><?cs var:L.Agent.Next.Open ?><?cs call:status_name(r) ?><?cs var:L.Agent.Next.Close ?></option><?cs /each ?></select></span><?cs /if ?>
    <button type="submit" class="primary" id="reply-go" data-plain="<?cs var:L.Agent.Action.reply ?>"><?cs var:L.Agent.Action.reply ?></button></p>
  </form>
  </div>
  <?cs /if ?>
  <div class="pane pane-note" id="pane-note" data-tab="<?cs var:L.Agent.Ticket.Internal ?>">
  <?cs call:act_form_files("note") ?>
    <label for="note-body"><?cs var:L.Agent.Action.note ?></label>
    <textarea id="note-body" name="body" rows="3" class="note-input" aria-describedby="note-hint"><?cs if:ActionFailed == "note" ?><?cs var:Form.body.value ?><?cs /if ?></textarea>
    <?cs call:attach_input("note") ?>
    <?cs call:minutes_input("note") ?>
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
  <?cs if:Escalation.state ?>
  <section class="card card-escalation esc-<?cs var:Escalation.state ?>" id="escalation" aria-labelledby="escalation-h">
    <h2 id="escalation-h"><?cs var:L.Agent.Esc.Title ?> <span class="esc-state"><?cs var:L.Agent.Esc.State[Escalation.state] ?></span></h2>
    <dl class="kv">
      <div><dt><?cs var:L.Agent.Esc.Team ?></dt><dd><bdi><?cs var:Escalation.team ?></bdi></dd></div>
      <div><dt><?cs var:L.Agent.Esc.By ?></dt><dd><bdi><?cs var:Escalation.by ?></bdi> · <time datetime="<?cs var:Escalation.asked.iso ?>"><?cs var:Escalation.asked ?></time></dd></div>
      <div><dt><?cs var:L.Agent.Esc.Due ?></dt><dd class="esc-due"><?cs if:Escalation.state == "waiting" ?><?cs call:sla_chip(Escalation.due) ?> <time datetime="<?cs var:Escalation.due.iso ?>"><?cs var:Escalation.due ?></time><?cs else ?><time datetime="<?cs var:Escalation.due.iso ?>"><?cs var:Escalation.due ?></time> <span class="met met-<?cs var:Escalation.met ?>"><?cs var:L.Agent.Met[Escalation.met] ?></span><?cs /if ?></dd></div>
      <div><dt><?cs var:L.Agent.Action.Expected ?></dt><dd class="esc-expected"><?cs if:Escalation.expected ?><time datetime="<?cs var:Escalation.expected.iso ?>"><?cs var:Escalation.expected ?></time><?cs else ?><span class="muted"><?cs var:L.Agent.Esc.NoExpected ?></span><?cs /if ?></dd></div>
    </dl>
    <h3><?cs var:L.Agent.Esc.Reason ?></h3>
    <div class="esc-text esc-reason"><?cs var:Escalation.reason ?></div>
    <h3><?cs var:L.Agent.Action.Impact ?></h3>
    <div class="esc-text esc-impact"><?cs var:Escalation.impact ?></div>
    <?cs if:Escalation.state == "answered" ?>
    <h3><?cs var:L.Agent.Esc.Answer ?> <span class="muted small"><bdi><?cs var:Escalation.answered_by ?></bdi> · <time datetime="<?cs var:Escalation.answered.iso ?>"><?cs var:Escalation.answered ?></time></span></h3>
    <div class="esc-text esc-answer"><?cs var:Escalation.answer ?></div>
    <?cs elif:Next.Can.answer_escalation ?>
    <p class="card-links"><a class="edit" href="#p-answer_escalation" aria-controls="p-answer_escalation"><?cs var:L.Agent.Next.Step.answer_escalation ?></a></p>
    <?cs /if ?>
  </section>
  <?cs /if ?>
  <?cs if:Workaround.clock || Workaround.at ?>
  <section class="card card-workaround" id="workaround" aria-labelledby="workaround-h">
    <h2 id="workaround-h"><?cs var:L.Workaround.Title ?></h2>
    <?cs if:Workaround.at ?>
    <dl class="kv">
      <div><dt><?cs var:L.Workaround.SentBy ?></dt><dd><bdi><?cs var:Workaround.by ?></bdi> · <time datetime="<?cs var:Workaround.at.iso ?>"><?cs var:Workaround.at ?></time><?cs if:Met.workaround ?> <span class="met met-<?cs var:Met.workaround ?>"><?cs var:L.Workaround.Met[Met.workaround] ?></span><?cs /if ?></dd></div>
      <div><dt><?cs var:L.Workaround.FixExpected ?></dt><dd class="wa-fix"><?cs if:Workaround.fix ?><time datetime="<?cs var:Workaround.fix.iso ?>"><?cs var:Workaround.fix ?></time><?cs else ?><span class="muted"><?cs var:L.Workaround.FixUnknown ?></span><?cs /if ?></dd></div>
    </dl>
    <h3><?cs var:L.Workaround.Measures ?></h3>
    <div class="esc-text wa-measures"><?cs var:Workaround.measures ?></div>
    <?cs if:Workaround.compensation ?><h3><?cs var:L.Workaround.Compensation ?></h3>
    <div class="esc-text wa-comp"><?cs var:Workaround.compensation ?></div><?cs /if ?>
    <?cs else ?>
    <p class="muted small"><?cs var:L.Workaround.NotYet ?></p>
    <?cs if:Due.workaround.state != "none" ?><p class="wa-due"><?cs call:sla_chip(Due.workaround) ?> <time datetime="<?cs var:Due.workaround.iso ?>"><?cs var:Due.workaround ?></time></p><?cs /if ?>
    <?cs /if ?>
    <?cs if:Perm.work && Ticket.status != "resolved" && Ticket.status != "closed" ?><p class="card-links"><a class="edit" href="#p-workaround" aria-controls="p-workaround"><?cs var:L.Workaround.Send ?></a></p><?cs /if ?>
  </section>
  <?cs /if ?>
  <?cs if:Evaluation.needed ?>
  <section class="card card-evaluation<?cs if:Evaluation.approved ?> eval-ok<?cs /if ?>" id="evaluation" aria-labelledby="evaluation-h">
    <h2 id="evaluation-h"><?cs var:L.Evaluation.Title ?></h2>
    <?cs if:Evaluations.0.state ?><p class="eval-latest"><?cs var:L.Evaluation.Revision ?> <?cs var:Evaluations.0.revision ?> · <span class="eval-state st-<?cs var:Evaluations.0.state ?>"><?cs var:L.Evaluation.State[Evaluations.0.state] ?></span></p><?cs else ?><p class="muted"><?cs var:L.Evaluation.None ?></p><?cs /if ?>
    <p class="small <?cs if:Evaluation.approved ?>eval-go<?cs else ?>eval-wait<?cs /if ?>"><?cs if:Evaluation.approved ?><?cs var:L.Evaluation.ApprovedNote ?><?cs else ?><?cs var:L.Evaluation.NeedsApproval ?><?cs /if ?></p>
    <p class="card-links"><a class="edit" href="/agent/t/<?cs var:url_escape(Ticket.number) ?>/evaluation"><?cs var:L.Evaluation.Open ?> →</a></p>
  </section>
  <?cs /if ?>
  <?cs if:Spent.count > 0 ?>
  <section class="card card-spent" id="time-spent" aria-labelledby="spent-h">
    <h2 id="spent-h"><?cs var:L.Agent.Spent.Title ?></h2>
    <table class="spent-table">
      <tbody><?cs each:p = Spent.people ?><tr class="spent-person"><th scope="row"><bdi><?cs var:p.name ?></bdi></th><td data-minutes="<?cs var:p.minutes ?>"><?cs call:span(p.span) ?></td></tr><?cs /each ?></tbody>
      <tfoot><tr><th scope="row"><?cs var:L.Agent.Spent.Total ?></th><td class="spent-total" data-minutes="<?cs var:Spent.total ?>"><?cs call:span(Spent.all) ?></td></tr></tfoot>
    </table>
  </section>
  <?cs /if ?>
  <section class="card card-customer" id="contact">
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
      <div><dt><?cs var:L.Agent.Col.category ?></dt><dd class="with-edit"><span><?cs var:Catalog.CategoryName[Ticket.category] ?></span><?cs if:Perm.classify ?> <a class="edit" href="#p-classify" aria-controls="p-classify"><?cs var:L.Agent.Next.Reclassify ?></a><?cs /if ?></dd></div>
      <?cs if:Extra.nature ?><div><dt><?cs var:L.Agent.Ticket.Nature ?></dt><dd><?cs if:L.Agent.Natures[Extra.nature] ?><?cs var:L.Agent.Natures[Extra.nature] ?><?cs else ?><?cs var:Extra.nature ?><?cs /if ?></dd></div><?cs /if ?>
      <div><dt><?cs var:L.Agent.Col.priority ?></dt><dd class="with-edit"><span><?cs call:priority_badge(Ticket.priority) ?></span><?cs if:Perm.work ?> <a class="edit" href="#p-priority" aria-controls="p-priority"><?cs var:L.Agent.Next.Change ?></a><?cs /if ?></dd></div>
      <div><dt><?cs var:L.Agent.Col.status ?></dt><dd><?cs call:status_pill(Ticket.status) ?></dd></div>
      <div><dt><?cs var:L.Agent.Col.channel ?></dt><dd><?cs var:Catalog.ChannelName[Ticket.channel] ?></dd></div>
      <div><dt><?cs var:L.Agent.Col.created ?></dt><dd><?cs var:Ticket.created_at ?></dd></div>
      <div><dt><?cs var:L.Agent.Ticket.Updated ?></dt><dd><?cs var:Ticket.updated_at ?></dd></div>
    </dl>
    <?cs if:Perm.classify ?>
    <section class="panel side<?cs call:open_if("classify") ?>" id="p-classify" aria-labelledby="p-classify-h" tabindex="-1">
    <h3 id="p-classify-h"><?cs var:L.Agent.Action.classify ?></h3>
    <?cs call:act_form("classify") ?>
      <label for="cls-category"><?cs var:L.Agent.Col.category ?></label>
      <select id="cls-category" name="category"><?cs set:ClsCurrent = 0 ?><?cs each:c = Catalog.AllCategories ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Ticket.category ?> selected<?cs set:ClsCurrent = 1 ?><?cs /if ?>><?cs var:c.name ?></option><?cs /each ?><?cs if:!ClsCurrent ?><option value="<?cs var:Ticket.category ?>" selected><?cs var:Catalog.CategoryName[Ticket.category] ?></option><?cs /if ?></select>
      <label for="cls-nature"><?cs var:L.Agent.Ticket.Nature ?></label>
      <select id="cls-nature" name="nature"><option value="">—</option><?cs each:n = L.Agent.Natures ?><option value="<?cs name:n ?>"<?cs if:name(n) == Extra.nature ?> selected<?cs /if ?>><?cs var:n ?></option><?cs /each ?></select>
      <?cs call:panel_foot(L.Agent.Action.classify) ?>
    </form></section>
    <?cs /if ?>
    <?cs if:Perm.work ?>
    <section class="panel side<?cs call:open_if("priority") ?>" id="p-priority" aria-labelledby="p-priority-h" tabindex="-1">
    <h3 id="p-priority-h"><?cs var:L.Agent.Action.priority ?></h3>
    <?cs call:act_form("priority") ?>
      <label for="prio-to"><?cs var:L.Agent.Col.priority ?></label>
      <select id="prio-to" name="priority"><?cs each:p = Catalog.PriorityList ?><option value="<?cs var:p.id ?>"<?cs if:p.code == Ticket.priority ?> selected<?cs /if ?>><?cs var:p.name ?></option><?cs /each ?></select>
      <label for="prio-reason"><?cs var:L.Agent.Action.Reason ?></label>
      <input id="prio-reason" name="reason" required value="<?cs if:ActionFailed == "priority" ?><?cs var:Form.reason.value ?><?cs /if ?>">
      <p class="hint"><?cs var:L.Agent.Action.PriorityHelp ?></p>
      <?cs call:panel_foot(L.Agent.Action.priority) ?>
    </form></section>
    <?cs /if ?>
    <?cs if:Requests.0.id ?><h3><?cs var:L.Agent.Action.Pending ?></h3><ul class="requests"><?cs each:q = Requests ?><li><bdi><?cs var:q.by ?></bdi><?cs if:q.api == "1" ?> <span class="tag tag-c-neutral" title="<?cs var:L.Agent.Action.ViaApiHelp ?>">API</span><?cs /if ?> → <?cs call:priority_badge(q.to) ?> <span class="muted"><?cs var:q.reason ?></span></li><?cs /each ?></ul><?cs /if ?>
  </section>
  <section class="card card-owner">
    <h2><?cs var:L.Agent.Ticket.Owner ?></h2>
    <p><?cs if:Ticket.owner != "0" ?><?cs each:a = Agents ?><?cs if:a.id == Ticket.owner ?><bdi><?cs var:a.name ?></bdi><?cs /if ?><?cs /each ?><?cs else ?><span class="muted"><?cs var:L.Agent.Ticket.Nobody ?></span><?cs /if ?>
      · <?cs var:Catalog.TeamName[Ticket.team] ?></p>
    <?cs if:Collaborators.0.id ?><h3><?cs var:L.Agent.Ticket.Collaborators ?></h3><ul class="collabs">
      <?cs each:c = Collaborators ?><li><span><bdi><?cs var:c.name ?></bdi> <span class="muted"><bdi>(<?cs var:c.extra ?>)</bdi></span></span>
        <?cs if:Perm.collab ?><?cs call:act_form("collab_remove") ?><input type="hidden" name="agent" value="<?cs var:c.id ?>"><button type="submit" class="link" aria-label="<?cs var:L.Agent.Action.collab_remove ?> <?cs var:c.name ?>"><?cs var:L.Agent.Action.collab_remove ?></button></form><?cs /if ?></li><?cs /each ?></ul><?cs /if ?>
    <?cs if:Perm.assign || Perm.hand_back || Perm.collab ?><p class="card-links"><?cs if:Perm.assign ?><a class="edit" href="#p-assign" aria-controls="p-assign"><?cs var:L.Agent.Action.assign ?></a><?cs /if ?><?cs if:Perm.collab ?><a class="edit" href="#p-collab_add" aria-controls="p-collab_add"><?cs var:L.Agent.Action.collab_add ?></a><?cs /if ?><?cs if:Perm.hand_back ?><a class="edit" href="#p-hand_back" aria-controls="p-hand_back"><?cs var:L.Agent.Action.hand_back ?></a><?cs /if ?></p><?cs /if ?>
    <?cs if:Perm.assign ?>
    <section class="panel side<?cs call:open_if("assign") ?>" id="p-assign" aria-labelledby="p-assign-h" tabindex="-1">
    <h3 id="p-assign-h"><?cs var:L.Agent.Action.assign ?></h3>
    <?cs call:act_form("assign") ?>
      <label for="as-agent"><?cs var:L.Agent.Action.Agent ?></label>
      <select id="as-agent" name="agent"><option value="0">—</option><?cs each:a = Agents ?><option value="<?cs var:a.id ?>"<?cs if:ActionFailed == "assign" && Query.agent == a.id ?> selected<?cs /if ?>><?cs var:a.name ?></option><?cs /each ?></select>
      <label for="as-team"><?cs var:L.Agent.Action.Team ?></label>
      <select id="as-team" name="team"<?cs if:ActionError == "no_team" ?> aria-invalid="true"<?cs /if ?>><option value="0">—</option><?cs each:t = Catalog.Teams ?><option value="<?cs var:t.id ?>"<?cs if:ActionFailed == "assign" && Query.team == t.id ?> selected<?cs /if ?>><?cs var:t.name ?></option><?cs /each ?></select>
      <label for="as-reason"><?cs var:L.Agent.Action.Reason ?></label>
      <input id="as-reason" name="reason" required value="<?cs if:ActionFailed == "assign" ?><?cs var:Form.reason.value ?><?cs /if ?>">
      <?cs call:panel_foot(L.Agent.Action.assign) ?>
    </form></section>
    <?cs /if ?>
    <?cs if:Perm.collab ?>
    <section class="panel side<?cs call:open_if("collab_add") ?>" id="p-collab_add" aria-labelledby="p-collab_add-h" tabindex="-1">
    <h3 id="p-collab_add-h"><?cs var:L.Agent.Action.collab_add ?></h3>
    <?cs call:act_form("collab_add") ?>
      <label for="co-agent"><?cs var:L.Agent.Action.Agent ?></label>
      <select id="co-agent" name="agent"><?cs each:a = Agents ?><option value="<?cs var:a.id ?>"><?cs var:a.name ?></option><?cs /each ?></select>
      <label for="co-role"><?cs var:L.Agent.Action.Role ?></label>
      <input id="co-role" name="role" required value="<?cs if:ActionFailed == "collab_add" ?><?cs var:Form.role.value ?><?cs /if ?>">
      <?cs call:panel_foot(L.Agent.Action.collab_add) ?>
    </form></section>
    <?cs /if ?>
    <?cs if:Perm.hand_back ?>
    <section class="panel side<?cs call:open_if("hand_back") ?>" id="p-hand_back" aria-labelledby="p-hand_back-h" tabindex="-1">
    <h3 id="p-hand_back-h"><?cs var:L.Agent.Action.hand_back ?></h3>
    <?cs call:act_form("hand_back") ?>
      <label for="hb-reason"><?cs var:L.Agent.Action.Reason ?></label>
      <input id="hb-reason" name="reason" required value="<?cs if:ActionFailed == "hand_back" ?><?cs var:Form.reason.value ?><?cs /if ?>">
      <?cs call:panel_foot(L.Agent.Action.hand_back) ?>
    </form></section>
    <?cs /if ?>
  </section>
  <section class="card card-clocks">
    <h2><?cs var:L.Agent.Ticket.Clocks ?></h2>
    <dl class="clocks">
      <?cs call:clock(L.Agent.Ticket.Classify, Due.classify, "", "") ?>
      <?cs call:clock(L.Agent.Ticket.Accept, Due.accept, Done.accepted_at, Met.accept) ?>
      <?cs call:clock(L.Agent.Ticket.FirstResponse, Due.first_response, Done.first_response_at, Met.first_response) ?>
      <?cs call:clock(L.Agent.Ticket.Resolution, Due.resolution, Done.resolved_at, Met.resolution) ?>
      <?cs if:Workaround.clock ?><?cs call:clock(L.Workaround.Clock, Due.workaround, Done.workaround_at, Met.workaround) ?><?cs /if ?>
    </dl>
  </section>
  <section class="card card-problems" aria-labelledby="problems-h">
    <h2 id="problems-h"><?cs var:L.Review.Problem.OnTicket ?></h2>
    <?cs if:Problems.0.id ?><ul class="problem-links"><?cs each:p = Problems ?><li><a href="/agent/problems/<?cs var:p.id ?>"><code><?cs var:p.number ?></code> <bdi><?cs var:p.title ?></bdi></a> <span class="pstatus ps-<?cs var:p.status ?>"><?cs var:L.Review.Problem.St[p.status] ?></span></li><?cs /each ?></ul>
    <?cs else ?><p class="muted small"><?cs var:L.Review.Problem.NoneOnTicket ?></p><?cs /if ?>
    <p class="card-links"><a class="edit" href="/agent/problems/new?tickets=<?cs var:url_escape(Ticket.number) ?>"><?cs var:L.Review.Problem.NewFromTicket ?></a></p>
  </section>
  <?cs include!"agent/ticket_links.cs" ?>
  <?cs if:Emergencies.0.id || Perm.emergency == "1" ?><section class="card card-emergency" aria-labelledby="emergency-h">
    <h2 id="emergency-h"><?cs var:L.Emergency.OnTicket ?></h2>
    <?cs if:Emergencies.0.id ?><ul class="problem-links emergency-links"><?cs each:e = Emergencies ?><li><a href="/agent/emergencies/<?cs var:e.id ?>"><bdi><?cs var:e.title ?></bdi></a> <span class="pstatus <?cs if:e.open == "1" ?>ps-open<?cs else ?>ps-closed<?cs /if ?>"><?cs if:e.open == "1" ?><?cs var:L.Emergency.Open ?><?cs else ?><?cs var:L.Emergency.Closed ?><?cs /if ?></span></li><?cs /each ?></ul><?cs /if ?>
    <?cs if:Perm.emergency == "1" ?><p class="card-links"><a class="edit" href="/agent/emergencies/new?tickets=<?cs var:url_escape(Ticket.number) ?>"><?cs var:L.Emergency.New ?></a></p><?cs /if ?>
  </section><?cs /if ?>
  <section class="card card-details">
    <h2><?cs var:L.Agent.Ticket.Details ?></h2>
    <dl class="kv">
      <?cs if:Ticket.product || Ticket.product_version || Ticket.serial_number ?><div><dt><?cs var:L.Agent.Ticket.Product ?></dt><dd><?cs var:Ticket.product ?> <?cs var:Ticket.product_version ?> <?cs var:Ticket.serial_number ?></dd></div><?cs /if ?>
      <?cs each:o = L.Form.ImpactOptions ?><?cs if:o.code == Ticket.impact ?><div><dt><?cs var:L.Form.impact ?></dt><dd><?cs var:o.label ?></dd></div><?cs /if ?><?cs /each ?>
      <?cs each:v = Values ?><div><dt><?cs var:v.label ?></dt><dd class="text"><?cs var:v.value ?></dd></div><?cs /each ?>
      <?cs if:Ticket.tried ?><div><dt><?cs var:L.Agent.Ticket.Tried ?></dt><dd class="text"><?cs var:Ticket.tried ?></dd></div><?cs /if ?>
      <?cs if:Ticket.error_message ?><div><dt><?cs var:L.Agent.Ticket.ErrorMessage ?></dt><dd class="text"><?cs var:Ticket.error_message ?></dd></div><?cs /if ?>
      <?cs if:Ticket.started_at ?><div><dt><?cs var:L.Agent.Ticket.Started ?></dt><dd><?cs var:Ticket.started_at ?></dd></div><?cs /if ?>
      <?cs if:Ticket.expected_at ?><div><dt><?cs var:L.Agent.Ticket.Expected ?></dt><dd><?cs var:Ticket.expected_at ?></dd></div><?cs /if ?>
      <?cs if:Ticket.keywords ?><div><dt><?cs var:L.Agent.Ticket.Keywords ?></dt><dd><?cs var:Ticket.keywords ?></dd></div><?cs /if ?>
      <?cs call:core_values() ?>
    </dl>
  </section>
</aside>
</div>
<?cs call:agent_end() ?>
