// Charts: draws every <canvas data-chart="{labels, series, horizontal}"> with Chart.js, which is loaded on the first
// page that has one, and again after each htmx swap (the canvases of a swapped report are new); a drawn canvas gets
// data-chart-drawn. No inline script or eval is needed, as the Content-Security-Policy forbids both: the data travel
// in the attribute.
(function () {
  'use strict';
  var library = document.currentScript && document.currentScript.dataset.library;
  var waiting = null;
  var numbers = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

  function withChartJs(then) {
    if (window.Chart) { then(); return; }
    if (waiting) { waiting.push(then); return; }
    waiting = [then];
    var tag = document.createElement('script');
    tag.src = library;
    tag.onload = function () {
      var callbacks = waiting;
      waiting = null;
      callbacks.forEach(function (callback) { callback(); });
    };
    document.head.appendChild(tag);
  }

  function format(value, percent) {
    return value === null || value === undefined ? '—' : numbers.format(value) + (percent ? ' %' : '');
  }

  function config(spec) {
    var valueAxis = spec.horizontal ? 'x' : 'y';
    var axisKey = valueAxis + 'AxisID';
    var scales = {};
    scales[valueAxis] = {
      beginAtZero: true, ticks: { precision: 0, callback: function (v) { return format(v, false); } }
    };
    var datasets = spec.series.map(function (s) {
      var percent = s.axis === 'percent';
      var dataset = {
        type: percent ? 'line' : 'bar', label: s.label, data: s.values, order: percent ? 0 : 1,
        backgroundColor: s.color, borderColor: s.color, pointRadius: 4, percent: percent
      };
      if (percent) {
        dataset[axisKey] = 'percent';
        scales.percent = {
          position: spec.horizontal ? 'top' : 'right', min: 0, max: 100, grid: { drawOnChartArea: false },
          ticks: { callback: function (v) { return v + ' %'; } }
        };
      }
      return dataset;
    });
    return {
      type: 'bar',
      data: { labels: spec.labels, datasets: datasets },
      options: {
        indexAxis: spec.horizontal ? 'y' : 'x', responsive: true, maintainAspectRatio: false, animation: false,
        scales: scales,
        plugins: {
          legend: { position: 'bottom', labels: { sort: function (a, b) { return a.datasetIndex - b.datasetIndex; } } },
          tooltip: {
            callbacks: {
              label: function (item) {
                return item.dataset.label + ': ' + format(item.parsed[valueAxis], item.dataset.percent);
              }
            }
          }
        }
      }
    };
  }

  function drawAll() {
    Object.values(Chart.instances).forEach(function (chart) {
      if (!chart.canvas.isConnected) { chart.destroy(); }
    });
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (!Chart.getChart(canvas)) {
        new Chart(canvas, config(JSON.parse(canvas.dataset.chart)));
        canvas.setAttribute('data-chart-drawn', '');
      }
    });
  }

  function draw() {
    if (document.querySelector('canvas[data-chart]')) { withChartJs(drawAll); }
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSwap', draw);
})();
