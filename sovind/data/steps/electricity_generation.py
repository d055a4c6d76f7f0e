"""Electricity generation, every published estimate as its own series."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._pick import Pick, series

GOSPLAN = "gosplan_1929_table2_electrification.csv"
SUFDS = "sufds_1928_ch10_electric_power.csv"
DVEC = "dvec_2020_goelro_plan.csv"

PICKS = [
    Pick(GOSPLAN, "2. Производство электроэнергии всеми электростанциями", "1927/28 г.",
         {"estimate": "gosplan-1929", "coverage": "all power stations"}),
    Pick(GOSPLAN, "В том числе: Районными станциями", "1927/28 г.",
         {"estimate": "gosplan-1929-district", "coverage": "district (regional) stations only"}),
    Pick(SUFDS, "production of electrical energy in the Soviet Union",
         labels={"estimate": "sufds-1928", "coverage": "all power stations"}),
    Pick(SUFDS, "electric energy furnished by public utility stations (Kilowatt-hours)",
         labels={"estimate": "sufds-1928-public", "coverage": "public utility stations only"}),
    Pick("wikipedia_industrialization_goelro.csv", "electricity generation",
         labels={"estimate": "wikipedia", "coverage": "not stated"}),
    Pick("loginov_biography_p5.csv", "Выработка электроэнергии",
         labels={"estimate": "loginov-biography", "coverage": "not stated"}),
    Pick("cia_1952_electric_power.csv", "Total Electric Power Output (Billion KW-h)",
         labels={"estimate": "cia-1952", "coverage": "total output"}),
    Pick("encyclopediacom_electricity_grid.csv", "Total output",
         labels={"estimate": "encyclopedia-com", "coverage": "total output"}),
    Pick("time_1956_hard_figures.csv", "Electric power", "from",
         labels={"estimate": "time-1956", "coverage": "not stated"}),
    Pick("worldhistoryproject_first_fyp.csv", "Electricity", "actual",
         labels={"estimate": "worldhistoryproject", "coverage": "not stated"}),
    Pick(DVEC, "против ... которые вырабатывались в России в 1913 году", "1913",
         labels={"estimate": "dvec-2020", "coverage": "not stated"}),
    Pick(DVEC, "Годовое производство электроэнергии в СССР достигло", "1931",
         labels={"estimate": "dvec-2020", "coverage": "not stated"}),
]


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/electricity_generation.csv``."""
    return series(PICKS, raw_dir)
