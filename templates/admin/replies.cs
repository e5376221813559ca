<?cs include!"admin/macros.cs" ?><?cs include!"admin/notify_macros.cs" ?><?cs include!"admin/reply_macros.cs" ?>
<?cs call:admin_start(L.Admin.Replies.Title) ?>
<?cs call:admin_head(L.Admin.Section.notifications.name, L.Admin.Replies.Help) ?>
<?cs call:notify_tabs("replies") ?>
<div class="admin-grid reply-grid">
<section class="card list-card" aria-labelledby="replies-h">
  <h2 id="replies-h" class="sr"><?cs var:L.Admin.Replies.Title ?></h2>
  <?cs if:!Rows.0.id ?><p class="empty"><?cs var:L.Admin.Replies.Empty ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="queue admin-table replies">
    <thead><tr><th scope="col"><?cs var:L.Admin.Replies.TitleField ?></th><th scope="col"><?cs var:L.Admin.Replies.Language ?></th><th scope="col"><?cs var:L.Admin.Replies.Updated ?></th><th scope="col"><?cs var:L.Admin.Replies.State ?></th></tr></thead>
    <tbody>
    <?cs each:r = Rows ?>
    <tr class="reply-row is-<?cs var:r.state ?>" data-id="<?cs var:r.id ?>" data-state="<?cs var:r.state ?>">
      <td><a class="label" href="/admin/notifications/replies/<?cs var:r.id ?>"><?cs var:r.title ?></a><br><span class="small muted excerpt"><?cs var:r.excerpt ?></span></td>
      <td><?cs var:L.Admin.Notify.Lang[r.language] ?></td>
      <td class="when"><time datetime="<?cs var:r.at.iso ?>"><?cs var:r.at ?></time></td>
      <td><span class="state state-<?cs var:r.state ?>"><?cs var:L.Admin.Replies.States[r.state] ?></span></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs if:Next ?><p class="pager"><a href="/admin/notifications/replies?before=<?cs var:Next ?>"><?cs var:L.Admin.Replies.Next ?> →</a></p><?cs /if ?>
  <?cs /if ?>
</section>
<section class="card form-card" aria-labelledby="create-h">
  <h2 id="create-h"><?cs var:L.Admin.Replies.NewTitle ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/notifications/replies" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:reply_fields() ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Replies.Create ?></button></div>
  </form>
</section>
</div>
<?cs call:admin_end() ?>
