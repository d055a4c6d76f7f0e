"""Screenshots of the built book for a person to look at: every essay at phone and desktop width, light and dark.

``make screenshots`` serves ``_build/html`` on a local port, opens each essay in
headless Chromium, waits for its charts, and writes full-page pictures to
``_build/screenshots/<essay>-<width>-<mode>.png``. Nothing is checked here (the
browser tests do that); this is for looking.
"""

from __future__ import annotations

from pathlib import Path

from sovind import paths
from sovind.site.browser import launch, serving

WIDTHS = (390, 1280)
MODES = ("light", "dark")
OUT = paths.BUILD / "screenshots"


def take(essays: list[str], out: Path = OUT) -> list[Path]:
    """Write a full-page screenshot of each essay at each width and mode; return the files written."""
    from playwright.sync_api import sync_playwright

    site = paths.BUILD / "html"
    if not (site / "index.html").exists():
        raise FileNotFoundError("no built book in _build/html: run `make book` first")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serving(site) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        for essay in essays:
            for width in WIDTHS:
                for mode in MODES:
                    tab = browser.new_page(viewport={"width": width, "height": 900})
                    tab.goto(f"{url}/book/{essay}.html", wait_until="networkidle")
                    if mode == "dark":
                        tab.evaluate("document.documentElement.dataset.theme = 'dark'")
                    tab.wait_for_function("[...document.querySelectorAll('.sovind-chart')]"
                                          f".every(c => c.dataset.rendered && c.dataset.theme === '{mode}')")
                    target = out / f"{essay}-{width}-{mode}.png"
                    tab.screenshot(path=str(target), full_page=True)
                    tab.close()
                    written.append(target)
        browser.close()
    return written
