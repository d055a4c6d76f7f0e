"""``make bench``: measure builds, a rerun, the test suite and page sizes, on this machine, in one run.

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

from sovind.notebooks import ESSAYS

from sovind import paths

PY = sys.executable
JB = str(Path(PY).with_name("jupyter-book"))


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Run a command and return its wall-clock time; fail loudly if it fails."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return elapsed


def scratch_copy(parent: Path | None = None) -> Path:
    """Copy the project (without .venv, _build, .git, runs) into ``parent`` (a new scratch directory by default)."""
    target = (parent or Path(tempfile.mkdtemp(prefix="sovind-bench-"))) / "book"
    shutil.copytree(paths.ROOT, target, ignore=shutil.ignore_patterns(".venv", "_build", ".git", "runs", "*.egg-info",
                                                                        ".pytest_cache", ".ruff_cache"))
    return target


def page_sizes(html: Path) -> tuple[dict[str, int], int]:
    """Return each essay page's own transfer size and the size of what all pages share.

    A page loads its HTML, its stylesheets, scripts and images. The figures'
    static pictures (``_static/figures``) belong to their page; every other
    asset (theme, fonts, the chart library) is shared by all pages and cached,
    so it is counted once. Download links (CSV, PNG, spec) are not loaded.
    """
    own: dict[str, int] = {}
    shared: set[Path] = set()
    for essay in ESSAYS:
        page = html / "book" / f"{essay}.html"
        # A <noscript> picture is fetched only when JavaScript is off.
        text = re.sub(r"<noscript>.*?</noscript>", "", page.read_text(encoding="utf-8"), flags=re.S)
        loaded = re.findall(r'<(?:script|img)\b[^>]*\bsrc="([^"#?]+)', text)
        loaded += re.findall(r'<link\b[^>]*rel="(?:stylesheet|icon|shortcut icon)"[^>]*href="([^"#?]+)', text)
        total = page.stat().st_size
        for ref in loaded:
            if ref.startswith(("http:", "https:", "//", "data:")):
                continue
            target = (page.parent / ref).resolve()
            if not target.is_file():
                continue
            if "/_static/figures/" in target.as_posix():
                total += target.stat().st_size
            else:
                shared.add(target)
        own[essay] = total
    return own, sum(p.stat().st_size for p in shared)


def main() -> int:
    """Run every measurement and print the table."""
    copy = scratch_copy()
    env = {**os.environ, "SOVIND_ROOT": str(copy)}
    cores = os.cpu_count() or 1
    make = ["make", "-s", "book", f"VENV={Path(PY).parent.parent}"]

    (copy / "book" / "executed.json").unlink(missing_ok=True)
    clean = timed(make, copy, env)
    noop = timed(make, copy, env)

    raw = copy / "data" / "raw" / "cia_1952_electric_power.csv"
    raw.write_text(raw.read_text(encoding="utf-8").replace(",47.0,", ",47.1,"), encoding="utf-8")
    one_dataset = timed(make, copy, env)
    readers = ["goelro"]

    rerun = timed([PY, "-c", "from pathlib import Path; import tempfile; from sovind.notebooks import execute; "
                   "d = Path(tempfile.mkdtemp()); execute('fyp1', {'plan_variant': 'starting'}, "
                   "output=d / 'fyp1.ipynb', figure_dir=d / 'figures')"], copy, env)

    probe = Path(tempfile.mkdtemp()) / "probe.ipynb"
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import pandas, altair")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, probe)
    kernel = timed([PY, "-m", "papermill", str(probe), str(probe.with_name("out.ipynb")), "--log-level", "ERROR"],
                   copy, env)
    shutil.rmtree(copy / "_build", ignore_errors=True)
    sphinx = timed([JB, "build", ".", "--quiet"], copy, env)
    floor = kernel * len(ESSAYS) / cores + sphinx

    tests = timed([PY, "-m", "pytest", "-q", "-p", "no:cacheprovider"], paths.ROOT, dict(os.environ))
    sizes, shared = page_sizes(copy / "_build" / "html")

    rows = [
        ("clean build: make book with no execution record and no _build", clean, ""),
        ("no-op rebuild: make book again", noop, f"{noop / clean:.0%} of clean (goal ≤ 10%)"),
        ("rebuild after one dataset change (electricity_generation)", one_dataset,
         f"goal ≤ {clean * len(readers) / len(ESSAYS) + sphinx:.1f} s = clean × {len(readers)}/{len(ESSAYS)} + render"),
        ("one essay rerun with a changed parameter (fyp1)", rerun, ""),
        ("floor: kernel + imports per essay ÷ cores + Sphinx build", floor,
         f"clean is {clean / floor:.2f}× the floor (goal ≤ 2×)"),
        ("Sphinx build, execution off", sphinx, ""),
        ("test suite (pytest, nbval, browser)", tests, ""),
    ]
    print(f"Machine: {cores} cores. Scratch copy: {copy}")
    print(f"| {'measurement':<62} | {'seconds':>8} | note |")
    print(f"|{'-' * 64}|{'-' * 10}|------|")
    for name, seconds, note in rows:
        print(f"| {name:<62} | {seconds:8.1f} | {note} |")
    print()
    print(f"| {'page':<26} | {'KB to transfer':>14} | goal ≤ 300 KB |")
    print(f"|{'-' * 28}|{'-' * 16}|---------------|")
    for essay, size in sizes.items():
        print(f"| book/{essay + '.html':<21} | {size / 1024:14.0f} | {'ok' if size <= 300 * 1024 else 'over'} |")
    print(f"| shared by all pages (theme, chart library), once | {shared / 1024:.0f} KB | cached |")
    shutil.rmtree(copy.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
