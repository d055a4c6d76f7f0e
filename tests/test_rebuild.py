"""Rebuilds execute exactly the essays whose inputs changed (correctness only; timings are in make bench)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sovind.bench import scratch_copy
from sovind.notebooks import ESSAYS
from sovind.rebuild import decide, notebook_source_hash

from sovind import paths


def test_committed_records_are_current_so_a_noop_rebuild_executes_nothing():
    for essay in ESSAYS:
        decision = decide(essay)
        assert not decision.run, f"{essay}: {decision.reason} (run `make book` and commit book/executed.json)"


def test_notebook_hash_ignores_outputs_but_not_source(tmp_path):
    import nbformat

    original = paths.BOOK / "goelro.ipynb"
    notebook = nbformat.read(original, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    stripped = tmp_path / "stripped.ipynb"
    nbformat.write(notebook, stripped)
    assert notebook_source_hash(stripped) == notebook_source_hash(original)
    notebook.cells[0].source += " "
    nbformat.write(notebook, stripped)
    assert notebook_source_hash(stripped) != notebook_source_hash(original)


def _sovind(copy: Path, *args: str) -> str:
    env = {**os.environ, "SOVIND_ROOT": str(copy)}
    env.pop("SOVIND_FIGURE_DIR", None)
    result = subprocess.run([sys.executable, "-m", "sovind", *args], cwd=copy, env=env, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_changing_one_dataset_reexecutes_exactly_the_essays_that_read_it(tmp_path):
    copy = scratch_copy(tmp_path)
    assert "executed" not in _sovind(copy, "publish")  # the copy starts up to date
    raw = copy / "data" / "raw" / "cia_1952_electric_power.csv"
    raw.write_text(raw.read_text(encoding="utf-8").replace(",47.0,", ",47.5,"), encoding="utf-8")
    _sovind(copy, "data")
    report = _sovind(copy, "publish")
    executed = sorted(line.split(":")[0].removeprefix("executed ") for line in report.splitlines()
                      if line.startswith("executed"))
    assert executed == ["book/goelro.ipynb", "scenario goelro@lower-capacity-target"], report
    assert "dataset changed: electricity_generation" in report
    figure = "book/_static/figures/goelro-generation-estimates.csv"
    assert (copy / figure).read_text() != (paths.ROOT / figure).read_text()
    assert "47.5" in (copy / figure).read_text()
    unchanged = "book/_static/figures/fyp1-fulfilment-by-product.csv"
    assert (copy / unchanged).read_bytes() == (paths.ROOT / unchanged).read_bytes()
    assert "executed" not in _sovind(copy, "publish")  # and a second rebuild does nothing
