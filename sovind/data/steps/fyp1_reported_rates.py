"""Percentages reported for the first Five-Year Plan: fulfilment and growth, as each source gives them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._pick import Pick, series

RAW = "reported_rates_fyp1.csv"

PICKS = [
    Pick(RAW, "industrial plan fulfilled by", "as a whole", {"indicator": "plan_fulfilment_overall"}),
    Pick(RAW, "фактический прирост промышленной продукции", "1932", {"indicator": "growth_1932_actual"}),
    Pick(RAW, "прирост промышленной продукции по годовому плану", "1932", {"indicator": "growth_1932_planned"}),
    Pick(RAW, "heavy industry had fulfilled the plan by", "heavy industry",
         {"indicator": "plan_fulfilment_heavy_industry"}),
]


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/fyp1_reported_rates.csv``."""
    return series(PICKS, raw_dir)
