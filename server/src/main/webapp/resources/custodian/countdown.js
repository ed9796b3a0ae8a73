// Live countdowns to a deadline: every element with class "countdown" and a data-deadline
// attribute (epoch milliseconds) shows the time left, or how late it is, updated each second.
(function () {
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('.countdown[data-deadline]').forEach(function (el) {
      var ms = Number(el.getAttribute('data-deadline')) - now;
      var late = ms < 0;
      ms = Math.abs(ms);
      var h = Math.floor(ms / 3600000), m = Math.floor(ms % 3600000 / 60000), s = Math.floor(ms % 60000 / 1000);
      el.textContent = (late ? 'overdue by ' : '') + h + ' h ' + pad(m) + ' min ' + pad(s) + ' s' + (late ? '' : ' left');
      el.className = 'countdown' + (late ? ' late' : (ms < 4 * 3600000 ? ' soon' : ''));
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    tick();
    setInterval(tick, 1000);
  });
})();
