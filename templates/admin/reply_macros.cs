<?cs # The reply template form (admin/replies.cs, reply.cs): title, language,
       body; an unknown placeholder is named in the body's error. ?>
<?cs def:reply_fields() ?>
<?cs call:field("title", L.Admin.Replies.TitleField, L.Admin.Replies.TitleHelp, "text", 1, 100) ?>
<?cs set:LangOpts.zh.code = "zh" ?><?cs set:LangOpts.zh.label = L.Admin.Notify.Lang.zh ?><?cs set:LangOpts.en.code = "en" ?><?cs set:LangOpts.en.label = L.Admin.Notify.Lang.en ?>
<?cs call:choice("language", L.Admin.Replies.Language, L.Admin.Replies.LanguageHelp, LangOpts, 1, 0) ?>
<div class="field field-longtext<?cs if:Form.body.error ?> has-error<?cs /if ?>">
  <label for="f-body"><?cs var:L.Admin.Replies.Body ?><?cs call:required_mark() ?></label>
  <textarea id="f-body" name="body" rows="9" maxlength="4000" required aria-required="true"<?cs if:Form.body.error ?> aria-invalid="true"<?cs /if ?> aria-describedby="<?cs if:Form.body.error ?>e-body <?cs /if ?>h-body"><?cs var:Form.body.value ?></textarea>
  <?cs if:Form.body.error ?><p class="error" id="e-body"><?cs var:L.Err[Form.body.error] ?><?cs if:Form.body.bad ?> <code class="bad-ph">{<?cs var:Form.body.bad ?>}</code><?cs var:L.Admin.Replies.BadHint ?><?cs /if ?></p><?cs /if ?>
  <p class="help" id="h-body"><?cs var:L.Admin.Replies.BodyHelp ?> <?cs each:n = Names ?><code class="ph">{<?cs var:n ?>}</code> <?cs var:L.Admin.Replies.Ph[n] ?><?cs if:!last(n) ?>，<?cs /if ?><?cs /each ?></p>
</div>
<?cs /def ?>
