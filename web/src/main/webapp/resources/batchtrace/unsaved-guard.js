/*
 * Unsaved changes are not lost without a warning: while a page shows an element marked
 * .bt-unsaved (a working copy with changes not yet saved), leaving the page (a link, the
 * browser's back button, closing the tab, signing out) asks first. AJAX actions within the page
 * do not leave it and are not asked about.
 */
window.addEventListener('beforeunload', function (event) {
  if (document.querySelector('.bt-unsaved')) {
    event.preventDefault();
    event.returnValue = '';
    return '';
  }
});
