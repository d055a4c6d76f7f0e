"""Chart style and figure export: one call turns an Altair chart into a book figure.

:func:`publish` writes, under ``book/_static/figures/``, the figure's static
SVG and PNG, its Vega-Lite spec and the CSV of exactly the data plotted, and
returns an object the notebook displays (and glues): an interactive chart
container that starts as the static SVG, so the figure shows without
JavaScript and in print. ``book/_static/sovind-charts.js`` upgrades each
container with vega-embed from the local bundle in ``_static/vendor``; no
script, style or font is fetched from another host.

Everything written is a pure function of the chart and its data: element ids
come from the figure's permanent identifier, never from a counter or a clock.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
import vl_convert as vlc

from sovind import bib, paths

#: A permanent figure identifier: lower-case words joined by hyphens.
FIGURE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

#: Relative URL from an essay page (book/*.html) to the static figure files.
STATIC_URL = "../_static/figures"

#: Colours for estimates and series, chosen to stay distinguishable in greyscale.
PALETTE = ["#1f4e79", "#c0504d", "#7f7f7f", "#e8a33d", "#4f8a3c", "#8e5ea2", "#2a9d8f", "#8c564b",
           "#d45087", "#17becf"]

FONT = "DejaVu Sans, Verdana, sans-serif"
WIDTH = 620
HEIGHT = 320


@alt.theme.register("sovind", enable=True)
def theme() -> alt.theme.ThemeConfig:
    """Return the book's chart style: quiet axes, one font, a fixed palette and size."""
    return {
        "config": {
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "font": FONT,
            "background": "#ffffff",
            "title": {"anchor": "start", "fontSize": 15, "fontWeight": "bold", "subtitleFontSize": 12,
                      "subtitleColor": "#444444", "offset": 12},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "titleFontWeight": "normal",
                     "gridColor": "#e6e6e6", "domainColor": "#888888", "tickColor": "#888888"},
            "legend": {"labelFontSize": 11, "titleFontSize": 12, "orient": "bottom", "direction": "vertical"},
            "range": {"category": PALETTE},
            "line": {"strokeWidth": 2},
            "point": {"size": 50, "filled": True},
        }
    }


@dataclass(frozen=True)
class Figure:
    """A published figure: its files on disk and the HTML the page shows."""

    id: str
    title: str
    alt: str
    source_line: str
    spec: dict[str, Any]

    def files(self, directory: Path | None = None) -> dict[str, Path]:
        """Return the paths of the figure's files, by format."""
        directory = directory or paths.figure_dir()
        return {ext: directory / f"{self.id}.{ext}" for ext in ("svg", "png", "csv", "vl.json")}

    def html(self) -> str:
        """Return the page's HTML for this figure: static SVG inside an upgradeable chart container."""
        alt_text = html.escape(self.alt, quote=True)
        spec = json.dumps(self.spec, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
        return (
            f'<div class="sovind-figure" id="figure-{self.id}" data-figure-id="{self.id}">\n'
            f'<div class="sovind-chart" id="chart-{self.id}" role="img" aria-label="{alt_text}">'
            f'<img class="sovind-static" src="{STATIC_URL}/{self.id}.svg" alt="{alt_text}" '
            f'width="{WIDTH}"></div>\n'
            f'<p class="sovind-source">{html.escape(self.source_line)}</p>\n'
            f'<script type="application/json" class="sovind-spec">{spec}</script>\n'
            f"</div>"
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.html(), "text/plain": f"Figure {self.id}: {self.title}"}


def source_line(data: pd.DataFrame) -> str:
    """Name every source of the plotted rows, with their locators, in a stable order."""
    if "source" not in data.columns or data["source"].isna().any():
        raise ValueError("every plotted row needs a 'source' column value")
    parts = []
    for key in sorted(data["source"].unique()):
        locators = sorted(data.loc[data["source"] == key, "locator"].dropna().unique()) if "locator" in data else []
        where = f", {'; '.join(locators)}" if locators else ""
        parts.append(f"{bib.short_title(key)}{where}")
    return "Source: " + ". ".join(parts) + "."


def publish(chart: alt.TopLevelMixin, *, id: str, title: str, alt_text: str, data: pd.DataFrame,
            directory: Path | None = None) -> Figure:
    """Export ``chart`` as a book figure and return what the page displays.

    ``id`` is the figure's permanent identifier (``goelro-generation-vs-plan``);
    ``data`` is exactly the table plotted, with ``source`` and ``locator``
    columns, and is written beside the figure as CSV.
    """
    if not FIGURE_ID.match(id):
        raise ValueError(f"figure id {id!r} must be lower-case words joined by hyphens")
    if not alt_text.strip():
        raise ValueError(f"figure {id!r} needs alt text")
    spec = chart.properties(title=alt.Title(title)).to_dict()
    figure = Figure(id=id, title=title, alt=alt_text, source_line=source_line(data), spec=spec)
    directory = directory or paths.figure_dir()
    directory.mkdir(parents=True, exist_ok=True)
    files = figure.files(directory)
    files["vl.json"].write_text(json.dumps(spec, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    files["svg"].write_text(vlc.vegalite_to_svg(spec), encoding="utf-8")
    files["png"].write_bytes(vlc.vegalite_to_png(spec, scale=2))
    data.to_csv(files["csv"], index=False, lineterminator="\n")
    return figure


def write_vendor_bundle(directory: Path = paths.STATIC / "vendor") -> Path:
    """Write the Vega, Vega-Lite and vega-embed JavaScript bundle shipped with the book."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / "vega-bundle.js"
    # Wrapped in a function scope: the bundle's top-level names (such as `_`)
    # would otherwise collide with other classic scripts on the page.
    bundle = "(function () {\n" + vlc.javascript_bundle() + "\n})();\n"
    if not target.exists() or target.read_text(encoding="utf-8") != bundle:
        target.write_text(bundle, encoding="utf-8")
    return target
