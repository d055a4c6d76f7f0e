"""Record, while an essay runs, what it read: datasets and the package modules it imported.

The essay runner sets ``SOVIND_READ_LOG`` to a scratch file; the kernel appends
one ``kind<TAB>name`` line per item. Outside a run nothing is written.
"""

from __future__ import annotations

import os
import sys


def record(kind: str, name: str) -> None:
    """Append one item to the run's read log, if a run is logging."""
    if log := os.environ.get("SOVIND_READ_LOG"):
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{kind}\t{name}\n")


def record_modules() -> None:
    """Record every ``sovind`` module imported so far (imports are transitive, so this is all the code used)."""
    for name in sorted(m for m in sys.modules if m == "sovind" or m.startswith("sovind.")):
        record("module", name)
