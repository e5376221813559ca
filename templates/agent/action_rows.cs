<?cs # The rows of an action list (Actions.N.*, cgi/agent/review_forms.c):
       included by the minutes and drill pages. Overdue ones red with the
       days over. ?>
<div class="table-wrap"><table class="queue actions-table">
  <thead><tr><th scope="col" class="c-subj"><?cs var:L.Review.Action.Measure ?></th><th scope="col"><?cs var:L.Review.Action.Team ?></th><th scope="col"><?cs var:L.Review.Action.Owner ?></th><th scope="col"><?cs var:L.Review.Action.Due ?></th><th scope="col"><?cs var:L.Review.Action.Status ?></th></tr></thead>
  <tbody><?cs each:r = Actions ?>
  <tr class="action-row<?cs if:r.days_over != "0" ?> is-overdue<?cs /if ?>"><td class="c-subj"><a href="/agent/actions/<?cs var:r.id ?>"><bdi><?cs var:r.title ?></bdi></a></td><td><bdi><?cs var:r.team ?></bdi></td><td><bdi><?cs var:r.owner ?></bdi></td>
    <td class="when"><?cs var:r.due_on ?><?cs if:r.days_over != "0" ?> <span class="chip red overdue"><?cs var:L.Review.Action.Over ?> <?cs var:r.days_over ?> <?cs var:L.Review.Action.Days ?></span><?cs /if ?></td>
    <td><span class="astatus as-<?cs var:r.status ?>"><?cs var:L.Review.Action.St[r.status] ?></span></td></tr>
  <?cs /each ?></tbody>
</table></div>
