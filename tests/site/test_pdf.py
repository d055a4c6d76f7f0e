"""The whole book as one PDF (``make book`` prints it): it opens, it has a true table of contents,
numbered pages, every essay and every figure, and it carries no date.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from sovind.essay.declaration import essays

pytestmark = pytest.mark.book

HTML = Path("_build/html")
PDF = HTML / "sovind-book.pdf"


def normal(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text)).lower()


@pytest.fixture(scope="module")
def book():
    if not PDF.exists():
        pytest.fail("no PDF at _build/html/sovind-book.pdf: run `make book`")
    reader = PdfReader(PDF)
    return reader, [page.extract_text() or "" for page in reader.pages]


def test_the_front_page_links_to_the_pdf():
    intro = (HTML / "book" / "intro.html").read_text(encoding="utf-8")
    href = re.search(r'<a class="sovind-book-pdf" href="([^"]+)"', intro).group(1)
    assert (HTML / "book" / href).resolve() == PDF.resolve()


def test_every_page_is_numbered_in_its_footer(book):
    _, pages = book
    assert len(pages) > 50
    for number, text in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in text, number


def essay_titles() -> set[str]:
    """Each essay's title as its page prints it (its first heading)."""
    found = set()
    for name in essays():
        page = (HTML / "book" / f"{name}.html").read_text(encoding="utf-8")
        found.add(re.sub(r"<[^>]+>|#", "", re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)).strip())
    return found


def chapter_openings() -> dict[str, str]:
    """Each chapter's title (essays and reference pages), and the first words of its first paragraph."""
    from bs4 import BeautifulSoup

    found = {}
    for name in [*essays(), "figures", "data-catalogue", "how-to-cite", "bibliography"]:
        soup = BeautifulSoup((HTML / "book" / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
        section = soup.select_one("main section")
        title = section.find("h1").get_text().rstrip("#").strip()
        found[title] = normal(section.find("p", recursive=False).get_text())[:40]
    return found


def test_the_contents_give_the_page_each_chapter_starts_on(book):
    _, pages = book
    first = pages[0]
    entries = []
    for line in first[first.index("Contents"):].splitlines()[1:]:  # the list ends where the text begins
        match = re.fullmatch(r"(.+?) (\d+)", line.strip())
        if not match:
            break
        entries.append(match.groups())
    assert {normal(t) for t in essay_titles()} <= {normal(title) for title, _ in entries}
    numbers = [int(page) for _, page in entries]
    assert numbers == sorted(set(numbers)), "chapters in book order, each on its own page"
    opening = {normal(title): words for title, words in chapter_openings().items()}
    for title, page in entries:
        number = int(page)
        assert normal(title)[:40] in normal(pages[number - 1]), (title, page)
        words = opening[normal(title)]  # the chapter's first sentence starts on that page, not before it
        assert words in normal(pages[number - 1]) and words not in normal(pages[number - 2]), (title, page)


def test_the_outline_names_every_essay(book):
    reader, _ = book

    def titles(outline) -> list[str]:
        found = []
        for item in outline:
            found += titles(item) if isinstance(item, list) else [item.title]
        return found

    marked = {normal(t) for t in titles(reader.outline)}
    assert {normal(t) for t in essay_titles()} <= marked
    assert len(marked) > 3 * len(essays()), "the essays' sections should be in the outline too"


def test_every_figure_is_in_the_pdf_with_its_number_and_its_drawn_title(book):
    _, pages = book
    text = normal(" ".join(pages))
    numbers = []
    for declared in essays().values():
        page = (HTML / "book" / f"{declared.name}.html").read_text(encoding="utf-8")
        numbers += re.findall(r'<span class="caption-number">Figure (\d+) ', page)
        for figure_id in declared.figures:
            spec = json.loads((HTML / "_static/figures" / f"{figure_id}.vl.json").read_text(encoding="utf-8"))
            drawn = spec["title"]["text"] if isinstance(spec.get("title"), dict) else spec.get("title", "")
            assert normal(drawn)[:30] in text, figure_id  # the chart itself, drawn as text, not only its caption
    assert numbers
    for number in numbers:
        assert f"figure{number}" in text, number


def test_the_pdf_carries_no_date_of_printing(book):
    reader, _ = book
    assert reader.metadata["/CreationDate"] == reader.metadata["/ModDate"] == "D:19800101000000+00'00'"


def test_fixed_dates_replaces_chromiums_dates_without_moving_a_byte():
    from sovind.site.pdf import fixed_dates

    printed = b"<</CreationDate (D:20261130104214+00'00')\n/ModDate (D:20261130104215+00'00')>>"
    fixed = fixed_dates(printed)
    assert len(fixed) == len(printed) and b"2026" not in fixed and fixed.count(b"D:19800101000000") == 2
