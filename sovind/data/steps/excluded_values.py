"""Every source cell left out of ``annual_series``, with the reason: missing in the source, or a placeholder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._spine import excluded


def build(raw_dir: Path) -> list[dict[str, Any]]:
    """Return one row per left-out cell."""
    return [{"source": e.file.publication, "raw_file": e.file.label, "raw_line": e.line,
             "locator": f"{e.file.path.name}: {e.locator}", "text": e.text, "reason": e.reason}
            for e in excluded(raw_dir)]
