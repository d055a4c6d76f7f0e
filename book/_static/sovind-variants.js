// Change an essay's assumptions on the page: every figure and every glued number switch to a run the
// build computed with the essay's own code (sovind/essay/variants.py), fetched when first chosen.
// The state is in the URL (?plan_variant=starting), so a view can be shared and cited. Without
// JavaScript, and in print, the page stays the published run.
(function () {
  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  ready(function () {
    var indexNode = document.querySelector("script.sovind-variant-index");
    var form = document.querySelector("form.sovind-controls");
    if (!indexNode || !form) { return; }
    var index = JSON.parse(indexNode.textContent);
    var status = document.querySelector(".sovind-variant-status");
    var params = index.parameters;
    var names = Object.keys(params).sort();
    var defaults = {};
    names.forEach(function (n) { defaults[n] = params[n].default; });
    var spans = Array.prototype.slice.call(document.querySelectorAll(".sovind-glue"));
    spans.forEach(function (s) { s.dataset.published = s.textContent; });
    var figures = Array.prototype.slice.call(document.querySelectorAll(".sovind-figure"));
    var publishedSpecs = {};
    figures.forEach(function (f) {
      publishedSpecs[f.dataset.figureId] = JSON.stringify(JSON.parse(f.querySelector("script.sovind-spec").textContent));
    });
    var cache = {};

    function key(values) {
      return JSON.stringify(names.filter(function (n) { return values[n] !== defaults[n]; })
        .map(function (n) { return [n, values[n]]; }));
    }
    var byKey = {};
    index.variants.forEach(function (v) {
      var full = {};
      names.forEach(function (n) { full[n] = n in v.values ? v.values[n] : defaults[n]; });
      byKey[key(full)] = v;
    });
    var PUBLISHED = key(defaults);

    function current() {
      var values = {};
      names.forEach(function (n) { values[n] = JSON.parse(form.elements[n].value); });
      return values;
    }
    function setControls(values) {
      names.forEach(function (n) { form.elements[n].value = JSON.stringify(values[n]); });
    }
    function optionText(n, value) {
      var found = params[n].options.filter(function (o) { return o.value === value; })[0];
      return found ? found.text : String(value);
    }
    function changedNames(values) { return names.filter(function (n) { return values[n] !== defaults[n]; }); }
    function load(variant) {
      if (!cache[variant.file]) {
        cache[variant.file] = fetch(variant.file).then(function (r) {
          if (!r.ok) { throw new Error("HTTP " + r.status); }
          return r.json();
        });
      }
      return cache[variant.file];
    }

    function show(data, values, note) {
      var numbers = 0, pictures = 0;
      spans.forEach(function (s) {
        var text = data ? data.glue[s.dataset.glue] : undefined;
        if (text === undefined) { text = s.dataset.published; }
        s.textContent = text;
        var changed = text !== s.dataset.published;
        s.classList.toggle("sovind-changed", changed);
        if (changed) {
          numbers += 1;
          s.title = "Published edition: " + s.dataset.published;
          s.tabIndex = 0;
          s.setAttribute("aria-label", text + " (published edition: " + s.dataset.published + ")");
        } else {
          s.removeAttribute("title"); s.removeAttribute("tabindex"); s.removeAttribute("aria-label");
        }
      });
      figures.forEach(function (f) {
        var spec = data ? data.figures[f.dataset.figureId] : undefined;
        var drawn = spec ? JSON.stringify(spec) : publishedSpecs[f.dataset.figureId];
        var changed = drawn !== publishedSpecs[f.dataset.figureId];
        if (changed) { pictures += 1; }
        var redraw = drawn !== (f.sovindSpec ? JSON.stringify(f.sovindSpec) : publishedSpecs[f.dataset.figureId]);
        f.sovindSpec = changed ? spec : null;
        f.classList.toggle("sovind-figure-changed", changed);
        var notes = f.parentElement.querySelector(".sovind-variant-note");
        if (notes) { notes.remove(); }
        if (changed) {
          var p = document.createElement("p");
          p.className = "sovind-variant-note";
          var shown = changedNames(values).map(function (n) {
            return params[n].label + ": " + optionText(n, values[n]);
          }).join("; ");
          var link = window.location.href.split("#")[0] + "#" + f.dataset.figureId;
          p.textContent = "Drawn with other assumptions (" + shown + "). Link to this view: " + link +
            ". The citation and the downloads under “Cite and reuse” are of the published figure; ";
          var save = document.createElement("a");
          save.href = "#";
          save.textContent = "download this view as SVG";
          save.addEventListener("click", function (event) {
            event.preventDefault();
            saveView(f, "Drawn with other assumptions (" + shown + "), not the published figure. " + link);
          });
          p.appendChild(save);
          p.appendChild(document.createTextNode(" (the picture names these assumptions and its link)."));
          var after = f.parentElement.querySelector(".sovind-figure-notes");
          if (after) { after.prepend(p); }
        }
        if (redraw && window.sovindDraw) { window.sovindDraw(f); }  // only the figures whose data changed
      });
      var moved = changedNames(values);
      var text = moved.length === 0 ? "Showing this edition: the published assumptions."
        : "Showing the essay with other assumptions (" + moved.map(function (n) {
            return params[n].label + ": " + optionText(n, values[n]);
          }).join("; ") + "). " + numbers + (numbers === 1 ? " number" : " numbers") + " in the text and " + pictures +
          (pictures === 1 ? " figure" : " figures") + " differ from the published edition; changed numbers are " +
          "marked (focus or point at one to see its published value).";
      status.textContent = (note ? note + " " : "") + text;
      document.documentElement.dataset.sovindVariant = key(values);
    }

    // The chart as drawn now, with the assumptions and the link written under it, as an SVG file.
    function saveView(figure, line) {
      var svg = figure.querySelector(".sovind-chart svg");
      if (!svg) { return; }
      var width = parseFloat(svg.getAttribute("width")) || 600, height = parseFloat(svg.getAttribute("height")) || 400;
      var words = line.split(" "), lines = [], row = "";
      words.forEach(function (w) {
        if (row && (row + " " + w).length > Math.floor(width / 6.8)) { lines.push(row); row = w; }
        else { row = row ? row + " " + w : w; }
      });
      if (row) { lines.push(row); }
      var esc = function (t) { return t.replace(/&/g, "&amp;").replace(/</g, "&lt;"); };
      var inner = svg.outerHTML.replace(/ aria-hidden="true"/, "");
      var total = height + 10 + 15 * lines.length;
      var text = lines.map(function (l, i) {
        return '<text x="8" y="' + (height + 20 + 15 * i) + '">' + esc(l) + "</text>";
      }).join("");
      var dark = document.documentElement.dataset.theme === "dark";  // the chart is drawn in the page's theme
      var file = '<svg xmlns="http://www.w3.org/2000/svg" width="' + width + '" height="' + total + '" viewBox="0 0 ' +
        width + " " + total + '"><rect width="100%" height="100%" fill="' + (dark ? "#121212" : "#ffffff") + '"/>' +
        inner + '<g font-family="DejaVu Sans, Verdana, sans-serif" font-size="11" fill="' +
        (dark ? "#dddddd" : "#333333") + '">' + text + "</g></svg>";
      var a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([file], { type: "image/svg+xml" }));
      a.download = figure.dataset.figureId + "-" + changedNames(current()).map(function (n) {
        return n + "-" + String(current()[n]);
      }).join("-") + ".svg";
      document.body.appendChild(a);
      a.click();
      a.remove();
    }

    function setUrl(values) {
      var url = new URL(window.location.href);
      names.forEach(function (n) { url.searchParams.delete(n); });
      changedNames(values).forEach(function (n) { url.searchParams.set(n, String(values[n])); });
      window.history.replaceState(null, "", url.toString());
    }

    function apply(values, note) {
      setControls(values);
      setUrl(values);
      var k = key(values);
      if (k === PUBLISHED) { show(null, values, note); return Promise.resolve(); }
      status.textContent = "Loading the figures and numbers for these assumptions…";
      return load(byKey[k]).then(function (data) { show(data, values, note); }).catch(function () {
        show(null, defaults, "These assumptions could not be loaded; showing this edition.");
        setControls(defaults);
        setUrl(defaults);
      });
    }

    form.addEventListener("change", function (event) {
      var values = current();
      var note = "";
      if (!byKey[key(values)] && key(values) !== PUBLISHED) {
        var changed = event.target.name;
        names.forEach(function (n) { if (n !== changed) { values[n] = defaults[n]; } });
        note = "The other assumptions are back at this edition's: the book computes each assumption changed " +
          "on its own, and the declared scenarios.";
      }
      apply(values, note);
    });
    form.querySelector(".sovind-reset").addEventListener("click", function () { apply(defaults, ""); });
    form.hidden = false;

    // The state in the URL: ?name=value for each assumption that differs from this edition's.
    var asked = new URL(window.location.href).searchParams;
    var values = Object.assign({}, defaults), problems = [];
    names.forEach(function (n) {
      if (!asked.has(n)) { return; }
      var wanted = asked.get(n);
      var match = params[n].options.filter(function (o) { return String(o.value) === wanted; })[0];
      if (match) { values[n] = match.value; }
      else {
        problems.push("the link asks for “" + wanted + "” as “" + params[n].label +
          "”, a value this essay does not offer");
      }
    });
    var note = problems.length ? problems.join("; ") + "." : "";
    if (!byKey[key(values)] && key(values) !== PUBLISHED) {
      note += (note ? " " : "") + "The link combines assumptions the book did not compute together; showing this edition.";
      values = Object.assign({}, defaults);
    }
    if (problems.length) { note = note.charAt(0).toUpperCase() + note.slice(1) + " Showing the rest as asked."; }
    if (key(values) !== PUBLISHED || note) { apply(values, note); }
  });
})();
