<?cs # The agent workspace frame: top bar, queue column, main area. Every
       var: is HTML-escaped (Config.VarEscapeMode = html). ?>
<?cs include!"layout.cs" ?>
<?cs def:agent_start(title) ?><!DOCTYPE html>
<html lang="<?cs if:Lang.Code == "en" ?>en<?cs else ?>zh-CN<?cs /if ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:title ?> · <?cs var:L.Agent.Title ?></title>
<link rel="stylesheet" href="/static/agent.css">
</head>
<body class="agent">
<a class="skip" href="#main"><?cs var:L.Skip ?></a>
<header class="bar">
  <a class="brand" href="/agent/"><?cs var:Site.Name ?> · <?cs var:L.Agent.Title ?></a>
  <form class="search" method="get" action="/agent/search" role="search">
    <label class="sr" for="q"><?cs var:L.Agent.Search ?></label>
    <input id="q" name="q" type="search" placeholder="<?cs var:L.Agent.Search ?>" value="<?cs var:Filter.q ?>">
  </form>
  <div class="me">
    <span class="who"><?cs var:Me.name ?> <span class="role"><?cs var:L.Agent.Role[Me.role] ?></span></span>
    <a href="/lang/zh?back=<?cs var:url_escape(Page.Path) ?>">中文</a> <a href="/lang/en?back=<?cs var:url_escape(Page.Path) ?>">EN</a>
    <form method="post" action="/agent/logout" class="inline"><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><button type="submit" class="link"><?cs var:L.Agent.SignOut ?></button></form>
  </div>
</header>
<div class="frame">
<nav class="queues" aria-label="<?cs var:L.Agent.Title ?>">
  <ul>
  <?cs each:n = Nav ?>
    <li><a href="/agent/q/<?cs var:n.code ?>"<?cs if:n.code == Queue.code ?> aria-current="page"<?cs /if ?>><span><?cs var:L.Agent.Queue[n.code] ?></span> <span class="count<?cs if:(n.code == "overdue" || n.code == "to_accept") && n.count != "0" ?> hot<?cs /if ?>"><?cs var:n.count ?></span></a></li>
  <?cs /each ?>
  </ul>
  <ul class="tools">
    <?cs if:Me.supervisor ?><li><a href="/agent/approvals"><?cs var:L.Agent.Queue.approvals ?></a></li><?cs /if ?>
    <li><a href="/agent/new"><?cs var:L.Agent.Queue.new ?></a></li>
    <li><a href="/agent/progress"><?cs var:L.Agent.Queue.progress ?></a></li>
  </ul>
</nav>
<main id="main">
<?cs if:Done ?><div class="flash" role="status"><?cs var:L.Agent.Done[Done] ?><?cs if:Ticket.number ?> <code><?cs var:Ticket.number ?></code><?cs /if ?></div><?cs /if ?>
<?cs /def ?>

<?cs def:agent_end() ?>
</main>
</div>
<script src="/static/agent.js"></script>
</body>
</html>
<?cs /def ?>

<?cs def:priority_badge(code) ?><span class="badge prio-<?cs var:code ?>"><?cs var:Catalog.Priorities[code].name ?></span><?cs /def ?>
<?cs def:tag_list(tags) ?><?cs each:g = tags ?> <span class="tag tag-<?cs var:g ?>"<?cs if:g == "frequent_complainer" ?> title="<?cs var:L.Agent.Ticket.Customer ?>"<?cs /if ?>><?cs if:g == "vip" ?>VIP<?cs elif:g == "frequent_complainer" ?><?cs if:Lang.Code == "en" ?>Frequent complainer<?cs else ?>高频投诉<?cs /if ?><?cs else ?><?cs var:g ?><?cs /if ?></span><?cs /each ?><?cs /def ?>
<?cs def:sla_chip(d) ?><?cs if:d.state == "none" ?><span class="sla sla-none"><?cs var:L.Agent.Sla.none ?></span><?cs else ?><span class="sla sla-<?cs var:d.state ?>" title="<?cs var:d ?>"><?cs if:d.state == "breach" ?><?cs var:L.Agent.Sla.over ?> <?cs if:d.over.hours > 0 ?><?cs var:d.over.hours ?> <?cs var:L.Agent.Sla.hours ?> <?cs /if ?><?cs var:d.over.minutes ?> <?cs var:L.Agent.Sla.minutes ?><?cs else ?><?cs var:L.Agent.Sla.left ?> <?cs if:d.left.hours > 0 ?><?cs var:d.left.hours ?> <?cs var:L.Agent.Sla.hours ?> <?cs /if ?><?cs var:d.left.minutes ?> <?cs var:L.Agent.Sla.minutes ?><?cs /if ?></span><?cs /if ?><?cs /def ?>
