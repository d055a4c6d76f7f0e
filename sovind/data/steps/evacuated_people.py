"""People evacuated, 1941–1945: every published estimate, with whether it is a bound."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sovind.data.steps._pick import Pick, series


def _p(file: str, row: str, column: str, estimate: str, bound: str) -> Pick:
    return Pick(file, row, column, {"estimate": estimate, "bound": bound})


YASHIN = "yashin_2008_evacuation_transport.csv"
GF = "goldman_filtzer_fortress.csv"

PICKS = [
    _p(YASHIN, "рабочих, служащих и членов их семей", "июле-ноябре 1941 г.", "yashin-jul-nov-1941", "as printed"),
    _p(YASHIN, "число эвакуированных", "июне-декабре 1941 г.", "yashin-jun-dec-1941", "as printed"),
    _p(YASHIN, "число эвакуированных", "за годы войны", "yashin-whole-war", "about"),
    _p(GF, "эвакуировано людей", "За вторую половину 1941 года", "goldman-filtzer-1941", "about"),
    _p(GF, "эвакуировано людей", "к концу 1942 года", "goldman-filtzer-1942", "at least"),
    _p("manley_escape_to_tashkent.csv", "Soviet citizens evacuated",
       "between June 1941 and the autumn of the next year", "manley", "about"),
    _p("wikipedia_ru_evacuation_council.csv", "и около человек", "за время работы Совета", "wikipedia-ru", "about"),
    _p("dubson_scale_of_evacuation.csv", "эвакуировано человек", "в 1941-1942 гг.", "dubson", "fewer than"),
    _p("wikipedia_evacuation_in_the_ussr.csv", "Soviet civilians moved", "by the end of 1941", "wikipedia",
       "nearly"),
    _p("gpw_encyclopedia_eastern_regions.csv", "перевезено человек", "во второй половине 1941", "gpw-encyclopedia-1941",
       "over"),
]


def build(raw_dir: Path | None = None) -> list[dict[str, Any]]:
    """Return the rows of ``data/clean/evacuated_people.csv``."""
    return series(PICKS, raw_dir, printed_period=True)
