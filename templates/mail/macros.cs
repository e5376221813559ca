<?cs # Shared pieces of the notification texts (included by every file in
  templates/mail/; not a page of its own). Strings are L.Mail.* from
  templates/lang/mail.<code>.hdf; Lang.Code and Site.Name come from the
  language's global data set.

  REVIEWED EXCEPTION to "HTML escaping on everywhere": the mail templates
  print with uvar: (raw), never var:. What they produce is plain text, never
  HTML: lib/outbox.c takes the first line as the subject, which
  lib/mailer.c strips of control characters and writes as RFC 2047
  encoded-words, and the body travels base64-encoded in a text/plain part;
  HTML entities would show up literally ("&lt;" for "<") in a customer's
  mail. (An escape:"none" block is not used because ClearSilver 0.10.5
  still escapes a var: nested in an if: inside it.) Keep it that way: no
  HTML mail from these files, and never lvar:/evar: (they would run a value
  as template code). tests/unit/test_outbox.c fails on any entity.

  Output layout: every macro that prints a line prints its own newline, so
  a file can chain tags without leaving stray blank lines; lib/outbox.c
  then trims trailing spaces and extra blank lines. ?><?cs

# The separator after a label: "：" in Chinese, ": " in English. ?><?cs
def:sep() ?><?cs if:Lang.Code == "en" ?>: <?cs else ?>：<?cs /if ?><?cs /def ?><?cs

# A space between sentences in English, none in Chinese. ?><?cs
def:sp() ?><?cs if:Lang.Code == "en" ?> <?cs /if ?><?cs /def ?><?cs

# "[工单 20261125-0001]" / "[Ticket 20261125-0001]" ?><?cs
def:tag() ?>[<?cs uvar:L.Mail.Ticket ?> <?cs uvar:Ticket.number ?>]<?cs /def ?><?cs

# The subject line: tag, what happened, the ticket's own subject. ?><?cs
def:subject(what) ?>Subject: <?cs call:tag() ?> <?cs uvar:what ?><?cs
  if:Ticket.subject ?><?cs call:sep() ?><?cs uvar:Ticket.subject ?><?cs /if ?>
<?cs /def ?><?cs

# The start of an SMS: "【售后服务中心】" / "[Service Desk] ". ?><?cs
def:sms_start() ?><?cs if:Lang.Code == "en" ?>[<?cs uvar:Site.Name ?>] <?cs
  else ?>【<?cs uvar:Site.Name ?>】<?cs /if ?><?cs uvar:L.Mail.Ticket ?> <?cs
  uvar:Ticket.number ?> <?cs /def ?><?cs

# One fact line: "  标签：值". ?><?cs
def:fact(label, value) ?>  <?cs uvar:label ?><?cs call:sep() ?><?cs uvar:value ?>
<?cs /def ?><?cs

# One deadline line: "  标签：不晚于 2026-11-25 10:00"; nothing without a time. ?><?cs
def:due(label, when) ?><?cs if:when ?>  <?cs uvar:label ?><?cs call:sep() ?><?cs
  uvar:L.Mail.By ?> <?cs uvar:when ?>
<?cs /if ?><?cs /def ?><?cs

# A priority code as its name in the catalogue (falls back to the value). ?><?cs
def:priority_name(p) ?><?cs if:Catalog.Priorities[p].name ?><?cs
  uvar:Catalog.Priorities[p].name ?><?cs else ?><?cs uvar:p ?><?cs /if ?><?cs /def ?><?cs

# A deadline clock's name: classify, accept, first_response, resolution,
  update or escalation (falls back to the code). ?><?cs
def:clock_name(k) ?><?cs if:L.Mail.Clock[k] ?><?cs uvar:L.Mail.Clock[k] ?><?cs
  else ?><?cs uvar:k ?><?cs /if ?><?cs /def ?><?cs

# A stretch of time from view_set_span(): "3 天 5 小时", "2 小时 15 分钟". ?><?cs
def:span(d) ?><?cs if:#d.days > 0 ?><?cs uvar:d.days ?> <?cs uvar:L.Mail.Span.d ?><?cs
  if:#d.hours > 0 ?> <?cs uvar:d.hours ?> <?cs uvar:L.Mail.Span.h ?><?cs /if ?><?cs
  elif:#d.hours > 0 ?><?cs uvar:d.hours ?> <?cs uvar:L.Mail.Span.h ?><?cs
  if:#d.minutes > 0 ?> <?cs uvar:d.minutes ?> <?cs uvar:L.Mail.Span.min ?><?cs /if ?><?cs
  else ?><?cs uvar:d.minutes ?> <?cs uvar:L.Mail.Span.min ?><?cs /if ?><?cs /def ?><?cs

# The usual facts of a ticket: number, subject, category (Ticket.category, or
  the catalogue's name of Ticket.category_id), priority. ?><?cs
def:ticket_facts() ?><?cs call:fact(L.Mail.Number, Ticket.number) ?><?cs
  if:Ticket.subject ?><?cs call:fact(L.Mail.Summary, Ticket.subject) ?><?cs /if ?><?cs
  if:Ticket.category ?><?cs call:fact(L.Mail.Category, Ticket.category) ?><?cs
  elif:Catalog.CategoryName[Ticket.category_id] ?><?cs
    call:fact(L.Mail.Category, Catalog.CategoryName[Ticket.category_id]) ?><?cs /if ?><?cs
  if:Ticket.priority ?>  <?cs uvar:L.Mail.Priority ?><?cs call:sep() ?><?cs
    call:priority_name(Ticket.priority) ?>
<?cs /if ?><?cs /def ?><?cs

# "Dear Zhang San," or "Hello,", then a blank line. ?><?cs
def:greeting() ?><?cs if:Recipient.name ?><?cs uvar:L.Mail.Dear ?><?cs
  if:Lang.Code == "en" ?> <?cs /if ?><?cs uvar:Recipient.name ?><?cs uvar:L.Mail.DearEnd ?><?cs
  else ?><?cs uvar:L.Mail.Hello ?><?cs /if ?>

<?cs /def ?><?cs

# A free text (reply, solution, note) set off by blank lines. ?><?cs
def:text(t) ?><?cs if:t ?>
<?cs uvar:t ?>

<?cs /if ?><?cs /def ?><?cs

# The link, after its label, on a line of its own. ?><?cs
def:link(label, url) ?><?cs if:url ?>
<?cs uvar:label ?>
<?cs uvar:url ?>
<?cs /if ?><?cs /def ?><?cs

# Signature and the no-reply note. ?><?cs
def:signature() ?>

<?cs uvar:Site.Name ?>
<?cs uvar:L.Mail.AutoNote ?>
<?cs /def ?>
