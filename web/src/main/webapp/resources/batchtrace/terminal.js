/*
 * The terminal's idle sign-out (WEB-INF/includes/terminal-bar.xhtml): when the idle monitor fires,
 * a warning counts down and then signs out; any touch or key stops it. And the focus of the batch
 * page: after every action it goes to the one next input of the action bar (the scan field
 * first), never behind an open dialog.
 */
var BtTerminal = (function () {
  var timer = null;
  return {
    warn: function (seconds, signOutUrl) {
      var left = seconds;
      var shown = document.getElementById('idle-countdown');
      clearInterval(timer);
      shown.textContent = left;
      PF('idleWarning').show();
      timer = setInterval(function () {
        left -= 1;
        shown.textContent = Math.max(left, 0);
        if (left <= 0) {
          clearInterval(timer);
          window.location.href = signOutUrl;
        }
      }, 1000);
    },
    focusNext: function () {
      // After the update and the dialogs' callbacks: a dialog still open (a refused signature)
      // keeps the focus in its password field, and a field the operator is in keeps it (the
      // machine values' refresh must not move the cursor). Focus lost with a replaced element
      // goes to the action bar's next input.
      setTimeout(function () {
        if ($('.ui-dialog:visible').length) {
          return;
        }
        var active = document.activeElement;
        if (active && active !== document.body && document.body.contains(active)
            && $(active).is(':input')) {
          return;
        }
        var next = document.querySelector('.bt-action-bar .bt-next');
        if (next) {
          next.focus();
          // The current step (or the completion) in view above the bar, when it is not.
          var current = document.querySelector('section.bt-step-current, .bt-completion');
          if (current) {
            var top = current.getBoundingClientRect().top;
            if (top < 0 || top > window.innerHeight / 2) {
              current.scrollIntoView({block: 'start'});
            }
          }
        }
      }, 0);
    },
    stay: function () {
      clearInterval(timer);
      timer = null;
      PF('idleWarning').hide();
    }
  };
}());

// The batch page's focus (PrimeFaces' CSP mode allows no inline script in the page): on load and
// after every action's update. This file may load before jQuery: nothing here uses it until the
// page has loaded.
document.addEventListener('DOMContentLoaded', function () {
  BtTerminal.focusNext();
  $(document).on('pfAjaxComplete', function () {
    BtTerminal.focusNext();
  });
});
