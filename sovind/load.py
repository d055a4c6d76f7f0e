"""Load a clean dataset for analysis, validating it first.

Essays call :func:`load` and nothing else to read data: a chart never reads a
raw file. Every load checks the file against its schema in
``data/datapackage.json`` and against the SHA-256 recorded there, so a
hand-edited or stale table stops the essay with an error naming the file,
line and column instead of producing a silently different figure.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sovind import catalogue, paths, runlog
from sovind.build import sha256
from sovind.errors import DataError
from sovind.validate import validate_csv

_PANDAS_TYPES = {"integer": "Int64", "number": "float64", "string": "string", "boolean": "boolean"}

#: Datasets read in this process, name → SHA-256, in the order first read.
READ: dict[str, str] = {}


def load(name: str, data_dir: Path = paths.DATA) -> pd.DataFrame:
    """Return the clean dataset ``name`` as a DataFrame typed by its schema.

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
    frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])
    if name not in READ:
        READ[name] = digest
        runlog.record("dataset", name)
    return frame
