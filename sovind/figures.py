"""Chart style and figure export: one call turns an Altair chart into a citable book figure.

:func:`publish` writes, under ``book/_static/figures/`` (or ``$SOVIND_FIGURE_DIR``):

* ``<id>.svg`` and ``<id>.png``: the static picture, with a provenance stamp in
  its metadata (SVG ``<metadata>``, PNG ``tEXt``);
* ``<id>.csv``: exactly the data the chart encodes, every dataset of its
  Vega-Lite spec, with the source and locator of every row;
* ``<id>.vl.json``: the Vega-Lite spec;
* ``<id>.json``: the figure's metadata (title, alt text, essay, citation,
  provenance), from which the Figures page is built.

It returns an object the notebook displays or glues. That object is an
interactive chart container, with the static SVG as its no-script fallback (so
the picture is not fetched twice), followed by a collapsed "Cite and reuse"
block. ``book/_static/sovind-charts.js`` upgrades each container with
vega-embed, which the book ships as a local file. The figure number, which only
Sphinx knows, is filled in at build time by :mod:`sovind.sphinx_ext`.

Everything written is a pure function of the chart, its data and the run's
parameters. Element ids come from the figure's permanent identifier; there is
no counter and no clock.
"""

from __future__ import annotations

import html
import json
import re
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
import vl_convert as vlc

from sovind import bib, book, load, paths, runlog
from sovind.files import write_if_changed

#: A permanent figure identifier: lower-case words joined by hyphens.
FIGURE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

#: Relative URL from an essay page (book/*.html) to the static figure files.
STATIC_URL = "../_static/figures"

#: Placeholder for the figure number, replaced by the Sphinx extension at build time.
FIGNUM = '<span class="sovind-fignum" data-figure-id="{id}">?</span>'

#: Colours for estimates and series, chosen to stay distinguishable in greyscale.
PALETTE = ["#1f4e79", "#c0504d", "#7f7f7f", "#e8a33d", "#4f8a3c", "#8e5ea2", "#2a9d8f", "#8c564b",
           "#d45087", "#17becf"]

FONT = "DejaVu Sans, Verdana, sans-serif"
WIDTH = 620
HEIGHT = 320
LICENCE = ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")


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


_RUN: dict[str, Any] = {}


def begin_essay(essay: str, **parameters: Any) -> None:
    """Record which essay is running and with which parameter values.

    Every figure published afterwards carries them in its provenance stamp and
    its permalink. An essay calls this once, right after its parameters cell.
    """
    _RUN.clear()
    _RUN.update({"essay": essay, "parameters": dict(sorted(parameters.items()))})


def run_context() -> dict[str, Any]:
    """Return the essay name and parameter values recorded by :func:`begin_essay`."""
    return dict(_RUN)


@dataclass(frozen=True)
class Figure:
    """A published figure: its files on disk and the HTML the page shows."""

    id: str
    title: str
    alt: str
    source_line: str
    spec: dict[str, Any]
    essay: str = ""
    provenance: dict[str, Any] = field(default_factory=dict)

    def files(self, directory: Path | None = None) -> dict[str, Path]:
        """Return the paths of the figure's files, by format."""
        directory = directory or paths.figure_dir()
        return {ext: directory / f"{self.id}.{ext}" for ext in ("svg", "png", "csv", "vl.json", "json")}

    def url(self) -> str:
        """Return the figure's permalink: its essay page with the figure's identifier as anchor."""
        return f"{book.base_url()}book/{self.essay or 'index'}.html#{self.id}"

    def citation(self, number: str = "?") -> str:
        """Return a plain-text citation; ``number`` is the figure number in the book."""
        year = book.config().get("copyright", "")
        return (f"{book.author()} ({year}). “{self.title}”. Figure {number} [{self.id}] in "
                f"{book.title()}, version {book.version()}. {self.url()}")

    def bibtex(self, number: str = "?") -> str:
        """Return a BibTeX entry for the figure; ``number`` is the figure number in the book."""
        year = book.config().get("copyright", "")
        return "\n".join([
            f"@misc{{sovind-{self.id},",
            f"  author       = {{{{{book.author()}}}}},",
            f"  title        = {{{{{self.title}}}}},",
            f"  howpublished = {{Figure {number} ({self.id}) in \\emph{{{book.title()}}}, version {book.version()}}},",
            f"  year         = {{{year}}},",
            f"  url          = {{{self.url()}}},",
            f"  note         = {{Licence {LICENCE[0]}}}",
            "}",
        ])

    def metadata(self) -> dict[str, Any]:
        """Return the figure's metadata as written to ``<id>.json``."""
        return {
            "id": self.id,
            "title": self.title,
            "alt": self.alt,
            "essay": self.essay,
            "url": self.url(),
            "source_line": self.source_line,
            "licence": LICENCE[0],
            "provenance": self.provenance,
        }

    def html(self) -> str:
        """Return the page's HTML: static SVG in an upgradeable container, then the cite-and-reuse block."""
        alt_text = html.escape(self.alt, quote=True)
        spec = json.dumps(self.spec, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
        number = FIGNUM.format(id=self.id)
        base = f"{STATIC_URL}/{self.id}"
        stamp = "".join(
            f"<dt>{html.escape(k)}</dt><dd><code>{html.escape(str(v))}</code></dd>"
            for k, v in _flat(self.provenance)
        )
        return (
            f'<div class="sovind-figure" id="figure-{self.id}" data-figure-id="{self.id}">\n'
            f'<div class="sovind-chart" id="chart-{self.id}" role="img" aria-label="{alt_text}">'
            f'<noscript><img class="sovind-static" src="{base}.svg" alt="{alt_text}" width="{WIDTH}"></noscript>'
            f"</div>\n"
            f'<p class="sovind-source">{html.escape(self.source_line)}</p>\n'
            f'<details class="sovind-cite"><summary>Cite and reuse</summary>\n'
            f'<p>Permanent identifier <code>{self.id}</code>; permalink '
            f'<a class="sovind-permalink" href="#{self.id}">{html.escape(self.url())}</a></p>\n'
            f'<p><strong>Citation</strong></p><pre class="sovind-citation">'
            f'{html.escape(self.citation("NUM")).replace("NUM", number)}</pre>\n'
            f'<p><strong>BibTeX</strong></p><pre class="sovind-bibtex">'
            f'{html.escape(self.bibtex("NUM")).replace("NUM", number)}</pre>\n'
            f'<p class="sovind-downloads"><strong>Download</strong>: '
            f'<a download href="{base}.svg">SVG</a> · <a download href="{base}.png">PNG</a> · '
            f'<a download href="{base}.csv">CSV of the plotted data</a> (with the source of every row) · '
            f'<a download href="{base}.vl.json">Vega-Lite spec</a> · '
            f'<a download href="{base}.json">metadata</a></p>\n'
            f'<p>Licence: <a href="{LICENCE[1]}">{LICENCE[0]}</a>. The CSV is the text alternative to the '
            f'picture.</p>\n'
            f'<p><strong>Provenance</strong> (also in the SVG and PNG metadata)</p>'
            f'<dl class="sovind-provenance">{stamp}</dl>\n'
            f"</details>\n"
            f'<script type="application/json" class="sovind-spec">{spec}</script>\n'
            f"</div>"
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.html(), "text/plain": f"Figure {self.id}: {self.title}"}


def _flat(provenance: dict[str, Any]) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, value in provenance.items():
        if isinstance(value, dict):
            out.extend((f"{key}.{k}", v) for k, v in value.items())
        else:
            out.append((key, value))
    return out


def plotted_data(spec: dict[str, Any]) -> pd.DataFrame:
    """Return every row of every inline dataset of a Vega-Lite spec, in a stable order.

    Altair's placeholder for layers drawn from constants alone (rows with no
    fields, such as a rule at 100 per cent) carries no data and is skipped.
    """
    frames = [pd.DataFrame(rows) for _, rows in sorted(spec.get("datasets", {}).items()) if any(rows)]
    if not frames:
        raise ValueError("the chart has no inline data; pass a DataFrame to alt.Chart")
    return pd.concat(frames, ignore_index=True, sort=False)


def source_line(data: pd.DataFrame) -> str:
    """Name every source of the plotted rows, with their locators, in a stable order.

    Every row needs a ``source`` (a key of ``data/references.bib``, with its
    ``locator``), unless it is computed by the book from sourced rows: then it
    has no source and a ``derived`` description instead, which the line names.
    Further pairs such as ``outcome_source`` with ``outcome_locator`` name the
    other sources a row combines.
    """
    sourced = data["source"].notna() if "source" in data.columns else pd.Series(False, index=data.index)
    derived = data["derived"].notna() if "derived" in data.columns else pd.Series(False, index=data.index)
    if not (sourced | derived).all() or not sourced.any():
        raise ValueError("every plotted row needs a 'source' value (a key of data/references.bib) "
                         "or, if the book computed it, a 'derived' description")
    where: dict[str, set[str]] = {}
    rows = data[sourced]
    for column in ["source", *sorted(c for c in data.columns if c.endswith("_source"))]:
        locator = "locator" if column == "source" else column.removesuffix("_source") + "_locator"
        for key, loc in zip(rows[column], rows[locator] if locator in rows else [None] * len(rows), strict=True):
            if isinstance(key, str) and key:
                where.setdefault(key, set())
                if isinstance(loc, str) and loc:
                    where[key].add(loc)
    parts = [f"{bib.short_title(key)}{', ' + '; '.join(sorted(locs)) if locs else ''}"
             for key, locs in sorted(where.items())]
    line = "Source: " + ". ".join(parts) + "."
    if derived.any():
        line += " Computed by the book: " + "; ".join(sorted(data.loc[derived, "derived"].unique())) + "."
    return line


def publish(chart: alt.TopLevelMixin, *, id: str, title: str, alt_text: str,
            directory: Path | None = None) -> Figure:
    """Export ``chart`` as a book figure and return what the page displays.

    ``id`` is the figure's permanent identifier (``goelro-generation-estimates``):
    it names the files and the page anchor, and must be listed in
    ``book/figures.yml``. Every row the chart plots needs ``source`` and
    ``locator`` columns; they make the figure's source line and go into its CSV.
    """
    if not FIGURE_ID.match(id):
        raise ValueError(f"figure id {id!r} must be lower-case words joined by hyphens")
    if not alt_text.strip():
        raise ValueError(f"figure {id!r} needs alt text")
    spec = chart.properties(title=alt.Title(title)).to_dict()
    data = plotted_data(spec)
    context = run_context()
    provenance = {
        "book_version": book.version(),
        "figure": id,
        "essay": context.get("essay", ""),
        "parameters": context.get("parameters", {}),
        "datasets_sha256": dict(load.READ),
    }
    figure = Figure(id=id, title=title, alt=alt_text, source_line=source_line(data), spec=spec,
                    essay=context.get("essay", ""), provenance=provenance)
    directory = directory or paths.figure_dir()
    directory.mkdir(parents=True, exist_ok=True)
    files = figure.files(directory)
    stamp = json.dumps(provenance, sort_keys=True, ensure_ascii=True)
    files["vl.json"].write_text(json.dumps(spec, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    svg = vlc.vegalite_to_svg(spec)
    files["svg"].write_text(_stamp_svg(svg, stamp), encoding="utf-8")
    files["png"].write_bytes(_stamp_png(vlc.svg_to_png(svg, scale=2), stamp))  # rasterise, don't re-render
    data.to_csv(files["csv"], index=False, lineterminator="\n")
    runlog.record_modules()
    files["json"].write_text(json.dumps(figure.metadata(), indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return figure


def _stamp_svg(svg: str, stamp: str) -> str:
    """Insert the provenance stamp as the SVG's first child, a ``<metadata>`` element."""
    end = svg.index(">", svg.index("<svg")) + 1
    return f'{svg[:end]}<metadata id="sovind-provenance">{html.escape(stamp, quote=False)}</metadata>{svg[end:]}'


def _stamp_png(png: bytes, stamp: str) -> bytes:
    """Insert the provenance stamp as a PNG ``tEXt`` chunk right after the header chunk."""
    payload = b"sovind:provenance\x00" + stamp.encode("latin-1")
    chunk = struct.pack(">I", len(payload)) + b"tEXt" + payload
    chunk += struct.pack(">I", zlib.crc32(b"tEXt" + payload) & 0xFFFFFFFF)
    ihdr_end = 8 + 4 + 4 + 13 + 4  # signature, IHDR length, type, data, CRC
    return png[:ihdr_end] + chunk + png[ihdr_end:]


def write_vendor_bundle(directory: Path = paths.STATIC / "vendor") -> Path:
    """Write the Vega, Vega-Lite and vega-embed JavaScript bundle shipped with the book."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / "vega-bundle.js"
    stamp = directory / "vega-bundle.version"
    version = f"vl-convert {vlc.__version__}" if hasattr(vlc, "__version__") else f"vega {vlc.get_vega_version()}"
    if target.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == version:
        return target  # building the bundle takes seconds; it changes only with vl-convert
    # Wrapped in a function scope: the bundle's top-level names (such as `_`)
    # would otherwise collide with other classic scripts on the page.
    bundle = "(function () {\n" + vlc.javascript_bundle() + "\n})();\n"
    write_if_changed(target, bundle)
    write_if_changed(stamp, version)
    return target
