<?cs include!"agent/layout.cs" ?>
<?cs # /agent/emergencies: the emergencies the viewer may see, open ones
       first, newest first within each part; keyset pages (cgi/agent/emergencies.c). ?>
<?cs call:agent_start(L.Emergency.List) ?>
<div class="page-head">
  <h1><?cs var:L.Emergency.List ?></h1>
  <?cs if:Me.manager == "1" ?><a class="button primary" href="/agent/emergencies/new"><?cs var:L.Emergency.New ?></a><?cs /if ?>
</div>
<?cs if:RowCount == 0 ?><p class="empty"><?cs var:L.Emergency.Empty ?></p><?cs else ?>
<div class="table-wrap"><table class="queue emergencies">
  <caption class="sr"><?cs var:L.Emergency.List ?></caption>
  <thead><tr><th scope="col"><?cs var:L.Emergency.State ?></th><th scope="col" class="c-subj"><?cs var:L.Emergency.TitleField ?></th><th scope="col"><?cs var:L.Emergency.Lead ?></th><th scope="col"><?cs var:L.Emergency.Count ?></th><th scope="col"><?cs var:L.Emergency.PlanClock ?></th><th scope="col"><?cs var:L.Emergency.FeedbackClock ?></th><th scope="col"><?cs var:L.Emergency.Declared ?></th></tr></thead>
  <tbody><?cs each:r = Rows ?><tr class="em-row<?cs if:r.open == "1" ?> is-open<?cs else ?> is-closed<?cs /if ?>" data-id="<?cs var:r.id ?>">
    <td><span class="pstatus <?cs if:r.open == "1" ?>ps-open<?cs else ?>ps-closed<?cs /if ?>"><?cs if:r.open == "1" ?><?cs var:L.Emergency.Open ?><?cs else ?><?cs var:L.Emergency.Closed ?><?cs /if ?></span></td>
    <td class="c-subj"><a href="/agent/emergencies/<?cs var:r.id ?>"><bdi><?cs var:r.title ?></bdi></a></td>
    <td><bdi><?cs var:r.lead ?></bdi></td>
    <td><?cs var:r.tickets ?></td>
    <td><?cs if:r.plan.state ?><?cs call:sla_chip(r.plan) ?><?cs else ?>—<?cs /if ?></td>
    <td><?cs if:r.feedback.state ?><?cs call:sla_chip(r.feedback) ?><?cs else ?>—<?cs /if ?></td>
    <td class="when"><time datetime="<?cs var:r.declared_at.iso ?>"><?cs var:r.declared_at ?></time></td>
  </tr><?cs /each ?></tbody>
</table></div>
<?cs if:Next ?><p class="pager"><a rel="next" href="/agent/emergencies?after=<?cs var:url_escape(Next) ?>"><?cs var:L.Emergency.Next ?> →</a></p><?cs /if ?>
<?cs /if ?>
<?cs call:agent_end() ?>
