<?cs include!"admin/macros.cs" ?><?cs include!"admin/notify_macros.cs" ?><?cs include!"admin/reply_macros.cs" ?>
<?cs call:admin_start(Reply.title) ?>
<?cs call:notify_head(Reply.title, L.Admin.Replies.EditHelp) ?>
<p class="tpl-status" data-state="<?cs var:Reply.state ?>"><span class="state state-<?cs var:Reply.state ?>"><?cs var:L.Admin.Replies.States[Reply.state] ?></span> <span class="small muted"><time datetime="<?cs var:Reply.at.iso ?>"><?cs var:Reply.at ?></time></span> <a class="small" href="/admin/notifications/replies">← <?cs var:L.Admin.Replies.Back ?></a></p>
<div class="admin-grid reply-grid">
<section class="card form-card" aria-labelledby="form-h">
  <h2 id="form-h"><?cs var:L.Admin.Replies.EditTitle ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/notifications/replies/<?cs var:Reply.id ?>" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:reply_fields() ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Notify.Save ?></button></div>
  </form>
  <div class="state-box">
    <p class="small muted"><?cs if:Reply.state == "active" ?><?cs var:L.Admin.Replies.OffHelp ?><?cs else ?><?cs var:L.Admin.Replies.OnHelp ?><?cs /if ?></p>
    <form method="post" action="/admin/notifications/replies/<?cs var:Reply.id ?>/<?cs if:Reply.state == "active" ?>deactivate<?cs else ?>activate<?cs /if ?>" class="inline-form">
      <?cs call:csrf() ?>
      <button type="submit" class="<?cs if:Reply.state == "active" ?>danger-link<?cs else ?>primary<?cs /if ?>"><?cs if:Reply.state == "active" ?><?cs var:L.Admin.Replies.Deactivate ?><?cs else ?><?cs var:L.Admin.Replies.Activate ?><?cs /if ?></button>
    </form>
  </div>
</section>
<section class="card form-card" aria-labelledby="rp-h">
  <h2 id="rp-h"><?cs var:L.Admin.Replies.PreviewTitle ?></h2>
  <p class="help"><?cs var:L.Admin.Replies.PreviewHelp ?></p>
  <div class="mail-box is-preview"><pre class="mail-body reply-preview"><?cs var:Reply.preview ?></pre></div>
</section>
</div>
<?cs call:admin_end() ?>
