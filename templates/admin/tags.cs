<?cs include!"admin/macros.cs" ?>
<?cs call:admin_start(L.Admin.Tags.Title) ?>
<?cs call:admin_head(L.Admin.Tags.Title, L.Admin.Tags.Help) ?>
<?cs # The colour choice, each option drawn as the chip it gives. ?>
<?cs def:color_choice() ?>
<fieldset class="field choice color-choice<?cs if:Form.color.error ?> has-error<?cs /if ?>"<?cs if:Form.color.error ?> aria-describedby="e-color"<?cs /if ?>>
  <legend><?cs var:L.Admin.Tags.Color ?><?cs call:required_mark() ?></legend>
  <?cs if:Form.color.error ?><p class="error" id="e-color"><?cs var:L.Err[Form.color.error] ?></p><?cs /if ?>
  <div class="opts">
  <?cs each:c = Colors ?><label class="opt"><input type="radio" name="color" value="<?cs var:c.code ?>"<?cs if:Form.color.value == c.code ?> checked<?cs /if ?> required><span class="tag tag-c-<?cs var:c.code ?>"><?cs var:c.label ?></span></label><?cs /each ?>
  </div>
</fieldset>
<?cs /def ?>
<div class="admin-grid">
<section class="card list-card" aria-labelledby="tags-h">
  <h2 id="tags-h" class="sr"><?cs var:L.Admin.Tags.Title ?></h2>
  <?cs if:!Tags.0.id ?><p class="empty"><?cs var:L.Admin.Tags.Empty ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="queue admin-table tags-table">
    <thead><tr><th scope="col"><?cs var:L.Admin.Tags.Tag ?></th><th scope="col"><?cs var:L.Admin.Tags.Code ?></th><th scope="col"><?cs var:L.Admin.Tags.Names ?></th><th scope="col" class="num"><?cs var:L.Admin.Tags.Customers ?></th><th scope="col"><?cs var:L.Admin.Tags.State ?></th><th scope="col"><span class="sr"><?cs var:L.Admin.Tags.Edit ?></span></th></tr></thead>
    <tbody>
    <?cs each:t = Tags ?>
    <tr class="tag-row is-<?cs var:t.state ?>" data-id="<?cs var:t.id ?>" data-code="<?cs var:t.code ?>" data-state="<?cs var:t.state ?>">
      <td><span class="tag tag-c-<?cs var:t.color ?> tag-<?cs var:t.code ?>"><?cs var:t.name ?></span><?cs if:t.system ?> <span class="scope"><?cs var:L.Admin.Tags.System ?></span><?cs /if ?></td>
      <td><code><?cs var:t.code ?></code></td>
      <td class="names"><span lang="zh-CN"><?cs var:t.name_zh ?></span><span lang="en" class="muted"><?cs var:t.name_en ?></span></td>
      <td class="num"><?cs var:t.customers ?></td>
      <td><span class="state state-<?cs if:t.state == "active" ?>active<?cs else ?>revoked<?cs /if ?>"><?cs var:L.Admin.Tags.State[t.state] ?></span></td>
      <td class="act"><a class="button small" href="/admin/tags/<?cs var:t.id ?>"><?cs var:L.Admin.Tags.Edit ?></a></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs /if ?>
</section>
<section class="card form-card" aria-labelledby="new-h">
  <h2 id="new-h"><?cs var:L.Admin.Tags.NewTitle ?></h2>
  <?cs if:Posted == "create" ?><?cs call:form_alert() ?><?cs /if ?>
  <form method="post" action="/admin/tags" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("code", L.Admin.Tags.Code, L.Admin.Tags.CodeHelp, "text", 1, 40) ?>
    <?cs call:field("name_zh", L.Admin.Tags.NameZh, "", "text", 1, 60) ?>
    <?cs call:field("name_en", L.Admin.Tags.NameEn, "", "text", 1, 60) ?>
    <?cs call:color_choice() ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Tags.Create ?></button></div>
  </form>
</section>
</div>
<div class="admin-grid tags-lower">
<section class="card form-card rules-card" aria-labelledby="rules-h">
  <h2 id="rules-h"><?cs var:L.Admin.Tags.RulesTitle ?></h2>
  <p class="lede small"><?cs var:L.Admin.Tags.RulesHelp ?></p>
  <?cs if:Posted == "rules" ?><?cs call:form_alert() ?><?cs /if ?>
  <form method="post" action="/admin/tags/rules" class="request admin-form rules-form" novalidate>
    <?cs call:csrf() ?>
    <div class="two-col">
      <?cs call:field("complaint_count", L.Admin.Tags.Count, L.Admin.Tags.CountHelp, "number", 1, 4) ?>
      <?cs call:field("complaint_days", L.Admin.Tags.Days, L.Admin.Tags.DaysHelp, "number", 1, 4) ?>
    </div>
    <?cs call:choice("complaint_categories", L.Admin.Tags.Categories, L.Admin.Tags.CategoriesHelp, Cats, 1, 1) ?>
    <div class="field field-bool">
      <label class="check"><input type="checkbox" name="vip_raises" value="1"<?cs if:Form.vip_raises.value ?> checked<?cs /if ?> aria-describedby="h-vip_raises"><span><?cs var:L.Admin.Tags.Vip ?></span></label>
      <p class="help" id="h-vip_raises"><?cs var:L.Admin.Tags.VipHelp ?></p>
    </div>
    <?cs call:field("repeat_days", L.Admin.Tags.RepeatDays, L.Admin.Tags.RepeatDaysHelp, "number", 1, 3) ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Tags.SaveRules ?></button></div>
  </form>
</section>
<div class="search-stack">
<section class="card form-card search-card" aria-labelledby="search-h">
  <h2 id="search-h"><?cs var:L.Admin.Tags.SearchTitle ?></h2>
  <form method="get" action="/admin/tags" class="admin-form customer-search" role="search">
    <label for="f-q"><?cs var:L.Admin.Tags.Search ?></label>
    <div class="search-row"><input id="f-q" name="q" type="search" value="<?cs var:Search.q ?>" maxlength="200" aria-describedby="h-q"><button type="submit"><?cs var:L.Admin.Tags.SearchButton ?></button></div>
    <p class="help" id="h-q"><?cs var:L.Admin.Tags.SearchHelp ?></p>
  </form>
  <?cs if:Search.done ?>
  <?cs if:Search.failed ?><p class="alert" role="alert"><?cs var:L.Admin.Tags.SearchFailed ?></p>
  <?cs elif:!Hits.0.id ?><p class="empty"><?cs var:L.Admin.Tags.NoHits ?></p>
  <?cs else ?>
  <ul class="hits">
  <?cs each:c = Hits ?>
    <li class="hit" data-id="<?cs var:c.id ?>"><a href="/admin/tags/customers/<?cs var:c.id ?>"><strong><?cs var:c.name ?></strong></a><?cs if:c.organisation ?> <span class="muted">· <?cs var:c.organisation ?></span><?cs /if ?><?cs call:tag_list(c.tags) ?> <a class="button small" href="/admin/tags/customers/<?cs var:c.id ?>"><?cs var:L.Admin.Tags.Manage ?></a></li>
  <?cs /each ?>
  </ul>
  <?cs /if ?>
  <?cs /if ?>
</section>
<section class="card form-card search-card org-search-card" aria-labelledby="org-search-h">
  <h2 id="org-search-h"><?cs var:L.Admin.OrgTags.SearchTitle ?></h2>
  <form method="get" action="/admin/tags" class="admin-form customer-search" role="search">
    <label for="f-org"><?cs var:L.Admin.OrgTags.Search ?></label>
    <div class="search-row"><input id="f-org" name="org" type="search" value="<?cs var:OrgSearch.q ?>" maxlength="200" aria-describedby="h-org"><button type="submit"><?cs var:L.Admin.Tags.SearchButton ?></button></div>
    <p class="help" id="h-org"><?cs var:L.Admin.OrgTags.SearchHelp ?></p>
  </form>
  <?cs if:OrgSearch.done ?>
  <?cs if:OrgSearch.failed ?><p class="alert" role="alert"><?cs var:L.Admin.Tags.SearchFailed ?></p>
  <?cs elif:!OrgHits.0.id ?><p class="empty"><?cs var:L.Admin.OrgTags.NoHits ?></p>
  <?cs else ?>
  <ul class="hits">
  <?cs each:o = OrgHits ?>
    <li class="hit org-hit" data-id="<?cs var:o.id ?>"><a href="/admin/tags/organisations/<?cs var:o.id ?>"><strong><?cs var:o.name ?></strong></a><?cs call:tag_list(o.tags) ?> <a class="button small" href="/admin/tags/organisations/<?cs var:o.id ?>"><?cs var:L.Admin.Tags.Manage ?></a></li>
  <?cs /each ?>
  </ul>
  <?cs /if ?>
  <?cs /if ?>
</section>
</div>
</div>
<?cs call:admin_end() ?>
