"""Execute the essays with papermill, without ever leaving a half-written output.

Each essay runs from its committed notebook into a scratch directory, its
figures going to a scratch directory too. Only when the run succeeds are the
notebook and its figures moved into ``book/``. Timing and other run-specific
metadata are stripped, so the same code and data give byte-identical files.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import nbformat
import papermill

from sovind import paths
from sovind.essays import ESSAYS as _DECLARED

#: The essays, in book order: notebook stem under book/ (declared in sovind.essays).
ESSAYS = tuple(_DECLARED)

_CELL_METADATA_DROP = ("papermill", "execution", "ExecuteTime")
_NOTEBOOK_METADATA_DROP = ("papermill", "widgets")


def normalise(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Strip timing and run metadata so identical runs give identical files."""
    for key in _NOTEBOOK_METADATA_DROP:
        notebook.metadata.pop(key, None)
    for cell in notebook.cells:
        for key in _CELL_METADATA_DROP:
            cell.metadata.pop(key, None)
    return notebook


def execute(essay: str, parameters: dict[str, Any] | None = None, *, book_dir: Path = paths.BOOK,
            output: Path | None = None, figure_dir: Path | None = None) -> Path:
    """Run ``book/<essay>.ipynb`` with papermill; publish it only if the run succeeds.

    With no ``output`` the executed notebook replaces the committed one and the
    figures replace those in ``book/_static/figures``. Returns the written notebook.
    """
    source = book_dir / f"{essay}.ipynb"
    if not source.exists():
        raise FileNotFoundError(f"no essay notebook {paths.relative(source)}; essays: {', '.join(ESSAYS)}")
    target = output or source
    final_figures = figure_dir or paths.figure_dir()
    scratch = Path(tempfile.mkdtemp(prefix=f"sovind-{essay}-"))
    previous = os.environ.get("SOVIND_FIGURE_DIR")
    try:
        os.environ["SOVIND_FIGURE_DIR"] = str(scratch / "figures")
        papermill.execute_notebook(
            str(source), str(scratch / "out.ipynb"), parameters=parameters or {}, cwd=str(book_dir),
            kernel_name="python3", progress_bar=False, log_output=False, report_mode=False,
        )
        notebook = normalise(nbformat.read(scratch / "out.ipynb", as_version=4))
        final_figures.mkdir(parents=True, exist_ok=True)
        produced_ids = {p.name.split(".")[0] for p in (scratch / "figures").glob("*.json")}
        for meta in sorted(final_figures.glob("*.json")):
            figure_id = meta.name.removesuffix(".json")
            if meta.name.endswith(".vl.json") or figure_id in produced_ids:
                continue
            if json.loads(meta.read_text(encoding="utf-8")).get("essay") == essay:
                for stale in final_figures.glob(f"{figure_id}.*"):
                    stale.unlink()
        for produced in sorted((scratch / "figures").glob("*")):
            shutil.copyfile(produced, final_figures / produced.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".ipynb.tmp")
        nbformat.write(notebook, tmp)
        tmp.replace(target)
        return target
    finally:
        if previous is None:
            os.environ.pop("SOVIND_FIGURE_DIR", None)
        else:
            os.environ["SOVIND_FIGURE_DIR"] = previous
        shutil.rmtree(scratch, ignore_errors=True)
