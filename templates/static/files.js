/* Attachment pickers, on the portal and the agent pages alike. */
(function () {
  'use strict';
  /* Several files picked in one input would reach the server under one
   * field name, which keeps only the last file's name: on submit, each file
   * goes in its own hidden input (files.0, files.1, ...). Without script the
   * files still arrive, named attachment-1, -2 ... A file over the size limit is
   * refused here at once; the server checks again. */
  document.querySelectorAll('input[type=file][multiple]').forEach(function (input) {
    var form = input.form;
    if (!form || typeof DataTransfer === 'undefined') return;
    input.addEventListener('change', function () {
      var max = parseInt(input.getAttribute('data-max-bytes') || '0', 10);
      var big = Array.prototype.filter.call(input.files, function (f) { return max && f.size > max; });
      input.setCustomValidity(big.length ? big[0].name + ': ' + (input.getAttribute('data-too-large') || 'too large') : '');
      if (big.length) input.reportValidity();
    });
    form.addEventListener('submit', function () {
      if (!input.files || input.files.length < 2 || input.disabled) return;
      Array.prototype.forEach.call(input.files, function (file, i) {
        var dt = new DataTransfer();
        dt.items.add(file);
        var one = document.createElement('input');
        one.type = 'file';
        one.name = input.name + '.' + i;
        one.hidden = true;
        one.files = dt.files;
        form.appendChild(one);
      });
      input.disabled = true;
    });
  });
})();
