<?cs # Shared page frame and form macros. Every var: is HTML-escaped
       (Config.VarEscapeMode = html); nothing here prints raw. No inline
       styles or scripts: the Content-Security-Policy forbids them. ?><?cs
def:page_start(title) ?><!DOCTYPE html>
<html lang="<?cs if:Lang.Code == "en" ?>en<?cs else ?>zh-CN<?cs /if ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<meta name="color-scheme" content="light">
<title><?cs var:title ?> · <?cs var:Site.Name ?></title>
<link rel="icon" href="/static/logo.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/portal.css">
<link rel="stylesheet" href="/static/doc.css">
<link rel="stylesheet" href="/brand/theme.css">
</head>
<body class="lang-<?cs var:Lang.Code ?>">
<a class="skip" href="#main"><?cs var:L.Skip ?></a>
<header class="top">
  <div class="top-in">
    <a class="brand" href="/"><span class="logo" aria-hidden="true"></span><span class="brand-name"><?cs var:Site.Name ?></span></a>
    <nav class="lang" aria-label="<?cs var:L.LangSwitch ?>">
      <a href="/lang/zh?back=<?cs var:url_escape(Page.Path) ?>" lang="zh-CN" hreflang="zh-CN"<?cs if:Lang.Code != "en" ?> aria-current="true"<?cs /if ?>><?cs var:L.Langs.zh ?></a>
      <a href="/lang/en?back=<?cs var:url_escape(Page.Path) ?>" lang="en" hreflang="en"<?cs if:Lang.Code == "en" ?> aria-current="true"<?cs /if ?>><?cs var:L.Langs.en ?></a>
    </nav>
  </div>
</header>
<main id="main" tabindex="-1">
<?cs /def ?><?cs def:page_end() ?>
</main>
<footer class="foot"><p><?cs var:L.Footer ?></p></footer>
<script src="/static/portal.js"></script>
<script src="/static/files.js"></script>
<script src="/static/textlimit.js"></script>
</body>
</html>
<?cs /def ?><?cs # A duration given in minutes, in words: "2 小时 30 分钟", "1 hour". ?><?cs def:duration(minutes) ?><?cs
  if:#minutes >= 60 ?><?cs var:#minutes / 60 ?> <?cs if:#minutes / 60 == 1 ?><?cs var:L.Span.hour ?><?cs else ?><?cs var:L.Span.hours ?><?cs /if ?><?cs /if ?><?cs
  if:#minutes % 60 > 0 || #minutes == 0 ?><?cs if:#minutes >= 60 ?> <?cs /if ?><?cs var:#minutes % 60 ?> <?cs if:#minutes % 60 == 1 ?><?cs var:L.Span.minute ?><?cs else ?><?cs var:L.Span.minutes ?><?cs /if ?><?cs /if ?><?cs
/def ?><?cs # An SLA target in words: "15 分钟", "2 小时", "1 个工作日" (t: its
       amount, t.unit: minute, hour or workday). ?><?cs def:target(t) ?><?cs
  if:t.unit == "workday" ?><?cs var:t ?> <?cs if:#t == 1 ?><?cs var:L.Span.workday ?><?cs else ?><?cs var:L.Span.workdays ?><?cs /if ?><?cs
  elif:t.unit == "hour" ?><?cs call:duration(#t * 60) ?><?cs
  else ?><?cs call:duration(t) ?><?cs /if ?><?cs
/def ?><?cs # The "*" after the label of a required field (the control itself
       carries required, which screen readers announce). ?><?cs def:required_mark() ?> <span class="req" aria-hidden="true">*</span><?cs /def ?><?cs # The space between two sentences: none after a Chinese full stop. ?><?cs def:gap() ?><?cs if:Lang.Code == "en" ?> <?cs /if ?><?cs /def ?><?cs # "Too long: CHARS characters, at most MAX allowed." ?><?cs def:too_long(max, chars) ?><?cs
  var:L.Err.TooLong.Now ?> <?cs var:chars ?> <?cs var:L.Err.TooLong.Max ?> <?cs var:max ?> <?cs var:L.Err.TooLong.Unit ?><?cs
/def ?><?cs # The message of a field's error; one over its limit says by how much
       (browsers are not asked to cut text at the limit: pasted text would
       be cut without a word). ?><?cs def:field_error(name) ?><?cs
  if:Form[name].error == "too_long" && Form[name].max ?><?cs call:too_long(Form[name].max, Form[name].chars) ?><?cs call:gap() ?><?cs var:L.Err.TooLong.Fix ?><?cs
  else ?><?cs var:L.Err[Form[name].error] ?><?cs /if ?><?cs
/def ?><?cs # One form field: label, control, error, help. name is the form key,
       label and help are already-translated text. ?><?cs def:field(name, label, help, type, required, max) ?>
<div class="field field-<?cs var:type ?><?cs if:Form[name].error ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:required ?><?cs call:required_mark() ?><?cs /if ?></label>
  <?cs if:type == "longtext" ?>
  <textarea id="f-<?cs var:name ?>" name="<?cs var:name ?>" rows="<?cs if:max > 5000 ?>6<?cs else ?>4<?cs /if ?>"<?cs if:max > 0 ?> data-maxchars="<?cs var:max ?>"<?cs /if ?><?cs if:required ?> required aria-required="true"<?cs /if ?><?cs if:Form[name].error ?> aria-invalid="true"<?cs /if ?><?cs if:Form[name].error || help ?> aria-describedby="<?cs if:Form[name].error ?>e-<?cs var:name ?> <?cs /if ?><?cs if:help ?>h-<?cs var:name ?><?cs /if ?>"<?cs /if ?>><?cs var:Form[name].value ?></textarea>
  <?cs else ?>
  <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs if:type == "datetime" ?>datetime-local<?cs elif:type == "email" ?>email<?cs elif:type == "phone" ?>tel<?cs elif:type == "date" ?>date<?cs elif:type == "number" ?>number<?cs else ?>text<?cs /if ?>" value="<?cs var:Form[name].value ?>"<?cs if:max > 0 && type != "datetime" && type != "date" ?> data-maxchars="<?cs var:max ?>"<?cs /if ?><?cs if:type == "email" ?> autocomplete="email" inputmode="email" spellcheck="false"<?cs elif:type == "phone" ?> autocomplete="tel" inputmode="tel"<?cs elif:type == "number" ?> inputmode="numeric"<?cs /if ?><?cs if:required ?> required aria-required="true"<?cs /if ?><?cs if:Form[name].error ?> aria-invalid="true"<?cs /if ?><?cs if:Form[name].error || help ?> aria-describedby="<?cs if:Form[name].error ?>e-<?cs var:name ?> <?cs /if ?><?cs if:help ?>h-<?cs var:name ?><?cs /if ?>"<?cs /if ?>>
  <?cs /if ?>
  <?cs if:Form[name].error ?><p class="error" id="e-<?cs var:name ?>"><?cs call:field_error(name) ?></p><?cs /if ?>
  <?cs if:help ?><p class="help" id="h-<?cs var:name ?>"><?cs var:help ?></p><?cs /if ?>
</div>
<?cs /def ?><?cs # A choice from a list of options (each with .code and .label): radio
       buttons, or checkboxes when multi. Each option is a large target. ?><?cs def:choice(name, label, help, options, required, multi) ?>
<fieldset class="field choice<?cs if:Form[name].error ?> has-error<?cs /if ?>"<?cs if:Form[name].error || help ?> aria-describedby="<?cs if:Form[name].error ?>e-<?cs var:name ?> <?cs /if ?><?cs if:help ?>h-<?cs var:name ?><?cs /if ?>"<?cs /if ?><?cs if:required && !multi ?> aria-required="true"<?cs /if ?>>
  <legend><?cs var:label ?><?cs if:required ?><?cs call:required_mark() ?><?cs /if ?></legend>
  <?cs if:Form[name].error ?><p class="error" id="e-<?cs var:name ?>"><?cs var:L.Err[Form[name].error] ?></p><?cs /if ?>
  <div class="opts">
  <?cs each:o = options ?>
    <label class="opt"><input type="<?cs if:multi ?>checkbox<?cs else ?>radio<?cs /if ?>" name="<?cs var:name ?>" value="<?cs var:o.code ?>"<?cs if:multi ?><?cs if:Form[name].sel[o.code] ?> checked<?cs /if ?><?cs elif:Form[name].value == o.code ?> checked<?cs /if ?><?cs if:required && !multi ?> required<?cs /if ?>><span><?cs var:o.label ?></span></label>
  <?cs /each ?>
  </div>
  <?cs if:help ?><p class="help" id="h-<?cs var:name ?>"><?cs var:help ?></p><?cs /if ?>
</fieldset>
<?cs /def ?><?cs # One of a category's own fields (Catalog.*.Fields.N), named
       cf_<name>: the portal form, the agents' intake and the admin preview
       draw it alike. ?><?cs def:cat_field(f) ?><?cs
if:f.type == "choice" || f.type == "multichoice" ?><?cs call:choice("cf_" + f.name, f.label, f.help, f.Options, f.required, f.type == "multichoice") ?><?cs
elif:f.type == "bool" ?>
<div class="field field-bool<?cs if:Form["cf_" + f.name].error ?> has-error<?cs /if ?>"><label class="opt"><input type="checkbox" id="f-cf_<?cs var:f.name ?>" name="cf_<?cs var:f.name ?>" value="1"<?cs if:Form["cf_" + f.name].value == "1" ?> checked<?cs /if ?><?cs if:f.required ?> required aria-required="true"<?cs /if ?>><span><?cs var:f.label ?><?cs if:f.required ?><?cs call:required_mark() ?><?cs /if ?></span></label>
  <?cs if:Form["cf_" + f.name].error ?><p class="error" id="e-cf_<?cs var:f.name ?>"><?cs var:L.Err[Form["cf_" + f.name].error] ?></p><?cs /if ?>
  <?cs if:f.help ?><p class="help"><?cs var:f.help ?></p><?cs /if ?></div><?cs
else ?><?cs call:field("cf_" + f.name, f.label, f.help, f.type, f.required, f.max) ?><?cs /if ?>
<?cs /def ?><?cs # One of the common fields (lib/commonfield.h), drawn when category k
       (Catalog.*Categories.N) asks for it in mode want, "required" or
       "optional": the portal form and the agents' intake draw them alike. ?><?cs def:common(k, name, want) ?><?cs if:k.Common[name] == want ?><?cs
  if:name == "impact" ?><?cs call:choice("impact", L.Form.impact, L.Form.impact_help, L.Form.ImpactOptions, want == "required", 0) ?><?cs
  elif:name == "started_at" || name == "expected_at" ?><?cs call:field(name, L.Form[name], L.Form[name + "_help"], "datetime", want == "required", 20) ?><?cs
  elif:name == "error_message" || name == "tried" ?><?cs call:field(name, L.Form[name], L.Form[name + "_help"], "longtext", want == "required", 5000) ?><?cs
  elif:name == "product" || name == "keywords" ?><?cs call:field(name, L.Form[name], L.Form[name + "_help"], "text", want == "required", 100) ?><?cs
  else ?><?cs call:field(name, L.Form[name], L.Form[name + "_help"], "text", want == "required", 50) ?><?cs /if ?><?cs /if ?><?cs /def ?><?cs
# The problem's common fields of one mode, in the order people think of them;
  then the product's. ?><?cs def:problem_fields(k, want) ?><?cs
  call:common(k, "impact", want) ?><?cs call:common(k, "started_at", want) ?><?cs
  call:common(k, "error_message", want) ?><?cs call:common(k, "tried", want) ?><?cs
  call:common(k, "expected_at", want) ?><?cs call:common(k, "keywords", want) ?><?cs /def ?><?cs
def:product_fields(k, want) ?><?cs call:common(k, "product", want) ?><?cs
  call:common(k, "product_version", want) ?><?cs call:common(k, "serial_number", want) ?><?cs /def ?><?cs # The core ticket fields (TicketFields, lib/desk/ticket/ticket_fields.h) that
       are not drawn by name: the portal's form (channel "portal") and the
       agents' intake ("agent") draw those the channel takes, the required
       ones when want is "required", the others when it is "optional". ?><?cs
def:core_fields(channel, want) ?><?cs each:tf = TicketFields ?><?cs
  if:tf.placed != "1" && tf.common != "1" && tf[channel] == "1" && ((want == "required" && tf[channel + "_required"] == "1") || (want != "required" && tf[channel + "_required"] != "1")) ?><?cs
    if:tf.type == "choice" ?><?cs call:choice(tf.name, tf.label, tf.help, tf.Options, want == "required", 0) ?><?cs
    else ?><?cs call:field(tf.name, tf.label, tf.help, tf.type, want == "required", tf.max) ?><?cs /if ?><?cs
  /if ?><?cs /each ?><?cs /def ?><?cs
# The values of those fields a ticket page's reader may see (Ticket.<name>),
  as rows of a definition list. ?><?cs
def:core_values() ?><?cs each:tf = TicketFields ?><?cs if:tf.placed != "1" && Ticket[tf.name] ?><div><dt><?cs var:tf.label ?></dt><dd<?cs if:tf.type == "longtext" ?> class="text"<?cs /if ?>><?cs
  if:tf.type == "choice" ?><?cs each:o = tf.Options ?><?cs if:o.code == Ticket[tf.name] ?><?cs var:o.label ?><?cs /if ?><?cs /each ?><?cs
  else ?><?cs var:Ticket[tf.name] ?><?cs /if ?></dd></div><?cs /if ?><?cs /each ?><?cs /def ?><?cs # The attachments control: several files at once. The server checks
       size and type again (lib/attachment.h); a browser cannot refill a
       file input, so a refused form asks to choose the files again. ?><?cs def:files(name, label) ?>
<div class="field field-files<?cs if:Form[name].error ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
  <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="file" multiple data-max-bytes="<?cs var:Attach.MaxBytes ?>" data-max-files="<?cs var:Attach.MaxFiles ?>" data-too-large="<?cs var:L.Err.file_too_large ?>" accept="image/*,video/*,text/*,.log,.pdf,.zip,.gz,.tar,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.csv,.json,.xml,.rtf" aria-describedby="<?cs if:Form[name].error ?>e-<?cs var:name ?> <?cs /if ?>h-<?cs var:name ?>"<?cs if:Form[name].error ?> aria-invalid="true"<?cs /if ?>>
  <?cs if:Form[name].error ?><p class="error" id="e-<?cs var:name ?>"><?cs if:Form[name].file ?>“<bdi><?cs var:Form[name].file ?></bdi>”：<?cs /if ?><?cs var:L.Err[Form[name].error] ?></p><?cs /if ?>
  <p class="help" id="h-<?cs var:name ?>"><?cs var:L.Attach.Help ?> <?cs var:Attach.Limit ?></p>
</div>
<?cs /def ?><?cs # The files that came with one message (event id), as links. ?><?cs def:event_files(event, base) ?><?cs
  set:shown = 0 ?><?cs each:a = Attachments ?><?cs if:a.event == event ?><?cs if:shown == 0 ?><ul class="files"><?cs set:shown = 1 ?><?cs /if ?>
  <li class="file<?cs if:a.image ?> file-image<?cs /if ?>"><?cs if:a.image ?><img class="thumb" src="<?cs var:base ?><?cs var:a.id ?>" alt=""><?cs else ?><span class="file-icon" aria-hidden="true"></span><?cs /if ?><a href="<?cs var:base ?><?cs var:a.id ?>" download><bdi><?cs var:a.name ?></bdi></a> <span class="file-size"><?cs var:a.size ?></span></li><?cs /if ?><?cs /each ?><?cs if:shown ?></ul><?cs /if ?><?cs
/def ?>
