<?cs # The ticket page's links and merge card (cgi/agent/links.c): the
  linked tickets this agent may see, from this ticket's side, each with its
  number, subject and status; forms to add and remove links and to merge
  this ticket into another. Included by agent/ticket.cs (act_form, open_if,
  panel_foot come from it). ?>
  <section class="card card-links-panel" id="links" aria-labelledby="links-h">
    <h2 id="links-h"><?cs var:L.Links.Title ?></h2>
    <?cs if:Links.0.number ?><ul class="ticket-links"><?cs each:l = Links ?>
      <li class="ticket-link" data-kind="<?cs var:l.kind ?>" data-number="<?cs var:l.number ?>"><span class="link-kind"><?cs var:L.Links.Kind[l.kind] ?></span>
        <a href="/agent/t/<?cs var:url_escape(l.number) ?>"><code><?cs var:l.number ?></code> <bdi><?cs var:l.subject ?></bdi></a>
        <?cs call:status_pill(l.status) ?>
        <?cs call:act_form("unlink") ?><input type="hidden" name="kind" value="<?cs var:l.kind ?>"><input type="hidden" name="other" value="<?cs var:l.number ?>"><button type="submit" class="link" aria-label="<?cs var:L.Links.Remove ?> <?cs var:l.number ?>"><?cs var:L.Links.Remove ?></button></form></li><?cs /each ?></ul>
    <?cs else ?><p class="muted small"><?cs var:L.Links.None ?></p><?cs /if ?>
    <?cs if:(ActionFailed == "link" || ActionFailed == "unlink") && LinkError ?><p class="field-error" role="alert"><?cs var:L.Links.Err[LinkError] ?></p><?cs /if ?>
    <p class="card-links"><a class="edit" href="#p-link" aria-controls="p-link"><?cs var:L.Links.Add ?></a><?cs if:Perm.work ?><a class="edit" href="#p-merge" aria-controls="p-merge"><?cs var:L.Merge.Action ?></a><?cs /if ?></p>
    <section class="panel side<?cs call:open_if("link") ?>" id="p-link" aria-labelledby="p-link-h" tabindex="-1">
    <h3 id="p-link-h"><?cs var:L.Links.Add ?></h3>
    <?cs call:act_form("link") ?>
      <label for="ln-kind"><?cs var:L.Links.KindLabel ?></label>
      <select id="ln-kind" name="kind"><?cs each:k = LinkKinds ?><option value="<?cs var:k ?>"<?cs if:ActionFailed == "link" && Query.kind == k ?> selected<?cs /if ?>><?cs var:L.Links.Kind[k] ?></option><?cs /each ?></select>
      <label for="ln-other"><?cs var:L.Links.Other ?></label>
      <input id="ln-other" name="other" required maxlength="31" autocomplete="off" value="<?cs if:ActionFailed == "link" ?><?cs var:Query.other ?><?cs /if ?>"<?cs if:ActionFailed == "link" && LinkError ?> aria-invalid="true"<?cs /if ?>>
      <?cs call:panel_foot(L.Links.Add) ?>
    </form></section>
    <?cs if:Perm.work ?>
    <section class="panel side<?cs call:open_if("merge") ?>" id="p-merge" aria-labelledby="p-merge-h" tabindex="-1">
    <h3 id="p-merge-h"><?cs var:L.Merge.Action ?></h3>
    <p class="hint"><?cs var:L.Merge.Help ?></p>
    <?cs call:act_form("merge") ?>
      <label for="mg-into"><?cs var:L.Merge.Into ?></label>
      <input id="mg-into" name="into" required maxlength="31" autocomplete="off" value="<?cs if:ActionFailed == "merge" ?><?cs var:Query.into ?><?cs /if ?>"<?cs if:ActionFailed == "merge" && MergeError ?> aria-invalid="true" aria-describedby="mg-err"<?cs /if ?>>
      <?cs if:ActionFailed == "merge" && MergeError ?><p class="field-error" id="mg-err" role="alert"><?cs var:L.Merge.Err[MergeError] ?></p><?cs /if ?>
      <label for="mg-reason"><?cs var:L.Merge.Reason ?></label>
      <input id="mg-reason" name="reason" maxlength="500" value="<?cs if:ActionFailed == "merge" ?><?cs var:Form.reason.value ?><?cs /if ?>">
      <?cs call:panel_foot(L.Merge.Confirm) ?>
    </form></section>
    <?cs /if ?>
  </section>
