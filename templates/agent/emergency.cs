<?cs include!"agent/layout.cs" ?>
<?cs # /agent/emergencies/ID: one emergency (cgi/agent/emergencies.c): its two
       clocks, team, tickets, handling plan and its versions, tasks and
       timeline; the team's forms while it is open; the summary and the
       problem record once closed. ?>
<?cs def:em_clock(label, c) ?><div class="em-clock em-<?cs var:c.met ?>"><dt><?cs var:label ?></dt><dd><?cs if:c.met == "pending" && Emergency.open == "1" ?><?cs call:sla_chip(c.due) ?> <time class="em-due" datetime="<?cs var:c.due.iso ?>"><?cs var:c.due ?></time><?cs else ?><time class="em-due" datetime="<?cs var:c.due.iso ?>"><?cs var:c.due ?></time> <span class="met met-<?cs var:c.met ?>"><?cs if:c.met == "met" ?><?cs var:L.Emergency.Met ?><?cs elif:c.met == "breached" ?><?cs var:L.Emergency.Breached ?><?cs else ?><?cs var:L.Emergency.Pending ?><?cs /if ?></span><?cs if:c.done ?> · <time class="em-done" datetime="<?cs var:c.done.iso ?>"><?cs var:c.done ?></time><?cs /if ?><?cs /if ?></dd></div><?cs /def ?>
<?cs def:act_form(what) ?><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="do" value="<?cs var:what ?>"><?cs /def ?>
<?cs def:err(name) ?><?cs if:Form[name].error ?><p class="error" id="e-<?cs var:name ?>"><?cs var:L.Err[Form[name].error] ?></p><?cs /if ?><?cs /def ?>
<?cs call:agent_start(Emergency.title) ?>
<div class="page-head"><p class="crumbs"><a href="/agent/emergencies">← <?cs var:L.Emergency.List ?></a></p>
  <h1><bdi><?cs var:Emergency.title ?></bdi> <span class="pstatus <?cs if:Emergency.open == "1" ?>ps-open<?cs else ?>ps-closed<?cs /if ?>"><?cs if:Emergency.open == "1" ?><?cs var:L.Emergency.Open ?><?cs else ?><?cs var:L.Emergency.Closed ?><?cs /if ?></span></h1>
  <p class="facts"><?cs if:Emergency.category != "0" ?><?cs var:Catalog.CategoryName[Emergency.category] ?> · <?cs /if ?><?cs var:L.Emergency.DeclaredBy ?> <bdi><?cs var:Emergency.declarer ?></bdi> · <time datetime="<?cs var:Emergency.declared_at.iso ?>"><?cs var:Emergency.declared_at ?></time></p>
</div>
<?cs if:Form.HasErrors ?><div class="alert" role="alert"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?>
<div class="em-grid">
<div class="em-main">
  <section class="card card-em-clocks" aria-labelledby="clocks-h">
    <h2 id="clocks-h"><?cs var:L.Agent.Ticket.Clocks ?></h2>
    <dl class="clocks em-clocks">
      <?cs call:em_clock(L.Emergency.PlanClock, Clock.plan) ?>
      <?cs call:em_clock(L.Emergency.FeedbackClock, Clock.feedback) ?>
    </dl>
  </section>
  <section class="card card-em-plan" id="plan" aria-labelledby="plan-h">
    <h2 id="plan-h"><?cs var:L.Emergency.Plan ?><?cs if:Plans.0.version ?> <span class="muted small"><?cs var:L.Emergency.Version ?> <?cs var:Plans.0.version ?> · <bdi><?cs var:Plans.0.by ?></bdi> · <time datetime="<?cs var:Plans.0.at.iso ?>"><?cs var:Plans.0.at ?></time></span><?cs /if ?></h2>
    <?cs if:Emergency.open == "1" ?>
    <form method="post" action="/agent/emergencies/<?cs var:Emergency.id ?>/act" class="em-form"><?cs call:act_form("plan") ?>
      <div class="field field-longtext<?cs if:Form.plan.error ?> has-error<?cs /if ?>"><label for="f-plan" class="sr"><?cs var:L.Emergency.Plan ?></label>
      <textarea id="f-plan" name="plan" rows="7" data-maxchars="8000"><?cs var:Form.plan.value ?></textarea><?cs call:err("plan") ?></div>
      <div class="form-actions"><button type="submit" class="primary"><?cs var:L.Emergency.SavePlan ?></button></div>
    </form>
    <?cs elif:Plans.0.version ?><div class="esc-text em-plan-text"><?cs var:Plans.0.body ?></div>
    <?cs else ?><p class="muted"><?cs var:L.Emergency.NoPlan ?></p><?cs /if ?>
    <?cs if:PlanCount > 1 ?><details class="em-versions"><summary><?cs var:L.Emergency.Versions ?> (<?cs var:PlanCount - 1 ?>)</summary>
      <?cs each:p = Plans ?><?cs if:name(p) != "0" ?><div class="em-version"><h3><?cs var:L.Emergency.Version ?> <?cs var:p.version ?> <span class="muted small"><bdi><?cs var:p.by ?></bdi> · <time datetime="<?cs var:p.at.iso ?>"><?cs var:p.at ?></time></span></h3><div class="esc-text"><?cs var:p.body ?></div></div><?cs /if ?><?cs /each ?>
    </details><?cs /if ?>
  </section>
  <section class="card card-em-tasks" id="tasks" aria-labelledby="tasks-h">
    <h2 id="tasks-h"><?cs var:L.Emergency.Tasks ?></h2>
    <?cs if:TaskCount > 0 ?><ul class="em-tasks"><?cs each:t = Tasks ?><li class="em-task<?cs if:t.done ?> is-done<?cs /if ?>"><span class="em-task-title"><bdi><?cs var:t.title ?></bdi></span> <span class="muted small">· <bdi><?cs var:t.owner ?></bdi></span>
      <?cs if:t.done ?> <span class="met met-met"><?cs var:L.Emergency.Done ?></span> <time class="muted small" datetime="<?cs var:t.done.iso ?>"><?cs var:t.done ?></time><?cs elif:Emergency.open == "1" ?>
      <form method="post" action="/agent/emergencies/<?cs var:Emergency.id ?>/act" class="inline"><?cs call:act_form("task_done") ?><input type="hidden" name="task_id" value="<?cs var:t.id ?>"><button type="submit" class="small"><?cs var:L.Emergency.MarkDone ?></button></form><?cs /if ?></li><?cs /each ?></ul>
    <?cs else ?><p class="muted small"><?cs var:L.Emergency.NoTasks ?></p><?cs /if ?>
    <?cs if:Emergency.open == "1" ?>
    <form method="post" action="/agent/emergencies/<?cs var:Emergency.id ?>/act" class="em-form em-inline"><?cs call:act_form("task") ?>
      <div class="field<?cs if:Form.task.error ?> has-error<?cs /if ?>"><label for="f-task"><?cs var:L.Emergency.Task ?></label><input id="f-task" name="task" value="<?cs if:ActionFailed == "task" ?><?cs var:Form.task.value ?><?cs /if ?>" data-maxchars="300"><?cs call:err("task") ?></div>
      <div class="field field-select<?cs if:Form.owner.error ?> has-error<?cs /if ?>"><label for="f-owner"><?cs var:L.Emergency.Owner ?></label><select id="f-owner" name="owner"><?cs each:m = Members ?><option value="<?cs var:m.id ?>"><?cs var:m.name ?></option><?cs /each ?></select><?cs call:err("owner") ?></div>
      <div class="form-actions"><button type="submit"><?cs var:L.Emergency.AddTask ?></button></div>
    </form><?cs /if ?>
  </section>
  <section class="card card-em-timeline" id="timeline" aria-labelledby="timeline-h">
    <h2 id="timeline-h"><?cs var:L.Emergency.Timeline ?></h2>
    <ol class="em-timeline"><?cs each:e = Events ?><li class="em-ev ev-<?cs var:e.kind ?>"><time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time> <strong><?cs var:L.Emergency.Kind[e.kind] ?></strong> <span class="muted">· <?cs if:e.who ?><bdi><?cs var:e.who ?></bdi><?cs else ?><?cs var:L.Emergency.Desk ?><?cs /if ?></span><?cs if:e.note ?><div class="em-note"><?cs var:e.note ?></div><?cs /if ?></li><?cs /each ?></ol>
    <?cs if:Emergency.open == "1" ?>
    <form method="post" action="/agent/emergencies/<?cs var:Emergency.id ?>/act" class="em-form"><?cs call:act_form("note") ?>
      <div class="field<?cs if:Form.note.error ?> has-error<?cs /if ?>"><label for="f-note"><?cs var:L.Emergency.Note ?></label><textarea id="f-note" name="note" rows="2"><?cs if:ActionFailed == "note" ?><?cs var:Form.note.value ?><?cs /if ?></textarea><?cs call:err("note") ?></div>
      <div class="form-actions"><button type="submit"><?cs var:L.Emergency.AddNote ?></button></div>
    </form><?cs /if ?>
  </section>
</div>
<div class="em-side">
  <section class="card card-em-team" id="team" aria-labelledby="team-h">
    <h2 id="team-h"><?cs var:L.Emergency.Team ?></h2>
    <ul class="em-members"><?cs each:m = Members ?><li><bdi><?cs var:m.name ?></bdi><?cs if:m.lead ?> <span class="badge em-lead"><?cs var:L.Emergency.Lead ?></span><?cs /if ?></li><?cs /each ?></ul>
    <?cs if:Emergency.open == "1" ?>
    <form method="post" action="/agent/emergencies/<?cs var:Emergency.id ?>/act" class="em-form em-inline"><?cs call:act_form("member") ?>
      <div class="field field-select<?cs if:Form.member.error ?> has-error<?cs /if ?>"><label for="f-member"><?cs var:L.Emergency.AddMember ?></label><select id="f-member" name="member"><?cs each:p = People ?><option value="<?cs var:p.id ?>"><?cs var:p.name ?></option><?cs /each ?></select><?cs call:err("member") ?></div>
      <div class="form-actions"><button type="submit"><?cs var:L.Emergency.Add ?></button></div>
    </form><?cs /if ?>
  </section>
  <section class="card card-em-tickets" id="tickets" aria-labelledby="tickets-h">
    <h2 id="tickets-h"><?cs var:L.Emergency.Tickets ?></h2>
    <ul class="problem-links em-tickets"><?cs each:t = Tickets ?><li><a href="/agent/t/<?cs var:url_escape(t.number) ?>"><code><?cs var:t.number ?></code> <bdi><?cs var:t.subject ?></bdi></a> <?cs call:status_pill(t.status) ?></li><?cs /each ?></ul>
    <?cs if:Emergency.open == "1" ?>
    <form method="post" action="/agent/emergencies/<?cs var:Emergency.id ?>/act" class="em-form em-inline"><?cs call:act_form("ticket") ?>
      <div class="field<?cs if:Form.ticket.error ?> has-error<?cs /if ?>"><label for="f-ticket"><?cs var:L.Emergency.AddTicket ?></label><input id="f-ticket" name="ticket" value="<?cs if:ActionFailed == "ticket" ?><?cs var:Form.ticket.value ?><?cs /if ?>"><?cs call:err("ticket") ?></div>
      <div class="form-actions"><button type="submit"><?cs var:L.Emergency.Add ?></button></div>
    </form><?cs /if ?>
  </section>
  <section class="card card-em-feedback" id="feedback" aria-labelledby="feedback-h">
    <h2 id="feedback-h"><?cs var:L.Emergency.Feedback ?></h2>
    <?cs if:Emergency.open == "1" ?>
    <form method="post" action="/agent/emergencies/<?cs var:Emergency.id ?>/act" class="em-form"><?cs call:act_form("feedback") ?>
      <div class="field<?cs if:Form.feedback.error ?> has-error<?cs /if ?>"><label for="f-feedback" class="sr"><?cs var:L.Emergency.Feedback ?></label><textarea id="f-feedback" name="feedback" rows="3" aria-describedby="h-feedback"><?cs if:ActionFailed == "feedback" ?><?cs var:Form.feedback.value ?><?cs /if ?></textarea><p class="help" id="h-feedback"><?cs var:L.Emergency.FeedbackHelp ?></p><?cs call:err("feedback") ?></div>
      <div class="form-actions"><button type="submit"><?cs var:L.Emergency.RecordFeedback ?></button></div>
    </form><?cs else ?><p class="muted small"><?cs var:L.Emergency.ReadOnly ?></p><?cs /if ?>
  </section>
  <section class="card card-em-close" id="close" aria-labelledby="close-h">
    <h2 id="close-h"><?cs if:Emergency.open == "1" ?><?cs var:L.Emergency.Close ?><?cs else ?><?cs var:L.Emergency.Summary ?><?cs /if ?></h2>
    <?cs if:Emergency.open == "1" ?>
    <form method="post" action="/agent/emergencies/<?cs var:Emergency.id ?>/act" class="em-form"><?cs call:act_form("close") ?>
      <div class="field<?cs if:Form.summary.error ?> has-error<?cs /if ?>"><label for="f-summary"><?cs var:L.Emergency.Summary ?><?cs call:required_mark() ?></label><textarea id="f-summary" name="summary" rows="4" aria-describedby="h-summary"><?cs if:ActionFailed == "close" ?><?cs var:Form.summary.value ?><?cs /if ?></textarea><p class="help" id="h-summary"><?cs var:L.Emergency.CloseHelp ?></p><?cs call:err("summary") ?></div>
      <div class="form-actions"><button type="submit" class="danger"><?cs var:L.Emergency.Close ?></button></div>
    </form>
    <?cs else ?>
    <div class="esc-text em-summary"><?cs var:Emergency.summary ?></div>
    <p class="muted small"><time datetime="<?cs var:Emergency.closed_at.iso ?>"><?cs var:Emergency.closed_at ?></time></p>
    <?cs if:Emergency.problem != "0" ?><p class="card-links"><a href="/agent/problems/<?cs var:Emergency.problem ?>" class="em-problem"><?cs var:L.Emergency.Problem ?> →</a></p>
    <?cs else ?><p class="card-links"><a class="button primary em-start-problem" href="/agent/problems/new?src=emergency&amp;emergency=<?cs var:Emergency.id ?>"><?cs var:L.Emergency.StartProblem ?></a></p><?cs /if ?>
    <?cs /if ?>
  </section>
</div>
</div>
<?cs call:agent_end() ?>
