"""Execute an essay's text with papermill, without ever leaving a half-written output.

The essay's text (``book/essays/<name>.md``) becomes a notebook with jupytext,
papermill executes it in a scratch folder, and only when the run succeeds does
the folder replace the run's folder under ``_build/sovind/runs/``. A run folder
holds:

* ``<essay>.ipynb``: the executed notebook, timing and run metadata stripped, so
  the same code and data give the same bytes;
* ``headlines.json``: every number the essay glued into its prose;
* ``figures/<id>.json``: each figure's record (spec, data, title, alt text, source line, provenance);
* ``record.json``: what the run read and imported, and with which parameters.

The kernel itself writes none of these: they are read from the executed
notebook's outputs (see :mod:`sovind.essay.run`). :func:`page_notebook` then
joins the essay's current text with the outputs of its last run, so a prose
edit reaches the page without executing anything.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
import signal
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jupytext
import nbformat
import papermill
from jupyter_client.manager import KernelManager
from jupyter_client.utils import run_sync

from sovind import paths
from sovind.essay.declaration import Essay
from sovind.essay.run import FIGURE_MIME, FIGURE_PREFIX, GLUE_PREFIX, RECORD_MIME, RECORD_NAME, VALUE_MIME
from sovind.files import write_if_changed

_CELL_METADATA_DROP = ("papermill", "execution", "ExecuteTime")

#: Scratch folders of runs in progress in this process, removed by a worker that is stopped.
SCRATCH: set[Path] = set()
#: A scratch folder's name says which process made it: ``sovind-<pid>-...``, so that a later run can remove
#: the folders of a process that was killed before it could (see :func:`sweep_scratch`).
_OWNED = re.compile(r"^sovind-(\d+)-")


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Ask Linux to send ``sig`` to this process when its parent dies (``PR_SET_PDEATHSIG``).

    Runs in a child just after it starts: a pool worker, or a kernel before it execs. With the
    default, SIGKILL, nothing the child is doing can delay its end, so no worker or kernel
    outlives a publisher that was killed outright. Elsewhere than Linux it does nothing.
    """
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, sig)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def scratch_folder(kind: str, where: str | None = None) -> Path:
    """Make a scratch folder named for this process (``sovind-<pid>-<kind>-``) and register it for cleanup."""
    folder = Path(tempfile.mkdtemp(prefix=f"sovind-{os.getpid()}-{kind}-", dir=where))
    SCRATCH.add(folder)
    return folder


def sweep_scratch(*folders: Path) -> list[Path]:
    """Remove scratch folders left by processes that no longer exist (a publisher killed with SIGKILL).

    Looks in the temporary folder and ``/tmp`` (where kernel sockets live), or in ``folders``;
    returns what it removed. Folders of live processes are left alone.
    """
    import psutil

    places = folders or tuple({Path(tempfile.gettempdir()), Path("/tmp")})
    removed = []
    for place in places:
        for folder in place.glob("sovind-*") if place.is_dir() else []:
            owner = _OWNED.match(folder.name)
            try:
                alive = bool(owner) and psutil.pid_exists(int(owner.group(1)))
            except (OverflowError, ValueError):  # not a pid at all
                alive = False
            if owner and folder.is_dir() and not alive:
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
    return removed


class OwnedKernelManager(KernelManager):
    """A kernel manager whose kernel dies with the process that started it, even if that one is killed."""

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        kw["preexec_fn"] = die_with_parent
        await super()._async_launch_kernel(kernel_cmd, **kw)

    _launch_kernel = run_sync(_async_launch_kernel)
_NOTEBOOK_METADATA_DROP = ("papermill", "widgets")


def run_dir(essay: str, scenario: str | None = None) -> Path:
    """Where the build keeps an essay's run (or one of its declared scenarios)."""
    return paths.BUILD_RUNS / (f"{essay}@{scenario}" if scenario else essay)


def text_notebook(essay: Essay) -> nbformat.NotebookNode:
    """Read the essay's MyST text as a notebook (no outputs), with cell ids from the cells' positions.

    nbformat would give each new cell a random id; positional ids keep the
    executed notebook byte-identical from one run to the next.
    """
    notebook = jupytext.read(essay.text, fmt="md:myst")
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number}"
    return notebook


def normalise(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Strip timing and run metadata so identical runs give identical files."""
    for key in _NOTEBOOK_METADATA_DROP:
        notebook.metadata.pop(key, None)
    for cell in notebook.cells:
        for key in _CELL_METADATA_DROP:
            cell.metadata.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"  # papermill gives it a random id
    return notebook


@dataclass(frozen=True)
class RunOutputs:
    """What an executed essay produced, read from its notebook's outputs."""

    headlines: dict[str, Any]
    figures: dict[str, dict[str, Any]]
    record: dict[str, Any]


def read_outputs(notebook: nbformat.NotebookNode, label: str) -> RunOutputs:
    """Collect the glued headline numbers, the figure records and the run record of an executed notebook."""
    headlines: dict[str, Any] = {}
    figures: dict[str, dict[str, Any]] = {}
    record = None
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            data = output.get("data", {})
            if not name:
                continue
            if GLUE_PREFIX + VALUE_MIME in data:
                headlines[name] = data[GLUE_PREFIX + VALUE_MIME]["value"]
            elif GLUE_PREFIX + FIGURE_MIME in data:
                figures[name.removeprefix(FIGURE_PREFIX)] = data[GLUE_PREFIX + FIGURE_MIME]
            elif name == RECORD_NAME:
                record = data[GLUE_PREFIX + RECORD_MIME]
    if record is None:
        raise RuntimeError(f"{label}: the essay did not call run.close(), so its run record is missing")
    return RunOutputs(headlines, figures, record)


def write_run(notebook: nbformat.NotebookNode, outputs: RunOutputs, folder: Path, essay: str) -> None:
    """Write an executed notebook and what it produced into ``folder``."""
    (folder / "figures").mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, folder / f"{essay}.ipynb")
    dump = {"headlines.json": outputs.headlines, "record.json": outputs.record}
    dump.update({f"figures/{fid}.json": fig for fid, fig in outputs.figures.items()})
    for name, data in dump.items():
        (folder / name).write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                                   encoding="utf-8")


def replace_folder(scratch: Path, target: Path) -> None:
    """Replace ``target`` by the files of ``scratch`` in one swap; unchanged files keep their timestamps.

    The new folder is staged beside the old one and swapped in with two renames,
    so a failure while staging (a full disk, a kill) leaves the old run intact.
    """
    staged = target.with_name(f".{target.name}.{os.getpid()}.new")
    retired = target.with_name(f".{target.name}.{os.getpid()}.old")
    for leftover in (staged, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    for source in sorted(p for p in scratch.rglob("*") if p.is_file()):
        rel = source.relative_to(scratch)
        old, new = target / rel, staged / rel
        new.parent.mkdir(parents=True, exist_ok=True)
        same = old.is_file() and old.read_bytes() == source.read_bytes()
        shutil.copy2(old if same else source, new)
    if target.exists():
        target.rename(retired)
    staged.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


def execute(essay: Essay, values: dict[str, Any], target: Path,
            before_publish: Callable[[], None] | None = None) -> RunOutputs:
    """Run the essay's text with ``values`` and publish the run into ``target`` only if it succeeds.

    ``values`` are passed to the essay's ``parameters`` cell as one dict (empty:
    the declared defaults, and nothing is injected). A failed run raises and
    leaves ``target`` exactly as it was; so does ``before_publish`` raising.
    """
    scratch = scratch_folder(essay.name)
    try:
        source = scratch / "source.ipynb"
        nbformat.write(text_notebook(essay), source)
        # The kernel talks over Unix sockets, not TCP: local only, and no ipykernel warning about
        # unencrypted TCP. Socket paths must stay short (about 100 bytes), so they live in a short
        # folder of their own. A kernel manager passed in is ours to shut down.
        sockets = scratch_folder("k", "/tmp" if Path("/tmp").is_dir() else None)
        kernel = OwnedKernelManager(kernel_name="python3", transport="ipc", ip=str(sockets / "k"))
        try:
            papermill.execute_notebook(
                str(source), str(scratch / "out.ipynb"), parameters={"parameters": values} if values else {},
                cwd=str(essay.text.parent), kernel_name="python3", progress_bar=False, log_output=False,
                report_mode=False, km=kernel,
            )
        finally:
            if kernel.has_kernel:
                kernel.shutdown_kernel(now=True)
            shutil.rmtree(sockets, ignore_errors=True)
            SCRATCH.discard(sockets)
        notebook = normalise(nbformat.read(scratch / "out.ipynb", as_version=4))
        outputs = read_outputs(notebook, paths.relative(essay.text))
        folder = scratch / "run"
        write_run(notebook, outputs, folder, essay.name)
        if before_publish:
            before_publish()  # may refuse: then nothing is published
        replace_folder(folder, target)
        return outputs
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        SCRATCH.discard(scratch)


def code_cells(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """Return the notebook's code cells, less the one papermill injects."""
    return [c for c in notebook.cells if c.cell_type == "code"
            and "injected-parameters" not in c.metadata.get("tags", [])]


def page_notebook(essay: Essay, executed: Path) -> nbformat.NotebookNode:
    """Join the essay's current text with the outputs of its executed notebook.

    The code cells must be the same, in the same order: they are what the run
    executed. A prose edit changes only markdown cells, so it reaches the page
    without a new execution.
    """
    page = text_notebook(essay)
    ran = nbformat.read(executed, as_version=4)
    mine, theirs = code_cells(page), code_cells(ran)
    if [c.source for c in mine] != [c.source for c in theirs]:
        raise RuntimeError(f"{paths.relative(essay.text)}: its code differs from that of its last run "
                           f"({paths.relative(executed)}); run `make essays`")
    for cell, done in zip(mine, theirs, strict=True):
        cell.outputs = done.outputs
        cell.execution_count = done.execution_count
    page.metadata = ran.metadata
    return page


def write_page(essay: Essay, executed: Path) -> Path:
    """Write ``book/<essay>.ipynb``, the executed page Jupyter Book renders (a build output, ignored by git)."""
    target = paths.BOOK / f"{essay.name}.ipynb"
    write_if_changed(target, nbformat.writes(page_notebook(essay, executed)) + "\n")
    return target
