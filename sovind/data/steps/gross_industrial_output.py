"""Official gross industrial output and its indexes, 1913–1945, as Nutter (1962) reprints them (Tables F-1, F-2).

Only the benchmark years to 1945 are read; the later columns use other price
bases. Every value keeps its table, row label and unit as printed: values in
"1926/27" prices and indexes on two bases (1928 = 100, 1950 = 100).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.raw import read_raw
from sovind.data.steps._pick import RAW_COLUMNS, provenance, quantity

RAW = "nutter_1962_appendix_f.csv"
LAST_YEAR = 1945


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/gross_industrial_output.csv``."""
    out = []
    for row in read_raw(RAW, RAW_COLUMNS, raw_dir):
        if not row["period"].isdigit() or int(row["period"]) > LAST_YEAR:
            continue
        value, unit = quantity(row)
        out.append({
            "table": row["column"].split(",")[0], "series": row["table_row"], "year": row.year(),
            "period": row["period"], "period_kind": "year", "territory": "not stated",
            "value": value, "unit": unit, **provenance(row),
        })
    return out
