<?cs # Where a problem record came from (cgi/agent/problem_origin.c): the
       high-frequency row of the statistics, its period, the tickets behind
       it and how many were linked (at most Origin.limit); on the new form
       and on the record. ?>
<aside class="origin-note" id="problem-origin" aria-label="<?cs var:L.Review.Problem.Origin.Label ?>">
  <p><strong><?cs var:L.Review.Problem.Origin.Label ?></strong>
  <?cs if:Origin.kind == "stats_combo" ?><?cs var:L.Review.Problem.Origin.Combo ?><?cs else ?><?cs var:L.Review.Problem.Origin.Term ?><?cs /if ?>
  «<bdi class="origin-key"><?cs var:Origin.key ?></bdi>»,
  <?cs var:L.Review.Problem.Origin.Period ?> <time class="origin-first"><?cs var:Origin.first ?></time> – <time class="origin-last"><?cs var:Origin.last ?></time>.</p>
  <p><?cs var:L.Review.Problem.Origin.Behind ?> <b class="origin-behind"><?cs var:Origin.behind ?></b>,
  <?cs var:L.Review.Problem.Origin.Linked ?> <b class="origin-linked"><?cs var:Origin.linked ?></b>
  (<?cs var:L.Review.Problem.Origin.Limit ?> <span class="origin-limit"><?cs var:Origin.limit ?></span>).
  <a class="noprint" href="/agent/stats/quality/tickets?<?cs var:Origin.query ?>"><?cs var:L.Review.Problem.Origin.All ?></a></p>
</aside>
