<?cs # Where a problem record came from (cgi/agent/problem_origin.c): the
       high-frequency row of the statistics, its period, the tickets behind
       it and how many were linked (at most Origin.limit); on the new form
       and on the record. ?>
<?cs with:o = L.Review.Problem.Origin ?>
<aside class="origin-note" id="problem-origin" aria-label="<?cs var:o.Label ?>">
  <p><strong><?cs var:o.Label ?></strong> <?cs if:Origin.kind == "stats_combo" ?><?cs var:o.Combo ?><?cs else ?><?cs var:o.Term ?><?cs /if ?> «<bdi class="origin-key"><?cs var:Origin.key ?></bdi>»<?cs var:o.Comma ?> <?cs var:o.Period ?> <time class="origin-first"><?cs var:Origin.first ?></time> – <time class="origin-last"><?cs var:Origin.last ?></time><?cs var:o.Stop ?></p>
  <p><?cs var:o.Behind ?> <b class="origin-behind"><?cs var:Origin.behind ?></b><?cs var:o.Unit ?><?cs var:o.Comma ?> <?cs var:o.Linked ?> <b class="origin-linked"><?cs var:Origin.linked ?></b><?cs var:o.Unit ?><?cs if:Lang.Code == "en" ?> <?cs /if ?><?cs var:o.Open ?><?cs var:o.Limit ?> <span class="origin-limit"><?cs var:Origin.limit ?></span><?cs var:o.Unit ?><?cs var:o.Close ?><?cs var:o.Stop ?>
  <a class="noprint" href="/agent/stats/quality/tickets?<?cs var:Origin.query ?>"><?cs var:o.All ?></a></p>
</aside>
<?cs /with ?>
