<?cs include!"layout.cs" ?>
<!DOCTYPE html>
<html lang="<?cs if:Lang.Code == "en" ?>en<?cs else ?>zh-CN<?cs /if ?>">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin"><meta name="color-scheme" content="light">
<title><?cs var:L.Agent.Login.Title ?> · <?cs var:Site.Name ?></title>
<link rel="icon" href="/static/logo.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/agent.css"></head>
<body class="agent login-page">
<main id="main" class="login-box">
  <h1 class="login-brand"><span class="logo" aria-hidden="true"></span><?cs var:Site.Name ?></h1>
  <h2><?cs var:L.Agent.Login.Title ?></h2>
  <?cs if:Login.error ?><div class="alert" role="alert"><?cs var:L.Agent.Login[Login.error] ?><?cs if:Login.wait.seconds ?> <?cs var:L.Agent.Login.Wait.Before ?> <?cs var:Login.wait.seconds ?> <?cs var:L.Agent.Login.Wait.Seconds ?><?cs elif:Login.wait.minutes ?> <?cs var:L.Agent.Login.Wait.Before ?> <?cs var:Login.wait.minutes ?> <?cs var:L.Agent.Login.Wait.Minutes ?><?cs /if ?></div><?cs /if ?>
  <form method="post" action="/agent/login">
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
    <input type="hidden" name="back" value="<?cs var:Login.back ?>">
    <label for="login"><?cs var:L.Agent.Login.Login ?></label>
    <input id="login" name="login" autocomplete="username" autocapitalize="none" spellcheck="false" value="<?cs var:Login.login ?>" required autofocus>
    <label for="password"><?cs var:L.Agent.Login.Password ?></label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit" class="primary"><?cs var:L.Agent.Login.Submit ?></button>
  </form>
  <p class="login-foot"><span class="muted"><?cs var:L.Agent.Login.Intranet ?></span>
    <span class="langs"><a href="/lang/zh?back=/agent/login" lang="zh-CN"<?cs if:Lang.Code != "en" ?> aria-current="true"<?cs /if ?>>中文</a> · <a href="/lang/en?back=/agent/login" lang="en"<?cs if:Lang.Code == "en" ?> aria-current="true"<?cs /if ?>>English</a></span></p>
</main>
</body></html>
