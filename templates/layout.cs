<?cs # Shared page frame and form macros. Every var: is HTML-escaped
       (Config.VarEscapeMode = html); nothing here prints raw. ?>
<?cs def:page_start(title) ?><!DOCTYPE html>
<html lang="<?cs if:Lang.Code == "en" ?>en<?cs else ?>zh-CN<?cs /if ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title><?cs var:title ?> · <?cs var:Site.Name ?></title>
<link rel="stylesheet" href="/static/portal.css">
</head>
<body>
<a class="skip" href="#main"><?cs var:L.Skip ?></a>
<header class="top">
  <a class="brand" href="/"><span class="logo" aria-hidden="true">◆</span> <?cs var:Site.Name ?></a>
  <nav class="lang" aria-label="Language">
    <a href="/lang/zh?back=<?cs var:url_escape(Page.Path) ?>"<?cs if:Lang.Code == "zh" ?> aria-current="true"<?cs /if ?>>中文</a>
    <a href="/lang/en?back=<?cs var:url_escape(Page.Path) ?>"<?cs if:Lang.Code == "en" ?> aria-current="true"<?cs /if ?>>English</a>
  </nav>
</header>
<main id="main">
<?cs /def ?>

<?cs def:page_end() ?>
</main>
<footer class="foot"><?cs var:L.Footer ?></footer>
<script src="/static/portal.js"></script>
</body>
</html>
<?cs /def ?>

<?cs # One form field: label, control, help, error. name is the form key,
       label and help are already-translated text. ?>
<?cs def:field(name, label, help, type, required, max) ?>
<div class="field<?cs if:Form[name].error ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:required ?> <span class="req" title="<?cs var:L.Required ?>">*</span><?cs /if ?></label>
  <?cs if:type == "longtext" ?>
  <textarea id="f-<?cs var:name ?>" name="<?cs var:name ?>" rows="5"<?cs if:max > 0 ?> maxlength="<?cs var:max ?>"<?cs /if ?><?cs if:required ?> required<?cs /if ?><?cs if:Form[name].error ?> aria-invalid="true"<?cs /if ?> aria-describedby="h-<?cs var:name ?> e-<?cs var:name ?>"><?cs var:Form[name].value ?></textarea>
  <?cs else ?>
  <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs if:type == "datetime" ?>datetime-local<?cs elif:type == "email" ?>email<?cs elif:type == "phone" ?>tel<?cs elif:type == "date" ?>date<?cs elif:type == "number" ?>number<?cs else ?>text<?cs /if ?>" value="<?cs var:Form[name].value ?>"<?cs if:max > 0 && type != "datetime" && type != "date" ?> maxlength="<?cs var:max ?>"<?cs /if ?><?cs if:required ?> required<?cs /if ?><?cs if:Form[name].error ?> aria-invalid="true"<?cs /if ?> aria-describedby="h-<?cs var:name ?> e-<?cs var:name ?>">
  <?cs /if ?>
  <?cs if:help ?><p class="help" id="h-<?cs var:name ?>"><?cs var:help ?></p><?cs /if ?>
  <?cs if:Form[name].error ?><p class="error" id="e-<?cs var:name ?>" role="alert"><?cs var:L.Err[Form[name].error] ?></p><?cs /if ?>
</div>
<?cs /def ?>

<?cs # A choice from a list of options (each with .code and .label). ?>
<?cs def:choice(name, label, help, options, required, multi) ?>
<fieldset class="field choice<?cs if:Form[name].error ?> has-error<?cs /if ?>">
  <legend><?cs var:label ?><?cs if:required ?> <span class="req" title="<?cs var:L.Required ?>">*</span><?cs /if ?></legend>
  <?cs each:o = options ?>
  <label class="opt"><input type="<?cs if:multi ?>checkbox<?cs else ?>radio<?cs /if ?>" name="<?cs var:name ?>" value="<?cs var:o.code ?>"<?cs if:multi ?><?cs if:Form[name].sel[o.code] ?> checked<?cs /if ?><?cs elif:Form[name].value == o.code ?> checked<?cs /if ?><?cs if:required && !multi ?> required<?cs /if ?>> <span><?cs var:o.label ?></span></label>
  <?cs /each ?>
  <?cs if:help ?><p class="help"><?cs var:help ?></p><?cs /if ?>
  <?cs if:Form[name].error ?><p class="error" role="alert"><?cs var:L.Err[Form[name].error] ?></p><?cs /if ?>
</fieldset>
<?cs /def ?>
