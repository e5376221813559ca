<?cs include!"admin/macros.cs" ?>
<?cs call:admin_start(L.Admin.Tags.CustomerTitle) ?>
<div class="admin-head">
  <p class="crumbs"><a href="/admin/"><?cs var:L.Admin.Title ?></a> <span aria-hidden="true">/</span> <a href="/admin/tags"><?cs var:L.Admin.Tags.Title ?></a> <span aria-hidden="true">/</span></p>
  <h1><?cs var:Customer.name ?></h1>
  <p class="lede"><?cs var:L.Admin.Tags.CustomerTitle ?><?cs if:Customer.organisation_id ?> · <a href="/admin/tags/organisations/<?cs var:Customer.organisation_id ?>"><?cs var:Customer.organisation ?></a><?cs /if ?> · #<?cs var:Customer.id ?></p>
</div>
<div class="admin-grid">
<section class="card list-card" aria-labelledby="on-h">
  <h2 id="on-h" class="sr"><?cs var:L.Admin.Tags.CustomerTitle ?></h2>
  <?cs if:!On.0.id ?><p class="empty"><?cs var:L.Admin.Tags.CustomerNone ?></p><?cs else ?>
  <ul class="on-tags">
  <?cs each:t = On ?>
    <li class="on-tag" data-code="<?cs var:t.code ?>">
      <span class="tag tag-c-<?cs var:t.color ?> tag-<?cs var:t.code ?>"><?cs var:t.name ?></span>
      <span class="muted small"><?cs var:L.Admin.Tags.Source[t.source] ?><?cs if:t.reason ?> (<?cs var:t.reason ?>)<?cs /if ?> · <?cs var:L.Admin.Tags.Since ?> <time datetime="<?cs var:t.at.iso ?>"><?cs var:t.at ?></time><?cs if:t.state != "active" ?> · <?cs var:L.Admin.Tags.Inactive ?><?cs /if ?></span>
      <form method="post" action="/admin/tags/customers/<?cs var:Customer.id ?>/remove" class="inline-form"><?cs call:csrf() ?><input type="hidden" name="tag" value="<?cs var:t.id ?>"><button type="submit" class="small danger-link"><?cs var:L.Admin.Tags.Remove ?><span class="sr"> <?cs var:t.name ?></span></button></form>
    </li>
  <?cs /each ?>
  </ul>
  <?cs /if ?>
  <?cs if:OrgOn.0.id ?>
  <div class="org-tags">
    <h3 class="small"><?cs var:L.Admin.OrgTags.FromOrg ?></h3>
    <p><?cs each:t = OrgOn ?><?cs if:t.state == "active" ?><span class="tag tag-c-<?cs var:t.color ?> tag-<?cs var:t.code ?>"><?cs var:t.name ?></span> <?cs /if ?><?cs /each ?></p>
    <p class="muted small"><?cs var:L.Admin.OrgTags.FromOrgHelp ?> <a href="/admin/tags/organisations/<?cs var:Customer.organisation_id ?>"><?cs var:L.Admin.OrgTags.Manage ?></a></p>
  </div>
  <?cs /if ?>
</section>
<section class="card form-card" aria-labelledby="add-h">
  <h2 id="add-h"><?cs var:L.Admin.Tags.Add ?></h2>
  <?cs set:free = 0 ?><?cs each:t = Tags ?><?cs if:t.state == "active" && !Has[t.id] ?><?cs set:free = #free + 1 ?><?cs /if ?><?cs /each ?>
  <?cs if:free == 0 ?><p class="muted"><?cs var:L.Admin.Tags.AddNone ?></p><?cs else ?>
  <form method="post" action="/admin/tags/customers/<?cs var:Customer.id ?>/add" class="request admin-form">
    <?cs call:csrf() ?>
    <fieldset class="field choice<?cs if:Form.tag.error ?> has-error<?cs /if ?>">
      <legend><?cs var:L.Admin.Tags.AddLabel ?><?cs call:required_mark() ?></legend>
      <?cs if:Form.tag.error ?><p class="error" id="e-tag"><?cs var:L.Err[Form.tag.error] ?></p><?cs /if ?>
      <div class="opts">
      <?cs each:t = Tags ?><?cs if:t.state == "active" && !Has[t.id] ?><label class="opt"><input type="radio" name="tag" value="<?cs var:t.id ?>" required><span class="tag tag-c-<?cs var:t.color ?> tag-<?cs var:t.code ?>"><?cs var:t.name ?></span></label><?cs /if ?><?cs /each ?>
      </div>
    </fieldset>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Tags.Add ?></button></div>
  </form>
  <?cs /if ?>
  <p><a href="/admin/tags"><?cs var:L.Admin.Tags.Back ?></a></p>
</section>
</div>
<?cs call:admin_end() ?>
