// The dashboards' charts: each [data-chart] element holds an ECharts
// option written by the server; its table is beside it on the page.
(function () {
  "use strict";
  function draw() {
    if (!window.echarts) return;
    var charts = [];
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var opt;
      try { opt = JSON.parse(el.getAttribute("data-chart")); } catch (e) { return; }
      if (el.clientWidth < 500) narrow(opt);
      var c = echarts.init(el, null, { renderer: "canvas" });
      c.setOption(opt);
      el.setAttribute("data-drawn", "1");
      charts.push(c);
    });
    var t;
    window.addEventListener("resize", function () {
      clearTimeout(t);
      t = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 120);
    });
  }
  // narrow fits an option to a phone: shorter category names, fewer
  // value ticks, pie names in the legend only.
  function narrow(opt) {
    [].concat(opt.yAxis || [], opt.xAxis || []).forEach(function (ax) {
      if (ax.type === "category" && ax.axisLabel && ax.axisLabel.width) ax.axisLabel.width = 84;
      if (ax.type === "value") ax.splitNumber = 3;
    });
    (opt.series || []).forEach(function (s) {
      if (s.type === "pie") { s.label = { show: false }; s.center = ["50%", "42%"]; }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
