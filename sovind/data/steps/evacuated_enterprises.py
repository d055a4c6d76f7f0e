"""Enterprises evacuated east in 1941: every published count, total, large plants and by destination."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._pick import Pick, series

WERTH = "werth_russia_at_war_p114_p117.csv"
JULY_NOV = "between July and November 1941"
ENCYCLOPEDIA = "gpw_encyclopedia_eastern_regions.csv"
SECOND_HALF = "во второй половине 1941"


def _p(file: str, row: str, column: str, estimate: str, scope: str, destination: str = "all") -> Pick:
    return Pick(file, row, column, {"estimate": estimate, "scope": scope, "destination": destination})


PICKS = [
    _p(WERTH, "industrial enterprises moved to the east", JULY_NOV, "werth-1523", "all"),
    _p(WERTH, "large war plants moved to the east", JULY_NOV, "werth-1523", "large"),
    _p(WERTH, "to the Volga area", JULY_NOV, "werth-1523", "all", "Volga"),
    _p(WERTH, "to the Urals", JULY_NOV, "werth-1523", "all", "Urals"),
    _p(WERTH, "to Western Siberia", JULY_NOV, "werth-1523", "all", "Western Siberia"),
    _p(WERTH, "to Eastern Siberia", JULY_NOV, "werth-1523", "all", "Eastern Siberia"),
    _p(WERTH, "to Kazakhstan and Central Asia", JULY_NOV, "werth-1523", "all", "Kazakhstan and Central Asia"),
    _p(WERTH, "Moscow: enterprises moved to the east", "October 10 to the end of November 1941", "werth-moscow",
       "from Moscow"),
    _p("muller_wehrmacht_occupation.csv", "перемещены на восток промышленные предприятия", "С июля по ноябрь 1941 г.",
       "muller-1523", "all"),
    _p("muller_wehrmacht_occupation.csv", "в том числе крупных заводов", "С июля по ноябрь 1941 г.", "muller-1523",
       "large"),
    _p("yashin_2008_evacuation_transport.csv", "эвакуировались предприятия", "июле-ноябре 1941 г.", "yashin-2593",
       "all"),
    _p("yashin_2008_evacuation_transport.csv", "в их числе крупных заводов", "июле-ноябре 1941 г.", "yashin-2593",
       "large"),
    _p("wikipedia_ru_evacuation_council.csv", "было спасено предприятий", "за время работы Совета", "wikipedia-ru-2593",
       "all"),
    _p("wikipedia_ru_evacuation_council.csv", "в том числе крупных", "за время работы Совета", "wikipedia-ru-2593",
       "large"),
    _p("wikipedia_industrialization_ww2.csv", "large (mostly military) enterprises were displaced",
       "In the first three months of the war alone", "wikipedia-1360-first-three-months", "large"),
    _p("goldman_filtzer_fortress.csv", "вывезено на восток предприятий", "За вторую половину 1941 года",
       "goldman-filtzer-2593", "all"),
    _p(ENCYCLOPEDIA, "эвакуировано промышленных предприятий", SECOND_HALF, "gpw-encyclopedia-2593", "all"),
    _p(ENCYCLOPEDIA, "в т. ч. крупных заводов и фабрик", SECOND_HALF, "gpw-encyclopedia-2593", "large"),
]


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/evacuated_enterprises.csv``."""
    return series(PICKS, raw_dir, printed_period=True)
