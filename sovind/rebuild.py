"""Execute only the essays whose inputs changed, in parallel, and say why.

An essay's inputs are its notebook source (code and text, not outputs), the
code of every ``sovind`` module it imported, the book's version and
bibliography, and every dataset it read, all as of its last run. What an essay
reads and imports is recorded while it runs (:mod:`sovind.runlog`), not
declared by hand. The record of every
essay's last successful run lives in ``book/executed.json``, committed with
the executed notebooks, so a fresh clone that changes nothing executes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

from sovind import catalogue, paths


def notebook_source_hash(path: Path) -> str:
    """Hash a notebook's cells (type, source and tags), ignoring outputs and run metadata."""
    notebook = nbformat.read(path, as_version=4)
    cells = [[c.cell_type, c.source, sorted(c.metadata.get("tags", []))] for c in notebook.cells]
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode("utf-8")).hexdigest()


PACKAGE_DIR = Path(__file__).resolve().parent


def module_file(name: str) -> Path:
    """Return the source file of a ``sovind`` module (``sovind.steps`` → ``steps/__init__.py``)."""
    parts = name.split(".")[1:]
    candidate = PACKAGE_DIR.joinpath(*parts)
    return candidate / "__init__.py" if candidate.is_dir() else candidate.with_suffix(".py")


def package_hash(modules: list[str]) -> str:
    """Hash the source of the named ``sovind`` modules (a missing module hashes as missing)."""
    digest = hashlib.sha256()
    for name in sorted(modules):
        path = module_file(name)
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"missing")
    return digest.hexdigest()


def dataset_hashes(names: list[str]) -> dict[str, str]:
    """Return the current SHA-256 of each named dataset, from ``data/datapackage.json``."""
    resources = {r["name"]: r["hash"] for r in catalogue.package(paths.DATAPACKAGE)["resources"]}
    return {name: resources.get(name, "missing") for name in sorted(names)}


def book_hash() -> str:
    """Hash what every figure stamps and cites: the book's version and the bibliography."""
    from sovind import book

    digest = hashlib.sha256(book.version().encode())
    digest.update(paths.REFERENCES.read_bytes())
    return digest.hexdigest()


def inputs(essay: str, datasets: list[str], modules: list[str],
           parameters: dict[str, object] | None = None) -> dict[str, object]:
    """Return everything an essay's outputs depend on (and, for a scenario, its parameter values)."""
    found: dict[str, object] = {
        "notebook": notebook_source_hash(paths.BOOK / f"{essay}.ipynb"),
        "modules": sorted(modules),
        "package": package_hash(modules),
        "book": book_hash(),
        "datasets": dataset_hashes(datasets),
    }
    if parameters is not None:
        found["parameters"] = {k: parameters[k] for k in sorted(parameters)}
    return found


def records() -> dict[str, dict]:
    """Return the record of each essay's last successful execution."""
    if not paths.EXECUTED.exists():
        return {}
    return json.loads(paths.EXECUTED.read_text(encoding="utf-8"))


def write_record(essay: str, datasets: list[str], modules: list[str], *, key: str | None = None,
                 parameters: dict[str, object] | None = None) -> None:
    """Record the inputs of a successful run (sorted keys: a stable, diff-friendly file)."""
    current = records()
    current[key or essay] = inputs(essay, datasets, modules, parameters)
    tmp = paths.EXECUTED.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(paths.EXECUTED)


@dataclass(frozen=True)
class Decision:
    """Whether an essay must run, and why."""

    essay: str
    run: bool
    reason: str


def decide(essay: str, *, key: str | None = None, parameters: dict[str, object] | None = None) -> Decision:
    """Compare an essay's (or a scenario's) current inputs with those of its last run."""
    label = key or essay
    last = records().get(label)
    if last is None:
        return Decision(label, True, "never executed (no record in book/executed.json)")
    now = inputs(essay, list(last["datasets"]), list(last.get("modules", [])), parameters)
    if now.get("parameters") != last.get("parameters"):
        return Decision(label, True, "scenario parameters changed")
    if now["notebook"] != last["notebook"]:
        return Decision(label, True, "notebook source changed")
    if now["package"] != last["package"]:
        return Decision(label, True, "code of a sovind module it imports changed")
    if now["book"] != last.get("book"):
        return Decision(label, True, "book version or bibliography changed")
    changed = [name for name in now["datasets"] if now["datasets"][name] != last["datasets"][name]]
    if changed:
        return Decision(label, True, f"dataset changed: {', '.join(changed)}")
    return Decision(label, False, "notebook, imported code, book version and datasets read are all unchanged")


def _logged(run: Callable[[], object]) -> tuple[list[str], list[str]]:
    """Call ``run`` with a read log; return the datasets and modules it recorded."""
    with tempfile.NamedTemporaryFile("r", suffix=".read", delete=False) as log:
        os.environ["SOVIND_READ_LOG"] = log.name
        try:
            run()
            lines = [line.rstrip("\n").split("\t") for line in open(log.name, encoding="utf-8") if "\t" in line]
        finally:
            os.environ.pop("SOVIND_READ_LOG", None)
            os.unlink(log.name)
    return (sorted({name for kind, name in lines if kind == "dataset"}),
            sorted({name for kind, name in lines if kind == "module"}))


def _run(essay: str) -> tuple[str, list[str], list[str]]:
    from sovind.notebooks import execute

    datasets, modules = _logged(lambda: execute(essay))
    return essay, datasets, modules


def _run_scenario(pair: tuple[str, str]) -> tuple[str, str, list[str], list[str]]:
    from sovind.essays import ESSAYS
    from sovind.rerun import execute_run, scenario_dir

    essay, scenario = pair
    target = scenario_dir(essay, scenario)
    datasets, modules = _logged(lambda: execute_run(essay, ESSAYS[essay].scenarios[scenario], target))
    # its page is written by these modules, outside the kernel, once the essay itself is published
    return essay, scenario, datasets, sorted({*modules, "sovind.rerun", "sovind.essays", "sovind.pages"})


def _scenario_decisions(essays: list[str], force: bool) -> list[tuple[Decision, str, str]]:
    from sovind.essays import ESSAYS

    out = []
    for name in essays:
        for scenario, values in ESSAYS[name].scenarios.items():
            key = f"{name}@{scenario}"
            decision = decide(name, key=key, parameters=values)
            if force or not (paths.BOOK / "scenarios" / f"{name}-{scenario}.md").exists():
                decision = Decision(key, True, "forced" if force else "no scenario page yet")
            out.append((decision, name, scenario))
    return out


def rebuild(essays: list[str], *, force: bool = False, workers: int | None = None) -> list[Decision]:
    """Execute the essays and declared scenarios that need it, all in one parallel pool.

    Scenario runs execute alongside the essays. Their reports compare them with the
    published essay, so reports and scenario pages are written once every essay is
    published. Returns the decision for each essay, then for each scenario.
    """
    from sovind.essays import ESSAYS
    from sovind.rerun import scenario_dir, scenario_page, write_report

    decisions = [Decision(e, True, "forced") if force else decide(e) for e in essays]
    todo = _scenario_decisions(essays, force)
    due = [d.essay for d in decisions if d.run]
    due_scenarios = [(e, s) for d, e, s in todo if d.run]
    if due or due_scenarios:
        size = min(len(due) + len(due_scenarios), workers or os.cpu_count() or 1)
        with ProcessPoolExecutor(max_workers=size) as pool:
            essay_jobs = [pool.submit(_run, e) for e in due]
            scenario_jobs = [pool.submit(_run_scenario, pair) for pair in due_scenarios]
            for job in essay_jobs:
                essay, datasets, modules = job.result()
                write_record(essay, datasets, modules)
            for job in scenario_jobs:
                essay, scenario, datasets, modules = job.result()
                values = ESSAYS[essay].scenarios[scenario]
                target = scenario_dir(essay, scenario)
                write_report(essay, values, target)
                scenario_page(essay, scenario, target)
                write_record(essay, datasets, modules, key=f"{essay}@{scenario}", parameters=values)
    return decisions + [d for d, _, _ in todo]
