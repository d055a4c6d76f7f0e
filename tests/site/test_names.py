"""Readers see names, not keys: no bibliography key or estimate identifier in what a reader reads.

Checked on the built pages of every essay: the prose (paragraphs, lists, captions, admonitions;
not code, the assumptions table, the citation blocks or the source lines, which quote the
sources' own locators), and in every figure the chart title, axis and legend titles, and the
labels an axis or legend shows (the values of every nominal field the chart encodes).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from sovind import paths
from sovind.data import bib
from sovind.essay.declaration import essays

pytestmark = pytest.mark.book

HTML = Path("_build/html")
#: Plan variants named by ordinary words, which prose may use as words.
WORDS = {"official", "optimal", "revised", "starting", "unstated", "as adopted"}
#: Encoding channels whose values a reader sees as axis or legend labels.
LABELLED = {"x", "y", "color", "shape", "strokeDash", "row", "column", "facet", "text", "yOffset", "xOffset"}


def internal_keys() -> set[str]:
    found = set(bib.keys())
    for path in paths.CLEAN.glob("*.csv"):
        frame = pd.read_csv(path, dtype=str)
        for column in ("estimate", "variant"):
            if column in frame:
                found |= set(frame[column].dropna())
    return found - WORDS


KEYS = internal_keys()
ALTERNATIVES = "|".join(sorted(map(re.escape, KEYS), key=len, reverse=True))
PATTERN = re.compile(r"(?<![\w-])(" + ALTERNATIVES + r")(?![\w-]|\.\w)")  # "intrestinghistory.ru" is a name


def prose(page: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("main") or soup
    for hidden in main.select(".cell_input, .sovind-assumptions, .sovind-cite, .sovind-source, .sovind-spec, "
                              "script, style, code, pre"):
        hidden.decompose()
    return " ".join(main.get_text(" ").split())


def seen_in_chart(spec: dict) -> list[str]:
    """Titles, axis and legend titles, and the values of every labelled nominal field, across all views."""
    texts: list[str] = []
    rows = [row for values in spec.get("datasets", {}).values() for row in values]

    def visit(node: object) -> None:
        if isinstance(node, dict):
            title = node.get("title")
            if isinstance(title, str):
                texts.append(title)
            elif isinstance(title, dict) and isinstance(title.get("text"), str):
                texts.append(title["text"])
            for channel, encoding in (node.get("encoding") or {}).items():
                if channel in LABELLED and isinstance(encoding, dict):
                    field = encoding.get("field")
                    if field and encoding.get("type") in {"nominal", "ordinal"}:
                        texts.extend(str(row[field]) for row in rows if row.get(field) is not None)
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(spec)
    return texts


def test_the_key_pattern_can_find_a_key():
    assert PATTERN.search("as cow-nmc-6 says") and PATTERN.search("(gosplan1929)")
    assert not PATTERN.search("the optimal variant, Wikipedia contributors") and not PATTERN.search("cow-nmc-67")


@pytest.mark.parametrize("essay", list(essays()))
def test_no_internal_key_in_an_essays_prose(essay):
    text = prose(HTML / "book" / f"{essay}.html")
    assert len(text) > 3000, "the selector found no prose"
    assert sorted(set(PATTERN.findall(text))) == []


@pytest.mark.parametrize("essay", list(essays()))
def test_no_internal_key_in_a_figures_titles_axes_or_legends(essay):
    for figure_id in essays()[essay].figures:
        spec = json.loads((HTML / "_static" / "figures" / f"{figure_id}.vl.json").read_text(encoding="utf-8"))
        seen = seen_in_chart(spec)
        assert seen, f"{figure_id}: no title or label found"
        assert sorted({k for text in seen for k in PATTERN.findall(text)}) == [], figure_id


@pytest.mark.parametrize("essay", list(essays()))
def test_no_internal_key_in_a_figures_table_view(essay):
    from bs4 import BeautifulSoup

    for figure_id in essays()[essay].figures:
        soup = BeautifulSoup((HTML / "_static" / "figures" / f"{figure_id}.table.html").read_text(encoding="utf-8"),
                             "html.parser")
        headings = [th.get_text() for th in soup.select("thead th")]
        assert "Source" in headings and len(set(headings)) == len(headings), (figure_id, headings)
        # The locator column quotes the source's own words (its file, table or line), as the source line does.
        shown = [i for i, h in enumerate(headings) if h != "Where in the source"]
        cells = [row.find_all("td") for row in soup.select("tbody tr")]
        assert cells, f"{figure_id}: an empty table"
        text = " ".join([*headings, *(row[i].get_text() for row in cells for i in shown)])
        assert sorted(set(PATTERN.findall(text))) == [], figure_id
