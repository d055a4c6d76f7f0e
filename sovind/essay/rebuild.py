"""Execute only the essays and scenarios whose inputs changed, in parallel, and say why.

A run's inputs are the code cells of its essay (not its prose), the essay's
declaration (parameters, scenarios, figures), its parameter values, the code of
every ``sovind`` module it imported, the book's version and bibliography, and
every dataset it read, all as of its last run. What a run reads and imports is
recorded by the run itself (:meth:`sovind.essay.run.Run.record`), not declared by
hand. The inputs of a run's last success are kept beside it, in
``_build/sovind/runs/<run>/inputs.json``; a missing record means the run executes.

Then, every time, each essay's page notebook is joined from its current text
and its last run's outputs (:func:`sovind.essay.execute.write_page`), and the
scenario pages are written: neither executes anything.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import signal
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sovind import paths
from sovind.data import catalogue
from sovind.essay.declaration import Essay, essay, essays
from sovind.essay.execute import die_with_parent, execute, run_dir, sweep_scratch, text_notebook, write_page
from sovind.files import sha256, write_if_changed

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def code_hash(declared: Essay) -> str:
    """Hash the essay's code cells (source and tags): prose edits leave it unchanged."""
    cells = [[c.source, sorted(c.metadata.get("tags", []))] for c in text_notebook(declared).cells
             if c.cell_type == "code"]
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode("utf-8")).hexdigest()


def module_file(name: str) -> Path:
    """Return the source file of a ``sovind`` module (``sovind.essay`` → ``essay/__init__.py``)."""
    candidate = PACKAGE_DIR.joinpath(*name.split(".")[1:])
    return candidate / "__init__.py" if candidate.is_dir() else candidate.with_suffix(".py")


def all_modules() -> list[str]:
    """Return the name of every module of the package (``sovind.essay.run`` for ``essay/run.py``)."""
    return sorted(".".join(("sovind", *path.relative_to(PACKAGE_DIR).with_suffix("").parts))
                  for path in PACKAGE_DIR.rglob("*.py"))


def package_hash(modules: list[str]) -> str:
    """Hash the source of the named ``sovind`` modules (a missing module hashes as missing)."""
    digest = hashlib.sha256()
    for name in sorted(modules):
        path = module_file(name)
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"missing")
    return digest.hexdigest()


def dataset_hashes(names: list[str]) -> dict[str, str]:
    """Return the SHA-256 of each named dataset's file as it is now (not as ``datapackage.json`` records it).

    A hand-edited clean file therefore re-executes the essays that read it, and
    their validated load stops them, instead of a stale page being published.
    """
    package = catalogue.package(paths.DATAPACKAGE)
    files = {r["name"]: paths.DATA / r["path"] for r in package["resources"]}
    return {name: sha256(files[name]) if name in files and files[name].exists() else "missing"
            for name in sorted(names)}


def book_hash() -> str:
    """Hash what every figure stamps and cites: the book's version, title, author, year, address, bibliography."""
    from sovind import book

    stamped = [book.version(), book.title(), book.author(), book.base_url(), str(book.config().get("copyright"))]
    digest = hashlib.sha256("\n".join(stamped).encode())
    digest.update(paths.REFERENCES.read_bytes())
    return digest.hexdigest()


def sources_hash(declared: Essay) -> dict[str, str]:
    """Hash what an author may edit during a run: the essay's code and declaration, the package, the book."""
    return {"code": code_hash(declared), "declaration": declared.declaration_hash(),
            "package": package_hash(all_modules()),
            "book": book_hash()}


def inputs(declared: Essay, values: dict[str, Any], datasets: list[str], modules: list[str]) -> dict[str, Any]:
    """Return everything a run's outputs depend on."""
    return {
        "code": code_hash(declared),
        "declaration": declared.declaration_hash(),
        "parameters": {k: values[k] for k in sorted(values)},
        "modules": sorted(modules),
        "package": package_hash(modules),
        "book": book_hash(),
        "datasets": dataset_hashes(datasets),
    }


@dataclass(frozen=True)
class Job:
    """One run the book needs: an essay with its defaults, one of its declared scenarios, or a variant.

    A variant is a set of parameter values the essay's page lets a reader switch to
    (:mod:`sovind.essay.variants`); it is kept apart from the published runs.
    """

    essay: str
    scenario: str | None = None
    variant: tuple[tuple[str, Any], ...] = ()

    @property
    def label(self) -> str:
        """Name the run as the build log does."""
        if self.variant:
            return f"{self.essay}?{'&'.join(f'{k}={v}' for k, v in self.variant)}"
        return f"{self.essay}@{self.scenario}" if self.scenario else self.essay

    def values(self) -> dict[str, Any]:
        """Return the parameter values the run is given (empty for the defaults)."""
        if self.variant:
            return dict(self.variant)
        return dict(essay(self.essay).scenario(self.scenario)) if self.scenario else {}

    def folder(self) -> Path:
        """Where the run is kept."""
        if self.variant:
            from sovind.essay.variants import variant_dir

            return variant_dir(self.essay, dict(self.variant))
        return run_dir(self.essay, self.scenario)


@dataclass(frozen=True)
class Decision:
    """Whether a run must execute, and why."""

    job: Job
    run: bool
    reason: str


def last_inputs(job: Job) -> dict[str, Any] | None:
    """Return the inputs recorded at the job's last successful run, if any."""
    path = job.folder() / "inputs.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def decide(job: Job) -> Decision:
    """Compare a run's current inputs with those of its last successful run."""
    last = last_inputs(job)
    if last is None:
        return Decision(job, True, "never executed in this build folder")
    now = inputs(essay(job.essay), job.values(), list(last["datasets"]), list(last["modules"]))
    for key, why in [("code", "code cells changed"), ("declaration", "essay declaration changed"),
                     ("parameters", "parameter values changed"),
                     ("package", "code of a sovind module it imports changed"),
                     ("book", "book version or bibliography changed")]:
        if now[key] != last.get(key):
            return Decision(job, True, why)
    changed = [name for name in now["datasets"] if now["datasets"][name] != last["datasets"].get(name)]
    if changed:
        return Decision(job, True, f"dataset changed: {', '.join(changed)}")
    return Decision(job, False, "code cells, declaration, imported code, book version and datasets read unchanged")


def stop_worker(signum: int, frame: object) -> None:
    """Stop a worker at once: remove its scratch folders and exit, publishing nothing.

    A plain ``SystemExit`` would not do: the pool's worker loop catches it as the
    job's error and goes on to the next job.
    """
    import psutil

    from sovind.essay.execute import SCRATCH

    for child in psutil.Process().children(recursive=True):  # its kernel, which would not notice otherwise
        child.kill()
    for folder in list(SCRATCH):
        shutil.rmtree(folder, ignore_errors=True)
    os._exit(128 + signum)


def start_worker() -> None:
    """In a worker: stop cleanly on SIGTERM (the publisher stopping its pool), and die with the publisher.

    If the publisher itself is killed outright, Linux kills the worker (and the worker's kernel kills
    itself the same way); the scratch folders they leave are removed by the next publish
    (:func:`sovind.essay.execute.sweep_scratch`).
    """
    signal.signal(signal.SIGTERM, stop_worker)
    die_with_parent()


def run_job(job: Job) -> Job:
    """Execute one job into its folder and record its inputs (called in a worker process)."""
    declared = essay(job.essay)
    before = sources_hash(declared)

    def unchanged() -> None:
        if sources_hash(declared) != before:
            raise RuntimeError(f"{job.label}: the essay, the package or the book changed while it ran; nothing is "
                               "published, run `make essays` again")

    outputs = execute(declared, job.values(), job.folder(), before_publish=unchanged)
    record = outputs.record
    found = inputs(declared, job.values(), list(record["datasets"]), list(record["modules"]))
    write_if_changed(job.folder() / "inputs.json", json.dumps(found, indent=1, sort_keys=True) + "\n")
    return job


def jobs(names: list[str]) -> list[Job]:
    """Return the runs the named essays need: each essay, then each of its scenarios."""
    out = []
    for name in names:
        out.append(Job(name))
        out.extend(Job(name, scenario) for scenario in essay(name).scenarios)
    return out


def rebuild(names: list[str] | None = None, *, force: bool = False, workers: int | None = None,
            variants: bool = False) -> list[Decision]:
    """Execute the runs that need it in one parallel pool, then write the pages; return every decision.

    With ``variants``, the runs are instead the variants each essay's page offers
    (:func:`sovind.essay.variants.variant_jobs`), and no page is written.
    A run that fails raises once the others have finished; its folder, and so
    the published book, stays as it was.
    """
    paths.BUILD_RUNS.mkdir(parents=True, exist_ok=True)
    with (paths.BUILD_RUNS.parent / "publish.lock").open("a") as lock:  # "a": the lock file never changes
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second `make essays` waits for the first, then finds little to do
        return _rebuild(names, force=force, workers=workers, variants=variants)


def _rebuild(names: list[str] | None, *, force: bool, workers: int | None, variants: bool = False) -> list[Decision]:
    from sovind.essay.rerun import write_scenario_page
    from sovind.essay.variants import variant_jobs

    sweep_scratch()  # what a killed publisher left behind
    selected = list(names or essays())
    todo = variant_jobs(selected) if variants else jobs(selected)
    decisions = [Decision(j, True, "forced") if force else decide(j) for j in todo]
    due = [d.job for d in decisions if d.run]
    if due:
        size = min(len(due), workers or os.cpu_count() or 1)
        pool = ProcessPoolExecutor(max_workers=size, initializer=start_worker)
        try:
            futures = [pool.submit(run_job, job) for job in due]
            errors = [f.exception() for f in futures if f.exception() is not None]
        except BaseException:  # stopped (SIGTERM, Ctrl-C): stop the workers too, publishing nothing more
            for worker in list(getattr(pool, "_processes", {}).values()):
                worker.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
        if errors:
            raise errors[0]
    if variants:
        return decisions
    for name in selected:
        write_page(essay(name), run_dir(name) / f"{name}.ipynb")
        for scenario in essay(name).scenarios:
            write_scenario_page(name, scenario)
    return decisions
