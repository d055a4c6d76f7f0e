"""Reuse of a figure outside the book: its exports carry their provenance; the zips hold what they say.

Checked on the built site (``make book``): every figure's SVG and PNG draw the
source line, the licence and the permanent link under the chart; the figure's
zip holds the plotted CSV (the same bytes as the page offers), its metadata
and a README that cites it; the whole data package's zip holds every dataset
of ``data/datapackage.json`` with the hash the descriptor gives.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
import zipfile
from html import unescape
from pathlib import Path

import pytest

from sovind import paths
from sovind.essay.declaration import essays

pytestmark = pytest.mark.book

FIGURES = Path("_build/html/_static/figures")
IDS = [figure_id for declared in essays().values() for figure_id in declared.figures]
LICENCE = "CC BY 4.0"


def metadata(figure_id: str) -> dict:
    return json.loads((FIGURES / f"{figure_id}.json").read_text(encoding="utf-8"))


def png_size_and_text(data: bytes) -> tuple[tuple[int, int], dict[str, str]]:
    """Read a PNG's width, height and tEXt chunks by walking its chunks (no imaging library needed)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, size, texts = 8, (0, 0), {}
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
        elif kind == b"tEXt":
            key, _, value = body.partition(b"\x00")
            texts[key.decode("latin-1")] = value.decode("latin-1")
        at += 12 + length
    return size, texts


@pytest.mark.parametrize("figure_id", IDS)
def test_the_svg_export_shows_source_licence_and_link_under_the_chart(figure_id):
    meta = metadata(figure_id)
    svg = (FIGURES / f"{figure_id}.svg").read_text(encoding="utf-8")
    footer = re.search(r'<g class="sovind-footer"[^>]*>(.*?)</g>', svg, re.S)
    assert footer, f"{figure_id}: no footer drawn under the chart"
    drawn = " ".join(unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", footer.group(1)))
    assert " ".join(meta["source_line"].split()) in drawn
    assert f"Licence {LICENCE}" in drawn and meta["url"] in drawn
    # The footer is drawn below the chart, inside the picture's own height.
    outer = re.match(r'<svg[^>]*\sheight="([\d.]+)"', svg)
    inner = re.search(r'<svg[^>]*class="marks"[^>]*\sheight="([\d.]+)"', svg)
    ys = [float(y) for y in re.findall(r'<text x="[\d.]+" y="([\d.]+)"', footer.group(1))]
    assert float(inner.group(1)) < min(ys) and max(ys) < float(outer.group(1))


@pytest.mark.parametrize("figure_id", IDS)
def test_the_png_export_is_the_framed_picture_with_its_provenance_stamp(figure_id):
    svg = (FIGURES / f"{figure_id}.svg").read_text(encoding="utf-8")
    (width, height), texts = png_size_and_text((FIGURES / f"{figure_id}.png").read_bytes())
    outer = re.match(r'<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"', svg)
    assert (width, height) == (round(2 * float(outer.group(1))), round(2 * float(outer.group(2))))
    stamp = json.loads(texts["sovind:provenance"])
    assert stamp["figure"] == figure_id and stamp == metadata(figure_id)["provenance"]


@pytest.mark.parametrize("figure_id", IDS)
def test_a_figures_zip_holds_its_data_metadata_and_a_readme_that_cites_it(figure_id):
    meta = metadata(figure_id)
    with zipfile.ZipFile(FIGURES / f"{figure_id}.zip") as archive:
        assert sorted(archive.namelist()) == sorted(["README.txt", f"{figure_id}.csv", f"{figure_id}.json"])
        assert archive.read(f"{figure_id}.csv") == (FIGURES / f"{figure_id}.csv").read_bytes()
        assert json.loads(archive.read(f"{figure_id}.json")) == meta
        readme = " ".join(archive.read("README.txt").decode("utf-8").split())
    assert meta["title"] in readme and meta["url"] in readme and LICENCE in readme
    assert f"Figure [{figure_id}]" in readme and " ".join(meta["source_line"].split()) in readme


def test_the_data_zip_holds_every_dataset_with_the_descriptors_hash():
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    download = next(Path("_build/html/_downloads").glob("*/sovind-data.zip"))
    with zipfile.ZipFile(io.BytesIO(download.read_bytes())) as archive:
        names = set(archive.namelist())
        assert {"datapackage.json", "references.bib", "README.txt"} <= names
        assert {r["path"] for r in package["resources"]} <= names
        for resource in package["resources"]:
            digest = hashlib.sha256(archive.read(resource["path"])).hexdigest()
            assert resource["hash"].endswith(digest), resource["path"]
        assert json.loads(archive.read("datapackage.json")) == package
    catalogue = Path("_build/html/book/data-catalogue.html").read_text(encoding="utf-8")
    assert "sovind-data.zip" in catalogue

