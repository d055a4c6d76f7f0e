"""Write a figure's exports: SVG and PNG pictures, the plotted data, the spec and the metadata.

:func:`export` writes, into one folder:

* ``<id>.svg`` and ``<id>.png``: the static picture with its provenance drawn
  under it (source line, book, version, licence and permanent link, so that a
  picture pasted into a slide still says where it comes from), and the full
  provenance stamp in its metadata (SVG ``<metadata>``, PNG ``tEXt``); the PNG
  is rasterised from the SVG, not rendered twice;
* ``<id>.csv``: exactly the data the chart encodes, every dataset of its
  Vega-Lite spec, with the source and locator of every row;
* ``<id>.vl.json``: the Vega-Lite spec;
* ``<id>.json``: the figure's metadata (title, alt text, essay, citation, provenance);
* ``<id>.table.html``: the plotted values as a table, for the page's "Table" view;
* ``<id>.zip``: the CSV and the metadata with a README saying what they are and how to cite them.

The site calls it at book-build time; a rerun calls it for its report. The
output is a pure function of the record.
"""

from __future__ import annotations

import html
import json
import re
import struct
import textwrap
import zlib
from pathlib import Path

import vl_convert as vlc

from sovind import book
from sovind.files import write_if_changed, zip_bytes
from sovind.site.figure import LICENCE, FigureRecord
from sovind.site.style import FONT
from sovind.site.table import table_html

FORMATS = ("svg", "png", "csv", "vl.json", "json", "zip", "table.html")


def plotted_csv(record: FigureRecord) -> str:
    """Return the CSV of exactly the rows the figure plots, columns in the chart's order."""
    return record.csv


def export(record: FigureRecord, directory: Path) -> dict[str, Path]:
    """Write every export of ``record`` into ``directory``; return their paths by format.

    Files whose content is unchanged keep their bytes and timestamps.
    """
    directory.mkdir(parents=True, exist_ok=True)
    files = {ext: directory / f"{record.id}.{ext}" for ext in FORMATS}
    stamp = json.dumps(record.provenance, sort_keys=True, ensure_ascii=True)
    svg = framed(vlc.vegalite_to_svg(record.spec), footer_lines(record))
    write_if_changed(files["vl.json"], json.dumps(record.spec, indent=1, sort_keys=True) + "\n")
    write_if_changed(files["svg"], stamp_svg(svg, stamp))
    write_if_changed(files["png"], stamp_png(vlc.svg_to_png(svg, scale=2), stamp))
    write_if_changed(files["csv"], plotted_csv(record))
    write_if_changed(files["table.html"], table_html(record))
    metadata = json.dumps(record.metadata(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    write_if_changed(files["json"], metadata)
    write_if_changed(files["zip"], zip_bytes({f"{record.id}.csv": plotted_csv(record), f"{record.id}.json": metadata,
                                              "README.txt": readme(record)}))
    return files


def readme(record: FigureRecord) -> str:
    """Return the README of a figure's zip: what the files are, where the numbers come from, how to cite."""
    return "\n".join([
        record.title, "=" * len(record.title), "",
        f"A figure of {book.title()}, version {book.version()}.",
        f"Permanent link: {record.url()}", "",
        f"- {record.id}.csv: the data the figure plots, one row per plotted value, with the source",
        "  and locator (page, table or line) of every row.",
        f"- {record.id}.json: the figure's metadata: title, description, source line, licence and the",
        "  provenance of the run that drew it (book version, data hashes, parameters).", "",
        "What the figure shows:", *_wrap(record.alt), "",
        *_wrap(record.source_line), "",
        f"Licence: {LICENCE[0]} ({LICENCE[1]}).", "",
        "Cite as:", *_wrap(record.citation(None)), "",
    ])


def _wrap(text: str, width: int = 96) -> list[str]:
    """Wrap prose for a README, never breaking a word or a link."""
    return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)


#: The footer's type: size and line height in pixels, and the page margin.
FOOTER_SIZE, FOOTER_LEADING, MARGIN = 11, 15, 8
#: The width of one character of the footer's type, as a share of its size (generous, so no line overflows).
_CHAR_WIDTH = 0.62


def footer_lines(record: FigureRecord) -> list[str]:
    """Return what a reused picture must carry under the chart: its sources, the book and licence, its link."""
    return [record.source_line,
            f"From {book.title()}, version {book.version()}. Licence {LICENCE[0]}.",
            f"Permanent link: {record.url()}"]


def framed(svg: str, lines: list[str]) -> str:
    """Return the chart's SVG with ``lines`` written under it, wrapped to its width, on a white ground.

    The chart keeps its own drawing (nested as an inner ``<svg>``); the frame
    is as wide as the chart and as much taller as the wrapped lines need.
    """
    size = re.search(r'<svg\b[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"', svg)
    if size is None:
        raise ValueError("the chart's SVG has no width and height")
    width, height = float(size.group(1)), float(size.group(2))
    per_line = max(40, int((width - 2 * MARGIN) / (FOOTER_SIZE * _CHAR_WIDTH)))
    wrapped = [part for line in lines for part in _wrap(line, per_line)]
    total = height + MARGIN + FOOTER_LEADING * len(wrapped) + MARGIN
    texts = "".join(
        f'<text x="{MARGIN}" y="{height + MARGIN + FOOTER_LEADING * (i + 1) - 3:g}">{html.escape(text, quote=False)}'
        "</text>" for i, text in enumerate(wrapped))
    inner = svg[svg.index("<svg"):]
    return (f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width:g}" height="{total:g}" '
            f'viewBox="0 0 {width:g} {total:g}"><rect width="{width:g}" height="{total:g}" fill="#ffffff"/>'
            f"{inner}"
            f'<g class="sovind-footer" font-family="{FONT}" font-size="{FOOTER_SIZE}" fill="#333333">{texts}</g>'
            "</svg>")


def stamp_svg(svg: str, stamp: str) -> str:
    """Insert the provenance stamp as the SVG's first child, a ``<metadata>`` element."""
    end = svg.index(">", svg.index("<svg")) + 1
    return f'{svg[:end]}<metadata id="sovind-provenance">{html.escape(stamp, quote=False)}</metadata>{svg[end:]}'


def stamp_png(png: bytes, stamp: str) -> bytes:
    """Insert the provenance stamp as a PNG ``tEXt`` chunk right after the header chunk."""
    payload = b"sovind:provenance\x00" + stamp.encode("latin-1")
    chunk = struct.pack(">I", len(payload)) + b"tEXt" + payload
    chunk += struct.pack(">I", zlib.crc32(b"tEXt" + payload) & 0xFFFFFFFF)
    ihdr_end = 8 + 4 + 4 + 13 + 4  # signature, IHDR length, type, data, CRC
    return png[:ihdr_end] + chunk + png[ihdr_end:]


def write_vendor_bundle(directory: Path) -> Path:
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
