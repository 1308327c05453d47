// Draws the dashboard's chart from the JSON the page carries (#chart-data): one line per series that its service
// answered; the table below the chart holds the same figures for readers without JavaScript.
(function () {
  var holder = document.getElementById('chart');
  var source = document.getElementById('chart-data');
  if (!holder || !source || typeof uPlot === 'undefined') { return; }
  var chart = JSON.parse(source.textContent);
  var colours = ['#a4161a', '#e85d04', '#1d4ed8', '#15803d'];
  var xs = chart.months.map(function (m) { return Date.UTC(+m.slice(0, 4), +m.slice(5, 7) - 1, 15) / 1000; });
  var data = [xs];
  var series = [{}];
  chart.series.forEach(function (s, i) {
    if (!s.values) { return; }
    data.push(s.values);
    series.push({ label: s.label, stroke: colours[i % colours.length], width: 2 });
  });
  var plot = new uPlot({
    width: Math.min(holder.clientWidth || 900, 1100), height: 320, series: series,
    scales: { x: { time: true } }, axes: [{}, { label: 'count' }]
  }, data, holder);
  holder.dataset.drawn = String(series.length - 1);
  window.consoleChart = { months: chart.months, series: chart.series, plot: plot };
})();
