"""Where two estimates of the same quantity, year and territory differ by more than 1 per cent.

Nothing is resolved here: each pair is listed with both values, periods and
sources, and with the reason where the data can tell it: different periods
(an economic year against a calendar year), or a note on one of the rows that
calls the figure a misprint or an OCR reading. Otherwise the reason is "not
known". The table is built from the same steps as the tables it compares.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sovind.data.steps import annual_series, electricity_generation, industrial_output, power_capacity

#: Relative difference above which two estimates are listed (exact decimal arithmetic).
THRESHOLD = Decimal("0.01")


@dataclass(frozen=True)
class Quantity:
    """A dataset whose rows are compared, and the columns that say which quantity a row measures."""

    dataset: str
    build: Any
    key: tuple[str, ...]


QUANTITIES = [
    Quantity("electricity_generation", electricity_generation.build, ("coverage", "year", "unit")),
    Quantity("power_capacity", power_capacity.build, ("coverage", "year", "unit")),
    Quantity("industrial_output", industrial_output.build, ("product", "year", "unit")),
    Quantity("annual_series", annual_series.build, ("series", "year", "unit", "territory")),
]


def reason(a: dict[str, Any], b: dict[str, Any]) -> str:
    """Say why two values may differ, where the rows themselves tell."""
    if a["period"] != b["period"]:
        return f"period: {a['period']} against {b['period']}"
    notes = f"{a.get('note') or ''} {b.get('note') or ''}".lower()
    if "misprint" in notes:
        return "misprint, as a row's note says"
    if "ocr" in notes:
        return "OCR reading, as a row's note says"
    return "not known"


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return one row for each pair of differing estimates of one quantity."""
    out = []
    for quantity in QUANTITIES:
        groups: dict[tuple, list[dict[str, Any]]] = {}
        for row in quantity.build(raw_dir):
            groups.setdefault(tuple(row[k] for k in quantity.key), []).append(row)
        for rows in groups.values():
            for a, b in itertools.combinations(sorted(rows, key=lambda r: r["estimate"]), 2):
                low, high = sorted([Decimal(str(a["value"])), Decimal(str(b["value"]))])
                if low <= 0 or high / low - 1 <= THRESHOLD:
                    continue
                out.append({
                    "dataset": quantity.dataset, "quantity": a[quantity.key[0]],
                    "territory": a.get("territory", "not stated"), "year": int(a["year"]), "unit": a["unit"],
                    "estimate_a": a["estimate"], "period_a": a["period"], "value_a": a["value"],
                    "source_a": a["source"],
                    "estimate_b": b["estimate"], "period_b": b["period"], "value_b": b["value"],
                    "source_b": b["source"],
                    "difference_percent": float(round(100 * (high / low - 1), 1)), "reason": reason(a, b),
                })
    return out
