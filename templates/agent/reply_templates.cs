<?cs # The reply templates above the reply box (cgi/agent_replies.c): each
       text already filled in for this ticket. Without JavaScript the text
       can be read and copied; agent.js adds "insert" buttons that put it
       into the reply box. ?>
<?cs if:Replies.0.id ?>
<details class="reply-tpls">
  <summary><?cs var:L.Agent.Replies.Open ?> <span class="count-badge muted">(<?cs var:subcount(Replies) ?>)</span></summary>
  <ul class="reply-tpl-list">
  <?cs each:r = Replies ?>
    <li class="reply-tpl" data-id="<?cs var:r.id ?>">
      <div class="reply-tpl-head"><strong><?cs var:r.title ?></strong> <button type="button" class="small reply-insert" data-target="reply-body" hidden><?cs var:L.Agent.Replies.Insert ?></button></div>
      <pre class="reply-tpl-text"><?cs var:r.text ?></pre>
    </li>
  <?cs /each ?>
  </ul>
</details>
<?cs /if ?>
