"""Reading raw transcriptions (``data/raw``) with line-and-column errors.

A raw file transcribes one printed table *as printed*: the source's own row
labels, period labels ("1927/28") and units. Every row carries the citation
key of its source (``source``, a key of ``data/references.bib``) and a
``locator`` (page, table or section). Digits are copied exactly; thousands
separators are dropped and a decimal comma is written as a point.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import yaml

from sovind import paths
from sovind.data.periods import year_of
from sovind.data.units import UNITS
from sovind.data.validate import validate_csv
from sovind.errors import DataError


@dataclass(frozen=True)
class RawRow:
    """One row of a raw file, with the file and line it came from."""

    file: str
    line: int
    cells: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def fail(self, column: str | None, message: str) -> DataError:
        """Build the error for a problem in this row."""
        return DataError(self.file, message, line=self.line, column=column)

    def decimal(self, column: str) -> Decimal:
        """Return a numeric cell as a Decimal, or raise naming file, line and column."""
        text = self.cells[column].strip()
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise self.fail(column, f"{text!r} is not a number") from None
        if not value.is_finite():
            raise self.fail(column, f"{text!r} is not a finite number")
        return value

    def year(self, column: str = "period") -> int:
        """Return the calendar year a period label ends in, or raise with the location."""
        try:
            return year_of(self.cells[column])
        except ValueError as exc:
            raise self.fail(column, str(exc)) from None

    def unit(self, column: str = "unit") -> str:
        """Return a printed unit after checking it is one the book knows."""
        unit = self.cells[column]
        if unit not in UNITS:
            raise self.fail(column, f"unknown unit {unit!r}; known units: {', '.join(sorted(UNITS))}")
        return unit


@lru_cache(maxsize=1)
def raw_schema() -> dict:
    """Return the Frictionless Table Schema every raw file follows (``data/meta/_raw.yaml``)."""
    with (paths.META / "_raw.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)["schema"]


def read_raw(
    name: str, columns: tuple[str, ...], raw_dir: Path | None = None, optional: frozenset[str] = frozenset()
) -> list[RawRow]:
    """Read ``data/raw/<name>``, validated against the raw Table Schema, and return its rows.

    The file must have every column of the schema; Frictionless checks each cell
    (required cells, numbers) and :func:`~sovind.data.validate.validate_csv` that
    every source is in the bibliography. ``columns`` are the columns the calling
    step needs: their cells may only be empty if listed in ``optional`` (a
    ``note`` may always be empty). Raises :class:`DataError` naming file, line
    and column.
    """
    path = (raw_dir or paths.RAW) / name
    label = paths.relative(path)
    if not path.exists():
        raise DataError(label, "file not found")
    schema = raw_schema()
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        for column in [f["name"] for f in schema["fields"]]:
            if column not in header:
                raise DataError(label, f"missing column; the header has {', '.join(header)}", line=1, column=column)
        validate_csv(path, schema, label=label)
        rows = []
        for cells in reader:
            row = RawRow(label, reader.line_num, {k: (v or "").strip() for k, v in cells.items() if k is not None})
            if None in cells:
                raise row.fail(None, "more cells than header columns")
            for column in columns:
                if row[column] == "" and column not in OPTIONAL | optional:
                    raise row.fail(column, "empty cell")
            rows.append(row)
    if not rows:
        raise DataError(label, "no data rows")
    return rows


#: Columns that may be left empty in a raw row.
OPTIONAL = frozenset({"note"})
