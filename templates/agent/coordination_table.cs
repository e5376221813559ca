<?cs # The weekly coordination view's table (Teams.*, Figs.*, Total.*,
       Week.*: cgi/agent/coordination.c), on its page and in a weekly
       meeting's material pack; each number opens the list behind it. ?>
<?cs def:cell(t, code) ?><?cs if:t[code] == "0" ?><span class="zero">0</span><?cs elif:code == "problems" ?><a class="num-link" href="/agent/problems"><?cs var:t[code] ?></a><?cs elif:code == "actions" ?><a class="num-link" href="/agent/actions?view=overdue"><?cs var:t[code] ?></a><?cs else ?><a class="num-link" href="/agent/coordination/tickets?fig=<?cs var:code ?>&amp;team=<?cs var:t.id ?>&amp;at=<?cs var:Week.first ?>"><?cs var:t[code] ?></a><?cs /if ?><?cs /def ?>
  <?cs if:!Teams.0.name && !Teams.0.id ?><p class="empty"><?cs var:L.Coord.Empty ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="stats-table coord-table" id="t-coord">
    <caption class="sr"><?cs var:L.Coord.Title ?> <?cs var:Week.first ?> – <?cs var:Week.last ?></caption>
    <thead><tr><th scope="col"><?cs var:L.Coord.Team ?></th><?cs each:f = Figs ?><th scope="col" class="n" title="<?cs var:L.Coord.FigHelp[f] ?>"><?cs var:L.Coord.Fig[f] ?></th><?cs /each ?></tr></thead>
    <tbody>
    <?cs each:t = Teams ?>
      <tr data-team="<?cs var:t.id ?>"><th scope="row"><?cs if:t.name ?><?cs var:t.name ?><?cs else ?><span class="muted"><?cs var:L.Coord.NoTeam ?></span><?cs /if ?></th><?cs each:f = Figs ?><td class="n"><?cs call:cell(t, f) ?></td><?cs /each ?></tr>
    <?cs /each ?>
    </tbody>
    <?cs if:Total.show ?><tfoot><tr data-team="total"><th scope="row"><?cs var:L.Coord.Total ?></th><?cs each:f = Figs ?><td class="n"><?cs var:Total[f] ?></td><?cs /each ?></tr></tfoot><?cs /if ?>
  </table>
  </div>
  <dl class="coord-legend note"><?cs each:f = Figs ?><div><dt><?cs var:L.Coord.Fig[f] ?></dt><dd><?cs var:L.Coord.FigHelp[f] ?></dd></div><?cs /each ?></dl>
  <?cs /if ?>
