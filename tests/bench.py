"""``make bench``: measure builds, a prose edit, a rerun, the test suite and page sizes, on this machine, in one run.

Builds are measured on a scratch copy of the project (``SOVIND_ROOT``), so the
working tree is never touched. Prints a table of seconds and ratios against
the goals of the rebuild issue, and the transfer size of every essay page.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sovind import paths
from sovind.essay.declaration import essays
from tests.helpers import scratch_project, set_cell

ESSAYS = list(essays())
PY = sys.executable
JB = str(Path(PY).with_name("jupyter-book"))


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    """Run a command and return its wall-clock time and output; fail loudly if it fails."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return elapsed, result.stdout


def page_sizes(html: Path) -> tuple[dict[str, int], dict[str, int], int]:
    """Return each essay page's own size, raw and gzip-compressed, and the size of what all pages share.

    The compressed size is what a browser transfers from a server that compresses
    HTML (as GitHub Pages does); the raw size is the upper bound.

    A page loads its HTML, its stylesheets, scripts and images. The figures'
    static pictures (``_static/figures``) belong to their page; every other
    asset (theme, fonts, the chart library) is shared by all pages and cached,
    so it is counted once. Download links (CSV, PNG, spec) are not loaded.
    """
    import gzip

    own: dict[str, int] = {}
    packed: dict[str, int] = {}
    shared: set[Path] = set()
    for essay in ESSAYS:
        page = html / "book" / f"{essay}.html"
        # A <noscript> picture is fetched only when JavaScript is off.
        text = re.sub(r"<noscript>.*?</noscript>", "", page.read_text(encoding="utf-8"), flags=re.S)
        loaded = re.findall(r'<(?:script|img)\b[^>]*\bsrc="([^"#?]+)', text)
        loaded += re.findall(r'<link\b[^>]*rel="(?:stylesheet|icon|shortcut icon)"[^>]*href="([^"#?]+)', text)
        total = page.stat().st_size
        compressed = len(gzip.compress(page.read_bytes(), mtime=0))
        for ref in loaded:
            if ref.startswith(("http:", "https:", "//", "data:")):
                continue
            target = (page.parent / ref).resolve()
            if not target.is_file():
                continue
            if "/_static/figures/" in target.as_posix():
                total += target.stat().st_size
                compressed += len(gzip.compress(target.read_bytes(), mtime=0))
            else:
                shared.add(target)
        own[essay], packed[essay] = total, compressed
    return own, packed, sum(p.stat().st_size for p in shared)


def switch_times(html: Path) -> dict[str, float]:
    """Return, per essay, the milliseconds from choosing another value of its first parameter to every chart drawn.

    Measured in headless Chromium on a local server, the variant's data not yet
    fetched (the first switch, the slowest), as a reader on this machine would see it.
    """
    import json

    from playwright.sync_api import sync_playwright

    from sovind.site.browser import launch, serving

    times = {}
    with serving(html) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        for name, declared in essays().items():
            parameter = declared.parameters[0]
            value = next(v for v in parameter.allowed() if v != parameter.default)
            tab = browser.new_page(viewport={"width": 1280, "height": 900})
            tab.goto(f"{url}/book/{name}.html", wait_until="networkidle")
            tab.wait_for_function("[...document.querySelectorAll('.sovind-chart')].every(c => c.dataset.rendered)")
            start = tab.evaluate("performance.now()")
            tab.select_option(f"select[name={parameter.name}]", json.dumps(value))
            # Switched: the page names the variant, and every chart is drawn again (only changed ones redraw).
            tab.wait_for_function("document.documentElement.dataset.sovindVariant !== undefined && "
                                  "[...document.querySelectorAll('.sovind-chart')].every(c => c.dataset.rendered)",
                                  polling=5)
            times[name] = tab.evaluate("performance.now()") - start
            tab.close()
        browser.close()
    return times


def main() -> int:
    """Run every measurement and print the table."""
    scratch = Path(tempfile.mkdtemp(prefix="sovind-bench-"))
    copy = scratch_project(scratch)
    shutil.rmtree(copy / "_build", ignore_errors=True)
    for generated in [*copy.glob("book/*.ipynb"), copy / "book" / "figures.md"]:
        generated.unlink(missing_ok=True)
    shutil.rmtree(copy / "book" / "scenarios", ignore_errors=True)
    env = {**os.environ, "SOVIND_ROOT": str(copy), "SOVIND_RUNS_DIR": str(scratch / "runs")}
    cores = os.cpu_count() or 1
    make = ["make", "-s", "book", f"VENV={Path(PY).parent.parent}"]

    clean, _ = timed(make, copy, env)
    noop, _ = timed(make, copy, env)

    text = copy / "book" / "essays" / "fyp1.md"
    text.write_text(text.read_text(encoding="utf-8").replace("## ", "## Revised: ", 1), encoding="utf-8")
    prose, log = timed(make, copy, env)
    if "no notebook executed" not in log:
        raise SystemExit(f"a prose edit executed a notebook:\n{log}")

    raw = copy / "data" / "raw" / "cia_1952_electric_power.csv"
    set_cell(raw, 2, "value", f"{float(set_cell(raw, 2, 'value', '')) + 0.1:.1f}")
    one_dataset, _ = timed(make, copy, env)
    readers = ["goelro"]

    rerun, _ = timed([PY, "-m", "sovind", "rerun", "fyp1", "-p", "plan_variant", "starting"], copy, env)

    probe = scratch / "probe.ipynb"
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import pandas, altair")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, probe)
    kernel, _ = timed([PY, "-m", "papermill", str(probe), str(scratch / "out.ipynb"), "--log-level", "ERROR"],
                      copy, env)
    shutil.rmtree(copy / "_build" / "html", ignore_errors=True)
    shutil.rmtree(copy / "_build" / ".doctrees", ignore_errors=True)
    sphinx, _ = timed([JB, "build", ".", "--quiet"], copy, env)
    runs = sum(1 + len(e.scenarios) for e in essays().values())
    floor = kernel * runs / cores + sphinx

    executed = [str(p) for p in sorted(paths.BUILD_RUNS.glob("*/*.ipynb")) if "@" not in p.parent.name]
    tests, _ = timed([PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests", *executed], paths.ROOT,
                     dict(os.environ))
    fast, _ = timed([PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m",
                     "not kernel and not browser and not book", "tests"], paths.ROOT, dict(os.environ))
    sizes, packed, shared = page_sizes(copy / "_build" / "html")

    rows = [
        (f"clean build: make book with no _build ({runs} notebook runs)", clean, ""),
        ("no-op rebuild: make book again", noop, f"{noop / clean:.0%} of clean (goal ≤ 10%)"),
        ("prose edit: one paragraph heading of one essay, make book", prose, "no notebook executed"),
        ("rebuild after one dataset change (electricity_generation)", one_dataset,
         f"goal ≤ {clean * len(readers) / len(ESSAYS) + sphinx:.1f} s = clean × {len(readers)}/{len(ESSAYS)} + render"),
        ("one essay rerun with a changed parameter (fyp1)", rerun, ""),
        ("floor: kernel + imports per run ÷ cores + Sphinx build", floor,
         f"clean is {clean / floor:.2f}× the floor (goal ≤ 2×)"),
        ("Sphinx build from scratch, execution off", sphinx, ""),
        ("test suite (pytest, nbval, browser)", tests, ""),
        ("make test-fast (no kernel, no browser)", fast, "goal < 60 s"),
    ]
    print(f"Machine: {cores} cores. Scratch copy: {copy}")
    print(f"| {'measurement':<62} | {'seconds':>8} | note |")
    print(f"|{'-' * 64}|{'-' * 10}|------|")
    for name, seconds, note in rows:
        print(f"| {name:<62} | {seconds:8.1f} | {note} |")
    print()
    print(f"| {'page, before a control is used':<30} | {'KB raw':>7} | {'KB gzip':>7} | goal ≤ 300 KB transferred |")
    print(f"|{'-' * 32}|{'-' * 9}|{'-' * 9}|---------------------------|")
    for essay, size in sizes.items():
        verdict = "ok" if packed[essay] <= 300 * 1024 else "over"
        print(f"| book/{essay + '.html':<25} | {size / 1024:7.0f} | {packed[essay] / 1024:7.0f} | {verdict} |")
    print(f"| shared by all pages (theme, chart library), once | {shared / 1024:.0f} KB | cached |")
    print()
    print(f"| {'changing an assumption in the browser':<40} | {'ms':>6} | goal < 200 ms |")
    print(f"|{'-' * 42}|{'-' * 8}|---------------|")
    for essay, ms in switch_times(copy / "_build" / "html").items():
        print(f"| book/{essay + '.html, first switch':<35} | {ms:6.0f} | {'ok' if ms < 200 else 'over'} |")
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
