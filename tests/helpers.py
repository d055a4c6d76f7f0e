"""Shared test helpers: a scratch copy of the data directory."""

from __future__ import annotations

import shutil
from pathlib import Path

from sovind import paths


def copy_data(tmp_path: Path) -> Path:
    """Copy data/ to a scratch directory and return the copy's path."""
    target = tmp_path / "data"
    shutil.copytree(paths.DATA, target)
    return target


def replace_line(path: Path, line: int, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` on one line (1-based) of a text file; fail if absent."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[line - 1], f"{old!r} not on line {line} of {path}: {lines[line - 1]!r}"
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")
