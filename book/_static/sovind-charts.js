// Upgrade every static figure to an interactive Vega-Lite chart.
// The chart library comes from _static/vendor/vega-bundle.js (shipped with the book).
// If anything fails, the static SVG stays in place.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof window.vegaEmbed !== "function") { return; }
  document.querySelectorAll(".sovind-figure").forEach(function (figure) {
    var container = figure.querySelector(".sovind-chart");
    var specNode = figure.querySelector("script.sovind-spec");
    if (!container || !specNode) { return; }
    var spec = JSON.parse(specNode.textContent);
    var target = document.createElement("div");
    target.className = "sovind-live";
    window.vegaEmbed(target, spec, { renderer: "svg", actions: false })
      .then(function () {
        container.replaceChildren(target);
        container.dataset.rendered = "interactive";
      })
      .catch(function (err) { container.dataset.rendered = "static"; console.warn(err); });
  });
});
