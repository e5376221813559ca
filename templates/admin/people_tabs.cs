<?cs # The people section's own tabs: people, teams, skill tags. ?>
<?cs def:people_tabs(current) ?>
<nav class="subtabs" aria-label="<?cs var:L.Admin.Section.people.name ?>">
  <a href="/admin/people"<?cs if:current == "people" ?> aria-current="page"<?cs /if ?>><?cs var:L.Admin.People.Tabs.people ?></a>
  <a href="/admin/teams"<?cs if:current == "teams" ?> aria-current="page"<?cs /if ?>><?cs var:L.Admin.People.Tabs.teams ?></a>
  <a href="/admin/skills"<?cs if:current == "skills" ?> aria-current="page"<?cs /if ?>><?cs var:L.Admin.People.Tabs.skills ?></a>
</nav>
<?cs /def ?>
<?cs # A state pill: active / inactive. ?>
<?cs def:state_pill(state) ?><span class="state state-<?cs var:state ?>"><?cs var:L.Admin.People.State[state] ?></span><?cs /def ?>
<?cs # Crumbs of a page under a tab: Admin / People / ?>
<?cs def:people_head(tab, href, title, text) ?>
<div class="admin-head">
  <p class="crumbs"><a href="/admin/"><?cs var:L.Admin.Title ?></a> <span aria-hidden="true">/</span> <a href="<?cs var:href ?>"><?cs var:L.Admin.People.Tabs[tab] ?></a> <span aria-hidden="true">/</span></p>
  <h1><?cs var:title ?></h1>
  <?cs if:text ?><p class="lede"><?cs var:text ?></p><?cs /if ?>
</div>
<?cs /def ?>
<?cs # Generate a password or type one; a typed one is never sent back. ?>
<?cs def:password_fields(label) ?>
<?cs set:PwOpts.generate.code = "generate" ?><?cs set:PwOpts.generate.label = L.Admin.People.PasswordMode.generate ?><?cs set:PwOpts.set.code = "set" ?><?cs set:PwOpts.set.label = L.Admin.People.PasswordMode.set ?>
<?cs call:choice("password_mode", label, "", PwOpts, 1, 0) ?>
<div class="field field-password<?cs if:Form.password.error ?> has-error<?cs /if ?>">
  <label for="f-password"><?cs var:L.Admin.People.PasswordField ?></label>
  <input id="f-password" name="password" type="password" autocomplete="new-password" maxlength="128" spellcheck="false"<?cs if:Form.password.error ?> aria-invalid="true"<?cs /if ?> aria-describedby="<?cs if:Form.password.error ?>e-password <?cs /if ?>h-password">
  <?cs if:Form.password.error ?><p class="error" id="e-password"><?cs var:L.Err[Form.password.error] ?></p><?cs /if ?>
  <p class="help" id="h-password"><?cs var:L.Admin.People.PasswordHelp ?></p>
</div>
<?cs /def ?>
