// Upgrade every figure to an interactive Vega-Lite chart.
// The chart library comes from _static/vendor/vega-bundle.js (shipped with the book).
// Without JavaScript the <noscript> static SVG shows; if the chart cannot be drawn,
// the same static SVG is put in its place.
document.addEventListener("DOMContentLoaded", function () {
  function showStatic(container) {
    var fallback = container.querySelector("noscript");
    if (fallback) { container.innerHTML = fallback.textContent; }
    container.dataset.rendered = "static";
  }
  document.querySelectorAll(".sovind-figure").forEach(function (figure) {
    var container = figure.querySelector(".sovind-chart");
    var specNode = figure.querySelector("script.sovind-spec");
    if (!container || !specNode) { return; }
    if (typeof window.vegaEmbed !== "function") { showStatic(container); return; }
    var spec = JSON.parse(specNode.textContent);
    var target = document.createElement("div");
    target.className = "sovind-live";
    window.vegaEmbed(target, spec, { renderer: "svg", actions: false })
      .then(function () {
        container.replaceChildren(target);
        container.dataset.rendered = "interactive";
      })
      .catch(function (err) { showStatic(container); console.warn(err); });
  });
});
