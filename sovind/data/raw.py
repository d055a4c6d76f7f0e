"""Reading raw transcriptions (``data/raw``) with line-and-column errors.

A raw file transcribes one printed table *as printed*: the source's own row
labels, period labels ("1927/28") and units. Every row carries the citation
key of its source (``source``, a key of ``data/references.bib``) and a
``locator`` (page, table or section). Digits are copied exactly; thousands
separators are dropped and a decimal comma is written as a point.
"""

from __future__ import annotations

import csv
import io
import re
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

#: The years a value in this book can refer to.
YEARS = range(1890, 1992)


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
        """Return the calendar year a period label ends in, or raise with the location.

        Years outside :data:`YEARS` are refused: the book's sources print nothing
        before the 1897 census or after 1991, and a year such as 2940 is a typo.
        """
        try:
            year = year_of(self.cells[column])
        except ValueError as exc:
            raise self.fail(column, str(exc)) from None
        if year not in YEARS:
            raise self.fail(column, f"year {year} is outside {YEARS.start}-{YEARS.stop - 1}; is it a typo?")
        return year

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
    text = _text(path, label)
    schema = raw_schema()
    names = [f["name"] for f in schema["fields"]]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    for column in names:
        if column not in header:
            raise DataError(label, f"missing column; the header has {', '.join(header)}", line=1, column=column)
    for column in header:
        if column not in names:
            raise DataError(label, f"unknown column; the columns are {', '.join(names)}", line=1, column=column)
    validate_csv(path, schema, label=label)
    rows = []
    end_of_last = reader.line_num  # the header's last line
    for cells in reader:
        line, end_of_last = end_of_last + 1, reader.line_num  # a record spanning lines is named by its first
        row = RawRow(label, line, {k: (v or "").strip() for k, v in cells.items() if k is not None})
        if None in cells:
            raise row.fail(None, "more cells than header columns")
        for column in columns:
            if row[column] == "" and column not in OPTIONAL | optional:
                raise row.fail(column, "empty cell")
        for column, cell in row.cells.items():
            if cell[:1] in FORMULA_START and not (column == "value" and PLAIN_NUMBER.match(cell)):
                raise row.fail(column, f"a cell may not start with {cell[0]!r}: a spreadsheet would run it as a "
                                       "formula; reword it (e.g. put the sign in words)")
        if row["value"] and not PLAIN_NUMBER.match(row["value"]):
            raise row.fail("value", f"{row['value']!r} is not a plain number: use ASCII digits, an optional minus "
                                    "sign and a decimal point, as printed (no exponent, no separators)")
        rows.append(row)
    if not rows:
        raise DataError(label, "no data rows")
    return rows


#: Cells that spreadsheets read as formulas start with one of these.
FORMULA_START = ("=", "+", "-", "@")
#: A value as printed: ASCII digits, an optional minus sign and decimal point.
PLAIN_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$", re.ASCII)


def _text(path: Path, label: str) -> str:
    """Return a raw file's text, or raise saying clearly what is wrong with its bytes."""
    data = path.read_bytes()
    if not data.strip():
        raise DataError(label, "the file is empty: it needs a header line and at least one row")
    if data.startswith(b"\xef\xbb\xbf"):
        raise DataError(label, "the file starts with a byte-order mark: save it as UTF-8 without BOM", line=1)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise DataError(label, "the file contains a NUL byte", line=line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(label, f"not UTF-8 (byte {exc.start}): save the file as UTF-8", line=line) from None


#: Columns that may be left empty in a raw row.
OPTIONAL = frozenset({"note"})
