"""Rerun an essay with changed assumptions and report what changed.

``python -m sovind rerun ESSAY -p NAME VALUE ...`` checks every value first
(:func:`sovind.essay.declaration.parse_values`): a bad one exits with status 2 and
writes nothing. A good run executes the essay into ``runs/<essay>/<run-id>/``,
never touching the book, with its notebook, headline numbers, figure records and
pictures, and a report (Markdown and HTML) of every headline number, published →
this run, and every figure side by side. The book's declared scenarios get the
same comparison as a page of the book (:func:`write_scenario_page`).
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from typing import Any

from sovind import paths
from sovind.essay.declaration import essay as declared_essay
from sovind.essay.execute import execute, run_dir
from sovind.files import write_if_changed
from sovind.site.figure import FigureRecord, template


def runs_dir() -> Path:
    """Where reruns are written: ``runs/`` at the project root, or ``$SOVIND_RUNS_DIR``."""
    return Path(os.environ.get("SOVIND_RUNS_DIR", paths.ROOT / "runs"))


def run_id(values: dict[str, Any]) -> str:
    """Name a run after its parameter values, so the same values always land in the same place."""
    if not values:
        return "defaults"
    return "__".join(re.sub(r"[^A-Za-z0-9._-]+", "-", f"{k}-{v}") for k, v in sorted(values.items()))


def headlines(folder: Path) -> dict[str, Any]:
    """Return the headline numbers a run wrote (``headlines.json``); the error says to build first."""
    path = folder / "headlines.json"
    if not path.exists():
        raise FileNotFoundError(f"{paths.relative(path)} is missing; run `make essays` first")
    return json.loads(path.read_text(encoding="utf-8"))


def shown(value: Any) -> str:
    """Show a headline value as a reader would: numbers to two decimals, text as it is."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def changes(before: dict[str, Any], after: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Return (name, before, after) for every headline number that differs between two runs."""
    return [(k, shown(before.get(k)), shown(after.get(k))) for k in sorted(before.keys() | after.keys())
            if before.get(k) != after.get(k)]


def figure_record(folder: Path, figure_id: str) -> FigureRecord:
    """Read one figure record of a run."""
    return FigureRecord.from_json(json.loads((folder / "figures" / f"{figure_id}.json").read_text(encoding="utf-8")))


def report(essay: str, values: dict[str, Any], diff: list[tuple[str, str, str]],
           figures: list[tuple[str, str, str]]) -> tuple[str, str]:
    """Return the report as Markdown and as HTML; ``figures`` are (id, published src, rerun src)."""
    title = f"What changed: {declared_essay(essay).title}, {run_id(values)}"
    assumptions = ", ".join(f"`{k}` = `{v}`" for k, v in sorted(values.items())) or "the published defaults"
    md = [f"# {title}", "", f"Run with {assumptions}; compared with the published essay.", ""]
    if diff:
        md += ["| Headline number | Published | This run |", "|---|---|---|"]
        md += [f"| `{k}` | {b} | {a} |" for k, b, a in diff]
    else:
        md += ["No headline number changed."]
    md += ["", "## Figures, published (left) and this run (right)", ""]
    for figure_id, left, right in figures:
        before = (f'<img src="{left}" alt="{figure_id}, published" width="48%"> ' if left
                  else "(not in the published essay) ")
        md += [f"**{figure_id}**", "", before + f'<img src="{right}" alt="{figure_id}, this run" width="48%">', ""]
    rows = "".join(f"<tr><td><code>{html.escape(k)}</code></td><td>{html.escape(b)}</td><td>{html.escape(a)}</td></tr>"
                   for k, b, a in diff) or "<tr><td colspan=3>No headline number changed.</td></tr>"
    missing = "<p>Not in the published essay.</p>"
    pictures = "".join(f'<h3>{html.escape(f)}</h3>'
                       + (f'<img src="{html.escape(left)}" width="48%"> ' if left else missing)
                       + f'<img src="{html.escape(right)}" width="48%">' for f, left, right in figures)
    page = (f"<!doctype html><html lang=en><meta charset=utf-8><title>{html.escape(title)}</title>"
            f"<h1>{html.escape(title)}</h1><p>Run with {html.escape(assumptions.replace('`', ''))}.</p>"
            f"<table><tr><th>Headline number<th>Published<th>This run</tr>{rows}</table>{pictures}</html>\n")
    return "\n".join(md) + "\n", page


def rerun(essay: str, values: dict[str, Any], target: Path | None = None) -> Path:
    """Execute ``essay`` with checked ``values`` into its run folder and write the report there."""
    from sovind.site.export import export

    declared = declared_essay(essay)
    out = target or runs_dir() / essay / run_id(values)
    published = run_dir(essay)
    before = headlines(published)
    execute(declared, values, out)
    figures = []
    for figure_id in declared.figures:
        left = ""  # a figure the published run does not have yet (the essay changed since it was published)
        if (published / "figures" / f"{figure_id}.json").is_file():
            export(figure_record(published, figure_id), out / "published")
            left = f"published/{figure_id}.svg"
        export(figure_record(out, figure_id), out / "pictures")
        figures.append((figure_id, left, f"pictures/{figure_id}.svg"))
    markdown, page = report(essay, values, changes(before, headlines(out)), figures)
    (out / "report.md").write_text(markdown, encoding="utf-8")
    (out / "report.html").write_text(page, encoding="utf-8")
    return out


def scenario_markdown(essay: str, scenario: str) -> str:
    """Return the book page of a declared scenario: its assumptions, changed numbers and figures."""
    declared = declared_essay(essay)
    values = declared.scenario(scenario)
    diff = changes(headlines(run_dir(essay)), headlines(run_dir(essay, scenario)))
    return template("scenario.md.j2").render(
        essay=declared, scenario=scenario, title=scenario.replace("-", " "),
        assumptions=[(declared.parameter(k), v) for k, v in sorted(values.items())],
        diff=diff, run=f"{essay}@{scenario}",
        figures=[figure_record(run_dir(essay), f) for f in declared.figures],
    )


def write_scenario_page(essay: str, scenario: str) -> Path:
    """Write ``book/scenarios/<essay>-<scenario>.md`` (a build output, ignored by git)."""
    page = paths.BOOK / "scenarios" / f"{essay}-{scenario}.md"
    page.parent.mkdir(exist_ok=True)
    write_if_changed(page, scenario_markdown(essay, scenario))
    return page
