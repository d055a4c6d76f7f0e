"""Annual national series 1913–1945 from machine-readable scholarly sources (see ``_spine``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._spine import annual_rows


def build(raw_dir: Path) -> list[dict[str, Any]]:
    """Return the rows of the ``annual_series`` table."""
    return annual_rows(raw_dir)
