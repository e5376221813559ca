<?cs include!"admin/macros.cs" ?><?cs include!"admin/people_tabs.cs" ?>
<?cs if:Mode == "new" ?><?cs set:PageTitle = L.Admin.People.NewTitle ?><?cs set:PageLede = L.Admin.People.NewHelp ?><?cs else ?><?cs set:PageTitle = Person.name ?><?cs set:PageLede = "" ?><?cs /if ?>
<?cs call:admin_start(PageTitle) ?>
<?cs call:people_head("people", "/admin/people", PageTitle, PageLede) ?>
<?cs if:Mode != "new" ?><p class="person-sub"><span class="mono"><?cs var:Person.login ?></span> · <span class="role role-<?cs var:Person.role ?>"><?cs var:L.Agent.Role[Person.role] ?></span> · <?cs call:state_pill(Person.state) ?><?cs if:Person.self == "1" ?> · <span class="muted"><?cs var:L.Admin.People.Yourself ?></span><?cs /if ?></p><?cs /if ?>
<?cs if:NewPassword.text ?>
<section class="card new-key new-password" role="status" aria-labelledby="new-pw-h">
  <h2 id="new-pw-h"><?cs if:NewPassword.why == "created" ?><?cs var:L.Admin.People.NewPasswordCreated ?><?cs else ?><?cs var:L.Admin.People.NewPasswordReset ?><?cs /if ?>: <?cs var:Person.name ?> (<span class="mono"><?cs var:Person.login ?></span>)</h2>
  <p class="warn-text"><?cs var:L.Admin.People.ShownOnce ?></p>
  <p class="key-line"><code id="new-password" class="key-text"><?cs var:NewPassword.text ?></code> <button type="button" class="small copy" data-copy="new-password" data-copied="<?cs var:L.Admin.People.Copied ?>" hidden><?cs var:L.Admin.People.Copy ?></button></p>
</section>
<?cs /if ?>
<?cs if:Alert ?><div class="alert" role="alert"><?cs var:L.Admin.People.Alert[Alert] ?></div><?cs /if ?>

<?cs if:Mode == "deactivate" ?>
<section class="card confirm" aria-labelledby="confirm-h">
  <h2 id="confirm-h"><?cs var:L.Admin.People.DeactivateTitle ?></h2>
  <dl class="kv">
    <div><dt><?cs var:L.Admin.People.Name ?></dt><dd><?cs var:Person.name ?></dd></div>
    <div><dt><?cs var:L.Admin.People.Login ?></dt><dd class="mono"><?cs var:Person.login ?></dd></div>
    <div><dt><?cs var:L.Admin.People.Role ?></dt><dd><?cs var:L.Agent.Role[Person.role] ?></dd></div>
  </dl>
  <?cs if:Person.state == "inactive" ?><p><?cs var:L.Admin.Done.already_inactive ?></p><p><a class="button" href="/admin/people/<?cs var:Person.id ?>"><?cs var:L.Admin.People.Cancel ?></a></p>
  <?cs elif:Person.self == "1" ?><p class="warn-text"><?cs var:L.Admin.People.Alert.own_account ?></p><p><a class="button" href="/admin/people/<?cs var:Person.id ?>"><?cs var:L.Admin.People.Cancel ?></a></p>
  <?cs else ?>
  <p class="warn-text"><?cs var:L.Admin.People.DeactivateText ?></p>
  <?cs if:Person.open_tickets > 0 ?><p class="open-tickets"><?cs var:L.Admin.People.DeactivateTickets ?> <strong><?cs var:Person.open_tickets ?></strong></p><?cs /if ?>
  <form method="post" action="/admin/people/<?cs var:Person.id ?>/deactivate" class="confirm-form">
    <?cs call:csrf() ?>
    <button type="submit" class="danger"><?cs var:L.Admin.People.DeactivateConfirm ?></button>
    <a class="button" href="/admin/people/<?cs var:Person.id ?>"><?cs var:L.Admin.People.Cancel ?></a>
  </form>
  <?cs /if ?>
</section>

<?cs elif:Mode == "password" ?>
<section class="card form-card narrow" aria-labelledby="pw-h">
  <h2 id="pw-h"><?cs var:L.Admin.People.PasswordTitle ?></h2>
  <p class="muted"><?cs var:L.Admin.People.PasswordText ?></p>
  <?cs call:form_alert() ?>
  <form method="post" action="/admin/people/<?cs var:Person.id ?>/password" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:password_fields(L.Admin.People.NewPasswordTitle) ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.People.PasswordConfirm ?></button> <a class="button" href="/admin/people/<?cs var:Person.id ?>"><?cs var:L.Admin.People.Cancel ?></a></div>
  </form>
</section>

<?cs else ?>
<div class="admin-grid person-grid">
<section class="card form-card person-form" aria-labelledby="form-h">
  <h2 id="form-h"><?cs if:Mode == "new" ?><?cs var:L.Admin.People.NewTitle ?><?cs else ?><?cs var:L.Admin.People.Edit ?><?cs /if ?></h2>
  <?cs call:form_alert() ?>
  <form method="post" action="<?cs if:Mode == "new" ?>/admin/people<?cs else ?>/admin/people/<?cs var:Person.id ?><?cs /if ?>" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <div class="two-col">
    <?cs if:Mode == "new" ?><?cs call:field("login", L.Admin.People.Login, L.Admin.People.LoginHelp, "text", 1, 64) ?>
    <?cs else ?><div class="field"><span class="label-like"><?cs var:L.Admin.People.Login ?></span><p class="mono static-value"><?cs var:Person.login ?></p></div><?cs /if ?>
    <?cs call:field("name", L.Admin.People.Name, L.Admin.People.NameHelp, "text", 1, 100) ?>
    </div>
    <?cs call:field("email", L.Admin.People.Email, L.Admin.People.EmailHelp, "email", 0, 254) ?>
    <?cs set:RoleOpts.agent.code = "agent" ?><?cs set:RoleOpts.agent.label = L.Agent.Role.agent ?><?cs set:RoleOpts.supervisor.code = "supervisor" ?><?cs set:RoleOpts.supervisor.label = L.Agent.Role.supervisor ?><?cs set:RoleOpts.director.code = "director" ?><?cs set:RoleOpts.director.label = L.Agent.Role.director ?><?cs set:RoleOpts.admin.code = "admin" ?><?cs set:RoleOpts.admin.label = L.Agent.Role.admin ?>
    <?cs call:choice("role", L.Admin.People.Role, "", RoleOpts, 1, 0) ?>
    <ul class="scope-help small muted role-help"><li><strong><?cs var:L.Agent.Role.agent ?></strong>: <?cs var:L.Admin.People.RoleHelp.agent ?></li><li><strong><?cs var:L.Agent.Role.supervisor ?></strong>: <?cs var:L.Admin.People.RoleHelp.supervisor ?></li><li><strong><?cs var:L.Agent.Role.director ?></strong>: <?cs var:L.Admin.People.RoleHelp.director ?></li><li><strong><?cs var:L.Agent.Role.admin ?></strong>: <?cs var:L.Admin.People.RoleHelp.admin ?></li></ul>
    <?cs set:LangOpts.zh.code = "zh" ?><?cs set:LangOpts.zh.label = L.Admin.People.Lang.zh ?><?cs set:LangOpts.en.code = "en" ?><?cs set:LangOpts.en.label = L.Admin.People.Lang.en ?>
    <?cs call:choice("language", L.Admin.People.Language, "", LangOpts, 1, 0) ?>
    <?cs if:TeamOpts.0.code ?><?cs call:choice("teams", L.Admin.People.Teams, L.Admin.People.TeamsHelp, TeamOpts, 0, 1) ?><?cs else ?><p class="muted"><?cs var:L.Admin.People.NoTeams ?></p><?cs /if ?>
    <?cs if:SkillOpts.0.code ?><?cs call:choice("skills", L.Admin.People.Skills, L.Admin.People.SkillsHelp, SkillOpts, 0, 1) ?><?cs else ?><div class="field"><span class="label-like"><?cs var:L.Admin.People.Skills ?></span><p class="help"><a href="/admin/skills"><?cs var:L.Admin.People.NoSkills ?></a></p></div><?cs /if ?>
    <div class="field field-check<?cs if:Form.contacts.error ?> has-error<?cs /if ?>">
      <label class="check" for="f-contacts"><input type="checkbox" id="f-contacts" name="contacts" value="1"<?cs if:Form.contacts.value ?> checked<?cs /if ?> aria-describedby="h-contacts"> <span><?cs var:L.Admin.People.Contacts ?></span></label>
      <p class="help" id="h-contacts"><?cs var:L.Admin.People.ContactsHelp ?></p>
    </div>
    <div class="field field-check<?cs if:Form.product_manager.error ?> has-error<?cs /if ?>">
      <label class="check" for="f-product_manager"><input type="checkbox" id="f-product_manager" name="product_manager" value="1"<?cs if:Form.product_manager.value ?> checked<?cs /if ?> aria-describedby="h-product_manager"> <span><?cs var:L.Admin.People.ProductManager ?></span></label>
      <p class="help" id="h-product_manager"><?cs var:L.Admin.People.ProductManagerHelp ?></p>
    </div>
    <?cs if:Mode == "new" ?><?cs call:password_fields(L.Admin.People.Password) ?><?cs /if ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs if:Mode == "new" ?><?cs var:L.Admin.People.Create ?><?cs else ?><?cs var:L.Admin.People.Save ?><?cs /if ?></button> <a class="button" href="/admin/people"><?cs var:L.Admin.People.Cancel ?></a></div>
  </form>
</section>
<?cs if:Mode == "edit" ?>
<aside class="card account-card" aria-labelledby="account-h" data-state="<?cs var:Person.state ?>" data-lock="<?cs var:Person.lock ?>">
  <h2 id="account-h"><?cs var:L.Admin.People.Account ?></h2>
  <dl class="kv">
    <div><dt><?cs var:L.Admin.People.Col.state ?></dt><dd><?cs call:state_pill(Person.state) ?></dd></div>
    <div><dt><?cs var:L.Admin.People.SignIn ?></dt><dd class="signin"><?cs if:Person.lock == "locked" ?><span class="lock lock-locked"><?cs var:L.Admin.People.Lock.locked ?></span> <span class="small muted"><?cs var:L.Admin.People.PausedFrom ?> <?cs var:Person.paused ?> · <?cs var:L.Admin.People.LockedUntil ?> <time datetime="<?cs var:Person.locked_until.iso ?>"><?cs var:Person.locked_until ?></time></span><?cs elif:Person.lock == "slowed" ?><span class="lock lock-slowed"><?cs var:L.Admin.People.Lock.slowed ?></span><?cs else ?><?cs var:L.Admin.People.Lock.ok ?><?cs /if ?></dd></div>
    <div><dt><?cs var:L.Admin.People.Failures ?></dt><dd class="failed"><?cs var:Person.failed ?></dd></div>
    <div><dt><?cs var:L.Admin.People.OpenTickets ?></dt><dd><?cs var:Person.open_tickets ?></dd></div>
    <div><dt><?cs var:L.Admin.People.Created ?></dt><dd><time datetime="<?cs var:Person.created.iso ?>"><?cs var:Person.created ?></time></dd></div>
  </dl>
  <div class="account-actions">
    <?cs if:Person.lock || Person.failed > 0 ?>
    <form method="post" action="/admin/people/<?cs var:Person.id ?>/unlock" class="inline unlock-form"><?cs call:csrf() ?><button type="submit" class="primary"><?cs var:L.Admin.People.Unlock ?></button></form>
    <p class="help small muted"><?cs var:L.Admin.People.UnlockHelp ?></p>
    <?cs /if ?>
    <a class="button" href="/admin/people/<?cs var:Person.id ?>/password"><?cs var:L.Admin.People.ResetPassword ?></a>
    <?cs if:Person.state == "active" ?><?cs if:Person.self != "1" ?><a class="button danger-link" href="/admin/people/<?cs var:Person.id ?>/deactivate"><?cs var:L.Admin.People.Deactivate ?></a><?cs /if ?>
    <?cs else ?><form method="post" action="/admin/people/<?cs var:Person.id ?>/activate" class="inline activate-form"><?cs call:csrf() ?><button type="submit"><?cs var:L.Admin.People.Activate ?></button></form><?cs /if ?>
  </div>
</aside>
<?cs /if ?>
</div>
<?cs /if ?>
<?cs call:admin_end() ?>
