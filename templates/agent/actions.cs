<?cs include!"agent/layout.cs" ?>
<?cs # /agent/actions: improvement actions (表5 改进措施计划表,
       cgi/agent/actions.c): mine, my department's, overdue, due this week,
       to verify, all; newest first, keyset pages. Overdue ones red with the
       days over. Prints on A4 as the plan table. ?>
<?cs call:agent_start(L.Review.Action.List) ?>
<div class="page-head">
  <h1><?cs var:L.Review.Action.List ?></h1>
  <nav class="tabs noprint" aria-label="<?cs var:L.Review.Action.List ?>"><?cs each:v = Views ?><a href="/agent/actions?view=<?cs var:v ?>" class="view-<?cs var:v ?>"<?cs if:View == v ?> aria-current="page"<?cs /if ?>><?cs var:L.Review.Action.View[v] ?></a> <?cs /each ?></nav>
  <button type="button" class="noprint" data-print hidden><?cs var:L.Review.Problem.Print ?></button>
</div>
<p class="plan-print plan-head"><strong><?cs var:L.Review.Action.PrintTitle ?></strong> · <?cs var:L.Review.Action.View[View] ?> · <?cs var:L.Review.Action.PrintedAt ?> <?cs var:Printed ?></p>
<?cs if:RowCount == 0 ?><p class="empty"><?cs var:L.Review.Action.Empty ?></p><?cs else ?>
<div class="table-wrap plan-sheet"><table class="queue actions-table">
  <caption class="sr"><?cs var:L.Review.Action.View[View] ?></caption>
  <thead><tr><th scope="col" class="c-subj"><?cs var:L.Review.Action.Measure ?></th><th scope="col" class="plan-print"><?cs var:L.Review.Action.Target ?></th><th scope="col" class="plan-print"><?cs var:L.Review.Action.Resources ?></th><th scope="col"><?cs var:L.Review.Action.Team ?></th><th scope="col"><?cs var:L.Review.Action.Owner ?></th><th scope="col" class="plan-print"><?cs var:L.Review.Action.Start ?></th><th scope="col"><?cs var:L.Review.Action.Due ?></th><th scope="col"><?cs var:L.Review.Action.Status ?></th><th scope="col" class="plan-print"><?cs var:L.Review.Action.Verification ?></th></tr></thead>
  <tbody><?cs each:r = Rows ?>
  <tr class="action-row<?cs if:r.days_over != "0" ?> is-overdue<?cs /if ?>" data-id="<?cs var:r.id ?>"><td class="c-subj"><a href="/agent/actions/<?cs var:r.id ?>"><bdi><?cs var:r.title ?></bdi></a></td><td class="plan-print p-target"><bdi><?cs var:r.target ?></bdi></td><td class="plan-print p-resources"><bdi><?cs var:r.resources ?></bdi></td><td><bdi><?cs var:r.team ?></bdi></td><td><bdi><?cs var:r.owner ?></bdi></td>
    <td class="plan-print when p-start"><?cs var:r.starts_on ?></td>
    <td class="when"><?cs var:r.due_on ?><?cs if:r.days_over != "0" ?> <span class="chip red overdue"><?cs var:L.Review.Action.Over ?> <?cs var:r.days_over ?> <?cs var:L.Review.Action.Days ?></span><?cs /if ?></td>
    <td><span class="astatus as-<?cs var:r.status ?>"><?cs var:L.Review.Action.St[r.status] ?></span></td>
    <td class="plan-print p-verify"><?cs if:r.before || r.after ?><?cs if:r.figure ?><bdi><?cs var:r.figure ?></bdi>: <?cs /if ?><?cs var:L.Review.Action.Before ?> <bdi><?cs var:r.before ?></bdi> → <?cs var:L.Review.Action.After ?> <bdi><?cs var:r.after ?></bdi><?cs elif:r.status == "verified" ?><?cs var:L.Review.Action.St.verified ?><?cs else ?>—<?cs /if ?></td></tr>
  <?cs /each ?></tbody>
</table></div>
<div class="plan-print plan-sign"><span><?cs var:L.Review.Action.SignedBy ?></span><span class="line"></span><span><?cs var:L.Review.Action.SignedOn ?></span><span class="line short"></span></div>
<?cs if:Next ?><p class="pager"><a href="/agent/actions?view=<?cs var:View ?>&amp;before=<?cs var:Next ?>"><?cs var:L.Review.Problem.Next ?> →</a></p><?cs /if ?>
<?cs /if ?>
<?cs call:agent_end() ?>
