/* Admin console: small improvements when JavaScript is on (every page works
 * without it). Copy buttons for a key shown once. No text lives here. */
(function () {
  'use strict';
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'sr';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error('copy failed'));
    });
  }
  document.querySelectorAll('button.copy[data-copy]').forEach(function (b) {
    var target = document.getElementById(b.getAttribute('data-copy'));
    if (!target) return;
    var original = b.textContent;
    b.hidden = false;
    b.addEventListener('click', function () {
      copyText(target.textContent.trim()).then(function () {
        b.textContent = b.getAttribute('data-copied');
        b.classList.add('done');
        setTimeout(function () { b.textContent = original; b.classList.remove('done'); }, 2500);
      }, function () {
        var range = document.createRange();
        range.selectNodeContents(target);
        var sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
      });
    });
  });
})();
