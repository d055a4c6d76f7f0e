"""Shared test helpers: scratch copies of the data directory and of the whole project."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

from sovind import paths

#: Never copied into a scratch project: the environment, history, the built site, reruns, caches.
_SKIP_AT_ROOT = {".venv", ".git", "runs", ".pytest_cache", ".ruff_cache"}
_SKIP_IN_BUILD = {"html", ".doctrees", "jupyter_execute"}


def _skip(directory: str, names: list[str]) -> set[str]:
    here = Path(directory).resolve()
    skip = {n for n in names if n == "__pycache__" or n.endswith(".egg-info")}
    if here == paths.ROOT:
        skip |= _SKIP_AT_ROOT & set(names)
    elif here == paths.BUILD:
        skip |= _SKIP_IN_BUILD & set(names)
    return skip


def copy_data(tmp_path: Path) -> Path:
    """Copy data/ to a scratch directory and return the copy's path."""
    target = tmp_path / "data"
    shutil.copytree(paths.DATA, target)
    return target


def scratch_project(parent: Path) -> Path:
    """Copy the project, with the essays' last runs (``_build/sovind``) but not the built site, into ``parent``."""
    target = parent / "book"
    shutil.copytree(paths.ROOT, target, ignore=_skip)
    return target


def sovind(copy: Path, *args: str) -> str:
    """Run ``python -m sovind ARGS`` on a scratch project; fail the test on a non-zero exit."""
    env = {**os.environ, "SOVIND_ROOT": str(copy)}
    result = subprocess.run([sys.executable, "-m", "sovind", *args], cwd=copy, env=env, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def set_cell(path: Path, line: int, column: str, new: str) -> str:
    """Set one cell of a CSV file (line 1 is the header); return the old value. Other lines keep their bytes."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    cells = next(csv.reader([lines[line - 1]]))
    old, cells[header.index(column)] = cells[header.index(column)], new
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    lines[line - 1] = out.getvalue()
    path.write_text("".join(lines), encoding="utf-8")
    return old


def replace_line(path: Path, line: int, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` on one line (1-based) of a text file; fail if absent."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[line - 1], f"{old!r} not on line {line} of {path}: {lines[line - 1]!r}"
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")
