<?cs include!"admin/macros.cs" ?>
<?cs call:admin_start(L.Admin.Keys.Title) ?>
<?cs call:admin_head(L.Admin.Keys.Title, L.Admin.Keys.Help) ?>
<?cs if:Confirm.id ?>
<section class="card confirm" aria-labelledby="confirm-h">
  <h2 id="confirm-h"><?cs var:L.Admin.Keys.RevokeTitle ?></h2>
  <dl class="kv">
    <div><dt><?cs var:L.Admin.Keys.Label ?></dt><dd><?cs var:Confirm.label ?></dd></div>
    <div><dt><?cs var:L.Admin.Keys.Prefix ?></dt><dd><code><?cs var:Confirm.prefix ?>…</code></dd></div>
    <div><dt><?cs var:L.Admin.Keys.Scope ?></dt><dd><?cs var:L.Admin.Keys.Scope[Confirm.scope] ?></dd></div>
    <div><dt><?cs var:L.Admin.Keys.Grants ?></dt><dd><?cs if:Confirm.set_priority ?><?cs var:L.Admin.Keys.Grant.set ?> (<code>priority:set</code>)<?cs else ?><?cs var:L.Admin.Keys.Grant.request ?><?cs /if ?></dd></div>
  </dl>
  <?cs if:Confirm.revoked ?><p><?cs var:L.Admin.Keys.AlreadyRevoked ?></p><p><a class="button" href="/admin/api-keys"><?cs var:L.Admin.Keys.Cancel ?></a></p>
  <?cs else ?>
  <p class="warn-text"><?cs var:L.Admin.Keys.RevokeText ?></p>
  <form method="post" action="/admin/api-keys/<?cs var:Confirm.id ?>/revoke" class="confirm-form">
    <?cs call:csrf() ?>
    <button type="submit" class="danger"><?cs var:L.Admin.Keys.RevokeConfirm ?></button>
    <a class="button" href="/admin/api-keys"><?cs var:L.Admin.Keys.Cancel ?></a>
  </form>
  <?cs /if ?>
</section>
<?cs else ?>
<?cs if:NewKey.text ?>
<section class="card new-key" role="status" aria-labelledby="new-key-h">
  <h2 id="new-key-h"><?cs var:L.Admin.Done.created ?>: <?cs var:NewKey.label ?></h2>
  <p class="warn-text"><?cs var:L.Admin.Keys.ShownOnce ?></p>
  <p class="key-line"><code id="new-key" class="key-text"><?cs var:NewKey.text ?></code> <button type="button" class="small copy" data-copy="new-key" data-copied="<?cs var:L.Admin.Keys.Copied ?>" hidden><?cs var:L.Admin.Keys.Copy ?></button></p>
</section>
<?cs /if ?>
<div class="admin-grid">
<section class="card list-card" aria-labelledby="keys-h">
  <h2 id="keys-h" class="sr"><?cs var:L.Admin.Keys.Title ?></h2>
  <?cs if:!Keys.0.id ?><p class="empty"><?cs var:L.Admin.Keys.Empty ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="queue admin-table keys">
    <thead><tr><th scope="col"><?cs var:L.Admin.Keys.Label ?></th><th scope="col"><?cs var:L.Admin.Keys.Prefix ?></th><th scope="col"><?cs var:L.Admin.Keys.Scope ?></th><th scope="col"><?cs var:L.Admin.Keys.Created ?></th><th scope="col"><?cs var:L.Admin.Keys.LastUsed ?></th><th scope="col"><?cs var:L.Admin.Keys.State ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.Keys.Revoke ?></span></th></tr></thead>
    <tbody>
    <?cs each:k = Keys ?>
    <tr class="key-row is-<?cs var:k.state ?>" data-id="<?cs var:k.id ?>" data-state="<?cs var:k.state ?>">
      <td class="label"><?cs var:k.label ?></td>
      <td><code><?cs var:k.prefix ?>…</code></td>
      <td class="scopes"><span class="scope scope-<?cs var:k.scope ?>"><?cs var:L.Admin.Keys.Scope[k.scope] ?></span><?cs if:k.set_priority ?> <span class="grant grant-priority-set" title="<?cs var:L.Admin.Keys.Grant.set ?>">priority:set</span><?cs /if ?><?cs if:k.review == "1" ?> <span class="grant grant-review" title="<?cs var:L.Admin.Keys.ReviewHelp ?>">review</span><?cs /if ?></td>
      <td class="when"><time datetime="<?cs var:k.created.iso ?>"><?cs var:k.created ?></time></td>
      <td class="when"><?cs if:k.used ?><time datetime="<?cs var:k.used.iso ?>"><?cs var:k.used ?></time><?cs else ?><span class="muted"><?cs var:L.Admin.Keys.Never ?></span><?cs /if ?></td>
      <td><span class="state state-<?cs var:k.state ?>"<?cs if:k.revoked ?> title="<?cs var:k.revoked ?>"<?cs /if ?>><?cs var:L.Admin.Keys.State[k.state] ?></span></td>
      <td class="act"><?cs if:k.state == "active" ?><a class="button small danger-link" href="/admin/api-keys/<?cs var:k.id ?>/revoke"><?cs var:L.Admin.Keys.Revoke ?></a><?cs /if ?></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs if:Next ?><p class="pager"><a href="/admin/api-keys?before=<?cs var:Next ?>"><?cs var:L.Admin.Keys.Next ?> →</a></p><?cs /if ?>
  <?cs /if ?>
</section>
<section class="card form-card" aria-labelledby="create-h">
  <h2 id="create-h"><?cs var:L.Admin.Keys.NewTitle ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/api-keys" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("label", L.Admin.Keys.Label, L.Admin.Keys.LabelHelp, "text", 1, 100) ?>
    <?cs set:ScopeOpts.own.code = "own" ?><?cs set:ScopeOpts.own.label = L.Admin.Keys.Scope.own ?>
    <?cs set:ScopeOpts.all.code = "all" ?><?cs set:ScopeOpts.all.label = L.Admin.Keys.Scope.all ?>
    <?cs set:ScopeOpts.reports.code = "reports" ?><?cs set:ScopeOpts.reports.label = L.Admin.Keys.Scope.reports ?>
    <?cs call:choice("scope", L.Admin.Keys.Scope, "", ScopeOpts, 1, 0) ?>
    <ul class="scope-help small muted"><li><strong><?cs var:L.Admin.Keys.Scope.own ?></strong>: <?cs var:L.Admin.Keys.ScopeHelp.own ?></li><li><strong><?cs var:L.Admin.Keys.Scope.all ?></strong>: <?cs var:L.Admin.Keys.ScopeHelp.all ?></li><li><strong><?cs var:L.Admin.Keys.Scope.reports ?></strong>: <?cs var:L.Admin.Keys.ScopeHelp.reports ?></li></ul>
    <div class="field field-bool"><label class="check" for="f-set_priority"><input type="checkbox" id="f-set_priority" name="set_priority" value="1"<?cs if:Form.set_priority.value == "1" ?> checked<?cs /if ?> aria-describedby="h-set_priority"> <span><?cs var:L.Admin.Keys.SetPriority ?></span></label>
      <p class="help" id="h-set_priority"><?cs var:L.Admin.Keys.SetPriorityHelp ?></p></div>
    <div class="field field-bool"><label class="check" for="f-review"><input type="checkbox" id="f-review" name="review" value="1"<?cs if:Form.review.value == "1" ?> checked<?cs /if ?> aria-describedby="h-review"> <span><?cs var:L.Admin.Keys.Review ?></span></label>
      <p class="help" id="h-review"><?cs var:L.Admin.Keys.ReviewHelp ?></p></div>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Keys.Create ?></button></div>
  </form>
</section>
</div>
<?cs /if ?>
<?cs call:admin_end() ?>
