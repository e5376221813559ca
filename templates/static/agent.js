/* Agent workspace: small improvements on pages that work without JavaScript.
 *   - a click anywhere on a queue row opens the ticket (the number is a link);
 *   - "/" puts the cursor in the top bar's search;
 *   - the reply box becomes tabs: reply / internal note / finding;
 *   - one action menu (<details>) open at a time, Escape closes it;
 *   - a step's panel opens with the cursor in its first field;
 *   - the reply button names the status the reply will set;
 *   - deadline chips count down while the page is open;
 *   - a form is sent once, even on a double click. */
(function () {
  'use strict';
  var doc = document;
  doc.documentElement.classList.add('js');

  /* ---- queue rows ------------------------------------------------------ */
  doc.querySelectorAll('tr[data-href]').forEach(function (tr) {
    tr.addEventListener('click', function (e) {
      if (e.target.closest('a, button, input, select, textarea, label')) return;
      if (window.getSelection && String(window.getSelection()).length) return; // selecting text
      var href = tr.getAttribute('data-href');
      if (e.ctrlKey || e.metaKey || e.button === 1) window.open(href, '_blank');
      else window.location.href = href;
    });
  });

  /* ---- "/" focuses the search ------------------------------------------ */
  var search = doc.getElementById('q');
  doc.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || !search) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    search.focus();
    search.select();
  });

  /* ---- the reply box as tabs -------------------------------------------- */
  var composer = doc.querySelector('.composer');
  if (composer) {
    var panes = Array.prototype.slice.call(composer.querySelectorAll('.pane[data-tab]'));
    if (panes.length > 1) {
      var list = doc.createElement('div');
      list.className = 'tabs';
      list.setAttribute('role', 'tablist');
      list.setAttribute('aria-label', (composer.querySelector('h2') || {}).textContent || '');
      var tabs = panes.map(function (pane) {
        var name = pane.id.replace(/^pane-/, '');
        var tab = doc.createElement('button');
        tab.type = 'button';
        tab.id = 'tab-' + name;
        tab.className = 'tab-' + name;
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-controls', pane.id);
        tab.setAttribute('data-name', name);
        tab.textContent = pane.getAttribute('data-tab');
        pane.setAttribute('role', 'tabpanel');
        pane.setAttribute('aria-labelledby', tab.id);
        list.appendChild(tab);
        return tab;
      });
      var select = function (name, focus) {
        tabs.forEach(function (tab, i) {
          var on = tab.getAttribute('data-name') === name;
          tab.setAttribute('aria-selected', on ? 'true' : 'false');
          tab.tabIndex = on ? 0 : -1;
          panes[i].hidden = !on;
          if (on && focus) tab.focus();
        });
        composer.setAttribute('data-active', name);
      };
      list.addEventListener('click', function (e) {
        var tab = e.target.closest('[role=tab]');
        if (!tab) return;
        select(tab.getAttribute('data-name'));
        var box = doc.getElementById(tab.getAttribute('aria-controls')).querySelector('textarea');
        if (box) box.focus();
      });
      list.addEventListener('keydown', function (e) {
        var i = tabs.indexOf(doc.activeElement);
        if (i < 0) return;
        var to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1
               : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
        if (to === null) return;
        e.preventDefault();
        select(tabs[(to + tabs.length) % tabs.length].getAttribute('data-name'), true);
      });
      composer.insertBefore(list, panes[0]);
      composer.classList.add('tabbed');
      var first = composer.getAttribute('data-active');
      select(tabs.some(function (t) { return t.getAttribute('data-name') === first; })
        ? first : tabs[0].getAttribute('data-name'));
    }
  }

  /* ---- action menus --------------------------------------------------- */
  var menus = Array.prototype.slice.call(doc.querySelectorAll('details.menu'));
  menus.forEach(function (d) {
    d.addEventListener('toggle', function () {
      if (!d.open) return;
      menus.forEach(function (o) { if (o !== d) o.open = false; });
      var first = d.querySelector('.pop .item, .pop select, .pop input:not([type=hidden]), .pop textarea');
      if (first) first.focus();
    });
  });
  doc.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    menus.forEach(function (d) {
      if (d.open) { d.open = false; d.querySelector('summary').focus(); }
    });
  });
  doc.addEventListener('click', function (e) {
    menus.forEach(function (d) { if (d.open && !d.contains(e.target)) d.open = false; });
  });

  /* ---- step panels --------------------------------------------------- */
  /* A panel opens with its link (#p-CODE, CSS :target) or because its form
   * came back with an error (.open); following another link or "cancel"
   * leaves only the chosen one open, with the cursor in its first field. */
  var panels = Array.prototype.slice.call(doc.querySelectorAll('.panel[id^="p-"]'));
  var showPanel = function () {
    var id = window.location.hash.slice(1);
    panels.forEach(function (p) { if (p.id !== id) p.classList.remove('open'); });
    var shown = id && doc.getElementById(id);
    if (!shown || panels.indexOf(shown) < 0) return;
    menus.forEach(function (d) { d.open = false; });
    var first = shown.querySelector('textarea, select, input:not([type=hidden])');
    if (first) first.focus({ preventScroll: true });
    shown.scrollIntoView({ block: 'nearest' });
  };
  window.addEventListener('hashchange', showPanel);
  doc.querySelectorAll('a[href^="#p-"]').forEach(function (a) {
    a.addEventListener('click', function () {
      if (window.location.hash === a.getAttribute('href')) window.setTimeout(showPanel, 0);
    });
  });

  /* ---- the reply button says what it will do ------------------------- */
  var then = doc.getElementById('reply-then'), go = doc.getElementById('reply-go');
  if (then && go) {
    var label = function () {
      var o = then.options[then.selectedIndex];
      go.textContent = o && o.value ? o.getAttribute('data-and') : go.getAttribute('data-plain');
    };
    then.addEventListener('change', label);
    label();
  }

  /* ---- live deadline chips ----------------------------------------------- */
  var words = doc.body.dataset;
  var chips = doc.querySelectorAll('.sla[data-left]');
  var start = Date.now();
  var span = function (min) {
    var d = Math.floor(min / 1440), h = Math.floor(min / 60) % 24, m = min % 60;
    if (d > 0) return d + ' ' + words.slaDays + (h > 0 ? ' ' + h + ' ' + words.slaHours : '');
    if (h > 0) return h + ' ' + words.slaHours + (m > 0 ? ' ' + m + ' ' + words.slaMinutes : '');
    return m + ' ' + words.slaMinutes;
  };
  var phrase = function (before, text, after) {
    return (before ? before + ' ' : '') + text + (after ? ' ' + after : '');
  };
  var tick = function () {
    var gone = Math.floor((Date.now() - start) / 60000);
    chips.forEach(function (c) {
      var left = parseInt(c.getAttribute('data-left'), 10) - gone;
      if (isNaN(left) || gone === 0) return;
      if (left < 0) {
        c.classList.remove('sla-ok', 'sla-warn');
        c.classList.add('sla-breach');
        c.textContent = phrase(words.slaOver, span(-left), words.slaOverAfter);
      } else {
        c.textContent = phrase(words.slaLeft, span(left), words.slaLeftAfter);
      }
    });
  };
  if (chips.length && words.slaMinutes) window.setInterval(tick, 15000);

  /* ---- send a form once --------------------------------------------- */
  doc.addEventListener('submit', function (e) {
    var f = e.target;
    if (f.method.toLowerCase() !== 'post') return;
    if (f.getAttribute('data-sent')) { e.preventDefault(); return; }
    f.setAttribute('data-sent', '1');
  });
  window.addEventListener('pageshow', function () {
    doc.querySelectorAll('form[data-sent]').forEach(function (f) { f.removeAttribute('data-sent'); });
  });
})();

/* Reply templates (templates/agent/reply_templates.cs): "insert" puts the
 * template's text, already filled in for the ticket, into the reply box at
 * the cursor. */
(function () {
  'use strict';
  document.querySelectorAll('button.reply-insert').forEach(function (b) {
    var box = document.getElementById(b.getAttribute('data-target'));
    var text = b.closest('.reply-tpl').querySelector('.reply-tpl-text');
    if (!box || !text) return;
    b.hidden = false;
    b.addEventListener('click', function () {
      var t = text.textContent, at = box.selectionStart || 0, end = box.selectionEnd || at;
      if (typeof box.setRangeText === 'function') box.setRangeText(t, at, end, 'end');
      else box.value += t;
      var menu = b.closest('details');
      if (menu) menu.open = false;
      box.focus();
    });
  });
}());

/* Print buttons (the printed page is the same without them). */
(function () {
  'use strict';
  document.querySelectorAll('button[data-print]').forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });
}());
