<?cs include!"layout.cs" ?><?cs include!"acceptance.cs" ?><?cs include!"evaluation.cs" ?><?cs # One line of a refused form's summary: a link down to the field. ?><?cs def:fixlink(name, label, anchor) ?><?cs if:Form[name].error ?>
    <li><a href="#<?cs var:anchor ?>-<?cs var:name ?>"><strong><?cs var:label ?></strong> <span><?cs var:L.Err[Form[name].error] ?></span></a></li><?cs /if ?><?cs /def ?><?cs call:page_start(Ticket.number) ?>
<?cs # The outcome of what the customer just did comes first: after every
       action the page opens at its top, and on a phone the form they used
       may be several screens further down. ?>
<?cs if:NotRecorded ?><div class="alert alert-error outcome" id="not-recorded" role="alert">
  <p class="alert-title"><?cs var:L.NotRecorded.Title ?></p>
  <p><?cs var:L.NotRecorded[NotRecorded] ?> <?cs var:L.NotRecorded.Now ?><span class="status status-<?cs var:Ticket.status ?>"><?cs var:L.Status[Ticket.status] ?></span></p>
  <?cs if:Form.body.value && Ticket.status != "closed" ?><p><a href="#f-body"><?cs var:L.NotRecorded.Kept ?></a></p><?cs /if ?>
</div>
<?cs elif:Form.HasErrors && Failed ?>
<div class="alert alert-error outcome" id="error-summary" role="alert" tabindex="-1">
  <p class="alert-title"><?cs var:L.Ticket.NotDone[Failed] ?> <?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></p>
  <ul class="alert-list">
  <?cs call:fixlink("body", L.Ticket.ReplyLabel, "f") ?>
  <?cs call:fixlink("files", L.Attach.Label, "f") ?>
  <?cs call:fixlink("confirm_name", L.Solution.Name, "f") ?>
  <?cs call:fixlink("question", L.Solution.QuestionLabel, "f") ?>
  <?cs call:fixlink("eval_name", L.Evaluation.Portal.Name, "f") ?>
  <?cs call:fixlink("eval_reason", L.Evaluation.Portal.Reason, "f") ?>
  <?cs call:fixlink("close_reason", L.Close.Reason, "f") ?>
  <?cs call:fixlink("result", L.Acceptance.Result, "e") ?>
  <?cs call:fixlink("remarks", L.Acceptance.Remarks, "f") ?>
  <?cs call:fixlink("signed_name", L.Acceptance.Name, "f") ?>
  <?cs if:Form._form.error ?><li><a href="#form-<?cs var:Failed ?>"><?cs var:L.Ticket.BackToForm ?></a></li><?cs /if ?>
  </ul>
</div>
<?cs elif:Reply.sent ?><p class="notice outcome" role="status"><?cs var:L.Ticket.ReplySent ?></p>
<?cs elif:Close.asked ?><p class="notice outcome" role="status"><?cs var:L.Close.Asked ?></p>
<?cs elif:Solution.confirmed ?><p class="notice outcome" role="status"><?cs var:L.Solution.Confirmed ?></p>
<?cs elif:Evaluation.decided == "approved" ?><p class="notice outcome" role="status"><?cs var:L.Evaluation.Portal.Approved ?></p>
<?cs elif:Evaluation.decided == "declined" ?><p class="notice outcome" role="status"><?cs var:L.Evaluation.Portal.Declined ?></p>
<?cs elif:Acceptance.signed == "reopened" ?><p class="notice outcome" role="status"><?cs var:L.Acceptance.Reopened ?> <a href="/t/<?cs var:url_escape(Ticket.token) ?>/acceptance"><?cs var:L.Acceptance.Print ?></a></p>
<?cs elif:Acceptance.signed ?><p class="notice outcome" role="status"><?cs var:L.Acceptance.Thanks ?> <a href="/t/<?cs var:url_escape(Ticket.token) ?>/acceptance"><?cs var:L.Acceptance.Print ?></a></p>
<?cs /if ?>
<?cs if:Ticket.just_created ?>
<section class="receipt" aria-labelledby="received">
  <div class="receipt-head"><span class="ok-icon" aria-hidden="true"></span>
    <h1 id="received"><?cs var:L.Ticket.Received ?></h1></div>
  <div class="number-box">
    <p class="label" id="number-label"><?cs var:L.Ticket.Number ?></p>
    <p class="number"><code id="ticket-number"><?cs var:Ticket.number ?></code>
      <button type="button" class="copy" data-copy="ticket-number" data-done="<?cs var:L.Ticket.Copied ?>" aria-label="<?cs var:L.Ticket.CopyNumber ?>" hidden><span class="copy-icon" aria-hidden="true"></span><span class="copy-text"><?cs var:L.Ticket.Copy ?></span></button></p>
    <p class="help"><?cs var:L.Ticket.NumberHelp ?></p>
  </div>
  <?cs if:#Ticket.first_response > 0 ?><p class="promise-line"><?cs var:L.Ticket.PromiseFirst ?>
    <strong><?cs call:target(Ticket.first_response) ?></strong><?cs
    var:L.Ticket.PromiseFirstEnd ?></p><?cs /if ?>
  <dl class="receipt-facts">
    <div><dt><?cs var:L.Ticket.Category ?></dt><dd><?cs var:Ticket.category ?></dd></div>
    <div><dt><?cs var:L.Ticket.Priority ?></dt><dd><span class="badge badge-<?cs var:Catalog.Priorities[Ticket.priority].color ?>"><?cs var:Catalog.Priorities[Ticket.priority].name ?></span></dd></div>
    <?cs if:Ticket.first_response_due_at ?><div><dt><?cs var:L.Ticket.FirstResponseBy ?></dt><dd><time datetime="<?cs var:Ticket.first_response_due_at.iso ?>"><?cs var:Ticket.first_response_due_at ?></time></dd></div><?cs /if ?>
  </dl>
  <div class="private-link">
    <p class="label" id="link-label"><?cs var:L.Ticket.Link ?></p>
    <p class="link-row"><a id="follow-link" href="<?cs var:Ticket.link ?>"><?cs var:Ticket.link ?></a>
      <button type="button" class="copy" data-copy="follow-link" data-done="<?cs var:L.Ticket.Copied ?>" aria-label="<?cs var:L.Ticket.CopyLink ?>" hidden><span class="copy-icon" aria-hidden="true"></span><span class="copy-text"><?cs var:L.Ticket.Copy ?></span></button></p>
    <p class="help"><?cs var:L.Ticket.LinkHelp ?></p>
  </div>
</section>

<section class="card next" aria-labelledby="next">
  <h2 id="next"><?cs var:L.Ticket.NextTitle ?></h2>
  <ol class="next-steps">
  <li><?cs var:L.Ticket.NextClassify ?> <?cs call:target(Ticket.classify) ?><?cs var:L.Ticket.NextClassifyEnd ?></li>
  <?cs each:n = L.Ticket.Next ?><li><?cs var:n ?></li><?cs /each ?>
  </ol>
</section>
<?cs else ?>
<div class="ticket-head">
  <h1 class="ticket-title"><code class="tno"><?cs var:Ticket.number ?></code> <span class="subject-text"><bdi><?cs var:Ticket.subject ?></bdi></span></h1>
  <p class="ticket-tags"><span class="status status-<?cs var:Ticket.status ?>"><?cs var:L.Status[Ticket.status] ?></span>
    <span class="badge badge-<?cs var:Catalog.Priorities[Ticket.priority].color ?>"><?cs var:Catalog.Priorities[Ticket.priority].name ?></span>
    <span class="cat"><?cs var:Ticket.category ?></span></p>
</div>
<?cs /if ?>
<?cs if:Merged.from ?><p class="notice merged-notice" role="status"><?cs var:L.Merge.PortalNotice ?> <code><?cs var:Merged.from ?></code> → <code><?cs var:Ticket.number ?></code></p><?cs /if ?>

<?cs if:Evaluation.needed && Evaluations.0.state ?>
<section class="card evaluation doc" id="evaluation" aria-labelledby="eval-h">
  <h2 id="eval-h"><?cs var:L.Evaluation.Title ?> <span class="eval-rev">(<?cs var:L.Evaluation.Revision ?> <?cs var:Evaluations.0.revision ?>)</span></h2>
  <?cs if:Evaluation.pending ?><p><?cs var:L.Evaluation.Portal.Intro ?></p><?cs /if ?>
  <?cs call:evaluation_doc(Evaluations.0) ?>
  <?cs call:evaluation_decision(Evaluations.0) ?>
  <?cs if:Evaluation.pending ?>
  <form class="request" id="form-evaluation" method="post" action="/t/<?cs var:url_escape(Ticket.token) ?>/evaluation" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
    <?cs call:field("eval_name", L.Evaluation.Portal.Name, "", "text", 1, 50) ?>
    <details<?cs if:Failed == "evaluation" && Form.eval_reason.value ?> open<?cs /if ?>><summary><?cs var:L.Evaluation.Portal.Reason ?></summary>
    <?cs call:field("eval_reason", L.Evaluation.Portal.Reason, "", "longtext", 0, 2000) ?>
    </details>
    <div class="actions"><button type="submit" class="primary" name="decision" value="approve"><?cs var:L.Evaluation.Portal.Approve ?></button> <button type="submit" name="decision" value="decline"><?cs var:L.Evaluation.Portal.Decline ?></button></div>
  </form>
  <?cs /if ?>
  <?cs if:Evaluations.1.state ?>
  <details class="eval-history"><summary><?cs var:L.Evaluation.Page.Versions ?></summary>
  <?cs each:e = Evaluations ?><?cs if:name(e) != "0" ?><div class="eval-old"><h3><?cs var:L.Evaluation.Revision ?> <?cs var:e.revision ?></h3><?cs call:evaluation_doc(e) ?><?cs call:evaluation_decision(e) ?></div><?cs /if ?><?cs /each ?>
  </details>
  <?cs /if ?>
</section>
<?cs /if ?>
<?cs if:Solution.text ?>
<section class="card solution" aria-labelledby="sol-h">
  <h2 id="sol-h"><?cs var:L.Solution.Title ?></h2>
  <p><?cs var:L.Solution.Intro ?></p>
  <div class="text proposal"><?cs var:Solution.text ?></div>
  <?cs if:Form.HasErrors && (Failed == "confirm" || Failed == "question") ?><div class="alert alert-error"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?>
  <form class="request" id="form-confirm" method="post" action="/t/<?cs var:url_escape(Ticket.token) ?>/confirm" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
    <?cs call:field("confirm_name", L.Solution.Name, "", "text", 1, 50) ?>
    <div class="actions"><button type="submit" class="primary"><?cs var:L.Solution.Confirm ?></button></div>
  </form>
  <details<?cs if:Failed == "question" ?> open<?cs /if ?>><summary><?cs var:L.Solution.Question ?></summary>
  <form class="request" id="form-question" method="post" action="/t/<?cs var:url_escape(Ticket.token) ?>/question" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
    <?cs call:field("question", L.Solution.QuestionLabel, "", "longtext", 1, 5000) ?>
    <div class="actions"><button type="submit"><?cs var:L.Solution.Question ?></button></div>
  </form></details>
</section>
<?cs /if ?>
<?cs if:Ticket.status == "closed" ?>
<section class="card survey-invite" aria-labelledby="survey-h">
  <h2 id="survey-h"><?cs var:L.Survey.Title ?></h2>
  <?cs if:Survey.answered ?><p><?cs var:L.Survey.Already ?></p><?cs else ?>
  <p><?cs var:L.Survey.Invite ?></p>
  <p class="actions"><a class="button primary" href="/t/<?cs var:url_escape(Ticket.token) ?>/survey"><?cs var:L.Survey.InviteButton ?></a></p>
  <?cs /if ?>
</section>
<?cs /if ?>
<?cs if:Acceptance.form ?>
<section class="card acceptance" aria-labelledby="acc-h">
  <h2 id="acc-h"><?cs var:L.Acceptance.Title ?></h2>
  <p><?cs var:L.Acceptance.Intro ?></p>
  <div class="acceptance-form doc doc-inline"><?cs call:acceptance_doc(0) ?></div>
  <?cs if:Form.HasErrors && (Failed == "accept") ?><div class="alert alert-error"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?>
  <form class="request" id="form-accept" method="post" action="/t/<?cs var:url_escape(Ticket.token) ?>/accept" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
    <?cs call:choice("result", L.Acceptance.Result, "", L.Acceptance.Results, 1, 0) ?>
    <?cs call:field("remarks", L.Acceptance.Remarks, L.Acceptance.RemarksHelp, "longtext", 0, 5000) ?>
    <?cs call:field("signed_name", L.Acceptance.Name, "", "text", 1, 50) ?>
    <div class="actions"><button type="submit" class="primary"><?cs var:L.Acceptance.Sign ?></button></div>
  </form>
</section>
<?cs /if ?>

<?cs if:Acceptance.archived && !Acceptance.signed ?><p class="archived-form"><span class="doc-icon" aria-hidden="true"></span><span><?cs var:L.Acceptance.Archived ?></span> <a href="/t/<?cs var:url_escape(Ticket.token) ?>/acceptance"><?cs var:L.Acceptance.ArchivedLink ?></a></p><?cs /if ?>
<?cs if:Rnd.state ?>
<section class="card rnd-notice" id="rnd" aria-labelledby="rnd-h">
  <h2 id="rnd-h"><?cs var:L.Ticket.Rnd.Title ?></h2>
  <p class="rnd-what"><?cs var:L.Ticket.Rnd.Went ?> <time datetime="<?cs var:Rnd.asked.iso ?>"><?cs var:Rnd.asked ?></time> <?cs var:L.Ticket.Rnd.WentEnd ?> <?cs var:L.Ticket.Rnd[Rnd.state] ?></p>
  <p class="rnd-contact"><?cs if:Rnd.contact ?><?cs var:L.Ticket.Rnd.Contact ?> <strong><bdi><?cs var:Rnd.contact ?></bdi></strong><?cs var:L.Ticket.Rnd.ContactEnd ?><?cs else ?><?cs var:L.Ticket.Rnd.Team ?><?cs /if ?></p>
</section>
<?cs /if ?>
<?cs if:WorkaroundDue || Workaround.at ?>
<section class="card workaround-notice" id="workaround" aria-labelledby="workaround-h">
  <h2 id="workaround-h"><?cs var:L.Workaround.Title ?></h2>
  <?cs if:Workaround.at ?>
  <p class="wa-sent"><?cs var:L.Workaround.SentAt ?>: <time datetime="<?cs var:Workaround.at.iso ?>"><?cs var:Workaround.at ?></time></p>
  <h3><?cs var:L.Workaround.Measures ?></h3>
  <div class="text wa-measures"><?cs var:Workaround.measures ?></div>
  <?cs if:Workaround.compensation ?><h3><?cs var:L.Workaround.Compensation ?></h3>
  <div class="text wa-comp"><?cs var:Workaround.compensation ?></div><?cs /if ?>
  <p class="wa-fix"><?cs var:L.Workaround.FixExpected ?>: <?cs if:Workaround.fix ?><time datetime="<?cs var:Workaround.fix.iso ?>"><?cs var:Workaround.fix ?></time><?cs else ?><?cs var:L.Workaround.FixUnknown ?><?cs /if ?></p>
  <?cs else ?>
  <p class="wa-due"><?cs if:WorkaroundDue.late ?><?cs var:L.Workaround.CustomerLate ?><?cs else ?><?cs var:L.Workaround.Customer ?><?cs /if ?> <time datetime="<?cs var:WorkaroundDue.iso ?>"><?cs var:WorkaroundDue ?></time></p>
  <?cs /if ?>
</section>
<?cs /if ?>
<section class="card progress" aria-labelledby="progress">
  <h2 id="progress"><?cs var:L.Ticket.Progress ?></h2>
  <?cs set:stage = 0 ?>
  <?cs if:Ticket.step >= 1 ?><?cs set:stage = 1 ?><?cs /if ?>
  <?cs if:Ticket.step >= 2 ?><?cs set:stage = 2 ?><?cs /if ?>
  <?cs if:Ticket.step >= 7 ?><?cs set:stage = 3 ?><?cs /if ?>
  <?cs if:Ticket.step >= 9 ?><?cs set:stage = 4 ?><?cs /if ?>
  <?cs if:Ticket.step >= 10 ?><?cs set:stage = 5 ?><?cs /if ?>
<ol class="timeline">
  <?cs loop:i = 0, 5, 1 ?>
    <li class="<?cs if:i < stage ?>done<?cs elif:i == stage ?>current<?cs else ?>todo<?cs /if ?>"<?cs if:i == stage ?> aria-current="step"<?cs /if ?>><span class="dot" aria-hidden="true"></span><span class="step-label"><?cs var:L.Timeline[i] ?></span></li>
  <?cs /loop ?>
  </ol>
  <p class="status-now"><?cs var:L.Ticket.Status ?> <span class="status status-<?cs var:Ticket.status ?>"><?cs var:L.Status[Ticket.status] ?></span></p>
  <dl class="facts">
    <div><dt><?cs var:L.Ticket.Submitted ?></dt><dd><time datetime="<?cs var:Ticket.created_at.iso ?>"><?cs var:Ticket.created_at ?></time></dd></div>
    <div><dt><?cs var:L.Ticket.ClassifyBy ?></dt><dd><time datetime="<?cs var:Ticket.classify_due_at.iso ?>"><?cs var:Ticket.classify_due_at ?></time></dd></div>
    <?cs if:Ticket.first_response_due_at ?><div><dt><?cs var:L.Ticket.FirstResponseBy ?></dt><dd><time datetime="<?cs var:Ticket.first_response_due_at.iso ?>"><?cs var:Ticket.first_response_due_at ?></time></dd></div><?cs /if ?>
    <?cs if:Ticket.resolution_due_at ?><div><dt><?cs var:L.Ticket.ResolutionBy ?></dt><dd><time datetime="<?cs var:Ticket.resolution_due_at.iso ?>"><?cs var:Ticket.resolution_due_at ?></time></dd></div><?cs /if ?>
  </dl>
</section>

<section class="card" aria-labelledby="desc">
  <h2 id="desc"><?cs var:L.Ticket.Description ?></h2>
  <p class="subject"><strong><bdi><?cs var:Ticket.subject ?></bdi></strong></p>
  <div class="text"><?cs var:Ticket.description ?></div>
  <dl class="values">
    <div><dt><?cs var:L.Ticket.Category ?></dt><dd><?cs var:Ticket.category ?></dd></div>
    <?cs if:Ticket.product ?><div><dt><?cs var:L.Form.product ?></dt><dd><?cs var:Ticket.product ?> <?cs var:Ticket.product_version ?></dd></div><?cs /if ?>
    <?cs if:Ticket.serial_number ?><div><dt><?cs var:L.Form.serial_number ?></dt><dd><?cs var:Ticket.serial_number ?></dd></div><?cs /if ?>
    <?cs each:o = L.Form.ImpactOptions ?><?cs if:o.code == Ticket.impact ?><div><dt><?cs var:L.Form.impact ?></dt><dd><?cs var:o.label ?></dd></div><?cs /if ?><?cs /each ?>
    <?cs call:core_values() ?>
    <?cs each:v = Values ?><div><dt><?cs var:v.label ?></dt><dd class="text"><?cs var:v.value ?></dd></div><?cs /each ?>
  </dl>
  <?cs set:file_base = "/t/" + url_escape(Ticket.token) + "/file?id=" ?>
  <?cs each:e = Events ?><?cs if:e.kind == "created" ?><?cs call:event_files(e.id, file_base) ?><?cs /if ?><?cs /each ?>
</section>

<?cs # an entry of a ticket merged into this one, marked with its number ?>
<?cs def:from_merged(e) ?><?cs if:e.from ?><span class="from-merged" data-from="<?cs var:e.from ?>"><?cs var:L.Merge.FromMark ?> <code><?cs var:e.from ?></code></span> <?cs /if ?><?cs /def ?>
<section class="card" aria-labelledby="thread">
  <h2 id="thread"><?cs var:L.Ticket.Conversation ?></h2>
  <?cs if:subcount(Events) == 0 ?><p class="empty"><?cs var:L.Ticket.NoEvents ?></p><?cs /if ?>
  <ol class="thread">
  <?cs each:e = Events ?>
    <?cs if:e.kind == "created" && e.from ?>
    <li class="msg msg-customer merged-first"><p class="meta"><?cs call:from_merged(e) ?><strong><bdi><?cs var:e.actor ?></bdi></strong> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div><?cs call:event_files(e.id, file_base) ?></li>
    <?cs elif:e.kind == "merged_into" && e.from ?><?cs # said by this ticket's own merged_from entry ?>
    <?cs elif:e.kind == "merged_into" || e.kind == "merged_from" ?>
    <li class="sys"><span class="sys-dot" aria-hidden="true"></span><span class="sys-text"><?cs var:L.Merge.Portal[e.kind] ?> <code><?cs var:e.new ?></code></span>
      <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></li>
    <?cs elif:e.kind == "comment" || e.kind == "reply" || e.kind == "attachment" ?>
    <li class="msg msg-<?cs var:e.actor_type ?>"><p class="meta"><?cs call:from_merged(e) ?><strong><bdi><?cs var:e.actor ?></bdi></strong> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div><?cs call:event_files(e.id, file_base) ?></li>
    <?cs elif:e.kind == "work" ?>
    <li class="sys"><span class="sys-dot" aria-hidden="true"></span><span class="sys-text"><?cs call:from_merged(e) ?><?cs var:L.Work.Kind[e.field] ?>: <?cs var:e.body ?><?cs if:e.old || e.new ?> <span class="reason"><?cs var:L.Work.Serial ?> <?cs if:e.old ?><bdi><?cs var:e.old ?></bdi><?cs else ?>-<?cs /if ?> → <?cs if:e.new ?><bdi><?cs var:e.new ?></bdi><?cs else ?>-<?cs /if ?></span><?cs /if ?></span>
      <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></li>
    <?cs elif:e.kind == "close_requested" ?>
    <li class="sys"><span class="sys-dot" aria-hidden="true"></span><span class="sys-text"><?cs call:from_merged(e) ?><bdi><?cs var:e.actor ?></bdi> <?cs var:L.Close.Event ?><?cs if:e.body ?> <span class="reason"><?cs var:e.body ?></span><?cs /if ?></span>
      <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></li>
    <?cs elif:e.kind == "solution_confirmed" ?>
    <li class="sys"><span class="sys-dot" aria-hidden="true"></span><span class="sys-text"><?cs call:from_merged(e) ?><?cs var:L.Solution.ConfirmedVia ?>: <?cs if:e.field == "confirmed_via" ?><bdi><?cs var:e.old ?></bdi> · <?cs var:L.Solution.Ways[e.new] ?><?cs else ?><bdi><?cs var:e.new ?></bdi> · <?cs var:L.Solution.OnPortal ?><?cs /if ?></span>
      <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time><?cs call:event_files(e.id, file_base) ?></li>
    <?cs elif:e.kind == "workaround" ?>
    <li class="msg msg-agent workaround"><p class="meta"><strong><bdi><?cs var:e.actor ?></bdi></strong> <span class="who-kind"><?cs var:L.Workaround.Title ?></span> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div></li>
    <?cs elif:e.kind == "evaluation_approved" || e.kind == "evaluation_declined" ?>
    <li class="sys"><span class="sys-dot" aria-hidden="true"></span><span class="sys-text"><?cs var:L.Evaluation.Title ?> (<?cs var:L.Evaluation.Revision ?> <?cs var:e.old ?>): <?cs if:e.kind == "evaluation_approved" ?><?cs var:L.Evaluation.State.approved ?><?cs else ?><?cs var:L.Evaluation.State.declined ?><?cs /if ?> · <bdi><?cs var:e.new ?></bdi><?cs if:e.body ?> <span class="reason"><?cs var:e.body ?></span><?cs /if ?></span>
      <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time><?cs call:event_files(e.id, file_base) ?></li>
    <?cs elif:e.kind == "solution" || e.kind == "evaluation" ?>
    <li class="msg msg-agent"><p class="meta"><?cs call:from_merged(e) ?><strong><bdi><?cs var:e.actor ?></bdi></strong> <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></p><div class="text"><?cs var:e.body ?></div></li>
    <?cs elif:e.kind == "acceptance_signed" || e.kind == "reopen" ?>
    <li class="sys"><span class="sys-dot" aria-hidden="true"></span><span class="sys-text"><?cs call:from_merged(e) ?><bdi><?cs var:e.new ?></bdi> <?cs if:e.kind == "reopen" ?><?cs var:L.Acceptance.Rejected ?><?cs else ?><?cs var:L.Acceptance.Accepted ?><?cs /if ?><?cs if:e.body ?> <span class="reason"><?cs var:e.body ?></span><?cs /if ?></span>
      <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></li>
    <?cs elif:e.kind == "escalated" ?>
    <li class="sys"><span class="sys-dot" aria-hidden="true"></span><span class="sys-text"><?cs call:from_merged(e) ?><?cs var:L.Ticket.Escalated ?></span>
      <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></li>
    <?cs elif:e.kind == "created" || e.field == "status" || e.field == "priority" ?>
    <li class="sys"><span class="sys-dot" aria-hidden="true"></span><span class="sys-text"><?cs call:from_merged(e) ?>
      <?cs if:e.kind == "created" ?><bdi><?cs var:e.actor ?></bdi> <?cs var:L.Ticket.Created ?>
      <?cs elif:e.field == "status" ?><?cs var:L.Ticket.StatusChanged ?> <?cs var:L.Status[e.new] ?>
      <?cs else ?><?cs var:L.Ticket.PriorityChanged ?> <?cs var:Catalog.Priorities[e.new].name ?><?cs /if ?>
      <?cs if:e.body && e.kind != "created" ?><span class="reason"><?cs var:e.body ?></span><?cs /if ?></span>
      <time datetime="<?cs var:e.at.iso ?>"><?cs var:e.at ?></time></li>
    <?cs /if ?>
  <?cs /each ?>
  </ol>
  <?cs if:Ticket.status != "closed" ?>
  <?cs if:Form.HasErrors && (Failed == "reply" || Failed == "close") ?><div class="alert alert-error"><?cs if:Form._form.error ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?>
  <form class="request reply" id="form-reply" method="post" action="/t/<?cs var:url_escape(Ticket.token) ?>/reply" accept-charset="utf-8" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
    <?cs call:field("body", L.Ticket.ReplyLabel, L.Ticket.ReplyHelp, "longtext", 1, 10000) ?>
    <?cs if:Form.files.reselect ?><p class="notice"><?cs var:L.Attach.Reselect ?></p><?cs /if ?>
    <?cs call:files("files", L.Attach.Label) ?>
    <div class="actions"><button type="submit"<?cs if:!Solution.text && !Acceptance.form ?> class="primary"<?cs /if ?>><?cs var:L.Ticket.ReplySubmit ?></button></div>
  </form>
  <?cs if:Ticket.status != "resolved" ?>
  <details class="close-ask"<?cs if:Failed == "close" ?> open<?cs /if ?>><summary><?cs var:L.Close.Ask ?></summary>
  <form class="request" id="form-close" method="post" action="/t/<?cs var:url_escape(Ticket.token) ?>/close" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
    <p class="help"><?cs var:L.Close.Help ?></p>
    <?cs call:field("close_reason", L.Close.Reason, "", "longtext", 0, 2000) ?>
    <div class="actions"><button type="submit"><?cs var:L.Close.Submit ?></button></div>
  </form></details>
  <?cs /if ?>
  <?cs /if ?>
</section>
<?cs call:page_end() ?>
