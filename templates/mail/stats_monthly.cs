<?cs # stats_monthly: the previous month's report, to each recipient of the
  monthly report (lib/desk/stats/monthly.h), once, from the 1st; the whole
  report goes with it as a workbook.
  Data: Recipient.name, Report.month and Report.prev_month ("2027-02"),
  Report.first and Report.last (dates), Report.all_teams (1: every team;
  0: the recipient's own team), Report.link (the statistics page of the
  month), and for Report.cur and Report.prev: created, closed, backlog (at
  the end), sla_first_response and sla_resolution (met of met and breached,
  "97.5%", "—" when none), score (the mean of the three scores, "4.3"),
  answered (surveys answered). Never a contact detail.
  Channel: email.
  Plain text: uvar: (no HTML escaping) is a reviewed exception (macros.cs). ?><?cs
include!"mail/macros.cs" ?><?cs
def:open() ?><?cs if:Lang.Code == "en" ?> (<?cs else ?>（<?cs /if ?><?cs /def ?><?cs
def:close() ?><?cs if:Lang.Code == "en" ?>)<?cs else ?>）<?cs /if ?><?cs /def ?><?cs
def:row(label, key) ?>  <?cs uvar:label ?><?cs call:sep() ?><?cs uvar:Report.cur[key] ?><?cs
  call:open() ?><?cs uvar:L.Mail.Monthly.Before ?> <?cs uvar:Report.prev[key] ?><?cs call:close() ?>
<?cs /def ?>Subject: <?cs uvar:L.Mail.Monthly.Subject ?> <?cs uvar:Report.month ?>
<?cs call:greeting() ?><?cs uvar:L.Mail.Monthly.Intro ?> <?cs uvar:Report.first ?> – <?cs uvar:Report.last ?><?cs
  if:Lang.Code == "en" ?>,<?cs /if ?><?cs call:sp() ?><?cs if:Report.all_teams ?><?cs uvar:L.Mail.Monthly.AllTeams ?><?cs else ?><?cs uvar:L.Mail.Monthly.OwnTeam ?><?cs /if ?>

<?cs uvar:L.Mail.Monthly.Heading ?> <?cs uvar:Report.month ?><?cs call:open() ?><?cs uvar:L.Mail.Monthly.Before ?> <?cs uvar:Report.prev_month ?><?cs call:close() ?><?cs call:sep() ?>
<?cs call:row(L.Mail.Monthly.Created, "created") ?><?cs
call:row(L.Mail.Monthly.Closed, "closed") ?><?cs
call:row(L.Mail.Monthly.Backlog, "backlog") ?><?cs
call:row(L.Mail.Monthly.SlaFirstResponse, "sla_first_response") ?><?cs
call:row(L.Mail.Monthly.SlaResolution, "sla_resolution") ?><?cs
call:row(L.Mail.Monthly.Score, "score") ?><?cs
call:row(L.Mail.Monthly.Answered, "answered") ?>
<?cs uvar:L.Mail.Monthly.Attached ?>
<?cs call:link(L.Mail.Monthly.Open, Report.link) ?><?cs call:signature() ?>
