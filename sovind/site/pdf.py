"""The whole book as one PDF: the single-page build, printed by Chromium.

``make book`` builds the book a second time with Sphinx's ``singlehtml``
builder (every page in one document, figures numbered as on the site) and then
calls :func:`build_pdf`, which opens that document in headless Chromium, waits
for every chart to be drawn, and prints it with the book's print stylesheet:

* a title page with a table of contents that gives each chapter's page;
* every chapter starting on a new page;
* page numbers in the footer, and an outline (bookmarks) of chapters and their sections.

Chromium cannot number pages in a table of contents, so the book is printed
more than once: a first print, with Chromium's outline of the headings, says on
which page each chapter starts (read back with pypdf); a second, with those
numbers in the contents, checks that no chapter moved; the last is the book.
Chromium's own outline comes only with a tagged PDF, whose internal identifiers
vary from run to run, so the book's outline is written afterwards with pypdf. The PDF carries no date: Chromium's
creation and modification dates are set to one fixed value, so the same book
prints to the same bytes.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from io import BytesIO
from pathlib import Path

from sovind import book, paths
from sovind.files import write_if_changed

#: The single-page build, kept apart from the site's (``--path-output _build/pdf``: its own parsed pages).
SINGLE = paths.BUILD / "pdf" / "_build" / "singlehtml"
#: Where the site offers the PDF (linked from the front page).
PDF = paths.BUILD / "html" / "sovind-book.pdf"
#: The date written into the PDF's metadata, in place of the moment it was printed.
FIXED_DATE = b"D:19800101000000+00'00'"

#: Run in the page before printing: drop the theme's contents list of the first page, point links made for the
#: site's folders at the single page, give every chapter a new page, and write the contents list.
_PREPARE = r"""({pages, edition}) => {
  // Jupyter Book prints the first page's own contents list; the book's is written below instead.
  document.querySelectorAll('#jb-print-toc, .bd-sidebar-secondary').forEach(e => e.remove());
  // The scenario pages compare pictures side by side for the screen; the printed book is the essays.
  document.querySelectorAll('span[id^="document-book/scenarios/"]').forEach(marker => {
    const page = marker.nextElementSibling;
    if (page && page.tagName === 'SECTION') { page.remove(); }
    marker.remove();
  });
  document.querySelectorAll('img[src^="../"]').forEach(img =>
    img.setAttribute('src', img.getAttribute('src').replace(/^(\.\.\/)+/, '')));
  const style = document.createElement('style');
  style.textContent = `
    section.sovind-pdf-chapter { break-before: page; }
    h2, h3 { break-after: avoid; }
    pre { white-space: pre-wrap !important; overflow-wrap: anywhere; }
    details.hide.above-input, details.above-input, .cell_input, .sovind-tools, .headerlink { display: none !important; }
    nav.sovind-pdf-contents ol { list-style: none; padding: 0; margin: 1.5rem 0; }
    nav.sovind-pdf-contents li { display: flex; gap: 0.5rem; margin: 0.3rem 0; }
    nav.sovind-pdf-contents li span.fill { flex: 1; border-bottom: 1px dotted #999; margin-bottom: 0.3rem; }
    p.sovind-pdf-edition { font-size: 1.1rem; }`;
  document.head.appendChild(style);
  // A chapter is a page of the site: its section follows the marker Sphinx leaves for each document.
  const chapters = [...document.querySelectorAll('span[id^="document-book/"] + section > h2')]
    .filter(h => !h.parentElement.previousElementSibling.id.includes('/scenarios/'));
  chapters.forEach(h => h.parentElement.classList.add('sovind-pdf-chapter'));
  const nav = document.createElement('nav');
  nav.className = 'sovind-pdf-contents';
  nav.innerHTML = '<h3>Contents</h3><ol></ol>';
  chapters.forEach((h, i) => {
    const section = h.closest('section');
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = '#' + section.id;
    a.textContent = h.textContent.replace(/#$/, '').trim();
    const fill = document.createElement('span');
    fill.className = 'fill';
    const page = document.createElement('span');
    page.textContent = pages[i] || '00';
    li.append(a, fill, page);
    nav.querySelector('ol').appendChild(li);
  });
  // In print, Jupyter Book shows its own copy of the first page's title and hides the page's.
  const title = document.querySelector('.onlyprint h1') || document.querySelector('section > h1');
  const line = document.createElement('p');
  line.className = 'sovind-pdf-edition';
  line.textContent = edition;
  title.after(line, nav);
  const text = h => h.textContent.replace(/#$/, '').trim();
  return chapters.map(h => ({title: text(h), sections: [...h.parentElement.querySelectorAll('h3')].map(text)}));
}"""


def _normal(text: str) -> str:
    """Letters and digits only, lower case, ligatures undone: headings as pypdf extracts them, whatever the breaks."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text)).lower()


def chapter_pages(pdf: bytes, titles: list[str]) -> list[int]:
    """Return the page (1-based) on which each chapter starts, from the outline Chromium wrote for its headings.

    Chromium's outline points each heading at the page it was printed on; the
    text of the pages cannot say as much (a chapter's title also appears in the
    contents and in cross-references).
    """
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(pdf))
    marks: list[tuple[str, int]] = []

    def walk(outline: list) -> None:
        for item in outline:
            if isinstance(item, list):
                walk(item)
            else:
                marks.append((_normal(item.title), reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    found = []
    for title in titles:
        page = next((page for name, page in marks if name == _normal(title)), None)
        if page is None:
            raise RuntimeError(f"the printed book has no heading {title!r} in its outline")
        found.append(page)
    return found


def with_outline(pdf: bytes, chapters: list[dict], pages: list[int]) -> bytes:
    """Return the PDF with bookmarks: each chapter at its first page, its sections under it.

    A section is placed at the first page, from its chapter's first page on, whose
    text holds its heading; a heading the text does not give back (a formula, say)
    is left out of the outline rather than pointed at the wrong page.
    """
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(BytesIO(pdf))
    texts = [_normal(page.extract_text() or "") for page in reader.pages]
    writer = PdfWriter(clone_from=reader)
    for i, (chapter, page) in enumerate(zip(chapters, pages, strict=True)):
        parent = writer.add_outline_item(title=chapter["title"], page_number=page - 1)
        end = pages[i + 1] if i + 1 < len(pages) else len(texts)
        at = page - 1
        for section in chapter["sections"]:
            key = _normal(section)[:40]
            hit = next((j for j in range(at, end) if key and key in texts[j]), None)
            if hit is not None:
                writer.add_outline_item(title=section, page_number=hit, parent=parent)
                at = hit
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def fixed_dates(pdf: bytes) -> bytes:
    """Replace the PDF's creation and modification dates by :data:`FIXED_DATE` (same length: offsets stay)."""
    return re.sub(rb"/(CreationDate|ModDate) \(D:\d{14}[+-Z][^)]*\)",
                  lambda m: b"/" + m.group(1) + b" (" + FIXED_DATE + b")", pdf)


def _print(tab, pages: list[int], *, draft: bool) -> tuple[bytes, list[dict]]:
    """Print the prepared page; a draft also carries Chromium's outline (which, tagged, varies from run to run)."""
    from sovind.site.figure import LICENCE

    edition = f"Version {book.version()} · {book.base_url()} · text and data {LICENCE[0]}"
    titles = tab.evaluate(_PREPARE, {"pages": [str(p) for p in pages], "edition": edition})
    footer = (f'<div style="font-size:8px;width:100%;padding:0 14mm;color:#555;display:flex;'
              f'justify-content:space-between"><span>{book.title()}, version {book.version()}</span>'
              '<span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>')
    pdf = tab.pdf(format="A4", print_background=False, display_header_footer=True,
                  header_template="<span></span>", footer_template=footer,
                  margin={"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                  outline=draft, tagged=draft)
    return pdf, titles


def build_pdf(single: Path = SINGLE, target: Path = PDF) -> Path:
    """Print the single-page build to ``target``; return its path. Raises if a chart or a chapter is missing."""
    from playwright.sync_api import sync_playwright

    from sovind.site.browser import launch

    source = single / "book" / "intro.html"
    if not source.exists():
        raise FileNotFoundError(f"no single-page build at {paths.relative(source)}: run `make pdf`")
    # Sphinx writes the single page at the root document's path, but with links relative to the root.
    whole = single / "whole.html"
    shutil.copyfile(source, whole)
    # The figures' pictures are written by the site's build (the single-page build reuses its parsed pages).
    for folder in ("figures", "scenarios"):
        shutil.copytree(paths.BUILD / "html" / "_static" / folder, single / "_static" / folder, dirs_exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            def printed(pages: list[int], draft: bool) -> tuple[bytes, list[dict]]:
                tab = browser.new_page(viewport={"width": 1000, "height": 1400})
                tab.goto(whole.resolve().as_uri(), wait_until="networkidle")
                tab.wait_for_function(
                    "[...document.querySelectorAll('.sovind-chart')].every(c => c.dataset.rendered === 'interactive')",
                    timeout=60_000)
                tab.emulate_media(media="print")
                result = _print(tab, pages, draft=draft)
                tab.close()
                return result

            first, chapters = printed([], draft=True)
            titles = [chapter["title"] for chapter in chapters]
            pages = chapter_pages(first, titles)
            check, _ = printed(pages, draft=True)
            if chapter_pages(check, titles) != pages:
                raise RuntimeError("the chapters moved once the contents gave their pages; the contents would be wrong")
            pdf, _ = printed(pages, draft=False)
        finally:
            browser.close()
    write_if_changed(target, with_outline(fixed_dates(pdf), chapters, pages))
    return target
