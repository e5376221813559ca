<?cs include!"agent/layout.cs" ?>
<?cs # /agent/availability: at work or absent (cgi/agent_availability.c). ?>
<?cs call:agent_start(L.Agent.Presence.Title) ?>
<section class="card presence-card" aria-labelledby="presence-h">
  <h1 id="presence-h"><?cs var:L.Agent.Presence.Title ?></h1>
  <p class="presence-now">
    <?cs if:Presence.available == "1" ?><span class="presence presence-in" data-available="1"><?cs var:L.Agent.Presence.In ?></span>
    <?cs else ?><span class="presence presence-out" data-available="0"><?cs var:L.Agent.Presence.Out ?></span><?cs /if ?>
  </p>
  <p class="muted"><?cs if:Presence.available == "1" ?><?cs var:L.Agent.Presence.InHelp ?><?cs else ?><?cs var:L.Agent.Presence.OutHelp ?><?cs /if ?></p>
  <form method="post" action="/agent/availability" class="presence-form">
    <input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
    <?cs if:Presence.available == "1" ?><input type="hidden" name="available" value="0"><button type="submit"><?cs var:L.Agent.Presence.GoOut ?></button>
    <?cs else ?><input type="hidden" name="available" value="1"><button type="submit" class="primary"><?cs var:L.Agent.Presence.GoIn ?></button><?cs /if ?>
  </form>
</section>
<?cs call:agent_end() ?>
