/*
 * The terminal's idle sign-out (WEB-INF/includes/terminal-bar.xhtml): when the idle monitor fires,
 * a warning counts down and then signs out; any touch or key stops it.
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
    stay: function () {
      clearInterval(timer);
      timer = null;
      PF('idleWarning').hide();
    }
  };
}());
