/*
 * The p:chart extender of bt:processData: shows the x axis (epoch milliseconds) as times in the
 * site's zone, and draws the exception periods (options.plugins.btProcess.periods) as shaded bands
 * behind the values: red for a CPP excursion, grey for a data gap. The configuration is JSON from
 * the server (ProcessCharts), which cannot carry functions; this adds them.
 */
(function () {
  var bands = {
    id: 'btProcess',
    beforeDatasetsDraw: function (chart, args, options) {
      var area = chart.chartArea;
      var x = chart.scales.x;
      var ctx = chart.ctx;
      (options.periods || []).forEach(function (period) {
        var left = Math.max(x.getPixelForValue(period.from), area.left);
        var right = Math.min(x.getPixelForValue(period.to), area.right);
        ctx.save();
        ctx.fillStyle = period.kind === 'CPP_EXCURSION' ? 'rgba(220, 38, 38, 0.15)' : 'rgba(107, 114, 128, 0.2)';
        ctx.fillRect(left, area.top, Math.max(right - left, 3), area.bottom - area.top);
        ctx.restore();
      });
    }
  };

  window.btProcessChart = function () {
    var config = this.cfg.config;
    var zone = config.options.plugins.btProcess.zone;
    var time = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit'
    });
    var full = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, year: 'numeric', month: 'short', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short'
    });
    config.plugins = [bands];
    config.options.scales.x.ticks = {
      maxTicksLimit: 8,
      callback: function (value) { return time.format(new Date(value)); }
    };
    config.options.plugins.tooltip = {
      callbacks: {
        title: function (items) { return items.length ? full.format(new Date(items[0].parsed.x)) : ''; }
      }
    };
  };
})();
