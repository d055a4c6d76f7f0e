"""Capital investment in industry under the first Five-Year Plan: planned by year, and the totals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._pick import Pick, series

RAW = "soviet_textbook_investment_plan.csv"

PICKS = [
    Pick(RAW, "investments planned for the capital construction of industry", "according to the five-year plan",
         {"item": "plan_industry_by_year"}),
    Pick(RAW, "investment in industry and electrification, plan total", "according to the plan",
         {"item": "plan_total_industry_and_electrification"}),
    Pick(RAW, "investment in industry and electrification, actual total", "actually invested",
         {"item": "actual_total_industry_and_electrification"}),
]


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/fyp1_investment.csv``."""
    return series(PICKS, raw_dir)
