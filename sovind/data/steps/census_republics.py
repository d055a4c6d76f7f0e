"""Total, urban and rural population of the union republics: the RSFSR in 1926 and 1939, all eleven in 1939."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._spine import republic_rows


def build(raw_dir: Path) -> list[dict[str, Any]]:
    """Return the rows of the ``census_republics`` table."""
    return republic_rows(raw_dir)
