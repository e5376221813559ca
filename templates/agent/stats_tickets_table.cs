<?cs # The tickets behind one number (Rows.*, set by agent_stats_ticket_rows in
       cgi/agent/stats.c): the statistics' and the weekly coordination view's
       drill-down lists. ?>
<?cs def:stats_tickets_table(caption) ?>
<div class="table-wrap">
<table class="queue stats-tickets">
  <caption class="sr"><?cs var:caption ?></caption>
  <thead><tr><th scope="col" class="c-num"><?cs var:L.Agent.Col.number ?></th><th scope="col" class="c-subj"><?cs var:L.Agent.Col.subject ?></th><th scope="col"><?cs var:L.Agent.Col.category ?></th><th scope="col"><?cs var:L.Agent.Col.priority ?></th><th scope="col"><?cs var:L.Agent.Col.channel ?></th><th scope="col"><?cs var:L.Agent.Col.team ?></th><th scope="col"><?cs var:L.Agent.Col.status ?></th><th scope="col"><?cs var:L.Agent.Col.created ?></th></tr></thead>
  <tbody>
  <?cs each:r = Rows ?>
  <tr data-href="/agent/t/<?cs var:url_escape(r.number) ?>" class="p-<?cs var:r.priority ?>">
    <td class="num"><a href="/agent/t/<?cs var:url_escape(r.number) ?>"><?cs var:r.number ?></a></td>
    <td class="subj"><bdi class="subj-text"><?cs var:r.subject ?></bdi></td>
    <td><?cs var:r.category ?></td>
    <td><?cs call:priority_badge(r.priority) ?></td>
    <td><?cs var:r.channel ?></td>
    <td><?cs var:r.team ?></td>
    <td><?cs call:status_pill(r.status) ?></td>
    <td class="when"><?cs var:r.created ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs /def ?>
