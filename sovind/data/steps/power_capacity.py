"""Installed capacity of power stations, every published estimate as its own series."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._pick import Pick, series

SUFDS = "sufds_1928_ch10_electric_power.csv"

PICKS = [
    Pick("gosplan_1929_table2_electrification.csv", "1. Общая мощность всех электростанций СССР", "1927/28 г.",
         {"estimate": "gosplan-1929", "coverage": "all power stations"}),
    Pick(SUFDS, "Capacity of electric power plants in the country",
         labels={"estimate": "sufds-1928", "coverage": "all power stations, on 1 October 1928"}),
    Pick(SUFDS, "growth of the public utility power plants (Kilowatts)",
         labels={"estimate": "sufds-1928-public", "coverage": "public utility stations only"}),
    Pick("topwar_goelro.csv", "instead of the planned ... were generated",
         labels={"estimate": "topwar", "coverage": "not stated"}),
    Pick("genha_goelro.csv", "新建电站的功率",
         labels={"estimate": "genha-new-stations", "coverage": "newly built stations only"}),
    Pick("dvec_2020_goelro_plan.csv", "установленная мощность районных электростанций", "1931",
         labels={"estimate": "dvec-2020-district", "coverage": "district (regional) stations only"}),
    Pick("dvec_2020_goelro_plan.csv", "Мощность районных электростанций составила", "1935",
         labels={"estimate": "dvec-2020-district", "coverage": "district (regional) stations only"}),
    Pick("rassekrechennye_p17.csv", "общая мощность действующих электростанций",
         labels={"estimate": "rassekrechennye", "coverage": "all stations in operation, first half of 1941"}),
]


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/power_capacity.csv``."""
    return series(PICKS, raw_dir)
