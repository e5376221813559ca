<?cs # What admin pages share on top of the agent frame (agent/layout.cs).
       admin_start / admin_end draw the frame; the side bar is in the
       frame itself (Admin.On, set by cgi/admin.c). ?>
<?cs include!"agent/layout.cs" ?>
<?cs def:admin_start(title) ?><?cs call:agent_start(title) ?>
<?cs if:Admin.Done ?><div class="flash" role="status"><span class="flash-ico" aria-hidden="true"></span><?cs var:L.Admin.Done[Admin.Done] ?></div><?cs /if ?>
<?cs /def ?>
<?cs def:admin_end() ?><?cs call:agent_end() ?><?cs /def ?>
<?cs # Page heading with the section's description. ?>
<?cs def:admin_head(title, text) ?>
<div class="admin-head">
  <p class="crumbs"><a href="/admin/"><?cs var:L.Admin.Title ?></a> <span aria-hidden="true">/</span></p>
  <h1><?cs var:title ?></h1>
  <?cs if:text ?><p class="lede"><?cs var:text ?></p><?cs /if ?>
</div>
<?cs /def ?>
<?cs # The summary of a form's errors (Form.HasErrors, Form._form.error). ?>
<?cs def:form_alert() ?><?cs if:Form.HasErrors ?><div class="alert" role="alert"><?cs if:Form._form.error ?><?cs if:L.Err[Form._form.error] ?><?cs var:L.Err[Form._form.error] ?><?cs else ?><?cs var:L.Error[Form._form.error] ?><?cs /if ?><?cs else ?><?cs var:L.Form.ErrorSummary ?><?cs /if ?></div><?cs /if ?><?cs /def ?>
<?cs # The hidden CSRF field every state-changing form carries. ?>
<?cs def:csrf() ?><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><?cs /def ?>
