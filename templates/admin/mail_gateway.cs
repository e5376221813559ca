<?cs include!"admin/macros.cs" ?><?cs include!"admin/notify_macros.cs" ?>
<?cs # A stored secret: whether it is set (never its value), a new value,
       or a box to clear it. ?>
<?cs def:secret_field(name, clear, label, help) ?>
<div class="field field-secret<?cs if:Form[name].error ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?> <span class="secret-state secret-<?cs var:Secret[name] ?>" data-secret="<?cs var:name ?>"><?cs var:L.Admin.Gw.Secret[Secret[name]] ?></span></label>
  <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="password" value="" autocomplete="new-password" spellcheck="false" maxlength="300"<?cs if:Form[name].error ?> aria-invalid="true"<?cs /if ?> aria-describedby="<?cs if:Form[name].error ?>e-<?cs var:name ?> <?cs /if ?>h-<?cs var:name ?>">
  <?cs if:Form[name].error ?><p class="error" id="e-<?cs var:name ?>"><?cs var:L.Err[Form[name].error] ?></p><?cs /if ?>
  <p class="help" id="h-<?cs var:name ?>"><?cs var:help ?></p>
  <?cs if:Secret[name] == "set" ?><label class="check small"><input type="checkbox" name="<?cs var:clear ?>" value="1"> <span><?cs var:L.Admin.Gw.Clear ?></span></label><?cs /if ?>
</div>
<?cs /def ?>
<?cs call:admin_start(L.Admin.Gw.Title) ?>
<?cs call:admin_head(L.Admin.Section.notifications.name, L.Admin.Gw.Help) ?>
<?cs call:notify_tabs("gateway") ?>
<?cs if:Test.result ?>
<div class="alert test-result test-<?cs var:Test.result ?>" role="<?cs if:Test.result == "ok" ?>status<?cs else ?>alert<?cs /if ?>" data-test="<?cs var:Test.result ?>">
  <?cs if:Test.result == "ok" ?><strong><?cs if:Test.sms ?><?cs var:L.Admin.Gw.TestSmsOk ?><?cs else ?><?cs var:L.Admin.Gw.TestOk ?><?cs /if ?></strong> <?cs var:Test.to ?>
  <?cs else ?><strong><?cs if:Test.sms ?><?cs var:L.Admin.Gw.TestSmsFailed ?><?cs else ?><?cs var:L.Admin.Gw.TestFailed ?><?cs /if ?></strong> <?cs var:Test.to ?><br><code class="smtp-error"><?cs var:Test.error ?></code><?cs /if ?>
</div>
<?cs /if ?>
<div class="admin-grid gw-grid">
<form method="post" action="/admin/notifications/gateway" class="request admin-form gw-form" novalidate>
  <?cs call:csrf() ?>
  <?cs call:form_alert() ?>
  <section class="card form-card" aria-labelledby="smtp-h">
    <h2 id="smtp-h"><?cs var:L.Admin.Gw.SmtpCard ?></h2>
    <?cs call:field("smtp_url", L.Admin.Gw.SmtpUrl, L.Admin.Gw.SmtpUrlHelp, "text", 1, 300) ?>
    <div class="field field-check">
      <label class="check" for="f-starttls"><input type="checkbox" id="f-starttls" name="starttls" value="1"<?cs if:Form.starttls.value == "1" ?> checked<?cs /if ?> aria-describedby="h-starttls"> <span><?cs var:L.Admin.Gw.StartTls ?></span></label>
      <p class="help" id="h-starttls"><?cs var:L.Admin.Gw.StartTlsHelp ?></p>
    </div>
    <div class="two-col">
      <?cs call:field("user", L.Admin.Gw.User, L.Admin.Gw.UserHelp, "text", 0, 200) ?>
      <?cs call:secret_field("password", "password_clear", L.Admin.Gw.Password, L.Admin.Gw.PasswordHelp) ?>
    </div>
    <div class="two-col">
      <?cs call:field("from", L.Admin.Gw.From, L.Admin.Gw.FromHelp, "text", 1, 254) ?>
      <?cs call:field("from_name", L.Admin.Gw.FromName, L.Admin.Gw.FromNameHelp, "text", 0, 100) ?>
    </div>
    <div class="two-col">
      <?cs call:field("timeout", L.Admin.Gw.Timeout, L.Admin.Gw.TimeoutHelp, "number", 1, 3) ?>
      <?cs call:field("max_attempts", L.Admin.Gw.Attempts, L.Admin.Gw.AttemptsHelp, "number", 1, 3) ?>
    </div>
  </section>
  <section class="card form-card" aria-labelledby="sms-h">
    <h2 id="sms-h"><?cs var:L.Admin.Gw.SmsCard ?></h2>
    <?cs call:field("sms_url", L.Admin.Gw.SmsUrl, L.Admin.Gw.SmsUrlHelp, "text", 0, 500) ?>
    <?cs call:field("sms_body", L.Admin.Gw.SmsBody, L.Admin.Gw.SmsBodyHelp, "text", 0, 500) ?>
    <div class="two-col">
      <?cs call:secret_field("sms_key", "sms_key_clear", L.Admin.Gw.SmsKey, L.Admin.Gw.SmsKeyHelp) ?>
      <?cs call:field("sms_key_header", L.Admin.Gw.SmsKeyHeader, L.Admin.Gw.SmsKeyHeaderHelp, "text", 1, 60) ?>
    </div>
  </section>
  <div class="form-foot sticky-foot"><button type="submit" class="primary"><?cs var:L.Admin.Gw.Save ?></button></div>
</form>
<aside class="side-stack">
<section class="card form-card test-card" aria-labelledby="test-h">
  <h2 id="test-h"><?cs var:L.Admin.Gw.TestTitle ?></h2>
  <p class="help"><?cs var:L.Admin.Gw.TestHelp ?></p>
  <form method="post" action="/admin/notifications/gateway/test" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("test_to", L.Admin.Gw.TestTo, "", "email", 1, 254) ?>
    <div class="form-foot"><button type="submit" class="primary"><?cs var:L.Admin.Gw.TestSend ?></button></div>
  </form>
</section>
<section class="card form-card test-card" aria-labelledby="test-sms-h">
  <h2 id="test-sms-h"><?cs var:L.Admin.Gw.TestSmsTitle ?></h2>
  <form method="post" action="/admin/notifications/gateway/test-sms" class="request admin-form" novalidate>
    <?cs call:csrf() ?>
    <?cs call:field("test_phone", L.Admin.Gw.TestPhone, "", "phone", 1, 24) ?>
    <div class="form-foot"><button type="submit"><?cs var:L.Admin.Gw.TestSmsSend ?></button></div>
  </form>
</section>
</aside>
</div>
<?cs call:admin_end() ?>
