"""Issue: every figure can be linked, cited and downloaded; identifiers never break silently."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pandas as pd
import pytest
import yaml

from sovind import book
from sovind.essay.declaration import essays
from sovind.site.figure import plotted_data
from sovind.site.pages import current_figures, figure_manifest, redirects_script

pytestmark = pytest.mark.book

HTML = Path("_build/html")
FIGURES = HTML / "_static" / "figures"
MANIFEST = figure_manifest()
CURRENT = current_figures()
EXPORTS = ("svg", "png", "csv", "vl.json", "json")


def manifest_history() -> set[str]:
    """Every figure identifier any committed version of book/figures.yml ever listed.

    Fails on a shallow clone, where the history it needs is missing and the check could not fail.
    """
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], capture_output=True, text=True,
                             check=True).stdout.strip()
    assert shallow == "false", "a shallow clone hides figure ids of earlier versions; fetch the full history"
    commits = subprocess.run(["git", "rev-list", "HEAD", "--", "book/figures.yml"], capture_output=True,
                             text=True, check=True).stdout.split()
    ids: set[str] = set()
    for commit in commits:
        text = subprocess.run(["git", "show", f"{commit}:book/figures.yml"], capture_output=True, text=True,
                              check=True).stdout
        old = yaml.safe_load(text)
        ids |= set(old.get("figures") or {}) | set(old.get("published") or [])  # the ledger's old and new forms
    return ids


def test_the_ledger_lists_every_current_figure():
    assert set(CURRENT) <= set(MANIFEST["published"]), "add new figure ids to book/figures.yml"
    assert len(CURRENT) == sum(len(e.figures) for e in essays().values()), "a figure id is declared twice"


def test_no_identifier_ever_disappears_without_a_forwarding_address():
    history = manifest_history() | set(MANIFEST["published"])
    assert history, "the ledger's history is empty"
    for old in history - set(CURRENT):
        assert old in MANIFEST["moved"], f"figure id {old!r} vanished; record where it went under `moved`"
    for old, place in MANIFEST["moved"].items():
        assert old not in CURRENT
        assert CURRENT.get(place["id"]) == place["essay"], old


@pytest.mark.parametrize("figure_id", sorted(MANIFEST["published"]))
def test_every_published_figure_url_resolves_in_the_built_site(figure_id):
    if figure_id in MANIFEST["moved"]:
        place = MANIFEST["moved"][figure_id]
        figure_id, essay = place["id"], place["essay"]
    else:
        essay = CURRENT[figure_id]
    page = (HTML / "book" / f"{essay}.html").read_text(encoding="utf-8")
    assert f'id="{figure_id}"' in page
    for ext in EXPORTS:
        assert (FIGURES / f"{figure_id}.{ext}").stat().st_size > 0, ext


def test_redirect_script_maps_moved_ids():
    script = redirects_script({"published": [], "moved": {"old-id": {"essay": "goelro", "id": "new-id"}}})
    assert '{"old-id": "goelro.html#new-id"}' in script


@pytest.mark.parametrize("figure_id", sorted(CURRENT))
def test_figure_csv_equals_the_data_its_chart_encodes(figure_id):
    spec = json.loads((FIGURES / f"{figure_id}.vl.json").read_text())
    expected = plotted_data(spec)
    text = [c for c in expected.columns if not pd.api.types.is_numeric_dtype(expected[c])]  # e.g. period "1913"
    csv = pd.read_csv(FIGURES / f"{figure_id}.csv", keep_default_na=False, na_values=[""],
                      dtype=dict.fromkeys(text, str))
    assert sorted(csv.columns) == sorted(expected.columns)
    assert len(csv) == len(expected)
    for column in csv.columns:
        left, right = csv[column], expected[column]
        if pd.api.types.is_numeric_dtype(left) and pd.api.types.is_numeric_dtype(right):
            assert left.fillna(-1).tolist() == pytest.approx(right.astype(float).fillna(-1).tolist()), column
        else:
            assert left.fillna("").astype(str).tolist() == right.fillna("").astype(str).tolist(), column
    sourced = csv["source"].notna() & csv["locator"].notna()
    computed = csv["derived"].notna() if "derived" in csv else False
    assert (sourced | computed).all(), "every plotted row names its source, or says how the book computed it"


def test_version_is_one_number_everywhere():
    cff = yaml.safe_load(Path("CITATION.cff").read_text())
    assert cff["version"] == book.version()
    assert f"version {book.version()}" in Path("book/how-to-cite.md").read_text()
    for figure_id in CURRENT:
        meta = json.loads((FIGURES / f"{figure_id}.json").read_text())
        assert meta["provenance"]["book_version"] == book.version(), figure_id


def built_pages():
    return sorted(p for p in HTML.glob("book/*.html"))


def test_every_figure_on_every_page_can_be_linked_cited_and_downloaded():
    seen = set()
    for page in built_pages():
        html = page.read_text(encoding="utf-8")
        for figure_id in re.findall(r'<div class="sovind-figure" id="figure-([a-z0-9-]+)"', html):
            seen.add(figure_id)
            assert f'<figure class="align-default" id="{figure_id}">' in html, figure_id
            block = html[html.index(f'id="figure-{figure_id}"'):]
            block = block[: block.index("</details>")]
            assert "Cite and reuse" in block and f"@misc{{sovind-{figure_id}," in block
            number = re.search(rf'data-figure-id="{figure_id}">([^<]+)</span>', block).group(1)
            assert re.fullmatch(r"\d+", number), (figure_id, number)
            assert re.search(rf"Fig(ure|\.) {number}\b", html[html.index(f'id="{figure_id}"'):])
            for href in re.findall(r'href="\.\./(_static/figures/[^"]+)"', block):
                target = HTML / href
                assert target.exists() and target.stat().st_size > 0, href
    assert seen == set(CURRENT)


def test_figures_page_lists_every_figure_with_number_and_permalink():
    html = (HTML / "book" / "figures.html").read_text(encoding="utf-8")
    for figure_id, essay in CURRENT.items():
        assert f'href="{essay}.html#{figure_id}"' in html, figure_id
        assert f"_static/figures/{figure_id}.svg" in html, figure_id


@pytest.mark.parametrize("essay", ["evacuation", "fyp1"])
def test_the_prose_names_the_sources_of_the_defaults_not_their_ids(essay):
    from bs4 import BeautifulSoup

    from sovind.essay.declaration import essay as declared

    page = BeautifulSoup((HTML / "book" / f"{essay}.html").read_text(encoding="utf-8"), "html.parser")
    # Not the assumptions list: there each value's reader name comes first and the value to type in a rerun after.
    prose = " ".join(p.get_text(" ") for p in page.select("main p")
                     if not p.find_parent("table") and not p.find_parent(class_="sovind-assumptions"))
    ids = [p.default for p in declared(essay).parameters if p.option_classes()]
    assert len(prose) > 2000, "the selector found no prose"
    assert ids and [i for i in ids if i in prose] == []
