<?cs # What the notifications pages share (admin/notifications.cs,
       notification.cs, mail_gateway.cs): their tabs and state chips. ?>
<?cs def:notify_tabs(current) ?>
<div class="tabs-row"><nav class="subtabs" aria-label="<?cs var:L.Admin.Section.notifications.name ?>">
  <a href="/admin/notifications"<?cs if:current == "templates" ?> aria-current="page"<?cs /if ?>><?cs var:L.Admin.Notify.Tabs.templates ?></a>
  <a href="/admin/notifications/gateway"<?cs if:current == "gateway" ?> aria-current="page"<?cs /if ?>><?cs var:L.Admin.Notify.Tabs.gateway ?></a>
  <a href="/admin/notifications/replies"<?cs if:current == "replies" ?> aria-current="page"<?cs /if ?>><?cs var:L.Admin.Notify.Tabs.replies ?></a>
</nav></div>
<?cs /def ?>
<?cs # What an event in a language uses: the shipped text, or the admin's (on / off). ?>
<?cs def:tpl_state(state) ?><span class="state tpl-<?cs var:state ?>"><?cs var:L.Admin.Notify.State[state] ?></span><?cs /def ?>
<?cs # Crumbs of a page under the notifications section. ?>
<?cs def:notify_head(title, text) ?>
<div class="admin-head">
  <p class="crumbs"><a href="/admin/"><?cs var:L.Admin.Title ?></a> <span aria-hidden="true">/</span> <a href="/admin/notifications"><?cs var:L.Admin.Section.notifications.name ?></a> <span aria-hidden="true">/</span></p>
  <h1><?cs var:title ?></h1>
  <?cs if:text ?><p class="lede"><?cs var:text ?></p><?cs /if ?>
</div>
<?cs /def ?>
