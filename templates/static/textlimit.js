/* The count of characters in a text box with a limit (data-maxchars).
 * Browsers are not given maxlength: they would cut pasted text without a
 * word. The count shows near the limit and past it; the server refuses
 * what is over and says by how much. Code points are counted, as the
 * server counts them. No text lives here: "123 / 100" needs none. */
(function () {
  'use strict';
  document.querySelectorAll('[data-maxchars]').forEach(function (box) {
    var max = parseInt(box.getAttribute('data-maxchars'), 10);
    if (!(max > 0)) return;
    var count = document.createElement('span');
    count.className = 'char-count';
    count.setAttribute('aria-live', 'polite');
    box.insertAdjacentElement('afterend', count);
    function update() {
      var n = Array.from(box.value).length;
      count.hidden = n < max * 0.8;
      count.textContent = n + ' / ' + max;
      count.classList.toggle('over', n > max);
      box.classList.toggle('over-limit', n > max);
    }
    box.addEventListener('input', update);
    update();
  });
})();
