<?cs # The agent workspace frame: top bar, queue column, main area. Every
       var: is HTML-escaped (Config.VarEscapeMode = html). No inline styles
       or scripts: the Content-Security-Policy forbids them. ?>
<?cs include!"layout.cs" ?>
<?cs def:agent_start(title) ?><!DOCTYPE html>
<html lang="<?cs if:Lang.Code == "en" ?>en<?cs else ?>zh-CN<?cs /if ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<meta name="color-scheme" content="light">
<title><?cs var:title ?> · <?cs var:L.Agent.Title ?></title>
<link rel="icon" href="/static/logo.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/agent.css">
<?cs if:Admin.On ?><link rel="stylesheet" href="/static/admin.css"><?cs /if ?>
<?cs if:Page.Doc ?><link rel="stylesheet" href="/static/doc.css"><?cs /if ?>
</head>
<body class="agent lang-<?cs var:Lang.Code ?>" data-sla-left="<?cs var:L.Agent.Sla.left ?>" data-sla-left-after="<?cs var:L.Agent.Sla.left_after ?>" data-sla-over="<?cs var:L.Agent.Sla.over ?>" data-sla-over-after="<?cs var:L.Agent.Sla.over_after ?>" data-sla-days="<?cs var:L.Agent.Sla.days ?>" data-sla-hours="<?cs var:L.Agent.Sla.hours ?>" data-sla-minutes="<?cs var:L.Agent.Sla.minutes ?>">
<a class="skip" href="#main"><?cs var:L.Skip ?></a>
<header class="bar">
  <a class="brand" href="/agent/"><span class="logo" aria-hidden="true"></span><span class="brand-name"><?cs var:Site.Name ?></span><span class="brand-sub"><?cs var:L.Agent.Workspace ?></span></a>
  <form class="search" method="get" action="/agent/search" role="search">
    <label class="sr" for="q"><?cs var:L.Agent.Search ?></label>
    <input id="q" name="q" type="search" placeholder="<?cs var:L.Agent.Search ?>" value="<?cs var:Filter.q ?>" autocomplete="off" aria-describedby="q-hint">
    <kbd class="key" id="q-hint" title="<?cs var:L.Agent.SearchHint ?>"><span class="sr"><?cs var:L.Agent.SearchHint ?></span><span aria-hidden="true">/</span></kbd>
    <button type="submit" class="search-go"><span class="sr"><?cs var:L.Agent.SearchGo ?></span></button>
  </form>
  <div class="me">
    <?cs if:Me.admin ?><a class="admin-link" href="/admin/"<?cs if:Admin.On ?> aria-current="true"<?cs /if ?>><span class="admin-ico" aria-hidden="true"></span><?cs var:L.Admin.Link ?></a><?cs /if ?>
    <nav class="lang" aria-label="<?cs var:L.Agent.Lang ?>">
      <a href="/lang/zh?back=<?cs var:url_escape(Page.Path) ?>" lang="zh-CN" hreflang="zh-CN"<?cs if:Lang.Code != "en" ?> aria-current="true"<?cs /if ?>>中文</a><a href="/lang/en?back=<?cs var:url_escape(Page.Path) ?>" lang="en" hreflang="en"<?cs if:Lang.Code == "en" ?> aria-current="true"<?cs /if ?>>EN</a>
    </nav>
    <p class="who"><span class="sr"><?cs var:L.Agent.SignedIn ?>: </span><span class="avatar" aria-hidden="true"></span><span class="who-name"><?cs var:Me.name ?></span> <span class="role role-<?cs var:Me.role ?>"><?cs var:L.Agent.Role[Me.role] ?></span></p>
    <form method="post" action="/agent/logout" class="inline signout"><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><button type="submit" class="link"><?cs var:L.Agent.SignOut ?></button></form>
  </div>
</header>
<div class="frame">
<?cs if:Admin.On ?><?cs # the admin console's side bar (cgi/admin.c) ?>
<nav class="queues admin-nav" aria-label="<?cs var:L.Admin.Title ?>">
  <h2 class="nav-h"><?cs var:L.Admin.Title ?></h2>
  <ul>
    <li><a href="/admin/" class="t"<?cs if:Admin.Current == "home" ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Admin.Home ?></span></a></li>
  <?cs each:s = Admin.Sections ?>
    <li><?cs if:s.href ?><a href="<?cs var:s.href ?>" class="t s-<?cs var:s.code ?>"<?cs if:s.code == Admin.Current ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Admin.Section[s.code].name ?></span></a><?cs else ?><span class="soon"><span class="q-name"><?cs var:L.Admin.Section[s.code].name ?></span> <span class="soon-tag"><?cs var:L.Admin.Soon ?></span></span><?cs /if ?></li>
  <?cs /each ?>
  </ul>
  <h2 class="nav-h"><?cs var:L.Agent.Workspace ?></h2>
  <ul class="tools"><li><a href="/agent/" class="t"><span class="q-name"><?cs var:L.Admin.BackToQueues ?></span></a></li></ul>
</nav>
<?cs else ?>
<nav class="queues" aria-label="<?cs var:L.Agent.Nav.Queues ?>">
  <h2 class="nav-h"><?cs var:L.Agent.Nav.Queues ?></h2>
  <ul>
  <?cs each:n = Nav ?>
    <li><a href="/agent/q/<?cs var:n.code ?>" class="q q-<?cs var:n.code ?>"<?cs if:n.code == Queue.code ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Agent.Queue[n.code] ?></span> <span class="count<?cs if:n.count != "0" ?><?cs if:n.code == "overdue" || n.code == "to_accept" ?> hot<?cs elif:n.code == "at_risk" ?> warn<?cs /if ?><?cs else ?> zero<?cs /if ?>"><?cs var:n.count ?></span></a></li>
  <?cs /each ?>
  </ul>
  <h2 class="nav-h"><?cs var:L.Agent.Nav.Tools ?></h2>
  <ul class="tools">
    <?cs if:Me.rnd || Me.supervisor ?><li><a href="/agent/rnd" class="t t-rnd"<?cs if:Page.Path == "/agent/rnd" ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Agent.Esc.Nav ?></span></a></li><?cs /if ?>
    <?cs if:Me.supervisor ?><li><a href="/agent/approvals" class="t t-approvals"<?cs if:Page.Path == "/agent/approvals" ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Agent.Queue.approvals ?></span></a></li><?cs /if ?>
    <li><a href="/agent/new" class="t t-new"<?cs if:Page.Path == "/agent/new" ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Agent.Queue.new ?></span></a></li>
    <li><a href="/agent/problems" class="t t-problems"<?cs if:Page.Path == "/agent/problems" ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Agent.Queue.problems ?></span></a></li>
    <li><a href="/agent/meetings" class="t t-meetings"<?cs if:Page.Path == "/agent/meetings" ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Agent.Queue.meetings ?></span></a></li>
    <li><a href="/agent/minutes" class="t t-minutes"<?cs if:Page.Path == "/agent/minutes" ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Agent.Queue.minutes ?></span></a></li>
    <li><a href="/agent/actions" class="t t-actions"<?cs if:Page.Path == "/agent/actions" ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Agent.Queue.actions ?></span></a></li>
    <li><a href="/agent/emergencies" class="t t-emergencies"<?cs if:Page.Path == "/agent/emergencies" ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Emergency.Nav ?></span></a></li>
    <li><a href="/agent/drills" class="t t-drills"<?cs if:Page.Path == "/agent/drills" ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Agent.Queue.drills ?></span></a></li>
    <li><a href="/agent/progress" class="t t-progress"<?cs if:Page.Path == "/agent/progress" ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Agent.Queue.progress ?></span></a></li>
    <li><a href="/agent/stats" class="t t-stats"<?cs if:Page.Path == "/agent/stats" ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Stats.Nav ?></span></a></li>
    <li><a href="/agent/coordination" class="t t-stats"<?cs if:Page.Path == "/agent/coordination" ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Coord.Link ?></span></a></li>
    <li><a href="/agent/availability" class="t t-presence"<?cs if:Page.Path == "/agent/availability" ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Agent.Presence.Nav ?></span></a></li>
    <?cs if:Me.admin ?><li><a href="/agent/outbox" class="t t-outbox"<?cs if:Page.Path == "/agent/outbox" ?> aria-current="page"<?cs /if ?>><span class="q-name"><?cs var:L.Agent.Queue.outbox ?></span></a></li><?cs /if ?>
  </ul>
</nav>
<?cs /if ?>
<main id="main" tabindex="-1">
<?cs if:Done ?><div class="flash" role="status"><span class="flash-ico" aria-hidden="true"></span><?cs var:L.Agent.Done[Done] ?><?cs if:Ticket.number ?> <code><?cs var:Ticket.number ?></code><?cs /if ?></div><?cs /if ?>
<?cs /def ?>

<?cs def:agent_end() ?>
</main>
</div>
<script src="/static/agent.js"></script>
<script src="/static/files.js"></script>
<script src="/static/textlimit.js"></script>
<?cs if:Admin.On ?><script src="/static/admin.js"></script><?cs /if ?>
</body>
</html>
<?cs /def ?>

<?cs # Status of a ticket in the agent's words (L.Agent.St; the customer's
       L.Status says "waiting for your reply"). ?>
<?cs def:status_name(code) ?><?cs if:L.Agent.St[code] ?><?cs var:L.Agent.St[code] ?><?cs else ?><?cs var:L.Status[code] ?><?cs /if ?><?cs /def ?>
<?cs def:status_pill(code) ?><span class="status st-<?cs var:code ?>"><?cs call:status_name(code) ?></span><?cs /def ?>
<?cs def:priority_badge(code) ?><span class="badge prio-<?cs var:code ?>" title="<?cs var:Catalog.Priorities[code].name ?>"><?cs var:Catalog.Priorities[code].name ?></span><?cs /def ?>
<?cs # Customer tag chips: names and colours as admins set them (TagDefs, lib/tags.h); deactivated tags are not shown. ?>
<?cs def:tag_list(tags) ?><?cs each:g = tags ?><?cs if:!TagDefs[g].off ?> <span class="tag tag-<?cs var:g ?>"<?cs if:TagDefs[g].color ?> data-color="<?cs var:TagDefs[g].color ?>"<?cs /if ?><?cs if:g == "frequent_complainer" ?> title="<?cs var:L.Agent.TagWhy.Before ?> <?cs var:Rules.days ?> <?cs var:L.Agent.TagWhy.Middle ?> <?cs var:Rules.complaints ?> <?cs var:L.Agent.TagWhy.After ?>"<?cs /if ?>><?cs if:TagDefs[g].name ?><?cs var:TagDefs[g].name ?><?cs elif:L.Agent.Tag[g] ?><?cs var:L.Agent.Tag[g] ?><?cs else ?><?cs var:g ?><?cs /if ?></span><?cs /if ?><?cs /each ?><?cs /def ?>
<?cs # A stretch of calendar time from view_set_span(): "3 天 5 小时",
       "2 小时 15 分", "35 分" (days and hours once it is over a day). ?>
<?cs def:span(d) ?><?cs if:#d.days > 0 ?><?cs var:d.days ?> <?cs var:L.Agent.Sla.days ?><?cs if:#d.hours > 0 ?> <?cs var:d.hours ?> <?cs var:L.Agent.Sla.hours ?><?cs /if ?><?cs elif:#d.hours > 0 ?><?cs var:d.hours ?> <?cs var:L.Agent.Sla.hours ?><?cs if:#d.minutes > 0 ?> <?cs var:d.minutes ?> <?cs var:L.Agent.Sla.minutes ?><?cs /if ?><?cs else ?><?cs var:d.minutes ?> <?cs var:L.Agent.Sla.minutes ?><?cs /if ?><?cs /def ?>
<?cs # Time left or over, in the language's order ("剩余 2 小时" / "2 h left"). ?>
<?cs def:left_text(d) ?><?cs if:d.state == "breach" ?><?cs if:L.Agent.Sla.over ?><?cs var:L.Agent.Sla.over ?> <?cs /if ?><?cs call:span(d.over) ?><?cs if:L.Agent.Sla.over_after ?> <?cs var:L.Agent.Sla.over_after ?><?cs /if ?><?cs else ?><?cs if:L.Agent.Sla.left ?><?cs var:L.Agent.Sla.left ?> <?cs /if ?><?cs call:span(d.left) ?><?cs if:L.Agent.Sla.left_after ?> <?cs var:L.Agent.Sla.left_after ?><?cs /if ?><?cs /if ?><?cs /def ?>
<?cs # Deadline chip: green on track, amber past the warning threshold, red
       breached; the title is the deadline itself, data-left the minutes left
       (negative when over) for agent.js's live countdown. ?>
<?cs def:sla_chip(d) ?><?cs if:d.state == "none" ?><span class="sla sla-none"><?cs var:L.Agent.Sla.none ?></span><?cs elif:d.state == "paused" ?><span class="sla sla-paused"><?cs var:L.Agent.Sla.paused ?></span><?cs else ?><span class="sla sla-<?cs var:d.state ?>" title="<?cs var:d ?>" data-left="<?cs if:d.state == "breach" ?>-<?cs var:d.over.total ?><?cs else ?><?cs var:d.left.total ?><?cs /if ?>"><?cs call:left_text(d) ?></span><?cs /if ?><?cs /def ?>
<?cs # The chip of a queue row: a ticket waiting on the customer or a third
       party has its clock stopped. ?>
<?cs def:row_chip(d, status) ?><?cs if:d.state == "none" && (status == "waiting_customer" || status == "waiting_third_party") ?><span class="sla sla-none"><span class="paused"><?cs var:L.Agent.Sla.paused ?></span></span><?cs else ?><?cs call:sla_chip(d) ?><?cs /if ?><?cs /def ?>
