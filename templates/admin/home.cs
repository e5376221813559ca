<?cs include!"admin/macros.cs" ?>
<?cs call:admin_start(L.Admin.Title) ?>
<div class="admin-head">
  <h1><?cs var:L.Admin.Title ?></h1>
  <p class="lede"><?cs var:L.Admin.Intro ?></p>
</div>
<ul class="sections">
<?cs each:s = Admin.Sections ?>
  <li class="section s-<?cs var:s.code ?><?cs if:!s.href ?> is-soon<?cs /if ?>">
  <?cs if:s.href ?>
    <a href="<?cs var:s.href ?>"><span class="section-ico" aria-hidden="true"></span><span class="section-name"><?cs var:L.Admin.Section[s.code].name ?></span><span class="section-text"><?cs var:L.Admin.Section[s.code].text ?></span><span class="section-go"><?cs var:L.Admin.Open ?> →</span></a>
  <?cs else ?>
    <div aria-disabled="true"><span class="section-ico" aria-hidden="true"></span><span class="section-name"><?cs var:L.Admin.Section[s.code].name ?></span><span class="section-text"><?cs var:L.Admin.Section[s.code].text ?></span><span class="soon-tag"><?cs var:L.Admin.NotYet ?></span></div>
  <?cs /if ?>
  </li>
<?cs /each ?>
</ul>
<section class="card recent">
  <h2><?cs var:L.Admin.Recent ?> <span class="version"><?cs var:L.Admin.Version ?> <code><?cs var:Admin.Version ?></code></span></h2>
  <?cs if:!Recent.0.action ?><p class="empty"><?cs var:L.Admin.RecentEmpty ?></p><?cs else ?>
  <ul class="recent-list">
  <?cs each:r = Recent ?>
    <li><time datetime="<?cs var:r.at.iso ?>"><?cs var:r.at ?></time> <strong><?cs if:r.who ?><?cs var:r.who ?><?cs else ?><?cs var:L.Admin.Audit.System ?><?cs /if ?></strong> <?cs if:L.Admin.Action[r.action] ?><?cs var:L.Admin.Action[r.action] ?><?cs else ?><?cs var:r.action ?><?cs /if ?> <?cs if:L.Admin.Entity[r.entity] ?><?cs var:L.Admin.Entity[r.entity] ?><?cs else ?><?cs var:r.entity ?><?cs /if ?> <code>#<?cs var:r.entity_id ?></code><?cs if:r.title ?> <span class="title">“<?cs var:r.title ?>”</span><?cs /if ?></li>
  <?cs /each ?>
  </ul>
  <p><a href="/admin/audit"><?cs var:L.Admin.AllChanges ?> →</a></p>
  <?cs /if ?>
</section>
<?cs call:admin_end() ?>
