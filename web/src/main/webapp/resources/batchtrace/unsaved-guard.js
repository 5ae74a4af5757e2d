/*
 * Unsaved changes are not lost without a warning: while a page shows an element marked
 * .bt-unsaved (a working copy with changes not yet saved), a link that leaves the page asks first
 * (a dialog of the page itself, so it reads the same in every browser), and so does the browser
 * when the page is closed, reloaded or left with its back button. AJAX actions within the page do
 * not leave it and are not asked about.
 */
(function () {
  var leaving = false;
  function unsaved() {
    return !leaving && document.querySelector('.bt-unsaved') !== null;
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[href]') : null;
    if (!link || !unsaved()) {
      return;
    }
    var href = link.getAttribute('href');
    if (href.charAt(0) === '#' || href.indexOf('javascript:') === 0 || link.target === '_blank'
        || link.hasAttribute('download')) {
      return;
    }
    if (window.confirm('This page has changes that are not saved. Leave it and lose them?')) {
      leaving = true;
    } else {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);
  window.addEventListener('beforeunload', function (event) {
    if (unsaved()) {
      event.preventDefault();
      event.returnValue = '';
      return '';
    }
  });
})();
