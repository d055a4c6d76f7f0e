"""Pick labelled rows out of raw transcriptions and harmonise them."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sovind.data.raw import RawRow, read_raw
from sovind.data.units import format_decimal, harmonise
from sovind.errors import DataError

#: The columns of every raw file in this book's layout, besides source and locator.
RAW_COLUMNS = ("table_row", "column", "period", "value", "unit", "note")


@dataclass(frozen=True)
class Pick:
    """Rows of one raw file with a given printed row label (and column heading).

    ``labels`` are constant columns added to every clean row, e.g. the
    estimate identifier and what the figure covers.
    """

    file: str
    table_row: str
    column: str = ""
    labels: dict[str, Any] = field(default_factory=dict)


def picked(pick: Pick, raw_dir: Path | None, optional: frozenset[str] = frozenset({"column"})) -> list[RawRow]:
    """Return the raw rows matching ``pick``; raise if the label matches nothing."""
    rows = read_raw(pick.file, RAW_COLUMNS, raw_dir, optional=optional)
    matched = [r for r in rows if r["table_row"] == pick.table_row and r["column"] == pick.column]
    if not matched:
        labels: dict[str, int] = {}
        for r in rows:
            labels.setdefault(r["table_row"], r.line)
        near = difflib.get_close_matches(pick.table_row, list(labels), n=1, cutoff=0.6)
        hint = f"; line {labels[near[0]]} has {near[0]!r}" if near else ""
        raise DataError(
            f"data/raw/{pick.file}",
            f"no row with table_row={pick.table_row!r} and column={pick.column!r}; has the label changed?{hint}",
            line=labels[near[0]] if near else None, column="table_row" if near else None,
        )
    return matched


def provenance(row: RawRow) -> dict[str, Any]:
    """Return the columns that trace a clean row back to its raw row and source."""
    return {
        "source": row["source"],
        "locator": row["locator"],
        "note": row["note"],
        "raw_file": Path(row.file).name,
        "raw_line": row.line,
    }


def quantity(row: RawRow) -> tuple[str, str]:
    """Return the row's value and unit in the book's units, as exact text."""
    value, unit = harmonise(format_decimal(row.decimal("value")), row.unit())
    return format_decimal(value), unit


def series(picks: list[Pick], raw_dir: Path | None, *, printed_period: bool = False) -> list[dict[str, Any]]:
    """Build time-series rows (year, period, value, unit, labels, provenance).

    With ``printed_period`` the raw ``column`` holds the period in the source's
    words ("between July and November 1941") and is kept as ``period_as_printed``.
    """
    out = []
    for pick in picks:
        for row in picked(pick, raw_dir):
            value, unit = quantity(row)
            extra = {"period_as_printed": row["column"]} if printed_period else {}
            out.append(
                {
                    **pick.labels,
                    "year": row.year(),
                    "period": row["period"],
                    **extra,
                    "value": value,
                    "unit": unit,
                    **provenance(row),
                }
            )
    return out
