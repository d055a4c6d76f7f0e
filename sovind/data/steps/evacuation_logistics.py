"""The scale of the move: railway wagons, the Moscow evacuation, and output at its low point."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._pick import Pick, series

WERTH = "werth_russia_at_war_p114_p117.csv"
OCT = "end of October 1941"

PICKS = [
    Pick(WERTH, "evacuation cargoes", "railway wagon-loads", {"item": "wagons_all_evacuation_cargo"}),
    Pick(WERTH, "Moscow: workers moved with them", "October 10 to the end of November 1941",
         {"item": "moscow_workers"}),
    Pick(WERTH, "Moscow: railway wagons required", "October 10 to the end of November 1941",
         {"item": "moscow_wagons"}),
    Pick("encspb_resettlement_1944_45.csv", "people returned to Leningrad", "By 1 July 1944",
         {"item": "leningrad_returned_by_july_1944"}),
    Pick(WERTH, "pig-iron output, end of October 1941, compared with June 1941", OCT,
         {"item": "pig_iron_output_pct_of_june_1941"}),
    Pick(WERTH, "steel output, end of October 1941, compared with June 1941", OCT,
         {"item": "steel_output_pct_of_june_1941"}),
    Pick(WERTH, "rolled-iron output, end of October 1941, compared with June 1941", OCT,
         {"item": "rolled_iron_output_pct_of_june_1941"}),
]


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/evacuation_logistics.csv``."""
    return series(PICKS, raw_dir, printed_period=True)
