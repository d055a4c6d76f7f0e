"""The built book, as a reader's browser sees it: every page, every figure, no network.

Needs `make book` first (``make test`` does it) and Debian's chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from sovind.site.browser import CHROMIUM, launch, serving

pytestmark = [pytest.mark.browser, pytest.mark.book]

HTML = Path("_build/html")
PAGES = sorted(p.relative_to(HTML).as_posix() for p in HTML.glob("**/*.html") if "_static" not in p.parts)


@pytest.fixture(scope="module")
def server():
    if not (HTML / "index.html").exists():
        pytest.fail("no built book in _build/html: run `make book` first")
    with serving(HTML) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium not found: `make test` installs it with apt-get")
    with sync_playwright() as p:
        browser = launch(p)
        yield browser
        browser.close()


def test_the_book_has_the_expected_pages():
    essays = {f"book/{e}.html" for e in ("goelro", "fyp1", "urbanisation", "evacuation")}
    others = {"book/intro.html", "book/figures.html", "book/data-catalogue.html", "book/how-to-cite.html",
              "book/bibliography.html"}
    assert essays | others <= set(PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_offline_without_errors(server, browser, page):
    context = browser.new_context()
    tab = context.new_page()
    errors, outside = [], []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    tab.goto(f"{server}/{page}", wait_until="networkidle")
    redirect = re.search(r'http-equiv="Refresh" content="0; url=([^"]+)"', (HTML / page).read_text(encoding="utf-8"))
    if redirect:  # the book's root page only forwards to the introduction
        tab.wait_for_url(f"**/{redirect.group(1)}")
        tab.wait_for_load_state("networkidle")
    charts = tab.locator(".sovind-chart")
    for i in range(charts.count()):
        chart = charts.nth(i)
        chart.locator("svg, canvas").first.wait_for(state="attached", timeout=10_000)
    context.close()
    assert errors == [], errors
    assert outside == [], outside


@pytest.mark.parametrize(("essay", "expected"), [
    ("goelro", {"goelro-generation-estimates", "goelro-capacity-against-target", "goelro-stations-timeline"}),
    ("fyp1", {"fyp1-fulfilment-by-product", "fyp1-target-escalation", "fyp1-investment-plan-vs-reported",
              "fyp1-output-index"}),
    ("urbanisation", {"urbanisation-urban-share", "urbanisation-urban-rural-totals", "urbanisation-city-growth",
                      "urbanisation-migration-and-labour"}),
    ("evacuation", {"evacuation-enterprises-by-destination", "evacuation-loss-estimates",
                    "evacuation-people-estimates", "evacuation-output-low-point"}),
])
def test_essay_page_shows_its_figures(server, browser, essay, expected):
    tab = browser.new_page()
    tab.goto(f"{server}/book/{essay}.html", wait_until="networkidle")
    figures = tab.locator("figure .sovind-figure")
    assert figures.count() >= len(expected)
    ids = tab.eval_on_selector_all("figure", "els => els.map(e => e.id)")
    assert expected <= set(ids)
    captions = tab.eval_on_selector_all("figure figcaption", "els => els.map(e => e.innerText)")
    assert all(re.match(r"Figure \d+", c) for c in captions), captions
    tab.close()


@pytest.mark.parametrize("page", PAGES)
def test_no_third_party_script_style_or_font(page):
    html = (HTML / page).read_text(encoding="utf-8")
    loaded = re.findall(r'<(?:script|img|iframe|source)\b[^>]*?\bsrc="((?:https?:)?//[^"]+)"', html)
    for tag in re.findall(r"<link\b[^>]*>", html):
        rel = re.search(r'rel="([^"]+)"', tag)
        href = re.search(r'href="((?:https?:)?//[^"]+)"', tag)
        if href and rel and rel.group(1) not in {"canonical"}:
            loaded.append(href.group(1))
    assert loaded == [], loaded
    assert "unpkg.com" not in html and "cdn.jsdelivr" not in html


def test_download_link_and_permalink_deliver(server, browser):
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    tab.goto(f"{server}/book/goelro.html", wait_until="networkidle")
    block = tab.locator("figure#goelro-generation-estimates details.sovind-cite")
    block.locator("summary").click()
    with tab.expect_download() as info:
        block.get_by_text("CSV of the plotted data").click()
    download = info.value
    text = Path(download.path()).read_text(encoding="utf-8")
    assert download.suggested_filename == "goelro-generation-estimates.csv"
    assert text.splitlines()[0].split(",")[:4] == ["coverage", "estimate", "locator", "period"] or "source" in text
    assert "gosplan1929" in text
    tab.goto(f"{server}/book/figures.html", wait_until="networkidle")
    tab.locator('a[href="goelro.html#goelro-capacity-against-target"]').first.click()
    tab.wait_for_load_state("networkidle")
    assert tab.url.endswith("/book/goelro.html#goelro-capacity-against-target")
    assert tab.locator("#goelro-capacity-against-target").is_visible()
    context.close()


def test_figures_show_their_static_svg_without_javascript(server, browser):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{server}/book/fyp1.html", wait_until="networkidle")
    images = tab.locator(".sovind-chart img.sovind-static")
    assert images.count() == tab.locator(".sovind-chart").count() > 0
    widths = images.evaluate_all("els => els.map(e => e.complete && e.naturalWidth)")
    assert all(w and w > 0 for w in widths), widths
    context.close()


#: The smallest text a chart may draw, in CSS pixels as the reader sees it, by screen width.
MIN_TEXT = {390: 10.0, 1280: 11.0}
ESSAYS = ["longview", "goelro", "fyp1", "urbanisation", "evacuation"]

# For each chart's SVG: the rendered size of every text mark (its font size times the SVG's on-screen scale).
_TEXT_SIZES = """(charts) => charts.map(chart => {
  const svg = chart.querySelector('svg');
  if (!svg) { return {id: chart.id, sizes: []}; }
  const box = svg.getBoundingClientRect();
  const drawn = parseFloat(svg.getAttribute('width')) || box.width;
  const scale = box.width / drawn;
  const sizes = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() !== '')
    .map(t => ({text: t.textContent.slice(0, 40), px: parseFloat(getComputedStyle(t).fontSize) * scale}));
  return {id: chart.id, layout: chart.dataset.layout, sizes: sizes};
})"""


@pytest.mark.parametrize("width", sorted(MIN_TEXT))
@pytest.mark.parametrize("essay", ESSAYS)
def test_chart_text_is_readable_at_phone_and_desktop_width(server, browser, essay, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto(f"{server}/book/{essay}.html", wait_until="networkidle")
    tab.wait_for_function("[...document.querySelectorAll('.sovind-chart')].every(c => c.dataset.rendered)")
    charts = tab.eval_on_selector_all(".sovind-chart", _TEXT_SIZES)
    context.close()
    assert charts and all(c["sizes"] for c in charts), "no chart text found"
    least = MIN_TEXT[width] - 0.05  # rounding in the browser's layout
    small = {c["id"]: sorted({(round(s["px"], 1), s["text"]) for s in c["sizes"] if s["px"] < least})[:3]
             for c in charts}
    assert {k: v for k, v in small.items() if v} == {}
    if width == 390:
        assert all(c["layout"] == "narrow" for c in charts), "charts should be reflowed on a phone"
    else:
        assert {c["layout"] for c in charts} <= {"wide", "reflowed"}


def test_charts_follow_the_dark_theme(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(f"{server}/book/longview.html", wait_until="networkidle")
    tab.evaluate("document.documentElement.dataset.theme = 'dark'")
    tab.wait_for_function("[...document.querySelectorAll('.sovind-chart')].every(c => c.dataset.theme === 'dark')")
    colours = tab.eval_on_selector_all(".sovind-chart svg .role-axis-label text",
                                       "ts => ts.map(t => getComputedStyle(t).fill)")
    context.close()
    assert colours and all(c == "rgb(216, 216, 216)" for c in colours), set(colours)


def test_print_shows_the_essay_and_its_figures_without_the_interface(server, browser):
    tab = browser.new_page()
    tab.goto(f"{server}/book/goelro.html", wait_until="networkidle")
    tab.emulate_media(media="print")
    shown = tab.evaluate("""() => {
      const visible = s => [...document.querySelectorAll(s)].some(e => getComputedStyle(e).display !== 'none');
      const figure = document.querySelector('figure');
      return {sidebar: visible('.bd-sidebar-primary'), cite: visible('details.sovind-cite'),
              code: visible('.cell_input'), link: visible('.sovind-print-link'), chart: visible('.sovind-chart'),
              keep: getComputedStyle(figure).breakInside};
    }""")
    tab.close()
    assert shown == {"sidebar": False, "cite": False, "code": False, "link": True, "chart": True, "keep": "avoid"}


def _open(browser, server, page, width=1280, mode="light", errors=None, **options):
    """Open a page of the built book at a width and in a colour mode, with every chart drawn.

    ``errors``, if given, collects every script error the page raises.
    """
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    tab = context.new_page()
    if errors is not None:
        tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(f"{server}/{page}", wait_until="networkidle")
    if mode == "dark":
        tab.evaluate("document.documentElement.dataset.theme = 'dark'")
        tab.wait_for_function("[...document.querySelectorAll('.sovind-chart')].every(c => c.dataset.theme === 'dark')")
    tab.wait_for_function("[...document.querySelectorAll('.sovind-chart')].every(c => c.dataset.rendered)")
    # The theme fades colours in; measure once every transition has ended.
    tab.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    return context, tab


# axe-core as packaged by axe-playwright-python (a pinned requirement), injected into the page: no network.
AXE = (Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("page", [p for p in PAGES if p != "index.html"])  # index.html only forwards
def test_axe_core_finds_no_serious_or_critical_violation(server, browser, page, mode):
    context, tab = _open(browser, server, page, mode=mode)
    tab.add_script_tag(content=AXE)
    result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
    ran = {rule["id"] for group in ("violations", "passes", "incomplete", "inapplicable") for rule in result[group]}
    context.close()
    assert "color-contrast" in ran and "svg-img-alt" in ran  # the checks this test relies on did run
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]
               if v["impact"] in {"serious", "critical"}]
    assert serious == []


# Every pair of text marks in a chart whose boxes overlap by more than a pixel across and two down.
_OVERLAPS = """(charts) => charts.map(chart => {
  const shown = t => t.textContent.trim() !== '' && getComputedStyle(t).visibility !== 'hidden'
    && parseFloat(getComputedStyle(t).opacity) > 0 && t.getAttribute('opacity') !== '0';
  const boxes = [...chart.querySelectorAll('svg text')].filter(shown).map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent.slice(0, 30), left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  }).filter(b => b.right > b.left && b.bottom > b.top);
  const pairs = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
    const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (across > 1 && down > 2) { pairs.push([a.text, b.text]); }
  }));
  return {id: chart.id, texts: boxes.length, pairs: pairs};
})"""


@pytest.mark.parametrize("width", sorted(MIN_TEXT))
@pytest.mark.parametrize("essay", ESSAYS)
def test_no_two_text_marks_of_a_chart_overlap(server, browser, essay, width):
    context, tab = _open(browser, server, f"book/{essay}.html", width=width)
    charts = tab.eval_on_selector_all(".sovind-chart", _OVERLAPS)
    context.close()
    assert charts and all(c["texts"] > 3 for c in charts), charts
    assert {c["id"]: c["pairs"] for c in charts if c["pairs"]} == {}


def test_the_overlap_check_sees_overlapping_text(server, browser):
    context, tab = _open(browser, server, "book/goelro.html")
    tab.evaluate("""() => { const svg = document.querySelector('.sovind-chart svg');
      const t = [...svg.querySelectorAll('text')].find(t => t.textContent.trim());
      svg.appendChild(t.cloneNode(true)); }""")
    charts = tab.eval_on_selector_all(".sovind-chart", _OVERLAPS)
    context.close()
    assert charts[0]["pairs"], "a duplicated label drawn on top of itself must count as an overlap"


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fore: str, back: str) -> float:
    """WCAG contrast ratio of two CSS rgb() colours."""
    one, two = (_luminance(tuple(float(v) for v in re.findall(r"[\d.]+", c))) for c in (fore, back))
    return (max(one, two) + 0.05) / (min(one, two) + 0.05)


def test_the_contrast_formula_matches_wcag_examples():
    assert round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1) == 21.0
    assert round(contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)"), 2) == 4.54  # WCAG's grey on white


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("essay", ESSAYS)
def test_chart_text_contrasts_with_the_page(server, browser, essay, mode):
    context, tab = _open(browser, server, f"book/{essay}.html", mode=mode)
    background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
    fills = tab.eval_on_selector_all(".sovind-chart svg text", """ts => ts.filter(t => t.textContent.trim())
      .map(t => [t.textContent.slice(0, 30), getComputedStyle(t).fill])""")
    context.close()
    assert fills
    weak = sorted({(text, fill, round(contrast(fill, background), 2)) for text, fill in fills
                   if contrast(fill, background) < 4.5})
    assert weak == [], f"background {background}: {weak[:5]}"


def test_table_view_shows_the_plotted_values_by_name(server, browser):
    context, tab = _open(browser, server, "book/fyp1.html", width=390)
    figure = tab.locator("figure#fyp1-fulfilment-by-product")
    button = figure.get_by_role("button", name="Show the plotted values as a table")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    table = figure.locator("table.sovind-data-table")
    table.wait_for()
    headings = table.locator("thead th").all_inner_texts()
    rows = table.locator("tbody tr").count()
    text = table.inner_text()
    context.close()
    csv_rows = len((HTML / "_static/figures/fyp1-fulfilment-by-product.csv").read_text().splitlines()) - 1
    assert rows == csv_rows
    assert "Mitchell (1998)" in text and "mitchell1998" in (HTML / "_static/figures/fyp1-fulfilment-by-product.csv"
                                                            ).read_text() and "mitchell1998" not in text
    assert {"Product", "Per cent of target", "Class of source"} <= set(headings)


def test_citation_and_code_have_copy_buttons(server, browser):
    context, tab = _open(browser, server, "book/goelro.html")
    counts = tab.evaluate("""() => ({
      citations: document.querySelectorAll('pre.sovind-citation').length,
      copyable: [...document.querySelectorAll('pre.sovind-citation')].filter(p =>
        p.parentElement.querySelector('button.copybtn')).length,
      code: document.querySelectorAll('div.highlight pre').length,
      codeCopyable: [...document.querySelectorAll('div.highlight pre')].filter(p =>
        p.parentElement.querySelector('button.copybtn')).length})""")
    context.close()
    assert counts["citations"] > 0 and counts["copyable"] == counts["citations"]
    assert counts["code"] > 0 and counts["codeCopyable"] == counts["code"]


def test_full_screen_shows_the_figure_alone(server, browser):
    context, tab = _open(browser, server, "book/longview.html")
    figure = tab.locator("figure").first
    expected = figure.get_attribute("id")
    figure.get_by_role("button", name="Show this figure full screen").click()
    tab.wait_for_function("document.fullscreenElement !== null")
    shown = tab.evaluate("document.fullscreenElement.id")
    tab.get_by_role("button", name="Leave full screen").click()
    tab.wait_for_function("document.fullscreenElement === null")
    context.close()
    assert shown == expected


def test_long_category_labels_wrap_instead_of_being_cut_on_a_phone(server, browser):
    # One source's several estimates differ only at the end of their labels ("Yashin (2008), in July–November
    # 1941", "..., in June–December 1941"): on a phone each label goes on two lines instead of losing its end.
    context, tab = _open(browser, server, "book/evacuation.html", width=390)
    labels = tab.evaluate("""() => [...document.querySelectorAll('#evacuation-people-estimates svg text')].map(t =>
        t.querySelectorAll('tspan').length ? [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' ')
                                           : t.textContent)""")
    context.close()
    assert {"Yashin (2008), in July–November 1941", "Yashin (2008), in June–December 1941"} <= set(labels), labels
