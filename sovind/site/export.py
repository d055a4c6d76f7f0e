"""Write a figure's exports: SVG and PNG pictures, the plotted data, the spec and the metadata.

:func:`export` writes, into one folder:

* ``<id>.svg`` and ``<id>.png``: the static picture, with a provenance stamp in
  its metadata (SVG ``<metadata>``, PNG ``tEXt``); the PNG is rasterised from
  the SVG, not rendered twice;
* ``<id>.csv``: exactly the data the chart encodes, every dataset of its
  Vega-Lite spec, with the source and locator of every row;
* ``<id>.vl.json``: the Vega-Lite spec;
* ``<id>.json``: the figure's metadata (title, alt text, essay, citation, provenance).

The site calls it at book-build time; a rerun calls it for its report. The
output is a pure function of the record.
"""

from __future__ import annotations

import html
import json
import struct
import zlib
from pathlib import Path

import vl_convert as vlc

from sovind.files import write_if_changed
from sovind.site.figure import FigureRecord

FORMATS = ("svg", "png", "csv", "vl.json", "json")


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
    svg = vlc.vegalite_to_svg(record.spec)
    write_if_changed(files["vl.json"], json.dumps(record.spec, indent=1, sort_keys=True) + "\n")
    write_if_changed(files["svg"], stamp_svg(svg, stamp))
    write_if_changed(files["png"], stamp_png(vlc.svg_to_png(svg, scale=2), stamp))
    write_if_changed(files["csv"], plotted_csv(record))
    write_if_changed(files["json"], json.dumps(record.metadata(), indent=1, sort_keys=True, ensure_ascii=False)
                     + "\n")
    return files


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
