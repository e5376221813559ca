/* Small improvements when JavaScript is on; every page works without it. */
(function () {
  document.querySelectorAll('button.copy[data-copy]').forEach(function (b) {
    if (!navigator.clipboard) return;
    b.hidden = false;
    b.addEventListener('click', function () {
      var el = document.getElementById(b.getAttribute('data-copy'));
      navigator.clipboard.writeText(el.textContent.trim()).then(function () {
        b.textContent = b.getAttribute('data-done');
      });
    });
  });
  /* one click, one submission: the server also refuses the second */
  document.querySelectorAll('form.request').forEach(function (f) {
    f.addEventListener('submit', function () {
      var b = f.querySelector('button[type=submit]');
      setTimeout(function () { b.disabled = true; b.textContent = b.getAttribute('data-busy'); }, 0);
    });
  });
})();
