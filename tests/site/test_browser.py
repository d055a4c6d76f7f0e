"""The built book, as a reader's browser sees it: every page, every figure, no network.

Needs `make book` first (``make test`` does it) and Debian's chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import functools
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

pytestmark = [pytest.mark.browser, pytest.mark.book]

HTML = Path("_build/html")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = sorted(p.relative_to(HTML).as_posix() for p in HTML.glob("**/*.html") if "_static" not in p.parts)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="module")
def server():
    if not (HTML / "index.html").exists():
        pytest.fail("no built book in _build/html: run `make book` first")
    handler = functools.partial(_Quiet, directory=str(HTML))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium not found: `make test` installs it with apt-get")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
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
