/* Small improvements when JavaScript is on; every page works without it.
 * No text lives here: labels come from data- attributes the templates fill
 * from the language files. */
(function () {
  'use strict';

  /* Copy buttons: the Clipboard API where the page is a secure context,
   * otherwise a selection and execCommand (intranet pages over plain http). */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'sr-only';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error('copy failed')); }
    });
  }

  document.querySelectorAll('button.copy[data-copy]').forEach(function (b) {
    var target = document.getElementById(b.getAttribute('data-copy'));
    if (!target) return;
    var label = b.querySelector('.copy-text') || b;
    var original = label.textContent;
    var name = b.getAttribute('aria-label');
    var timer = null;
    b.hidden = false;
    b.addEventListener('click', function () {
      copyText(target.textContent.trim()).then(function () {
        label.textContent = b.getAttribute('data-done');
        if (name) b.setAttribute('aria-label', b.getAttribute('data-done'));
        b.classList.add('done');
        clearTimeout(timer);
        timer = setTimeout(function () {
          label.textContent = original;
          if (name) b.setAttribute('aria-label', name);
          b.classList.remove('done');
        }, 2500);
      }, function () {
        /* cannot copy here: select the text so the user can copy it */
        var range = document.createRange();
        range.selectNodeContents(target);
        var sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
      });
    });
  });

  /* Print buttons (the printed page is the same without them). */
  document.querySelectorAll('button[data-print]').forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });

  /* After a refused submission, move focus to the summary of errors so
   * keyboard and screen-reader users start there. */
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }

  /* One click, one submission (the server also refuses the second). The
   * button comes back when the page is shown again from the back/forward
   * cache. */
  document.querySelectorAll('form.request').forEach(function (f) {
    var b = f.querySelector('button[type=submit]');
    if (!b) return;
    var idle = b.textContent;
    f.addEventListener('submit', function () {
      setTimeout(function () {
        b.disabled = true;
        b.textContent = b.getAttribute('data-busy');
      }, 0);
    });
    window.addEventListener('pageshow', function (e) {
      if (e.persisted) {
        b.disabled = false;
        b.textContent = idle;
      }
    });
  });
})();
