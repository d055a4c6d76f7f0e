"""Read ``data/datapackage.json``: the description of every clean dataset."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from sovind import paths


@lru_cache(maxsize=2)
def _read(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def package(path: Path = paths.DATAPACKAGE) -> dict[str, Any]:
    """Return the data package descriptor as a dict."""
    return _read(Path(path))


def resource(name: str, path: Path = paths.DATAPACKAGE) -> dict[str, Any]:
    """Return one resource's descriptor; the error lists the known names."""
    resources = {r["name"]: r for r in package(path)["resources"]}
    if name not in resources:
        raise KeyError(f"no dataset {name!r}; datasets: {', '.join(sorted(resources))}")
    return resources[name]
