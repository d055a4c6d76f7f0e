"""Total, urban and rural population of the censuses of 1926, 1937, 1939, 1959 and 1970 (see ``_spine``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._spine import census_rows


def build(raw_dir: Path) -> list[dict[str, Any]]:
    """Return the rows of the ``census_counts`` table."""
    return census_rows(raw_dir)
