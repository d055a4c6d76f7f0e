"""Rerun an essay with changed assumptions and report what changed.

``python -m sovind rerun ESSAY -p NAME VALUE ...`` checks every value first
(:func:`sovind.essays.parse_values`): a bad one exits with status 2 and writes
nothing. A good run executes the essay into ``runs/<essay>/<run-id>/``, never
touching ``book/``, with its notebook, figures (SVG, PNG, CSV) and a report
(Markdown and HTML) of every headline number before → after and every figure
side by side. The same machinery writes the book's scenario pages.
"""

from __future__ import annotations

import ast
import html
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import nbformat

from sovind import paths
from sovind.essays import essay as declared_essay
from sovind.files import write_if_changed
from sovind.notebooks import execute
from sovind.pages import essay_figures


def runs_dir() -> Path:
    """Where reruns are written: ``runs/`` at the project root, or ``$SOVIND_RUNS_DIR``."""
    return Path(os.environ.get("SOVIND_RUNS_DIR", paths.ROOT / "runs"))


def run_id(values: dict[str, Any]) -> str:
    """Name a run after its parameter values, so the same values always land in the same place."""
    if not values:
        return "defaults"
    return "__".join(re.sub(r"[^A-Za-z0-9._-]+", "-", f"{k}-{v}") for k, v in sorted(values.items()))


def glued(notebook: Path) -> dict[str, str]:
    """Return the plain-text value of every number or text the essay glues (figures excluded)."""
    out = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            data = output.get("data", {})
            if name and not name.startswith("fig_") and "application/papermill.record/text/plain" in data:
                out[name] = data["application/papermill.record/text/plain"]
    return out


def _shown(text: str | None) -> str:
    """Show a glued value as a reader would: strings unquoted, numbers to two decimals."""
    if text is None:
        return "—"
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def changes(published: Path, run: Path) -> list[tuple[str, str, str]]:
    """Return (name, before, after) for every glued value that differs between two runs."""
    before, after = glued(published), glued(run)
    return [(k, _shown(before.get(k)), _shown(after.get(k))) for k in sorted(before.keys() | after.keys())
            if before.get(k) != after.get(k)]


def report(essay: str, values: dict[str, Any], diff: list[tuple[str, str, str]],
           figures: list[tuple[str, str, str]], title: str | None = None) -> tuple[str, str]:
    """Return the report as Markdown and as HTML; ``figures`` are (id, published src, rerun src)."""
    title = title or f"What changed: {declared_essay(essay).title}, {run_id(values)}"
    assumptions = ", ".join(f"`{k}` = `{v}`" for k, v in sorted(values.items())) or "the published defaults"
    md = [f"# {title}", "", f"Run with {assumptions}; compared with the published essay.", ""]
    if diff:
        md += ["| Headline number | Published | This run |", "|---|---|---|"]
        md += [f"| `{k}` | {b} | {a} |" for k, b, a in diff]
    else:
        md += ["No headline number changed."]
    md += ["", "## Figures, published (left) and this run (right)", ""]
    for figure_id, left, right in figures:
        md += [f"**{figure_id}**", "",
               f'<img src="{left}" alt="{figure_id}, published" width="48%"> '
               f'<img src="{right}" alt="{figure_id}, this run" width="48%">', ""]
    rows = "".join(f"<tr><td><code>{html.escape(k)}</code></td><td>{html.escape(b)}</td><td>{html.escape(a)}</td></tr>"
                   for k, b, a in diff) or "<tr><td colspan=3>No headline number changed.</td></tr>"
    pictures = "".join(f'<h3>{f}</h3><img src="{html.escape(left)}" width="48%"> <img src="{html.escape(right)}" '
                       f'width="48%">' for f, left, right in figures)
    page = (f"<!doctype html><html lang=en><meta charset=utf-8><title>{html.escape(title)}</title>"
            f"<h1>{html.escape(title)}</h1><p>Run with {html.escape(assumptions.replace('`', ''))}.</p>"
            f"<table><tr><th>Headline number<th>Published<th>This run</tr>{rows}</table>{pictures}</html>\n")
    return "\n".join(md) + "\n", page


def execute_run(essay: str, values: dict[str, Any], out: Path) -> Path:
    """Execute ``essay`` with checked ``values`` into ``out`` (notebook and figures); nothing else is touched."""
    scratch = Path(tempfile.mkdtemp(prefix=f"sovind-rerun-{essay}-"))
    try:
        execute(essay, values, output=scratch / f"{essay}.ipynb", figure_dir=scratch / "figures")
        if out.exists():
            shutil.rmtree(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(scratch, out)
        return out
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def scenario_dir(essay: str, scenario: str) -> Path:
    """Where a declared scenario of an essay is run."""
    return runs_dir() / essay / f"scenario-{scenario}"


def write_report(essay: str, values: dict[str, Any], out: Path) -> Path:
    """Compare an executed run in ``out`` with the published essay; write report.md and report.html there."""
    figures = [(f, os.path.relpath(paths.FIGURES / f"{f}.svg", out), f"figures/{f}.svg") for f in essay_figures(essay)]
    markdown, page = report(essay, values, changes(paths.BOOK / f"{essay}.ipynb", out / f"{essay}.ipynb"), figures)
    (out / "report.md").write_text(markdown, encoding="utf-8")
    (out / "report.html").write_text(page, encoding="utf-8")
    return out


def rerun(essay: str, values: dict[str, Any], target: Path | None = None) -> Path:
    """Execute ``essay`` with checked ``values`` into its run directory and write the report there."""
    out = target or runs_dir() / essay / run_id(values)
    return write_report(essay, values, execute_run(essay, values, out))


def scenario_page(essay: str, scenario: str, run: Path) -> Path:
    """Turn a scenario's run into a book page, its pictures copied under ``book/_static/scenarios``."""
    slug = f"{essay}-{scenario}"
    pictures = paths.STATIC / "scenarios" / slug
    pictures.mkdir(parents=True, exist_ok=True)
    ids = essay_figures(essay)
    for figure_id in ids:
        shutil.copyfile(run / "figures" / f"{figure_id}.svg", pictures / f"{figure_id}.svg")
    values = declared_essay(essay).scenarios[scenario]
    figures = [(f, f"../../_static/figures/{f}.svg", f"../../_static/scenarios/{slug}/{f}.svg") for f in ids]
    title = f"Scenario: {scenario.replace('-', ' ')} ({declared_essay(essay).title})"
    markdown, _ = report(essay, values, changes(paths.BOOK / f"{essay}.ipynb", run / f"{essay}.ipynb"), figures,
                         title)
    markdown += f"\nBack to the essay: {{doc}}`../{essay}`.\n"
    page = paths.BOOK / "scenarios" / f"{slug}.md"
    page.parent.mkdir(exist_ok=True)
    write_if_changed(page, markdown)
    return page
