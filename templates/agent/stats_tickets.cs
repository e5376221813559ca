<?cs include!"agent/layout.cs" ?>
<?cs include!"agent/stats_tickets_table.cs" ?>
<?cs call:agent_start(L.Stats.Tickets) ?>
<?cs # Drill.path: the list's own link (the quality figures'); else a figure of agent/stats.cs ?>
<?cs # The tickets behind one number of the statistics, by key (ticket id). ?>
<div class="page-head">
  <div>
    <h1><?cs if:Drill.title ?><?cs var:Drill.title ?><?cs if:Drill.key ?> · <bdi><?cs var:Drill.key ?></bdi><?cs /if ?><?cs else ?><?cs var:L.Stats.Fig[Drill.fig] ?><?cs /if ?></h1>
    <p class="lead"><?cs var:L.Stats.Per[Drill.of] ?> · <time><?cs var:Per[Drill.of].first ?></time> – <time><?cs var:Per[Drill.of].last ?></time><?cs if:Filter.team != "0" ?> · <?cs var:Catalog.TeamName[Filter.team] ?><?cs /if ?><?cs if:Filter.category != "0" ?> · <?cs var:Catalog.CategoryName[Filter.category] ?><?cs /if ?><?cs if:Filter.channel != "0" ?> · <?cs var:Catalog.ChannelName[Filter.channel] ?><?cs /if ?></p>
  </div>
  <a class="button ghost" href="/agent/stats?<?cs var:Q ?>">← <?cs var:L.Stats.Back ?></a>
</div>
<?cs if:Drill.title ?><?cs set:Caption = Drill.title ?><?cs else ?><?cs set:Caption = L.Stats.Fig[Drill.fig] ?><?cs /if ?><?cs call:stats_tickets_table(Caption) ?>
<?cs if:!Rows.0.number ?><p class="empty"><?cs var:L.Stats.Empty ?></p><?cs /if ?>
<?cs if:Next ?><p class="pager"><a href="<?cs if:Drill.path ?><?cs var:Drill.path ?><?cs else ?>/agent/stats/tickets?fig=<?cs var:Drill.fig ?>&amp;of=<?cs var:Drill.of ?>&amp;<?cs var:Q ?><?cs /if ?>&amp;after=<?cs var:Next ?>"><?cs var:L.Agent.Queue.More ?> →</a></p><?cs /if ?>
<?cs call:agent_end() ?>
