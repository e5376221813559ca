<?cs include!"admin/macros.cs" ?>
<?cs call:admin_start(L.Admin.OrgTags.Title) ?>
<div class="admin-head">
  <p class="crumbs"><a href="/admin/"><?cs var:L.Admin.Title ?></a> <span aria-hidden="true">/</span> <a href="/admin/tags"><?cs var:L.Admin.Tags.Title ?></a> <span aria-hidden="true">/</span></p>
  <h1><?cs var:Org.name ?></h1>
  <p class="lede"><?cs var:L.Admin.OrgTags.Title ?> · <?cs var:L.Admin.OrgTags.Customers ?> <span class="org-customers"><?cs var:Org.customers ?></span> · #<?cs var:Org.id ?></p>
  <p class="lede small"><?cs var:L.Admin.OrgTags.Help ?></p>
</div>
<div class="admin-grid">
<section class="card list-card" aria-labelledby="on-h">
  <h2 id="on-h" class="sr"><?cs var:L.Admin.OrgTags.Title ?></h2>
  <?cs if:!On.0.id ?><p class="empty"><?cs var:L.Admin.OrgTags.None ?></p><?cs else ?>
  <ul class="on-tags">
  <?cs each:t = On ?>
    <li class="on-tag" data-code="<?cs var:t.code ?>">
      <span class="tag tag-c-<?cs var:t.color ?> tag-<?cs var:t.code ?>"><?cs var:t.name ?></span>
      <span class="muted small"><?cs var:L.Admin.OrgTags.Since ?> <time datetime="<?cs var:t.at.iso ?>"><?cs var:t.at ?></time><?cs if:t.state != "active" ?> · <?cs var:L.Admin.Tags.Inactive ?><?cs /if ?></span>
      <form method="post" action="/admin/tags/organisations/<?cs var:Org.id ?>/remove" class="inline-form"><?cs call:csrf() ?><input type="hidden" name="tag" value="<?cs var:t.id ?>"><button type="submit" class="small danger-link"><?cs var:L.Admin.Tags.Remove ?><span class="sr"> <?cs var:t.name ?></span></button></form>
    </li>
  <?cs /each ?>
  </ul>
  <?cs /if ?>
</section>
<section class="card form-card" aria-labelledby="add-h">
  <h2 id="add-h"><?cs var:L.Admin.Tags.Add ?></h2>
  <?cs set:free = 0 ?><?cs each:t = Tags ?><?cs if:t.state == "active" && !Has[t.id] ?><?cs set:free = #free + 1 ?><?cs /if ?><?cs /each ?>
  <?cs if:Form.tag.error ?><p class="error" id="e-tag" role="alert"><?cs var:L.Err[Form.tag.error] ?></p><?cs /if ?>
  <?cs if:free == 0 ?><p class="muted"><?cs var:L.Admin.Tags.AddNone ?></p><?cs else ?>
  <form method="post" action="/admin/tags/organisations/<?cs var:Org.id ?>/add" class="request admin-form">
    <?cs call:csrf() ?>
    <fieldset class="field choice<?cs if:Form.tag.error ?> has-error<?cs /if ?>"<?cs if:Form.tag.error ?> aria-describedby="e-tag"<?cs /if ?>>
      <legend><?cs var:L.Admin.Tags.AddLabel ?><?cs call:required_mark() ?></legend>
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
