"""Load a clean dataset for analysis, validating it first.

Essays read data through their run context (:meth:`sovind.essay.run.Run.load`),
which calls :func:`load` and records what was read. Every load checks the file
against its schema in ``data/datapackage.json`` and against the SHA-256 recorded
there, so a hand-edited or stale table stops the essay with an error naming the
file, line and column instead of producing a silently different figure.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sovind import paths
from sovind.data import catalogue
from sovind.data.validate import validate_csv
from sovind.errors import DataError
from sovind.files import sha256

_PANDAS_TYPES = {"integer": "Int64", "number": "float64", "string": "string", "boolean": "boolean"}


def load_with_hash(name: str, data_dir: Path = paths.DATA) -> tuple[pd.DataFrame, str]:
    """Return the clean dataset ``name`` typed by its schema, and the SHA-256 of its file.

    Raises :class:`KeyError` listing the dataset names when ``name`` is unknown,
    and :class:`DataError` when the file fails validation or its hash differs
    from the one in ``datapackage.json`` (run ``make data``).
    """
    descriptor = catalogue.resource(name, data_dir / "datapackage.json")
    path = data_dir / descriptor["path"]
    label = paths.relative(path)
    if not path.exists():
        raise DataError(label, "file not found; run `make data`")
    validate_csv(path, descriptor["schema"], label=label)
    digest = sha256(path)
    if f"sha256:{digest}" != descriptor["hash"]:
        raise DataError(label, "file differs from the hash in data/datapackage.json; run `make data`")
    dtypes = {f["name"]: _PANDAS_TYPES[f["type"]] for f in descriptor["schema"]["fields"]}
    return pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""]), digest


def load(name: str, data_dir: Path = paths.DATA) -> pd.DataFrame:
    """Return the clean dataset ``name`` as a DataFrame typed by its schema (see :func:`load_with_hash`)."""
    return load_with_hash(name, data_dir)[0]
