// Upgrade every figure to an interactive Vega-Lite chart, drawn for the reader's screen and theme.
// The chart library comes from _static/vendor/vega-bundle.js (shipped with the book).
// Without JavaScript the <noscript> static SVG shows; if the chart cannot be drawn,
// the same static SVG is put in its place.
//
// On a narrow screen the chart is reflowed rather than shrunk: side-by-side panels are stacked,
// small multiples go one to a row, every panel takes the width available, legends go below,
// and the chart's own title is dropped (the caption under it carries the same title). Text
// therefore keeps its size (11-12 px) instead of being scaled down with the picture. In dark
// mode the axes, legends and titles are drawn in light colours on the page's background. A
// change of theme, or a resize across the narrow threshold, redraws the charts.
(function () {
  var NARROW = 600;  // px of chart container below which a chart is always reflowed

  function clone(value) { return JSON.parse(JSON.stringify(value)); }

  function merge(target, extra) {
    Object.keys(extra).forEach(function (key) {
      var value = extra[key];
      if (value && typeof value === "object" && !Array.isArray(value)) {
        target[key] = merge(target[key] && typeof target[key] === "object" ? target[key] : {}, value);
      } else {
        target[key] = value;
      }
    });
    return target;
  }

  function setWidth(view, width) {
    if (view.width === undefined || typeof view.width === "number") { view.width = width; }
  }

  // Keep an encoding's own axis and legend settings within the width (they override the config).
  function limitEncoding(encoding, width, inner) {
    Object.keys(encoding).forEach(function (channel) {
      var def = encoding[channel];
      if (!def || typeof def !== "object") { return; }
      var legendChannel = ["color", "fill", "stroke", "shape", "strokeDash", "size", "opacity"].indexOf(channel) >= 0;
      if (legendChannel && def.legend === undefined && def.field) { def.legend = {}; }
      if (def.legend && typeof def.legend === "object") {
        def.legend.labelLimit = inner - 30;
        def.legend.titleLimit = inner;
        if (!def.legend.labelExpr) { def.legend.labelExpr = twoLines(inner - 30); }
      }
      // A category label too long for the space beside a chart goes on two lines, broken at a space, so that
      // labels that differ only at the end (one source's several estimates) stay apart on a phone.
      var category = channel === "y" && (def.type === "nominal" || def.type === "ordinal") && def.axis !== null;
      if (category && typeof def.axis !== "object") { def.axis = {}; }
      if (def.axis && typeof def.axis === "object") {
        def.axis.labelLimit = Math.min(def.axis.labelLimit || Math.round(width / 2), Math.round(width / 2));
        if (category && !def.axis.labelExpr) { def.axis.labelExpr = twoLines(def.axis.labelLimit); }
      }
      // An axis title longer than the panel goes on two or more lines (12 px type: about 7 px a character).
      if ((channel === "x" || channel === "y") && typeof def.title === "string") {
        def.title = wrapText(def.title, Math.max(16, Math.floor((channel === "x" ? inner : 280) / 7)));
      }
    });
  }

  // Break text into lines of at most `most` characters, at spaces; one line stays a string.
  function wrapText(text, most) {
    var lines = [], line = "";
    text.split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > most) { lines.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    if (line) { lines.push(line); }
    return lines.length > 1 ? lines : text;
  }

  // Break a chart title into lines that fit `px` (15 px bold type: about 9 px a character), rather than
  // cutting it short with an ellipsis.
  function wrapTitle(title, px) {
    var spec = typeof title === "string" ? { text: title } : clone(title);
    if (typeof spec.text === "string") { spec.text = wrapText(spec.text, Math.max(20, Math.floor(px / 9))); }
    return spec;
  }

  // A legend or category label too long for `px` (11 px type: about 6.5 px a character) goes on two lines, broken at
  // the last space that fits, so that two sources differing only at the end stay apart on a phone.
  function twoLines(px) {
    var most = Math.max(12, Math.floor(px / 6.5));
    var head = "substring(datum.label, 0, " + most + ")";
    var cut = "lastindexof(" + head + ", ' ')";
    return "length(datum.label) > " + most + " && " + cut + " > 0 ? [substring(datum.label, 0, " + cut +
      "), substring(datum.label, " + cut + " + 1)] : datum.label";
  }

  // Reflow a spec for a container `width` px wide, each panel `inner` px wide; a narrow screen also
  // loses the chart's own title (the caption gives it).
  function reflow(spec, width, inner, narrow) {
    function visit(node, inLayer) {
      if (!node || typeof node !== "object") { return; }
      if (node.encoding) { limitEncoding(node.encoding, width, inner); }
      if (inLayer === false && node !== top && typeof node.title === "string") {  // a panel's own title
        node.title = { text: node.title, limit: inner, fontSize: 12 };
      }
      if (Array.isArray(node.hconcat)) { node.vconcat = node.hconcat; delete node.hconcat; }
      if (node.facet && node.columns) { node.columns = 1; }
      if (node.spec) { setWidth(node.spec, inner); visit(node.spec, false); }
      if (Array.isArray(node.layer)) {
        if (!inLayer) { setWidth(node, inner); }
        node.layer.forEach(function (child) { visit(child, true); });
      } else if (node.mark && !inLayer && !node.spec) {
        setWidth(node, inner);
      }
      ["vconcat", "concat"].forEach(function (key) {
        (node[key] || []).forEach(function (child) { visit(child, false); });
      });
    }
    var out = clone(spec);
    if (narrow) { delete out.title; }  // the caption below the chart gives the title
    else if (out.title) { out.title = wrapTitle(out.title, width - 10); }
    var top = out;
    visit(out, false);
    out.config = merge(out.config || {}, {
      axis: { labelFontSize: 11, titleFontSize: 12, labelOverlap: "greedy", labelLimit: Math.round(width / 2) },
      legend: { orient: "bottom", direction: "vertical", labelFontSize: 11, titleFontSize: 12,
                labelLimit: inner - 30, titleLimit: inner, symbolLimit: 0,
                layout: { bottom: { anchor: "start", direction: "vertical", margin: 8 } } },
      header: { labelFontSize: 12, labelLimit: width - 20 },
      text: { fontSize: 11 },
      title: { limit: narrow ? inner : 0 }
    });
    return out;
  }

  var DARK = {
    background: null,
    title: { color: "#e8e8e8", subtitleColor: "#c8c8c8" },
    axis: { labelColor: "#d8d8d8", titleColor: "#e8e8e8", gridColor: "#3a3a3a", domainColor: "#9a9a9a",
            tickColor: "#9a9a9a" },
    legend: { labelColor: "#d8d8d8", titleColor: "#e8e8e8" },
    header: { labelColor: "#e8e8e8", titleColor: "#e8e8e8" },
    text: { color: "#e8e8e8" },
    view: { stroke: null }
  };

  // The book's dark ink (labels, reference lines, guides: sovind/site/style.py) turned light for a dark page.
  // The main blue is lightened too, so that the series a run uses stands out on a dark page.
  var LIGHTER = { "#333333": "#e0e0e0", "#444444": "#d4d4d4", "#888888": "#a8a8a8", "#1f4e79": "#6fa3d8" };

  function lighten(node) {
    if (Array.isArray(node)) {
      node.forEach(function (value, i) {
        if (typeof value === "string" && LIGHTER[value.toLowerCase()]) { node[i] = LIGHTER[value.toLowerCase()]; }
        else { lighten(value); }
      });
      return;
    }
    if (!node || typeof node !== "object") { return; }
    Object.keys(node).forEach(function (key) {
      var value = node[key];
      if (key === "datasets" || key === "data") { return; }
      if (typeof value === "string" && LIGHTER[value.toLowerCase()]) { node[key] = LIGHTER[value.toLowerCase()]; }
      else { lighten(value); }
    });
  }

  // A legend of marker shapes draws its symbols in black unless told otherwise: on a dark page, light
  // grey. Only shape legends: a line-style legend's symbols are strokes, and a fill would blot them.
  function lightShapes(node) {
    if (!node || typeof node !== "object") { return; }
    if (Array.isArray(node)) { node.forEach(lightShapes); return; }
    var shape = node.encoding && node.encoding.shape;
    if (shape && typeof shape === "object" && shape.legend !== null) {
      shape.legend = merge(shape.legend && typeof shape.legend === "object" ? shape.legend : {},
                           { symbolFillColor: "#c8c8c8", symbolStrokeColor: "#c8c8c8" });
    }
    Object.keys(node).forEach(function (key) {
      if (key !== "datasets" && key !== "data" && key !== "encoding") { lightShapes(node[key]); }
    });
  }

  function isDark() { return document.documentElement.dataset.theme === "dark"; }

  function showStatic(container) {
    var fallback = container.querySelector("noscript");
    if (fallback) { container.innerHTML = fallback.textContent; }
    container.dataset.rendered = "static";
  }

  function draw(figure) {
    var container = figure.querySelector(".sovind-chart");
    var specNode = figure.querySelector("script.sovind-spec");
    if (!container || !specNode) { return; }
    delete container.dataset.rendered;  // set again once this drawing is in place
    if (!container.dataset.fallback) {
      var noscript = container.querySelector("noscript");
      container.dataset.fallback = noscript ? noscript.outerHTML : "";
    }
    if (typeof window.vegaEmbed !== "function") { showStatic(container); return; }
    // A variant chosen with the essay's controls (sovind-variants.js) replaces the published spec.
    var original = figure.sovindSpec ? clone(figure.sovindSpec) : JSON.parse(specNode.textContent);
    var width = container.clientWidth || figure.clientWidth || 0;
    var narrow = width > 0 && width < NARROW;
    // Full screen: the chart is redrawn to fill the width it now has, not kept at its page size.
    var full = !!document.fullscreenElement && document.fullscreenElement.contains(figure);
    function themed(spec) {
      if (isDark()) { lighten(spec); spec.config = merge(spec.config || {}, DARK); lightShapes(spec); }
      return spec;
    }
    function embed(spec) {
      var target = document.createElement("div");
      target.className = "sovind-live";
      return window.vegaEmbed(target, themed(spec), { renderer: "svg", actions: false })
        .then(function () { return target; });
    }
    function drawn(target) {
      var svg = target.querySelector("svg");
      return svg ? parseFloat(svg.getAttribute("width")) || 0 : 0;
    }
    // Reflow to the width: panels start at the width less room for an axis, and shrink by what the
    // drawing still overflows (long axis labels, say), at most five times.
    function fitted(inner, tries) {
      return embed(reflow(original, width, inner, narrow)).then(function (target) {
        var excess = drawn(target) - width;
        if (excess > 1 && tries > 0 && inner > 120) { return fitted(Math.max(120, inner - excess - 4), tries - 1); }
        return [target, narrow ? "narrow" : "reflowed"];
      });
    }
    // A chart is drawn as designed if it fits; otherwise (always on a phone) it is reflowed to the width.
    var first = narrow || full ? fitted(Math.max(160, width - 140), 5)
      : embed(clone(original)).then(function (target) {
        if (width > 0 && drawn(target) > width + 1) { return fitted(Math.max(160, width - 120), 5); }
        return [target, "wide"];
      });
    first
      .then(function (result) {
        container.replaceChildren(result[0]);
        // The container carries the figure's alt text (role="img"); the drawing's parts are hidden from
        // screen readers, which would otherwise announce each unnamed mark.
        var svg = result[0].querySelector("svg");
        if (svg) { svg.setAttribute("aria-hidden", "true"); svg.setAttribute("focusable", "false"); }
        container.dataset.rendered = "interactive";
        container.dataset.layout = result[1];
        container.dataset.theme = isDark() ? "dark" : "light";
      })
      .catch(function (err) {
        container.innerHTML = container.dataset.fallback;
        showStatic(container);
        console.warn(err);
      });
  }

  function drawAll() { document.querySelectorAll(".sovind-figure").forEach(draw); }
  window.sovindDraw = draw;

  // A figure's tools, under the chart: "Table" shows the plotted values (fetched when first asked for),
  // "Full screen" shows the figure alone. Added by this script, so a page without it shows no dead buttons.
  function button(text, label) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "sovind-tool";
    b.textContent = text;
    if (label) { b.setAttribute("aria-label", label); }
    return b;
  }

  function addTools(figure) {
    var chart = figure.querySelector(".sovind-chart");
    if (!chart || figure.querySelector(".sovind-tools")) { return; }
    var bar = document.createElement("div");
    bar.className = "sovind-tools";
    var id = figure.dataset.figureId;
    var table = button("Table", "Show the plotted values as a table");
    var view = document.createElement("div");
    view.className = "sovind-table-view";
    view.id = "table-" + id;
    view.hidden = true;
    view.setAttribute("role", "region");
    view.setAttribute("aria-label", "Table of the plotted values");
    view.tabIndex = 0;
    table.setAttribute("aria-expanded", "false");
    table.setAttribute("aria-controls", view.id);
    table.addEventListener("click", function () {
      var open = view.hidden;
      table.setAttribute("aria-expanded", open ? "true" : "false");
      table.textContent = open ? "Hide table" : "Table";
      view.hidden = !open;
      if (open && !view.dataset.loaded) {
        view.textContent = "Loading the table…";
        fetch(figure.dataset.table)
          .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
          .then(function (html) { view.innerHTML = html; view.dataset.loaded = "yes"; })
          .catch(function () { view.textContent = "The table could not be loaded; the CSV under Cite and reuse holds the same values."; });
      }
    });
    bar.appendChild(table);
    var box = figure.closest("figure") || figure;
    if (document.fullscreenEnabled && box.requestFullscreen) {
      var full = button("Full screen", "Show this figure full screen");
      full.addEventListener("click", function () {
        if (document.fullscreenElement === box) { document.exitFullscreen(); } else { box.requestFullscreen(); }
      });
      document.addEventListener("fullscreenchange", function () {
        var on = document.fullscreenElement === box;
        full.textContent = on ? "Leave full screen" : "Full screen";
        full.setAttribute("aria-label", on ? "Leave full screen" : "Show this figure full screen");
        draw(figure);
      });
      bar.appendChild(full);
    }
    chart.after(bar, view);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".sovind-figure").forEach(addTools);
    drawAll();
    new MutationObserver(function (changes) {
      if (changes.some(function (c) { return c.attributeName === "data-theme"; })) { drawAll(); }
    }).observe(document.documentElement, { attributes: true });
    var wasNarrow = window.innerWidth < NARROW;
    var timer = null;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var nowNarrow = window.innerWidth < NARROW;
        if (nowNarrow !== wasNarrow) { wasNarrow = nowNarrow; drawAll(); }
      }, 250);
    });
  });
})();
