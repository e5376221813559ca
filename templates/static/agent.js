/* A click anywhere on a queue row opens the ticket (the number is a link too). */
(function () {
  document.querySelectorAll('tr[data-href]').forEach(function (tr) {
    tr.addEventListener('click', function (e) {
      if (e.target.closest('a, button, input, select, textarea')) return;
      window.location = tr.getAttribute('data-href');
    });
  });
})();
